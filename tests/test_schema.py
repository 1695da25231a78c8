"""analysis.schema: the one home of column names and vocabularies."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest

from analysis import cli
from analysis.schema import (
    METRIC_PARTS_OF,
    METRIC_UNITS,
    METRICS,
    Claims,
    Evolution,
    Findings,
    Manifest,
    Mentions,
    Statements,
    TableModel,
    claim_id,
    claims_table,
    columns,
    conform,
    vocabulary,
)
from analysis.storage import TABLE_MODELS, read_table
from conftest import SHIPPED_CORPUS


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


MODELS = (Manifest, Statements, Claims, Mentions, Evolution, Findings)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_is_strict_and_ordered(model: type[TableModel]) -> None:
    schema = model.to_schema()
    assert (schema.strict, schema.ordered, schema.coerce) == (True, True, False)


def test_a_table_with_an_extra_or_misordered_column_fails() -> None:
    table = conform(
        [{"finding_id": "f", "rule": "r", "severity": "info", "message": "m"}], Findings
    ).fillna("x")
    Findings.validate(table)
    invalid = (pa.errors.SchemaError, pa.errors.SchemaErrors)
    with pytest.raises(invalid, match="column 'extra' not in"):
        Findings.validate(table.assign(extra="x"))
    swapped = [Findings.rule, Findings.finding_id, *columns(Findings)[2:]]
    with pytest.raises(invalid, match="column 'rule' out-of-order"):
        Findings.validate(table[swapped])


def test_the_shipped_tables_validate_against_the_strict_models(tmp_path: Path) -> None:
    # Written by the extraction, then read back and validated again (no validated hash given).
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(tmp_path)]) == 0
    for name, model in TABLE_MODELS.items():
        table = read_table(tmp_path / f"{name}.csv", name)
        assert list(table.columns) == columns(model)
