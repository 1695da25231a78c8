"""Assign metric, period, area and device to each mention from the words around it.

The cue words live in ``vocabulary.yml`` (``classify``); this module only applies them. A number
that fits no metric of the vocabulary is not a claim (its classification is None).

Cue patterns are case-insensitive, and for those ``re`` has no fast scan: it tries the pattern at
every character. But the matches of most cues begin with one of a few words ("lachin", "since
the"): a case-sensitive scan of the lower-cased text finds these quickly, and a cue is only
tried where one stands. What a sentence says for all its figures (period, area) is worked out
once. The figures of a text are taken step by step (the noun each counts, then its metric, then
period, area and device): a step runs the same few patterns over and over, which is faster than
running them all for one figure after the other.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from re import _parser  # the parse tree of a pattern, to find the words its matches begin with
from typing import Any, Generic, TypeVar

from analysis.extract import MAX_QUOTE_CHARS, Mention, sentence_spans
from analysis.schema import CEASEFIRE_DATE, METRIC_UNITS, vocabulary

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, start=1)}
NOUN_WINDOW = 80  # characters after a number in which its noun is looked for
CLAUSE_END = re.compile(r"[.;:!?]")
INCLUDING = re.compile(r"\s*,\s*including\b", re.IGNORECASE)
OTHER_CLAUSE = re.compile(r"[,;]|\bwho\b|\bwhich\b")
DIGIT = re.compile(r"\d")
HEAD_WORDS = 5  # words after a number in which its noun is looked for


@dataclass(frozen=True)
class Classification:
    metric: str
    unit: str
    period: str
    period_start: str | None
    period_end: str | None
    area: str | None
    device: str | None


_ZERO_WIDTH = (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT)  # \b, ^, look-arounds
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)


def _beginnings(nodes: Any) -> frozenset[str] | None:
    """Lower-case ASCII text one of which begins every match of the parsed pattern ``nodes``,
    or None when a match may begin with anything."""
    for index, (op, value) in enumerate(nodes):
        if op in _ZERO_WIDTH:
            continue
        rest = list(nodes[index + 1 :])
        if op is _parser.LITERAL:
            chars = []
            for op, value in nodes[index:]:
                if op is not _parser.LITERAL or not chr(value).isascii():
                    break
                chars.append(chr(value))
            if not chars:
                return None
            text = "".join(chars).lower()
            more = _beginnings(list(nodes[index + len(chars) :]))  # "T(?:artar|erter)"
            return frozenset([text]) if more is None else frozenset(text + m for m in more)
        if op is _parser.SUBPATTERN:  # a group: (number, flags added, flags removed, nodes)
            return _beginnings(list(value[3]) + rest)
        if op is _parser.BRANCH:
            found: set[str] = set()
            for branch in value[1]:
                beginnings = _beginnings(list(branch) + rest)
                if beginnings is None:
                    return None
                found |= beginnings
            return frozenset(found)
        if op in _REPEATS:  # (least, most, nodes): the repeated part or, if optional, the rest
            repeated = _beginnings(value[2])
            if value[0] > 0 or repeated is None:
                return repeated
            after = _beginnings(rest)
            return None if after is None else repeated | after
        return None
    return None  # a match may be empty


def _lowers_faithfully(text: str) -> bool:
    """Whether ``text.lower()`` is as long as ``text`` and turns each letter that a
    case-insensitive pattern takes for an ASCII letter into that letter: true unless the text
    holds "İ", "ı" or "ſ"."""
    return text.isascii() or not ("İ" in text or "ı" in text or "ſ" in text)


def _finder(words: Iterable[str]) -> re.Pattern[str]:
    """A case-sensitive pattern finding the longest of ``words`` that begins at a place.

    The words are laid out as a tree of their common beginnings ("since (?:the |10 )"), so
    that at each place only a few of them are tried."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def alternatives(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + alternatives(rest) for char, rest in node.items() if char]
        if "" in node:  # longest first: the word ending here comes after its longer ones
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return re.compile(alternatives(tree))


