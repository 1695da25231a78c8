"""The rules hold the development corpus at its target (issue 13): a regression fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.evaluate import load_gold, load_nonclaims, nonclaim_violations, score
from analysis.extract.corpus import load_corpus
from analysis.pipeline import build_tables

FIXTURES = Path(__file__).parent / "fixtures"
DEVCORPUS = FIXTURES / "devcorpus"
RECALL_TARGET, PRECISION_TARGET = 0.95, 0.97


@pytest.fixture(scope="module")
def claims():
    return build_tables(DEVCORPUS).claims


def test_the_development_corpus_is_at_or_above_target(claims) -> None:
    result = score(claims, load_gold(DEVCORPUS / "gold_claims.csv"))
    assert result.recall >= RECALL_TARGET, result.misses.to_string()
    assert result.precision >= PRECISION_TARGET, result.extras.to_string()


@pytest.mark.parametrize(
    ("name", "recall", "precision"),
    [
        # Below the target still: floors under what the rules reach, so that a
        # regression fails. devcorpus3 to devcorpus20 were written last, blind to the rules.
        ("devcorpus2", 0.95, 0.96),
        ("devcorpus3", 0.91, 0.95),
        ("devcorpus4", 0.88, 0.94),
        ("devcorpus5", 0.84, 0.87),
        ("devcorpus6", 0.89, 0.90),
        ("devcorpus7", 0.86, 0.92),
        ("devcorpus8", 0.78, 0.86),
        ("devcorpus9", 0.78, 0.88),
        ("devcorpus10", 0.78, 0.90),
        ("devcorpus11", 0.88, 0.92),
        ("devcorpus12", 0.84, 0.86),
        ("devcorpus13", 0.93, 0.96),
        ("devcorpus14", 0.87, 0.92),
        ("devcorpus15", 0.85, 0.90),
        ("devcorpus16", 0.86, 0.92),
        ("devcorpus17", 0.88, 0.90),
        ("devcorpus18", 0.92, 0.94),
        ("devcorpus19", 0.86, 0.91),
        ("devcorpus20", 0.85, 0.88),
    ],
)
def test_the_later_development_corpora_keep_their_level(
    name: str, recall: float, precision: float
) -> None:
    corpus = FIXTURES / name
    result = score(build_tables(corpus).claims, load_gold(corpus / "gold_claims.csv"))
    assert result.recall >= recall, result.misses.to_string()
    assert result.precision >= precision, result.extras.to_string()


def test_no_number_that_is_not_a_claim_becomes_one(claims) -> None:
    nonclaims = load_nonclaims(DEVCORPUS / "gold_nonclaims.csv")
    violations = nonclaim_violations(claims, nonclaims, load_corpus(DEVCORPUS).texts)
    assert violations.empty, violations.to_string()
