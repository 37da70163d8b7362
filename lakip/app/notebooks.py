"""Executing the analysis notebooks with papermill, and exporting them as HTML.

The notebooks in ``notebooks/`` (``NN_name.ipynb``) each have one cell tagged
``parameters`` (``entitas``, ``tahun``, ``folder_data``, ``folder_keluaran``).
A run executes them in worker processes (papermill's working directory is
process-wide), two at a time on this kind of machine, writes each executed
notebook to ``notebook/`` and an HTML copy without code cells beside it; the
notebooks save their charts into ``grafik/``.

Executed notebooks are cleaned of what differs between runs (papermill's
timings, the temporary folder's name), so the same inputs give the same bytes.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
import shutil
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lakip.app.files import tulis_utuh
from lakip.app.proses import lepas_sinyal, sinyal_ditahan
from lakip.core.config import UNIT_KERJA
from lakip.core.paths import NOTEBOOKS_DIR

__all__ = ["NotebookError", "daftar_notebook", "jalankan_satu", "jalankan_notebook", "segarkan_keluaran_cek", "gabung_stream",
           "kata_unit_kerja"]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
CHECK_MARK = "# NBVAL_CHECK_OUTPUT"


class NotebookError(Exception):
    """A notebook failed; the message names the notebook and the cell."""

    def __init__(self, notebook: str, sel: int | None, baris_kode: str, galat: str):
        self.notebook, self.sel, self.baris_kode, self.galat = notebook, sel, baris_kode, galat
        where = f"sel ke-{sel}" if sel is not None else "saat dijalankan"
        code = f" (`{baris_kode}`)" if baris_kode else ""
        super().__init__(f"Notebook {notebook} gagal pada {where}{code}: {galat}")


def daftar_notebook(folder: Path | None = None) -> list[Path]:
    """The analysis notebooks, in their numbered order."""
    return sorted((folder or NOTEBOOKS_DIR).glob("[0-9][0-9]_*.ipynb"))


@dataclass(frozen=True)
class _Tugas:
    sumber: str
    tujuan: str
    parameter: dict[str, Any]
    ganti: tuple[tuple[str, str], ...]  # temporary path -> final path, for determinism
    html: bool
    ipc: str  # the run's folder for the kernels' connection files and sockets
    unit_kerja: str = UNIT_KERJA  # the unit's word for its divisions, written into the notebooks' text


def gabung_stream(cell: Any) -> None:
    """Join consecutive outputs of the same stream (two prints may arrive as one message or as
    two, depending on timing), so the same cell gives the same outputs on every run."""
    out: list[Any] = []
    for o in cell.outputs:
        if o.get("output_type") == "stream" and out and out[-1].get("output_type") == "stream" and out[-1].get("name") == o.get("name"):
            out[-1]["text"] = out[-1]["text"] + o["text"]
        else:
            out.append(o)
    cell.outputs = out


#: The word the notebooks' text uses for the unit's divisions (DOMAIN.md section 4a), a whole word.
_KATA_UNIT_KERJA = re.compile(rf"\b{UNIT_KERJA}\b")


def kata_unit_kerja(nb: Any, unit_kerja: str) -> None:
    """Write the unit's word for its divisions in the notebook's text (its markdown cells): the notebooks
    say "Alokasi anggaran per Bagian", a Kecamatan's run says "per Seksi". Bagian leaves it as it is."""
    if unit_kerja == UNIT_KERJA:
        return
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = _KATA_UNIT_KERJA.sub(lambda _: unit_kerja, cell.source)


def _bersihkan(nb: Any, ganti: tuple[tuple[str, str], ...]) -> None:
    """Drop run-to-run differences: timings, execution timestamps, temporary paths, and how
    the kernel happened to split a cell's printed text into messages."""
    pm = nb.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "exception", "input_path", "output_path"):
        pm.pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            gabung_stream(cell)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill gives it a random id
        cpm = cell.metadata.get("papermill", {})
        for key in ("start_time", "end_time", "duration", "exception", "status"):
            cpm.pop(key, None)
        if ganti and cell.cell_type == "code":
            for old, new in ganti:
                cell.source = cell.source.replace(old, new)
    if ganti:
        params = pm.get("parameters", {})
        for key, value in list(params.items()):
            if isinstance(value, str):
                for old, new in ganti:
                    value = value.replace(old, new)
                params[key] = value


