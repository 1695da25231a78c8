"""Build the reports: run every notebook with papermill, render HTML, write an index page.

Parameters are validated for every notebook before the first kernel starts. Outputs are
built in a staging folder and moved into place only when every notebook succeeded, so a
failing notebook leaves the reports of the previous run as they were.

Worker processes import this module to build notebooks, so it imports the notebook tools
(nbformat, papermill, nbconvert) and the table modules (pandas) only where they are used:
start-up time is most of a report build.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis import __version__
from analysis.config import REPORT_TABLES
from analysis.errors import NotebookError, ParameterError
from analysis.parallel import worker_start, workers_for
from analysis.startup import skip_iri_checker

if TYPE_CHECKING:
    import nbformat

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
    """Validate parameters for every notebook before any kernel starts.

    ``shared`` values (the tables folder) go to each notebook that declares them; ``given``
    values (``-p name=value``) must be declared by every notebook selected.
    """
    from analysis.report import params

    runs = []
    for notebook in notebooks:
        declared = params.declared_parameters(notebook)
        chosen = {k: v for k, v in shared.items() if k in declared} | dict(given)
        params.validate(notebook, chosen, statement_ids)
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


def execute(run: NotebookRun, output: Path) -> nbformat.NotebookNode:
    """Execute one notebook with papermill; a failure names the notebook and the cell."""
    import nbformat
    import papermill

    try:
        papermill.execute_notebook(
            str(run.source.resolve()),
            str(output),
            parameters=run.parameters,
            kernel_name=KERNEL,
            cwd=str(run.source.resolve().parent),
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            # The kernel's own log (a warning about its local TCP connection, a stray
            # interrupt at shutdown) is noise beside our progress; cell errors still come
            # back as PapermillExecutionError.
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except papermill.PapermillExecutionError as exc:
        first_line = next((line for line in exc.source.splitlines() if line.strip()), "")
        raise NotebookError(
            f"{run.source}: cell In [{exc.exec_count}] ({first_line.strip()[:60]!r}) failed: "
            f"{exc.ename}: {exc.evalue}"
        ) from None
    notebook = sanitize(nbformat.read(output, as_version=4))
    nbformat.write(notebook, output)
    return notebook


def render_html(notebook: nbformat.NotebookNode, *, with_code: bool) -> str:
    """Self-contained HTML (figures embedded, no outside scripts); reader version hides code."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        extra_template_paths=[str(TEMPLATES)],
        exclude_input=not with_code,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=not with_code,
    )
    exporter.template_file = "report.html.j2"
    body, _ = exporter.from_notebook_node(notebook)
    return body


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


def build_one(run: NotebookRun, staging: Path) -> dict[str, Any]:
    """Execute one notebook and render its full and reader HTML into ``staging``."""
    notebook = execute(run, staging / f"{run.name}.ipynb")
    title, summary = describe(notebook, run.name)
    for suffix, with_code, page_title in (
        (".html", True, title),
        (".reader.html", False, f"{title} (reader version)"),
    ):
        # nbconvert titles a page with the notebook's metadata title, else its file name.
        notebook.metadata["title"] = page_title
        html_text = render_html(notebook, with_code=with_code)
        (staging / f"{run.name}{suffix}").write_text(html_text, encoding="utf-8")
    return {
        "html": f"{run.name}.html",
        "reader": f"{run.name}.reader.html",
        "title": title,
        "summary": summary,
        "parameters": dict(run.parameters),
    }


@contextlib.contextmanager
def notebook_workers(notebooks: int, jobs: int = 0) -> Iterator[ProcessPoolExecutor]:
    """Processes to build ``notebooks`` notebooks, up to ``jobs`` (0: one per core).

    They start at once and import the notebook tools (seconds each) while the caller
    extracts the tables. Each notebook builds in a process of its own: papermill changes the
    working directory of the process it runs in, so threads would race on it.
    """
    count = max(1, min(workers_for(jobs), notebooks))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(count, context, initializer=_import_notebook_tools) as pool:
        for _ in range(count):  # any task: the pool starts a process per task while none is idle
            pool.submit(os.getpid)
        yield pool


def _import_notebook_tools() -> None:
    """A notebook worker's start: it dies with the report and leaves Ctrl-C to it (see
    :func:`analysis.parallel.worker_start`), then imports the notebook tools."""
    worker_start()
    skip_iri_checker()
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401


def run_all(
    runs: list[NotebookRun],
    staging: Path,
    workers: ProcessPoolExecutor,
    progress: Callable[[str], None],
) -> list[dict[str, Any]]:
    """Build every notebook on ``workers``; the first failure cancels the rest."""
    progress(f"running {len(runs)} notebooks")
    futures = {workers.submit(build_one, run, staging): run for run in runs}
    try:
        for number, future in enumerate(as_completed(futures), start=1):
            future.result()
            progress(f"[{number}/{len(runs)}] {futures[future].source.name} done")
    except BaseException:
        for future in futures:
            future.cancel()
        raise
    return [future.result() for future in futures]


def build_reports(
    runs: list[NotebookRun],
    out_dir: str | Path,
    tables: Tables,
    texts: Mapping[str, str],
    workers: ProcessPoolExecutor,
    progress: Callable[[str], None] = print,
    tables_dir: str | Path | None = None,
) -> list[Path]:
    """Run notebooks on ``workers`` (see :func:`notebook_workers`) into a staging folder,
    render HTML and index, copy the tables of ``tables_dir`` (when given) into the reports'
    :data:`analysis.config.REPORT_TABLES` folder, then move everything into ``out_dir``."""
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out))
    try:
        entries = run_all(runs, staging, workers, progress)
        from analysis.report.pages import write_statement_pages

        pages = write_statement_pages(
            tables.statements, texts, tables.mentions, tables.claims, staging
        )
        progress(f"wrote {len(list(pages))} statement pages")
        data_files = []
        if tables_dir is not None:
            data_files = copy_tables(Path(tables_dir), staging / REPORT_TABLES, out / REPORT_TABLES)
        index = render_index(entries, tables, data_files)
        (staging / "index.html").write_text(index, encoding="utf-8")
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
