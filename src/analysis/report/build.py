"""Build the reports: run every notebook with papermill, render HTML, write an index page.

Parameters are validated for every notebook before the first notebook runs. Outputs are
built in a staging folder and moved into place only when every notebook succeeded, so a
failing notebook leaves the reports of the previous run as they were.

Start-up time is most of a report build. Each notebook runs in a kernel of its own, driven
by a thread of this process (the kernels do the work; the threads wait on them and render
HTML): no second Python process imports the notebook tools. The kernels start first, as
forks of one server that imports the package once (:mod:`analysis.report.forking`), while
this process imports its own modules, checks the parameters and extracts the tables (see
:class:`NotebookKernels`). This module imports the notebook
tools (nbformat, papermill, nbconvert) and the table modules (pandas) only where they are
used.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import json
import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from concurrent.futures import CancelledError, Future, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis import __version__
from analysis.config import REPORT_TABLES
from analysis.errors import NotebookError, ParameterError
from analysis.parallel import workers_for
from analysis.startup import preload_line, skip_iri_checker

if TYPE_CHECKING:
    import nbformat
    from jupyter_client import AsyncKernelManager
    from nbconvert import HTMLExporter

    from analysis.report.forking import KernelServer
    from analysis.storage import Tables

TEMPLATES = Path(__file__).parent / "templates"
KERNEL = "python3"
# papermill writes run timestamps and durations; they would make every build differ.
VOLATILE_NOTEBOOK_KEYS = (
    "start_time",
    "end_time",
    "duration",
    "exception",
    "input_path",
    "output_path",
)
VOLATILE_CELL_KEYS = ("execution", "papermill")
KERNEL_ARGUMENTS = (
    # The kernel's own log (a warning about its local TCP connection, a stray interrupt at
    # shutdown) is noise beside our progress; cell errors still come back as
    # PapermillExecutionError.
    "--IPKernelApp.log_level=CRITICAL",
    # What nbclient passes to the kernels it starts itself: no history database on disk.
    "--HistoryManager.hist_file=:memory:",
)
# How long a kernel may take to start and import its notebook's modules (papermill's default),
# and how often a thread waiting for it checks whether its notebook was dropped.
KERNEL_READY_SECONDS = 60.0
CANCEL_POLL_SECONDS = 0.05
INDEX_TITLE = "How the landmine figures claimed in the statements changed"
CLAIMS_NOTICE = (
    "Every figure here is a claim attributed to the named speaker of its statement, a party to "
    "the conflict. This package records what was said, normalises it and traces it to its quote; "
    "it does not verify any figure."
)


@dataclass(frozen=True)
class NotebookRun:
    source: Path
    parameters: dict[str, Any]

    @property
    def name(self) -> str:
        return self.source.stem


def find_notebooks(folder: str | Path, only: list[str] | None = None) -> list[Path]:
    notebooks = sorted(Path(folder).glob("*.ipynb"))
    if only:
        by_name = {nb.stem: nb for nb in notebooks}
        missing = [name for name in only if name not in by_name]
        if missing:
            raise ParameterError(
                f"--notebook: no notebook named {', '.join(missing)} in {folder} "
                f"(have: {', '.join(by_name)})"
            )
        notebooks = [by_name[name] for name in only]
    if not notebooks:
        raise ParameterError(f"{folder}: no notebooks found")
    return notebooks


def plan(
    notebooks: list[Path],
    shared: Mapping[str, Any],
    given: Mapping[str, Any],
    statement_ids: Collection[str] | None = None,
) -> list[NotebookRun]:
    """Validate parameters for every notebook before any notebook runs.

    ``shared`` values (the tables folder) go to each notebook that declares them; ``given``
    values (``-p name=value``) must be declared by every notebook selected.
    """
    from analysis.report import params

    runs = []
    for notebook in notebooks:
        declared = params.declared_parameters(notebook)
        chosen = {k: v for k, v in shared.items() if k in declared} | dict(given)
        params.validate(notebook, chosen, statement_ids, declared)
        runs.append(NotebookRun(notebook, chosen))
    return runs


def sanitize(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run (timestamps, durations, random cell ids)."""
    papermill_meta = notebook.metadata.get("papermill", {})
    for key in VOLATILE_NOTEBOOK_KEYS:
        papermill_meta.pop(key, None)
    for index, cell in enumerate(notebook.cells):
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
        elif not cell.get("id"):
            cell["id"] = f"cell-{index}"
    return notebook


