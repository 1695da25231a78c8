"""Consistency findings: figures in the statements that disagree or cannot all hold.

Each rule is a small function from the claims (joined with their statements) to a list of
:class:`Finding`; :data:`RULES` registers them in the order they run and are reported.
Every finding names its claims, their statements and the quotes, so a reader can check it
against the text.

All comparisons use intervals (:func:`analysis.derive.evolution.interval`): a figure such as
"more than 3,400" is the range [3400, inf). A rule calls something a ``contradiction`` only
when the intervals cannot both hold; when the figures as printed disagree but an open
bound or a range leaves room for both, it is a ``warning``; a difference of wording with no
effect on the numbers is ``info``.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import operator
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass

import pandas as pd

from analysis.derive.evolution import ordered_claims, short_outlet
from analysis.derive.intervals import claim_interval, format_number
from analysis.schema import (
    LIST_SEPARATOR,
    METRIC_PARTS_OF,
    OPEN_ABOVE,
    OPEN_BELOW,
    SEVERITIES,
    Claims,
    Evolution,
    Findings,
    Statements,
    columns,
    is_missing,
)

INFO, WARNING, CONTRADICTION = SEVERITIES
CUMULATIVE_PERIODS = ("since_ceasefire", "since_1990s")
LONG_RUN, POST_WAR = "since_1990s", "since_ceasefire"
PERCENT = "percent"
# An estimate that moves by this factor or more between statements is flagged.
MAGNITUDE_FACTOR = 10.0
# Qualifiers placing the true value below / above the printed figure.
BELOW, ABOVE = OPEN_BELOW, OPEN_ABOVE


def _all_totals(metric: str) -> list[str]:
    """Every total a metric belongs to, directly or through another subgroup."""
    seen: list[str] = []
    pending = list(METRIC_PARTS_OF.get(metric, ()))
    while pending:
        total = pending.pop(0)
        if total not in seen:
            seen.append(total)
            pending.extend(METRIC_PARTS_OF.get(total, ()))
    return seen


@dataclass(frozen=True)
class Finding:
    """One finding before it becomes a row: the claims involved are rows of the joined table."""

    rule: str
    severity: str
    claims: tuple[object, ...]
    message: str


Rule = Callable[[pd.DataFrame, pd.DataFrame], list[Finding]]


def _get(row: object, name: str) -> object:
    return getattr(row, name)


def _figure(row: object) -> tuple[object, ...]:
    """What a claim says numerically (bound and values), for equality tests."""
    values = (_get(row, c) for c in (Claims.value_low, Claims.value_best, Claims.value_high))
    return (_get(row, Claims.bound), *(None if is_missing(v) else float(v) for v in values))


def _same_values(a: object, b: object) -> bool:
    """The same number: equal best values (the qualifier may differ), else equal ranges."""
    best_a, best_b = _get(a, Claims.value_best), _get(b, Claims.value_best)
    if not (is_missing(best_a) or is_missing(best_b)):
        return float(best_a) == float(best_b)
    return _figure(a)[1:] == _figure(b)[1:]


def _disjoint(a: object, b: object) -> bool:
    (a_lo, a_hi), (b_lo, b_hi) = claim_interval(a), claim_interval(b)
    return a_lo > b_hi or b_lo > a_hi


def _where(row: object) -> str:
    """'"surface" (outlet, date)' for messages."""
    date = _get(row, Statements.date)
    outlet = short_outlet(_get(row, Statements.outlet), _get(row, Claims.statement_id))
    return f'"{_get(row, Claims.surface)}" ({outlet}, {"undated" if is_missing(date) else date})'


# table id -> (table, its rows): while find_inconsistencies runs, every rule reads the rows
# of one table, made once (a named tuple per claim and rule is much of the rules' time).
_SHARED_RECORDS: dict[int, tuple[pd.DataFrame, list[object]]] = {}


def _records(table: pd.DataFrame) -> list[object]:
    shared = _SHARED_RECORDS.get(id(table))
    if shared is not None and shared[0] is table:
        return shared[1]
    return list(table.itertuples(index=False))


def _key(row: object, *names: str) -> tuple[object, ...]:
    """The values of ``names``, every missing one as None (so None and NaN group together)."""
    return tuple(None if is_missing(value := _get(row, name)) else value for name in names)


def _grouped(
    records: Iterable[object], key: Callable[[object], Hashable]
) -> dict[Hashable, list[object]]:
    """Records by ``key``, like ``groupby(sort=False, dropna=False)``: groups in order of
    first appearance, each group in record order.

    The rules group the table into many small groups; a dict over the records is much
    cheaper than a pandas groupby followed by ``itertuples`` on every group.
    """
    groups: dict[Hashable, list[object]] = {}
    for row in records:
        groups.setdefault(key(row), []).append(row)
    return groups


# --- the rules -----------------------------------------------------------------------------


def same_quantity_twice(table: pd.DataFrame, statements: pd.DataFrame) -> list[Finding]:
    """Two different figures for the same series within one statement."""
    findings = []
    groups = _grouped(_records(table), lambda r: _key(r, Claims.statement_id, Evolution.series))
    for (_, series), rows in groups.items():
        for a, b in itertools.combinations(rows, 2):
            if _figure(a) == _figure(b):
                continue  # the same figure repeated ("65 ... Of the 65 people killed")
            severity = CONTRADICTION if _disjoint(a, b) else WARNING
            findings.append(
                Finding(
                    "same_quantity_twice",
                    severity,
                    (a, b),
                    f"{_get(a, Claims.statement_id)} gives two figures for {series}: "
                    f'"{_get(a, Claims.surface)}" and "{_get(b, Claims.surface)}"',
                )
            )
    return findings


def _same_organisation(a: object, b: object) -> bool:
    """Same speaker, or one speaker names the other's organisation ("spokesman of the X")."""
    if is_missing(a) or is_missing(b):
        return False
    a, b = str(a).casefold(), str(b).casefold()
    return a == b or a in b or b in a


