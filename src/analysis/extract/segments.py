"""Layer 1 of the rules: paragraphs, sentences and clauses of a statement, as an analyst reads them.

A statement copied from a PDF breaks its lines in mid-sentence; a line break is read as a
space, so a sentence is whole again. A blank line ends a paragraph, and a numbered or bulleted
line is a unit of its own ("1. Aghdam - 38 mines;"). Offsets always point into the raw text:
the rules read :func:`flat` (the text with its line breaks as spaces, of the same length).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cache

from analysis.schema import vocabulary

# A blank line ends a paragraph; so does a line break after the end of a sentence (scraped
# pages put one paragraph on a line). Inside a sentence a line break is a space.
LINE_BREAK = re.compile(r"\n\s*")
SENTENCE_FINAL = ".!?"
CLOSING = '"”’)] \t\r'
# A line of key figures: a figure, a pipe, what it counts ("31 | people killed").
FIGURE_ROW = re.compile(
    r"[^\S\n]*[~<>≈]?\d[\d,.]*(?:[^\S\n]*[^\s|]{1,4})?[^\S\n]*\|[^|\n]*[A-Za-z][^|\n]*$"
)
# A line of key figures without the pipe: a figure and some words that end no phrase half
# way ("1,204 killed", "37% women", "483 minefield records received since 2021"), when the
# next line opens with a figure as well.
# (a figure may open with its qualifier: "Around 5,800 ha suspected along the border")
_FIGURE_START = (
    r"(?i:(?:about|around|approximately|nearly|almost|over|some|roughly|more\s+than|up\s+to"
    r"|at\s+least|under|fewer\s+than|less\s+than)[^\S\n]+)?[~<>≈]?\d"
)
FIGURE_LINE = re.compile(
    rf"[^\S\n]*{_FIGURE_START}[\d,.]*(?:[^\S\n]*%)?(?:[^\S\n]+[A-Za-z][\w'’-]*)"
    r"(?:[^\S\n]+[^\s.;:!?]+){0,15}[^\S\n]*$"
)
FIGURE_LINE_NEXT = re.compile(_FIGURE_START)
# A row of a table or list: a "Label: value" line whose value is a number ("Fuzuli: 877").
LABEL_ROW = re.compile(r"\s*[A-Za-z][^:;.!?\n]{0,80}:[^\S\n]*[~<>≈+]?\d")
# A list item's marker: its number, or a bullet (a dash, a star, or a symbol or emoji such as
# "•", "▪", "►", "✓", "✅", with its variation selector).
BULLET = "(?:[-*•‣⁃]|[\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff])\ufe0f?"
LIST_MARKER_PATTERN = rf"(?:\d{{1,2}}[.)]|{BULLET})"
LIST_ITEM = re.compile(rf"\n(?=[ \t]*{LIST_MARKER_PATTERN}\s)")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a statement: ``flat[start:end]``, in paragraph ``paragraph``."""

    start: int
    end: int
    paragraph: int
    list_item: bool  # the sentence is (the start of) an item of a numbered or bulleted list
    first_of_paragraph: bool


# A full stop, question or exclamation mark (and closing quotes or brackets), then space and a
# capital, a digit or an opening quote. The dot of an abbreviation or initial is told apart
# after the match (a look-behind would need one width for all of them).
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
LIST_MARKER = re.compile(rf"[ \t]*{LIST_MARKER_PATTERN}\s")


@cache
def _unfinished_line_ends() -> frozenset[str]:
    return frozenset(vocabulary()["classify"]["unfinished_line_ends"])


@cache
def _abbreviation() -> re.Pattern[str]:
    words = "|".join(vocabulary()["classify"]["abbreviations"])
    return re.compile(rf"(?:\b(?:{words})|\b[A-Z])\.$")


def flat(text: str) -> str:
    """The text with every line break and tab as a space, and dot leaders as a label's colon
    ("casualties ........ 7" reads "casualties:        7"): the same length, so offsets hold."""
    line = text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    if "..." not in line:
        return line
    return DOT_LEADER.sub(lambda m: ":" + " " * (len(m.group()) - 1), line)


# A heading between rules, as in a text export or Markdown: "--- CLEARANCE ---", "## Results".
# (A rule alone, a line of dashes under a table's header, is no heading.)
RULED_HEADING = re.compile(
    r"[^\S\n]*(?:[-=*~#_]{3,}[^\S\n]*[^\W\d_][^\n]*?[-=*~#_]{3,}|#{1,6}[^\S\n][^\n]*)[^\S\n]*"
)
RULE_ENDS = re.compile(r"^[\s\-=*~#_]+|[\s\-=*~#_]+$")


