"""analysis.schema: the one home of column names and vocabularies."""

from __future__ import annotations

import pandas as pd

from analysis.schema import (
    METRIC_PARTS_OF,
    METRIC_UNITS,
    METRICS,
    Claims,
    Findings,
    claim_id,
    claims_table,
    columns,
    conform,
    vocabulary,
)


def test_every_part_names_a_known_total_of_the_same_unit_and_no_cycle() -> None:
    for metric, totals in METRIC_PARTS_OF.items():
        for total in totals:
            assert total in METRICS, f"{metric} is part of unknown {total}"
            assert METRIC_UNITS[total] == METRIC_UNITS[metric]
        seen, pending = set(), list(totals)
        while pending:
            total = pending.pop()
            assert total != metric, f"{metric} is part of itself"
            if total not in seen:
                seen.add(total)
                pending.extend(METRIC_PARTS_OF[total])


def test_every_metric_is_in_exactly_one_family() -> None:
    families = [m for members in vocabulary()["families"].values() for m in members]
    assert sorted(families) == sorted(METRICS)


def test_claim_id_names_the_statement_and_the_span() -> None:
    assert claim_id("mfa-2021", 10, 15) == "mfa-2021:10-15"


def test_conform_orders_columns_and_types_cells() -> None:
    table = conform(
        [{"message": "m", "rule": "r", "finding_id": "f", "severity": "info"}], Findings
    )
    assert list(table.columns) == columns(Findings)
    assert table["quotes"].isna().all()
    raw = pd.DataFrame(
        {Claims.char_start: ["3"], Claims.char_end: ["5"], Claims.value_low: ["1.5"]}
    )
    claims = claims_table(raw)
    assert claims[Claims.char_start].dtype == "int64"
    assert claims[Claims.value_low].tolist() == [1.5]


def test_the_vocabulary_reads_as_the_safe_loader_reads_it() -> None:
    import yaml

    from analysis.schema import VOCABULARY_FILE, vocabulary

    assert vocabulary() == yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