def _value_key(row: object) -> tuple[object, ...]:
    values = (Claims.value_low, Claims.value_best, Claims.value_high, Claims.bound)
    return tuple(None if is_missing(_get(row, c)) else _get(row, c) for c in values)


def outlets_disagree(table: pd.DataFrame, statements: pd.DataFrame) -> list[Finding]:
    """Same-day statements by the same speaker that report a quantity differently.

    A figure of one statement is flagged when the other statement has no figure with the
    same values for that series; it is then paired with each of the other's figures.
    Differences of qualifier only (same values) are left to ``qualifier_drift``.
    """
    findings = []
    info = {_get(s, Statements.statement_id): s for s in statements.itertuples(index=False)}
    # Indexed once: statement -> series -> figures (table order), and where each series of a
    # statement first appears, which orders the series of a pair as the table does.
    figures: dict[str, dict[str, list[object]]] = {}
    first_row: dict[tuple[str, str], int] = {}
    for position, row in enumerate(_records(table)):
        statement_id, series = _get(row, Claims.statement_id), _get(row, Evolution.series)
        figures.setdefault(statement_id, {}).setdefault(series, []).append(row)
        first_row.setdefault((statement_id, series), position)
    days = _grouped(
        (s for s in info.values() if not is_missing(_get(s, Statements.date))),
        lambda s: _get(s, Statements.date),
    )
    for date in sorted(days):
        ids = [_get(s, Statements.statement_id) for s in days[date]]
        for id_a, id_b in itertools.combinations(ids, 2):
            if not _same_organisation(
                _get(info[id_a], Statements.speaker), _get(info[id_b], Statements.speaker)
            ):
                continue
            inferred = [
                s for s in (id_a, id_b) if _get(info[s], Statements.date_basis) == "inferred"
            ]
            note = f" (date of {', '.join(inferred)} is inferred)" if inferred else ""
            of_a, of_b = figures.get(id_a, {}), figures.get(id_b, {})
            shared = sorted(
                of_a.keys() & of_b.keys(),
                key=lambda s: min(first_row[id_a, s], first_row[id_b, s]),
            )
            for series in shared:
                for a, b in _disagreeing_pairs(of_a[series], of_b[series]):
                    severity = CONTRADICTION if _disjoint(a, b) else WARNING
                    findings.append(
                        Finding(
                            "outlets_disagree",
                            severity,
                            (a, b),
                            f"Same speaker, same day: {series} is {_where(a)} but "
                            f"{_where(b)}{note}",
                        )
                    )
    return findings


