"""One self-contained HTML report per unit and year (``laporan.html``).

Opens offline in any browser: the charts are embedded as PNG data, the
style is inline, nothing is fetched from elsewhere. Every text that comes
from the data is escaped. A table of contents links the sections, which
follow Bab III A and B and Bab IV of the LKjIP outline.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from lakip import analysis, audit, charts, display, narasi
from lakip.load import Unit

__all__ = ["tabel_html", "tulis_html", "siapkan_html"]

_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:14px;line-height:1.45;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #999;margin-top:2em}h3{font-size:1.1em}
table{border-collapse:collapse;margin:.6em 0 1.4em;font-size:.9em}
th,td{border:1px solid #999;padding:.25em .5em;vertical-align:top}th{background:#eee;text-align:left}
td.n{text-align:right;white-space:nowrap}caption{caption-side:top;text-align:left;font-weight:bold;padding:.3em 0}
figure{margin:1em 0}figure img{max-width:100%;height:auto}figcaption{font-size:.9em;font-style:italic}
nav ol{columns:2}.catatan{background:#fcf8e3;border:1px solid #e5d9a5;padding:.5em 1em}
.sesuai{background:#dff0d8}.tidak{background:#f2dede}.tdh{background:#fcf8e3}
@media print{nav{display:none}h2{page-break-before:always}}
"""

_ANGKA = ("%", "Rp", "pp")


def _sel(v: object) -> str:
    t = "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)
    cls = ' class="n"' if t and (t[0].isdigit() or t[:1] in "-+" or t.startswith("Rp") or t == "N/A") else ""
    return f"<td{cls}>{html.escape(t)}</td>"


