"""The ``lakip`` command.

Exit status: 0 on success, 2 when the input cannot be used (every problem is
printed, in Indonesian, with file, row and column), 1 when a notebook fails
(the notebook and cell are named), when the Dask cluster of ``--scheduler``
cannot be used, or for an unexpected failure.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence


# argparse's own words, in the language of the users
_KATA = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak dikenal (pilih dari %(choices)s)",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "expected one argument": "perlu satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "pilihan %(option)s ambigu: bisa %(matches)s",
}
argparse._ = lambda teks: _KATA.get(teks, teks)  # type: ignore[attr-defined]

__all__ = ["main"]


def _tahun(text: str) -> int:
    from lakip.core.teks import cuplik
    from lakip.core.vocabulary import ANGKA_LAIN, BUKAN_TAHUN, angka_latin, tahun_ok

    if not angka_latin(text):  # int() reads Arabic-Indic or full-width digits; the data's years never are
        raise argparse.ArgumentTypeError(f"'{cuplik(text)}' {ANGKA_LAIN}")
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"'{cuplik(text)}' bukan tahun (tulis 4 angka, mis. 2024)")
    if not tahun_ok(text):
        raise argparse.ArgumentTypeError(f"'{text}' {BUKAN_TAHUN}")
    return int(text)


def _alamat(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("alamat penjadwal kosong (mis. tcp://10.0.0.5:8786, atau local)")
    return text.strip()


def _bulat(text: str, positif: bool = False) -> int:
    from lakip.core.teks import cuplik

    jenis = "bilangan bulat positif" if positif else "bilangan bulat (0 atau lebih)"
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"'{cuplik(text)}' bukan {jenis}")
    if len(text) > 18:  # int() refuses past 4.300 digits; no count or seed here needs more than 18
        raise argparse.ArgumentTypeError(f"'{cuplik(text)}' terlalu besar (paling banyak 18 angka)")
    if positif and int(text) == 0:
        raise argparse.ArgumentTypeError(f"'{text}' bukan {jenis}")
    return int(text)


def _positif(text: str) -> int:
    return _bulat(text, positif=True)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors too
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="lakip", description="Analisis Laporan Kinerja (LKjIP) yang dapat diulang.")
    sub = p.add_subparsers(dest="perintah", required=True, metavar="PERINTAH", parser_class=_Parser)

    def daftar(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--daftar-masalah", metavar="FILE.csv", dest="daftar_masalah",
                        help="tulis semua masalah dan peringatan data ke FILE.csv (layar menampilkan paling banyak "
                             "50 per berkas)")

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--data", metavar="DIR", help="folder data (bawaan: data/ proyek)")
        sp.add_argument("--entity", metavar="SLUG", help="unit (bawaan: satu-satunya unit; wajib bila ada beberapa)")
        daftar(sp)

    run = sub.add_parser("run", help="jalankan analisis satu unit dan satu tahun")
    common(run)
    run.add_argument("--year", type=_tahun, metavar="YYYY", help="tahun (bawaan: tahun terakhir yang ada realisasinya)")
    run.add_argument("--out", metavar="DIR", help="folder keluaran (bawaan: outputs/ proyek)")
    run.add_argument("--tabel-saja", action="store_true", help="tulis tabel saja, tanpa notebook dan grafik (folder tahun itu diganti seluruhnya)")
    run.add_argument("--all", action="store_true", dest="semua",
                     help="jalankan semua unit di folder data (paralel), lalu tulis rekap kabupaten ke <out>/_kabupaten/<tahun>/")
    run.add_argument("--scheduler", type=_alamat, metavar="ALAMAT",
                     help="dengan --all: jalankan tiap unit sebagai tugas Dask di penjadwal dask.distributed ALAMAT "
                          "(mis. tcp://10.0.0.5:8786; folder data dan keluaran harus terlihat di jalur yang sama di setiap pekerja), "
                          "atau 'local' untuk klaster sementara di mesin ini, satu pekerja per inti "
                          "(perlu pip install 'lakip[dask]')")

    rek = sub.add_parser("rekap", help="tulis rekap kabupaten (semua unit) tanpa notebook")
    rek.add_argument("--data", metavar="DIR", help="folder data (bawaan: data/ proyek)")
    rek.add_argument("--year", type=_tahun, metavar="YYYY", help="tahun (bawaan: tahun terakhir yang ada realisasinya di unit mana pun)")
    rek.add_argument("--out", metavar="DIR", help="folder keluaran (bawaan: outputs/ proyek)")
    daftar(rek)

    con = sub.add_parser("contoh", help="tulis data sintetis satu kabupaten (banyak unit) untuk mencoba")
    con.add_argument("--units", type=_positif, metavar="N", default=10, help="jumlah unit (bawaan: 10)")
    con.add_argument("--years", type=_positif, metavar="Y", default=3, help="jumlah tahun berturut-turut, berakhir 2024 (bawaan: 3)")
    con.add_argument("--seed", type=_bulat, metavar="S", default=0, help="benih acak; benih sama memberi berkas sama (bawaan: 0)")
    con.add_argument("--out", metavar="DIR", required=True, help="folder data yang ditulis (mis. contoh/)")

    rev = sub.add_parser("reviu", help="periksa setiap angka laporan (laporan.csv) terhadap data")
    common(rev)
    rev.add_argument("--year", type=_tahun, metavar="YYYY", help="tahun laporan (bawaan: tahun terakhir yang ada realisasinya)")
    rev.add_argument("--out", metavar="DIR", help="folder keluaran (bawaan: outputs/ proyek)")

    tpl = sub.add_parser("template", help="tulis buku kerja Excel untuk mengisi data tahun baru, atau untuk memulai unit baru")
    tpl.add_argument("--data", metavar="DIR", help="folder data (bawaan: data/ proyek)")
    tpl.add_argument("--entity", metavar="SLUG", required=True, help="unit")
    tpl.add_argument("--year", type=_tahun, metavar="YYYY", required=True, help="tahun yang akan diisi")
    tpl.add_argument("--out", metavar="FILE.xlsx", help="berkas keluaran (bawaan: isian-<unit>-<tahun>.xlsx di folder ini)")
    tpl.add_argument("--timpa", action="store_true", help="ganti berkas keluaran yang sudah ada (bawaan: ditolak)")
    daftar(tpl)

    imp = sub.add_parser("import", help="periksa lalu gabungkan data tahun baru, atau buat unit baru (buku kerja .xlsx atau folder CSV)")
    imp.add_argument("sumber", metavar="FILE.xlsx|FOLDER", help="buku kerja yang sudah diisi, atau folder berisi kinerja.csv dst.")
    imp.add_argument("--data", metavar="DIR", help="folder data (bawaan: data/ proyek)")
    imp.add_argument("--entity", metavar="SLUG", required=True, help="unit")
    imp.add_argument("--year", type=_tahun, metavar="YYYY", help="tahun yang diimpor (bawaan: tahun di lembar kinerja)")
    imp.add_argument("--replace", action="store_true", help="ganti tahun itu bila sudah ada")
    daftar(imp)

    sk = sub.add_parser("skenario", help="studi skenario: ubah realisasi, target atau anggaran lalu bandingkan")
    common(sk)
    sk.add_argument("--year", type=_tahun, metavar="YYYY", help="tahun (bawaan: tahun terakhir yang ada realisasinya)")
    sk.add_argument("--ubah", action="append", default=[], metavar="KODE:KOLOM=NILAI",
                    help="satu perubahan, boleh berulang; KOLOM: realisasi, target, pagu, realisasi_anggaran (mis. IKU-7:realisasi=80)")
    sk.add_argument("--file", metavar="BERKAS.yml", help="berkas YAML: daftar perubahan (kolom, kode, nilai) atau kunci 'perubahan'")
    sk.add_argument("--rata-rata", metavar="NILAI", help="tampilkan realisasi tiap IKU yang membuat rata-rata capaian IKU sebesar NILAI")
    sk.add_argument("--out", metavar="DIR", help="folder keluaran (bawaan: outputs/ proyek)")

    eks = sub.add_parser("eksplorasi", help="sajikan studi skenario interaktif sebagai halaman web (Voila), tanpa kode")
    common(eks)
    eks.add_argument("--year", type=_tahun, metavar="YYYY", help="tahun (bawaan: tahun terakhir yang ada realisasinya)")
    eks.add_argument("--port", type=_positif, metavar="N", help="port (bawaan: 8866, atau port bebas bila terpakai)")
    eks.add_argument("--host", metavar="H", help="alamat yang didengarkan (bawaan: 127.0.0.1, hanya mesin ini)")
    eks.add_argument("--out", metavar="DIR", help="folder tempat tombol halaman menyimpan skenario (bawaan: outputs/ proyek)")

    check = sub.add_parser("periksa", help="periksa data tanpa menulis keluaran")
    common(check)
    return p


def _cek_keluaran(args: argparse.Namespace) -> None:
    """Refuse an output path inside the data folder: a command writes its outputs elsewhere, never into data/."""
    from pathlib import Path

    from lakip.core.paths import DATA_DIR, resolve

    if not hasattr(args, "data"):  # contoh: --out is the data folder it writes
        return
    data = resolve(args.data, DATA_DIR).resolve()
    tulis = {"--daftar-masalah": getattr(args, "daftar_masalah", None)}
    if args.perintah != "import":  # import writes into the data folder, and only import does
        tulis["--out"] = getattr(args, "out", None)
    for opsi, path in tulis.items():
        if path is None or str(path) == "":
            continue
        p = resolve(path, DATA_DIR)
        # a folder of outputs inside data/ would be read as a unit; a list of problems beside the units is harmless
        if p == data or (data in p.parents and (opsi == "--out" or p.parent != data)):
            raise PilihanError(f"{opsi} {path}: berada di dalam folder data {data}; keluaran tidak boleh ditulis ke "
                               "folder data (pilih folder lain)")
    if tulis["--daftar-masalah"] is not None:  # a folder, a device, /dev/stdout: said now, not after the work
        from lakip.app.files import berkas_tujuan, pesan_os

        try:
            berkas_tujuan(Path(tulis["--daftar-masalah"]))
        except OSError as e:
            raise PilihanError(f"--daftar-masalah: {pesan_os(e)}") from None
    if args.perintah == "template" and args.out is None:  # the default: a file in the current folder
        p = Path.cwd().resolve()
        if p == data or data in p.parents:
            raise PilihanError(f"folder ini ({p}) berada di dalam folder data {data}; beri --out FILE.xlsx di luar folder data")


def _berhenti(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _belum_terukur(unit: object, tahun: int | None = None) -> None:
    """List the IKU whose realisasi is empty or N/A: a cell a planner may have forgotten."""
    from lakip.core.tables import iku_belum_terukur

    t = iku_belum_terukur(unit, tahun)  # type: ignore[arg-type]
    if t.empty:
        return
    print("Realisasi kosong atau N/A, dihitung belum dapat diukur (periksa bila belum diisi):")
    for th, g in t.groupby("tahun", sort=True):
        print(f"  {th}: " + "; ".join(f"{r.kode} {r.indikator}" for r in g.itertuples()))


#: ``--daftar-masalah FILE``: where every problem and warning of the data is written (None: not asked).
_DAFTAR: str | None = None


def _tulis_daftar(masalah: Sequence[object], keras: bool = False) -> None:
    """Write every problem and warning to the ``--daftar-masalah`` file, when one was asked for; when it
    cannot be written, say so (``keras``: as a PilihanError, so that the command does not end with 0)."""
    if _DAFTAR is None:
        return
    import csv
    import io
    from pathlib import Path

    from lakip.app.files import tulis_utuh
    from lakip.core.model import urut_masalah

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["berkas", "baris", "kolom", "tingkat", "pesan"])
    w.writerows([m.berkas, "" if m.baris is None else m.baris, m.kolom or "", m.tingkat, m.pesan]
                for m in urut_masalah(masalah))
    try:
        tulis_utuh(Path(_DAFTAR), buf.getvalue())
    except OSError as e:
        from lakip.app.files import pesan_os

        if keras:
            raise PilihanError(f"--daftar-masalah: {pesan_os(e)}") from None
        print(f"Galat: --daftar-masalah: {pesan_os(e)}", file=sys.stderr)
        return
    from lakip.core.numbers import format_angka

    print(f"Daftar lengkap {format_angka(len(masalah), 0)} masalah dan peringatan: {_DAFTAR}", file=sys.stderr)


def _tahun_bawaan(unit: object, tahun: int | None) -> None:
    """Without ``--year``: say so when the year taken is not one with realisasi (none has any yet)."""
    if tahun is None:
        from lakip.core.tables import tahun_bawaan

        catatan = tahun_bawaan(unit)[1]  # type: ignore[arg-type]
        if catatan:
            print(catatan, file=sys.stderr)


def _peringatan(unit_or_none: object) -> None:
    from lakip.core.model import daftar_masalah

    warnings = getattr(unit_or_none, "peringatan", [])
    for line in daftar_masalah(warnings, awal=""):
        print(line, file=sys.stderr)
    _tulis_daftar(warnings, keras=True)  # asked for: written even when empty (its header), as scripts expect


def _skenario(args: argparse.Namespace) -> None:
    """``lakip skenario``: print the before/after summary, write ``<out>/<entity>/<year>/skenario/``."""
    from pathlib import Path

    from lakip.app.skenario import baca_teks, tulis_skenario
    from lakip.core.numbers import AngkaError, format_persen, parse_angka
    from lakip.core.paths import DATA_DIR, resolve
    from lakip.core.tables import cek_tahun
    from lakip.core.whatif import baca_perubahan, perubahan_dari_yaml
    from lakip.data.kunci import muat_terkunci
    from lakip.report.display import teks
    from lakip.report.display_skenario import tampil_kebutuhan_rata_rata, teks_skenario

    unit = muat_terkunci(resolve(args.data, DATA_DIR), args.entity)
    _peringatan(unit)
    _tahun_bawaan(unit, args.year)
    tahun = cek_tahun(unit, args.year)
    ubah = [baca_perubahan(t) for t in args.ubah]
    if args.file:
        ubah += perubahan_dari_yaml(baca_teks(Path(args.file)), Path(args.file).name)
    try:
        rata = None if args.rata_rata is None else parse_angka(args.rata_rata)
    except AngkaError as e:
        raise PilihanError(f"--rata-rata: {e}") from None
    hasil, folder = tulis_skenario(unit, tahun, ubah, rata, args.out)
    print(teks_skenario(hasil))
    if rata is not None:
        print(f"Realisasi yang membuat rata-rata capaian IKU {format_persen(rata)} (satu IKU diubah, yang lain tetap):")
        print(teks(tampil_kebutuhan_rata_rata(hasil["kebutuhan_rata_rata"])))
    print(f"Berkas: {folder}")


def _laporkan_gagal(gagal: dict[str, str], galat_data: set[str]) -> int:
    """Print the units that failed; the exit status: 0 none, 2 only data problems, 1 otherwise."""
    if not gagal:
        return 0
    print(f"Gagal: {len(gagal)} unit.", file=sys.stderr)
    for slug, masalah in gagal.items():
        lines = masalah.splitlines() or [""]
        print(f"  - {slug}: {lines[0]}", file=sys.stderr)
        for ln in lines[1:]:
            print(f"    {ln}", file=sys.stderr)
    return 2 if set(gagal) <= galat_data else 1


def _semua(args: argparse.Namespace) -> int:
    """``lakip run --all``: every unit in parallel, then the kabupaten rollup."""
    from lakip.app.batch import jalankan_semua
    from lakip.app.dask import KlasterError

    if args.entity:
        raise PilihanError("--all dan --entity tidak dapat dipakai bersama")
    try:
        hasil = jalankan_semua(args.data, args.year, args.out, notebook=not args.tabel_saja, progres=sys.stderr.isatty(),
                               scheduler=args.scheduler)
    except KlasterError as e:  # --scheduler: unreachable, or workers that cannot run the units
        print(f"Galat: {e}", file=sys.stderr)
        print("Tidak ada yang ditulis; keluaran sebelumnya (bila ada) tidak diubah.", file=sys.stderr)
        return 1
    print(f"Selesai: {len(hasil.selesai)} unit, gagal: {len(hasil.gagal)} unit.")
    if hasil.kabupaten is not None:
        print(f"Rekap kabupaten: {hasil.kabupaten}")
    return _laporkan_gagal(hasil.gagal, hasil.galat_data)


def _run(args: argparse.Namespace) -> int:
    """``lakip run``: one unit-year, or every unit with ``--all``."""
    if args.scheduler is not None and not args.semua:
        raise PilihanError("--scheduler hanya dapat dipakai bersama --all (lakip run --all --scheduler ALAMAT)")
    if args.semua:
        return _semua(args)
    from lakip.app.run import jalankan

    def peringatan(unit: object) -> None:
        _peringatan(unit)
        _tahun_bawaan(unit, args.year)

    folder = jalankan(args.data, args.entity, args.year, args.out,
                      notebook=not args.tabel_saja, progres=sys.stderr.isatty(), peringatan=peringatan)
    print(f"Selesai: {folder}")
    return 0


def _reviu(args: argparse.Namespace) -> int:
    """``lakip reviu``: audit the printed figures, print the counts."""
    from lakip.app.run import jalankan_reviu

    folder, ring = jalankan_reviu(args.data, args.entity, args.year, args.out)
    st = ring["per_status"]
    if not ring["jumlah_angka"]:
        print("Tidak ada angka laporan untuk tahun ini di laporan.csv; tidak ada yang diperiksa.")
    print(f"Reviu {ring['jumlah_angka']} angka laporan: {st['sesuai']} sesuai, {st['tidak sesuai']} tidak sesuai, "
          f"{st['tidak dapat dihitung']} tidak dapat dihitung.")
    for jenis, n in sorted(ring["per_jenis"].items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:3d}  {jenis}")
    print(f"Temuan: {folder / 'reviu.csv'}")
    return 0


def _template(args: argparse.Namespace) -> int:
    from lakip.app.isian import tulis_template

    out = args.out or f"isian-{args.entity}-{args.year}.xlsx"
    print(f"Buku kerja untuk diisi: {tulis_template(args.entity, args.year, out, args.data, timpa=args.timpa)}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from lakip.data.importer import impor
    from lakip.data.load import muat

    hasil = impor(args.sumber, args.entity, args.data, args.year, args.replace)
    _peringatan(hasil)
    rows = ", ".join(f"{n} baris {t}" for t, n in hasil.baris.items() if n)
    print(f"Unit baru {hasil.entitas} dibuat, tahun {hasil.tahun}: {rows}." if hasil.baru else f"Tahun {hasil.tahun} masuk ke data {hasil.entitas}: {rows}.")
    _belum_terukur(muat(args.data, hasil.entitas), hasil.tahun)
    return 0


def _rekap(args: argparse.Namespace) -> int:
    from lakip.app.rollup import jalankan_rekap

    folder, gagal = jalankan_rekap(args.data, args.year, args.out, progres=sys.stderr.isatty())
    print(f"Rekap kabupaten: {folder}")
    return _laporkan_gagal({slug: str(e) for slug, e in gagal.items()}, set(gagal))


def _contoh(args: argparse.Namespace) -> int:
    from pathlib import Path

    from lakip.data.contoh import BERKAS_KESALAHAN, buat_kabupaten, cek_ukuran

    masalah = cek_ukuran(args.units, args.years)
    if masalah:
        raise PilihanError(f"--units {args.units} --years {args.years}: {masalah}")
    target = Path(args.out)
    if target.exists() and any(target.iterdir()):
        raise PilihanError(f"folder {target} sudah berisi berkas; pilih folder baru atau kosong")
    folders = buat_kabupaten(target, args.units, args.years, args.seed)
    print(f"Data sintetis {len(folders)} unit, tahun {2024 - args.years + 1}-2024: {target}")
    print(f"Kesalahan yang sengaja ditanam di laporan.csv: {target / BERKAS_KESALAHAN}")
    print(f"Jalankan: lakip run --all --data {target}")
    return 0


def _eksplorasi(args: argparse.Namespace) -> int:
    from lakip.app.eksplorasi import sajikan

    return sajikan(args.data, args.entity, args.year, args.port, args.host, out=args.out,
                   peringatan=lambda unit: (_peringatan(unit), _tahun_bawaan(unit, args.year)))


def _periksa(args: argparse.Namespace) -> int:
    from lakip.core.paths import DATA_DIR, resolve
    from lakip.core.tables import tahun_bawaan
    from lakip.data.kunci import muat_terkunci

    unit = muat_terkunci(resolve(args.data, DATA_DIR), args.entity)
    _peringatan(unit)

    print(f"Data {unit.slug} dapat dipakai: {len(unit.indikator)} IKU, tahun {', '.join(map(str, unit.tahun))}.")
    tahun, catatan = tahun_bawaan(unit)
    print(catatan or f"Tanpa --year, lakip run menganalisis tahun {tahun} (tahun terakhir yang ada realisasinya).")
    _belum_terukur(unit)
    return 0


_PERINTAH = {"run": _run, "reviu": _reviu, "template": _template, "import": _import, "skenario": _skenario,
             "rekap": _rekap, "contoh": _contoh, "periksa": _periksa, "eksplorasi": _eksplorasi}


def _galat_data(e: DataError) -> int:
    """Every problem of unusable input, then the warnings: exit status 2."""
    from lakip.core.model import daftar_masalah

    print(str(e), file=sys.stderr)
    warnings = [m for m in e.masalah if m.tingkat == "peringatan"]
    if warnings:
        print(f"Selain itu {len(warnings)} peringatan (tidak menghentikan proses):", file=sys.stderr)
    for line in daftar_masalah(warnings):
        print(line, file=sys.stderr)
    _tulis_daftar(e.masalah)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    # the slow imports (pandas, pandera) here, not with this module: an interruption at the start ends quietly too
    global DataError, NotebookError, PilihanError
    try:
        from lakip.app.notebooks import NotebookError
        from lakip.core.model import DataError, PilihanError

        args = _parser().parse_args(argv)  # its type checks import lakip's modules too
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130
    global _DAFTAR
    _DAFTAR = getattr(args, "daftar_masalah", None)
    # a terminated run cleans up like an interrupted one: no half-written folder is left
    signal.signal(signal.SIGTERM, _berhenti)
    try:
        _cek_keluaran(args)
        return _PERINTAH[args.perintah](args) or 0
    except PilihanError as e:
        print(f"Galat: {e}", file=sys.stderr)
        return 2
    except DataError as e:
        return _galat_data(e)
    except NotebookError as e:
        print(f"Galat: {e}", file=sys.stderr)
        print("Keluaran sebelumnya (bila ada) tidak diubah.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if args.perintah == "import":  # the swap is one step: the unit holds the old data or the new, whole
            print(f"Dibatalkan. Data unit {args.entity} utuh: berisi data sebelum impor, atau data baru bila impor sudah "
                  "selesai ditukar; periksa dengan 'lakip periksa'.", file=sys.stderr)
        else:
            print("Dibatalkan. Keluaran sebelumnya (bila ada) tidak diubah.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (lakip ... | head): nothing to say, the files are written
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the final flush does not fail again
        return 141  # as a process that SIGPIPE ended
    except OSError as e:
        from lakip.app.files import pesan_os

        print(f"Galat: {pesan_os(e)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