def _disagreeing_pairs(a_rows: list[object], b_rows: list[object]) -> list[tuple[object, object]]:
    """The pairs :func:`outlets_disagree` reports for one series of two statements.

    First each figure of A that B does not match, with every figure of B; then each figure
    of B that A does not match, with the figures of A not listed yet. Pairs of the same
    two figures (by value and qualifier) are reported once.
    """
    same = [[_same_values(a, b) for b in b_rows] for a in a_rows]
    a_unmatched = [not any(row) for row in same]
    b_unmatched = [not any(column) for column in zip(*same, strict=True)]
    pairs = [(a, b) for a, lone in zip(a_rows, a_unmatched, strict=True) if lone for b in b_rows]
    pairs += [
        (a, b)
        for b, lone in zip(b_rows, b_unmatched, strict=True)
        if lone
        for a, a_lone in zip(a_rows, a_unmatched, strict=True)
        if not a_lone  # the lone ones of A are paired with all of B already
    ]
    reported: set[tuple[object, ...]] = set()
    distinct = []
    for a, b in pairs:
        # One finding per pair of distinct figures: the press release gives "45" twice,
        # Azernews "48" once; that is one disagreement, not two.
        key = (_value_key(a), _value_key(b))
        if key not in reported:
            reported.add(key)
            distinct.append((a, b))
    return distinct


def subgroup_exceeds_total(table: pd.DataFrame, statements: pd.DataFrame) -> list[Finding]:
    """A subgroup larger than its total within one statement (same period, area, device)."""
    findings = []
    keys = (Claims.statement_id, Claims.period, Claims.area, Claims.device)
    for records in _grouped(_records(table), lambda r: _key(r, *keys)).values():
        by_metric = _grouped(records, lambda r: _get(r, Claims.metric))
        for sub in records:
            for total_metric in _all_totals(_get(sub, Claims.metric)):
                for total in by_metric.get(total_metric, ()):
                    sub_lo, _ = claim_interval(sub)
                    _, total_hi = claim_interval(total)
                    sub_best, total_best = (
                        _get(sub, Claims.value_best),
                        _get(total, Claims.value_best),
                    )
                    if sub_lo > total_hi:
                        severity, verdict = CONTRADICTION, "cannot both hold"
                    elif (
                        not (is_missing(sub_best) or is_missing(total_best))
                        and sub_best > total_best
                    ):
                        severity = WARNING
                        verdict = (
                            f"both hold only if the total is at least {format_number(sub_best)}"
                        )
                    else:
                        continue
                    findings.append(
                        Finding(
                            "subgroup_exceeds_total",
                            severity,
                            (sub, total),
                            f"{_get(sub, Claims.metric)} {_where(sub)} exceeds "
                            f"{total_metric} {_where(total)}: {verdict}",
                        )
                    )
    return findings


def cumulative_series_falls(table: pd.DataFrame, statements: pd.DataFrame) -> list[Finding]:
    """A running total (since the ceasefire or the 1990s) certainly lower on a later date.

    Each claim is compared with the highest earlier one (largest lower end of its range): a
    fall is reported once, against the figure it certainly fell from, so the findings grow
    with the claims of a series, not with their pairs.
    """
    findings = []
    cumulative = (
        r
        for r in _records(table)
        if _get(r, Claims.period) in CUMULATIVE_PERIODS and not is_missing(_get(r, Statements.date))
    )
    for (series,), rows in _grouped(cumulative, lambda r: _key(r, Evolution.series)).items():
        dated = sorted(
            ((_get(row, Statements.date), order, row) for order, row in enumerate(rows)),
            key=lambda item: item[:2],
        )
        highest: tuple[float, object] | None = None  # over the dates before the current one
        for _, day in itertools.groupby(dated, key=lambda item: item[0]):
            day_rows = [row for _, _, row in day]
            for row in day_rows:
                if highest is not None and claim_interval(row)[1] < highest[0]:
                    a = highest[1]
                    findings.append(
                        Finding(
                            "cumulative_series_falls",
                            CONTRADICTION,
                            (a, row),
                            f"The running total {series} falls from {_where(a)} to {_where(row)}",
                        )
                    )
            for row in day_rows:
                low = claim_interval(row)[0]
                if highest is None or low > highest[0]:
                    highest = (low, row)
    return findings


