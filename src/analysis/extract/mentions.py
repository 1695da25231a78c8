"""Find the numbers in a text that could be claims, with their exact spans and sentences.

Numbers that are not figures are dropped: dates and years, clock times and UTC offsets,
document, paragraph and article numbers, ordinals, ages, list markers, war names ("44-Day
War"), model codes ("PMN-2", "E-001M") and durations ("past 30 years").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analysis.extract.dates import MONTH_PATTERN
from analysis.extract.numbers import Quantity, expression_matches, quantity_of
from analysis.extract.sentences import quote_span, sentence_spans

MONTHS = MONTH_PATTERN
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?"
_YEAR = r"(?:1[89]|20|21)\d{2}"
COUNT_NOUNS = (
    r"people|persons|citizens|civilians|victims|children|women|men|mines|landmines|"
    r"servicemen|soldiers|journalists|reporters|Azerbaijanis|Armenians|hectares|incidents|"
    r"explosions|maps|devices|munitions|families|houses|households"
)
_DURATION = r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b"
_REFERENCES = (
    "paragraphs?|articles?|sections?|clauses?|chapters?|points?|parts?|items?|annex|"
    "resolutions?|rules?|protocols?"
)
_SMALL_NUMBERS = "one|two|three|four|five|six|seven|eight|nine|ten|thirty|twenty|forty|fifty"


def _words(alternation: str) -> str:
    """The ``alternation`` of words behind a quick test of their first letters, which most
    words fail."""
    first_letters = "".join(sorted({word[0] for word in alternation.split("|")}))
    return f"(?=[{first_letters}])(?:{alternation})"


# A non-claim begins either with its number ...
_NUMBER_FIRST = (
    r"\b\d{4}-\d{2}-\d{2}\b",  # ISO date
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",  # 10/11/2020
    rf"\b{_DAY}\s+(?:{MONTHS})\b\.?(?:\s*,?\s*{_YEAR})?",  # 25 October 2022
    rf"(?<![\d,.]){_YEAR}s?(?![\d,.]\d)(?!\s+(?:{COUNT_NOUNS})\b)",  # a year
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b",  # clock time
    r"\b\d+/\d+\b",  # 493/22
    r"\b\d+(?:st|nd|rd|th)\b",  # ordinals
    r"(?i:\b\d{1,3}[-\s]years?[-\s]old\b)",  # ages: "18 years old"
    r"(?m:^\d{1,3}[.)](?=\s))",  # list marker
    r"(?i:\b\d+-day\b)",  # 44-Day War
    r"\b\d+[A-Za-z]+\d*\b",  # 001M, 2A
    rf"(?i:\b\d+{_DURATION})",  # durations: "30 years"
)
# ... or with a word, a bracket or indentation before it.
_WORD_FIRST = (
    rf"\b(?:{MONTHS})\.?\s+{_DAY}(?:\s*,?\s*{_YEAR})?\b",  # November 10, 2020
    rf"\b(?:{MONTHS}),?\s+{_YEAR}\b",  # September 2022
    r"\b(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?",  # UTC offset
    r"\bNo\s*[:.]?\s*\d+(?:/\d+)*",  # document number
    rf"(?i:\b{_words(_REFERENCES)}\s+\d+(?:[.\-]\d+)*)",  # paragraph 4, Article 120.2.7
    r"\(\s*\d{1,3}\s*\)",  # ages after a name: "Rafail Bayramov (46)"
    r"(?i:\baged?\s+(?:of\s+)?\d{1,3}\b)",  # ages: "aged 46"
    r"(?m:^[ \t]+\d{1,3}[.)](?=\s))",  # indented list marker
    # (A possessive {0,9}+: a shorter run of letters would be followed by a letter, not "-".)
    r"\b[A-Za-z][A-Za-z]{0,9}+\s?-\s?\d+[A-Za-z]*(?:\s[A-Z]\b)?",  # PMN-2, E-001 M
    rf"(?i:\b{_words(_SMALL_NUMBERS)}{_DURATION})",  # durations: "two years"
)


def _alternatives(patterns: tuple[str, ...]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


# Where several patterns match, the first listed wins. A number-first pattern only matches at
# a digit and a word-first one never does, so splitting them changes no match. The search tries
# the first list at digits only, the second elsewhere, and neither where no pattern can start:
# every one starts at a word, a year ("1", "2"), a bracket or a line. Prose costs little.
NON_CLAIMS = re.compile(
    r"(?=\b\w|[12(]|(?m:^))"
    rf"(?:(?=\d)(?:{_alternatives(_NUMBER_FIRST)})|(?!\d)(?:{_alternatives(_WORD_FIRST)}))"
)
# No non-claim pattern starts further before its number ("paragraphs ", "September ") or
# ends further after it (" September, 2022") than these.
NON_CLAIM_BEFORE = 16
NON_CLAIM_AFTER = 24
# The same, but only where more than NON_CLAIM_AFTER characters are left: in a window ending
# that far after a number, before the number's end. A match starting later cannot overlap the
# number; there the length test fails at once, where the patterns would be tried.
_NON_CLAIMS_BEFORE_END = re.compile(rf"(?=(?s:.){{{NON_CLAIM_AFTER + 1}}})(?:{NON_CLAIMS.pattern})")


@dataclass(frozen=True)
class Mention:
    quantity: Quantity
    sentence: str
    sentence_start: int
    sentence_end: int


def _is_non_claim(text: str, start: int, end: int) -> bool:
    """Whether a non-claim pattern (date, code, age ...) overlaps the number at
    ``text[start:end]``.

    Only a window around the number is searched, so the cost follows the number of figures,
    not the length of the text. The window starts at a space, so no pattern is entered
    halfway.
    """
    stop, patterns = end + NON_CLAIM_AFTER, _NON_CLAIMS_BEFORE_END
    if stop > len(text):  # the window is cut short by the end of the text
        stop, patterns = len(text), NON_CLAIMS
    # Most numbers that are not claims (years, dates, times) begin a non-claim. Then so much is
    # sure: searching the window could find that match, or one before overlapping the number.
    if patterns.match(text, start, stop):
        return True
    begin = max(0, start - NON_CLAIM_BEFORE)
    space = text.rfind(" ", max(0, begin - NON_CLAIM_BEFORE), begin)
    begin = space if space >= 0 else begin
    for match in patterns.finditer(text, begin, stop):
        if match.start() >= end:
            return False
        if match.end() > start:
            return True
    return False


def find_mentions(text: str) -> list[Mention]:
    """Numbers that may be claims, in text order, each with its sentence."""
    sentences = sentence_spans(text)
    sentence_starts = [start for start, _ in sentences]
    # Dates, codes and the like go first: they are most numbers, and need no value worked out.
    figures = [m for m in expression_matches(text) if not _is_non_claim(text, m.start(), m.end())]
    mentions = []
    for quantity in map(quantity_of, figures):
        if quantity is None:
            continue
        index = max(0, bisect.bisect_right(sentence_starts, quantity.start) - 1)
        sentence = sentences[index] if sentences else (0, len(text))
        start, end = quote_span(text, sentence, quantity.start, quantity.end)
        mentions.append(Mention(quantity, text[start:end], start, end))
    return mentions
