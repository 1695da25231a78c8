"""Find the numbers in a text that could be claims, with their exact spans and sentences.

Numbers that are not figures are dropped: dates and years, clock times and UTC offsets,
document, paragraph and article numbers, ordinals, ages, list markers, war names ("44-Day
War"), model codes ("PMN-2", "E-001M") and durations ("past 30 years").
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from analysis.numbers import Quantity, find_quantities

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?"
_YEAR = r"(?:1[89]|20|21)\d{2}"
COUNT_NOUNS = (
    r"people|persons|citizens|civilians|victims|children|women|men|mines|landmines|"
    r"servicemen|soldiers|journalists|reporters|Azerbaijanis|Armenians|hectares|incidents|"
    r"explosions|maps|devices|munitions|families|houses|households"
)
NON_CLAIMS = re.compile(
    "|".join(
        rf"(?:{pattern})"
        for pattern in (
            r"\b\d{4}-\d{2}-\d{2}\b",  # ISO date
            r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",  # 10/11/2020
            rf"\b(?:{MONTHS})\.?\s+{_DAY}(?:\s*,?\s*{_YEAR})?\b",  # November 10, 2020
            rf"\b{_DAY}\s+(?:{MONTHS})\b\.?(?:\s*,?\s*{_YEAR})?",  # 25 October 2022
            rf"\b(?:{MONTHS}),?\s+{_YEAR}\b",  # September 2022
            rf"(?<![\d,.]){_YEAR}s?(?![\d,.]\d)(?!\s+(?:{COUNT_NOUNS})\b)",  # a year
            r"\b\d{1,2}:\d{2}(?::\d{2})?\b",  # clock time
            r"\b(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?",  # UTC offset
            r"\bNo\s*[:.]?\s*\d+(?:/\d+)*",  # document number
            r"\b\d+/\d+\b",  # 493/22
            r"(?i:\b(?:paragraphs?|articles?|sections?|clauses?|chapters?|points?|parts?|"
            r"items?|annex|resolutions?|rules?|protocols?)\s+\d+(?:[.\-]\d+)*)",
            r"\b\d+(?:st|nd|rd|th)\b",  # ordinals
            r"\(\s*\d{1,3}\s*\)",  # ages after a name: "Rafail Bayramov (46)"
            r"(?i:\b\d{1,3}[-\s]years?[-\s]old\b|\baged?\s+(?:of\s+)?\d{1,3}\b)",
            r"(?m:^[ \t]*\d{1,3}[.)](?=\s))",  # list marker
            r"(?i:\b\d+-day\b)",  # 44-Day War
            r"\b[A-Za-z][A-Za-z]{0,9}\s?-\s?\d+[A-Za-z]*(?:\s[A-Z]\b)?",  # PMN-2, E-001 M
            r"\b\d+[A-Za-z]+\d*\b",  # 001M, 2A
            r"(?i:\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|thirty|twenty|"
            r"forty|fifty)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b)",
        )
    )
)
# No non-claim pattern starts further before its number ("paragraphs ", "September ") or
# ends further after it (" September, 2022") than these.
NON_CLAIM_BEFORE = 16
NON_CLAIM_AFTER = 24
MAX_QUOTE_CHARS = 600  # longer sentences are quoted as a window around the figure
SENTENCE_END = re.compile(r"(?<=[.!?])(?P<close>[\"”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])|\n")


@dataclass(frozen=True)
class Mention:
    quantity: Quantity
    sentence: str
    sentence_start: int
    sentence_end: int


@functools.lru_cache(maxsize=4)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence, trimmed of surrounding white space.

    Cached: extraction and classification both ask for the spans of the same text.
    """
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.start() + len(match.group("close") or "")))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end:
            trimmed.append((begin, end))
    return tuple(trimmed)


def _is_non_claim(text: str, quantity: Quantity) -> bool:
    """Whether a non-claim pattern (date, code, age ...) overlaps the quantity.

    Only a window around the number is searched, so the cost follows the number of figures,
    not the length of the text. The window starts at a space, so no pattern is entered
    halfway.
    """
    begin = max(0, quantity.start - NON_CLAIM_BEFORE)
    space = text.rfind(" ", max(0, begin - NON_CLAIM_BEFORE), begin)
    begin = space if space >= 0 else begin
    end = min(len(text), quantity.end + NON_CLAIM_AFTER)
    for match in NON_CLAIMS.finditer(text, begin, end):
        if match.start() >= quantity.end:
            return False
        if match.end() > quantity.start:
            return True
    return False


def _quote_span(text: str, sentence: tuple[int, int], quantity: Quantity) -> tuple[int, int]:
    """The sentence, or for an overlong one (a text without punctuation) a window of it
    around the number, cut at spaces: a quote stays readable and its size bounded."""
    start, end = min(sentence[0], quantity.start), max(sentence[1], quantity.end)
    if end - start <= MAX_QUOTE_CHARS:
        return start, end
    half = MAX_QUOTE_CHARS // 2
    left = max(start, quantity.start - half)
    right = min(end, quantity.end + half)
    space = text.find(" ", left, quantity.start)
    left = space + 1 if space >= 0 else left
    space = text.rfind(" ", quantity.end, right)
    right = space if space >= 0 else right
    return left, right


def find_mentions(text: str) -> list[Mention]:
    """Numbers that may be claims, in text order, each with its sentence."""
    sentences = sentence_spans(text)
    sentence_starts = [start for start, _ in sentences]
    mentions = []
    for quantity in find_quantities(text):
        if _is_non_claim(text, quantity):
            continue
        index = max(0, bisect.bisect_right(sentence_starts, quantity.start) - 1)
        sentence = sentences[index] if sentences else (0, len(text))
        start, end = _quote_span(text, sentence, quantity)
        mentions.append(Mention(quantity, text[start:end], start, end))
    return mentions