def compared_dates(dates: Iterable[str]) -> list[tuple[str, str]]:
    """The (earlier, later) pairs of dates a rule compares: each date with the one before it
    and with the first. A bound on pairs: every change is seen step by step and against the
    start, and the findings grow with the dates, not with their square."""
    ordered = sorted(set(dates))
    pairs = []
    for index in range(1, len(ordered)):
        pairs.append((ordered[index - 1], ordered[index]))
        if index > 1:
            pairs.append((ordered[0], ordered[index]))
    return sorted(pairs)


def long_run_grew_less(table: pd.DataFrame, statements: pd.DataFrame) -> list[Finding]:
    """The 30-year total grew less than the post-ceasefire count over the same dates.

    The since-1990s total contains the post-ceasefire period, so between two dates it must
    grow at least as much as the since-ceasefire count. With intervals the long-run growth
    is at most ``L2.high - L1.low`` and the post-war growth at least ``S2.low - S1.high``;
    if the first is smaller the figures cannot both hold (``contradiction``). If only the
    printed (best) figures grow too little while an open bound leaves room, e.g.
    3,345 -> "more than 3,400" (+55) against 266 -> 342 (+76), it is a ``warning``: both
    hold only if "more than 3,400" means at least 3,421. For each metric, area, device and
    pair of dates one finding is reported: the most severe combination of claims (the first
    such in claim order).
    """
    findings = []
    dated = (r for r in _records(table) if not is_missing(_get(r, Statements.date)))
    keys = (Claims.metric, Claims.area, Claims.device)
    for (metric, *_), rows in _grouped(dated, lambda r: _key(r, *keys)).items():
        on = _grouped(rows, lambda r: (_get(r, Claims.period), _get(r, Statements.date)))
        long_days = {day for period, day in on if period == LONG_RUN}
        post_days = {day for period, day in on if period == POST_WAR}
        for d1, d2 in compared_dates(long_days & post_days):
            combination = _worst_combination(
                on[LONG_RUN, d1], on[LONG_RUN, d2], on[POST_WAR, d1], on[POST_WAR, d2]
            )
            if combination:
                findings.append(_grew_less(metric, *combination))
    return findings


def _worst_combination(
    long1: list[object], long2: list[object], post1: list[object], post2: list[object]
) -> tuple[object, object, object, object] | None:
    """The (l1, l2, s1, s2) that :func:`_grew_less` flags most severely, first in
    ``itertools.product(long1, long2, post1, post2)`` order; None when it flags none.

    Both of its tests compare a growth of the long-run pair (l1, l2) with a growth of the
    post-war pair (s1, s2), so :func:`_first_grew_less` finds the combination from the
    pairs on each side: O(n^2) rather than O(n^4) in the claims of one day.
    """
    contradiction = _first_grew_less(
        # Widest long-run growth against the narrowest post-war growth, as in _grew_less.
        _growths(long1, long2, start=_low, end=_high),
        _growths(post1, post2, start=_high, end=_low),
        operator.lt,
    )
    if contradiction:
        return contradiction
    # No contradiction anywhere: the first warning, where the printed figures (all four
    # known) grew less. ``not >=`` as in _grew_less: a NaN growth (an infinite figure) counts.
    return _first_grew_less(
        _growths(long1, long2, start=_printed, end=_printed),
        _growths(post1, post2, start=_printed, end=_printed),
        lambda long_growth, post_growth: not long_growth >= post_growth,
    )


