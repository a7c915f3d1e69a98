"""The walk: every notebook run top to bottom, headless, and kept as an HTML page (``mediakit walk``).

:func:`walk` executes each numbered notebook of ``notebooks/`` in a fresh kernel (nbclient) from the
notebook's own folder, so its relative paths to ``data/`` hold, and exports the executed notebook with
nbconvert to ``OUT/NN_name.html``: charts draw offline there (their JavaScript is inlined by
:func:`mediakit.charts.setup`), and an image of each stays where scripts do not run. Files a notebook
writes (saved charts and tables, the report of notebook 06, built corpora) go to ``OUT/NN_name/``: the walk
sets each notebook's ``OUTPUT_DIR`` parameter. ``OUT/index.html`` links the pages with their run times.

Parameters are injected as papermill does: a cell tagged ``injected-parameters`` right after the cell
tagged ``parameters`` (:func:`inject_parameters`), so a notebook runs on other data without being edited.

The notebooks and ``data/`` live in a source checkout (``pip install -e .``), not in an installed package;
:func:`find_notebooks` says so when they are missing. Needs the ``notebooks`` extra (nbclient, nbconvert,
ipykernel).
"""

from __future__ import annotations

import html
import json
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import MediakitError

__all__ = ["NotebookRun", "WalkResult", "execute_notebook", "export_html", "find_notebooks", "inject_parameters",
           "walk"]

#: seconds one cell may run before the walk gives up on its notebook
CELL_TIMEOUT = 600
#: the name of the kernel the walk starts: this Python, whatever kernels the user has installed
KERNEL = "mediakit-walk"


class WalkError(MediakitError):
    """The walk cannot start: no notebooks, or the ``notebooks`` extra is not installed."""


def default_notebooks() -> Path:
    """``notebooks/`` beside the ``mediakit`` package (a source checkout)."""
    return Path(__file__).resolve().parent.parent / "notebooks"


def find_notebooks(folder: str | Path | None = None, only: Sequence[str] = ()) -> list[Path]:
    """The numbered notebooks (``01_*.ipynb``, ...) of ``folder`` in order; ``only`` keeps those whose
    name starts with one of the given prefixes (``["01", "04_corpus"]``)."""
    root = Path(folder) if folder is not None else default_notebooks()
    if not root.is_dir():
        raise WalkError(f"no notebooks folder at {root}: the walk runs the notebooks of a mediakit source "
                        "checkout (git clone, then pip install -e '.[notebooks]'), or pass --notebooks DIR")
    found = sorted(p for p in root.glob("[0-9][0-9]_*.ipynb") if p.is_file())
    if only:
        found = [p for p in found if any(p.name.startswith(o) for o in only)]
        if not found:
            raise WalkError(f"no notebook in {root} starts with {', '.join(only)}")
    if not found:
        raise WalkError(f"{root} holds no numbered notebooks (01_name.ipynb, ...)")
    return found


def inject_parameters(nb: Any, params: Mapping[str, Any]) -> Any:
    """Insert a cell setting ``params`` after the cell tagged ``parameters`` (or first, when none is),
    tagged ``injected-parameters`` as papermill does; an earlier injected cell is replaced. Values are
    written with :func:`repr`, so strings, numbers, None, lists and dicts round-trip. Returns ``nb``."""
    import nbformat

    if not params:
        return nb
    for name in params:
        if not str(name).isidentifier():
            raise MediakitError(f"parameter {name!r} is not a Python name")
    source = "# Parameters injected by mediakit\n" + "".join(f"{k} = {v!r}\n" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    at = next((i + 1 for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])), 0)
    cells.insert(at, cell)
    nb.cells = cells
    return nb


