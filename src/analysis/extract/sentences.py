"""Sentences of a statement, and the quote of a figure: one rule for rule and reviewed rows."""

from __future__ import annotations

import functools
import re

MAX_QUOTE_CHARS = 600  # longer sentences are quoted as a window around the figure
SENTENCE_END = re.compile(r"(?<=[.!?])(?P<close>[\"”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])|\n")


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


def quote_span(
    text: str, sentence: tuple[int, int], figure_start: int, figure_end: int
) -> tuple[int, int]:
    """The sentence, or for an overlong one (a text without punctuation) a window of it
    around the number, cut at spaces: a quote stays readable and its size bounded."""
    start, end = min(sentence[0], figure_start), max(sentence[1], figure_end)
    if end - start <= MAX_QUOTE_CHARS:
        return start, end
    half = MAX_QUOTE_CHARS // 2
    left = max(start, figure_start - half)
    right = min(end, figure_end + half)
    space = text.find(" ", left, figure_start)
    left = space + 1 if space >= 0 else left
    space = text.rfind(" ", figure_end, right)
    right = space if space >= 0 else right
    return left, right


def sentence_of(text: str, position: int) -> tuple[int, int]:
    """(start, end) of the sentence of ``text`` that holds ``position``."""
    for start, end in sentence_spans(text):
        if start <= position < end:
            return start, end
    return 0, len(text)


def quote_of(text: str, figure_start: int, figure_end: int) -> str:
    """The quote of the figure at ``text[figure_start:figure_end]``: its sentence, or a
    bounded window of an overlong one."""
    start, end = quote_span(text, sentence_of(text, figure_start), figure_start, figure_end)
    return text[start:end]
