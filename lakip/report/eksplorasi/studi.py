"""The exploratory study of one unit-year: the controls of every IKU, the buttons, and the redraw
of every table, mean and chart at each change (:class:`Eksplorasi`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lakip.core.model import Unit
from lakip.core.numbers import is_kosong, tidak_ada
from lakip.core.paths import output_dir
from lakip.core.tables import cek_tahun
from lakip.core.whatif import Perubahan, PerubahanError, skenario
from lakip.report.eksplorasi.isian import Isian, widgets
from lakip.report.display import keterangan_efisiensi
from lakip.report.eksplorasi.tampil import GAYA_TABEL, gambar_svg, tabel_html, tabel_tampil, teks_rata_rata

__all__ = ["KontrolIKU", "Eksplorasi"]

#: The tabs of the results, in order: (key of :func:`tabel_tampil` or ``grafik``, title).
TAB = (("iku", "Capaian IKU"), ("grafik", "Grafik"), ("sasaran", "Capaian Sasaran"), ("distribusi", "Distribusi"),
       ("efisiensi", "Efisiensi"), ("kebutuhan", "Naik Kategori"), ("perubahan", "Daftar Perubahan"))


@dataclass
class KontrolIKU:
    """The controls of one IKU: its realisasi and target, and its budget where the unit has one."""

    kode: str
    realisasi: Isian
    target: Isian
    pagu: Isian | None
    realisasi_anggaran: Isian | None
    widget: Any

    def isian(self) -> list[Isian]:
        """Its controls in the order their changes are applied."""
        return [i for i in (self.target, self.realisasi, self.pagu, self.realisasi_anggaran) if i is not None]


def _jenis_isian(jenis: str, kolom: str) -> str:
    if jenis == "rentang":
        return "angka" if kolom == "realisasi" else "teks"
    return jenis if jenis in ("angka", "level", "kategori") else "teks"


def _awal(row: Any, kolom: str, jenis: str) -> object:
    """The data's target or realisasi as a control starts: the number for a number, the text otherwise."""
    if jenis == "angka":
        x = row[f"{kolom}_nilai"]
        return None if tidak_ada(x) else float(x)
    teks = row[kolom]
    return None if not isinstance(teks, str) or is_kosong(teks) else teks


