"""analysis.extract.cues: the prefilter finds exactly what the cue patterns find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.extract.cues import Cue, leading_words, word_finder, word_tree


@pytest.mark.parametrize(
    ("pattern", "beginnings"),
    [
        ("Lachin", {"lachin"}),
        ("T(?:artar|erter)", {"tartar", "terter"}),
        ("(?:land)?mines", {"landmines", "mines"}),
        (r"(?<![\w-])(?:victims?|them)(?![\w-])", {"victims", "victim", "them"}),
        (r"\b(?:here|there)\b", {"here", "there"}),
        (r"since (?:the|199\d)", {"since the", "since 199"}),
        (r"neutrali[sz]\w*", {"neutrali"}),
        (r"booby[- ]traps", {"booby"}),
        (r"x{2,3}y", {"x"}),
        (r"(?P<year>20)\d{2}", {"20"}),
        (r"x|\d", None),  # a digit may begin a match
        ("mines?", {"mine", "mines"}),
        ("s?", None),  # a match may be empty
        (".", None),
        (r"(?:^|\bin )2020", {"2020", "in 2020"}),  # "^" is zero width
        ("(unbalanced", None),
        # Past a known beginning, a part with too many beginnings to list leaves it as it is.
        (r"\bfrom\s+(?:" + "|".join(f"w{i}" for i in range(2000)) + ")", {"from"}),
    ],
)
def test_leading_words_of_cue_patterns(pattern: str, beginnings: set[str] | None) -> None:
    assert leading_words(pattern) == (None if beginnings is None else frozenset(beginnings))


@pytest.mark.parametrize(
    ("pattern", "start"),
    [
        (r"\b(?:in|during)\s+20", r"\w"),
        (r"(?<![\w-])(?:mines?)(?![\w-])", r"[\w-]"),
        (r"\bin|during", ""),  # the boundary holds for one branch only
        (r"\b(?:,|in)", ""),  # a match may begin with a comma
        (r"since", ""),
    ],
)
def test_word_start_of_cue_patterns(pattern: str, start: str) -> None:
    assert Cue(pattern).word_start == start


def test_finder_takes_the_longest_word_at_each_place() -> None:
    finder = word_finder(["in", "in a blast", "since the", "since the war"])
    assert [m.group() for m in finder.finditer("in a b, since the war in a blast")] == [
        "in",
        "since the war",
        "in a blast",
    ]


PATTERNS = st.sampled_from(
    [
        "since (?:the )?(?:war|truce)",
        r"(?:land)?mines?",
        r"neutrali[sz]\w*",
        r"\b(?:in|during)\s+(?P<year>20\d{2})",
        r"anti-?personnel|AP mines",
        r"x{2,3}y",
        r"(?<![\w-])(?:mines?|truce)(?![\w-])",
        r"\b(?:since|truce)",
    ]
)
TEXT = st.lists(
    st.sampled_from(["since the war", "Since truce", "landmines", "MINE", "neutralized"])
    | st.sampled_from(["during 2021", "In 2020", "antipersonnel", "AP mines", "xxy", "xy"])
    | st.sampled_from(["within 2020", "-mines", "_since", "éminé"])
    | st.sampled_from([" ", ", ", "-", "ſ", "İ", "K", "x", "3"]),
    max_size=8,
).map("".join)


@given(PATTERNS, TEXT)
def test_a_cue_finds_what_its_pattern_finds(pattern: str, text: str) -> None:
    cue = Cue(pattern)
    expected = re.compile(pattern, re.IGNORECASE).search(text)
    found = cue.search(text)
    assert (found and found.span()) == (expected and expected.span())


@given(PATTERNS, TEXT, st.integers(0, 6), st.integers(0, 40))
def test_a_cue_iterates_what_its_pattern_iterates(
    pattern: str, text: str, pos: int, length: int
) -> None:
    cue = Cue(pattern)
    endpos = min(len(text), pos + length)
    expected = [m.span() for m in re.compile(pattern, re.IGNORECASE).finditer(text, pos, endpos)]
    assert [m.span() for m in cue.finditer(text, pos, endpos)] == expected


@pytest.mark.parametrize("text", ["XAF 4.6", "pay USD 5 or US 3", "XOFX", "EURO", "XA", ""])
def test_a_word_tree_matches_what_the_plain_alternation_matches(text: str) -> None:
    words = ["USD", "US", "EUR", "XAF", "XOF", "X"]
    longest_first = "|".join(sorted(words, key=len, reverse=True))
    tree = re.compile(rf"\b(?:{word_tree(words)})")
    plain = re.compile(rf"\b(?:{longest_first})")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]