# One parse at a time: CPython 3.11's parser may fail in threads parsing at once
# ("SystemError: AST constructor recursion depth mismatch", CPython issue 106905).
_PARSING = threading.Lock()


def notebook_modules(notebook: nbformat.NotebookNode | Mapping[str, Any]) -> list[str]:
    """The modules a notebook's code cells import at their top level, in order. For
    ``from package import name`` both ``package`` and ``package.name`` are listed: the name
    may be a module (:func:`analysis.startup.preload` skips it when it is not).
    ``notebook`` is a notebook node or the notebook's JSON as read (:func:`_notebook_json`)."""
    modules: dict[str, None] = {}
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        try:
            with _PARSING:
                tree = ast.parse(source if isinstance(source, str) else "".join(source))
        except SyntaxError:  # IPython syntax (magics): not Python, imports nothing we preload
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                modules.update(dict.fromkeys(alias.name for alias in node.names))
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules[node.module] = None
                modules.update(dict.fromkeys(f"{node.module}.{a.name}" for a in node.names))
    return list(modules)


def start_kernel(
    source: Path, server: KernelServer | None = None, modules: list[str] | None = None
) -> AsyncKernelManager:
    """Start a kernel for the notebook ``source`` in its folder, a fork of ``server`` when
    given (:mod:`analysis.report.forking`); it imports the notebook's modules as it starts
    (:func:`analysis.startup.preload`). Returns at once: the kernel is ready when papermill's
    client has connected to it. Start, execute and shut it down in one thread (one event
    loop). ``modules``: the notebook's (:func:`notebook_modules`), if already read."""
    from jupyter_core.utils import run_sync

    from analysis.report.forking import ForkProvisioner

    if modules is None:
        modules = notebook_modules(_notebook_json(source))
    kernel = _kernel_manager()(kernel_name=KERNEL)
    kernel.kernel_id = str(uuid.uuid4())
    provisioner = ForkProvisioner(
        kernel_id=kernel.kernel_id, kernel_spec=kernel.kernel_spec, parent=kernel
    )
    provisioner.server = server
    kernel.provisioner = provisioner
    run_sync(kernel.start_kernel)(
        cwd=str(source.resolve().parent),
        extra_arguments=[*KERNEL_ARGUMENTS, f"--IPKernelApp.exec_lines={preload_line(modules)}"],
    )
    return kernel


def _notebook_json(source: Path) -> dict[str, Any]:
    """A notebook file as plain JSON, for :func:`notebook_modules` as its kernel starts:
    importing nbformat (and jsonschema) to read it would cost this process a quarter of a
    second before the first kernel could start. papermill reads it again, validated, to run
    it; a file that is no notebook here preloads nothing and fails there."""
    try:
        notebook = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return notebook if isinstance(notebook, dict) else {}


@functools.cache
def _kernel_manager() -> type[AsyncKernelManager]:
    """The kernel manager class of :func:`start_kernel`, made when first needed (it imports
    jupyter_client)."""
    from jupyter_client import AsyncKernelManager
    from jupyter_client.asynchronous import AsyncKernelClient

    class ReadyOnceClient(AsyncKernelClient):
        """A client that waits for its kernel to be ready once: a second wait (papermill's,
        for a client that :func:`prepare_client` made ready) returns at once."""

        ready = False

        async def wait_for_ready(self, timeout: float | None = None) -> None:
            if not self.ready:
                await super().wait_for_ready(timeout)
                self.ready = True

    class KernelManager(AsyncKernelManager):
        """Remembers its clients: papermill, given a running kernel, leaves its client
        connected, and :func:`stop_kernel` disconnects it. The next client asked for is
        the one :func:`prepare_client` made ready, when there is one."""

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.client_factory = ReadyOnceClient
            self.clients: list[Any] = []
            self.prepared: Any = None

        def client(self, **kwargs: Any) -> Any:
            if self.prepared is not None:
                client, self.prepared = self.prepared, None
                return client
            client = super().client(**kwargs)
            self.clients.append(client)
            return client

    return KernelManager


def prepare_client(kernel: AsyncKernelManager, cancelled: Callable[[], bool]) -> None:
    """Connect a client to ``kernel`` (of :func:`start_kernel`) and wait until the kernel is
    ready, its notebook's modules imported; papermill is handed this client and starts the
    notebook at once. papermill's own client would wait as the notebook starts, a fifth of
    a second at least (jupyter_client listens that long for late messages); this waits
    while the tables are extracted. Raises CancelledError as soon as ``cancelled()``."""
    from jupyter_core.utils import run_sync

    client = kernel.client()
    client.start_channels(hb=False)  # papermill starts the heartbeat (a thread starts once)
    run_sync(_until_ready)(client, cancelled)
    kernel.prepared = client  # type: ignore[attr-defined]


