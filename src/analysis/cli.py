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

from analysis import __version__, config
from analysis.errors import AnalysisError, ParameterError
from analysis.startup import collect_less, skip_final_collection, skip_iri_checker

if TYPE_CHECKING:  # the pipeline's imports are heavy; commands import it when they run
    from analysis.report.build import NotebookKernels
    from analysis.storage import Tables


FORCE_HELP = "rebuild everything, even what an earlier run built from the same inputs"


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
    texts: dict[str, str] | None = None,
    force: bool = False,
) -> Tables | None:
    """Extract a corpus into ``out``, reporting progress (see :func:`analysis.pipeline.extract`)."""
    from analysis.pipeline import extract

    where = f" on Dask ({scheduler})" if scheduler else ""
    _progress(f"extracting tables from {corpus} into {out}{where}")
    return extract(
        corpus,
        out,
        annotations,
        jobs,
        scheduler,
        with_analysis,
        progress=_progress,
        texts=texts,
        force=force,
    )


def cmd_extract(args: argparse.Namespace) -> None:
    extract_tables(
        args.corpus,
        args.out,
        args.annotations,
        args.jobs,
        args.scheduler,
        not args.no_analysis,
        force=args.force,
    )


def cmd_report(args: argparse.Namespace) -> None:
    from analysis.report import build as report

    skip_iri_checker()
    notebooks_dir = Path(args.notebooks)
    given = dict(parse_assignment(p) for p in args.parameter)
    notebooks = report.find_notebooks(notebooks_dir, args.notebook)
    # The kernels start first: each imports its notebook's modules (seconds) while this
    # process imports its own, checks the parameters and extracts the tables. No notebook
    # runs before every parameter is valid; on an error the kernels are shut down.
    with report.notebook_workers(notebooks) as workers:
        _report(args, notebooks, given, workers)


def _report(
    args: argparse.Namespace,
    notebooks: list[Path],
    given: dict[str, Any],
    workers: NotebookKernels,
) -> None:
    """:func:`cmd_report` once the kernels are starting."""
    from analysis import storage
    from analysis.cache import REPORT_INPUTS_NAME, report_inputs, reports_up_to_date
    from analysis.extract.corpus import read_manifest
    from analysis.report import build as report
    from analysis.report import params

    for name in given:
        if name in params.SET_BY_REPORT:
            raise ParameterError(f"-p {name}: the report sets it; use --corpus and --tables")
    notebooks_dir = Path(args.notebooks)
    tables_dir = args.tables
    if tables_dir is None:
        same_corpus = Path(args.corpus).resolve() == config.RAW.resolve()
        tables_dir = config.PROCESSED if same_corpus else Path(args.out) / "tables"
    # The notebooks read the tables this run writes (paths reach a kernel relative to the
    # notebook folder, its working directory); having just built them, they need not
    # re-read the corpus to check that they are fresh.
    shared = {
        "tables": os.path.relpath(Path(tables_dir).resolve(), notebooks_dir.resolve()),
        "check_corpus": False,
    }
    statement_ids = [source.statement_id for source in read_manifest(args.corpus)]
    runs = report.plan(notebooks, shared, given, statement_ids)

    with storage.exclusive(args.out):
        texts: dict[str, str] = {}
        tables = extract_tables(args.corpus, tables_dir, texts=texts, force=args.force)
        # The reports are a function of the tables, the notebooks, their parameters and the
        # package: when none of these changed since the reports were built, they stand.
        read = [*Path(tables_dir).glob("*.csv"), Path(tables_dir) / config.DATAPACKAGE_NAME]
        inputs = report_inputs([*read, *notebooks], [(r.name, r.parameters) for r in runs])
        if not args.force and reports_up_to_date(Path(args.out), inputs):
            _progress(f"{args.out}: the reports are up to date (--force rebuilds them)")
            return
        report.build_reports(
            runs, args.out, tables, texts, workers, progress=_progress, tables_dir=tables_dir
        )
        (Path(args.out) / REPORT_INPUTS_NAME).write_text(inputs + "\n", encoding="utf-8")


def cmd_evaluate(args: argparse.Namespace) -> None:
    from analysis import evaluate
    from analysis.pipeline import build_tables

    gold = evaluate.load_gold(args.gold)
    nonclaims_path = args.nonclaims or args.gold.with_name("gold_nonclaims.csv")
    _progress(f"extracting the claims of {args.corpus}")
    texts: dict[str, str] = {}  # (the non-claim check reads the texts the extraction read)
    claims = build_tables(args.corpus, args.annotations, texts=texts).claims
    violations = None
    if nonclaims_path.is_file():
        nonclaims = evaluate.load_nonclaims(nonclaims_path)
        violations = evaluate.nonclaim_violations(claims, nonclaims, texts)
    result = evaluate.score(claims, gold)
    print(evaluate.format_report(result, args.max_rows, violations))


