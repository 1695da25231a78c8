"""Reuse each statement's extraction between runs: a step whose inputs are unchanged is skipped.

A statement's result (its claim and mention rows) depends on its bytes, its manifest date,
its analyst annotations and the extraction code and vocabulary. The cache key is a sha256 over
all of them, so a changed input is a new key, never a stale hit. Results live in one SQLite
file beside the tables; entries that no run used are pruned after each run. The cache only
saves time: the tables are byte-identical with or without it (a test checks it).
"""

from __future__ import annotations

import hashlib
import json
import operator
import sqlite3
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from analysis import __version__
from analysis.extract.claims import StatementClaims, StatementJob
from analysis.schema import Claims, Mentions, columns

CACHE_NAME = ".extract-cache.sqlite"
# How a result is stored; part of every key, so entries of another format are never read
# (the first run of a new format prunes them).
CACHE_FORMAT = "rows-as-lists"
_CLAIM_COLUMNS = columns(Claims)
_MENTION_COLUMNS = columns(Mentions)
_claim_values = operator.itemgetter(*_CLAIM_COLUMNS)
_mention_values = operator.itemgetter(*_MENTION_COLUMNS)


@cache
def code_fingerprint() -> str:
    """sha256 of the package version, the extraction code and the vocabulary."""
    digest = hashlib.sha256(__version__.encode())
    package = files("analysis")
    sources = sorted(
        [package / "vocabulary.yml", *(package / "extract").iterdir()], key=lambda p: p.name
    )
    for source in sources:
        if source.name.endswith((".py", ".yml")):
            digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


def job_key(job: StatementJob) -> str:
    """The cache key of one statement's extraction: every input it depends on."""
    inputs = [
        CACHE_FORMAT,
        code_fingerprint(),
        job.statement_id,
        job.date or "",
        hashlib.sha256(job.text.encode("utf-8")).hexdigest(),
        json.dumps(job.annotations, sort_keys=True, default=str),
    ]
    return hashlib.sha256("\0".join(inputs).encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    """numpy scalars (from tables turned back into rows) as plain JSON values."""
    return value.item() if hasattr(value, "item") else str(value)


class StatementCache:
    """Extraction results by :func:`job_key`, in SQLite at ``folder/CACHE_NAME``."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(folder / CACHE_NAME)
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, data TEXT)")
        self._used: set[str] = set()
        self.hits = 0

    def get(self, key: str) -> StatementClaims | None:
        self._used.add(key)
        found = self._db.execute("SELECT data FROM results WHERE key = ?", (key,)).fetchone()
        if found is None:
            return None
        self.hits += 1
        statement_id, n_chars, rows, mentions = json.loads(found[0])
        return StatementClaims(
            statement_id,
            n_chars,
            [dict(zip(_CLAIM_COLUMNS, row, strict=True)) for row in rows],
            [dict(zip(_MENTION_COLUMNS, row, strict=True)) for row in mentions],
        )

    def put(self, key: str, result: StatementClaims) -> None:
        # Rows as lists in column order: half the bytes and the time of one dict per row.
        data = json.dumps(
            [
                result.statement_id,
                result.n_chars,
                [_claim_values(row) for row in result.rows],
                [_mention_values(row) for row in result.mentions],
            ],
            default=_plain,
        )
        self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (key, data))

    def prune(self) -> None:
        """Forget the results this run did not use (statements removed or changed)."""
        keys = [row[0] for row in self._db.execute("SELECT key FROM results")]
        unused = [(key,) for key in keys if key not in self._used]
        self._db.executemany("DELETE FROM results WHERE key = ?", unused)

    def close(self) -> None:
        """Keep what this run stored (each entry is valid on its own, even after a failure)."""
        self._db.commit()
        self._db.close()


REPORT_INPUTS_NAME = ".report-inputs.sha256"  # in a reports folder: what it was built from


@cache
def package_fingerprint() -> str:
    """sha256 of the package's own files: code, vocabulary and templates."""
    digest = hashlib.sha256(__version__.encode())
    root = Path(str(files("analysis")))
    for source in sorted(p for p in root.rglob("*") if p.is_file()):
        if source.suffix in (".py", ".yml", ".j2"):
            digest.update(str(source.relative_to(root)).encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def report_inputs(files_read: Iterable[Path], parameters: object) -> str:
    """sha256 of what a report is built from: the tables and notebooks it reads, the
    parameters of each notebook, and the package."""
    digest = hashlib.sha256(package_fingerprint().encode())
    for path in sorted(files_read):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(json.dumps(parameters, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def reports_up_to_date(out: Path, inputs: str) -> bool:
    """Whether the reports in ``out`` were built from exactly ``inputs``."""
    recorded = out / REPORT_INPUTS_NAME
    return recorded.is_file() and recorded.read_text().strip() == inputs