async def _until_ready(client: Any, cancelled: Callable[[], bool]) -> None:
    import asyncio

    ready = asyncio.ensure_future(client.wait_for_ready(timeout=KERNEL_READY_SECONDS))
    while not ready.done():
        if cancelled():
            ready.cancel()
            raise CancelledError
        await asyncio.wait({ready}, timeout=CANCEL_POLL_SECONDS)
    ready.result()


def start_ready_kernel(
    source: Path,
    cancelled: Callable[[], bool],
    server: KernelServer | None = None,
    modules: list[str] | None = None,
) -> AsyncKernelManager:
    """:func:`start_kernel`, then :func:`prepare_client`. A kernel that dies before it
    answers is started once more: jupyter_client picks free TCP ports for a kernel and the
    kernel binds them a moment later, so another process may take one in between ("Address
    already in use"); the second kernel gets other ports."""
    try:
        return _prepared(start_kernel(source, server, modules), cancelled)
    except RuntimeError:  # "Kernel died before replying to kernel_info"
        return _prepared(start_kernel(source, server, modules), cancelled)


def _prepared(kernel: AsyncKernelManager, cancelled: Callable[[], bool]) -> AsyncKernelManager:
    """``kernel`` with its client ready; stopped if it never gets ready."""
    try:
        prepare_client(kernel, cancelled)
    except BaseException:
        stop_kernel(kernel)
        raise
    return kernel


def stop_kernel(kernel: AsyncKernelManager) -> None:
    """End a kernel of :func:`start_kernel` and free its sockets.

    The kernel is killed, not asked to shut down: once its notebook has run, its outputs are
    with papermill's client and it keeps nothing else (history in memory), while a clean
    exit waits for its interpreter to tear down, a third of a second at the end of a report.
    """
    from jupyter_core.utils import run_sync

    for client in getattr(kernel, "clients", ()):
        client.stop_channels()
    run_sync(kernel.shutdown_kernel)(now=True)


def execute(
    run: NotebookRun, output: Path, kernel: AsyncKernelManager | None = None
) -> nbformat.NotebookNode:
    """Execute one notebook with papermill, in ``kernel`` (a kernel of :func:`start_kernel`
    for ``run``, left running) or in a kernel of its own; a failure names the notebook and
    the cell."""
    import nbformat
    import papermill

    own = kernel is None
    if kernel is None:
        kernel = start_kernel(run.source)
    try:
        # The kernel runs in the notebook's folder already: papermill's ``cwd`` would change
        # the working directory of this whole process, which other threads share.
        papermill.execute_notebook(
            str(run.source.resolve()),
            str(output),
            parameters=run.parameters,
            kernel_name=KERNEL,
            km=kernel,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
        )
    except papermill.PapermillExecutionError as exc:
        first_line = next((line for line in exc.source.splitlines() if line.strip()), "")
        raise NotebookError(
            f"{run.source}: cell In [{exc.exec_count}] ({first_line.strip()[:60]!r}) failed: "
            f"{exc.ename}: {exc.evalue}"
        ) from None
    finally:
        if own:
            stop_kernel(kernel)
    notebook = sanitize(nbformat.read(output, as_version=4))
    nbformat.write(notebook, output)
    return notebook


def render_html(notebook: nbformat.NotebookNode, *, with_code: bool) -> str:
    """Self-contained HTML (figures embedded, no outside scripts); reader version hides code."""
    # An exporter keeps per-page state while it renders, so pages render one at a time
    # (in one process they would take turns on the interpreter lock anyway).
    with _RENDERING:
        exporter = _exporter()
        # One exporter for both kinds of page, its templates compiled once: what a page
        # leaves out is read from these settings as the page renders.
        hide = not with_code
        exporter.exclude_input = hide
        exporter.exclude_input_prompt = hide
        exporter.exclude_output_prompt = hide
        body, _ = exporter.from_notebook_node(notebook)
    return body


_RENDERING = threading.Lock()


