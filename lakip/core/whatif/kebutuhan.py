"""What is needed: the realisasi each IKU needs for each kategori of the scale, the realisasi
that brings the overall mean to a value, and the overall mean as one realisasi varies."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from lakip.core import scoring
from lakip.core.config import Pilihan, Skala
from lakip.core.model import Unit
from lakip.core.numbers import format_persen, parse_level, tidak_ada
from lakip.core.tables import analisis, cek_tahun
from lakip.core.whatif.perubahan import TOL, Perubahan, PerubahanError, angka_teks, baca_kinerja, tampil_nilai, tanpa_baris

__all__ = ["teks_kategori", "kebutuhan", "realisasi_untuk_rata_rata", "kebutuhan_rata_rata", "sensitivitas"]


def teks_kategori(col: pd.Series) -> list[object]:
    """A column of kategori as texts, None where missing."""
    return [None if tidak_ada(v) else str(v) for v in col]


def _tahun_iku(unit: Unit, tahun: int, kode: str) -> tuple[pd.Series, pd.Series]:
    """The kinerja row of ``kode`` in ``tahun`` and its indikator row."""
    info = unit.indikator.set_index("kode")
    if kode not in info.index:
        raise PerubahanError(f"kode {kode} tidak ada di indikator.csv")
    k = unit.kinerja
    hit = k[(k["kode"] == kode) & (k["tahun"] == tahun)]
    if hit.empty:
        raise PerubahanError(tanpa_baris(unit, kode, tahun))
    return hit.iloc[0], info.loc[kode]


def _baris_tahun(unit: Unit, tahun: int) -> dict[str, tuple[pd.Series, pd.Series]]:
    """:func:`_tahun_iku` of every IKU with a kinerja row in ``tahun``, the frames indexed once (the
    live what-if asks for all of them at each change)."""
    info = {kode: m for kode, m in unit.indikator.set_index("kode", drop=False).iterrows()}
    k = unit.kinerja
    out: dict[str, tuple[pd.Series, pd.Series]] = {}
    for _, row in k[k["tahun"] == tahun].iterrows():
        kode = row["kode"]
        if kode in info and kode not in out:  # the first row, as _tahun_iku takes it
            out[kode] = (row, info[kode].drop("kode"))
    return out


def _kandidat(row: pd.Series, meta: pd.Series) -> list[tuple[float, str]] | None:
    """The possible realisasi of a level or kategori IKU: (number, text), lowest first."""
    if meta["jenis"] == "kategori":
        return [(float(i + 1), w) for i, w in enumerate(meta["skala_kata"] or ())]
    lvl = parse_level(row["target"])
    den = lvl[1] if lvl else float("nan")
    if not (den == den and float(den).is_integer()):
        return None
    d = int(den)
    return [(a / d, f"{a}/{d}") for a in range(d + 1)]


def _capaian(row: pd.Series, pol: str, pilihan: Pilihan, r: float) -> float | None:
    """The capaian of ``row`` with realisasi ``r``, as the tables show it (capped by ``batas_capaian_iku``)."""
    rumus = pilihan.rumus_turun
    if row["jenis"] == "rentang":
        c = scoring.capaian_satu(None, r, pol, rumus, row["target_bawah"], row["target_atas"])
    else:
        c = scoring.capaian_satu(row["target_nilai"], r, pol, rumus)
    return scoring.batasi_iku(c, pilihan)


def _batas_kontinu(pol: str, rumus: str, t: float, skala: Skala, i: int) -> tuple[str, float | None, str]:
    """The capaian against the number target ``t`` reaches class ``skala.label[i]`` (:meth:`Skala.masuk`)
    exactly when realisasi <syarat> x: (syarat, x, or the reason when none).

    A ``di_atas`` bound b is passed strictly (capaian > b, so realisasi ``>`` or ``<`` x); a ``mulai``
    bound is reached (capaian >= b, so ``>=`` or ``<=``).
    """
    b = skala.batas[i]
    if tidak_ada(t):
        return "", None, "target belum tersedia"
    if t == 0:
        if pol == "naik":
            return "", None, "target 0 dengan polaritas naik: capaian tidak dapat dihitung"
        if skala.masuk(0.0, i):
            return "", None, "setiap realisasi (capaian paling rendah 0 %)"
        if skala.masuk(100.0, i):
            return "<=", 0.0, "target 0 (polaritas turun): capaian 100 bila realisasi 0 atau kurang"
        return "", None, "tidak dapat dicapai: dengan target 0 capaian paling tinggi 100 %"
    if t < 0:
        return "", None, "target negatif: batas tidak ditentukan"
    if pol == "naik":
        return (">=" if skala.inklusif else ">"), b * t / 100.0, ""
    kurang = "<=" if skala.inklusif else "<"
    if rumus == "selisih":
        if skala.masuk(0.0, i):
            return "", None, "setiap realisasi (capaian paling rendah 0 %)"
        return kurang, t * (200.0 - b) / 100.0, ""
    if b <= 0:
        return ">", 0.0, "setiap realisasi lebih dari 0 (rumus turun rasio)"
    return kurang, 100.0 * t / b, "dan lebih dari 0 (rumus turun rasio)"


def _teks_batas(syarat: str, x: float) -> str:
    kata = {">": "lebih dari", "<": "kurang dari", "<=": "paling tinggi", ">=": "paling rendah"}[syarat]
    rounded = abs(x - round(x, 4)) > 1e-12
    return f"realisasi {kata} {angka_teks(x)}" + (" (dibulatkan)" if rounded else "")


def _satu_batas(row: pd.Series, meta: pd.Series, pol: str, pilihan: Pilihan, i: int) -> tuple[str, object, str]:
    """(syarat, realisasi at the boundary, keterangan) of reaching class ``skala.label[i]``."""
    skala = pilihan.skala
    kelas = len(skala.label) - 1 - i  # its code in Skala.kode (0 = lowest)
    cap = pilihan.batas_capaian_iku
    if cap is not None and not skala.masuk(cap, i):
        return "", None, f"tidak dapat dicapai: capaian setiap IKU dibatasi paling tinggi {format_persen(cap, 0)}"
    jenis = meta["jenis"]
    if jenis in ("level", "kategori"):
        cands = _kandidat(row, meta)
        if cands is None:
            return "", None, "target level tanpa penyebut bilangan bulat: batas tidak ditentukan"
        ok = []
        for v, teks in cands:
            c = _capaian(row, pol, pilihan, v)
            if c is not None and int(skala.kode(np.array([c]))[0]) >= kelas:
                ok.append((v, teks, c))
        if not ok:
            top = cands[-1] if pol == "naik" else cands[0]
            c = _capaian(row, pol, pilihan, top[0])
            return "", None, f"tidak dapat dicapai: realisasi {top[1]} memberi capaian {format_persen(c)}"
        v, teks, c = ok[0] if pol == "naik" else ok[-1]
        syarat = ">=" if pol == "naik" else "<="
        kata = "paling rendah" if pol == "naik" else "paling tinggi"
        return syarat, teks, f"realisasi {kata} {teks} (capaian {format_persen(c)})"
    if jenis == "rentang":
        lo, hi = row["target_bawah"], row["target_atas"]
        # the class is reached at a capaian of 100 or below: the bound on the side of the range that gives it
        bawah_100 = bool(skala.masuk(100.0, i))
        t = (lo if bawah_100 else hi) if pol == "naik" else (hi if bawah_100 else lo)
    else:
        t = row["target_nilai"]
    syarat, x, ket = _batas_kontinu(pol, pilihan.rumus_turun, t, skala, i)
    if x is None:
        return "", None, ket
    return syarat, x, _teks_batas(syarat, x) + (f" {ket}" if ket.startswith("dan") else (f"; {ket}" if ket else ""))


def kebutuhan(unit: Unit, tahun: int | None) -> pd.DataFrame:
    """For each IKU, the realisasi that reaches each kategori of the scale (the class's lower bound).

    A kategori is reached as :meth:`lakip.core.config.Skala.masuk` says: capaian > b for a
    ``di_atas`` bound b, capaian >= b for a ``mulai`` bound. For a number target the
    boundary is exact: naik ``realisasi > b x target / 100`` (``>=`` for ``mulai``); turun
    with rumus selisih ``realisasi < target x (200 - b) / 100``, with rumus rasio
    ``realisasi < 100 x target / b`` (and > 0) (``<=`` for ``mulai``); a range target uses
    the bound that applies. A level or kategori target gives the lowest level (same
    denominator) or scale word that reaches it (the highest for turun). With
    ``batas_capaian_iku`` a class the capped capaian cannot reach is not reachable.

    Columns: kode, indikator, polaritas, jenis, target, kategori,
    batas_capaian (the class's bound), syarat (``>``, ``<``, ``>=``, ``<=``, empty
    when it cannot be reached), realisasi_batas (number, or text for level and kategori),
    keterangan, tercapai (the current realisasi already reaches it).
    """
    tahun = cek_tahun(unit, tahun)
    iku = analisis(unit, tahun).capaian_iku
    pilihan = unit.pilihan
    skala = pilihan.skala
    n = len(skala.label)
    rows = []
    baris_iku = _baris_tahun(unit, tahun)
    for _, r in iku.iterrows():
        row, meta = baris_iku.get(r["kode"]) or _tahun_iku(unit, tahun, r["kode"])
        now = int(skala.kode(np.array([r["capaian"]], dtype=float))[0])
        for i, (lab, b) in enumerate(zip(skala.label, skala.batas)):
            syarat, x, ket = _satu_batas(row, meta, str(r["polaritas"]), pilihan, i)
            rows.append({
                "kode": r["kode"], "indikator": r["indikator"], "polaritas": r["polaritas"], "jenis": r["jenis"],
                "target": r["target"], "kategori": lab, "batas_capaian": float(b), "syarat": syarat,
                "realisasi_batas": x, "keterangan": ket, "tercapai": now >= n - 1 - i,
            })
    cols = ["kode", "indikator", "polaritas", "jenis", "target", "kategori", "batas_capaian", "syarat",
            "realisasi_batas", "keterangan", "tercapai"]
    return pd.DataFrame(rows, columns=cols)


def _balik(pol: str, rumus: str, t: float, c: float) -> tuple[float | None, str]:
    """The realisasi whose capaian is exactly ``c`` against the number target ``t``."""
    if t == 0:
        if pol == "turun" and abs(c - 100) <= TOL:
            return 0.0, ""
        return None, ("target 0 dengan polaritas naik: capaian tidak dapat dihitung" if pol == "naik"
                      else "dengan target 0 capaian hanya 0 % atau 100 %")
    if pol == "naik":
        if c < -TOL:
            return None, f"capaian yang dibutuhkan {format_persen(c)}: di bawah 0 %"
        return max(c, 0.0) * t / 100.0, ""
    if rumus == "selisih":
        if c < -TOL:
            return None, f"capaian yang dibutuhkan {format_persen(c)}: capaian polaritas turun paling rendah 0 %"
        return t * (200.0 - max(c, 0.0)) / 100.0, ""
    if c <= TOL:
        return None, f"capaian yang dibutuhkan {format_persen(c)}: dengan rumus turun rasio capaian selalu lebih dari 0 %"
    return 100.0 * t / c, ""


def _untuk_rata_rata(unit: Unit, tahun: int, kode: str, target: float) -> dict[str, Any]:
    row, meta = _tahun_iku(unit, tahun, kode)
    pol, rumus, cap = str(meta["polaritas"]), unit.pilihan.rumus_turun, scoring.batas_rata_rata(unit.pilihan)
    s = scoring.skor(unit.kinerja[unit.kinerja["tahun"] == tahun], unit.pilihan)
    c = scoring.batasi(s["capaian"], unit.pilihan)
    others = c[(s["kode"] != kode).to_numpy()]
    m, total = int(others.notna().sum()), float(others.sum())
    need = float(target) * (m + 1) - total
    out = {"kode": kode, "indikator": meta["indikator"], "capaian_perlu": need, "realisasi_perlu": None,
           "realisasi_teks": "", "keterangan": ""}

    def mean_with(v: float) -> float | None:
        cv = _capaian(row, pol, unit.pilihan, v)
        if cv is None:
            return None
        return (total + scoring.batasi(cv, unit.pilihan)) / (m + 1)

    if cap is not None and need > cap + TOL:
        batas = (f"batas capaian setiap IKU {angka_teks(cap)} %" if cap == unit.pilihan.batas_capaian_iku
                 else f"batas capaian {angka_teks(cap)} % yang dipakai untuk rata-rata")
        out["keterangan"] = f"tidak dapat dicapai: capaian {kode} harus {format_persen(need)}, di atas {batas}"
        return out
    if cap is not None:
        need = min(need, cap)
    jenis = meta["jenis"]
    if jenis == "rentang":
        lo, hi = row["target_bawah"], row["target_atas"]
        if abs(need - 100) <= TOL:
            v, why = (lo if pol == "naik" else hi), ""
            out["keterangan"] = f"realisasi di dalam rentang {angka_teks(lo)} s.d. {angka_teks(hi)} (capaian 100 %)"
        else:
            t = (lo if need < 100 else hi) if pol == "naik" else (hi if need < 100 else lo)
            v, why = _balik(pol, rumus, t, need)
    else:
        v, why = _balik(pol, rumus, row["target_nilai"], need)
    if v is None:
        out["keterangan"] = f"tidak dapat dicapai: {why}"
        return out
    if jenis in ("level", "kategori"):
        cands = _kandidat(row, meta) or []
        exact = [(x, t) for x, t in cands if abs(x - v) <= TOL]
        if exact:
            out["realisasi_perlu"], out["realisasi_teks"] = exact[0][0], exact[0][1]
            return out
        reach = [(x, t, mean_with(x)) for x, t in cands]
        reach = [(x, t, mv) for x, t, mv in reach if mv is not None]
        cukup = [r for r in reach if r[2] >= target - TOL]
        best = (cukup[0] if pol == "naik" else cukup[-1]) if cukup else None
        words = "level" if jenis == "level" else "kata skala"
        ket = f"tidak ada {words} yang memberi tepat {format_persen(target)}"
        if best is not None:
            ket += f"; {best[1]} memberi rata-rata {format_persen(best[2])}"
        else:
            ket += f"; rata-rata paling tinggi {format_persen(max(r[2] for r in reach))}" if reach else ""
        out["keterangan"] = ket
        return out
    out["realisasi_perlu"], out["realisasi_teks"] = float(v), angka_teks(v)
    if not out["keterangan"] and jenis == "rentang" and abs(need - 100) > TOL:
        out["keterangan"] = f"capaian {format_persen(need)}"
    return out


def realisasi_untuk_rata_rata(unit: Unit, tahun: int | None, kode: str, target_rata_rata: float) -> float | None:
    """The realisasi of IKU ``kode`` that makes the overall mean of IKU capaian equal ``target_rata_rata``.

    Every other IKU keeps its capaian; ``kode`` becomes measured if it was
    not (so the mean is over one more IKU). The value is in the units of
    ``realisasi_nilai``: a number, a level as its fraction, a word as its
    rank (only when a level or word gives the mean exactly). None when no
    realisasi gives it (a turun capaian is floored at 0, a naik target 0,
    the cap of ``batas_capaian`` or ``batas_capaian_iku``, no level or word exactly); the reason is
    in :func:`kebutuhan_rata_rata`.
    """
    tahun = cek_tahun(unit, tahun)
    v = _untuk_rata_rata(unit, tahun, kode, float(target_rata_rata))["realisasi_perlu"]
    return None if v is None else float(v)


def kebutuhan_rata_rata(unit: Unit, tahun: int | None, target_rata_rata: float) -> pd.DataFrame:
    """For each IKU, the realisasi that alone brings the overall mean to ``target_rata_rata``.

    Columns: kode, indikator, capaian_perlu (the capaian that IKU would
    need), realisasi_perlu (as :func:`realisasi_untuk_rata_rata`, NaN when
    none), realisasi_teks (as a reader writes it), keterangan (why not, or
    the nearest level or word).
    """
    tahun = cek_tahun(unit, tahun)
    rows = [_untuk_rata_rata(unit, tahun, k, float(target_rata_rata)) for k in unit.indikator["kode"]
            if ((unit.kinerja["kode"] == k) & (unit.kinerja["tahun"] == tahun)).any()]
    out = pd.DataFrame(rows, columns=["kode", "indikator", "capaian_perlu", "realisasi_perlu", "realisasi_teks", "keterangan"])
    out["realisasi_perlu"] = out["realisasi_perlu"].astype(float)
    return out


def _grid(row: pd.Series, meta: pd.Series) -> list[object]:
    """Default values for :func:`sensitivitas`: every level or word; else 61 points from 0 and the current value."""
    if meta["jenis"] in ("level", "kategori"):
        return [t for _, t in (_kandidat(row, meta) or [])]
    r = row["realisasi_nilai"]
    t = row["target_atas"] if meta["jenis"] == "rentang" else row["target_nilai"]
    t = 1.0 if not t or tidak_ada(t) else abs(t)
    top = max((2.2 if meta["polaritas"] == "turun" else 1.5) * t, 1.1 * r if r == r else 0.0)
    values = set(np.linspace(0.0, top, 61).tolist())
    if r == r:
        values.add(float(r))
    return sorted(values)


def sensitivitas(unit: Unit, tahun: int | None, kode: str, nilai: Sequence[object] | None = None) -> pd.DataFrame:
    """The overall mean as the realisasi of IKU ``kode`` takes each value of ``nilai``.

    Values are read like a change (``80``, ``"90,5"``, ``"7/9"``, ``"Tinggi"``);
    by default every level or word of the IKU, or 61 points from 0 to past
    the target plus the current realisasi. Every other IKU keeps its data.

    Columns: realisasi (as the tables show it), realisasi_nilai, capaian,
    kategori (of the IKU), rata_rata_iku, kategori_rata_rata, rata_rata_sasaran.
    """
    tahun = cek_tahun(unit, tahun)
    row, meta = _tahun_iku(unit, tahun, kode)
    values = _grid(row, meta) if nilai is None else list(nilai)
    jenis = str(meta["jenis"])
    parsed = [baca_kinerja(Perubahan("realisasi", kode, v), "realisasi", jenis, meta["skala_kata"]) for v in values]
    year = unit.kinerja[unit.kinerja["tahun"] == tahun].reset_index(drop=True)
    n = len(parsed)
    stacked = year.loc[np.tile(np.arange(len(year)), n)].reset_index(drop=True)
    stacked["_i"] = np.repeat(np.arange(n), len(year))
    mine = (stacked["kode"] == kode).to_numpy()
    stacked.loc[mine, "realisasi_nilai"] = [np.nan if v is None else v[0] for v, _ in parsed]
    s = scoring.skor(stacked, unit.pilihan)
    c = scoring.batasi(s["capaian"], unit.pilihan)
    mean_iku = c.groupby(s["_i"]).mean().reindex(range(n))
    sas = scoring.capaian_sasaran(s, unit.pilihan, by=["_i"])
    mean_sas = sas.groupby("_i")["capaian"].mean().reindex(range(n))
    own = s.loc[mine]
    jr = "angka" if jenis == "rentang" else jenis
    out = pd.DataFrame({
        "realisasi": [tampil_nilai(t, np.nan if v is None else v[0], jr) for v, t in parsed],
        "realisasi_nilai": [np.nan if v is None else v[0] for v, _ in parsed],
        "capaian": own["capaian"].to_numpy(),
        "kategori": teks_kategori(own["kategori"]),
        "rata_rata_iku": mean_iku.to_numpy(dtype=float),
        "rata_rata_sasaran": mean_sas.to_numpy(dtype=float),
    })
    out.insert(5, "kategori_rata_rata", [unit.pilihan.skala.kategori(v) for v in out["rata_rata_iku"]])
    return out
