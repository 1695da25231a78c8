"""Accuracy of the claims extractor against hand-made gold tables.

The evaluator works on tables only: a claims table (the ``Claims`` model) and a gold table
in the development-corpus format (``tests/fixtures/devcorpus/README.md``)::

    statement_id,surface,metric,bound,value_low,value_best,value_high,unit,period,
    period_start,period_end,area,device

Matching rule
-------------
A claim row *matches* a gold row when

* their ``statement_id`` are equal,
* their surfaces are equal once white space is normalised (every run of white space,
  line breaks included, becomes one space and the ends are stripped: the gold surface
  ``"more than\\n3,100"`` of a PDF copy equals the claim surface ``"more than 3,100"``), and
* their ``metric`` are equal.

Each row is used at most once (multiset matching): a surface listed twice in the gold for
one statement, say a headline repeat, needs two claim rows. Within one key, gold rows are
paired with claim rows in gold-file order and text order (``char_start``).

Rows left over are then paired more loosely, only to explain the errors:

* *surface only*: same statement and surface, another metric. The gold row is a miss with
  reason ``wrong metric``; strict matches plus these pairs give the surface-only recall.
* *partial surface*: same statement, one normalised surface inside the other at word
  boundaries ("3,300" inside "more than 3,300"), same metric preferred. Reason
  ``partial surface``.

Any other gold row is ``not found``; any other claim row is ``not in gold``, or
``statement not in gold`` when the gold lists nothing for its statement. Every claim row
counts: claims of statements absent from the gold are extras, so evaluate a claims table
built from the same corpus as the gold.

Scores
------
``recall = matched / gold`` and ``precision = matched / extracted``. With a zero
denominator the score is 1.0 (nothing to find, or nothing wrongly extracted), so no score
is ever NaN. The same applies per metric and to field agreement.

Field agreement is measured on matched pairs, for each of ``bound``, the three values,
``unit``, ``period``, ``period_start``, ``period_end``, ``area`` and ``device`` that the
gold table has: two empty cells agree, values agree within a relative tolerance of 1e-9,
text agrees after stripping.

Non-claims (``gold_nonclaims.csv``: ``statement_id,surface,why``) are printed expressions
that must not become claims. Without offsets in the gold, a claim violates one when the
non-claim's text occurs in the statement at a span containing the claim's
``char_start..char_end`` (and the claim's surface lies inside the non-claim's).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict, deque
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.errors import AnalysisError
from analysis.schema import METRICS, Claims, is_missing

GOLD_STATEMENT_ID = "statement_id"
GOLD_SURFACE = "surface"
GOLD_METRIC = "metric"
GOLD_BOUND = "bound"
GOLD_VALUE_LOW = "value_low"
GOLD_VALUE_BEST = "value_best"
GOLD_VALUE_HIGH = "value_high"
GOLD_UNIT = "unit"
GOLD_PERIOD = "period"
GOLD_PERIOD_START = "period_start"
GOLD_PERIOD_END = "period_end"
GOLD_AREA = "area"
GOLD_DEVICE = "device"
NONCLAIM_WHY = "why"

GOLD_REQUIRED = (GOLD_STATEMENT_ID, GOLD_SURFACE, GOLD_METRIC)
GOLD_VALUES = (GOLD_VALUE_LOW, GOLD_VALUE_BEST, GOLD_VALUE_HIGH)
GOLD_COLUMNS = (
    *GOLD_REQUIRED,
    GOLD_BOUND,
    *GOLD_VALUES,
    GOLD_UNIT,
    GOLD_PERIOD,
    GOLD_PERIOD_START,
    GOLD_PERIOD_END,
    GOLD_AREA,
    GOLD_DEVICE,
)
NONCLAIM_REQUIRED = (GOLD_STATEMENT_ID, GOLD_SURFACE)

# The gold is its own format: its names are mapped to Claims columns, not assumed equal.
FIELDS: tuple[tuple[str, str], ...] = (
    (GOLD_BOUND, Claims.bound),
    (GOLD_VALUE_LOW, Claims.value_low),
    (GOLD_VALUE_BEST, Claims.value_best),
    (GOLD_VALUE_HIGH, Claims.value_high),
    (GOLD_UNIT, Claims.unit),
    (GOLD_PERIOD, Claims.period),
    (GOLD_PERIOD_START, Claims.period_start),
    (GOLD_PERIOD_END, Claims.period_end),
    (GOLD_AREA, Claims.area),
    (GOLD_DEVICE, Claims.device),
)
NUMERIC_FIELDS = frozenset(GOLD_VALUES)
REL_TOL = 1e-9

CLAIM_COLUMNS = (
    Claims.statement_id,
    Claims.surface,
    Claims.metric,
    Claims.quote,
    Claims.char_start,
    Claims.char_end,
)

WRONG_METRIC = "wrong metric"
PARTIAL_SURFACE = "partial surface"
NOT_FOUND = "not found"
NOT_IN_GOLD = "not in gold"
STATEMENT_NOT_IN_GOLD = "statement not in gold"

MISS_COLUMNS = (
    GOLD_STATEMENT_ID,
    GOLD_SURFACE,
    GOLD_METRIC,
    "reason",
    "found_metric",
    "found_surface",
)
EXTRA_COLUMNS = (
    Claims.statement_id,
    Claims.surface,
    Claims.metric,
    "reason",
    "gold_metric",
    "gold_surface",
    Claims.char_start,
    Claims.quote,
)
DISAGREEMENT_COLUMNS = (
    GOLD_STATEMENT_ID,
    GOLD_SURFACE,
    GOLD_METRIC,
    "field",
    "gold",
    "extracted",
    Claims.quote,
)
PER_METRIC_COLUMNS = (
    "metric",
    "in_vocabulary",
    "gold",
    "extracted",
    "matched",
    "recall",
    "precision",
)
VIOLATION_COLUMNS = (
    Claims.statement_id,
    Claims.surface,
    Claims.metric,
    "nonclaim",
    NONCLAIM_WHY,
    Claims.char_start,
    Claims.char_end,
    Claims.quote,
)


@dataclass(frozen=True, eq=False)
class Evaluation:
    """Scores of a claims table against a gold table (see the module docstring).

    ``per_metric`` has PER_METRIC_COLUMNS; ``fields`` has field, compared, agreed, agreement;
    ``misses``, ``extras`` and ``disagreements`` (one row per matched pair and field that
    disagree) have MISS_COLUMNS, EXTRA_COLUMNS and DISAGREEMENT_COLUMNS, sorted by statement
    then surface.
    """

    matched: int
    gold: int
    extracted: int
    surface_matched: int
    recall: float
    precision: float
    surface_recall: float
    per_metric: pd.DataFrame
    fields: pd.DataFrame
    misses: pd.DataFrame
    extras: pd.DataFrame
    disagreements: pd.DataFrame


def normalise_surface(surface: object) -> str:
    """A surface with every run of white space collapsed to one space, ends stripped."""
    return " ".join(str(surface).split())


def ratio(numerator: int, denominator: int) -> float:
    """``numerator / denominator``, or 1.0 when there is nothing to count."""
    return numerator / denominator if denominator else 1.0


def _read_table(path: str | Path, required: Sequence[str], what: str) -> pd.DataFrame:
    path = Path(path)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise AnalysisError(f"{path}: no such {what} file") from None
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise AnalysisError(f"{path}: cannot read {what} file ({reason})") from None
    table.columns = [str(c).strip() for c in table.columns]
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise AnalysisError(f"{path}: missing column(s) {', '.join(missing)} in {what} file")
    for column in required:
        empty = table.index[table[column].str.strip() == ""]
        if len(empty):
            # Rows are CSV records counted from the header (row 1), so +2 from the index.
            raise AnalysisError(f"{path}, row {empty[0] + 2}: empty {column}")
    for column in table.columns:
        text = table[column].astype(object)
        table[column] = text.where(text.str.strip() != "", None)
    return table


def load_gold(path: str | Path) -> pd.DataFrame:
    """Read a gold claims CSV (devcorpus format); value columns become floats.

    Only ``statement_id``, ``surface`` and ``metric`` are required. A missing file, a missing
    required column or a non-numeric value raises :class:`AnalysisError` naming the file.
    """
    gold = _read_table(path, GOLD_REQUIRED, "gold claims")
    for column in GOLD_VALUES:
        if column in gold.columns:
            values = pd.to_numeric(gold[column], errors="coerce")
            bad = gold[column].notna() & values.isna()
            if bad.any():
                row = int(bad.to_numpy().nonzero()[0][0]) + 2
                raise AnalysisError(
                    f"{path}, row {row}: {column} {gold[column][bad].iloc[0]!r} is not a number"
                )
            gold[column] = values.astype("float64")
    return gold


def load_nonclaims(path: str | Path) -> pd.DataFrame:
    """Read a gold non-claims CSV (``statement_id,surface,why``; ``why`` optional)."""
    nonclaims = _read_table(path, NONCLAIM_REQUIRED, "gold non-claims")
    if NONCLAIM_WHY not in nonclaims.columns:
        nonclaims[NONCLAIM_WHY] = None
    return nonclaims


def _require(table: pd.DataFrame, required: Sequence[str], what: str) -> None:
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise AnalysisError(f"{what} table: missing column(s) {', '.join(missing)}")


def _pair_by_key(
    gold_keys: Sequence[Hashable],
    claim_keys: Sequence[Hashable],
    gold_free: list[bool],
    claim_free: list[bool],
) -> list[tuple[int, int]]:
    """Pair free rows with equal keys, each row at most once, in table order."""
    pool: dict[Hashable, deque[int]] = defaultdict(deque)
    for j, key in enumerate(claim_keys):
        if claim_free[j]:
            pool[key].append(j)
    pairs = []
    for i, key in enumerate(gold_keys):
        queue = pool.get(key)
        if gold_free[i] and queue:
            j = queue.popleft()
            gold_free[i] = claim_free[j] = False
            pairs.append((i, j))
    return pairs


def _inside(short: str, long: str) -> bool:
    """Whether ``short`` occurs in ``long`` at word boundaries (not inside another number)."""
    if not short or len(short) >= len(long):
        return False
    pattern = rf"(?<!\w)(?<!\d[.,]){re.escape(short)}(?!\w)(?![.,]\d)"
    return re.search(pattern, long) is not None


def _pair_partial(
    gold: pd.DataFrame,
    claims: pd.DataFrame,
    gold_free: list[bool],
    claim_free: list[bool],
) -> list[tuple[int, int]]:
    """Pair free rows of one statement whose surfaces contain one another, same metric first."""
    by_statement: dict[str, list[int]] = defaultdict(list)
    for j, statement in enumerate(claims["_statement"]):
        by_statement[statement].append(j)
    pairs = []
    for i, (statement, surface, metric) in enumerate(
        zip(gold["_statement"], gold["_surface"], gold["_metric"], strict=True)
    ):
        if not gold_free[i]:
            continue
        candidates = [
            j
            for j in by_statement.get(statement, [])
            if claim_free[j]
            and (
                _inside(claims["_surface"].iat[j], surface)
                or _inside(surface, claims["_surface"].iat[j])
            )
        ]
        if not candidates:
            continue
        same = [j for j in candidates if claims["_metric"].iat[j] == metric]
        j = (same or candidates)[0]
        gold_free[i] = claim_free[j] = False
        pairs.append((i, j))
    return pairs


def _is_empty(value: object) -> bool:
    """A missing cell, or a blank one of a hand-written gold table."""
    return is_missing(value) or (isinstance(value, str) and not value.strip())


def _agree(gold_value: object, claim_value: object, numeric: bool) -> bool:
    if _is_empty(gold_value) or _is_empty(claim_value):
        return _is_empty(gold_value) and _is_empty(claim_value)
    if numeric:
        try:
            return math.isclose(float(gold_value), float(claim_value), rel_tol=REL_TOL)
        except (TypeError, ValueError):
            return False
    return str(gold_value).strip() == str(claim_value).strip()


def _show(value: object) -> str | None:
    return None if _is_empty(value) else str(value)


def _keyed(table: pd.DataFrame, statement: str, surface: str, metric: str) -> pd.DataFrame:
    """The table with normalised matching keys added as private columns."""
    keyed = table.reset_index(drop=True).copy()
    keyed["_statement"] = keyed[statement].astype(str)
    keyed["_surface"] = keyed[surface].map(normalise_surface)
    keyed["_metric"] = keyed[metric].astype(str)
    return keyed


def _per_metric(gold: pd.DataFrame, claims: pd.DataFrame, strict: list) -> pd.DataFrame:
    gold_n = Counter(gold["_metric"])
    claims_n = Counter(claims["_metric"])
    matched_n = Counter(gold["_metric"].iat[i] for i, _ in strict)
    rows = [
        {
            "metric": metric,
            "in_vocabulary": metric in METRICS,
            "gold": gold_n[metric],
            "extracted": claims_n[metric],
            "matched": matched_n[metric],
            "recall": ratio(matched_n[metric], gold_n[metric]),
            "precision": ratio(matched_n[metric], claims_n[metric]),
        }
        for metric in sorted(gold_n.keys() | claims_n.keys())
    ]
    return pd.DataFrame(rows, columns=list(PER_METRIC_COLUMNS))


def _field_agreement(
    gold: pd.DataFrame, claims: pd.DataFrame, strict: list
) -> tuple[pd.DataFrame, pd.DataFrame]:
    summary, disagreements = [], []
    for gold_field, claim_field in FIELDS:
        if gold_field not in gold.columns:
            continue
        numeric = gold_field in NUMERIC_FIELDS
        agreed = 0
        for i, j in strict:
            gold_value = gold[gold_field].iat[i]
            claim_value = claims[claim_field].iat[j] if claim_field in claims.columns else None
            if _agree(gold_value, claim_value, numeric):
                agreed += 1
                continue
            disagreements.append(
                {
                    GOLD_STATEMENT_ID: gold["_statement"].iat[i],
                    GOLD_SURFACE: gold[GOLD_SURFACE].iat[i],
                    GOLD_METRIC: gold["_metric"].iat[i],
                    "field": gold_field,
                    "gold": _show(gold_value),
                    "extracted": _show(claim_value),
                    Claims.quote: claims[Claims.quote].iat[j],
                }
            )
        summary.append(
            {
                "field": gold_field,
                "compared": len(strict),
                "agreed": agreed,
                "agreement": ratio(agreed, len(strict)),
            }
        )
    fields = pd.DataFrame(summary, columns=["field", "compared", "agreed", "agreement"])
    table = pd.DataFrame(disagreements, columns=list(DISAGREEMENT_COLUMNS))
    return fields, _sorted(table, [GOLD_STATEMENT_ID, GOLD_SURFACE, GOLD_METRIC, "field"])


def _sorted(table: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    # Stable sort, so rows with equal keys keep table (text) order.
    return table.sort_values(by, kind="mergesort").reset_index(drop=True)


def score(claims: pd.DataFrame, gold: pd.DataFrame) -> Evaluation:
    """Score a claims table against a gold table (matching rule: module docstring)."""
    _require(claims, CLAIM_COLUMNS, "claims")
    _require(gold, GOLD_REQUIRED, "gold")
    claims = _sorted(claims, [Claims.statement_id, Claims.char_start])
    claims = _keyed(claims, Claims.statement_id, Claims.surface, Claims.metric)
    gold = _keyed(gold, GOLD_STATEMENT_ID, GOLD_SURFACE, GOLD_METRIC)
    gold_free, claim_free = [True] * len(gold), [True] * len(claims)

    def keys(table: pd.DataFrame, *columns: str) -> list[tuple]:
        return list(zip(*(table[c] for c in columns), strict=True))

    full = ("_statement", "_surface", "_metric")
    strict = _pair_by_key(keys(gold, *full), keys(claims, *full), gold_free, claim_free)
    loose = _pair_by_key(keys(gold, *full[:2]), keys(claims, *full[:2]), gold_free, claim_free)
    partial = _pair_partial(gold, claims, gold_free, claim_free)

    found = {i: (WRONG_METRIC, j) for i, j in loose} | {i: (PARTIAL_SURFACE, j) for i, j in partial}
    misses = []
    for i in (i for i, free in enumerate(gold_free) if free or i in found):
        reason, j = found.get(i, (NOT_FOUND, None))
        misses.append(
            {
                GOLD_STATEMENT_ID: gold["_statement"].iat[i],
                GOLD_SURFACE: gold[GOLD_SURFACE].iat[i],
                GOLD_METRIC: gold["_metric"].iat[i],
                "reason": reason,
                "found_metric": None if j is None else claims["_metric"].iat[j],
                "found_surface": None if j is None else claims[Claims.surface].iat[j],
            }
        )

    gold_statements = set(gold["_statement"])
    paired = {j: (WRONG_METRIC, i) for i, j in loose} | {
        j: (PARTIAL_SURFACE, i) for i, j in partial
    }
    extras = []
    for j in (j for j, free in enumerate(claim_free) if free or j in paired):
        reason, i = paired.get(j, (None, None))
        if reason is None:
            in_gold = claims["_statement"].iat[j] in gold_statements
            reason = NOT_IN_GOLD if in_gold else STATEMENT_NOT_IN_GOLD
        extras.append(
            {
                Claims.statement_id: claims["_statement"].iat[j],
                Claims.surface: claims[Claims.surface].iat[j],
                Claims.metric: claims["_metric"].iat[j],
                "reason": reason,
                "gold_metric": None if i is None else gold["_metric"].iat[i],
                "gold_surface": None if i is None else gold[GOLD_SURFACE].iat[i],
                Claims.char_start: int(claims[Claims.char_start].iat[j]),
                Claims.quote: claims[Claims.quote].iat[j],
            }
        )

    fields, disagreements = _field_agreement(gold, claims, strict)
    n_matched, n_gold, n_extracted = len(strict), len(gold), len(claims)
    surface_matched = n_matched + len(loose)
    return Evaluation(
        matched=n_matched,
        gold=n_gold,
        extracted=n_extracted,
        surface_matched=surface_matched,
        recall=ratio(n_matched, n_gold),
        precision=ratio(n_matched, n_extracted),
        surface_recall=ratio(surface_matched, n_gold),
        per_metric=_per_metric(gold, claims, strict),
        fields=fields,
        misses=_sorted(
            pd.DataFrame(misses, columns=list(MISS_COLUMNS)),
            [GOLD_STATEMENT_ID, GOLD_SURFACE, GOLD_METRIC],
        ),
        extras=_sorted(
            pd.DataFrame(extras, columns=list(EXTRA_COLUMNS)),
            [Claims.statement_id, Claims.surface, Claims.metric],
        ),
        disagreements=disagreements,
    )


def _whitespace_pattern(surface: str) -> re.Pattern[str]:
    """A pattern matching ``surface`` with any run of white space where it has one."""
    return re.compile(r"\s+".join(re.escape(part) for part in surface.split()))


def nonclaim_violations(
    claims: pd.DataFrame, nonclaims: pd.DataFrame, texts: Mapping[str, str]
) -> pd.DataFrame:
    """Claim rows lying inside a printed non-claim (one row per claim, first non-claim wins).

    A claim violates a non-claim of its statement when the non-claim's text occurs in the
    statement at a span containing ``char_start..char_end`` and the claim's normalised
    surface lies inside the non-claim's. ``texts`` maps statement ids to the raw texts the
    offsets index; a statement with both claims and non-claims but no text is an error.
    """
    _require(claims, CLAIM_COLUMNS, "claims")
    _require(nonclaims, NONCLAIM_REQUIRED, "non-claims")
    why = nonclaims[NONCLAIM_WHY] if NONCLAIM_WHY in nonclaims.columns else [None] * len(nonclaims)
    spans: dict[str, list[tuple[int, int, str, str, object]]] = defaultdict(list)
    claim_statements = set(claims[Claims.statement_id].astype(str))
    for statement, surface, reason in zip(
        nonclaims[GOLD_STATEMENT_ID].astype(str), nonclaims[GOLD_SURFACE], why, strict=True
    ):
        normal = normalise_surface(surface)
        if not normal or statement not in claim_statements:
            continue
        if statement not in texts:
            raise AnalysisError(f"non-claims: no text for statement {statement!r}")
        for hit in _whitespace_pattern(normal).finditer(texts[statement]):
            spans[statement].append((hit.start(), hit.end(), surface, normal, reason))

    rows = []
    ordered = _sorted(claims.reset_index(drop=True), [Claims.statement_id, Claims.char_start])
    for claim in ordered.to_dict("records"):
        start, end = int(claim[Claims.char_start]), int(claim[Claims.char_end])
        surface = normalise_surface(claim[Claims.surface])
        for span_start, span_end, nonclaim, normal, reason in spans.get(
            str(claim[Claims.statement_id]), []
        ):
            if span_start <= start and end <= span_end and surface in normal:
                rows.append(
                    {
                        Claims.statement_id: str(claim[Claims.statement_id]),
                        Claims.surface: claim[Claims.surface],
                        Claims.metric: claim[Claims.metric],
                        "nonclaim": nonclaim,
                        NONCLAIM_WHY: _show(reason),
                        Claims.char_start: start,
                        Claims.char_end: end,
                        Claims.quote: claim[Claims.quote],
                    }
                )
                break
    table = pd.DataFrame(rows, columns=list(VIOLATION_COLUMNS))
    return _sorted(table, [Claims.statement_id, Claims.surface, Claims.char_start])


def _pct(numerator: int, denominator: int) -> str:
    return f"{numerator}/{denominator} = {ratio(numerator, denominator):.1%}"


def _text_table(table: pd.DataFrame, max_rows: int | None = None) -> str:
    """A left-aligned plain-text table, surfaces on one line, at most ``max_rows`` rows."""
    if table.empty:
        return "  (none)"
    shown = table if max_rows is None else table.head(max_rows)
    cells = [[str(c) for c in shown.columns]]
    for row in shown.itertuples(index=False):
        cells.append(
            [
                ""
                if _is_empty(v)
                else f"{v:.3f}"
                if isinstance(v, float)
                else " ".join(str(v).split())
                for v in row
            ]
        )
    widths = [max(len(line[k]) for line in cells) for k in range(len(cells[0]))]
    lines = [
        "  " + "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
        for line in cells
    ]
    if len(shown) < len(table):
        lines.append(f"  ... {len(table) - len(shown)} more")
    return "\n".join(lines)


def _explained(reason: str, detail: object, prefix: str = "") -> str:
    if _is_empty(detail):
        return reason
    return f"{reason}: {prefix}{normalise_surface(detail)}"


def format_report(
    evaluation: Evaluation,
    max_rows: int | None = 40,
    violations: pd.DataFrame | None = None,
) -> str:
    """A plain-text summary for the terminal: scores, then misses, extras and violations.

    Lists are sorted by statement then surface; each shows at most ``max_rows`` rows
    (``None``: all).
    """
    ev = evaluation
    metric_errors = int((ev.misses["reason"] == WRONG_METRIC).sum())
    partial = int((ev.misses["reason"] == PARTIAL_SURFACE).sum())
    not_found = int((ev.misses["reason"] == NOT_FOUND).sum())
    known = ev.per_metric[ev.per_metric["in_vocabulary"]]
    per_metric = ev.per_metric.assign(
        in_vocabulary=ev.per_metric["in_vocabulary"].map({True: "yes", False: "no"})
    )
    lines = [
        f"Recall {_pct(ev.matched, ev.gold)}; precision {_pct(ev.matched, ev.extracted)} "
        "(statement + surface + metric)",
        f"Surface-only recall {_pct(ev.surface_matched, ev.gold)}; misses: "
        f"{metric_errors} wrong metric, {partial} partial surface, {not_found} not found",
        "Recall on gold rows whose metric is in the vocabulary "
        f"{_pct(int(known['matched'].sum()), int(known['gold'].sum()))}",
        "",
        "Per metric",
        _text_table(per_metric),
        "",
        f"Field agreement on the {ev.matched} matched claims",
        _text_table(ev.fields),
    ]
    miss_view = ev.misses.assign(
        reason=[
            _explained(reason, metric if reason == WRONG_METRIC else surface)
            for reason, metric, surface in zip(
                ev.misses["reason"],
                ev.misses["found_metric"],
                ev.misses["found_surface"],
                strict=True,
            )
        ]
    )[[GOLD_STATEMENT_ID, GOLD_SURFACE, GOLD_METRIC, "reason"]]
    extra_view = ev.extras.assign(
        reason=[
            _explained(reason, metric if reason == WRONG_METRIC else surface, "gold ")
            for reason, metric, surface in zip(
                ev.extras["reason"],
                ev.extras["gold_metric"],
                ev.extras["gold_surface"],
                strict=True,
            )
        ]
    )[[Claims.statement_id, Claims.surface, Claims.metric, "reason"]]
    lines += [
        "",
        f"Misses ({len(ev.misses)})",
        _text_table(miss_view, max_rows),
        "",
        f"Extras ({len(ev.extras)})",
        _text_table(extra_view, max_rows),
    ]
    disagreements = ev.disagreements[
        [GOLD_STATEMENT_ID, GOLD_SURFACE, GOLD_METRIC, "field", "gold", "extracted"]
    ]
    lines += [
        "",
        f"Field disagreements on matched claims ({len(ev.disagreements)})",
        _text_table(disagreements, max_rows),
    ]
    if violations is not None:
        view = violations[
            [Claims.statement_id, Claims.surface, Claims.metric, "nonclaim", NONCLAIM_WHY]
        ]
        lines += [
            "",
            f"Non-claims taken as claims ({len(violations)})",
            _text_table(view, max_rows),
        ]
    return "\n".join(lines) + "\n"