def warm_exporter() -> None:
    """Render a small notebook (a heading, a code cell and its output), so that the first
    page of a report need not wait for the exporter's imports, templates and highlighter:
    call it while the kernels run."""
    import nbformat

    cells = [
        nbformat.v4.new_markdown_cell("# Title"),
        nbformat.v4.new_code_cell(
            "x = 1", outputs=[nbformat.v4.new_output("stream", name="stdout", text="1")]
        ),
    ]
    render_html(nbformat.v4.new_notebook(cells=cells), with_code=True)


@functools.cache
def _exporter() -> HTMLExporter:
    """The exporter of every page: made once, since making one compiles its templates."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", extra_template_paths=[str(TEMPLATES)])
    exporter.template_file = "report.html.j2"
    return exporter


def describe(notebook: nbformat.NotebookNode, fallback: str) -> tuple[str, str]:
    """Title and summary (first paragraph) from the notebook's first markdown cell."""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        paragraphs = [" ".join(p.split()) for p in cell.source.split("\n\n") if p.strip()]
        title = next((p.lstrip("# ") for p in paragraphs if p.startswith("#")), fallback)
        summary = next((p for p in paragraphs if not p.startswith("#")), "")
        return title, summary
    return fallback, ""


def render_index(
    entries: list[dict[str, Any]], tables: Tables, data_files: Collection[str] = ()
) -> str:
    """The entry page: the headline (how each quantity's claims changed, with the main
    findings), links to each report and the parameters it ran with, the statements in date
    order, and the tables (``data_files``, under :data:`analysis.config.REPORT_TABLES`)."""
    from analysis.report.headline import headline_html, main_findings_html
    from analysis.report.index import claims_browser, data_links, parameters_text, statements_table
    from analysis.report.pages import escape, html_page

    esc = escape
    reports = "\n".join(
        f'<li><a href="{esc(e["html"])}">{esc(e["title"])}</a> '
        f'(<a href="{esc(e["reader"])}">reader version, no code</a>)'
        f"<br><span>{esc(e['summary'])}</span>"
        f"<br><small>{esc(parameters_text(e.get('parameters', {})))}</small></li>"
        for e in entries
    )
    return (
        html_page(INDEX_TITLE)
        + f"""<h1>{esc(INDEX_TITLE)}</h1>
<p class="notice">{esc(CLAIMS_NOTICE)}</p>
<h2 id="headline">How the claims changed</h2>
<p>Every quantity the statements give a figure for, named in words; one column per statement
date. Each figure is printed as in its statement, with the outlet; follow it to its sentence.
"Rose" and "fell" are used only when the two wordings cannot describe the same number.</p>
{headline_html(tables.evolution)}
<h3 id="findings">Main findings</h3>
{main_findings_html(tables.findings, tables.claims, tables.statements, tables.evolution)}
<h2 id="reports">Reports</h2>
<ul>
{reports}
</ul>
<h2 id="statements">Statements analysed</h2>
{statements_table(tables.statements)}
<h2 id="data">The data</h2>
{data_links(data_files)}
{claims_browser(tables.claims, tables.statements)}
<p>Built with claims-analysis {esc(__version__)}.</p>
</body>
</html>
"""
    )