def _kernel_manager(spec_dir: Path) -> Any:
    """A kernel manager that starts ipykernel in this Python: a user's own ``python3`` kernel spec may
    point at another interpreter, one without mediakit."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    kdir = spec_dir / "kernels" / KERNEL
    kdir.mkdir(parents=True, exist_ok=True)
    spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "mediakit walk", "language": "python"}
    (kdir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    ksm = KernelSpecManager(kernel_dirs=[str(spec_dir / "kernels")], ensure_native_kernel=False)
    return KernelManager(kernel_name=KERNEL, kernel_spec_manager=ksm)


def execute_notebook(path: str | Path, *, params: Mapping[str, Any] | None = None, cwd: str | Path | None = None,
                     timeout: int = CELL_TIMEOUT) -> tuple[Any, str | None]:
    """Run the notebook at ``path`` top to bottom in a fresh kernel, from ``cwd`` (default: its folder).

    Returns the executed notebook and None, or the notebook as far as it ran and the error (the first
    failing cell's exception, one line). ``params`` are injected after the parameters cell. Widget state
    is not stored: an exported page would need the widget manager from a CDN to show it.
    """
    try:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError
    except ImportError as exc:  # pragma: no cover - the notebooks extra
        raise WalkError(f"running notebooks needs the notebooks extra: pip install -e '.[notebooks]' ({exc})") from None
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    inject_parameters(nb, dict(params or {}))
    with tempfile.TemporaryDirectory(prefix="mediakit-kernel-") as spec_dir:
        client = NotebookClient(nb, km=_kernel_manager(Path(spec_dir)), timeout=timeout, allow_errors=False,
                                store_widget_state=False,
                                resources={"metadata": {"path": str(Path(cwd) if cwd else path.parent)}})
        log = Path(spec_dir) / "kernel.log"
        try:
            with log.open("wb") as stderr:  # the kernel's own warnings, shown only when it dies
                client.execute(stderr=stderr)
        except CellExecutionError as exc:
            return nb, _last_line(str(exc).strip().splitlines())
        except Exception as exc:  # a kernel that dies or a cell that times out
            tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
            return nb, f"{type(exc).__name__}: {exc}" + (f" (kernel: {' | '.join(tail)})" if tail else "")
    return nb, None


def _last_line(lines: list[str]) -> str:
    """The exception line of a cell error (the last line naming an exception), else the last line."""
    import re

    for line in reversed(lines):
        clean = re.sub(r"\x1b\[[0-9;]*m", "", line).strip()
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit)\b", clean):
            return clean
    return re.sub(r"\x1b\[[0-9;]*m", "", lines[-1]).strip() if lines else "the notebook failed"


def export_html(nb: Any, out: str | Path) -> Path:
    """Write the executed notebook as a standalone HTML page (nbconvert, the lab template)."""
    from nbconvert import HTMLExporter

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    body, _ = HTMLExporter().from_notebook_node(nb)
    out.write_text(body, encoding="utf-8")
    return out


@dataclass
class NotebookRun:
    """One notebook of the walk: how long it ran, where its page is, and the error if it failed."""

    name: str
    seconds: float
    html: Path
    outputs: Path
    error: str | None = None
    notebook: Path | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class WalkResult:
    """Every notebook's run, the output folder and its index page."""

    out: Path
    runs: list[NotebookRun] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.runs)

    @property
    def index(self) -> Path:
        return self.out / "index.html"

    def summary(self) -> str:
        """Where to look, in a few lines."""
        good = sum(r.ok for r in self.runs)
        total = sum(r.seconds for r in self.runs)
        lines = [f"{good}/{len(self.runs)} notebooks ran clean in {total:.0f} s.",
                 f"Open {self.index} in a browser: each notebook as a page, charts drawn offline."]
        reports = sorted(self.out.glob("*/**/report.html"))
        for rep in reports:
            lines.append(f"The report: {rep}")
        for r in self.runs:
            if not r.ok:
                lines.append(f"FAILED {r.name}: {r.error} (see {r.html})")
        return "\n".join(lines)


