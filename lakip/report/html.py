"""One self-contained HTML report per unit and year (``laporan.html``).

Opens offline in any browser: the charts are embedded as PNG data, the
style is inline, nothing is fetched from elsewhere. A table of contents links
the chapters (Bab I to Bab IV of the LKjIP outline, then the reviu as an appendix) and their
sections; the chapters' own prose is left to the planner as highlighted placeholders.

The page is the Jinja2 template ``templates/laporan.html.j2`` filled with
sections of blocks (paragraphs, tables, figures). The template escapes every
value it writes (autoescape; a value is escaped as the standard library's
:func:`html.escape` does), so no text from the data can become markup.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pandas as pd
from markupsafe import Markup

from lakip.core import budget
from lakip.core.numbers import tidak_ada
from lakip.report import charts, display, display_luar as dl, metode, narasi
from lakip.report.charts import Gambar, SumberGrafik, luar
from lakip.report.display_profil import isian
from lakip.report.hasil import Hasil

__all__ = ["Tabel", "Teks", "Figur", "tabel", "siapkan_html", "halaman"]

_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:14px;line-height:1.45;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #999;margin-top:2em}h3{font-size:1.1em}
table{border-collapse:collapse;margin:.6em 0 1.4em;font-size:.9em}
th,td{border:1px solid #999;padding:.25em .5em;vertical-align:top}th{background:#eee;text-align:left}
td.n{text-align:right;white-space:nowrap}caption{caption-side:top;text-align:left;font-weight:bold;padding:.3em 0}
figure{margin:1em 0}figure img{max-width:100%;height:auto}figcaption{font-size:.9em;font-style:italic}
nav>ol{columns:2}.catatan{background:#fcf8e3;border:1px solid #e5d9a5;padding:.5em 1em}
.isian{background:#ffff00;font-style:italic;padding:.2em .4em}
.sesuai{background:#dff0d8}.tidak{background:#f2dede}.tdh{background:#fcf8e3}
@media print{nav{display:none}h2{page-break-before:always}}
"""


@dataclass(frozen=True)
class Sel:
    """A table cell: its text, and whether it is a number (set right-aligned)."""

    teks: str

    @property
    def angka(self) -> bool:
        t = self.teks
        return bool(t) and (t[0].isdigit() or t[:1] in "-+" or t.startswith("Rp") or t == "N/A")


@dataclass(frozen=True)
class Tabel:
    """A table of strings with its caption."""

    judul: str
    kolom: list[str]
    baris: list[list[Sel]]
    jenis: str = "tabel"


@dataclass(frozen=True)
class Teks:
    """A paragraph (``jenis`` ``paragraf``), a note on what the data lacks (``catatan``), or a placeholder for the
    planner's own prose (``isian``, highlighted)."""

    teks: str
    jenis: str = "paragraf"


@dataclass
class Figur:
    """A chart with its caption; its picture comes when the chart source hands it over."""

    judul: str
    data: str = ""  # the PNG, base64
    jenis: str = "gambar"

    def pakai(self, g: Gambar) -> None:
        self.data = base64.b64encode(g.png).decode("ascii")


@dataclass
class _Bagian:
    id: str
    judul: str
    isi: list[Any] = field(default_factory=list)


@dataclass
class _Bab:
    """A chapter of the LKjIP (or the appendix) and its sections."""

    id: str
    judul: str
    bagian: list[_Bagian]


def tabel(t: pd.DataFrame, judul: str) -> Tabel:
    """A table of strings (as :mod:`lakip.report.display` makes them) as a :class:`Tabel`."""
    def sel(v: object) -> Sel:
        return Sel("" if v is None or (isinstance(v, float) and tidak_ada(v)) else str(v))

    return Tabel(judul, [str(c) for c in t.columns], [[sel(v) for v in row] for row in t.itertuples(index=False)])


def _aman(v: object) -> Markup:
    """Every value the template writes, escaped as :func:`html.escape` does (a template's own markup passes)."""
    return v if isinstance(v, Markup) else Markup(html.escape(str(v)))


@cache
def _templat():
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("lakip.report", "templates"), autoescape=True,
                             finalize=_aman, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return env.get_template("laporan.html.j2")


def halaman(judul: str, slug: str, bab: list[_Bab]) -> str:
    """The page: the template filled with the chapters and their sections."""
    return _templat().render(judul=judul, slug=slug, css=Markup(_CSS), bab=bab)


class _Penomoran:
    """Running numbers of the captions: ``Tabel 1. ...``, ``Gambar 1. ...``."""

    def __init__(self) -> None:
        self.no = {"tabel": 0, "gambar": 0}

    def __call__(self, kind: str, text: str) -> str:
        self.no[kind] += 1
        return f"{'Tabel' if kind == 'tabel' else 'Gambar'} {self.no[kind]}. {text}"