def tabel_html(tabel: pd.DataFrame, judul: str) -> str:
    """A table of strings as an HTML table with its caption; every cell escaped."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in tabel.columns)
    rows = "".join("<tr>" + "".join(_sel(v) for v in row) + "</tr>" for row in tabel.itertuples(index=False))
    return f"<table><caption>{html.escape(judul)}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _gambar(png: Path, judul: str) -> str:
    data = base64.b64encode(png.read_bytes()).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{html.escape(judul)}">'
            f"<figcaption>{html.escape(judul)}</figcaption></figure>")


def tulis_html(unit: Unit, tahun: int, tujuan: str | Path, folder_grafik: str | Path | None = None,
               grafik: charts.SumberGrafik | None = None) -> Path:
    """Write the report; charts come from ``folder_grafik`` (a run's ``grafik/``) or are drawn here.

    ``grafik`` instead gives the source of the charts (e.g. waiting for
    notebooks still drawing).
    """
    return charts.tulis_dengan_grafik(siapkan_html, unit, tahun, tujuan, folder_grafik, grafik)


def siapkan_html(unit: Unit, tahun: int, grafik: charts.SumberGrafik) -> Callable[[str | Path], Path]:
    """Build the report, asking ``grafik`` for its charts; return the function that
    writes it to a path once ``grafik.selesaikan()`` has handed them over."""
    figures: dict[str, str] = {}

    def figure(nama: str, make, judul: str) -> str:
        """A placeholder for the chart, filled in when ``grafik`` hands it over."""
        key = f"\x00gambar-{len(figures)}\x00"
        figures[key] = ""
        grafik.minta(nama, make, lambda png: figures.__setitem__(key, _gambar(png, judul)))
        return key

    iku = analysis.tabel_capaian_iku(unit, tahun)
    per = analysis.tabel_perbandingan(unit, tahun)
    ang = analysis.tabel_anggaran(unit, tahun)
    eff = analysis.tabel_efisiensi(unit, tahun)
    ring = analysis.ringkasan(unit, tahun)
    sk = unit.pilihan.skala
    sections: list[tuple[str, str, str]] = []  # (id, title, body)
    no = {"tabel": 0, "gambar": 0}

    def cap(kind: str, text: str) -> str:
        no[kind] += 1
        return f"{'Tabel' if kind == 'tabel' else 'Gambar'} {no[kind]}. {text}"

    notes = analysis.catatan_data(unit, tahun)
    intro = "".join(f'<p class="catatan">{html.escape(n)}</p>' for n in notes)

    body = tabel_html(display.tampil_capaian_iku(iku), cap("tabel", f"Hasil Pengukuran Capaian Kinerja Tahun {tahun}"))
    body += figure("capaian_iku", lambda: charts.grafik_capaian_iku(iku, sk, tahun=tahun),
                   cap("gambar", "Capaian IKU terhadap kategori"))
    body += figure("target_realisasi", lambda: charts.grafik_target_realisasi(iku, unit.indikator, tahun),
                   cap("gambar", "Target dan realisasi IKU"))
    sections.append(("capaian", "Capaian Indikator Kinerja Utama", intro + body))

    body = tabel_html(display.tampil_capaian_sasaran(analysis.tabel_capaian_sasaran(unit, tahun)),
                      cap("tabel", "Capaian per Sasaran Strategis"))
    body += tabel_html(display.tampil_distribusi(analysis.tabel_distribusi(unit, tahun)), cap("tabel", "Sebaran Kategori IKU"))
    for p in narasi.paragraf_sasaran(unit, tahun).values():
        body += f"<p>{html.escape(p)}</p>"
    sections.append(("sasaran", "Capaian per Sasaran dan Sebaran Kategori", body))

    years = analysis.tahun_banding(per, tahun)  # the years the Word report compares
    per = per[per["tahun"].isin(years)]
    if len(years) < 2:
        body = f"<p>{html.escape(narasi.teks_tanpa_perbandingan(tahun))}</p>"
    else:
        body = tabel_html(display.tampil_perbandingan(per, unit.indikator),
                          cap("tabel", f"Perbandingan Capaian Kinerja Tahun {years[0]}-{tahun}"))
        body += figure("tren_capaian", lambda: charts.grafik_tren(per, unit.indikator, sk), cap("gambar", "Tren capaian IKU"))
    sections.append(("perbandingan", "Perbandingan dengan Tahun Sebelumnya", body))

    # as the Word report: the table and chart only where the year has budget data, the same sentences
    if eff.empty or unit.anggaran_iku[unit.anggaran_iku["tahun"] == tahun].empty:
        body = f"<p>{html.escape(narasi.teks_efisiensi(tahun, unit.pilihan.metode_efisiensi, []))}</p>"
    else:
        body = tabel_html(display.tampil_efisiensi(eff, unit.indikator), cap("tabel", "Efisiensi Penggunaan Sumber Daya"))
        body += f"<p>{html.escape(narasi.paragraf_efisiensi(unit, tahun))}</p>"
        body += figure("efisiensi", lambda: charts.grafik_efisiensi(eff, tahun),
                       cap("gambar", "Capaian kinerja dan capaian anggaran per IKU"))
    sections.append(("efisiensi", "Efisiensi Penggunaan Sumber Daya", body))

    body = f"<p>{html.escape(narasi.paragraf_anggaran(unit, tahun))}</p>"
    if not ang[(ang["tingkat"] == "program") & ang["induk"].isna()].empty:
        body += tabel_html(display.tampil_total_program(ang), cap("tabel", "Komposisi Belanja per Program"))
        body += figure("serapan_program", lambda: charts.grafik_serapan_program(ang, tahun),
                       cap("gambar", "Pagu dan realisasi anggaran per program"))
    if not ang[(ang["tingkat"] == "bagian") & ang["induk"].isna()].empty:
        body += figure("alokasi_bagian", lambda: charts.grafik_alokasi_bagian(ang, tahun),
                       cap("gambar", "Alokasi anggaran per Bagian"))
    cek = display.tampil_cek_anggaran(analysis.tabel_cek_anggaran(unit, tahun))
    if len(cek):
        body += tabel_html(cek, cap("tabel", "Induk anggaran yang tidak sama dengan jumlah rinciannya"))
    sections.append(("anggaran", "Realisasi Anggaran", body))

    rev = audit.reviu(unit, tahun)
    s = audit.ringkasan_reviu(rev)
    if not len(rev):
        body = f"<p>Angka laporan tercetak (laporan.csv) tahun {tahun} belum tersedia: tidak ada yang direviu.</p>"
    else:
        body = tabel_html(display.tampil_ringkasan_reviu(s), cap("tabel", "Ringkasan reviu angka laporan"))
    bad = display.urut_reviu(rev)
    if len(bad):
        t = bad[["tabel", "kunci", "nilai_laporan", "status", "penjelasan"]].rename(columns={
            "tabel": "Tabel", "kunci": "Kunci", "nilai_laporan": "Tercetak", "status": "Status", "penjelasan": "Penjelasan"})
        body += tabel_html(t, cap("tabel", "Temuan reviu, per tabel, selisih terbesar lebih dahulu"))
    sections.append(("reviu", "Reviu Angka Laporan", body))

    body = tabel_html(display.tampil_ringkasan(ring), cap("tabel", "Ringkasan capaian"))
    body += f"<p>{html.escape(narasi.paragraf_ringkasan(unit, tahun))}</p>"
    sections.append(("penutup", "Penutup", body))

    title = f"Laporan Kinerja {unit.nama} Tahun {tahun}"
    toc = "".join(f'<li><a href="#{sid}">{html.escape(t)}</a></li>' for sid, t, _ in sections)
    content = "".join(f'<section id="{sid}"><h2>{html.escape(t)}</h2>{b}</section>' for sid, t, b in sections)
    page = (f'<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            f"<h1>{html.escape(title)}</h1>\n<p>Disusun dengan lakip dari data {html.escape(unit.slug)}.</p>\n"
            f"<nav><h2>Daftar Isi</h2><ol>{toc}</ol></nav>\n{content}\n</body>\n</html>\n")

    def tulis(tujuan: str | Path) -> Path:
        text = page
        for key, fig_html in figures.items():
            text = text.replace(key, fig_html, 1)
        out = Path(tujuan)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        return out

    return tulis
