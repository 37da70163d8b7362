"""Tables for people of Bab I and Bab II (:mod:`lakip.core.profil`): Indonesian headings and numbers.

Each function takes a table of :class:`lakip.core.profil.Profil` and returns a
DataFrame of strings, as :mod:`lakip.report.display` does for Bab III.
"""

from __future__ import annotations

import pandas as pd

from lakip.core import budget
from lakip.core.numbers import format_angka, format_persen, format_rupiah, tidak_ada
from lakip.report.display import teks_nilai

__all__ = ["JUDUL_SDM", "ISIAN", "isian", "format_tanggal", "tampil_sdm", "tampil_perda", "tampil_pk", "tampil_anggaran_program"]

#: The heading of each count column of sdm.csv, as Tabel 1.1 prints it.
JUDUL_SDM = {"jumlah": "Jumlah", "gol_i": "Gol. I", "gol_ii": "Gol. II", "gol_iii": "Gol. III", "gol_iv": "Gol. IV",
             "laki_laki": "Laki-laki", "perempuan": "Perempuan"}

#: How a placeholder for the planner's own prose begins: the report leaves that text to them.
ISIAN = "[Diisi oleh penyusun: "

_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
          "Desember")


def isian(apa: str) -> str:
    """The placeholder of a passage the planner writes: ``[Diisi oleh penyusun: apa]``."""
    return f"{ISIAN}{apa}]"


def format_tanggal(iso: object) -> str:
    """``2024-04-06`` as ``6 April 2024``; ``-`` when empty."""
    if tidak_ada(iso) or not str(iso).strip():
        return "-"
    t, b, h = str(iso).strip().split("-")
    return f"{int(h)} {_BULAN[int(b) - 1]} {t}"


def _hitung(x: int) -> str:
    """A count of staff: ``-`` for none, as Tabel 1.1 prints it."""
    return "-" if not x else format_angka(float(x), 0)


def tampil_sdm(sdm: pd.DataFrame, jumlah: dict[str, int]) -> pd.DataFrame:
    """Tabel 1.1 form: staff per status, by golongan and sex where the data has them, with the Jumlah row."""
    kolom = [k for k in JUDUL_SDM if k in sdm.columns]
    rows = [[str(i + 1), str(r["status"]), *[_hitung(int(r[k])) for k in kolom], str(r["keterangan"])]
            for i, (_, r) in enumerate(sdm.iterrows())]
    rows.append(["", "Jumlah", *[_hitung(jumlah[k]) for k in kolom], ""])
    return pd.DataFrame(rows, columns=["No", "Status", *[JUDUL_SDM[k] for k in kolom], "Keterangan"])


def tampil_perda(perda: pd.DataFrame) -> pd.DataFrame:
    """The Peraturan Daerah of the year with the date each was enacted."""
    return pd.DataFrame({"No": [str(i + 1) for i in range(len(perda))], "Peraturan Daerah": perda["uraian"],
                         "Tanggal Penetapan": [format_tanggal(t) for t in perda["tanggal"]]})


def tampil_pk(pk: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """The Perjanjian Kinerja (Tabel 2.x form): each sasaran numbered once, its IKU beneath it, the year's target,
    and the Renstra end target with its year where the data has one for any IKU."""
    nomor: dict[str, int] = {}
    no, sasaran = [], []
    for kode_s, nama in zip(pk["sasaran_kode"], pk["sasaran"]):
        baru = kode_s not in nomor
        nomor.setdefault(kode_s, len(nomor) + 1)
        no.append(str(nomor[kode_s]) if baru else "")
        sasaran.append(str(nama) if baru else "")
    out = pd.DataFrame({
        "No": no, "Sasaran Strategis": sasaran, "Indikator Kinerja Utama": pk["indikator"], "Satuan": pk["satuan"],
        f"Target {tahun}": [teks_nilai(v, d) for v, d in zip(pk["target"], pk["target_desimal"])],
    })
    if pk["target_renstra"].notna().any():
        out["Target Akhir Renstra"] = [
            "-" if tidak_ada(v) else teks_nilai(v, d) + ("" if pd.isna(t) else f" ({int(t)})")
            for v, d, t in zip(pk["target_renstra"], pk["target_renstra_desimal"], pk["tahun_renstra"])]
    return out


def tampil_anggaran_program(program: pd.DataFrame, jumlah: dict[str, float] | None = None) -> pd.DataFrame:
    """The budget by program with the Jumlah row (``jumlah``: :attr:`~lakip.core.profil.Profil.anggaran_program_jumlah`,
    else summed here): the pagu, and the realisasi and serapan where any program has one."""
    if jumlah is None:
        pagu, real = budget.total(program["pagu"], program["realisasi"])
        jumlah = {"pagu": pagu, "realisasi": real, "serapan": budget.persen_serapan(real, pagu)}
    ada_real = program["realisasi"].notna().any()
    rows = [[str(i + 1), u, format_rupiah(p), *([format_rupiah(r), format_persen(s, kosong="-")] if ada_real else [])]
            for i, (u, p, r, s) in enumerate(zip(program["uraian"], program["pagu"], program["realisasi"], program["serapan"]))]
    rows.append(["", "Jumlah", format_rupiah(jumlah["pagu"]),
                 *([format_rupiah(jumlah["realisasi"]), format_persen(jumlah["serapan"], kosong="-")] if ada_real else [])])
    return pd.DataFrame(rows, columns=["No", "Program", "Pagu", *(["Realisasi", "Serapan"] if ada_real else [])])