def _capaian(h: Hasil, cap: _Penomoran, figur: Callable[..., Figur]) -> _Bagian:
    a = h.analisis
    iku, sk, tahun = a.capaian_iku, a.pilihan.skala, a.tahun
    isi: list[Any] = [Teks(n, "catatan") for n in a.catatan()]
    # the scale and the method, as Bab III A of the Word report opens
    skala = cap("tabel", "Skala nilai peringkat kinerja")
    isi += [tabel(display.tampil_skala(sk), skala), Teks(f"Sumber: {metode.catatan_skala(a.pilihan)}"),
            Teks(metode.teks_metode(a.pilihan, skala.split(".")[0], a.unit.lampiran))]
    isi.append(tabel(display.tampil_capaian_iku(iku), cap("tabel", f"Hasil Pengukuran Capaian Kinerja Tahun {tahun}")))
    isi.append(figur("capaian_iku", lambda: charts.grafik_capaian_iku(iku, sk, tahun=tahun),
                     cap("gambar", "Capaian IKU terhadap kategori")))
    isi.append(figur("target_realisasi", lambda: charts.grafik_target_realisasi(iku, a.unit.indikator, tahun),
                     cap("gambar", "Target dan realisasi IKU")))
    return _Bagian("capaian", "Capaian Indikator Kinerja Utama", isi)


def _sasaran(h: Hasil, cap: _Penomoran) -> _Bagian:
    a = h.analisis
    isi: list[Any] = [tabel(display.tampil_capaian_sasaran(a.capaian_sasaran), cap("tabel", "Capaian per Sasaran Strategis")),
                      tabel(display.tampil_distribusi(a.distribusi), cap("tabel", "Sebaran Kategori IKU"))]
    isi += [Teks(p) for p in narasi.paragraf_sasaran(a).values()]
    return _Bagian("sasaran", "Capaian per Sasaran dan Sebaran Kategori", isi)


def _luar(h: Hasil, cap: _Penomoran, figur: Callable[..., Figur]) -> list[_Bagian]:
    """The IKM of the survey and the AKIP of the LKE of the year, each where the unit has it, after the sasaran
    whose IKU they feed (the same tables, sentences and charts as the Word report's)."""
    a = h.analisis
    out = []
    if dl.ada_ikm(a):
        assert a.ikm is not None
        isi: list[Any] = [Teks(dl.kalimat_ikm(a)),
                          tabel(dl.tampil_ikm(a.ikm, a.bobot_ikm), cap("tabel", f"Nilai rata-rata per unsur dan IKM Tahun {a.tahun}"))]
        if a.ikm_layanan is not None and len(a.ikm_layanan):
            isi.append(tabel(dl.tampil_ikm_layanan(a.ikm_layanan), cap("tabel", "Indeks Kepuasan Masyarakat per layanan")))
        isi.append(figur(luar.NAMA_GRAFIK_IKM, lambda: luar.grafik_nrr(a.ikm, a.tahun),
                         cap("gambar", "Nilai rata-rata per unsur pelayanan terhadap mutu pelayanan")))
        out.append(_Bagian("ikm", "Indeks Kepuasan Masyarakat", isi))
    if dl.ada_akip(a):
        assert a.akip is not None
        out.append(_Bagian("akip", "Nilai Akuntabilitas Kinerja Instansi Pemerintah", [
            Teks(dl.kalimat_akip(a)),
            tabel(dl.tampil_akip(a.akip), cap("tabel", f"Hasil evaluasi akuntabilitas kinerja Tahun {a.tahun}")),
            figur(luar.NAMA_GRAFIK_AKIP, lambda: luar.grafik_akip(a.komponen_akip, a.nilai_akip, a.tahun),
                  cap("gambar", "Nilai komponen AKIP terhadap bobotnya"))]))
    return out


def _perbandingan(h: Hasil, cap: _Penomoran, figur: Callable[..., Figur]) -> _Bagian:
    a = h.analisis
    years, per = a.tahun_banding, a.perbandingan_banding  # the years the Word report compares
    if len(years) < 2:
        isi: list[Any] = [Teks(narasi.teks_tanpa_perbandingan(a.tahun))]
    else:
        isi = [tabel(display.tampil_perbandingan(per, a.unit.indikator),
                     cap("tabel", f"Perbandingan Capaian Kinerja Tahun {years[0]}-{a.tahun}")),
               figur("tren_capaian", lambda: charts.grafik_tren(per, a.unit.indikator, a.pilihan.skala),
                     cap("gambar", "Tren capaian IKU"))]
    return _Bagian("perbandingan", "Perbandingan dengan Tahun Sebelumnya", isi)