def _low(row: object) -> float:
    return claim_interval(row)[0]


def _high(row: object) -> float:
    return claim_interval(row)[1]


def _printed(row: object) -> float | None:
    best = _get(row, Claims.value_best)
    return None if is_missing(best) else best


Growths = list[tuple[tuple[object, object], float]]


def _growths(
    earlier: list[object],
    later: list[object],
    start: Callable[[object], float | None],
    end: Callable[[object], float | None],
) -> Growths:
    """``((a, b), end(b) - start(a))`` for the pairs of ``itertools.product(earlier, later)``,
    in that order, leaving out pairs where either side is None."""
    starts = [start(a) for a in earlier]
    ends = [end(b) for b in later]
    return [
        ((a, b), e - s)
        for a, s in zip(earlier, starts, strict=True)
        if s is not None
        for b, e in zip(later, ends, strict=True)
        if e is not None
    ]


def _first_grew_less(
    long_growths: Growths,
    post_growths: Growths,
    grew_less: Callable[[float, float], bool],
) -> tuple[object, object, object, object] | None:
    """The first (l1, l2, s1, s2), in product order, for which ``grew_less(long, post)``.

    Each list holds ``(pair, growth)`` in product order. ``grew_less`` must keep holding
    when the post-war growth gets larger, so whether any post-war pair qualifies for a
    long-run growth depends only on the largest post-war growth, plus an unknown (NaN) one
    if any: a scan of the long-run pairs against those finds the first long-run pair, and
    one scan of the post-war pairs its partner.
    """
    if not post_growths:
        return None
    known = [growth for _, growth in post_growths if not math.isnan(growth)]
    extremes = [max(known)] if known else []
    if len(known) < len(post_growths):
        extremes.append(math.nan)
    for long_pair, long_growth in long_growths:
        if any(grew_less(long_growth, growth) for growth in extremes):
            post_pair = next(p for p, growth in post_growths if grew_less(long_growth, growth))
            return (*long_pair, *post_pair)
    return None


def _grew_less(metric: str, l1: object, l2: object, s1: object, s2: object) -> Finding | None:
    # Widest growth of the long-run total against the narrowest post-war growth.
    l1_lo, l2_hi = claim_interval(l1)[0], claim_interval(l2)[1]
    s1_hi, s2_lo = claim_interval(s1)[1], claim_interval(s2)[0]
    best = [_get(r, Claims.value_best) for r in (l1, l2, s1, s2)]
    long_max, post_min = l2_hi - l1_lo, s2_lo - s1_hi
    printed = (
        f"{metric} since the 1990s went from {_where(l1)} to {_where(l2)} while since the "
        f"ceasefire it went from {_where(s1)} to {_where(s2)}"
    )
    if long_max < post_min:
        return Finding(
            "long_run_grew_less",
            CONTRADICTION,
            (l1, l2, s1, s2),
            f"{printed}: the 30-year total grew by at most {format_number(long_max)} but the "
            f"post-ceasefire count by at least {format_number(post_min)}; they cannot both hold",
        )
    if any(is_missing(v) for v in best):
        return None
    long_growth, post_growth = best[1] - best[0], best[3] - best[2]
    if long_growth >= post_growth:
        return None
    needed = best[0] + post_growth
    return Finding(
        "long_run_grew_less",
        WARNING,
        (l1, l2, s1, s2),
        f"{printed}: as printed the 30-year total grew by {format_number(long_growth)} "
        f"(derived) and the post-ceasefire count by {format_number(post_growth)} (derived); "
        "both hold only if "
        f'"{_get(l2, Claims.surface)}" means at least {format_number(needed)}',
    )