class Eksplorasi:
    """Live what-if controls for one unit-year, redrawing the study at every change.

    Args:
        unit: the loaded unit (it is never changed: each change is a scenario on a copy).
        tahun: the year (default: the latest with a realisasi, as ``lakip skenario``).
        tulis_skenario: writes the ``skenario/`` folder ``lakip skenario`` writes, called as
            ``tulis_skenario(unit, tahun, perubahan)`` and returning the folder (or ``(hasil, folder)``);
            the notebook passes :func:`lakip.app.skenario.tulis_skenario`. Without it that button is off.
        tulis_teks: writes a text file whole, ``tulis_teks(path, text)`` (the notebook passes
            :func:`lakip.app.files.tulis_utuh`); default: :meth:`pathlib.Path.write_text`.
        berkas_yaml: where the scenario button saves (default ``<folder_keluaran>/<entitas>/skenario-<tahun>.yml``).
        folder_keluaran: the output folder (default: the project's ``outputs/``).
        grafik: draw the chart at each change.

    Attributes:
        kontrol: IKU code -> :class:`KontrolIKU`; ``kontrol["IKU-7"].realisasi.value = 80`` redraws.
        hasil: the latest :func:`lakip.core.whatif.skenario` result.
        tabel: the display tables of ``hasil`` (name -> DataFrame).
        galat: the message of a change that cannot be applied (None when every change applies).
        tampilan: the root widget to display.
    """

    def __init__(self, unit: Unit, tahun: int | None = None, tulis_skenario: Callable[..., Any] | None = None,
                 tulis_teks: Callable[[Path, str], Any] | None = None, berkas_yaml: str | Path | None = None,
                 folder_keluaran: str | Path | None = None, grafik: bool = True) -> None:
        w = widgets()
        self.unit = unit
        self.tahun = cek_tahun(unit, tahun)
        self._tulis_skenario, self._tulis_teks, self._grafik = tulis_skenario, tulis_teks, grafik
        self._tahan = False
        self.galat: str | None = None
        self.durasi: float | None = None
        self.hasil: dict[str, Any] = skenario(unit, self.tahun, [])
        self.kontrol = self._buat_kontrol()
        yml = berkas_yaml or output_dir(folder_keluaran, unit.slug, self.tahun).parent / f"skenario-{self.tahun}.yml"
        self._rata = w.HTML()
        self._rata.add_class("lakip-rata-rata")
        self._rata_tabel = w.HTML()
        self._pesan = w.HTML()
        self._pesan.add_class("lakip-pesan")
        self._berkas = w.Text(value=str(yml), description="Berkas YAML", layout=w.Layout(width="640px"),
                              style={"description_width": "90px"})
        tombol = {
            "reset": w.Button(description="Kembalikan ke data", icon="undo", layout=w.Layout(width="auto"),
                              tooltip="Semua nilai kembali seperti di data"),
            "yaml": w.Button(description="Simpan skenario (YAML)", icon="save", layout=w.Layout(width="auto"),
                             tooltip="Berkas yang dibaca: lakip skenario --file BERKAS"),
            "folder": w.Button(description="Tulis folder skenario/", icon="folder", layout=w.Layout(width="auto"),
                               tooltip="Berkas yang sama dengan perintah lakip skenario",
                               disabled=tulis_skenario is None),
        }
        tombol["reset"].on_click(lambda _: self.reset())
        tombol["yaml"].on_click(lambda _: self._aman(lambda: self.simpan_yaml(self._berkas.value)))
        tombol["folder"].on_click(lambda _: self._aman(self.tulis_folder))
        self.tombol = tombol
        self._html = {k: w.HTML() for k, _ in TAB if k != "grafik"}
        self._gambar = w.Image(format="svg+xml", layout=w.Layout(max_width="900px"))
        self._grafik_tertunda = False
        tab = w.Tab(children=[self._gambar if k == "grafik" else self._html[k] for k, _ in TAB],
                    titles=[judul for _, judul in TAB])
        for k in self.kontrol.values():
            k.widget.layout.flex = "0 0 auto"  # in the scrolling box, each IKU keeps its height (it shrank to a line)
        kontrol = w.VBox([k.widget for k in self.kontrol.values()],
                         layout=w.Layout(max_height="520px", overflow="auto", border="1px solid #ddd", padding="4px"))
        self.tampilan = w.VBox([
            w.HTML(GAYA_TABEL + f"<h3>Eksplorasi skenario: {unit.nama} - Tahun {self.tahun}</h3>"
                   "<p>Ubah realisasi, target atau anggaran tiap IKU; tabel, rata-rata dan grafik dihitung ulang "
                   "seketika. Data asli tidak diubah.</p>"),
            self._rata, self._rata_tabel,
            w.HBox(list(tombol.values())), self._berkas, self._pesan,
            w.HTML("<h4>Nilai per IKU</h4>"), kontrol,
            w.HTML("<h4>Hasil</h4>"), tab,
        ])
        self.tabel: dict[str, Any] = {}
        self._gambarkan()
        self._gambar_grafik()

    # ------------------------------------------------------------------ the controls

    def _buat_kontrol(self) -> dict[str, KontrolIKU]:
        w = widgets()
        u, th = self.unit, self.tahun
        meta = u.indikator.set_index("kode")
        kin = u.kinerja[u.kinerja["tahun"] == th].set_index("kode")
        ang = u.anggaran_iku[u.anggaran_iku["tahun"] == th].drop_duplicates("kode").set_index("kode")
        out = {}
        for kode in self.hasil["iku"]["kode"]:
            m, row = meta.loc[kode], kin.loc[kode]
            jenis, kata = str(m["jenis"]), m["skala_kata"]
            kata = tuple(kata) if isinstance(kata, (tuple, list)) else None
            jr, jt = _jenis_isian(jenis, "realisasi"), _jenis_isian(jenis, "target")
            target_awal = _awal(row, "target", jt)
            isi = dict(kata=kata, saat_ubah=self.perbarui)
            target = Isian(kode, "target", jt, target_awal, label="Target", **isi)
            realisasi = Isian(kode, "realisasi", jr, _awal(row, "realisasi", jr), boleh_na=True,
                              acuan=target_awal if jt == "angka" else None, label="Realisasi", **isi)
            pagu = real = None
            if kode in ang.index:
                p, r = ang.at[kode, "pagu"], ang.at[kode, "realisasi"]
                pagu = Isian(kode, "pagu", "angka", p, uang=True, saat_ubah=self.perbarui, label="Pagu (Rp)")
                real = Isian(kode, "realisasi_anggaran", "angka", r, boleh_na=True, acuan=p, uang=True,
                             saat_ubah=self.perbarui, label="Realisasi angg. (Rp)")
            judul = w.HTML(f"<b>{kode}</b> {m['indikator']} <i>({m['satuan']}, {m['polaritas']}, {jenis})</i>")
            baris = [judul, target.widget, realisasi.widget] + [i.widget for i in (pagu, real) if i is not None]
            out[kode] = KontrolIKU(kode, realisasi, target, pagu, real,
                                   w.VBox(baris, layout=w.Layout(border_bottom="1px solid #eee", padding="2px 0")))
        return out

    def perubahan(self) -> list[Perubahan]:
        """The changes the controls hold now: each value that differs from the data's, as text."""
        return [Perubahan(i.kolom, k.kode, i.teks()) for k in self.kontrol.values() for i in k.isian() if i.diubah()]

    # ------------------------------------------------------------------ the study

    def perbarui(self) -> None:
        """Run the scenario of the controls' values and redraw everything (called at each change)."""
        if self._tahan:
            return
        mulai = time.perf_counter()
        try:
            hasil = skenario(self.unit, self.tahun, self.perubahan())
        except PerubahanError as e:
            self.galat = str(e)
            self._pesan.value = f'<p style="color:#b00020">Perubahan tidak dapat dipakai: {_esc(e)}</p>'
            return
        self.galat = None
        self.hasil = hasil
        self._gambarkan()
        self.durasi = time.perf_counter() - mulai
        self._jadwalkan_grafik()

    def _gambarkan(self) -> None:
        u = self.unit
        tabel = tabel_tampil(self.hasil, u.pilihan.skala)
        self.tabel = {k: t for k, (t, _) in tabel.items()}
        self._rata.value = f"<h4>{_esc(teks_rata_rata(self.hasil))}</h4>"
        self._rata_tabel.value = tabel_html(*tabel["rata_rata"])
        for k, el in self._html.items():
            t, tandai = tabel[k]
            awal = f"<p>{_esc(keterangan_efisiensi(u.pilihan.metode_efisiensi))}</p>" if k == "efisiensi" else ""
            kosong = {"perubahan": "Belum ada perubahan: semua nilai seperti di data.",
                      "kebutuhan": "Semua IKU sudah berada di kategori tertinggi."}.get(k, "Tidak ada baris.")
            el.value = awal + (tabel_html(t, tandai) if len(t) else f"<p>{kosong}</p>")
        n = len(self.hasil["perubahan"])
        if self.galat is None:
            self._pesan.value = f"<p>{n} perubahan diterapkan.</p>" if n else "<p>Tanpa perubahan (data apa adanya).</p>"

    def _jadwalkan_grafik(self) -> None:
        """Redraw the chart: in a kernel, just after the tables and means have gone to the page (the
        chart of 50 IKU takes about a second to draw); several changes meanwhile give one drawing, of the
        latest. Without a running event loop (a test, a script), at once."""
        import asyncio

        if not self._grafik:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._gambar_grafik()
            return
        if not self._grafik_tertunda:
            self._grafik_tertunda = True
            loop.call_soon(self._gambar_grafik)

    def _gambar_grafik(self) -> None:
        self._grafik_tertunda = False
        if self._grafik:
            self._gambar.value = gambar_svg(self.hasil, self.unit.pilihan.skala, self.tahun)

    def reset(self) -> None:
        """Every control back to the data's value; one redraw."""
        self._tahan = True
        try:
            for k in self.kontrol.values():
                for i in k.isian():
                    i.reset()
        finally:
            self._tahan = False
        self.galat = None
        self.perbarui()

    # ------------------------------------------------------------------ saving

    def teks_yaml(self) -> str:
        """The scenario as the YAML file ``lakip skenario --file`` reads (every value as text).

        Raises:
            PerubahanError: while a change cannot be applied (:attr:`galat`): the file would not be read.
        """
        if self.galat is not None:
            raise PerubahanError(f"skenario belum dapat disimpan: {self.galat}")
        items = [{"kolom": p.kolom, "kode": p.kode, "nilai": str(p.nilai)} for p in self.perubahan()]
        kepala = (f"# Skenario {self.unit.nama} tahun {self.tahun} (notebooks/eksplorasi.ipynb).\n"
                  f"# Jalankan: lakip skenario --data {self.unit.folder.parent} --entity {self.unit.slug} "
                  f"--year {self.tahun} --file BERKAS.yml\n")
        return kepala + yaml.safe_dump({"perubahan": items}, allow_unicode=True, sort_keys=False, default_style=None)

    def simpan_yaml(self, path: str | Path) -> Path:
        """Save the scenario (:meth:`teks_yaml`) to ``path``; return it."""
        path = Path(path).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        if self._tulis_teks is not None:
            self._tulis_teks(path, self.teks_yaml())
        else:
            path.write_text(self.teks_yaml(), encoding="utf-8")
        self._pesan.value = f"<p>Skenario disimpan: <code>{_esc(path)}</code></p>"
        return path

    def tulis_folder(self) -> Path:
        """Write the ``skenario/`` folder of ``lakip skenario`` with the injected writer; return the folder."""
        if self.galat is not None:
            raise PerubahanError(f"folder skenario belum dapat ditulis: {self.galat}")
        if self._tulis_skenario is None:
            raise PerubahanError("penulis folder skenario tidak diberikan (tulis_skenario)")
        out = self._tulis_skenario(self.unit, self.tahun, self.perubahan())
        folder = Path(out[-1] if isinstance(out, tuple) else out)
        self._pesan.value = f"<p>Folder skenario ditulis: <code>{_esc(folder)}</code></p>"
        return folder

    def _aman(self, kerja: Callable[[], Any]) -> None:
        """A button's work; a failure is shown as a message, not a traceback."""
        try:
            kerja()
        except (OSError, PerubahanError) as e:
            self._pesan.value = f'<p style="color:#b00020">Gagal: {_esc(e)}</p>'


def _esc(x: object) -> str:
    import html

    return html.escape(str(x), quote=False)
