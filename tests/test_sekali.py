"""Each result of a unit-year is computed once and handed to every writer (README, "Architecture")."""

import pytest

from lakip.core import scoring, tables
from lakip.data.load import muat
from lakip.report.hasil import Hasil


@pytest.fixture
def hitungan(monkeypatch):
    """How often the unit's IKU are scored, and how often a reviu is made, while the test runs."""
    import lakip.reviu as reviu

    n = {"skor": 0, "reviu": 0}
    asli_skor, asli_reviu = scoring.skor, reviu.reviu

    def skor(*a, **k):
        n["skor"] += 1
        return asli_skor(*a, **k)

    def hitung_reviu(*a, **k):
        n["reviu"] += 1
        return asli_reviu(*a, **k)

    monkeypatch.setattr(scoring, "skor", skor)
    monkeypatch.setattr(reviu, "reviu", hitung_reviu)
    return n


def test_every_file_of_a_run_from_one_scoring_and_one_reviu(hitungan, tmp_path):
    """The tables, the chart of each sasaran, laporan.xlsx, .docx and .html of Batu Bara 2024: the IKU
    are scored once and the printed figures audited once (each used to be computed by every writer)."""
    from lakip.app.run import _isi

    _isi(Hasil.dari(muat(), 2024), tmp_path, laporan=True, berjalan=lambda: False)
    assert sorted(p.name for p in (tmp_path / "laporan").iterdir()) == ["laporan.docx", "laporan.html", "laporan.xlsx"]
    assert len(list((tmp_path / "tabel").iterdir())) == 10
    assert hitungan == {"skor": 1, "reviu": 1}


def test_the_notebooks_tables_share_one_analysis_and_are_copies(hitungan):
    """``lakip.analysis.tabel_*`` (what the notebooks call) score the unit once, and hand out copies:
    a notebook that changes one changes nothing of the analysis."""
    from lakip import analysis

    unit = muat()
    for tahun in (2023, 2024):
        for fungsi in (analysis.tabel_capaian_iku, analysis.tabel_capaian_sasaran, analysis.tabel_perbandingan,
                       analysis.tabel_distribusi, analysis.tabel_efisiensi, analysis.tabel_anggaran):
            fungsi(unit, tahun)
    assert hitungan["skor"] == 1
    iku = analysis.tabel_capaian_iku(unit, 2024)
    iku["capaian"] = 0.0
    assert analysis.tabel_capaian_iku(unit, 2024)["capaian"].max() > 100
    assert tables.analisis(unit, 2024) is tables.analisis(unit, 2024)


def test_a_changed_copy_of_a_unit_starts_with_nothing_computed():
    """A what-if study changes a copy; its tables are its own, the original's stay as they were."""
    from lakip.core.whatif import terapkan

    unit = muat()
    sebelum = tables.analisis(unit, 2024).capaian_iku.set_index("kode").loc["IKU-7", "capaian"]
    baru = terapkan(unit, 2024, ["IKU-7:realisasi=80"])
    assert baru.simpanan == {}
    sesudah = tables.analisis(baru, 2024).capaian_iku.set_index("kode").loc["IKU-7", "capaian"]
    assert sesudah != sebelum
    assert tables.analisis(unit, 2024).capaian_iku.set_index("kode").loc["IKU-7", "capaian"] == sebelum