def qualifier_drift(table: pd.DataFrame, statements: pd.DataFrame) -> list[Finding]:
    """A percentage repeated with the same number but another qualifier.

    One finding per pair of qualifiers in a series (the first two claims, in series order,
    that show it). ``warning`` when the qualifiers point opposite ways ("nearly 55%" is
    under 55, "more than 55%" over it), ``info`` otherwise ("about 55%" -> "more than 55%").
    """
    findings = []
    shares = (r for r in _records(table) if _get(r, Claims.unit) == PERCENT)
    for (series,), rows in _grouped(shares, lambda r: _key(r, Evolution.series)).items():
        # The pairs of qualifiers that some two claims with the same number show; once each
        # has its finding, no later pair of claims can add one.
        numbers = _grouped(
            (r for r in rows if not is_missing(_get(r, Claims.value_best))),
            lambda r: _get(r, Claims.value_best),
        )
        pending = {
            frozenset(pair)
            for same in numbers.values()
            for pair in itertools.combinations({_get(r, Claims.bound) for r in same}, 2)
        }
        for a, b in itertools.combinations(rows, 2):
            if not pending:
                break
            bounds = frozenset({_get(a, Claims.bound), _get(b, Claims.bound)})
            best_a, best_b = _get(a, Claims.value_best), _get(b, Claims.value_best)
            if bounds not in pending or is_missing(best_a) or best_a != best_b:
                continue
            pending.remove(bounds)
            opposite = bool(bounds & BELOW) and bool(bounds & ABOVE)
            findings.append(
                Finding(
                    "qualifier_drift",
                    WARNING if opposite else INFO,
                    (a, b),
                    f"{series}: {_where(a)} then {_where(b)}; same figure, qualifier "
                    f"{_get(a, Claims.bound)} -> {_get(b, Claims.bound)}",
                )
            )
    return findings


def representative(row: object) -> float:
    """One number for an estimate: best; else the geometric middle of a finite range
    ("hundreds of thousands" [200,000, 999,999] -> about 447,000, since such ranges span a
    factor rather than a difference); else the known lower bound. NaN when none applies."""
    best = _get(row, Claims.value_best)
    if not is_missing(best):
        return float(best)
    lo, hi = claim_interval(row)
    if lo > 0 and math.isfinite(hi):
        return math.sqrt(lo * hi)
    return lo if math.isfinite(lo) else math.nan


def decades(row: object) -> tuple[float, float]:
    """The powers of ten a claim's range allows: "hundreds of thousands" -> (5, 5),
    "exceeds 1 million" -> (6, inf), "342" -> (2, 2). NaN when the range is unknown or
    reaches zero."""
    lo, hi = claim_interval(row)
    if not (lo > 0):
        return math.nan, math.nan
    top = math.floor(math.log10(hi)) if math.isfinite(hi) else math.inf
    return math.floor(math.log10(lo)), top


def _names_its_decade(row: object) -> bool:
    """A vague range such as "hundreds of thousands": its wording is an order of magnitude."""
    low, high = decades(row)
    return _get(row, Claims.bound) == "range" and low == high


def order_of_magnitude_change(table: pd.DataFrame, statements: pd.DataFrame) -> list[Finding]:
    """An estimate of one quantity that moves by an order of magnitude between statements.

    Either the :func:`representative` values differ ``MAGNITUDE_FACTOR``-fold, or one claim
    names its order of magnitude ("hundreds of thousands") and the other cannot lie in it
    ("exceeds 1 million" lies in the millions or above).
    """
    findings = []
    for (series,), rows in _grouped(_records(table), lambda r: _key(r, Evolution.series)).items():
        if len({_get(row, Claims.statement_id) for row in rows}) < 2:
            continue  # one statement: no pair to compare
        # Everything a pair needs, once per claim rather than once per pair.
        measured = [
            (
                row,
                _get(row, Claims.statement_id),
                representative(row),
                *decades(row),
                _names_its_decade(row),
            )
            for row in rows
        ]
        for first, second in _compared_claims(measured):
            a, a_id, va, a_lo, a_hi, a_named = first
            b, b_id, vb, b_lo, b_hi, b_named = second
            if a_id == b_id:
                continue
            ratio = max(va, vb) / min(va, vb) if va > 0 and vb > 0 else math.nan
            disjoint = a_hi < b_lo or b_hi < a_lo
            if ratio >= MAGNITUDE_FACTOR or ((a_named or b_named) and disjoint):
                findings.append(
                    Finding(
                        "order_of_magnitude_change",
                        WARNING,
                        (a, b),
                        f"{series}: {_where(a)} and {_where(b)} lie in different orders of "
                        f"magnitude (10^{format_number(min(a_lo, b_lo))} against "
                        f"10^{format_number(max(a_lo, b_lo))} or more)",
                    )
                )
    return findings