def walk(out: str | Path = "reports", *, notebooks: str | Path | None = None, only: Sequence[str] = (),
         params: Mapping[str, Mapping[str, Any]] | None = None, timeout: int = CELL_TIMEOUT,
         echo: Callable[[str], Any] | None = print) -> WalkResult:
    """Run every notebook (or those in ``only``) and write ``out``: one HTML page per notebook, the files
    each wrote in ``out/NN_name/``, and ``out/index.html``. One failing notebook does not stop the others
    (its page shows the error). ``params`` adds parameters per notebook stem (``{"05_own_corpus": {...}}``);
    ``echo`` reports progress (None: silent)."""
    paths = find_notebooks(notebooks, only)
    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    result = WalkResult(out=out)
    for path in paths:
        stem = path.stem
        outputs = out / stem
        given = {"OUTPUT_DIR": str(outputs)} | dict((params or {}).get(stem, {}))
        if echo:
            echo(f"running {path.name} ...")
        start = time.monotonic()
        nb, error = execute_notebook(path, params=given if _has_parameters(path) else {}, timeout=timeout)
        seconds = time.monotonic() - start
        page = export_html(nb, out / f"{stem}.html")
        run = NotebookRun(stem, seconds, page, outputs, error, path)
        result.runs.append(run)
        if echo:
            echo(f"  {'ok' if run.ok else 'FAILED'} in {seconds:.1f} s -> {page}" + (f": {error}" if error else ""))
    _write_index(result)
    if echo:
        echo(result.summary())
    return result


def _has_parameters(path: Path) -> bool:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return any("parameters" in c.get("metadata", {}).get("tags", []) for c in nb.get("cells", []))


def _title(nb_path: Path) -> str:
    """The first Markdown heading of the notebook, else its name."""
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    for c in nb.get("cells", []):
        if c.get("cell_type") == "markdown":
            for line in "".join(c.get("source", "")).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return nb_path.stem


_SHOWN = (".html", ".png", ".svg", ".pdf", ".csv", ".xlsx", ".json")


def _saved_files(run: NotebookRun) -> tuple[list[Path], int]:
    """The files a notebook saved worth a link (those in its folder, and any report page deeper down), and
    how many more it wrote (corpus parts, caches, a report's images...)."""
    if not run.outputs.is_dir():
        return [], 0
    every = [p for p in run.outputs.rglob("*") if p.is_file()]
    shown = sorted(p for p in every if (p.parent == run.outputs and p.suffix in _SHOWN) or p.name == "report.html")
    return shown, len(every) - len(shown)


def _write_index(result: WalkResult) -> None:
    rows = []
    for r in result.runs:
        files, more = _saved_files(r)
        links = "".join(f"<li><a href='{html.escape(p.relative_to(result.out).as_posix(), quote=True)}'>"
                        f"{html.escape(p.relative_to(r.outputs).as_posix())}</a></li>" for p in files)
        if more:
            links += f"<li>{more} more in <a href='{html.escape(r.outputs.name, quote=True)}/'>{html.escape(r.outputs.name)}/</a></li>"
        status = "ok" if r.ok else f"failed: {html.escape(r.error or '')}"
        title = _title(r.notebook) if r.notebook is not None and r.notebook.is_file() else r.name
        rows.append(f"<tr><td><a href='{html.escape(r.html.name, quote=True)}'>{html.escape(title)}</a></td>"
                    f"<td>{r.seconds:.1f} s</td><td>{status}</td><td><ul>{links}</ul></td></tr>")
    page = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>mediakit walk</title>"
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td{vertical-align:top;"
            "text-align:left;padding:4px 10px}td:nth-child(2){white-space:nowrap}th{text-align:left}ul{margin:0;padding-left:1.2em}</style></head>"
            "<body><h1>mediakit: the notebook walk</h1><p>Each notebook was run top to bottom on the bundled "
            "invented data. Open a page to read it with its charts; the files each notebook saved are listed "
            "beside it.</p><table><tr><th>notebook</th><th>ran in</th><th>status</th><th>files it saved</th></tr>"
            + "".join(rows) + "</table></body></html>")
    result.index.write_text(page, encoding="utf-8")
