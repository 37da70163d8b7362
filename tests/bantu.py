"""Helpers shared by the tests: the command line in a new process, reading an output CSV, editing a data copy."""

import csv
import subprocess
import sys


def lakip(*args, cwd=None):
    """``python -m lakip ARGS`` in a new process, output captured as text."""
    return subprocess.run([sys.executable, "-m", "lakip", *args], capture_output=True, text=True, cwd=cwd)


def read_csv(path):
    """The rows of a CSV file as dicts of text."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def akhiri(unit_dir, kode, tahun):
    """Add the optional tahun_akhir column to a unit's indikator.csv, with ``tahun`` for ``kode``."""
    path = unit_dir / "indikator.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",tahun_akhir"] + [
        ln + (f",{tahun}" if ln.startswith(f"{kode},") else ",") for ln in lines[1:]]) + "\n", encoding="utf-8")


def hapus_baris(path, *awal):
    """Remove the lines of a CSV file that start with any of ``awal``."""
    path.write_text("".join(ln for ln in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not ln.startswith(awal)), encoding="utf-8")


#: Run in the child before ``lakip``: at exit, write the child's own peak resident memory (VmHWM, which
#: exec resets) and the peak of its waited-for children to the file named by LAKIP_UJI_PUNCAK. The
#: ``ru_maxrss`` that os.wait4 gives for a child started with a preexec_fn is not usable: the kernel
#: carries the forked copy's high-water mark across exec, so it starts at the parent's (pytest's) peak.
_AWAL = """\
import atexit, os, resource, runpy, sys
def _puncak():
    with open('/proc/self/status') as f:
        hwm = int(f.read().split('VmHWM:')[1].split()[0])
    anak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(os.environ['LAKIP_UJI_PUNCAK'], 'w') as f:
        f.write(f'{hwm} {anak}')
atexit.register(_puncak)
sys.argv = ['lakip', *sys.argv[1:]]
runpy.run_module('lakip', run_name='__main__', alter_sys=True)
"""


def lakip_terbatas(argv, cwd=None, detik=60, mb=1500, env=None):
    """``lakip ARGV`` in a child process limited to ``mb`` MB of address space and ``detik`` seconds.

    Returns ``(rc, out, err, seconds, peak_mb)``: ``peak_mb`` is the child's own VmHWM, or that of a
    process it started and waited for when larger (None when the child died before it could say).
    A child past ``detik`` is killed with its process group, and rc is then -9.
    """
    import os
    import resource
    import signal
    import tempfile
    import time

    def batas():
        resource.setrlimit(resource.RLIMIT_AS, (mb * 2**20, mb * 2**20))

    with tempfile.TemporaryDirectory() as tmp:
        puncak = os.path.join(tmp, "puncak")
        child_env = {**os.environ, **(env or {}), "LAKIP_UJI_PUNCAK": puncak}
        mulai = time.monotonic()
        p = subprocess.Popen([sys.executable, "-c", _AWAL, *map(str, argv)], cwd=cwd, env=child_env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8", errors="replace", preexec_fn=batas,
                             start_new_session=True)
        try:
            out, err = p.communicate(timeout=detik)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            out, err = p.communicate()
        detik_pakai = time.monotonic() - mulai
        try:
            with open(puncak) as f:
                sendiri, anak = map(int, f.read().split())
            peak_mb = max(sendiri, anak) / 1024
        except (OSError, ValueError):
            peak_mb = None
    return p.returncode, out, err, detik_pakai, peak_mb