def _sunyikan_stderr() -> None:
    """Worker initializer: kernels inherit this process's stderr; keep their
    start-up chatter off the user's terminal (failures come back as results)."""
    lepas_sinyal()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _anak_pekerja_dask() -> None:
    """Worker initializer inside a Dask worker: as :func:`_sunyikan_stderr`, and
    the process ends when the Dask worker does. A worker its nanny stops (the
    run was interrupted) cannot shut this pool down, and the process would
    wait forever for its next notebook, keeping the fork server alive too."""
    _sunyikan_stderr()

    induk = multiprocessing.parent_process()
    if induk is None:
        return

    def tunggu_induk() -> None:
        induk.join()
        os._exit(1)

    threading.Thread(target=tunggu_induk, name="lakip-tunggu-induk", daemon=True).start()


def _konteks_notebook() -> Any:
    """How the notebook worker processes start: the default (fork on Linux),
    except inside a dask.distributed worker (``lakip run --all --scheduler``).
    That process has threads of its own (event loop, tasks, profiler), and a
    fork copies any lock another thread holds at that moment into a child that
    can never release it; a fork server, started clean, forks the workers instead."""
    distributed = sys.modules.get("distributed")
    if distributed is None:
        return None
    try:
        distributed.get_worker()
    except ValueError:  # not in a worker
        return None
    return multiprocessing.get_context("forkserver")


def _kernel_manager_ipc(folder: str) -> type:
    """A kernel manager talking to its kernel over Unix sockets, not TCP ports: no port races
    between kernels started at the same moment, nothing on the network. Its connection file and
    sockets are in ``folder``, the run's own (removed when the run ends, interrupted or not)."""
    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs: Any) -> None:
            import uuid

            nama = uuid.uuid4().hex[:8]
            kwargs.setdefault("transport", "ipc")
            # an absolute socket path (the kernel runs in another working directory), short (see _folder_ipc)
            kwargs.setdefault("ip", os.path.join(folder, f"ipc-{nama}"))
            kwargs.setdefault("connection_file", os.path.join(folder, f"kernel-{nama}.json"))
            super().__init__(**kwargs)

    return IPCKernelManager


def _folder_ipc() -> str:
    """A new folder of this run for the kernels' connection files and sockets, in the temporary folder;
    in /tmp when that one's path is too long for a socket's (108 bytes on Linux, 104 on macOS)."""
    import tempfile

    folder = tempfile.mkdtemp(prefix="lakip-")
    if len(os.fsencode(folder)) + len("/ipc-01234567-5") >= 104 and os.path.isdir("/tmp"):
        os.rmdir(folder)
        folder = tempfile.mkdtemp(prefix="lakip-", dir="/tmp")
    return folder


#: nbconvert's classic page without the scripts it fetches from the internet
#: (jQuery, require.js, mermaid, MathJax): the notebooks have no widgets, diagrams
#: or formulas, and the page is read offline as it is.
_TEMPLAT_HTML = (
    "{%- extends 'classic/index.html.j2' -%}\n"
    "{%- block html_head_js -%}{%- endblock html_head_js -%}\n"
    "{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}\n"
)


@functools.cache
def _pengekspor_html() -> Any:
    """One HTML exporter per worker process: its templates are loaded once."""
    import jinja2
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="classic", template_file="lakip.html.j2",
                        extra_loaders=[jinja2.DictLoader({"lakip.html.j2": _TEMPLAT_HTML})],
                        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)


