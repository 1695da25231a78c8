"""analysis.extract.review: analyst corrections are checked against the raw text, then applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.errors import AnnotationError
from analysis.pipeline import build_tables
from analysis.schema import Claims

TEXT = (
    "Since the end of the war, 57 of them died and 245 people were injured. "
    "The report also mentions 12 deminers. It also mentions 12 deminers."
)


@pytest.fixture
def corpus(make_corpus):
    return make_corpus({"a.txt": TEXT}, "a.txt,a,2024-01-02,stated,,,,,,\n")


def _claims(corpus: Path, annotations: str):
    (corpus / "annotations.yml").write_text(annotations)
    return build_tables(corpus).claims


def test_without_annotations_the_rules_alone(corpus: Path) -> None:
    claims = build_tables(corpus).claims
    assert claims[Claims.surface].tolist() == ["57", "245"]
    assert set(claims[Claims.method]) == {"rule"}


def test_correct_add_and_drop(corpus: Path) -> None:
    claims = _claims(
        corpus,
        """
- statement_id: a
  quote: "245 people were injured"
  surface: "245"
  set: {metric: civilians_injured}
- statement_id: a
  quote: "57 of them died"
  surface: "57"
  action: drop
- statement_id: a
  quote: "The report also mentions 12 deminers"
  surface: "12"
  action: add
  set: {metric: military_injured, bound: exact, unit: people, period: unspecified,
        value_low: 12, value_best: 12, value_high: 12}
""",
    )
    rows = claims.set_index(Claims.surface)
    assert list(rows.index) == ["245", "12"]
    assert rows.loc["245", Claims.metric] == "civilians_injured"
    assert set(claims[Claims.method]) == {"reviewed"}
    added = rows.loc["12"]
    assert TEXT[added[Claims.char_start] : added[Claims.char_end]] == "12"
    assert added[Claims.char_start] == TEXT.index("12 deminers")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            '- {statement_id: a, quote: "61 of them died"}',
            "entry 1: quote '61 of them died' no longer found",
        ),
        ('- {statement_id: a, quote: "12 deminers", action: add}', "found 2 times"),
        ('- {statement_id: b, quote: "57"}', "unknown statement_id 'b'"),
        ('- {statement_id: a, quote: "57 of them", set: {colour: red}}', "cannot set colour"),
        ('- {statement_id: a, quote: "57 of them", surface: "58"}', "is not inside the quote"),
        ('- {statement_id: a, quote: "57 of them", action: merge}', "action must be one of"),
        ('- {statement_id: a, quote: "The report", action: drop}', "found no claim"),
        ("- {statement_id: a, quote: [", "not valid YAML"),
        (
            '- {statement_id: a, quote: "57 of them", surface: "57", set: {value_best: many}}',
            "values must be numbers",
        ),
        (
            '- {statement_id: a, quote: "57 of them", surface: "57", set: {metric: dead}}',
            "metric cannot be 'dead'",
        ),
        (
            '- {statement_id: a, quote: "57 of them", surface: "57", set: {value_high: .inf}}',
            "value_high cannot",
        ),
        (
            '- {statement_id: a, quote: "57 of them", surface: "57", set: {value_low: 60}}',
            "values_are_ordered",
        ),
        (
            '- {statement_id: a, quote: "12 deminers. It", surface: "12", action: add, '
            "set: {metric: injured, bound: exact, unit: people, period: all_time}}",
            "period cannot be 'all_time'",
        ),
    ],
)
def test_bad_annotation_is_an_error_naming_file_and_entry(corpus: Path, entry, message) -> None:
    with pytest.raises(AnnotationError) as caught:
        _claims(corpus, entry)
    assert message in str(caught.value)
    assert "annotations.yml" in str(caught.value)


def test_shipped_annotations_apply_cleanly(shipped_corpus: Path) -> None:
    claims = build_tables(shipped_corpus).claims
    assert set(claims[Claims.method]) <= {"rule", "reviewed"}