def without_rules(heading: str) -> str:
    """The words of a heading without the rules around them ("--- CLEARANCE ---", "## Results")."""
    return RULE_ENDS.sub("", heading)


# Dot leaders between a label and its figure, as in a table of figures or contents.
DOT_LEADER = re.compile(r"(?<=[^\s.])[^\S\n]*(?:\.[^\S\n]?){3,}[^\S\n]*(?=[~<>≈+\-−]?\d)")


def _ends_a_figure_row(text: str, start: int, end: int, after: int) -> bool:
    """Whether the line ending at ``end`` (not before ``start``) is a line of key figures (in
    a block of them if the next line begins at ``after``) or a heading between rules."""
    line = text[max(start, text.rfind("\n", start, end) + 1) : end]
    if (
        FIGURE_ROW.match(line)
        or ("..." in line and DOT_LEADER.search(line))
        or RULED_HEADING.fullmatch(line)
    ):
        return True
    return (
        FIGURE_LINE.match(line) is not None
        and line.split()[-1].lower() not in _unfinished_line_ends()
        and FIGURE_LINE_NEXT.match(text, after) is not None
    )


@functools.lru_cache(maxsize=4)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each paragraph of ``text``: a blank line, or a line break after a
    sentence's end, ends one. (Cached: the rules ask for the paragraphs of a text twice.)"""
    spans, start = [], 0
    for match in LINE_BREAK.finditer(text):
        blank = "\n" in match.group()[1:]
        if not blank:
            before = text[max(start, match.start() - 8) : match.start()].rstrip(CLOSING)
            if (not before or before[-1] not in SENTENCE_FINAL) and not _ends_a_figure_row(
                text, start, match.start(), match.end()
            ):
                continue  # a line break inside a sentence: a space (not after "31 | killed")
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return tuple(spans)


def sentences(
    text: str, wanted: set[int] | None = None, line: str | None = None
) -> tuple[Sentence, ...]:
    """Every sentence of ``text`` in order, trimmed of white space; with ``wanted``, only those
    of the paragraphs with these indexes (``line`` is ``flat(text)``, if known)."""
    found: list[Sentence] = []
    line = flat(text) if line is None else line
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        if wanted is None or index in wanted:
            _paragraph_sentences(text, line, p_start, p_end, index, found)
    return tuple(found)


def _paragraph_sentences(
    text: str, line: str, p_start: int, p_end: int, index: int, found: list[Sentence]
) -> None:
    abbreviation = _abbreviation()
    first = True
    items = [m.end() for m in LIST_ITEM.finditer(text, p_start, p_end)]
    # An indented "label: value" row is an item of the row above it ("items destroyed ... 1,318"
    # over "  anti-tank mines ... 3")
    indented = text[text.rfind("\n", 0, p_start) + 1 : p_start] != "" and bool(
        LABEL_ROW.match(line, p_start, p_end)
    )
    for i_start, i_end in zip([p_start, *items], [*(i - 1 for i in items), p_end], strict=True):
        is_item = bool(LIST_MARKER.match(line, i_start, i_end)) or (indented and i_start == p_start)
        start = i_start
        for match in SENTENCE_END.finditer(line, i_start, i_end):
            if abbreviation.search(line, max(start, match.start() - 12), match.start()):
                continue  # "Dr. Holm", "No. 5"
            if LIST_MARKER.fullmatch(line, start, match.start() + 1):
                continue  # "1. Aghdam": the number of a list item
            _add(found, line, start, match.start(), index, is_item, first)
            first, is_item = False, False
            start = match.end()
        _add(found, line, start, i_end, index, is_item, first)
        first = False


def _add(
    found: list[Sentence], line: str, start: int, end: int, paragraph: int, item: bool, first: bool
) -> None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if start < end:
        found.append(Sentence(start, end, paragraph, item, first))


@cache
def _clause_break() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in vocabulary()["classify"]["clause_breaks"])
    # ";" and ":" end a clause, but not inside a number or time ("12:00"), nor inside brackets
    # ("(killed: 12; injured: 33)": one breakdown).
    return re.compile(rf"(?:(?:;|:(?!\d))(?![^()\n]*\))|{words})", re.IGNORECASE)


def clauses(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each clause of the sentence ``line[start:end]``: split at ";", ":" and
    where a new predicate follows a comma (", and", ", while", ", of whom" ...)."""
    bounds, begin = [], start
    for match in _clause_break().finditer(line, start, end):
        bounds.append((begin, match.start()))
        begin = match.start() + 1  # the words of the break ("and", "of whom") open the next
    bounds.append((begin, end))
    return [(s, e) for s, e in bounds if e > s]