def cmd_refresh_notebooks(args: argparse.Namespace) -> None:
    from analysis.report import build as report

    for notebook in report.find_notebooks(args.notebooks, args.notebook):
        _progress(f"refreshing {notebook}")
        report.refresh_committed(notebook)


def cmd_add(args: argparse.Namespace) -> None:
    from analysis.ingest import add_statement

    added = add_statement(
        args.file,
        args.corpus,
        outlet=args.outlet,
        speaker=args.speaker,
        date=args.date,
        date_basis=args.date_basis,
        url=args.url,
        title=args.title,
        notes=args.notes,
        statement_id=args.statement_id,
    )
    row = added.row
    dated = f"{row['date']} ({row['date_basis']})" if row["date"] else "undated (unknown)"
    _progress(f"added {added.statement_id}, {dated}: {added.path}")
    print(added.statement_id)


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
    extract.add_argument("--force", action="store_true", help=FORCE_HELP)
    extract.set_defaults(func=cmd_extract)

    rep = commands.add_parser("report", help="run every notebook and render the HTML reports")
    rep.add_argument("--corpus", type=Path, default=config.RAW, metavar="DIR")
    rep.add_argument("--out", type=Path, default=config.REPORTS, metavar="DIR")
    rep.add_argument(
        "--tables",
        type=Path,
        default=None,
        metavar="DIR",
        help="table folder the notebooks read (default: data/processed for the shipped "
        "corpus, else OUT/tables)",
    )
    rep.add_argument("--notebooks", type=Path, default=config.NOTEBOOKS, metavar="DIR")
    rep.add_argument("--notebook", action="append", metavar="NAME", help="run only this notebook")
    rep.add_argument(
        "-p",
        "--parameter",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="notebook parameter, e.g. -p \"metrics=['killed']\" -p date_to=2023-12-31",
    )
    rep.add_argument("--force", action="store_true", help=FORCE_HELP)
    rep.set_defaults(func=cmd_report)

    evaluation = commands.add_parser(
        "evaluate", help="score the rules on a corpus against a gold table of its claims"
    )
    evaluation.add_argument("corpus", type=Path, metavar="CORPUS_DIR")
    evaluation.add_argument("gold", type=Path, metavar="GOLD_CSV")
    evaluation.add_argument(
        "--nonclaims",
        type=Path,
        default=None,
        metavar="CSV",
        help="numbers that must not become claims (default: gold_nonclaims.csv beside GOLD_CSV)",
    )
    evaluation.add_argument("--annotations", type=Path, default=None)
    evaluation.add_argument(
        "--max-rows", type=_non_negative, default=40, metavar="N", help="misses and extras shown"
    )
    evaluation.set_defaults(func=cmd_evaluate)

    refresh = commands.add_parser(
        "refresh-notebooks", help="re-run the committed notebooks in place and sync their .py pairs"
    )
    refresh.add_argument("--notebooks", type=Path, default=config.NOTEBOOKS, metavar="DIR")
    refresh.add_argument("--notebook", action="append", metavar="NAME")
    refresh.set_defaults(func=cmd_refresh_notebooks)

    add = commands.add_parser(
        "add",
        help="add a statement (.txt, .html or .pdf) to a corpus: its text and a manifest row",
        description="Store the main text of FILE as UTF-8 in CORPUS/statements/ and append its "
        "row (with sha256) to CORPUS/statements.csv. Without --date, the first full date "
        "printed in the text's first lines is taken (date_basis stated).",
    )
    add.add_argument("file", type=Path, metavar="FILE", help="a .txt, .html (.htm) or .pdf file")
    add.add_argument(
        "--corpus",
        type=Path,
        default=config.RAW,
        metavar="DIR",
        help=f"corpus folder (default: {config.RAW}; a new folder gets a manifest)",
    )
    add.add_argument("--outlet")
    add.add_argument("--speaker")
    add.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="publication date (default: the first date printed at the top of the text); "
        "'unknown' for an undated statement",
    )
    add.add_argument(
        "--date-basis",
        choices=("stated", "manifest", "inferred"),
        help="how --date is known (default: manifest, from the publisher's page); "
        "give the reasoning of 'inferred' in --notes",
    )
    add.add_argument("--url")
    add.add_argument("--title", help="default: the title the HTML page or PDF records")
    add.add_argument("--notes")
    add.add_argument(
        "--statement-id",
        metavar="ID",
        help="letters, digits and -_. (default: derived from outlet, date and title)",
    )
    add.set_defaults(func=cmd_add)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command of ``argv``, or of this process's command line when None (the process
    then ends when this returns)."""
    # Everything under the handlers, parsing too: a Ctrl-C as the command starts is an
    # interrupt like any other (exit 130, one line), not a traceback.
    try:
        if argv is None:  # this process's command line: it ends when this returns
            collect_less()
            skip_final_collection()
        args = build_parser().parse_args(argv)
        args.func(args)
    except AnalysisError as exc:
        print(f"analysis: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a read-only folder, a full disk ...
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"analysis: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("analysis: interrupted; outputs of earlier runs are unchanged", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