def teks_bersama(path, kaya=(), escape=True):
    """Rewrite the workbook ``path`` (as openpyxl writes it: every text inline) as Excel and LibreOffice
    save it: every text of every sheet in ``xl/sharedStrings.xml``, each cell pointing to it (``t="s"``).

    As Excel writes them: a text in ``kaya`` as rich text (two runs, with a phonetic guide that is no part
    of the text), ``_`` + ``x`` escaped as ``_x005F_``, a carriage return as ``_x000D_`` (``escape``).
    """
    import re
    import zipfile
    from xml.sax.saxutils import escape as xml

    def esc(t):
        if escape:
            t = re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", t).replace("\r", "_x000D_")
        return xml(t)

    with zipfile.ZipFile(path) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    strings, nomor = [], {}

    def si(t):
        if t not in nomor:
            nomor[t] = len(strings)
            strings.append(t)
        return nomor[t]

    inline = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>', re.S)

    def ganti(m):
        import html
        teks = "".join(html.unescape(x.decode()) for x in re.findall(rb"<t[^>]*>(.*?)</t>", m.group(3), re.S))
        return f'<c {m.group(1).decode()}t="s"{m.group(2).decode()}><v>{si(teks)}</v></c>'.encode()

    for n in list(isi):
        if n.startswith("xl/worksheets/sheet"):
            isi[n] = inline.sub(ganti, isi[n])
    badan = []
    for t in strings:
        if t in kaya and len(t) > 1:
            a, b = t[: len(t) // 2], t[len(t) // 2:]
            badan.append(f'<si><r><rPr><b/></rPr><t xml:space="preserve">{esc(a)}</t></r><r><t xml:space="preserve">{esc(b)}</t></r>'
                         f'<rPh sb="0" eb="1"><t>\u30a2</t></rPh><phoneticPr fontId="1"/></si>')
        else:
            badan.append(f'<si><t xml:space="preserve">{esc(t)}</t></si>')
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    isi["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{ns}" '
                                   f'count="{len(strings)}" uniqueCount="{len(strings)}">' + "".join(badan) + "</sst>").encode()
    ct = isi["[Content_Types].xml"].decode()
    if "sharedStrings" not in ct:
        ct = ct.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        isi["[Content_Types].xml"] = ct.encode()
    rels = isi["xl/_rels/workbook.xml.rels"].decode()
    if "sharedStrings" not in rels:
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                                                'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                                "</Relationships>")
        isi["xl/_rels/workbook.xml.rels"] = rels.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in isi.items():
            z.writestr(n, b)
    return len(strings)


# --------------------------------------------------------------------------- a new unit (#16)

IKU = [  # kode, sasaran_kode, sasaran, indikator, satuan, polaritas, jenis, target, realisasi
    ("IKU-1", "SS-1", "Meningkatnya kualitas layanan", "Indeks kepuasan masyarakat", "Indeks", "naik", "angka", "80", "72,8"),
    ("IKU-2", "SS-1", "Meningkatnya kualitas layanan", "Waktu rata-rata penyelesaian izin", "Hari", "turun", "angka",
     "10", "12"),
    ("IKU-3", "SS-2", "Meningkatnya cakupan program", "Persentase desa terlayani", "Persen", "naik", "angka", "50", "30"),
]
#: capaian by hand: 72,8 / 80 = 91 %; turun (2 x 10 - 12) / 10 = 80 %; 30 / 50 = 60 %
CAPAIAN = {"IKU-1": 91.0, "IKU-2": 80.0, "IKU-3": 60.0}
MULAI = [("Sangat Baik", "91"), ("Baik", "76"), ("Cukup", "66"), ("Kurang", "51"), ("Sangat Kurang", "")]


def baris_kunci(ws, kunci):
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == kunci)


def isi_unit_baru(path, skala=None, entitas=None, ubah=None, tujuan=None):
    """Type a small real unit (a Dinas with Bidang) into the template ``path`` of a new unit: ``skala`` a preset's
    name, or None for the rows of MULAI; ``entitas`` more keys of the entitas sheet; ``ubah(wb)`` changes it
    after; saved as ``tujuan`` (default: ``diisi-`` and the template's name beside it), whose path is returned."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["entitas"]
    isian = {"nama": "Dinas Contoh Kabupaten Contoh", "pemda": "Kabupaten Contoh", "provinsi": "Sumatera Utara",
             "unit_kerja": "Bidang", **(entitas or {})}
    for k, v in isian.items():
        try:
            r = baris_kunci(ws, k)
        except StopIteration:  # a key of the user's own, in the first free row
            r = ws.max_row + 1
            ws.cell(r, 1).value = k
        ws.cell(r, 2).value = v
    if skala is not None:
        ws.cell(baris_kunci(ws, "skala"), 2).value = skala
    else:
        r = baris_kunci(ws, "kategori")
        for i, (kat, mulai) in enumerate(MULAI):
            ws.cell(r + i, 2).value, ws.cell(r + i, 3).value = kat, mulai
    ind, kin = wb["indikator"], wb["kinerja"]
    kolom = [c.value for c in ind[1]]
    for i, (kode, ss, sasaran, nama, satuan, pol, jenis, t, r) in enumerate(IKU, start=2):
        for k, v in zip(("kode", "sasaran_kode", "sasaran", "indikator", "satuan", "polaritas", "jenis"),
                        (kode, ss, sasaran, nama, satuan, pol, jenis)):
            ind.cell(i, kolom.index(k) + 1).value = v
        kin.cell(i, 1).value, kin.cell(i, 3).value, kin.cell(i, 4).value = kode, t, r
    if ubah is not None:
        ubah(wb)
    out = tujuan or path.with_name("diisi-" + path.name)
    wb.save(out)
    return out
