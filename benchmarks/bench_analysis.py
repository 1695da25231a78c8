"""Scale of the analysis stage (evolution and findings) in the number of statements.

    python benchmarks/bench_analysis.py [--sizes 300,1200] [--repeat 3]

Builds synthetic corpora of one statement a day from the claims of the shipped statements
(extracted once): statement ``i`` repeats shipped statement ``i`` modulo their number, on
day ``i``. Times :func:`analysis.pipeline.analyse` on each size (the fastest of ``--repeat``
runs) and compares the largest with the smallest: at most ``TARGET_RATIO`` times the CPU
time for 4 times the statements, i.e. near-linear.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import time
from pathlib import Path

import pandas as pd

from analysis.pipeline import analyse, build_tables
from analysis.schema import Claims, Mentions, Statements, claim_id
from analysis.storage import Tables

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 5.0  # the time for 4x the statements, against the smallest size
START = datetime.date(2020, 11, 10)


@functools.cache
def shipped_tables() -> Tables:
    return build_tables(ROOT / "data" / "raw")


def synthetic_tables(count: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(statements, mentions, claims) of ``count`` statements, one a day."""
    shipped = shipped_tables()
    templates = shipped.statements.to_dict("records")
    claims_of = {sid: rows for sid, rows in shipped.claims.groupby(Claims.statement_id)}
    mentions_of = {sid: rows for sid, rows in shipped.mentions.groupby(Mentions.statement_id)}
    statements, claims, mentions = [], [], []
    for i in range(count):
        template = templates[i % len(templates)]
        sid = f"s{i:06d}"
        day = (START + datetime.timedelta(days=i)).isoformat()
        statements.append(
            {**template, Statements.statement_id: sid, Statements.date: day, "date_basis": "stated"}
        )
        source = template[Statements.statement_id]
        if source in claims_of:
            rows = claims_of[source].assign(**{Claims.statement_id: sid})
            rows[Claims.claim_id] = [
                claim_id(sid, start, end)
                for start, end in zip(rows[Claims.char_start], rows[Claims.char_end], strict=True)
            ]
            claims.append(rows)
        if source in mentions_of:
            rows = mentions_of[source].assign(**{Mentions.statement_id: sid})
            ids = rows[Mentions.claim_id]
            rows[Mentions.claim_id] = ids.where(ids.isna(), ids.str.replace(source, sid, n=1))
            mentions.append(rows)
    table = pd.DataFrame.from_records(statements, columns=shipped.statements.columns)
    return (
        Statements.validate(table.astype(shipped.statements.dtypes.to_dict())),
        pd.concat(mentions, ignore_index=True),
        pd.concat(claims, ignore_index=True),
    )


def timed_analysis(sizes: list[int], repeat: int) -> dict[int, tuple[int, int, float, float]]:
    """(claims, findings, wall seconds, CPU seconds) of the analysis of each size: the
    fastest of ``repeat`` runs, the sizes taking turns so that a neighbour's load on a shared
    machine weighs on each alike. CPU time (of this process) counts for the ratio: it is
    what the analysis costs, whatever else runs."""
    tables = {count: synthetic_tables(count) for count in sizes}
    found: dict[int, tuple[int, int]] = {}
    wall: dict[int, list[float]] = {count: [] for count in sizes}
    cpu: dict[int, list[float]] = {count: [] for count in sizes}
    for _ in range(repeat):
        for count in sizes:
            statements, mentions, claims = tables[count]
            start, start_cpu = time.perf_counter(), time.process_time()
            result = analyse(statements, mentions, claims)
            wall[count].append(time.perf_counter() - start)
            cpu[count].append(time.process_time() - start_cpu)
            found[count] = len(claims), len(result.findings)
    return {count: (*found[count], min(wall[count]), min(cpu[count])) for count in sizes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1200", help="statements, one a day")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts")
    opts = parser.parse_args(argv)
    sizes = [int(s) for s in opts.sizes.split(",")]
    print(
        f"{'statements':>10} {'claims':>8} {'findings':>9} {'seconds':>8} {'CPU s':>8} "
        f"{'CPU ms/statement':>16}"
    )
    measured = timed_analysis(sizes, opts.repeat)
    for count, (claims, findings, wall, cpu) in measured.items():
        print(
            f"{count:>10,} {claims:>8,} {findings:>9,} {wall:>8.2f} {cpu:>8.2f} "
            f"{cpu / count * 1e3:>16.2f}"
        )
    small, large = min(sizes), max(sizes)
    if large > small:
        ratio = measured[large][3] / measured[small][3]
        # Linear growth of the target: TARGET_RATIO for 4x the statements.
        target = TARGET_RATIO * (large / small) / 4
        verdict = "meets" if ratio <= target else "MISSES"
        print(
            f"CPU time ratio {ratio:.2f}x for {large / small:g}x the statements "
            f"(target <= {target:g}x): {verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