def _compared_claims(measured: list[tuple]) -> Iterator[tuple[tuple, tuple]]:
    """Pairs of claims of one series that :func:`order_of_magnitude_change` compares, in the
    order of ``measured``: claims of one date; claims of the dates :func:`compared_dates`
    pairs; and each undated claim with every other claim."""
    by_date: dict[str | None, list[int]] = {}
    for index, item in enumerate(measured):
        date = _get(item[0], Statements.date)
        by_date.setdefault(None if is_missing(date) else date, []).append(index)
    undated = by_date.pop(None, [])
    pairs = {pair for indices in by_date.values() for pair in itertools.combinations(indices, 2)}
    for earlier, later in compared_dates(by_date):
        pairs.update(itertools.product(by_date[earlier], by_date[later]))
    pairs.update((u, i) for u in undated for i in range(len(measured)) if i != u)
    for i, j in sorted({(min(pair), max(pair)) for pair in pairs}):
        yield measured[i], measured[j]


RULES: list[Rule] = [
    same_quantity_twice,
    outlets_disagree,
    subgroup_exceeds_total,
    cumulative_series_falls,
    long_run_grew_less,
    qualifier_drift,
    order_of_magnitude_change,
]


def find_inconsistencies(
    claims: pd.DataFrame,
    statements: pd.DataFrame,
    rules: Iterable[Rule] = RULES,
    progress: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """Run every rule; a table validated against :class:`analysis.schema.Findings`.

    Rows come in rule order, then in the order each rule found them (claims in series and
    date order), so the output is deterministic. ``finding_id`` is the rule name plus a hash
    of the claim ids, stable across runs as long as the claims are. ``progress`` hears a
    line after each rule.
    """
    # The rules read the table row by row: object columns iterate many times faster than
    # Arrow-backed strings.
    table = ordered_claims(claims, statements).astype(object)
    _SHARED_RECORDS[id(table)] = (table, list(table.itertuples(index=False)))
    try:
        records = _findings_records(table, statements, rules, progress)
    finally:
        del _SHARED_RECORDS[id(table)]
    result = pd.DataFrame.from_records(records, columns=columns(Findings))
    return Findings.validate(result.astype("str"))


def _findings_records(
    table: pd.DataFrame,
    statements: pd.DataFrame,
    rules: Iterable[Rule],
    progress: Callable[[str], None] | None,
) -> list[dict[str, str]]:
    """The rows of :func:`find_inconsistencies`, rule by rule."""
    records: list[dict[str, str]] = []
    ids: set[str] = set()
    for rule in rules:
        for finding in rule(table, statements):
            claim_ids = [_get(c, Claims.claim_id) for c in finding.claims]
            digest = hashlib.sha1("|".join(claim_ids).encode("utf-8")).hexdigest()[:10]
            finding_id = f"{finding.rule}-{digest}"
            if finding_id in ids:
                continue  # the same claims flagged twice by one rule
            ids.add(finding_id)
            statement_ids = list(
                dict.fromkeys(_get(c, Claims.statement_id) for c in finding.claims)
            )
            quotes = dict.fromkeys(
                f'{_get(c, Claims.statement_id)}: "{_get(c, Claims.quote)}"' for c in finding.claims
            )
            records.append(
                {
                    Findings.finding_id: finding_id,
                    Findings.rule: finding.rule,
                    Findings.severity: finding.severity,
                    Findings.statement_ids: LIST_SEPARATOR.join(statement_ids),
                    Findings.claim_ids: LIST_SEPARATOR.join(claim_ids),
                    Findings.message: finding.message,
                    Findings.quotes: " | ".join(quotes),
                }
            )
        if progress is not None:
            name = getattr(rule, "__name__", "a rule")
            progress(f"findings: {name} done, {len(records):,} so far")
    return records