def _efisiensi(h: Hasil, cap: _Penomoran, figur: Callable[..., Figur]) -> _Bagian:
    # as the Word report: the table and chart only where the year has budget data, the same sentences
    a = h.analisis
    eff = a.efisiensi
    if eff.empty or a.anggaran_iku_tahun.empty:
        isi: list[Any] = [Teks(narasi.teks_efisiensi(a.tahun, a.pilihan.metode_efisiensi, []))]
    else:
        isi = [tabel(display.tampil_efisiensi(eff, a.unit.indikator), cap("tabel", "Efisiensi Penggunaan Sumber Daya")),
               Teks(narasi.paragraf_efisiensi(a)),
               figur("efisiensi", lambda: charts.grafik_efisiensi(eff, a.tahun),
                     cap("gambar", "Capaian kinerja dan capaian anggaran per IKU"))]
    return _Bagian("efisiensi", "Efisiensi Penggunaan Sumber Daya", isi)


def _anggaran(h: Hasil, cap: _Penomoran, figur: Callable[..., Figur]) -> _Bagian:
    a = h.analisis
    ang, tahun = a.anggaran, a.tahun
    isi: list[Any] = [Teks(narasi.paragraf_anggaran(a))]
    if not budget.puncak(ang, "program").empty:
        isi.append(tabel(display.tampil_total_program(ang), cap("tabel", "Komposisi Belanja per Program")))
        isi.append(figur("serapan_program", lambda: charts.grafik_serapan_program(ang, tahun),
                         cap("gambar", "Pagu dan realisasi anggaran per program")))
    if not budget.puncak(ang, "bagian").empty:
        isi.append(figur("alokasi_bagian", lambda: charts.grafik_alokasi_bagian(ang, tahun, a.unit.unit_kerja),
                         cap("gambar", f"Alokasi anggaran per {a.unit.unit_kerja}")))
    cek = display.tampil_cek_anggaran(a.cek_anggaran)
    if len(cek):
        isi.append(tabel(cek, cap("tabel", "Induk anggaran yang tidak sama dengan jumlah rinciannya")))
    return _Bagian("anggaran", "Realisasi Anggaran", isi)


def _reviu(h: Hasil, cap: _Penomoran) -> _Bagian:
    rev = h.reviu.temuan
    if not len(rev):
        isi: list[Any] = [Teks(f"Angka laporan tercetak (laporan.csv) tahun {h.tahun} belum tersedia: tidak ada yang direviu.")]
    else:
        isi = [tabel(display.tampil_ringkasan_reviu(h.reviu.ringkasan), cap("tabel", "Ringkasan reviu angka laporan"))]
    bad = display.urut_reviu(rev)
    if len(bad):
        t = bad[["tabel", "kunci", "nilai_laporan", "status", "penjelasan"]].rename(columns={
            "tabel": "Tabel", "kunci": "Kunci", "nilai_laporan": "Tercetak", "status": "Status", "penjelasan": "Penjelasan"})
        isi.append(tabel(t, cap("tabel", "Temuan reviu, per tabel, selisih terbesar lebih dahulu")))
    return _Bagian("reviu", "Reviu Angka Laporan", isi)


def _penutup(h: Hasil, cap: _Penomoran) -> _Bagian:
    a = h.analisis
    return _Bagian("penutup", "Penutup", [tabel(display.tampil_ringkasan(a.ringkasan), cap("tabel", "Ringkasan capaian")),
                                          Teks(narasi.paragraf_ringkasan(a)),
                                          Teks(isian("langkah yang akan dilakukan untuk meningkatkan kinerja pada tahun "
                                                     "berikutnya."), "isian")])


def siapkan_html(h: Hasil, grafik: SumberGrafik) -> Callable[[], str]:
    """Build the report of ``h``, asking ``grafik`` for its charts; return the function that
    gives the page once ``grafik.selesaikan()`` has handed them over."""
    def figur(nama: str, buat: Callable, judul: str) -> Figur:
        f = Figur(judul)
        grafik.minta(nama, buat, f.pakai)
        return f

    from lakip.report import html_profil  # it builds on this module's blocks

    cap = _Penomoran()
    bab = [_Bab("bab-1", "Bab I Pendahuluan", html_profil.bab1(h.analisis, cap, figur)),
           _Bab("bab-2", "Bab II Perencanaan Kinerja", html_profil.bab2(h.analisis, cap)),
           _Bab("bab-3", "Bab III Akuntabilitas Kinerja", [_capaian(h, cap, figur), _sasaran(h, cap), *_luar(h, cap, figur),
                                                          _perbandingan(h, cap, figur),
                                                          _efisiensi(h, cap, figur), _anggaran(h, cap, figur)]),
           _Bab("bab-4", "Bab IV Penutup", [_penutup(h, cap)]),
           _Bab("lampiran", "Lampiran", [_reviu(h, cap)])]
    return lambda: halaman(f"Laporan Kinerja {h.unit.nama} Tahun {h.tahun}", h.unit.slug, bab)