def jalankan_satu(tugas: _Tugas) -> dict[str, Any]:
    """Worker: execute one notebook; return its outputs or a description of the failure."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    name = Path(tugas.sumber).name
    os.environ["JUPYTER_RUNTIME_DIR"] = tugas.ipc  # anything else Jupyter writes at run time goes there too
    try:
        for attempt in (1, 2):
            try:
                nb = papermill.execute_notebook(
                    tugas.sumber, None, parameters=tugas.parameter, kernel_name="python3",
                    progress_bar=False, log_output=False, shutdown_kernel="immediate",
                    kernel_manager_class=_kernel_manager_ipc(tugas.ipc),
                )
                break
            except RuntimeError as e:  # the kernel died while starting, before any cell ran: once more
                if attempt == 2 or "kernel_info" not in str(e):
                    raise
    except PapermillExecutionError as e:
        lines = [ln for ln in (e.source or "").splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        return {"galat": (name, e.exec_count, lines[0].strip() if lines else "", f"{e.ename}: {_ANSI.sub('', str(e.evalue))}")}
    except Exception as e:  # kernel died, notebook unreadable: still name the notebook
        return {"galat": (name, None, "", f"{type(e).__name__}: {_ANSI.sub('', str(e))}")}
    _bersihkan(nb, tugas.ganti)
    kata_unit_kerja(nb, tugas.unit_kerja)
    out = Path(tugas.tujuan)
    teks = nbformat.writes(nb)
    tulis_utuh(out, teks if teks.endswith("\n") else teks + "\n")  # as nbformat.write ends it
    files = [str(out)]
    if tugas.html:
        exporter = _pengekspor_html()
        title = next((ln.lstrip("# ").strip() for c in nb.cells if c.cell_type == "markdown"
                      for ln in c.source.splitlines() if ln.startswith("# ")), out.stem)
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
        body = re.sub(r"<html[^>]*>", '<html lang="id">', body, count=1)
        files.append(str(tulis_utuh(out.with_suffix(".html"), body)))
    return {"berkas": files}


def jalankan_notebook(
    entitas: str,
    tahun: int,
    folder_data: str | Path,
    folder_run: Path,
    folder_akhir: Path | None = None,
    notebooks: list[Path] | None = None,
    pekerja: int | None = None,
    html: bool = True,
    progres: bool = True,
    sambil: Callable[[Callable[[], bool]], Any] | None = None,
    unit_kerja: str = UNIT_KERJA,
) -> list[Path]:
    """Execute every notebook for one unit and year into ``folder_run/notebook/``.

    Args:
        entitas, tahun, folder_data: the notebooks' parameters.
        folder_run: the (temporary) run folder; charts go to its ``grafik/``.
        folder_akhir: the final run folder, written into the notebooks in
            place of ``folder_run`` so the files do not depend on it.
        notebooks: which notebooks (default: all of ``notebooks/``).
        pekerja: worker processes (default: up to 2, one per core).
        html: also write each as HTML without code cells.
        progres: show a progress bar on the terminal.
        sambil: work for this process to do while the notebooks run (called
            once the worker processes exist, so no thread is forked), with
            one argument: a function that tells whether any notebook is
            still running.
        unit_kerja: the unit's word for its divisions, written in the notebooks' text in place of Bagian.

    Raises:
        NotebookError: naming the first notebook (in order) that failed and its cell.
    """
    from tqdm.auto import tqdm

    paths = notebooks if notebooks is not None else daftar_notebook()
    params = {"entitas": entitas, "tahun": int(tahun), "folder_data": str(folder_data), "folder_keluaran": str(folder_run)}
    ganti = ((str(folder_run), str(folder_akhir)),) if folder_akhir is not None else ()
    # the kernels' connection files and sockets: in a folder of this run, removed however it ends
    ipc = _folder_ipc()
    try:
        tasks = [_Tugas(str(p), str(folder_run / "notebook" / p.name), params, ganti, html, ipc, unit_kerja) for p in paths]
        workers = max(1, min(pekerja or min(2, os.cpu_count() or 1), len(tasks)))
        results: dict[int, dict[str, Any]] = {}
        konteks = _konteks_notebook()
        with ProcessPoolExecutor(max_workers=workers, initializer=_sunyikan_stderr if konteks is None else _anak_pekerja_dask,
                                 mp_context=konteks) as pool:
            with sinyal_ditahan():  # the workers are forked at the first submit
                futures = {pool.submit(jalankan_satu, t): i for i, t in enumerate(tasks)}
            if sambil is not None:
                sambil(lambda: not all(f.done() for f in futures))
            with tqdm(total=len(tasks), desc="Notebook", unit="nb", disable=not progres, leave=False) as bar:
                for fut in as_completed(futures):
                    results[futures[fut]] = fut.result()
                    bar.update(1)
    finally:
        shutil.rmtree(ipc, ignore_errors=True)
    for i in range(len(tasks)):
        if "galat" in results[i]:
            raise NotebookError(*results[i]["galat"])
    return [Path(f) for i in range(len(tasks)) for f in results[i]["berkas"]]


def segarkan_keluaran_cek(path: Path) -> None:
    """Re-execute a notebook in place and keep only the outputs of checked cells.

    The checked cells (marked ``# NBVAL_CHECK_OUTPUT``) carry the outputs
    nbval compares; every other output, and the widgets' saved state, is
    dropped before committing.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    nb.metadata.pop("widgets", None)  # the state of the widgets a cell displayed (eksplorasi): not a checked output
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        if CHECK_MARK not in cell.source:
            cell.outputs = []
            cell.execution_count = None
        else:
            gabung_stream(cell)  # the same outputs however the kernel split the printed text
    nbformat.write(nb, path)
