"""Corpus-scale extraction: throughput and peak memory of `analysis extract --no-analysis`.

    python benchmarks/bench_scale.py [--sizes 10,100,1000] [--cores-mb 100] [--dask]

Builds synthetic corpus folders (statements of about 64 kB made of the shipped texts; the
files are hard links of one file, so a 1 GB corpus takes no disk) and times the command as
a user runs it, sampling the memory of its whole process tree (main process and workers).

1. One corpus of ``--cores-mb`` MB on 1, 2 and all cores (and a local Dask cluster with
   ``--dask``): MB/s, statements/s, peak RSS.
2. All cores from 10 MB to 1 GB: time per MB should stay flat (linear growth) and peak RSS
   should not grow with the corpus (target: under 1 GB at 1 GB).
3. Manifests of ``--manifest-rows`` rows (every row naming one small file): time and memory
   of reading and checking the manifest, then of the statements table built from it. The
   manifest is streamed; what grows with the rows is one small tuple a row, then the table
   (target: under 1 GB at a million rows).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
STATEMENT_BYTES = 64_000
RSS_TARGET_MB = 1_000
SAMPLE_SECONDS = 0.05


def _shipped_block() -> tuple[str, list[dict[str, str]]]:
    raw = ROOT / "data" / "raw"
    with (raw / "statements.csv").open(encoding="utf-8", newline="") as manifest:
        rows = list(csv.DictReader(manifest))
    texts = [(raw / row["file"]).read_text(encoding="utf-8") for row in rows]
    return "\n\n".join(texts), rows


def make_corpus(folder: Path, megabytes: float) -> int:
    """A corpus folder of about ``megabytes`` MB; returns the number of statements."""
    block, rows = _shipped_block()
    text = (block + "\n\n") * max(1, STATEMENT_BYTES // len(block.encode("utf-8")))
    data = text.encode("utf-8")
    count = max(1, round(megabytes * 1e6 / len(data)))
    statements = folder / "statements"
    statements.mkdir(parents=True)
    original = statements / "original.txt"
    original.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    with (folder / "statements.csv").open("w", encoding="utf-8", newline="") as manifest:
        writer = csv.writer(manifest, lineterminator="\n")
        writer.writerow(["file", "statement_id", "date", "date_basis", "outlet", "sha256"])
        for i in range(count):
            name = f"s{i:06d}.txt"
            os.link(original, statements / name)
            row = rows[i % len(rows)]
            dated = [row["date"], row["date_basis"], row["outlet"]]
            writer.writerow([f"statements/{name}", f"s{i:06d}", *dated, digest])
    original.unlink()
    return count


def run_extract(corpus: Path, out: Path, *options: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, summed over the process tree) of one extract run."""
    command = [sys.executable, "-m", "analysis.cli", "extract", str(corpus), "--out", str(out)]
    start = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--no-analysis", *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    parent, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        except psutil.NoSuchProcess:
            pass
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"extract failed ({process.returncode}):\n{stderr}")
    return seconds, peak / 1e6


# Run in a fresh process, so that its peak RSS is that of reading one manifest.
MANIFEST_PROBE = """
import resource, sys, time
from analysis.extract.corpus import read_manifest, statements_table

def grown():  # bytes of peak RSS above that of the imports
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024

before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
sources = read_manifest(sys.argv[1])
read, read_peak = time.perf_counter() - start, grown()
statements_table(sources, [0] * len(sources))
print(len(sources), read, read_peak, time.perf_counter() - start, grown())
"""


def measure_manifest(folder: Path, rows: int) -> float:
    """Print the time and memory of reading a manifest of ``rows`` rows; returns its peak."""
    folder.mkdir()
    (folder / "a.txt").write_text("Since the war, 266 people died.\n", encoding="utf-8")
    with (folder / "statements.csv").open("w", encoding="utf-8", newline="") as manifest:
        writer = csv.writer(manifest, lineterminator="\n")
        writer.writerow(["file", "statement_id", "date", "date_basis", "outlet", "title"])
        for i in range(rows):
            day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
            writer.writerow(["a.txt", f"s{i:07d}", day, "stated", "Outlet", f"Statement {i}"])
    command = [sys.executable, "-c", MANIFEST_PROBE, str(folder)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    count, read, read_peak, total, total_peak = (float(x) for x in output.split())
    print(
        f"{int(count):>10,} {read:>8.1f} {read_peak / 1e6:>10.0f} {read_peak / count:>9.0f} "
        f"{total:>8.1f} {total_peak / 1e6:>10.0f} {total_peak / count:>9.0f}",
        flush=True,
    )
    shutil.rmtree(folder)
    return total_peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="corpus sizes in MB, for scaling")
    parser.add_argument(
        "--cores-mb", type=float, default=100, help="corpus size for the cores table"
    )
    parser.add_argument("--dask", action="store_true", help="also time a local Dask cluster")
    parser.add_argument("--manifest-rows", default="100000,1000000", help="manifest sizes, in rows")
    opts = parser.parse_args(argv)
    cores = os.cpu_count() or 1
    sizes = [float(s) for s in opts.sizes.split(",")]

    header = f"{'corpus MB':>9} {'statements':>10} {'workers':>14} {'seconds':>8} "
    header += f"{'MB/s':>7} {'stmts/s':>8} {'peak RSS MB':>11} {'s per MB':>8}"
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        work = Path(tmp)

        def measure(megabytes: float, label: str, *options: str) -> float:
            corpus = work / f"corpus-{megabytes:g}"
            if not corpus.exists():
                count = make_corpus(corpus, megabytes)
                (corpus / "count").write_text(str(count))
            count = int((corpus / "count").read_text())
            actual_mb = sum(p.stat().st_size for p in (corpus / "statements").iterdir()) / 1e6
            seconds, peak = run_extract(corpus, work / "out", *options)
            shutil.rmtree(work / "out", ignore_errors=True)
            print(
                f"{actual_mb:>9.1f} {count:>10,} {label:>14} {seconds:>8.1f} "
                f"{actual_mb / seconds:>7.2f} {count / seconds:>8.1f} {peak:>11.0f} "
                f"{seconds / actual_mb:>8.3f}",
                flush=True,
            )
            return peak

        print(f"1. cores ({cores} on this machine)\n{header}")
        for jobs in sorted({1, 2, cores}):
            measure(opts.cores_mb, f"{jobs} process{'es' if jobs > 1 else ''}", "--jobs", str(jobs))
        if opts.dask:
            measure(opts.cores_mb, f"dask local {cores}", "--scheduler", "local", "--jobs", "0")

        print(f"\n2. corpus size, all cores\n{header}")
        peaks = [measure(mb, f"{cores} processes", "--jobs", "0") for mb in sizes]
        verdict = "meets" if max(peaks) < RSS_TARGET_MB else "MISSES"
        print(f"peak RSS target {RSS_TARGET_MB} MB: {verdict} (largest {max(peaks):.0f} MB)")

        print("\n3. manifest rows: read and checked, then the statements table")
        print(
            f"{'rows':>10} {'read s':>8} {'+RSS MB':>10} {'bytes/row':>9} "
            f"{'+table s':>8} {'+RSS MB':>10} {'bytes/row':>9}"
        )
        rows = [int(r) for r in opts.manifest_rows.split(",")]
        largest = max(measure_manifest(work / f"manifest-{n}", n) for n in rows) / 1e6
        verdict = "meets" if largest < RSS_TARGET_MB else "MISSES"
        print(f"peak RSS target {RSS_TARGET_MB} MB at {max(rows):,} rows: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
