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
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from analysis.extract.cues import Choices, Cue, any_of, any_word_of, choices
from analysis.extract.dates import month_number
from analysis.extract.mentions import Mention
from analysis.extract.sentences import MAX_QUOTE_CHARS, sentence_spans
from analysis.schema import CEASEFIRE_DATE, METRIC_UNITS, vocabulary

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


@dataclass(frozen=True)
class Cues:
    groups: Choices[str]
    named_groups: Choices[str]  # the groups but "general"
    events: Choices[str]
    people_metrics: dict[str, dict[str, str]]
    subgroup_before: Cue
    group_predicate: Cue
    nouns: Choices[tuple[str, str]]  # ("thing", kind) then ("people", group)
    mine_metrics: dict[str, Cue]
    maps_metric: Choices[str]
    percent_metrics: Choices[str]
    area_cleared: Cue
    devices: Choices[str]
    areas: Choices[str]
    area_back_reference: Cue
    periods: Choices[str]
    period_back_reference: re.Pattern[str]
    periodic: frozenset[str]
    count_phrase: Cue
    direct_event: re.Pattern[str]
    verb: Cue


@cache
def cues() -> Cues:
    raw: dict[str, Any] = vocabulary()["classify"]
    groups = choices(raw["groups"], any_word_of)
    things = choices(raw["things"], any_word_of)
    return Cues(
        groups=groups,
        named_groups=Choices((g, cue) for g, cue in groups.cues.items() if g != "general"),
        events=choices(raw["events"], any_word_of),
        people_metrics=raw["people_metrics"],
        subgroup_before=Cue(r"(?:" + "|".join(raw["subgroup_before"]) + r")\s*$"),
        group_predicate=Cue(
            raw["group_predicate"]
            + r"(?P<group>"
            + "|".join(p for g, ps in raw["groups"].items() if g != "general" for p in ps)
            + r")\b"
        ),
        nouns=Choices(
            [(("thing", kind), cue) for kind, cue in things.cues.items()]
            + [(("people", group), cue) for group, cue in groups.cues.items()]
        ),
        mine_metrics={name: any_of(p) for name, p in raw["mine_metrics"].items()},
        maps_metric=choices(raw["maps_metric"]),
        percent_metrics=choices(raw["percent_metrics"]),
        area_cleared=any_of(raw["area_cleared"]),
        devices=choices(raw["devices"]),
        areas=choices(raw["areas"]),
        area_back_reference=Cue(raw["area_back_reference"]),
        periods=choices(raw["periods"]),
        period_back_reference=re.compile(raw["period_back_reference"], re.IGNORECASE),
        periodic=frozenset(raw["periodic"]),
        count_phrase=Cue(raw["count_phrase"]),
        direct_event=re.compile(
            r"\s*(?:(?:were|was|are|is|have been|had been|have|has)\s+)?(?:"
            + "|".join(p for ps in raw["events"].values() for p in ps)
            + r")\b",
            re.IGNORECASE,
        ),
        verb=Cue(raw["verbs"]),
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
            month = month_number(match["month"])
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
