"""The ``analysis`` command: ``extract`` tables from a corpus, build the ``report``.

Errors in the input print as one line (``analysis: error: ...``) with exit code 2; nothing
already written is replaced by a partial file.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis import __version__
from analysis.errors import AnalysisError, ParameterError

if TYPE_CHECKING:  # the pipeline's imports are heavy; commands import it when they run
    from analysis.pipeline import Tables

DEFAULT_CORPUS = Path("data/raw")
DEFAULT_TABLES = Path("data/processed")
DEFAULT_REPORTS = Path("reports")
DEFAULT_NOTEBOOKS = Path("notebooks")


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_assignment(text: str) -> tuple[str, Any]:
    """``name=value`` with value a Python literal (``['killed']``, ``3``) or else a plain string."""
    name, sep, raw = text.partition("=")
    if not sep or not name.isidentifier():
        raise ParameterError(f"-p {text!r}: expected NAME=VALUE")
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        value = raw
    return name, value


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return value


def extract_tables(
    corpus: Path,
    out: Path,
    annotations: Path | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    with_analysis: bool = True,
) -> Tables | None:
    """Extract a corpus into ``out``, reporting progress (see :func:`analysis.pipeline.extract`)."""
    from analysis.pipeline import extract

    where = f" on Dask ({scheduler})" if scheduler else ""
    _progress(f"extracting tables from {corpus} into {out}{where}")
    return extract(corpus, out, annotations, jobs, scheduler, with_analysis, progress=_progress)


def cmd_extract(args: argparse.Namespace) -> None:
    extract_tables(
        args.corpus, args.out, args.annotations, args.jobs, args.scheduler, not args.no_analysis
    )


def cmd_report(args: argparse.Namespace) -> None:
    from analysis.extract.corpus import load_corpus
    from analysis.report import build as report

    report.skip_iri_checker()
    notebooks_dir = Path(args.notebooks)
    given = dict(parse_assignment(p) for p in args.parameter)
    notebooks = report.find_notebooks(notebooks_dir, args.notebook)
    # Paths reach the kernel relative to the notebook folder, its working directory.
    shared = {"corpus": os.path.relpath(Path(args.corpus).resolve(), notebooks_dir.resolve())}
    runs = report.plan(notebooks, shared, given)

    with report.notebook_workers(len(runs)) as workers:
        tables_dir = args.tables
        if tables_dir is None:
            same_corpus = Path(args.corpus).resolve() == DEFAULT_CORPUS.resolve()
            tables_dir = DEFAULT_TABLES if same_corpus else Path(args.out) / "tables"
        tables = extract_tables(args.corpus, tables_dir)
        texts = load_corpus(args.corpus).texts
        report.build_reports(runs, args.out, tables, texts, workers, progress=_progress)


def cmd_refresh_notebooks(args: argparse.Namespace) -> None:
    from analysis.report import build as report

    for notebook in report.find_notebooks(args.notebooks, args.notebook):
        _progress(f"refreshing {notebook}")
        report.refresh_committed(notebook)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="analysis",
        description="Turn the figures in official statements into sourced, tidy claims tables.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="write the tables of a corpus folder")
    extract.add_argument("corpus", type=Path, metavar="CORPUS_DIR")
    extract.add_argument("--out", type=Path, required=True, metavar="OUT_DIR")
    extract.add_argument(
        "--annotations",
        type=Path,
        default=None,
        help="analyst corrections (default: CORPUS_DIR/annotations.yml when present)",
    )
    extract.add_argument(
        "--jobs",
        type=_non_negative,
        default=1,
        metavar="N",
        help="extract statements in N processes (0: one per core); same output as 1",
    )
    extract.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="extract on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' "
        "for a local cluster of --jobs workers; same output as one process",
    )
    extract.add_argument(
        "--no-analysis",
        action="store_true",
        help="write statements and claims only, not evolution and findings (which compare "
        "every statement with the others): for corpus-scale runs",
    )
    extract.set_defaults(func=cmd_extract)

    rep = commands.add_parser("report", help="run every notebook and render the HTML reports")
    rep.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="DIR")
    rep.add_argument("--out", type=Path, default=DEFAULT_REPORTS, metavar="DIR")
    rep.add_argument(
        "--tables",
        type=Path,
        default=None,
        metavar="DIR",
        help="table folder (default: data/processed for the shipped corpus, else OUT/tables)",
    )
    rep.add_argument("--notebooks", type=Path, default=DEFAULT_NOTEBOOKS, metavar="DIR")
    rep.add_argument("--notebook", action="append", metavar="NAME", help="run only this notebook")
    rep.add_argument(
        "-p",
        "--parameter",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="notebook parameter, e.g. -p \"metrics=['killed']\" -p date_to=2023-12-31",
    )
    rep.set_defaults(func=cmd_report)

    refresh = commands.add_parser(
        "refresh-notebooks", help="re-run the committed notebooks in place and sync their .py pairs"
    )
    refresh.add_argument("--notebooks", type=Path, default=DEFAULT_NOTEBOOKS, metavar="DIR")
    refresh.add_argument("--notebook", action="append", metavar="NAME")
    refresh.set_defaults(func=cmd_refresh_notebooks)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except AnalysisError as exc:
        print(f"analysis: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("analysis: interrupted; outputs of earlier runs are unchanged", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
