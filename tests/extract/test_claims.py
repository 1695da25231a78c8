"""The claims table of the shipped corpus against a hand-curated expectation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.extract.corpus import load_corpus
from analysis.pipeline import build_tables
from analysis.schema import Claims, Mentions
from conftest import SHIPPED_CORPUS

EXPECTED = Path(__file__).parents[1] / "fixtures" / "expected_claims.csv"
KEY = [
    Claims.statement_id,
    Claims.surface,
    Claims.char_start,
    Claims.metric,
    Claims.period,
    Claims.bound,
    Claims.value_low,
    Claims.value_best,
    Claims.value_high,
    Claims.unit,
    Claims.area,
    Claims.device,
]


def _rows(table: pd.DataFrame) -> set[tuple]:
    return {
        tuple(None if pd.isna(v) else v for v in row)
        for row in table[KEY].astype(object).itertuples(index=False)
    }


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return build_tables(SHIPPED_CORPUS).claims


def test_shipped_claims_match_the_curated_table_exactly(claims: pd.DataFrame) -> None:
    expected = pd.read_csv(EXPECTED, dtype={Claims.char_start: "int64"})
    # The curated table covers the shipped statements; one added since (`analysis add`) has
    # no curated claims, and removing a shipped one still shows as missing rows.
    curated = claims[claims[Claims.statement_id].isin(set(expected[Claims.statement_id]))]
    got, want = _rows(curated), _rows(expected)
    missing = "\n".join(map(str, sorted(want - got, key=str)))
    extra = "\n".join(map(str, sorted(got - want, key=str)))
    assert got == want, f"missing:\n{missing}\nunexpected:\n{extra}"


def test_both_azernews_death_tolls_are_claims(claims: pd.DataFrame) -> None:
    azernews = claims[claims[Claims.statement_id] == "azernews-2022-10-25"]
    killed = azernews[azernews[Claims.metric] == "killed"]
    assert set(killed[Claims.surface]) == {"48", "45"}
    assert "Of the 45 dead" in killed[Claims.quote].tolist()[1]


def test_every_claim_points_at_its_surface_and_quote(claims: pd.DataFrame) -> None:
    corpus = load_corpus(SHIPPED_CORPUS)
    for row in claims.itertuples():
        text = corpus.text(row.statement_id)
        assert text[row.char_start : row.char_end] == row.surface
        assert row.surface in row.quote and row.quote in text
        assert row.claim_id == f"{row.statement_id}:{row.char_start}-{row.char_end}"


def test_claims_are_deterministic(claims: pd.DataFrame) -> None:
    again = build_tables(SHIPPED_CORPUS).claims
    assert again.to_csv(index=False) == claims.to_csv(index=False)


def test_an_undated_statement_has_open_period_ends_in_memory_and_streamed(
    make_corpus, tmp_path: Path
) -> None:
    from analysis.pipeline import extract

    text = "Since the end of the war, 45 people died. In 2021, 12 people were injured."
    corpus = make_corpus({"a.txt": text}, "a.txt,a,,unknown,,,,,,\n")
    in_memory = build_tables(corpus).claims
    assert in_memory[Claims.period].tolist() == ["since_ceasefire", "year"]
    assert in_memory[Claims.period_end].isna().tolist() == [True, False]
    extract(corpus, tmp_path / "out", with_analysis=False, progress=lambda _: None)
    streamed = pd.read_parquet(tmp_path / "out" / "claims.parquet")
    pd.testing.assert_frame_equal(streamed, in_memory)


def test_every_number_of_a_statement_is_accounted_for(make_corpus) -> None:
    text = (
        "On 12 March 2023 the agency said that 41 people had been injured by mines since the "
        "end of the war. Its hotline took one of the calls at 09:30."
    )
    tables = build_tables(make_corpus({"a.txt": text}, "a.txt,a,2023-03-13,stated,,,,,,\n"))
    mentions = tables.mentions
    by_surface = dict(zip(mentions[Mentions.surface], mentions[Mentions.status], strict=True))
    assert by_surface["41"] == "claim"
    assert by_surface["12 March 2023"] == "not_a_claim"
    claim = mentions[mentions[Mentions.status] == "claim"].iloc[0]
    assert claim[Mentions.claim_id] == tables.claims[Claims.claim_id].iloc[0]
    dated = mentions[mentions[Mentions.surface] == "12 March 2023"].iloc[0]
    assert dated[Mentions.reason] == "date"
    # Every digit of the text lies in exactly one mention.
    covered = [False] * len(text)
    for row in mentions.itertuples():
        assert text[row.char_start : row.char_end] == row.surface
        for i in range(row.char_start, row.char_end):
            assert not covered[i]
            covered[i] = True
    assert all(covered[i] for i, char in enumerate(text) if char.isdigit())


def test_an_unclassified_number_carries_its_sentence_for_review(make_corpus) -> None:
    text = "The committee met 14 delegations. Nothing else was said."
    tables = build_tables(make_corpus({"a.txt": text}, "a.txt,a,2023-03-13,stated,,,,,,\n"))
    [row] = tables.mentions.itertuples()
    if row.status == "unclassified":
        assert row.context == "The committee met 14 delegations."
    else:  # a rule may know that delegations are not a landmine figure
        assert row.status == "not_a_claim" and row.reason


def test_a_claim_added_in_review_is_a_mention(make_corpus) -> None:
    text = "Deminers reported that a dozen teams were at work."
    folder = make_corpus({"a.txt": text}, "a.txt,a,2023-03-13,stated,,,,,,\n")
    (folder / "annotations.yml").write_text(
        "- statement_id: a\n  quote: a dozen teams\n  surface: a dozen\n  action: add\n"
        "  set: {metric: incidents, bound: exact, unit: incidents, period: unspecified,"
        " value_low: 12, value_best: 12, value_high: 12}\n",
        encoding="utf-8",
    )
    tables = build_tables(folder)
    added = tables.mentions[tables.mentions[Mentions.surface] == "a dozen"]
    assert added[Mentions.status].tolist() == ["claim"]
    assert added[Mentions.claim_id].tolist() == tables.claims[Claims.claim_id].tolist()