def copy_tables(tables_dir: Path, target: Path, final: Path) -> list[str]:
    """Copy the tables of ``tables_dir`` (the CSV files its datapackage.json lists, and the
    descriptor) into ``target``; returns the file names. ``final`` is where ``target`` will
    end up: the descriptor's corpus paths are rewritten relative to it."""
    import json

    from analysis.config import DATAPACKAGE_NAME

    package = json.loads((tables_dir / DATAPACKAGE_NAME).read_text(encoding="utf-8"))
    target.mkdir(parents=True, exist_ok=True)
    names = []
    for resource in package.get("resources", []):
        shutil.copyfile(tables_dir / resource["path"], target / resource["path"])
        names.append(resource["path"])
    corpus = package.get("x_corpus") or {}
    for key in ("path", "annotations"):
        if corpus.get(key):
            where = (tables_dir / corpus[key]).resolve()
            corpus[key] = Path(os.path.relpath(where, final.resolve())).as_posix()
    (target / DATAPACKAGE_NAME).write_text(
        json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return [*names, DATAPACKAGE_NAME]


def index_entry(run: NotebookRun, notebook: nbformat.NotebookNode) -> dict[str, Any]:
    """The index's entry for ``run``: its pages, title, summary and parameters. The title
    and summary come from the notebook's first markdown cell, the same in the notebook and
    in its executed copy, so the index needs no executed notebook."""
    title, summary = describe(notebook, run.name)
    return {
        "html": f"{run.name}.html",
        "reader": f"{run.name}.reader.html",
        "title": title,
        "summary": summary,
        "parameters": dict(run.parameters),
    }


def build_one(
    run: NotebookRun, staging: Path, kernel: AsyncKernelManager | None = None
) -> nbformat.NotebookNode:
    """Execute one notebook (in ``kernel``, see :func:`execute`) and render its full and
    reader HTML into ``staging``."""
    notebook = execute(run, staging / f"{run.name}.ipynb", kernel)
    title, _ = describe(notebook, run.name)
    for suffix, with_code, page_title in (
        (".html", True, title),
        (".reader.html", False, f"{title} (reader version)"),
    ):
        # nbconvert titles a page with the notebook's metadata title, else its file name.
        notebook.metadata["title"] = page_title
        html_text = render_html(notebook, with_code=with_code)
        (staging / f"{run.name}{suffix}").write_text(html_text, encoding="utf-8")
    return notebook


@dataclass
class _Slot:
    """One notebook's kernel and the thread that drives it."""

    source: Path
    modules: list[str]  # what the notebook imports (its kernel imports them as it starts)
    # set: build this run into this folder; cancelled: drop the kernel
    job: Future[tuple[NotebookRun, Path]] = field(default_factory=Future)
    built: Future[None] = field(default_factory=Future)  # cancelled before it starts: never
    thread: threading.Thread | None = None
    submitted: bool = False


class NotebookKernels:
    """A kernel per notebook, each driven by a thread of this process, ``limit`` at a time.

    Kernels of the ``notebooks`` given start at once and import their notebooks' modules
    (seconds each) while the caller checks the parameters and extracts the tables; other
    notebooks start their kernels when their runs are submitted. Threads do not share
    papermill's working directory: each kernel starts in its notebook's folder instead
    (:func:`start_kernel`).
    """

    def __init__(self, notebooks: Sequence[Path], limit: int) -> None:
        from analysis.report.forking import kernel_server

        self._limit = threading.BoundedSemaphore(max(1, limit))
        self._slots: list[_Slot] = []
        imports = {source: notebook_modules(_notebook_json(source)) for source in notebooks}
        # The kernels are forks of one server that imports the notebooks' modules once.
        self._server = None
        if notebooks:
            modules = dict.fromkeys(m for listed in imports.values() for m in listed)
            self._server = kernel_server(notebooks[0].resolve().parent, modules)
        for source in notebooks:
            self._start(source, imports[source])

    def _start(self, source: Path, modules: list[str] | None = None) -> _Slot:
        # Daemon threads: on Ctrl-C this process exits without waiting for a notebook, and
        # the kernels, which watch their parent, end with it.
        if modules is None:
            modules = notebook_modules(_notebook_json(source))
        slot = _Slot(source, modules)
        slot.thread = threading.Thread(
            target=self._drive, args=(slot,), name=f"notebook {source.stem}", daemon=True
        )
        self._slots.append(slot)
        slot.thread.start()
        return slot

    def _drive(self, slot: _Slot) -> None:
        with self._limit:
            if slot.job.cancelled():
                return
            kernel = None
            started = False
            try:
                kernel = start_ready_kernel(
                    slot.source, slot.job.cancelled, self._server, slot.modules
                )
                run, staging = slot.job.result()
                started = slot.built.set_running_or_notify_cancel()
                if started:
                    build_one(run, staging, kernel)
                    slot.built.set_result(None)
            except CancelledError:
                pass
            except BaseException as exc:  # handed to the thread that waits for it
                if started or slot.built.set_running_or_notify_cancel():
                    slot.built.set_exception(exc)
            finally:
                if kernel is not None:
                    stop_kernel(kernel)

    def submit(self, runs: Sequence[NotebookRun], staging: Path) -> list[Future[None]]:
        """Build ``runs`` into ``staging``: one future per run, in order. Kernels started
        for notebooks not among ``runs`` are shut down."""
        chosen = []
        for run in runs:
            slot = next(
                (s for s in self._slots if s.source == run.source and not s.submitted), None
            )
            if slot is None:
                slot = self._start(run.source)
            slot.submitted = True
            chosen.append((slot, run))
        for slot in self._slots:
            if not slot.submitted:
                slot.job.cancel()
        for slot, run in chosen:
            slot.job.set_result((run, staging))
        return [slot.built for slot, _ in chosen]

    def close(self, wait: bool = True) -> None:
        """Shut down the kernels of notebooks never submitted; runs submitted but not started
        never start. ``wait`` for every kernel to end (those running a notebook too)."""
        for slot in self._slots:
            slot.job.cancel()
            slot.built.cancel()
        if wait:
            for slot in self._slots:
                if slot.thread is not None:
                    slot.thread.join()
        if self._server is not None:
            self._server.close()


@contextlib.contextmanager
def notebook_workers(notebooks: Sequence[Path], jobs: int = 0) -> Iterator[NotebookKernels]:
    """Kernels for a report's notebooks, up to one per core and one more (``jobs``: cores to
    use, 0 for all): one notebook's kernel starts while others run. The kernels of
    ``notebooks`` start at once: they import their notebooks' modules while the caller checks
    the parameters and extracts the tables. On an error the kernels are shut down."""
    skip_iri_checker()  # before the threads import nbformat
    kernels = NotebookKernels(list(notebooks), workers_for(jobs) + 1)
    try:
        yield kernels
    except Exception:
        kernels.close()
        raise
    except BaseException:  # Ctrl-C: stop now; the kernels end with this process
        kernels.close(wait=False)
        raise
    kernels.close()


def wait_all(
    runs: list[NotebookRun], builds: list[Future[None]], progress: Callable[[str], None]
) -> None:
    """Wait for the ``builds`` of ``runs``. The first failure cancels the notebooks not
    started and waits for those running, so that none writes into the staging folder after
    the caller removed it; Ctrl-C waits for none (the kernels end with this process)."""
    names = {future: run.source.name for future, run in zip(builds, runs, strict=True)}
    try:
        for number, future in enumerate(as_completed(names), start=1):
            future.result()
            progress(f"[{number}/{len(runs)}] {names[future]} done")
    except BaseException as exc:
        for future in builds:
            future.cancel()
        if isinstance(exc, Exception):
            for future in builds:
                with contextlib.suppress(Exception):
                    future.exception()
        raise


def build_reports(
    runs: list[NotebookRun],
    out_dir: str | Path,
    tables: Tables,
    texts: Mapping[str, str],
    workers: NotebookKernels,
    progress: Callable[[str], None] = print,
    tables_dir: str | Path | None = None,
) -> list[Path]:
    """Run notebooks on ``workers`` (see :func:`notebook_workers`) into a staging folder,
    render HTML and index, copy the tables of ``tables_dir`` (when given) into the reports'
    :data:`analysis.config.REPORT_TABLES` folder, then move everything into ``out_dir``.

    The statement pages and the index are written while the kernels run."""
    import nbformat

    from analysis.report.pages import write_statement_pages

    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out))
    try:
        progress(f"running {len(runs)} notebooks")
        builds = workers.submit(runs, staging)
        pages = write_statement_pages(
            tables.statements, texts, tables.mentions, tables.claims, staging
        )
        data_files = []
        if tables_dir is not None:
            data_files = copy_tables(Path(tables_dir), staging / REPORT_TABLES, out / REPORT_TABLES)
        entries = [index_entry(run, nbformat.read(run.source, as_version=4)) for run in runs]
        index = render_index(entries, tables, data_files)
        (staging / "index.html").write_text(index, encoding="utf-8")
        warm_exporter()
        wait_all(runs, builds, progress)
        progress(f"wrote {len(list(pages))} statement pages")
        written = []
        for built in sorted(p for p in staging.rglob("*") if p.is_file()):
            target = out / built.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            built.replace(target)
            written.append(target)
        progress(f"wrote {out / 'index.html'}")
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def refresh_committed(notebook_path: Path) -> None:
    """Re-run a committed notebook in place with its defaults and rewrite its jupytext pair.

    The .py percent script and the .ipynb are first synced (the newer one wins), so edits made
    in either survive; the notebook then carries the outputs of a clean run for nbval.
    """
    import jupytext
    import nbformat
    from jupytext.cli import jupytext as jupytext_cli

    jupytext_cli(["--sync", "--quiet", str(notebook_path)])
    with tempfile.TemporaryDirectory() as tmp:
        executed = execute(NotebookRun(notebook_path, {}), Path(tmp) / notebook_path.name)
    executed.metadata.pop("papermill", None)
    nbformat.write(executed, notebook_path)
    jupytext.write(executed, notebook_path.with_suffix(".py"), fmt="py:percent")