class _Cue:
    """A case-insensitive cue pattern, tried only where its matches can begin.

    ``re`` has no fast scan for a case-insensitive pattern: it tries the whole pattern at every
    character. But every match of most cue patterns begins with one of a few words ("since
    the", "lachin"), which a case-sensitive scan of the lower-cased text finds quickly; the
    pattern is tried only there.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern, re.IGNORECASE)
        # The words every match begins with (None if unknown: then the pattern is searched),
        # but those found through a shorter one at their start.
        self.beginnings: tuple[str, ...] | None = None
        self._finder: re.Pattern[str] | None = None
        beginnings = _beginnings(_parser.parse(pattern, re.IGNORECASE))
        if beginnings is not None:
            self.beginnings = tuple(
                sorted(
                    b for b in beginnings if not any(b != o and b.startswith(o) for o in beginnings)
                )
            )
            self._finder = _finder(self.beginnings)

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """The same as ``self.pattern.search(text)``; ``lowered`` is ``text.lower()``."""
        if self._finder is None or not _lowers_faithfully(text):
            return self.pattern.search(text)
        if lowered is None:
            lowered = text.lower()
        place = self._finder.search(lowered)
        while place:
            match = self.pattern.match(text, place.start())
            if match:
                return match
            place = self._finder.search(lowered, place.start() + 1)
        return None


def _cue(patterns: list[str]) -> _Cue:
    return _Cue("|".join(f"(?:{p})" for p in patterns))


def _word_cue(patterns: list[str]) -> _Cue:
    return _Cue(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w-])")


Name = TypeVar("Name")


class _Choices(Generic[Name]):
    """Named cues of one kind (the groups of people, the areas ...), in vocabulary order."""

    def __init__(self, cues: Iterable[tuple[Name, _Cue]]) -> None:
        self.cues = dict(cues)
        # One scan finds the places where some cue may match, by the word there: the cues it
        # may begin are those with a beginning at the start of that word.
        self._finder: re.Pattern[str] | None = None
        if self.cues and all(cue.beginnings for cue in self.cues.values()):
            words = {b for cue in self.cues.values() for b in cue.beginnings}
            self._finder = _finder(words)
            self._cues_at = {
                word: [(n, c) for n, c in self.cues.items() if word.startswith(c.beginnings)]
                for word in words
            }

    def search(self, text: str) -> tuple[Name, int] | None:
        """The name and start of the cue matching earliest in ``text`` (ties: vocabulary
        order)."""
        if self._finder is None or not _lowers_faithfully(text):
            best: tuple[Name, int] | None = None
            for name, cue in self.cues.items():
                match = cue.pattern.search(text)
                if match and (best is None or match.start() < best[1]):
                    best = name, match.start()
            return best
        lowered = text.lower()
        place = self._finder.search(lowered)
        while place:
            start = place.start()
            for name, cue in self._cues_at[place.group()]:
                if cue.pattern.match(text, start):
                    return name, start
            place = self._finder.search(lowered, start + 1)
        return None

    def first(self, text: str) -> Name | None:
        """The name of the cue matching earliest in ``text`` (ties: vocabulary order)."""
        found = self.search(text)
        return None if found is None else found[0]

    def any_match(self, text: str) -> tuple[Name, re.Match[str]] | None:
        """The first name (vocabulary order) whose cue matches anywhere in ``text``, and the
        match."""
        lowered = text.lower()
        if self._finder and _lowers_faithfully(text) and not self._finder.search(lowered):
            return None  # no cue begins anywhere: the usual case, settled in one scan
        for name, cue in self.cues.items():
            match = cue.search(text, lowered)
            if match:
                return name, match
        return None

    def any(self, text: str) -> Name | None:
        """The first name (vocabulary order) whose cue matches anywhere in ``text``."""
        found = self.any_match(text)
        return None if found is None else found[0]

    def all(self, text: str) -> set[Name]:
        """The names whose cue matches anywhere in ``text``."""
        if self._finder is None or not _lowers_faithfully(text):
            return {name for name, cue in self.cues.items() if cue.pattern.search(text)}
        lowered = text.lower()
        found = set()
        place = self._finder.search(lowered)
        while place:
            start = place.start()
            for name, cue in self._cues_at[place.group()]:
                if name not in found and cue.pattern.match(text, start):
                    found.add(name)
            place = self._finder.search(lowered, start + 1)
        return found

    def at_start(self, text: str) -> Name | None:
        """The first name (vocabulary order) whose cue matches at the start of ``text``."""
        return next((name for name, cue in self.cues.items() if cue.pattern.match(text)), None)

    def last(self, text: str) -> Name | None:
        """The name of the cue whose last match ends latest in ``text``."""
        best, best_end = None, -1
        for name, cue in self.cues.items():
            for match in cue.pattern.finditer(text):
                if match.end() > best_end:
                    best, best_end = name, match.end()
        return best


def _choices(raw: dict[str, list[str]], make: Callable[[list[str]], _Cue] = _cue) -> _Choices[str]:
    return _Choices((name, make(patterns)) for name, patterns in raw.items())


@dataclass(frozen=True)
class Cues:
    groups: _Choices[str]
    named_groups: _Choices[str]  # the groups but "general"
    events: _Choices[str]
    people_metrics: dict[str, dict[str, str]]
    subgroup_before: _Cue
    group_predicate: _Cue
    nouns: _Choices[tuple[str, str]]  # ("thing", kind) then ("people", group)
    mine_metrics: dict[str, _Cue]
    maps_metric: _Choices[str]
    percent_metrics: _Choices[str]
    area_cleared: _Cue
    devices: _Choices[str]
    areas: _Choices[str]
    area_back_reference: _Cue
    periods: _Choices[str]
    period_back_reference: re.Pattern[str]
    periodic: frozenset[str]
    count_phrase: _Cue
    direct_event: re.Pattern[str]
    verb: _Cue


@cache
def cues() -> Cues:
    raw: dict[str, Any] = vocabulary()["classify"]
    groups = _choices(raw["groups"], _word_cue)
    things = _choices(raw["things"], _word_cue)
    return Cues(
        groups=groups,
        named_groups=_Choices((g, cue) for g, cue in groups.cues.items() if g != "general"),
        events=_choices(raw["events"], _word_cue),
        people_metrics=raw["people_metrics"],
        subgroup_before=_Cue(r"(?:" + "|".join(raw["subgroup_before"]) + r")\s*$"),
        group_predicate=_Cue(
            raw["group_predicate"]
            + r"(?P<group>"
            + "|".join(p for g, ps in raw["groups"].items() if g != "general" for p in ps)
            + r")\b"
        ),
        nouns=_Choices(
            [(("thing", kind), cue) for kind, cue in things.cues.items()]
            + [(("people", group), cue) for group, cue in groups.cues.items()]
        ),
        mine_metrics={name: _cue(p) for name, p in raw["mine_metrics"].items()},
        maps_metric=_choices(raw["maps_metric"]),
        percent_metrics=_choices(raw["percent_metrics"]),
        area_cleared=_cue(raw["area_cleared"]),
        devices=_choices(raw["devices"]),
        areas=_choices(raw["areas"]),
        area_back_reference=_Cue(raw["area_back_reference"]),
        periods=_choices(raw["periods"]),
        period_back_reference=re.compile(raw["period_back_reference"], re.IGNORECASE),
        periodic=frozenset(raw["periodic"]),
        count_phrase=_Cue(raw["count_phrase"]),
        direct_event=re.compile(
            r"\s*(?:(?:were|was|are|is|have been|had been|have|has)\s+)?(?:"
            + "|".join(p for ps in raw["events"].values() for p in ps)
            + r")\b",
            re.IGNORECASE,
        ),
        verb=_Cue(raw["verbs"]),
    )


class _Sentence:
    """The quoted sentence of some figures, and what it says for all of them (each worked
    out once, when first needed)."""

    def __init__(
        self,
        statement: str,
        sentences: tuple[tuple[int, int], ...],
        mention: Mention,
        statement_date: str | None,
    ) -> None:
        self.statement = statement
        self.sentences = sentences  # of the statement
        self.text = mention.sentence
        self.start = mention.sentence_start
        self.statement_date = statement_date

    @cached_property
    def previous(self) -> str:
        """The end of the sentence before ("" for the first)."""
        index = bisect.bisect_left(self.sentences, (self.start, -1))
        if index == 0:
            return ""
        begin, end = self.sentences[index - 1]
        return self.statement[max(begin, end - MAX_QUOTE_CHARS) : end]

    @cached_property
    def period(self) -> tuple[str, str | None, str | None]:
        """(period, start, end), from this sentence or, if it refers back, the one before."""
        c = cues()
        back_reference = c.period_back_reference.search(self.text)
        for text in (self.text, self.previous if back_reference else ""):
            found = c.periods.any_match(text)
            if found:
                return self._dated(*found)
        return "unspecified", None, None

    def _dated(self, name: str, match: re.Match[str]) -> tuple[str, str | None, str | None]:
        if name == "since_ceasefire":
            return name, CEASEFIRE_DATE, self.statement_date
        if name == "since_1990s":
            return name, None, self.statement_date
        if name == "year":
            year = match["year"]
            return name, f"{year}-01-01", f"{year}-12-31"
        if name == "window":
            month = MONTH_NUMBERS[match["month"].capitalize()]
            return name, f"{match['year']}-{month:02d}-01", self.statement_date
        return name, None, None

    @cached_property
    def area(self) -> str | None:
        """The area named in this sentence or, if it says "here" or "there", the one before."""
        c = cues()
        area = c.areas.any(self.text)
        if area is None and c.area_back_reference.search(self.text):
            area = c.areas.any(self.previous)
        return area


class _Context:
    """A mention and the parts of its sentence around it."""

    def __init__(
        self,
        text: str,
        mention: Mention,
        sentence: _Sentence,
        previous: Mention | None,  # the mention before, in the same sentence
        next_start: int,  # where the next mention of the sentence starts (or the sentence ends)
    ) -> None:
        quantity = mention.quantity
        self.mention = mention
        self.sentence = sentence
        self.previous = previous
        self.before = text[mention.sentence_start : quantity.start]
        self.after = text[quantity.end : mention.sentence_end]
        clause_start = previous.quantity.end if previous else mention.sentence_start
        self.clause_before = text[clause_start : quantity.start]
        self.clause_after = text[quantity.end : next_start]
        self.noun_phrase = self.after[:NOUN_WINDOW]


def _head(context: _Context) -> tuple[str, str] | None:
    """("people", group) or ("thing", kind): the noun the number counts.

    Looked for in the first few words after the number, before any verb; "45 killed" and
    "65, including ..." count people; "the number of mines exceeds 1 million" names its noun
    before the number.
    """
    c = cues()
    phrase = CLAUSE_END.split(context.noun_phrase, maxsplit=1)[0]
    if c.direct_event.match(phrase) or INCLUDING.match(phrase):
        return ("people", "general")
    predicate = c.group_predicate.pattern.match(phrase.lstrip())
    if predicate:  # "35 are civilians"
        return ("people", c.groups.first(predicate.group("group")) or "general")
    verb = c.verb.search(phrase)
    noun_phrase = " ".join(phrase[: verb.start() if verb else None].split()[:HEAD_WORDS])
    noun = c.nouns.search(noun_phrase)
    if noun is None:
        return _head_before(context)
    (category, name), position = noun
    if OTHER_CLAUSE.search(noun_phrase[:position]):
        return None  # the noun belongs to another clause
    if category == "people":
        # "civilians and military personnel": several groups in one noun phrase make a
        # general count ("38 women and 357 children" are two phrases: cut at the next number).
        own = DIGIT.split(noun_phrase[position:], maxsplit=1)[0]
        if len(c.named_groups.all(own)) > 1:
            name = "general"
    return (category, name)


def _head_before(context: _Context) -> tuple[str, str] | None:
    """ "the number of mines exceeds 1 million": the noun is named before the number."""
    c = cues()
    clause = context.clause_before
    match = c.count_phrase.search(clause)
    if not match:
        return None
    return c.nouns.at_start(clause[match.end() :].lstrip())


def _people_metric(
    context: _Context, group: str, parent_event: str | None
) -> tuple[str | None, str | None]:
    c = cues()
    predicate = c.group_predicate.search(context.clause_after)
    if predicate:
        named = c.groups.first(predicate.group("group"))
        if named and named != "general":
            group = named
    event = None
    # A part of the figure before ("including 3 journalists") takes its event.
    if parent_event and (predicate or c.subgroup_before.search(context.before)):
        event = parent_event
    if event is None:
        event = c.events.first(context.after) or c.events.last(context.before)
    if event is None:
        return None, None
    return c.people_metrics.get(group, {}).get(event), event


def classify_mentions(
    text: str, mentions: list[Mention], statement_date: str | None
) -> list[Classification | None]:
    """Classify every mention of one text, in order.

    Mentions are taken sentence by sentence, because a figure may take its event from the
    figure before it ("266 ... victims, of which 48 people died, including three reporters").
    """
    sentences = sentence_spans(text) if mentions else ()
    quoted: dict[tuple[int, int], _Sentence] = {}  # shared by the figures of a sentence
    contexts: list[_Context] = []
    for _, group in itertools.groupby(mentions, key=lambda m: m.sentence_start):
        in_sentence = list(group)
        for position, mention in enumerate(in_sentence):
            span = (mention.sentence_start, mention.sentence_end)
            if span not in quoted:
                quoted[span] = _Sentence(text, sentences, mention, statement_date)
            following = in_sentence[position + 1] if position + 1 < len(in_sentence) else None
            contexts.append(
                _Context(
                    text,
                    mention,
                    quoted[span],
                    previous=in_sentence[position - 1] if position else None,
                    next_start=following.quantity.start if following else mention.sentence_end,
                )
            )
    heads = [  # (shares and surfaces are told by their unit, not by a noun)
        None if context.mention.quantity.unit in ("percent", "hectares") else _head(context)
        for context in contexts
    ]
    metrics: list[str | None] = []
    parent_event = None  # the last event found in the sentence
    for context, head in zip(contexts, heads, strict=True):
        if context.previous is None:
            parent_event = None
        metric, event = _metric(context, head, parent_event)
        parent_event = event or parent_event
        metrics.append(metric)
    return [
        None if metric is None else _classification(metric, context)
        for metric, context in zip(metrics, contexts, strict=True)
    ]


def _classification(metric: str, context: _Context) -> Classification:
    """Period, area, device and unit of a mention whose metric is known."""
    c = cues()
    sentence = context.sentence
    period, start, end = sentence.period if metric in c.periodic else ("unspecified", None, None)
    device = None
    if METRIC_UNITS[metric] == "mines":
        device = c.devices.first(context.clause_after[: NOUN_WINDOW * 2]) or c.devices.first(
            context.clause_before[-40:]
        )
    unit = context.mention.quantity.unit or METRIC_UNITS[metric]
    return Classification(metric, unit, period, start, end, sentence.area, device)


def _metric(
    context: _Context, head: tuple[str, str] | None, parent_event: str | None
) -> tuple[str | None, str | None]:
    c = cues()
    quantity = context.mention.quantity
    sentence = context.sentence.text
    if quantity.unit == "percent":
        return c.percent_metrics.first(context.after) or c.percent_metrics.any(sentence), None
    if quantity.unit == "hectares":
        return ("area_cleared_ha" if c.area_cleared.search(sentence) else None), None
    if head is None:
        return None, None
    category, name = head
    if category == "people":
        return _people_metric(context, name, parent_event)
    if name == "mines":
        clause = context.clause_before + " " + context.clause_after
        if c.mine_metrics["mines_on_maps"].search(context.clause_before):
            return "mines_on_maps", None
        for metric in ("mines_found", "mines_laid"):
            if c.mine_metrics[metric].search(clause):
                return metric, None
        return "mines_laid", None
    if name == "maps":
        return c.maps_metric.any(sentence), None
    if name == "incidents":
        return "incidents", None
    return None, None
