"""Assign metric, period, area and device to each mention from the words around it.

The cue words live in ``vocabulary.yml`` (``classify``); this module only applies them. A number
that fits no metric of the vocabulary is not a claim (its classification is None).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

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


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _compile_words(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w-])", re.IGNORECASE
    )


@dataclass(frozen=True)
class Cues:
    groups: dict[str, re.Pattern[str]]
    any_group: re.Pattern[str]
    events: dict[str, re.Pattern[str]]
    people_metrics: dict[str, dict[str, str]]
    subgroup_before: re.Pattern[str]
    group_predicate: re.Pattern[str]
    things: dict[str, re.Pattern[str]]
    mine_metrics: dict[str, re.Pattern[str]]
    maps_metric: dict[str, re.Pattern[str]]
    percent_metrics: dict[str, re.Pattern[str]]
    area_cleared: re.Pattern[str]
    devices: dict[str, re.Pattern[str]]
    areas: dict[str, re.Pattern[str]]
    area_back_reference: re.Pattern[str]
    periods: dict[str, re.Pattern[str]]
    period_back_reference: re.Pattern[str]
    periodic: frozenset[str]
    count_phrase: re.Pattern[str]
    direct_event: re.Pattern[str]
    verb: re.Pattern[str]


@cache
def cues() -> Cues:
    raw: dict[str, Any] = vocabulary()["classify"]
    groups = {name: _compile_words(p) for name, p in raw["groups"].items()}
    return Cues(
        groups=groups,
        any_group=_compile_words([p for ps in raw["groups"].values() for p in ps]),
        events={name: _compile_words(p) for name, p in raw["events"].items()},
        people_metrics=raw["people_metrics"],
        subgroup_before=re.compile(
            r"(?:" + "|".join(raw["subgroup_before"]) + r")\s*$", re.IGNORECASE
        ),
        group_predicate=re.compile(
            raw["group_predicate"]
            + r"(?P<group>"
            + "|".join(p for g, ps in raw["groups"].items() if g != "general" for p in ps)
            + r")\b",
            re.IGNORECASE,
        ),
        things={name: _compile_words(p) for name, p in raw["things"].items()},
        mine_metrics={name: _compile(p) for name, p in raw["mine_metrics"].items()},
        maps_metric={name: _compile(p) for name, p in raw["maps_metric"].items()},
        percent_metrics={name: _compile(p) for name, p in raw["percent_metrics"].items()},
        area_cleared=_compile(raw["area_cleared"]),
        devices={name: _compile(p) for name, p in raw["devices"].items()},
        areas={name: _compile(p) for name, p in raw["areas"].items()},
        area_back_reference=re.compile(raw["area_back_reference"], re.IGNORECASE),
        periods={name: _compile(p) for name, p in raw["periods"].items()},
        period_back_reference=re.compile(raw["period_back_reference"], re.IGNORECASE),
        periodic=frozenset(raw["periodic"]),
        count_phrase=re.compile(raw["count_phrase"], re.IGNORECASE),
        direct_event=re.compile(
            r"\s*(?:(?:were|was|are|is|have been|had been|have|has)\s+)?(?:"
            + "|".join(p for ps in raw["events"].values() for p in ps)
            + r")\b",
            re.IGNORECASE,
        ),
        verb=re.compile(raw["verbs"], re.IGNORECASE),
    )


def _first(patterns: dict[str, re.Pattern[str]], text: str) -> str | None:
    """The name of the pattern matching earliest in ``text`` (ties: vocabulary order)."""
    best, best_at = None, None
    for name, pattern in patterns.items():
        match = pattern.search(text)
        if match and (best_at is None or match.start() < best_at):
            best, best_at = name, match.start()
    return best


def _last(patterns: dict[str, re.Pattern[str]], text: str) -> str | None:
    """The name of the pattern whose last match ends latest in ``text``."""
    best, best_end = None, -1
    for name, pattern in patterns.items():
        for match in pattern.finditer(text):
            if match.end() > best_end:
                best, best_end = name, match.end()
    return best


def _any(patterns: dict[str, re.Pattern[str]], text: str) -> str | None:
    """The first pattern name (vocabulary order) that matches anywhere."""
    return next((name for name, p in patterns.items() if p.search(text)), None)


@dataclass
class _Context:
    text: str
    mention: Mention
    previous: Mention | None  # the mention before, in the same sentence
    next_start: int  # where the next mention of the sentence starts (or the sentence ends)

    @property
    def before(self) -> str:
        return self.text[self.mention.sentence_start : self.mention.quantity.start]

    @property
    def after(self) -> str:
        return self.text[self.mention.quantity.end : self.mention.sentence_end]

    @property
    def clause_before(self) -> str:
        start = self.previous.quantity.end if self.previous else self.mention.sentence_start
        return self.text[start : self.mention.quantity.start]

    @property
    def clause_after(self) -> str:
        return self.text[self.mention.quantity.end : self.next_start]

    @property
    def noun_phrase(self) -> str:
        return self.after[:NOUN_WINDOW]


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
    predicate = c.group_predicate.match(phrase.lstrip())
    if predicate:  # "35 are civilians"
        return ("people", _first(c.groups, predicate.group("group")) or "general")
    noun_phrase = " ".join(c.verb.split(phrase, maxsplit=1)[0].split()[:HEAD_WORDS])
    candidates = []
    for category, patterns in (("thing", c.things), ("people", c.groups)):
        for name, pattern in patterns.items():
            match = pattern.search(noun_phrase)
            if match:
                candidates.append((match.start(), category, name))
    if not candidates:
        return _head_before(context)
    position, category, name = min(candidates, key=lambda item: item[0])
    if OTHER_CLAUSE.search(noun_phrase[:position]):
        return None  # the noun belongs to another clause
    if category == "people":
        # "civilians and military personnel": several groups in one noun phrase make a
        # general count ("38 women and 357 children" are two phrases: cut at the next number).
        own = DIGIT.split(noun_phrase[position:], maxsplit=1)[0]
        groups = {g for g, p in c.groups.items() if g != "general" and p.search(own)}
        if len(groups) > 1:
            name = "general"
    return (category, name)


def _head_before(context: _Context) -> tuple[str, str] | None:
    """ "the number of mines exceeds 1 million": the noun is named before the number."""
    c = cues()
    clause = context.clause_before
    match = c.count_phrase.search(clause)
    if not match:
        return None
    after = clause[match.end() :]
    for kind, pattern in c.things.items():
        if pattern.match(after.lstrip()):
            return ("thing", kind)
    for group, pattern in c.groups.items():
        if pattern.match(after.lstrip()):
            return ("people", group)
    return None


def _people_metric(
    context: _Context, group: str, parent_event: str | None
) -> tuple[str | None, str | None]:
    c = cues()
    predicate = c.group_predicate.search(context.clause_after)
    if predicate:
        named = _first(c.groups, predicate.group("group"))
        if named and named != "general":
            group = named
    is_subgroup = bool(c.subgroup_before.search(context.before)) or bool(predicate)
    event = None
    if is_subgroup and parent_event:
        event = parent_event
    if event is None:
        event = _first(c.events, context.after) or _last(c.events, context.before)
    if event is None:
        return None, None
    return c.people_metrics.get(group, {}).get(event), event


def _period(
    sentence: str, previous_sentence: str, statement_date: str | None
) -> tuple[str, str | None, str | None]:
    c = cues()
    for text in (sentence, previous_sentence if c.period_back_reference.search(sentence) else ""):
        for name, pattern in c.periods.items():
            match = pattern.search(text)
            if not match:
                continue
            found = match.groupdict()
            if name == "since_ceasefire":
                return name, CEASEFIRE_DATE, statement_date
            if name == "since_1990s":
                return name, None, statement_date
            if name == "year":
                year = found["year"]
                return name, f"{year}-01-01", f"{year}-12-31"
            if name == "window":
                month = MONTH_NUMBERS[found["month"].capitalize()]
                return name, f"{found['year']}-{month:02d}-01", statement_date
            return name, None, None
    return "unspecified", None, None


def classify_mentions(
    text: str, mentions: list[Mention], statement_date: str | None
) -> list[Classification | None]:
    """Classify every mention of one text, in order.

    Mentions are taken sentence by sentence, because a figure may take its event from the
    figure before it ("266 ... victims, of which 48 people died, including three reporters").
    """
    sentences = sentence_spans(text) if mentions else []
    results: list[Classification | None] = []
    for _, group in itertools.groupby(mentions, key=lambda m: m.sentence_start):
        in_sentence = list(group)
        events: list[str | None] = []
        for position, mention in enumerate(in_sentence):
            following = in_sentence[position + 1] if position + 1 < len(in_sentence) else None
            context = _Context(
                text=text,
                mention=mention,
                previous=in_sentence[position - 1] if position else None,
                next_start=following.quantity.start if following else mention.sentence_end,
            )
            parent_event = next((e for e in reversed(events) if e), None)
            metric, event = _metric(context, parent_event)
            events.append(event)
            results.append(
                None
                if metric is None
                else _classification(metric, context, sentences, statement_date)
            )
    return results


def _classification(
    metric: str,
    context: _Context,
    sentences: tuple[tuple[int, int], ...],
    statement_date: str | None,
) -> Classification:
    """Period, area, device and unit of a mention whose metric is known."""
    c = cues()
    mention = context.mention
    sentence = mention.sentence
    previous_sentence = _previous_sentence(context.text, mention.sentence_start, sentences)
    if metric in c.periodic:
        period, start, end = _period(sentence, previous_sentence, statement_date)
    else:
        period, start, end = "unspecified", None, None
    area = _any(c.areas, sentence)
    if area is None and c.area_back_reference.search(sentence):
        area = _any(c.areas, previous_sentence)
    device = None
    if METRIC_UNITS[metric] == "mines":
        device = _first(c.devices, context.clause_after[: NOUN_WINDOW * 2]) or _first(
            c.devices, context.clause_before[-40:]
        )
    unit = mention.quantity.unit or METRIC_UNITS[metric]
    return Classification(metric, unit, period, start, end, area, device)


def _previous_sentence(text: str, start: int, sentences: tuple[tuple[int, int], ...]) -> str:
    """The end of the sentence before the one starting at ``start`` ("" for the first)."""
    index = bisect.bisect_left(sentences, (start, -1))
    if index == 0:
        return ""
    begin, end = sentences[index - 1]
    return text[max(begin, end - MAX_QUOTE_CHARS) : end]


def _metric(context: _Context, parent_event: str | None) -> tuple[str | None, str | None]:
    c = cues()
    quantity = context.mention.quantity
    sentence = context.mention.sentence
    if quantity.unit == "percent":
        return _first(c.percent_metrics, context.after) or _any(c.percent_metrics, sentence), None
    if quantity.unit == "hectares":
        return ("area_cleared_ha" if c.area_cleared.search(sentence) else None), None
    head = _head(context)
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
        return _any(c.maps_metric, sentence), None
    if name == "incidents":
        return "incidents", None
    return None, None
