"""Assign metric, period, area and device to each mention, reading the text in layers.

1. :mod:`~analysis.extract.segments`: paragraphs, sentences (a line break is a space) and
   clauses.
2. :mod:`~analysis.extract.frames`: in its clause, what a number counts (its noun) and what
   happened (the predicate); a list shares its verb, a number without a noun takes the noun of
   the figure before ("four shepherds were wounded and one died").
3. Discourse, here: per paragraph, the current period (:mod:`~analysis.extract.periods`),
   the last total and its event. A breakdown ("of whom", "including", "(210 children and 40
   women)", "Among them, 90") takes the total's group and event unless it names its own.

Areas are read by :mod:`~analysis.extract.areas`. The cue words live in ``vocabulary.yml``
(``classify``). A number that no frame claims is unclassified (None); a number that is surely
not a landmine figure (a target, a need) is :class:`NotAClaim`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from analysis.extract import areas, frames, numbers, periods, segments, tables
from analysis.extract.cues import Choices, Cue, any_of, any_word_of, choices
from analysis.extract.dates import names_a_time
from analysis.extract.mentions import CURRENCY, MONEY, Mention
from analysis.extract.periods import Period, PeriodPhrase
from analysis.extract.segments import LIST_MARKER_PATTERN
from analysis.schema import METRIC_PARTS_OF, METRIC_UNITS, NON_CLAIM_REASONS, vocabulary

AS_OF_ENDS = ("since_ceasefire", "window", "since_1990s")  # periods an "as of" date ends
TRAILING_END = re.compile(r"[,;:(]")  # a period phrase after a figure, before these, is its own
# A figure's own predicate right after it: an auxiliary (or "remain") and the verb.
PREDICATE_AFTER = re.compile(
    r"\s*(?:of\s+\w+\s+)?(?:were|was|are|is|have been|has been|had been|remain\w*)\s+"
    r"(?:\w+ly\s+)?(\w)",
    re.IGNORECASE,
)
# An auxiliary: the verb after it is the clause's finite predicate.
FINITE_CUE = re.compile(
    r"\b(?:were|was|are|is|been|be|have|has|had)\s+(?:\w+ly\s+)?", re.IGNORECASE
)


@dataclass(frozen=True)
class Classification:
    metric: str
    unit: str
    period: str
    period_start: str | None
    period_end: str | None
    area: str | None
    device: str | None
    # (low, best, high) in ``unit`` when the number's own differ: a table cell "409,350"
    # under "Area (m2)" is 40.935 hectares
    values: tuple[float | None, float | None, float | None] | None = None


@dataclass(frozen=True)
class NotAClaim:
    """A number the rules are sure is not a landmine figure, and why (``non_claim_reasons``)."""

    reason: str

    def __post_init__(self) -> None:
        if self.reason not in NON_CLAIM_REASONS:
            raise ValueError(f"unknown non-claim reason {self.reason!r}")


@dataclass(frozen=True)
class Cues:
    people_metrics: dict[str, dict[str, str]]
    people_without_event: dict[str, tuple[str | None, Cue]]  # metric: (group, cue)
    served_metrics: dict[str, tuple[str | None, Cue]]  # metric: (group, cue)
    money_share_after: re.Pattern[str]
    share_metrics: dict[str, str]
    deminer_shares: dict[str, str]
    area_shares: dict[str, str]
    mine_metrics: Choices[str]
    mines_on_maps: Cue
    maps_metric: Choices[str]
    counts_metric: dict[str, str]
    counts_cue: dict[str, Cue]
    devices: Choices[str]
    all_devices: Cue
    percent_metrics: Choices[str]
    area_metrics: Choices[str]
    area_means: Choices[str]  # "(29 km2) through survey"
    periodic: frozenset[str]
    things: frozenset[str]
    topics: dict[str, str]  # metric -> topic
    own_period_only: frozenset[str]
    one_team: re.Pattern[str]  # "a team of (8 deminers)"
    progress: Cue
    area_part: Cue
    group_sizes: dict[str, str]  # group -> the metric of its size
    event_sums: dict[frozenset[str], str]  # the events summed -> the event of the sum
    sum_before: re.Pattern[str]  # ", a total of (373)"
    sum_after: re.Pattern[str]  # "(373) in all"


@cache
def cues() -> Cues:
    """The cues of ``vocabulary.yml`` (``classify``) this module applies, compiled once."""
    raw: dict[str, Any] = vocabulary()["classify"]
    return Cues(
        people_metrics=raw["people_metrics"],
        people_without_event={
            metric: (spec.get("group"), any_word_of(spec["cues"]))
            for metric, spec in raw["people_without_event"].items()
        },
        served_metrics={
            metric: (spec.get("group"), any_word_of(spec["cues"]))
            for metric, spec in raw["served_metrics"].items()
        },
        share_metrics=raw["share_metrics"],
        deminer_shares=raw["deminer_shares"],
        area_shares=raw["area_shares"],
        money_share_after=re.compile(
            rf"\s*(?:{'|'.join(raw['money_share_after'])})\b", re.IGNORECASE
        ),
        mine_metrics=choices(raw["mine_metrics"], any_word_of),
        mines_on_maps=any_of(raw["mines_on_maps"]),
        maps_metric=choices(raw["maps_metric"]),
        counts_metric=raw["counts_metric"],
        counts_cue={kind: any_word_of(p) for kind, p in raw["counts_cue"].items()},
        devices=choices(raw["devices"], any_word_of),
        all_devices=any_word_of(raw["all_devices"]),
        percent_metrics=choices(raw["percent_metrics"]),
        area_metrics=choices(raw["area_metrics"], any_word_of),
        area_means=choices(raw["area_means"], any_word_of),
        periodic=frozenset(raw["periodic"]),
        things=frozenset(raw["things"]),
        own_period_only=frozenset(raw["own_period_only"]),
        one_team=re.compile(
            r"\b(?:a|one|each|every|per|the|his|her|our|their)\s+(?:[\w-]+\s+)?"
            rf"(?:{'|'.join(raw['team_nouns'])})\s+of\s+$"
            # ... or its members in brackets: "Patrol P-12 (four border guards, one vehicle)"
            rf"|\b(?:{'|'.join(raw['team_nouns'])})\b[^()\n]{{0,12}}\(\s*$",
            re.IGNORECASE,
        ),
        progress=any_word_of(raw["progress_columns"]),
        area_part=any_word_of(raw["area_part"]),
        group_sizes=raw["group_sizes"],
        event_sums={frozenset(parts): event for event, parts in raw["event_sums"].items()},
        sum_before=re.compile(
            rf"(?:^|[,;:]|\band)\s*(?:{'|'.join(raw['sum_before'])})\s*$", re.IGNORECASE
        ),
        sum_after=re.compile(rf"\s*(?:{'|'.join(raw['sum_after'])})\b", re.IGNORECASE),
        topics={
            metric: topic
            for topic, families in raw["topics"].items()
            for family in families
            for metric in vocabulary()["families"][family]
        },
    )


@dataclass
class _Figure:
    """One mention and the windows of its sentence the rules read (of the flat text)."""

    mention: Mention
    sentence: segments.Sentence
    clause: tuple[int, int]
    before: str  # its clause before it, from the figure before it in the clause
    clause_before: str  # its whole clause before it
    sentence_before: str  # its sentence before it
    trailing: str  # after it, up to the next figure in its clause
    clause_after: str  # after it, to the end of its clause
    # What was read:
    metric: str | None = None
    kind: str | None = None  # "people", a kind of thing, "percent", "hectares"
    group: str | None = None
    event: str | None = None
    device: str | None = None
    part: bool = False  # a part of the figure before (a breakdown)
    compared: bool = False
    bracketed: bool = False
    not_a_claim: NotAClaim | None = None
    area: str | None = None
    labelled: bool = False  # "Area cleared: 9,412.6 hectares": the label is its noun phrase
    label: str = ""  # ... that noun phrase, when labelled
    row_area: str | None = None  # "Nineveh: 41" under "Casualties by governorate": the place
    title_group: str | None = None  # the group a table's title names ("Civilian casualties")
    # read in a unit printed elsewhere: its table column's header's, or its list's last number's
    in_other_unit: bool = False
    time_label: str | None = None  # the label of its table row, when it names a time
    # A table's title and its other columns' headers: "AP mines" beside "Area cleared" counts
    # the mines of that clearance
    table_context: str = ""
    lead_in: str = ""  # a list item's: the line above the list ("What we found in 2025:")


@dataclass
class _Discourse:
    """What a paragraph has said so far."""

    period: Period | None = None
    topic_period: Period | None = None  # the first period it named: what it is about
    total: tuple[str, str] | None = None  # (group, event) of the last total
    earlier_total: tuple[str, str] | None = None  # the last total of the paragraphs before
    event: str | None = None  # the last event named
    mine_metric: str | None = None
    figures: list[_Figure] = field(default_factory=list)
    question: str = ""  # the question this paragraph answers (an interview), if any
    sentence_before: str = ""  # the paragraph's sentence before the one being read
    glossary: dict[str, str] = field(default_factory=dict)  # the text's glossed terms
    heading_area: str | None = None  # the country its numbered heading names, if any


def classify_mentions(
    text: str, mentions: list[Mention], statement_date: str | None
) -> list[Classification | NotAClaim | None]:
    """Classify every mention of one text, in order (None: a number no rule could place)."""
    if not mentions:
        return []
    areas.forget()
    _CLAUSES.clear()
    line = segments.flat(text)
    # Only the paragraphs with figures are read: a paragraph without figures passes on no
    # total, and its period only to a paragraph that refers back ("Over the week, ...").
    paragraph_starts = [start for start, _ in segments.paragraphs(text)]
    wanted = {max(0, bisect.bisect_right(paragraph_starts, m.quantity.start) - 1) for m in mentions}
    sentences = segments.sentences(text, wanted, line)
    context = periods.context_of(text, statement_date)
    cells = tables.Cells(text)
    starts = [s.start for s in sentences]
    in_sentence: dict[int, list[int]] = {}
    for index, mention in enumerate(mentions):
        at = max(0, bisect.bisect_right(starts, mention.quantity.start) - 1)
        in_sentence.setdefault(at, []).append(index)
    paragraphs_with_figures = {sentences[at].paragraph for at in in_sentence}
    results: list[Classification | NotAClaim | None] = [None] * len(mentions)
    terms = frames.glossary(text)
    countries = areas.countries_of(text)
    discourse, paragraph, last_period = _Discourse(glossary=terms), -1, None
    topics: dict[str, Period] = {}  # the last period of each topic, across paragraphs
    list_mine_metric = None  # a list's items take the mine count of its lead-in
    list_period = None  # ... and the period of its title
    heading = ""  # the last line of the paragraph that is no list item: a list's lead-in
    for at, sentence in enumerate(sentences):
        if sentence.paragraph not in paragraphs_with_figures:
            continue
        if sentence.paragraph != paragraph:
            # "During this time, ..." in the next paragraph: the period this one was about
            last_period = discourse.topic_period or discourse.period or last_period
            if last_period is None:  # "Over the week, ..." after a paragraph without figures
                last_period = _period_before(text, line, sentence.paragraph, context)
            lead_in = line[sentence.start : sentence.end].rstrip().endswith(":")
            period = discourse.period if lead_in else None
            cell = cells.first_within(sentence.start, sentence.end)
            if period is None and cell is not None and cell.title:
                # "Table 1: Casualties by governorate, 2025" right above its header
                period = periods.title_period(cell.title, context)
            if period is None and (
                sentence.list_item or LABEL_START.match(line, sentence.start, sentence.end) or cell
            ):
                # "Land released: 640 hectares" (a list, or a table) under a title "Results for
                # May 2024"
                period = _heading_period(text, line, sentence.paragraph, context)
            if sentence.list_item:  # the items after the first are under the same title
                list_period = period = period or list_period
            else:
                list_period = None
            question = _question_before(text, line, sentence.paragraph)
            discourse = _Discourse(
                # "How many were killed in April?" - "Eleven.": the answer's period is asked
                period=period or _asked_period(question, context),
                question=question,
                earlier_total=discourse.total or discourse.earlier_total,
                glossary=terms,
                # "3. BACKGROUND: AZERBAIJAN" over a section of a text on several countries
                heading_area=areas.heading_country(line[sentence.start : sentence.end])
                if len(countries.named) > 1
                else None,
            )
            paragraph = sentence.paragraph
            # a table's rows may stand apart from the title that says what they count
            heading = _title_before(text, line, paragraph)[0]
        if not (sentence.list_item or segments.LABEL_ROW.match(line, sentence.start, sentence.end)):
            heading = line[sentence.start : sentence.end]
        previous_text = ""
        if at and sentences[at - 1].paragraph == sentence.paragraph:
            previous_text = line[sentences[at - 1].start : sentences[at - 1].end]
        discourse.sentence_before = previous_text
        phrases = periods.find_periods(line, sentence.start, sentence.end, context)
        figures = [
            _figure(
                line, mentions[i], sentence, in_sentence.get(at, []), mentions, heading, text, cells
            )
            for i in in_sentence.get(at, [])
        ]
        _share_list_units(figures)
        if sentence.list_item and discourse.mine_metric is None:
            discourse.mine_metric = list_mine_metric
        for figure in figures:
            _read(figure, discourse)
            discourse.figures.append(figure)
        if not figures:  # "... the 120th casualty this year. Of those 120, 30 died."
            discourse.event = (
                frames.last_event(line[sentence.start : sentence.end]) or discourse.event
            )
        carried = _carried(phrases, discourse.period, last_period, sentence, context)
        # The period right after a compared figure is its own ("compared with 77 in 2019").
        trailing = [t for t in (_trailing_phrase(f, phrases) for f in figures if f.compared) if t]
        own = [
            _own_period(f, phrases, [t for t in trailing if t is not _trailing_phrase(f, phrases)])
            for f in figures
        ]
        for i, figure, phrase in zip(in_sentence.get(at, []), figures, own, strict=True):
            result = _result(
                figure,
                phrase,
                phrases,
                carried,
                line,
                previous_text,
                context,
                topics,
                discourse,
                countries,
            )
            results[i] = result
            if isinstance(result, Classification) and result.period not in (
                "unspecified",
                "incident",  # one blast is no period for the next paragraph
            ):
                topics[_topic(result.metric)] = Period(
                    result.period, result.period_start, result.period_end
                )
        # (a compared figure's own period is not what the paragraph goes on about)
        claims_own = [None if f.compared else o for f, o in zip(figures, own, strict=True)]
        discourse.period = _next_period(phrases, carried, claims_own, line, sentence.start)
        as_of = next((p.as_of for p in phrases if p.as_of), None)
        if as_of and discourse.period and discourse.period.name in AS_OF_ENDS:
            # "As at 31 May 2023, 298 ... since the ceasefire. Of these, 55 were killed": the
            # next sentences go on to the same end
            discourse.period = replace(discourse.period, end=as_of)
        discourse.topic_period = discourse.topic_period or discourse.period
        list_mine_metric = discourse.mine_metric or list_mine_metric
    read = _ReadText(mentions, sentences, in_sentence, line)
    _headlines_repeat_the_body(results, read)
    _echoes_repeat_the_figure(results, read)
    _corrections_replace_the_figure(results, read)
    return results


@dataclass(frozen=True)
class _ReadText:
    """A text as the first pass left it, for the rules that then look across its sentences."""

    mentions: list[Mention]
    sentences: tuple[segments.Sentence, ...]
    in_sentence: dict[int, list[int]]  # sentence index: the indexes of its mentions
    line: str  # the flat text


def _echoes_repeat_the_figure(
    results: list[Classification | NotAClaim | None], read: _ReadText
) -> None:
    """A short sentence that repeats a figure said before ("Nearly two thousand." - "A couple
    of dozen anti-tank mines. In one field?") counts what that figure counted: an unplaced
    figure alone in a sentence of a few words takes the reading of the last figure of the
    same value, unit and bound, unless it names a noun of something else."""
    seen: dict[tuple[float | None, str | None, str], Classification] = {}
    for at, indexes in sorted(read.in_sentence.items()):
        sentence = read.sentences[at]
        for i in indexes:
            q = read.mentions[i].quantity
            key = (q.best, q.unit, q.bound)
            found = results[i]
            if isinstance(found, Classification):
                seen[key] = found
            elif (
                found is None
                and len(indexes) == 1
                and key in seen
                and len(read.line[sentence.start : sentence.end].split()) <= ECHO_WORDS
                # (not "Thank you to our three panellists": a count of something else)
                and frames.noun_after(read.line[q.end : sentence.end]).kind != "unknown"
            ):
                results[i] = seen[key]


ECHO_WORDS = 8  # a sentence that repeats a figure is short


def _corrections_replace_the_figure(
    results: list[Classification | NotAClaim | None], read: _ReadText
) -> None:
    """A correction withdraws a figure and puts another in its place, which counts what the
    withdrawn one counted: "Correction: the anti-tank figure for March is 747, not 744" (the
    744 said before is withdrawn); "We reported in error that nine were hurt. The correct
    figure is seven." (the nine is)."""
    corrected = NotAClaim("corrected")
    for at, indexes in sorted(read.in_sentence.items()):
        sentence = read.sentences[at]
        for position, i in enumerate(indexes):
            mention = read.mentions[i]
            start = mention.quantity.start
            before = read.line[sentence.start : start]
            if position and results[i] == corrected and frames.sets_aside(before):
                # "747, not 744": the 744 claimed before (same value) is the one withdrawn
                withdrawn = _last_claim_of_value(results, read, i, mention.quantity.best)
                replacing = indexes[position - 1]
            elif position + 1 < len(indexes) and REVISED_TO.fullmatch(
                read.line, mention.quantity.end, read.mentions[indexes[position + 1]].quantity.start
            ):
                # "published as 1,084.3 hectares, is revised to 1,120.5 hectares"
                withdrawn, replacing = i, indexes[position + 1]
            elif (
                results[i] is None and at and read.sentences[at - 1].paragraph == sentence.paragraph
            ):
                previous = read.sentences[at - 1]
                sentence_before = read.line[previous.start : previous.end]
                if not frames.replaces_a_figure(before, sentence_before):
                    continue
                claimed = [
                    j
                    for j in read.in_sentence.get(at - 1, [])
                    if isinstance(results[j], Classification)
                ]
                withdrawn, replacing = (claimed[-1] if claimed else None), i
            else:
                continue
            found = results[withdrawn] if withdrawn is not None else None
            if not isinstance(found, Classification):
                continue
            if results[replacing] is None:  # (else it names its own count)
                results[replacing] = replace(found, values=None)
            results[withdrawn] = corrected


# A figure revised in the same sentence: "..., published as 1,084.3 hectares, is revised to";
# "32 mines, a figure he later corrected to (23)".
REVISED_TO = re.compile(
    r"[^.;\d]{0,30}?(?:,?\s+(?:is|was|has\s+been|have\s+been|are|were)\s+(?:now\s+)?"
    r"|,\s+(?:a|the)\s+(?:figure|number|total|count|toll)\s+(?:that\s+|which\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:(?:later|since|then|subsequently)\s+)?)"
    r"(?:revised|corrected|amended)\s+(?:(?:up|down)(?:wards?)?\s+)?to\s+",
    re.IGNORECASE,
)


def _last_claim_of_value(
    results: list[Classification | NotAClaim | None],
    read: _ReadText,
    before: int,
    value: float | None,
) -> int | None:
    """The last mention before index ``before`` claimed with the value ``value``, else the
    first after it (a reply above the message it quotes corrects a figure printed below)."""
    order = [*range(before - 1, -1, -1), *range(before + 1, len(results))]
    for j in order:
        if isinstance(results[j], Classification) and read.mentions[j].quantity.best == value:
            return j
    return None


def _headlines_repeat_the_body(
    results: list[Classification | NotAClaim | None], read: _ReadText
) -> None:
    """A heading (a line without a full stop) repeats figures of the body: a figure of a
    heading without a period takes the period of the same figure (metric, value) below it."""
    headings = {
        i
        for at, indexes in read.in_sentence.items()
        if read.line[read.sentences[at].end - 1] not in '.!?:;"”’)'
        for i in indexes
    }
    if not headings:
        return
    # From the end back: the nearest figure below of each (metric, value), as first read.
    below: dict[tuple[str, float | None], Classification] = {}
    for i in range(len(results) - 1, -1, -1):
        found = results[i]
        if not isinstance(found, Classification):
            continue
        key = (found.metric, read.mentions[i].quantity.best)
        body = below.get(key)
        below[key] = found
        if i in headings and found.period == "unspecified" and body is not None:
            results[i] = replace(
                found,
                period=body.period,
                period_start=body.period_start,
                period_end=body.period_end,
                area=found.area or body.area,
            )


_CLAUSES: dict[tuple[int, int], list[tuple[int, int]]] = {}


def _clauses(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``line[start:end]``, split once for all its figures."""
    key = (start, end)
    if key not in _CLAUSES:
        _CLAUSES.clear()  # only the sentence being read is kept
        _CLAUSES[key] = segments.clauses(line, start, end)
    return _CLAUSES[key]


def _figure(
    line: str,
    mention: Mention,
    sentence: segments.Sentence,
    indexes: list[int],
    all_: list[Mention],
    heading: str = "",
    text: str = "",
    cells: tables.Cells | None = None,
) -> _Figure:
    q = mention.quantity
    clause = next(
        (c for c in _clauses(line, sentence.start, sentence.end) if c[0] <= q.start < c[1]),
        (sentence.start, sentence.end),
    )
    others = [all_[i].quantity for i in indexes]
    previous_end = max((o.end for o in others if clause[0] <= o.end <= q.start), default=clause[0])
    following = [o for o in others if q.end <= o.start < clause[1]]
    next_start = min((o.start for o in following), default=clause[1])
    trailing_start = q.end
    share = BRACKETED_SHARE.match(line, q.end)
    if share and any(o.start == share.start(1) and o.unit == "percent" for o in following):
        # "128 (20.9%) were children": the words of the count go on after its share
        trailing_start = share.end()
        next_start = min((o.start for o in following if o.start >= share.end()), default=clause[1])
    before = line[previous_end : q.start]
    figure = _Figure(
        mention=mention,
        sentence=sentence,
        clause=clause,
        before=before,
        clause_before=line[clause[0] : q.start],
        sentence_before=line[sentence.start : q.start],
        trailing=line[trailing_start:next_start],
        clause_after=line[q.end : clause[1]],
        bracketed=line.count("(", sentence.start, q.start)
        > line.count(")", sentence.start, q.start),
    )
    cell = cells.at(q.start) if cells else None
    if cell is not None:
        _read_cell(figure, cell)
        return figure
    if text:
        _cut_at_next_label(figure, text, q.end, next_start)
    # A line of its own ("Area cleared: 812.5 hectares" with no bullet nor full stop) opens
    # where the line does.
    opening = max(sentence.start, text.rfind("\n", sentence.start, q.start) + 1)
    label_colon = line.rfind(":", opening, q.start)
    earlier_colon = line.rfind(":", opening, label_colon) if label_colon >= 0 else -1
    if earlier_colon >= 0:
        opening = earlier_colon + 1  # "Output 1.3: Items destroyed: 183": the last label's
    if ":" in line[opening : q.start] and not any(opening <= o.start < q.start for o in others):
        _read_label(figure, line[opening : q.start], heading)
    # "TOTALS, MAY 2024: civilians injured 1; killed 0; mines destroyed 3": in a list of
    # items, each item's words before its number are its label
    item = line.rfind(";", opening, q.start) + 1 or line.rfind(":", opening, q.start) + 1
    if (
        not figure.labelled
        and item
        and ITEM_END.match(line, q.end)
        and ";" in line[opening:]
        and not any(item <= o.start < q.start for o in others)
    ):
        _read_label(figure, line[item : q.start].rstrip() + ":", heading)
    time_label = TIME_LABEL.fullmatch(line, opening, q.start)
    if time_label and figure.sentence.list_item:
        figure.time_label = time_label["time"]  # "- 2025: 1,204 civilian casualties"
    if figure.bracketed and not figure.labelled:
        _read_bracket_label(figure)
    if figure.sentence.list_item:
        figure.lead_in = heading
    if figure.sentence.list_item or figure.labelled:
        if CURRENCY_HEADING.search(heading):
            figure.not_a_claim = NotAClaim("money")  # "Requirements by pillar (US$):"
        elif frames.is_plan_lead_in(heading):
            figure.not_a_claim = NotAClaim("target")  # "With full funding we aim to:"
    return figure


# A heading that gives money as the unit of its rows: "Requirements by pillar (US$):".
CURRENCY_HEADING = re.compile(rf"\((?:in\s+)?{CURRENCY}[^()]{{0,20}}\)\s*:?\s*$")
# What an amount of money buys, or what one unit costs: a price, no surface cleared ("£150
# clears roughly 30 square metres", "Clearing one square metre costs 2 KM").
BOUGHT_BY_MONEY = re.compile(
    rf"{MONEY}\s+(?:\w+ly\s+)?(?:clears?|buys?|pays?\s+for|funds?|covers?)\s+$", re.IGNORECASE
)
ONE_UNIT = re.compile(r"(?:one|an?|1)\s", re.IGNORECASE)
COSTS = re.compile(r"\s+(?:of\s+[\w-]+\s+)?(?:costs?|cost\s+us)\b", re.IGNORECASE)
# A share of money: after an amount and a bracket ("US$5.9 million (24%)") or after funding
# ("at the current funding level of 24%").
MONEY_BEFORE = re.compile(
    # (and a part of it: "EUR 3.65 million, of which 71 per cent went to clearance")
    rf"(?:{MONEY}\s*(?:\(|,?\s+of\s+(?:which|this|it)\s+)|\bfund(?:ing|ed)\b(?:\s+\w+){{0,2}}?\s+(?:of|at|is|was|to|by))\s*$",
    re.IGNORECASE,
)


# A breakdown in brackets that names each part before its number: "(killed 2, injured 5)",
# "(children 12, adults 18)", "(deminers killed 1, injured 4)", "(killed: 12, injured: 33)".
BRACKET_LABEL = re.compile(
    r"(?:\(|[,;]\s*(?:and\s+)?)\s*(?P<label>[A-Za-z][A-Za-z' -]{0,30}?)\s*[:=]?\s*$"
)


def _read_bracket_label(figure: _Figure) -> None:
    """A part named before its number in a bracketed breakdown reads as if named after it."""
    match = BRACKET_LABEL.search(figure.before)
    if match is None:
        return
    label = match.group("label")
    if frames.noun_after(" " + label).kind not in ("people", "event", "participle"):
        return  # "(up 12 on 2023)", "(compared with 77)": no part of the count
    # (its words end at the next part: "(deminers killed 1, injured 4)")
    figure.trailing = " " + label + BRACKET_PART_END.split(figure.trailing, maxsplit=1)[0]
    figure.clause_after = figure.trailing
    figure.before = figure.before[: match.start("label")]


BRACKET_PART_END = re.compile(r"[,;)]")


# A count's share in brackets right after it: "128 (20.9%) were children".
BRACKETED_SHARE = re.compile(r"\s*\((\d[\d.,]*\s?%)\)")
# A "Label: value" line (or list item) at the start of a paragraph.
LABEL_START = re.compile(rf"\s*(?:{LIST_MARKER_PATTERN}\s+)?[A-Za-z][^:;.!?]{{1,80}}?:\s+\S")
# The start of a line that is a "Label: value" line.
LABEL_LINE = re.compile(rf"\n[ \t]*(?:{LIST_MARKER_PATTERN}\s+)?[A-Za-z][^:;.!?\n]{{1,80}}?:[ \t]")


def _cut_at_next_label(figure: _Figure, text: str, end: int, next_start: int) -> None:
    """A figure's words end where the next "Label: value" line begins ("Casualties: 10\nMines
    found: 58": "Mines found" is not the noun of 10)."""
    if "\n" not in text[end:next_start]:
        return
    found = LABEL_LINE.search(text, end, next_start + 2)  # (the colon may end the clause)
    if found:
        figure.trailing = figure.trailing[: found.start() - end]
        figure.clause_after = figure.clause_after[: found.start() - end]


# A list item labelled with its year: "- 2025: ".
TIME_LABEL = re.compile(rf"\s*(?:{LIST_MARKER_PATTERN}\s+)?(?P<time>(?:19|20)\d{{2}})\s*:\s*")
ITEM_END = re.compile(r"\s*(?:[;.]|$)")  # the end of an item of a list of "label N" items
# "• Area cleared: ", "Casualties: ", "- Nineveh: ": a label, then the figure.
LABEL = re.compile(rf"\s*(?:{LIST_MARKER_PATTERN}\s+)?(?P<label>[A-Za-z][^:;.!?]{{1,80}}?)\s*:\s*$")
# Nothing but a time, a place or a connective before a figure that opens its clause.
CLAUSE_OPENING = re.compile(r"\s*(?:(?:[A-Z][\w ]{0,40}|and|but|while|of them|in all),\s*)?")
BRACKETED = re.compile(r"\s*\([^()]*\)")
# A label is a noun phrase: a sentence that opens with these words is none.
NOT_LABELS = frozenset(
    ["the", "this", "that", "these", "those", "it", "its", "we", "our", "they", "their", "a", "an"]
)
# A heading's noun phrase ends before "by", "per", "in" or a comma: "Casualties by governorate".
# What a heading counts, said in brackets: "Regional picture (victims, 2024)".
HEADING_ASIDE = re.compile(r"\(\s*([A-Za-z][\w -]{1,40}?)\s*[,;)]")
TOTAL_ROW = re.compile(r"(?:grand\s+)?totals?|overall|all", re.IGNORECASE)
HEADING_SPLIT = re.compile(r"^(?:by|per)\s[^:]{1,30}:\s*", re.IGNORECASE)
HEADING_END = re.compile(r"\s(?:by|per|in|for|across|during)\s|[,:;(–—-]", re.IGNORECASE)


# A number that picks out some of a whole the words after it name: "one of the parties"
# (not of a total: "1,280 of the total").
OF_A_WHOLE = re.compile(
    r"\s+of\s+(?:the|its|their|these|those|our|his|her)\s+(?!(?:total|whole|sum|tally|toll)\b)"
)
RELATIVE_PRONOUN = r"(?:who|which|that)"
RELATIVE_CLAUSE = re.compile(rf"\s{RELATIVE_PRONOUN}\s", re.IGNORECASE)


def _read_label(figure: _Figure, opening: str, heading: str) -> None:
    """A "Label: value" line reads as if the label followed the number: "Anti-tank mines
    neutralised: 744" is "744 anti-tank mines neutralised". A label that names no count but a
    place is the row of a table whose heading names the count ("Casualties by governorate":
    "Nineveh: 41" is 41 casualties in Nineveh)."""
    match = LABEL.fullmatch(opening)
    if match is None:
        return
    label = match.group("label").strip()
    words = label.split()
    # (a relative clause is part of a noun phrase: "Survivors who received rehabilitation")
    head = RELATIVE_CLAUSE.split(label, maxsplit=1)[0]
    if (
        len(words) > 8
        or words[0].lower() in NOT_LABELS
        or FINITE_CUE.search(head)
        or frames.cues().verbs.search(head)
        or frames.lead_in_object(label + ":")[0].kind != "none"
    ):
        # "This work has come at a heavy price: four deminers ...", "Mines continue to kill
        # civilians: 12 in 2021": a sentence
        return
    total_row = TOTAL_ROW.fullmatch(label) is not None  # "TOTAL ..... 96": the column's count
    if _names_a_count(label) and not total_row:
        phrase = label
    else:
        place = None if total_row else areas.label_place(label)
        if place and frames.noun_after(figure.trailing).kind not in ("none", "unknown"):
            figure.row_area = place  # "Kharkiv oblast: 41 civilians killed"
            return
        own_noun = frames.noun_after(figure.trailing).kind not in ("none", "unknown")
        if own_noun:
            figure.table_context = label  # "Items destroyed: 183 mines": what befell them
        row = figure.sentence.list_item or _ends_its_line(figure.trailing) or own_noun
        if not row or heading.rstrip()[-1:] in ".!?":
            return  # a table row is a line of its own under a heading (a line, not a sentence)
        # ("BY DISTRICT: casualties this week": what the rows count comes after their split)
        heading = HEADING_SPLIT.sub("", segments.without_rules(heading), count=1)
        noun = HEADING_END.split(heading, maxsplit=1)[0].strip()
        aside = HEADING_ASIDE.search(heading)
        if aside and not _names_a_count(noun):
            noun = aside.group(1)  # "REGIONAL PICTURE (victims, 2024)": the count in brackets
        if noun.isupper():  # "MINES CLEARED BY DISTRICT"
            noun = noun.lower()
        short = BRACKETED.sub("", label).split()  # "Week 9 (24 Feb-2 Mar)": a row's name
        if len(noun.split()) > 6 or not noun or len(short) > 4 or not words[0][0].isupper():
            return
        if not _names_a_count(noun):
            return
        if own_noun:
            # "Kharkiv: 14 killed" under "Civilian casualties by region": the figure names
            # its count; the heading adds its group, the row its place
            head = frames.head_of(noun)
            if head and head[0] == "people" and head[1] != "general":
                figure.title_group = head[1]
            figure.row_area = None if total_row else label
            return
        phrase, figure.row_area = noun, None if total_row else label
    if phrase[:1].isupper() and phrase[1:2].islower():
        phrase = phrase[0].lower() + phrase[1:]
    figure.labelled, figure.label = True, phrase
    figure.before = figure.clause_before = ""
    if _says_what_befell_it(figure, phrase):
        # "Casualties: one man injured on 6 October": the item's own verb names the narrower
        # event; the label adds only its group ("Civilian casualties: 2 killed")
        head = frames.head_of(phrase)
        if head and head[0] == "people" and head[1] != "general":
            figure.title_group = head[1]
        return
    figure.trailing = " " + phrase + figure.trailing
    figure.clause_after = " " + phrase + figure.clause_after


def _says_what_befell_it(figure: _Figure, label: str) -> bool:
    """Whether a figure under a label of casualties names its own narrower event on its
    line: killed or injured ("- Casualties: 2 killed near the bridge")."""
    if frames.first_event(label) != "casualties":
        return False
    own = re.split(r"[\n(]", figure.trailing, maxsplit=1)[0]  # (not its breakdown)
    return frames.first_event(own) in ("killed", "injured")


def _ends_its_line(trailing: str) -> bool:
    """Whether the words after a figure end its line, or only break it down ("(5 killed)")."""
    rest = trailing.split("\n", 1)[0].strip()
    return not rest or rest.startswith("(")


# What a title says caused a count, after its noun: "Casualties from mines and ERW".
TITLE_CAUSE = re.compile(r"\s(?:from|caused by|due to|of)\s", re.IGNORECASE)


def _read_cell(figure: _Figure, cell: tables.Cell) -> None:
    """A number in a table reads as if its column's header followed it ("11 | 29" under
    "Killed | Injured" is "11 killed"), in the place its row names. A column of months or
    places reads as the table's title ("Casualties by month")."""
    title = HEADING_END.split(cell.title, maxsplit=1)[0].strip()
    title = title.lower() if title.isupper() else title
    title = TITLE_CAUSE.split(title, maxsplit=1)[0]  # "casualties from mines": casualties
    row, unit_header = cell.row, cell.column
    if tables.is_target_column(cell.column):
        figure.not_a_claim = NotAClaim("target")  # "Indicator | Target 2015 | Result 2015"
    column = tables.column_time(cell.column)  # "Result 2015": a column of 2015
    if not column and _names_a_count(" " + _unit_first(row)):
        phrase, row, unit_header = _unit_first(row), "", row  # "Indicator | Target | Result"
    elif names_a_time(column) and _names_a_count(" " + _unit_first(row)):
        # "Indicator | 2022 | 2023" over "Area cleared (ha) | 612 | 744": its row names the
        # count (and its unit), its column the year
        phrase, row, unit_header = _unit_first(row), column, row
    elif names_a_time(column) or areas.label_place(column):
        phrase, row = title, (row if names_a_time(column) else column)
    else:
        phrase = _unit_first(column)
        if TOTAL_HEADER.fullmatch(phrase):
            phrase = _sum_of_columns(cell.headers) or phrase  # "Killed | Injured | Total"
    head = frames.head_of(title) if title else None
    if head and head[0] == "people" and head[1] != "general":
        figure.title_group = head[1]
    figure.labelled = True
    if cell.index:
        figure.not_a_claim = NotAClaim("index")  # "Key indicators (index, 2023 = 100)"
    if names_a_time(row):
        figure.time_label = row  # "2021  |  29  |  101": the year of its row
    figure.table_context = "; ".join([title, *(h for h in cell.headers if h != cell.column)])
    quantity = numbers.in_column_unit(figure.mention.quantity, unit_header)
    if quantity is not figure.mention.quantity:
        figure.mention = replace(figure.mention, quantity=quantity)
        figure.in_other_unit = True
    figure.before = figure.clause_before = figure.sentence_before = ""
    figure.trailing = figure.clause_after = " " + (phrase.lower() if phrase.isupper() else phrase)
    if _names_a_count(figure.trailing) and not names_a_time(row):
        figure.row_area = row  # (a row of totals is no place: ``areas.place`` drops "Total")


# The records of a count of minefields are as many records: "records of (63) minefields".
RECORDS_OF = re.compile(r"\b(?:records|maps|formulars|forms)\s+(?:of|for)\s+$", re.IGNORECASE)
MINEFIELDS = re.compile(r"\s+(?:[\w-]+\s+)?minefields\b", re.IGNORECASE)
# A second verb right before a number, sharing the object of the first: "(killed 23 civilians)
# and injured (41)".
SECOND_VERB = re.compile(r"\band\s+[a-z]+\s+$")
# Survivors of a group: "child survivors", "women survivors".
GROUP_SURVIVORS = re.compile(r"\s+[\w-]+\s+survivors\b", re.IGNORECASE)


def _share_list_units(figures: list[_Figure]) -> None:
    """Bare numbers of a list take the unit printed after its last one: "Nineveh and Anbar
    hold 134 and 121 square kilometres", "teams released 212, 148 and 96 hectares"; and the
    parts of a surface by how it was released take its unit: "released 8.9 square
    kilometres, 6.2 through clearance and 2.7 through survey"."""
    c = cues()
    for index, figure in enumerate(figures):
        if figure.mention.quantity.unit is not None or figure.labelled:
            continue
        member, unit_of = figure, None
        for later in figures[index + 1 :]:
            if not frames.LIST_GAP.fullmatch(member.trailing) or later.labelled:
                break
            if later.mention.quantity.unit is not None:
                unit_of = later
                break
            member = later
        if unit_of is None and c.area_means.first(areas.own_words(figure.trailing)):
            printed = (f for f in reversed(figures[:index]) if not f.in_other_unit)
            unit_of = next((f for f in printed if f.mention.quantity.unit), None)
        if unit_of is not None:
            quantity = numbers.in_unit_of(figure.mention.quantity, unit_of.mention.quantity)
            if quantity is not figure.mention.quantity:
                figure.mention = replace(figure.mention, quantity=quantity)
                figure.in_other_unit = True


# A column of totals: "Total", "Totals".
TOTAL_HEADER = re.compile(r"\s*totals?\s*", re.IGNORECASE)


def _sum_of_columns(headers: tuple[str, ...]) -> str | None:
    """What a column of totals beside a column of the killed and one of the injured counts:
    both ("Killed and Injured", the casualties)."""
    by_event = {frames.first_event(" " + header): header for header in reversed(headers)}
    killed, injured = by_event.get("killed"), by_event.get("injured")
    return f"{killed} and {injured}" if killed and injured else None


# A column header with its unit in brackets: "Risk education (people)", "Land released (ha)".
HEADER_UNIT = re.compile(r"(?P<name>.*?)\s*\((?P<unit>[^()]+)\)\s*")


def _unit_first(header: str) -> str:
    """A header whose bracketed unit is a noun of people reads with it first: "Risk education
    (people)" counts "people (reached by) risk education"."""
    match = HEADER_UNIT.fullmatch(header)
    if (
        match
        and frames.noun_after(" " + match["unit"]).kind == "people"
        and frames.noun_after(" " + match["name"]).kind in ("none", "unknown")
    ):
        return f"{match['unit']} {match['name']}"
    return header


def _names_a_count(phrase: str) -> bool:
    """Whether a label names what a number counts: people, things, an event, a surface."""
    c = cues()
    noun = frames.noun_after(" " + phrase)
    if noun.kind not in ("none", "unknown"):
        return True
    return bool(
        c.area_metrics.search(phrase)
        or any(cue.search(phrase) for _, cue in c.people_without_event.values())
    )


# ---- Reading one figure -------------------------------------------------------------------


def _read(figure: _Figure, discourse: _Discourse) -> None:
    """Work out the figure's metric (and group, event, device) from its frame and the
    discourse before it."""
    _read_frame(figure, discourse)
    if figure.metric is None and figure.not_a_claim is None:
        _read_place_item(figure, discourse)
    if figure.not_a_claim is None and (
        frames.is_corrected(figure.before, figure.trailing)
        or frames.is_withdrawn(figure.sentence_before)
    ):
        # a speaker's slip, read as said (its correction after it takes its noun), is no claim
        figure.not_a_claim = NotAClaim("corrected")
    elif figure.not_a_claim is None and frames.is_needed(figure.trailing):
        # read all the same: "... 1,050 deminers needed; around 730 are working" counts them
        figure.not_a_claim = NotAClaim("target")


def _read_place_item(figure: _Figure, discourse: _Discourse) -> None:
    """A list item labelled with a place under an item of the same unit breaks it down by
    place: "- Kharkiv: 1,210 ha" under "- Land released: 1,846 ha" (or another place's item)
    is land released in Kharkiv."""
    label = LABEL.fullmatch(figure.sentence_before)
    if not figure.sentence.list_item or label is None:
        return
    place = areas.place(label.group("label").strip())
    if place is None or not re.fullmatch(areas.NAME, place):
        return
    above = next(
        (
            f
            for f in reversed(discourse.figures)
            if f.sentence is not figure.sentence and f.not_a_claim is None  # ("+37% vs 2024")
        ),
        None,
    )
    if (
        above is None
        or not above.sentence.list_item
        or above.metric is None
        or above.mention.quantity.unit != figure.mention.quantity.unit
    ):
        return
    figure.metric, figure.kind, figure.device = above.metric, above.kind, above.device
    figure.group, figure.event, figure.row_area = above.group, above.event, place


def _read_frame(figure: _Figure, discourse: _Discourse) -> None:
    if figure.not_a_claim is not None or COMPOUND_MODIFIER.match(figure.trailing):
        return  # ("a 9-hectare strip", "a 12-member team": a modifier, no count)
    quantity = figure.mention.quantity
    if frames.is_target(figure.clause_before, figure.sentence_before):
        figure.not_a_claim = NotAClaim("target")
        return
    if frames.is_change(figure.before, figure.trailing):
        figure.not_a_claim = NotAClaim("change")  # "up 18% on Q2": no figure of its own
        return
    if RATE_AFTER.match(figure.trailing):
        figure.not_a_claim = NotAClaim("rate")  # "over 1,000 mines a month": no total
        return
    if cues().one_team.search(figure.before[-40:]) and frames.first_event(figure.trailing) is None:
        figure.not_a_claim = NotAClaim("other_count")  # "a team of 8 deminers": one team's size
        return
    if quantity.surface.lower() == "one" and ONE_OF_AFTER_BE.search(figure.before[-20:]):
        return  # "My uncle is one of the wounded": who someone is, no count
    if frames.is_war_toll(figure.clause_before, discourse.sentence_before):
        figure.not_a_claim = NotAClaim("other_count")  # "the war killed 500,000": not by mines
        return
    own_words = areas.own_words(figure.trailing)
    if ALL_CAUSES.search(own_words) or OTHER_WEAPONS.search(own_words):
        # "134 patients with amputations from all causes", "3 men were wounded by artillery
        # fire": not a landmine figure
        figure.not_a_claim = NotAClaim("other_count")
        return
    # ("cleared 219 km2 and found 169,200 mines. A (72.8 km2) and B (48.6 km2) ...": the
    # surface before, not the mines)
    figure.compared = frames.is_comparison(figure.before)
    # (a comparison is with the total before, not with its last part: "37 casualties, 19 of
    # them children, up from 24 in 2023")
    parent = _parent(discourse, quantity.unit, totals_only=figure.compared)
    previous = _previous(discourse, figure)
    # (its own noun names what it counts: "19 killed ..., up from 38 casualties"; "9 killed
    # and 14 injured, compared with 5 killed and 10 injured")
    own_noun = frames.noun_after(figure.trailing).kind in ("people", "thing", "event", "participle")
    if (
        figure.compared
        and previous is not None
        and previous.metric is None
        and _same_kind(previous, quantity.unit)  # (not "509.9 km2 in 11 counties, compared with")
        and not own_noun
    ):
        return  # "31 per cent ..., up from 8 per cent": the same unplaced count
    if figure.compared and parent is not None and parent.metric and not own_noun:
        _read_as(figure, parent)
        return
    if (
        figure.bracketed
        and frames.is_named_item(figure.before)
        and _read_as_total(figure, discourse)
    ):
        # "... over 2,400, followed by Chad (812)", "Most victims were in Cauca (11), Nariño
        # (9)": a list of places, one frame, of the last total (not of its last part)
        return
    if quantity.unit == "percent" and (
        cues().money_share_after.match(figure.trailing)
        or MONEY_BEFORE.search(figure.sentence_before)
    ):
        figure.not_a_claim = NotAClaim("money")  # "only 23 per cent funded", "$5.9m (24%)"
        return
    if quantity.unit == "percent":
        figure.kind = "percent"
        figure.metric = _percent_metric(figure, discourse)
        return
    if quantity.unit == "hectares" and (
        BOUGHT_BY_MONEY.search(figure.before)
        or (ONE_UNIT.match(quantity.surface) and COSTS.match(figure.trailing))
    ):
        figure.not_a_claim = NotAClaim("money")  # "£150 clears 30 square metres": a price
        return
    if quantity.unit == "hectares":
        figure.kind = "hectares"
        figure.metric = _area_metric(figure, discourse)
        return
    vague = quantity.surface.rstrip().endswith("s")  # "hundreds of", "tens of thousands of"
    part_words = frames.part_of_next_count(figure.trailing, figure.clause_after)
    if part_words is not None:
        figure.trailing = part_words  # "14 of the 65 casualties were children"
    noun = frames.noun_after(figure.trailing, vague)
    listed = frames.noun_of_list(figure.trailing, figure.clause_after)
    if noun.kind == "none" and listed is not None:
        figure.trailing = listed  # "58, 47 and 40 of the casualties": all count casualties
        noun = frames.noun_after(listed, vague)
    if noun.kind == "unknown" and discourse.glossary:
        # "2,310 sobrevivientes (survivors)", "12,487 víctimas" after "Víctimas (victims)"
        glossed = frames.glossed(figure.trailing, discourse.glossary)
        if glossed is not None:
            figure.clause_after = (
                frames.glossed(figure.clause_after, discourse.glossary) or figure.clause_after
            )
            figure.trailing = glossed
            noun = frames.noun_after(glossed, vague)
    if part_words is not None and noun.kind not in ("people", "event", "thing"):
        # "421 of the country's 1,104 municipalities had been declared free": a part of them
        counted_whole = frames.noun_after(frames.after_the_whole(part_words))
        # (but "13 of the country's 14 states": the states of a country are no countries)
        inside_a_country = counted_whole.name == "countries" and PLACE_POSSESSIVE.search(part_words)
        if counted_whole.kind == "thing" and not inside_a_country:
            noun, figure.part = counted_whole, True
    if part_words is not None and noun.kind == "none":
        return  # "13 of the country's 14 states": a part of a count of something unknown
    whole = OF_A_WHOLE.match(figure.trailing)
    if (
        whole
        and frames.head_of(" ".join(figure.trailing[whole.end() :].split()[:2])) is None
        and frames.active_event(figure.before) is None  # ("mines killed two of our neighbours")
    ):
        return  # "one of the parties laid new mine belts": a part of something not counted
    counted = None
    if noun.kind == "none":
        noun, counted = frames.count_noun_before(
            figure.clause_before, quantity.surface[0].isalpha()
        )
    if noun.kind == "none":
        noun, counted = frames.lead_in_object(figure.sentence_before)
    if noun.kind == "none":
        of_whole = frames.whole_of_things(figure.before)
        if of_whole.kind == "thing":
            noun, figure.part = of_whole, True  # "Of the mines, 8,805 were anti-personnel"
    if (
        noun.kind == "none"
        and frames.is_part_by_place(figure.before, figure.trailing)
        and _read_as_total(figure, discourse)
    ):
        figure.part = True  # "... 2,318 mines. Of these, 1,406 were in the north."
        return
    if noun.kind == "unknown":
        noun = frames.victims_of(figure.before, figure.trailing) or noun
    if noun.kind == "unknown" and _items_cleared(figure):
        noun = frames.Noun("thing", "mines")  # "teams destroyed 1,318 items": explosive items
    if RECORDS_OF.search(figure.before) and MINEFIELDS.match(figure.trailing):
        noun = frames.Noun("thing", "maps")  # "received records of 63 minefields": 63 records
    if (
        noun.kind == "none"
        and frames.reports_a_figure(figure.clause_before, figure.trailing)
        and _read_as_total(figure, discourse)
    ):
        return  # "In June the spokesperson gave 377": what it counts
    if noun.kind == "unknown":
        return
    previous = _previous(discourse, figure)
    if noun.kind == "none" and previous is not None and previous.kind in cues().things:
        noun = frames.Noun("thing", previous.kind)  # "97,000 mines in A and about 92,000 in B"
    if noun.kind == "none" and previous is None and discourse.question:
        asked = frames.asked_noun(discourse.question)  # "How many mines?" - "Over a million."
        if asked.kind == "thing" or (asked.kind == "people" and asked.name != "general"):
            noun, counted = asked, discourse.question  # (its event, if any, too)
    whole = None
    if noun.kind == "partitive" and not EVERY.search(figure.before):
        whole = previous or _parent(discourse, quantity.unit)
    if whole is not None and whole.kind in cues().things:
        # "4,106 mines, 2,988 of them anti-tank"; "We lifted 212 mines. 143 of them were ..."
        noun = frames.Noun("thing", whole.kind)
        figure.part = True
    if (
        noun.kind == "thing"
        and noun.name in cues().counts_metric
        and (ALL_OF_A_PLACE.search(figure.before) or frames.is_whole_of_part(figure.clause_before))
    ):
        # "of the country's 143 municipalities, 27 ...": how many there are, no landmine figure
        # (but what the part after it counts)
        figure.kind, figure.not_a_claim = noun.name, NotAClaim("other_count")
        return
    if noun.kind == "thing":
        figure.kind = noun.name
        figure.metric = _thing_metric(figure, noun.name, discourse)
        return
    if noun.event == "injured" and frames.survivors_alive(figure.before, figure.trailing):
        return  # the survivors alive today: no count of casualties
    _read_people(figure, noun, counted, discourse)


def _items_cleared(figure: _Figure) -> bool:
    """Whether a count of bare "items" is the object of a verb of finding or destroying
    ("removed 37 items"), not of anything else ("discussed 12 items")."""
    verb = LAST_WORD.search(figure.before)
    return (
        BARE_ITEMS.match(figure.trailing) is not None
        and verb is not None
        and cues().mine_metrics.at_start(verb.group()) == "mines_found"
    )


BARE_ITEMS = re.compile(r"\s+items?\b(?!\s+of\b)", re.IGNORECASE)
LAST_WORD = re.compile(r"[\w-]+(?:\s+out)?\s+$")


COMPOUND_MODIFIER = re.compile(r"-[A-Za-z]")
# "is one of (the wounded)": a person's place among a group.
ONE_OF_AFTER_BE = re.compile(r"\b(?:is|was|am|are|were|became|remains)\s+$", re.IGNORECASE)
# "every one of them": each of a whole, no part of it
EVERY = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)


# A place's possessive: "the country's", "the region's".
PLACE_OWNER = r"\b(?:country|nation|region|province|state|island)['’]s\b"
PLACE_POSSESSIVE = re.compile(PLACE_OWNER, re.IGNORECASE)
# A place's own units before their number: "the country's 143 municipalities", "its 18 provinces".
ALL_OF_A_PLACE = re.compile(rf"(?:(?:\bthe\s+)?{PLACE_OWNER}|\bits)\s+(?:all\s+)?$", re.IGNORECASE)


def _read_as(figure: _Figure, other: _Figure) -> None:
    """Read ``figure`` as counting what ``other`` counts (a comparison, a list, a repeat)."""
    figure.metric, figure.kind = other.metric, other.kind
    figure.group, figure.event, figure.device = other.group, other.event, other.device


def _read_as_total(figure: _Figure, discourse: _Discourse) -> bool:
    """Read ``figure`` as counting what the paragraph's last total counts, if there is one."""
    total = _parent(discourse, figure.mention.quantity.unit, totals_only=True)
    if total is not None:
        _read_as(figure, total)
    return total is not None


def _same_kind(parent: _Figure, unit: str | None) -> bool:
    """Whether a figure in ``unit`` may count what ``parent`` counts: a share, a surface and
    a count are three kinds."""
    measures = ("percent", "hectares")
    return (parent.kind in measures or unit in measures) <= (parent.kind == unit)


def _parent(
    discourse: _Discourse, unit: str | None = None, totals_only: bool = False
) -> _Figure | None:
    """The figure a part or a comparison refers to: the last of the paragraph not in brackets
    (of the kind of a figure in ``unit``, if given; no part, if ``totals_only``)."""
    for figure in reversed(discourse.figures):
        if (
            not figure.bracketed
            and figure.metric
            and (unit is None or _same_kind(figure, unit))
            and not (totals_only and figure.part)
        ):
            return figure
    return None


def _sentence_total(discourse: _Discourse, figure: _Figure) -> _Figure | None:
    """The last count of people before a figure in its sentence that is no part of another."""
    for before in reversed(discourse.figures):
        if before.sentence is not figure.sentence:
            return None
        if before.kind == "people" and not before.part:
            return before
    return None


def _previous(discourse: _Discourse, figure: _Figure) -> _Figure | None:
    """The figure before, in the same sentence (a labelled figure opens a line of its own;
    a count's share in brackets, "171 (27.9%) were killed", is no figure of the list)."""
    if figure.labelled:
        return None
    for before in reversed(discourse.figures):
        if before.sentence is not figure.sentence:
            return None
        if not _is_bracketed_share(before):
            return before
    return None


def _sum_of(figure: _Figure, discourse: _Discourse) -> tuple[str, str] | None:
    """(group, event) of a bare number that sums the counts of its sentence before it ("killed
    71 people and injured 302, a total of 373", "12 killed and 40 injured, 52 in all"): the
    event of the sum of their events, when the vocabulary has one and they count one group."""
    c = cues()
    if not (c.sum_before.search(figure.before) or c.sum_after.match(figure.trailing)):
        return None
    parts = [
        f
        for f in discourse.figures
        if f.sentence is figure.sentence and f.kind == "people" and f.event and not f.part
    ]
    groups = {f.group for f in parts}
    event = c.event_sums.get(frozenset(f.event for f in parts))
    return (groups.pop(), event) if event and len(groups) == 1 else None


def _is_bracketed_share(figure: _Figure) -> bool:
    """Whether a share restates the count right before it: "171 (27.9%)", "104 of the
    casualties, or 64 per cent"."""
    return figure.mention.quantity.unit == "percent" and (
        figure.before.strip() == "(" or RESTATED_SHARE.search(figure.before) is not None
    )


# A count per unit of time after its noun: "1,000 mines a month", "5 casualties per week".
RATE_AFTER = re.compile(
    r"(?:\s+(?!(?:in|within|over|for|during|after|than)\b)[\w-]+){0,3}?"
    r"\s+(?:(?:a|an|per|each|every)\s+(?:day|week|month|year)"
    # a ratio: "cancelled 3 hectares for every hectare cleared"
    r"|for\s+(?:every|each)\s+(?!one\b)\w+"
    # a density: "one mine every 3 to 5 metres", "12 mines per square kilometre"
    r"|(?:per|every|each)\s+(?:[\d.,]+\s+(?:(?:to|or|-)\s+[\d.,]+\s+)?)?(?:square\s+)?"
    r"(?:metres?|meters?|kilometres?|kilometers?|km|hectares?|ha))\b"
    r"(?!\s+(?:ago|earlier|later|before|after|previously)\b)",  # (not "241 a year earlier")
    re.IGNORECASE,
)
POSSESSED = re.compile(
    r"\b(?:has|have|had|employs?|employed)\s+(?:only\s+|just\s+|now\s+|still\s+)?$", re.IGNORECASE
)
OF_THE_TOTAL = re.compile(r"\s+of\s+(?:the|that|this)\s+total\b", re.IGNORECASE)
# A place's part of the total before: "Aghdam district alone accounts for 62".
PLACE_PART = re.compile(
    rf"(?<![\w-]){areas.NAME}(?:\s+\w+)?\s+alone\s+(?:account(?:s|ed)?\s+for|makes?\s+up|made\s+up)\s*$"
)


def _part_of_the_total(figure: _Figure) -> bool:
    """Whether a bare number is a part of the paragraph's total: "Children make up 1,280 of
    the total", "Aghdam district alone accounts for 62"."""
    return bool(OF_THE_TOTAL.match(figure.trailing) or PLACE_PART.search(figure.before))


RESTATED_SHARE = re.compile(r",\s+or\s+$")


def _read_people(
    figure: _Figure, noun: frames.Noun, counted: str | None, discourse: _Discourse
) -> None:
    """A count of people: its group (who) and event (what happened), then the metric."""
    c = cues()
    previous = _previous(discourse, figure)
    introduced = frames.is_subgroup(figure.before) or (
        previous is not None and frames.follows_its_whole(previous.clause_before, figure.before)
    )
    more = frames.is_ellipsis(figure.before) and discourse.total is not None
    # "Mines hurt 52 civilians in May. In June, 7 were killed": the same people, in the
    # paragraph of their total (or the one after it), as the subject of an event
    more = more or bool(
        (discourse.total or discourse.earlier_total)
        and frames.first_event(figure.trailing)
        and CLAUSE_OPENING.fullmatch(figure.before)
    )
    of_total = bool(discourse.total) and _part_of_the_total(figure)
    more = more or of_total
    if (
        noun.kind == "none"
        and not introduced  # ("187 deminers, of whom 31 were women": a part)
        and previous is not None
        and previous.kind == "people"
        and previous.event is None
        and previous.metric
        and frames.first_event(figure.trailing) is None
    ):
        # "reached 86,400 people in 2024 and 1.1 million since 2008": the same audience
        figure.kind, figure.group, figure.metric = "people", previous.group, previous.metric
        return
    if (
        noun.kind == "none"
        and previous is None
        and not introduced
        and not more
        and frames.active_event(figure.before) is None
    ):
        # a bare number with nothing before it to count: not a figure we can place (but
        # "Another 379 were hurt" adds to the total before, and "the blast killed 3" counts
        # the people it killed)
        return
    part = noun.kind == "partitive" or introduced or of_total  # ("... 1,280 of the total")
    ellipsis = noun.kind in ("none", "participle") and not part
    group = noun.name if noun.kind == "people" and noun.name != "general" else None
    if group is None and not frames.is_whole_of_part(figure.clause_before):
        group = frames.group_after(figure.trailing)  # (not the part's: "14 of the 65 ...")
    group = group or frames.group_before(figure.before)
    if group == SAME_GROUP:  # "two of his colleagues": of the group of the person before
        group = previous.group if previous is not None and previous.kind == "people" else None
    # (the group a question asks about, for an answer that names no people: "How many kids
    # have you taught?" - "186,000 people" counts people)
    group = (
        group or figure.title_group or (_asked_group(discourse) if noun.kind != "people" else None)
    )
    if group is None and noun.kind == "event":
        # ("casualties among deminers"; "Among civilians in the district, ... 41 victims")
        group = frames.group_among(counted or figure.trailing[:60]) or frames.group_of_opener(
            figure.sentence_before
        )
    if group is None and noun.kind == "partitive":
        group = (
            frames.group_of_part(figure.trailing)
            or frames.group_of_subject(figure.before)
            or frames.group_of_them(figure.sentence_before)
            or frames.group_of_relative(figure.before, figure.trailing)
            or _workforce_before(figure, discourse)
        )
    if group is None and SUCH_AFTER.match(figure.trailing):
        group = _topic_group(discourse)  # "In 2017 it corroborated 98 such casualties"
    if group is None and noun.kind == "none" and SECOND_VERB.search(figure.before):
        # "killed 23 civilians and injured 41", "killed 11 herders, including 4 boys, and
        # wounded 20": the same people as the total before (not its part)
        whole = _sentence_total(discourse, figure)
        if whole is not None and frames.active_event(figure.before) is not None:
            group = whole.group
    # (the other side of a comparison is no sibling: "173 deminers, 29 of them women,
    # compared with 96 deminers in 2021")
    sibling = None if part or figure.compared else _first_part_sibling(figure, discourse, group)
    if sibling is not None:
        part, ellipsis = True, False
    figure.part = part or _breaks_down_the_casualties(figure, noun, previous)
    # "among them 312 people": people of the total's group ("46 others" may be anyone)
    if group is None and noun.kind == "people" and not part:
        group = "general"
    # What happened: a verb before taking the count as object, an event noun, the predicate
    # after (for a bare number, only up to the next figure), the total it is a part of, or
    # the figure before (a list shares its verb).
    own_words = frames.after_partitive(figure.trailing)  # "(two of the wounded) later died"
    if noun.kind == "partitive" and BY_SEVERITY.match(own_words):
        return  # "two deminers were injured, one of them seriously": a part by how badly
    event = frames.active_event(figure.before)
    if event == "casualties" and noun.kind in ("event", "participle"):
        event = noun.event  # the noun says more than the verb: "suffered 12 killed"
    if event is None and noun.kind == "partitive":
        # a part's own verb comes before its total's event
        event = frames.first_event(frames.without_apposition(own_words))
    event = event or noun.event
    if frames.served(figure.clause_before, figure.clause_after, noun.kind == "event") and (
        noun.kind == "event"
        or frames.first_event(figure.trailing) is None
        or GROUP_SURVIVORS.match(figure.trailing)  # ("provided 2,340 child survivors with")
    ):
        # "interviewed 74 survivors", "310 survivors supported with rehabilitation": the
        # people a service reached, whatever befell them
        figure.kind, figure.group = "people", group or "general"
        figure.metric = _people_without_event(figure, figure.group, c.served_metrics)
        return
    if event is None and counted is None:
        counted = frames.count_noun_before(figure.clause_before, True)[1]
    if event is None and counted:
        event = frames.first_event(counted)
    if event is None:
        after = figure.clause_after
        if (
            (noun.kind == "none" or part) and not frames.opens_part(figure.trailing)
        ) or frames.opens_as_whole(figure.clause_before, figure.trailing):
            # a bare number or a part: its own words only ("Of those 350, 69 died";
            # "65 died, including 50 civilians, 278 were injured"); a whole before its part
            # ("Among the 1,142 people who survived, 318 lost a limb")
            after = figure.trailing
        event = frames.first_event(frames.without_apposition(after))
    if event is None:
        event = frames.part_of_event(figure.before) or frames.part_of_event(figure.clause_before)
    if event is None and figure.label and figure.lead_in:
        event = frames.first_event(figure.lead_in)  # "- Children: 12" under "Casualties in 2024:"
    if noun.event == "injured" and "amputated" in frames.events_in(figure.trailing):
        event = "amputated"  # "120 survivors are amputees": the injury their predicate names
    if part and event is None and not group and frames.has_other_predicate(figure.trailing):
        return  # "two of them remain in hospital": a part, but not of a count we keep
    if (
        noun.kind == "partitive"
        and noun.name is not None
        and not group
        and frames.first_event(own_words) is None
        and frames.has_other_predicate(own_words)
    ):
        return  # "two of the wounded are in a serious condition": their state, not a count
    if noun.kind == "partitive" and event is None and frames.is_object(figure.before):
        return  # "I met one of them": the object of a verb that names no event
    if (
        previous is not None
        and previous.part
        and previous.group in (None, "general")
        and group not in (None, "general")
        and not figure.bracketed
        and not introduced
    ):
        # "Of these, 171 were killed and 441 injured; 128 were children": the total broken
        # down by group after its events, not the part before
        previous = _parent(discourse, totals_only=True) or previous
    inherited = None
    summed = _sum_of(figure, discourse) if noun.kind == "none" else None
    if summed is not None:
        inherited = summed  # "killed 71 people and injured 302, a total of 373"
    elif sibling is not None:
        inherited = _sibling_source(sibling, discourse)
    elif part:
        inherited = _part_source(figure, discourse, previous)
    elif ellipsis and frames.is_ellipsis(figure.before) and discourse.total:
        inherited = discourse.total  # "the remaining 108": the rest of the total
    elif (
        POSSESSED.search(figure.before)
        and noun.kind == "people"
        and frames.first_event(figure.trailing) is None  # ("has had 3 sappers killed")
    ):
        # "... killed or injured since the ceasefire, and the country has fewer than 150
        # deminers": what a party has is no part of the list of events before
        figure.kind, figure.group = "people", group or "general"
        figure.metric = cues().group_sizes.get(figure.group)
        return
    elif ellipsis or group is not None:
        if (
            previous is not None
            and previous.part
            and not figure.bracketed
            and (
                frames.active_event(figure.before) is not None
                or (noun.kind == "none" and frames.group_of_part(previous.trailing) is not None)
            )
        ):
            # "killed 7 civilians, including 3 children, and wounded 15", "17 casualties in
            # 2021, 6 of them children, and 23 in 2022": the list goes on after the part,
            # with the total's people
            previous = _parent(discourse, totals_only=True) or previous
        elif (
            previous is not None
            and previous.metric in cues().share_metrics.values()
            and discourse.total
        ):
            # "Civilians account for two thirds of them, and 14 were deminers": after a
            # share of the total, a part of the same total (not after a share of the land:
            # "15 per cent of the land is cleared and 3,800 deminers are at work")
            inherited = _part_source(figure, discourse, None)
            part = figure.part = True
        if inherited is None:
            inherited = (previous.group, previous.event) if previous and previous.event else None
    if inherited:
        group = group or inherited[0]
        event = event or inherited[1]
    if event is None and noun.kind == "none" and group in (None, "general"):
        return  # (but "of whom 1,020 are deminers" may count a workforce)
    if group is None and noun.kind in ("none", "participle") and not inherited and not figure.label:
        group = _topic_group(discourse)  # "40 civilians died in May. In June, 12 were killed"
    group = group or "general"
    figure.kind, figure.group, figure.event = "people", group, event
    if event is None:
        if part and previous is not None and previous.metric and not previous.event:
            # "28,600 people reached, including 11,900 children": a count of its own only
            # where the vocabulary has one for its group, a part of the whole's metric
            metric = _people_without_event(figure, group, question=discourse.question)
            if metric and previous.metric in METRIC_PARTS_OF[metric]:
                figure.metric = metric
            return
        figure.metric = _people_without_event(figure, group, question=discourse.question)
        return
    figure.metric = c.people_metrics.get(group, {}).get(event)
    if noun.kind == "partitive" and event == "killed" and _counts_the_injured(previous):
        # "29 children were hurt, and 6 of them did not survive": the hurt include the dead
        previous.event = "casualties"
        previous.metric = c.people_metrics.get(previous.group or "general", {}).get("casualties")
    is_total = not (part or figure.compared or figure.bracketed)
    if figure.metric and is_total and (previous is None or not previous.event or summed):
        discourse.total = (group, event)  # (a sum of the figures before is their total)
    discourse.event = event


def _breaks_down_the_casualties(
    figure: _Figure, noun: frames.Noun, previous: _Figure | None
) -> bool:
    """Whether a count named by a participle right after a count of casualties breaks it down:
    "61 casualties in 2023, 19 killed and 42 injured" (so that "down from 88" compares the 61)."""
    return (
        noun.kind == "participle"
        and noun.event in ("killed", "injured")
        and previous is not None
        and previous.kind == "people"
        and (previous.event == "casualties" or previous.part)
        and not figure.compared
    )


def _counts_the_injured(figure: _Figure | None) -> bool:
    return figure is not None and figure.kind == "people" and figure.event == "injured"


SAME_GROUP = "same_as_before"  # (the vocabulary's group of "colleagues", "comrades")


def _asked_group(discourse: _Discourse) -> str | None:
    """The group a question asks a count of: "How many civilians were killed?" - "11"."""
    if not discourse.question:
        return None
    asked = frames.asked_noun(discourse.question)
    return asked.name if asked.kind == "people" and asked.name != "general" else None


def _workforce_before(figure: _Figure, discourse: _Discourse) -> str | None:
    """The group of a workforce counted in the sentence before, that "them" in a part opening
    a sentence refers to: "The Service has some 450 pyrotechnicians. One of them was killed"."""
    last = discourse.figures[-1] if discourse.figures else None
    if (
        last is None
        or last.sentence is figure.sentence
        or not CLAUSE_OPENING.fullmatch(figure.sentence_before)  # ("Since 2014, 3 of them")
        or last.kind != "people"
        or last.event is not None
        or last.group in (None, "general")
    ):
        return None
    return last.group


SUCH_AFTER = re.compile(r"\s+such\b", re.IGNORECASE)
# A count of every cause, not of mines: "patients with amputations from all causes"
ALL_CAUSES = re.compile(r"\b(?:from|for|of)\s+all\s+causes\b", re.IGNORECASE)
# ... nor people hurt by other weapons: "3 men were wounded by artillery fire", "killed in an
# air strike".
OTHER_WEAPONS = re.compile(
    r"\b(?:by|in|from)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:artillery|shelling|gunfire|sniper|"
    r"air\s*strikes?|airstrikes?|drones?(?!\s+(?:survey|imagery))|missiles?|bombardment)\b",
    re.IGNORECASE,
)


def _topic_group(discourse: _Discourse) -> str | None:
    """The group the casualties of a paragraph (or of the one before) are about, when its
    total named one: a bare "12 killed" goes on counting it."""
    total = discourse.total or discourse.earlier_total
    return total[0] if total and total[0] != "general" else None


def _first_part_sibling(
    figure: _Figure, discourse: _Discourse, group: str | None
) -> _Figure | None:
    """The first part of a total in the figure's sentence, when the figure names a group and
    no event after it: "Of the victims, 12 died, 37 were hurt and 9 were children" (9 are
    children among the victims, not among the hurt)."""
    if group in (None, "general") or frames.first_event(figure.trailing) is not None:
        return None
    return next((f for f in discourse.figures if f.sentence is figure.sentence and f.part), None)


def _sibling_source(sibling: _Figure, discourse: _Discourse) -> tuple[str, str] | None:
    """(group, event) of the total whose parts a sentence lists, from the first part's words
    ("Of the victims, ...", "Nine of the casualties were children ...") or the paragraph's
    last total."""
    event = frames.part_of_event(sibling.before) or frames.part_of_event(sibling.clause_before)
    if event is None:
        whole = frames.noun_after(sibling.trailing)
        event = whole.event if whole.kind == "partitive" else None
    return ("general", event) if event else discourse.total or discourse.earlier_total


def _people_without_event(
    figure: _Figure,
    group: str,
    first: Mapping[str, tuple[str | None, Cue]] | None = None,
    question: str = "",
) -> str | None:
    """A count of people to whom nothing happened: a workforce, an audience (told by the
    words of its sentence, "it employs 1,150 staff, of whom 1,020 are deminers", or of the
    question it answers, "How many deminers are working?" - "About 3,500")."""
    clause = f"{question} {_sentence_of(figure)} {figure.table_context}"
    candidates = [*(first or {}).items(), *cues().people_without_event.items()]
    # a metric of the figure's own group before one of anyone ("supplied limbs to 186
    # survivors, and school programmes reached 21,450 children": the children are an audience)
    candidates.sort(key=lambda item: item[1][0] != group)
    for metric, (wanted, cue) in candidates:
        if wanted in (None, group) and cue.search(clause):
            return metric
    if figure.label and frames.head_of(figure.label) == ("people", group):
        return cues().group_sizes.get(group)  # "- Deminers: 318": a label naming the group
    return None


def _part_source(
    figure: _Figure, discourse: _Discourse, previous: _Figure | None
) -> tuple[str, str] | None:
    """(group, event) of the total a part belongs to: the figure before in the sentence, else
    the paragraph's last total, else the last event it named."""
    if previous is not None and previous.bracketed and not figure.bracketed:
        # "14 (3 killed, 11 injured), including 2 children": a part of the total, not of
        # the breakdown in brackets
        previous = _parent(discourse)
    elif previous is not None and previous.part and areas.accounts_for(figure.before):
        # "94 were killed or injured, 31 of them fatally; Konduga alone accounted for 29":
        # a place's share of the total, not of the part before
        previous = _parent(discourse, totals_only=True)
    pair = _killed_and_injured(discourse)
    if pair is not None and (previous is None or previous is pair[1]):
        # "mines killed 74 and injured 292 people. Among them were 68 civilians": a part of
        # both, the casualties
        return (pair[1].group or "general", "casualties")
    if previous is not None and previous.event and previous.kind == "people":
        # "18 of them died, of whom 2 were reporters": the part of a part
        return (previous.group or "general", previous.event)
    if previous is not None and not previous.event and previous.not_a_claim is None:
        # "28,600 people reached, including 11,900 children", "214 staff, including 176
        # deminers": a part of a count to which nothing happened
        return None
    if discourse.total:
        return discourse.total
    if discourse.event:
        return ("general", discourse.event)
    # "Westmarch accounted for 17 of the June casualties": of the total a paragraph before
    return discourse.earlier_total


def _killed_and_injured(discourse: _Discourse) -> tuple[_Figure, _Figure] | None:
    """The paragraph's last two figures, when they are the killed and the injured of one
    sentence ("killed 74 and injured 292 people"), both totals (shares of them aside: "...
    two thirds of them civilians, and 14 were deminers")."""
    figures = [  # (not "down from 88 in 2022")
        f for f in discourse.figures if not f.compared and f.kind != "percent"
    ]
    if len(figures) < 2:
        return None
    first, second = figures[-2:]
    if (
        first.sentence is second.sentence
        and first.kind == second.kind == "people"
        and not (first.part or second.part)
        and {first.event, second.event} == {"killed", "injured"}
    ):
        return first, second
    return None


def _thing_metric(figure: _Figure, kind: str, discourse: _Discourse) -> str | None:
    """A count of things: mines (and which count), incidents, maps, countries ..."""
    c = cues()
    previous = _previous(discourse, figure)
    if kind == "mines":
        figure.device = _device(figure, previous)
        metric = _mine_metric(figure, previous, discourse)
        if metric:
            discourse.mine_metric = metric
        return metric
    if kind == "incidents":
        return "incidents"
    if kind == "maps":
        return c.maps_metric.any(_sentence_of(figure))
    if kind in c.counts_metric:
        cue = c.counts_cue[kind]
        if cue.search(figure.clause_after) or cue.search(figure.clause_before):
            return c.counts_metric[kind]
    return None


def _sentence_of(figure: _Figure) -> str:
    """The figure's sentence up to the end of its clause."""
    return figure.sentence_before + figure.mention.quantity.surface + figure.clause_after


def _mine_metric(figure: _Figure, previous: _Figure | None, discourse: _Discourse) -> str | None:
    """Which count of mines: covered by maps, found, laid or stockpiled; the verb nearest the
    number wins, a list shares its verb, a list item its lead-in's."""
    c = cues()
    if c.mines_on_maps.search(figure.before) or c.mines_on_maps.search(figure.label):
        return "mines_on_maps"  # (or its label: "Mines shown on the records: 2,940")
    last = discourse.figures[-1] if discourse.figures else None
    if THEY_SHOW.match(figure.before) and last is not None and last.kind == "maps":
        return "mines_on_maps"  # "... received 117 minefield records. They show 20,480 mines."
    found_before = _last_choice(c.mine_metrics, figure.before[-40:])
    # After the number, a finite verb is the predicate ("were found"); a bare participle may
    # describe another noun ("mines produced in 2021 and booby traps installed ... were found").
    finite = FINITE_CUE.search(figure.clause_after)
    after = c.mine_metrics.first(figure.clause_after[finite.end() :] if finite else "")
    after = after or c.mine_metrics.first(figure.clause_after)
    for metric in (found_before, after, _last_choice(c.mine_metrics, figure.clause_before)):
        if metric == "mines_found" and _from_a_stockpile(figure):
            return "mines_stockpile_destroyed"  # "destroyed 40,000 stockpiled mines": not found
        if metric == "mines_stockpiled" and STOCKPILE_DESTROYED.search(figure.clause_before):
            return "mines_stockpile_destroyed"  # "destroyed a stockpile of 337,725 mines"
        if metric == "mines_laid" and "mines_stockpiled" in c.mine_metrics.all(
            figure.clause_before + figure.clause_after
        ):
            return "mines_stockpiled"  # "believed to have 26 million mines in its depots"
        if metric:
            return metric
    if figure.table_context:
        # (a column beside the land cleared counts what the clearance found: "Land released
        # (ha) | AP mines")
        named = c.mine_metrics.first(figure.table_context)
        cleared = c.area_metrics.first(figure.table_context) == "area_cleared_ha"
        return named or ("mines_found" if cleared else None)
    # a list shares its verb; a part ("143 of them were ...") counts as its whole
    source = previous if previous is not None or not figure.part else _parent(discourse)
    if source is not None and source.kind == "mines" and source.metric:
        return source.metric
    if (
        figure.sentence.list_item or ADDS_ON.match(figure.sentence_before)
    ) and discourse.mine_metric:
        return discourse.mine_metric  # "Plus 37 bits of UXO": more of the count before
    # "- AT mines: 1,097" under "What we found in 2025:": the lead-in's operation
    return c.mine_metrics.first(figure.lead_in) if figure.lead_in else None


# A sentence that adds to the one before: "Plus 37 shells", "Also 12 anti-tank mines".
ADDS_ON = re.compile(r"\W*(?:plus|also|in addition|besides|and)\b[,\s]*$", re.IGNORECASE)


# A stockpile's destruction named before its count: "destroyed its stockpile of", "the
# destruction of stocks totalling".
STOCKPILE_DESTROYED = re.compile(
    r"\b(?:destroy\w*|destruction\s+of)\s+(?:[\w-]+\s+){0,3}?stock(?:pile)?s?\s+"
    r"(?:of|totall?ing|numbering)\s+$",
    re.IGNORECASE,
)
# The words of a count's own noun phrase end at a comma or a conjunction.
NOUN_PHRASE_END = re.compile(r"[,;]|\b(?:and|but|while)\b")


def _from_a_stockpile(figure: _Figure) -> bool:
    """Whether the mines counted are named as a stockpile's ("4,000 stockpiled mines", "mines
    from its stocks"), in the words right after the number."""
    own_words = NOUN_PHRASE_END.split(figure.trailing[:60], maxsplit=1)[0]
    return cues().mine_metrics.first(own_words) == "mines_stockpiled"


def _last_choice(options: Choices[str], text: str) -> str | None:
    """The name of the cue whose match ends last in ``text``."""
    return options.last(text) if text else None


def _device(figure: _Figure, previous: _Figure | None) -> str | None:
    """The kind of device a mine count names after it ("anti-tank and anti-personnel": all);
    a number without a noun of its own takes the device of the figure before."""
    c = cues()
    phrase = figure.trailing[:80]
    named = c.devices.all(phrase)
    if {"anti_personnel", "anti_tank"} <= named or (
        "uxo" in named and re.search(r"\bmines\b", phrase, re.IGNORECASE)
    ):
        return "all"
    if len(named) == 1:
        return next(iter(named))
    if named:
        return c.devices.first(phrase)
    if previous is not None and previous.kind == "mines" and not c.all_devices.search(phrase):
        return previous.device
    return None


def _percent_metric(figure: _Figure, discourse: _Discourse) -> str | None:
    """A share: of a group among the casualties, of an area, of the maps."""
    c = cues()
    previous = _previous(discourse, figure)
    if previous is not None and previous.kind == "people" and _is_bracketed_share(figure):
        # "128 (20.9%) were children", "104 of the casualties, or 64 per cent": the share of
        # the count before in its total
        if previous.event == "casualties" and previous.group in c.share_metrics:
            return c.share_metrics[previous.group]
        return None
    among = AMONG.match(figure.trailing)
    if among:
        # "Women among clearance staff (%) | 31", "children among the casualties: 40%"
        part = frames.head_of(among["part"])
        whole = frames.head_of(frames.noun_phrase(" " + among["whole"]))
        if part and part[0] == "people":
            if whole == ("people", "deminers") and part[1] in c.deminer_shares:
                return c.deminer_shares[part[1]]
            if whole == ("event", "casualties") and part[1] in c.share_metrics:
                return c.share_metrics[part[1]]
    group = frames.group_before(figure.before)
    if group in c.share_metrics:
        of_casualties = frames.first_event(figure.trailing) in ("casualties", None) and (
            frames.first_event(figure.trailing) or re.match(r"\s*of\s+them\b", figure.trailing)
        )
        shared = previous is not None and previous.metric in c.share_metrics.values()
        if of_casualties or shared:
            return c.share_metrics[group]
    share_of = SHARE_OF.match(figure.trailing)
    remainder = REMAINDER_OF.match(figure.clause_after)  # ("about 60 per cent of it")
    whole = share_of.group(1) if share_of else figure.trailing.lstrip()  # ("one in three ...")
    if PLACES_COUNTED.match(whole) or POLLED.match(whole):
        # "a quarter of all villages", "one in three villages": a share of places, not of land
        # or people; "76% of respondents": of a poll's answers
        return None
    # (not "25% of the information on these maps", nor "25% of them": what its noun names)
    phrase = frames.noun_phrase(" " + share_of.group(1)).split() if share_of else []
    head = frames.head_of(" ".join(phrase)) if phrase and phrase[0] not in PRONOUNS else None
    if (
        share_of
        and not (head and head[0] in ("people", "event"))
        and previous is not None
        and previous.metric in c.area_shares
        and figure.before.rstrip().endswith(",")
        and not remainder  # (below)
    ):
        # "140 hectares are still suspected, about 18 per cent of the arable land"
        return c.area_shares[previous.metric]
    if share_of and head and head[0] in ("people", "event"):
        # "40 per cent of the victims were children": a group's share of the casualties;
        # "31 per cent of the deminers are women": of the deminers (a share of people, not
        # of land); "women make up 26 per cent of the deminers" (the part named before)
        part = frames.group_after(figure.trailing[share_of.start(1) :])
        if head == ("people", "deminers"):
            return c.deminer_shares.get(part or group or "")
        # ("four in ten of the civilian victims were children": of the casualties too)
        of_casualties = head == ("event", "casualties") or (
            frames.first_event(" ".join(phrase)) == "casualties"
        )
        return c.share_metrics.get(part or "") if of_casualties else None
    # The whole a share is of: the count before it in the sentence; for "of them" or a share
    # of nothing named, the paragraph's last count of people ("1,210 deminers were employed by
    # the 4 operators, and women made up 26 per cent of them"; "61 casualties ... About 60%
    # were children")
    whole = previous
    # ("About 60% were children."; after a part, "of whom 486 died; 80 per cent were civilians")
    bare = share_of is None and (previous is None or previous.part)
    # (not "of those children"; but "60 per cent of them soldiers": "them" takes no noun)
    pronoun = bool(phrase) and phrase[0] in PRONOUNS and (len(phrase) == 1 or phrase[0] == "them")
    if bare or (share_of and pronoun):
        people = (
            f
            for f in reversed(discourse.figures)
            if f.kind == "people" and not (f.part or f.compared)  # (not "down from 88")
        )
        whole = next(people, whole)
    if whole is not None and whole.kind == "people" and whole.group == "deminers":
        # "297 deminers, 15% of them women"; "... and women made up 26 per cent of them"
        part = frames.group_of_part(figure.trailing) or frames.group_after(figure.trailing)
        labelled = frames.head_of(figure.label) if figure.label else None
        if part is None and labelled and labelled[0] == "people":
            part = labelled[1]  # "- Deminers: 318 / - Women: 29%"
        if (part or group) in c.deminer_shares:
            return c.deminer_shares[part or group]
    pair = _killed_and_injured(discourse)  # "19 killed and 42 injured": the casualties
    if (
        whole is not None
        and whole.kind == "people"
        and (whole.event == "casualties" or (pair is not None and whole in pair))
    ):
        # "3,112 casualties, 85 per cent of them civilians"; "Of the 200 victims, 60 per cent
        # were civilians"; "Of the 300 victims, children made up 40 per cent": a group's
        # share of the casualties counted just before
        part = frames.group_after(figure.trailing) or frames.group_of_part(figure.trailing)
        if (part or group) in c.share_metrics:
            return c.share_metrics[part or group]
    named = frames.noun_after(figure.trailing)
    of_casualties = named.event == "casualties" or (
        named.kind == "people"  # "civilian victims"
        and frames.first_event(frames.noun_phrase(figure.trailing)) == "casualties"
    )
    sibling = previous is not None and previous.metric in c.share_metrics.values()
    if of_casualties or (named.kind == "none" and sibling):
        # "one in four civilian victims was a child"; "two-thirds of the victims were
        # civilians; a third were soldiers"
        group = frames.group_after(figure.trailing)
        if group in c.share_metrics:
            return c.share_metrics[group]
    clause = figure.clause_before + " " + figure.clause_after
    if figure.table_context and c.progress.search(figure.trailing):
        # "Site | Area cleared (m2) | ... | Progress": how much of each site is cleared
        named = c.area_metrics.first(figure.table_context)
        return "area_cleared_pct" if named == "area_cleared_ha" else None
    if remainder:
        # "more than half of what is left lies in two provinces", "about 60 per cent of it in
        # the north": where the area counted before lies, a share of it and of no land; only
        # what was done to the share names it ("40 per cent of it has been cleared", "teams
        # cleared 40 per cent of the contamination"), in the words next to it
        verb = figure.clause_before.rsplit(",", 1)[-1][-30:]
        predicate = figure.clause_after[remainder.end() :].split(",", 1)[0]
        return c.percent_metrics.any(verb + " " + predicate)
    return c.percent_metrics.any(clause) or c.percent_metrics.any(_sentence_of(figure))


# A share of what was just counted, or of the contamination itself: "of it", "of what is
# left", "of the remaining area", "of improvised-mine contamination".
REMAINDER_OF = re.compile(
    r"\s*of\s+(?:it|that|this|what\s+(?:is|was)\s+left|what\s+remains?|the\s+(?:remaining|rest)"
    r"|the\s+remainder|(?:the\s+|all\s+)?(?:[\w-]+\s+)?contamination)\b",
    re.IGNORECASE,
)
PRONOUNS = frozenset(["them", "these", "those", "it", "this", "that"])
# What a share is of: "per cent of the deminers", "% of all victims".
# Places counted, whose share is none of land: "a quarter of all villages", "40% of households".
PLACES_COUNTED = re.compile(
    r"(?:[\w-]+\s+)?(?:villages|households|communities|settlements|towns|schools|families)\b",
    re.IGNORECASE,
)
POLLED = re.compile(
    r"(?:respondents|(?:those|people|adults|residents|voters)\s+"
    r"(?:surveyed|polled|asked|interviewed|questioned))\b",
    re.IGNORECASE,
)
SHARE_OF = re.compile(r"\s*of\s+(?:the\s+|all\s+|its\s+|their\s+)?((?:[\w'’-]+\s+){0,2}[\w'’-]+)")


def _area_metric(figure: _Figure, discourse: _Discourse) -> str | None:
    """A surface: cleared, surveyed or contaminated, by the cue nearest the number."""
    c = cues()
    # "29 km2 through survey and 4.1 through clearance" (its own words: not "clearance (31.9
    # ha) and land reduced by technical survey")
    own = areas.own_words(figure.trailing)
    means = c.area_means.first(own)
    if means and c.area_metrics.first(own) != "area_contaminated_ha":
        return means  # (not "82 km2 of suspected area identified by survey")
    previous = _previous(discourse, figure)
    predicate = PREDICATE_AFTER.match(figure.clause_after)  # "were surveyed", "remain to be"
    if predicate:
        found = c.area_metrics.search(figure.clause_after[predicate.start(1) :])
        if found and found[1] == 0:
            return found[0]
    after = c.area_metrics.search(figure.clause_after)
    before = _last_match(c.area_metrics, figure.clause_before)
    if after and before:
        return after[0] if after[1] < len(figure.clause_before) - before[1] else before[0]
    if after or before:
        return (after or before)[0]
    if previous is not None and previous.kind == "hectares":
        return previous.metric
    if frames.LEAD_IN_COLON.search(figure.sentence_before):
        # "The remaining suspected area is small: about 4.3 km2 in 67 municipalities"
        lead_in = _last_match(c.area_metrics, figure.sentence_before)
        if lead_in:
            return lead_in[0]
    whole = _parent(discourse, "hectares")
    if whole is not None and frames.cues().reported_before.search(figure.before):
        return whole.metric  # "9.4 km2 remain suspected. Nationally the figure is 23 km2."
    if whole is not None and (figure.bracketed or c.area_part.search(_sentence_of(figure))):
        # "18.4 km2 remained to be cleared. The largest share, 9.6 km2, lies in A, followed
        # by B with 5.1 km2": parts of the surface before; "March was the quietest month (38
        # hectares)": an aside on it
        return whole.metric
    if discourse.question:  # "What area is still mined?" - "About 8,000 km2."
        found = c.area_metrics.search(discourse.question)
        return found[0] if found else None
    return None


def _last_match(options: Choices[str], text: str) -> tuple[str, int] | None:
    """The name of the cue whose match ends last in ``text``, and that end."""
    best: tuple[str, int] | None = None
    lowered = text.lower()
    for name, cue in options.cues.items():
        for match in cue.finditer(text, lowered=lowered):
            if best is None or match.end() > best[1]:
                best = (name, match.end())
    return best


# ---- Period, area, and the result -----------------------------------------------------------


def _question_before(text: str, line: str, paragraph: int) -> str:
    """The paragraph before, if it asks a question ("How many mines are there?"): an answer
    counts what the question asks about."""
    if paragraph == 0:
        return ""
    start, end = segments.paragraphs(text)[paragraph - 1]
    asked = line[start:end].rstrip()
    return asked if asked.endswith("?") else ""


def _asked_period(question: str, context: periods.Context) -> Period | None:
    """The last period a question names ("... in April?"), if any."""
    phrases = periods.find_periods(question, 0, len(question), context)
    return next((p.period for p in reversed(phrases) if p.period), None)


def _heading_period(
    text: str, line: str, paragraph: int, context: periods.Context
) -> Period | None:
    """The period of the paragraph before, if it is a title (one line, no full stop)."""
    title, _ = _title_before(text, line, paragraph)
    return periods.title_period(title, context) if title else None


def _title_before(text: str, line: str, paragraph: int) -> tuple[str, int]:
    """The paragraph before ``paragraph`` and where it starts, if it is a title or a lead-in
    (a line that ends without a full stop); else ("", -1). Of a few such lines ("Form F:
    Programmes" over "Table F.1. Land released, 2024"), the last is the title; the rows of
    a table are none."""
    spans = segments.paragraphs(text)
    # (over the rows above, each a paragraph of its own: "Antioquia ...... 31" over "Cauca ...")
    while paragraph > 0 and segments.LABEL_ROW.match(line, *spans[paragraph - 1]):
        paragraph -= 1
    if paragraph == 0:
        return "", -1
    start, end = spans[paragraph - 1]
    block = text[start:end].rstrip()
    lines = block.split("\n")
    if not block or block[-1] in ".!?" or len(lines) > TITLE_LINES or "|" in block:
        return "", -1
    last = start + block.rfind("\n") + 1
    return line[last : start + len(block)], last


TITLE_LINES = 3  # a title block: a form's name, a table's number and title, its date


def _topic(metric: str) -> str:
    """The topic of a metric (``classify.topics``): periods carry across paragraphs within one."""
    return cues().topics.get(metric, metric)


def _period_before(text: str, line: str, paragraph: int, context: periods.Context) -> Period | None:
    """The last period named in the paragraphs before ``paragraph`` (read only when a paragraph
    refers back to one and none was read before)."""
    for index in range(paragraph - 1, max(-1, paragraph - 4), -1):
        for sentence in reversed(segments.sentences(text, {index}, line)):
            found = periods.find_periods(line, sentence.start, sentence.end, context)
            named = [p for p in found if p.period]
            if named:
                return named[-1].period
    return None


def _carried(
    phrases: list[PeriodPhrase],
    paragraph: Period | None,
    last: Period | None,
    sentence: segments.Sentence,
    context: periods.Context,
) -> Period | None:
    """The period a sentence starts with: its paragraph's, or the one before for a sentence
    that refers back ("In the same period, ..."), or the time since the start of that one
    ("Demining began in 2005. Since then, ...")."""
    if phrases and phrases[0].back_reference and phrases[0].begin <= sentence.start + 2:
        before = paragraph or last
        if phrases[0].since_reference:
            start = before.start if before else None
            return Period("window", start, context.end) if start else None
        return before
    return paragraph


def _trailing_phrase(figure: _Figure, phrases: list[PeriodPhrase]) -> PeriodPhrase | None:
    """A period phrase right after a figure, before any comma ("77 in 2019")."""
    q = figure.mention.quantity
    cut = TRAILING_END.search(figure.trailing)
    end = q.end + (cut.start() if cut else len(figure.trailing))
    return next((p for p in phrases if p.period and q.end <= p.begin < end), None)


def _own_period(
    figure: _Figure, phrases: list[PeriodPhrase], others: list[PeriodPhrase]
) -> PeriodPhrase | None:
    """The period phrase of a figure in its sentence: right after it ("77 in 2019"), else the
    last before it, else the first after it that is no other figure's own ("210 were hurt, of
    whom 40 died, after the fighting stopped")."""
    trailing = _trailing_phrase(figure, phrases)
    if trailing:
        return trailing
    q = figure.mention.quantity
    sentence_start = q.start - len(figure.sentence_before)
    for phrase in phrases:
        # a bracket right after a period gives its figure: "up 18% on Q2 (72.1 hectares)"
        if phrase.period and OPEN_BRACKET.fullmatch(
            figure.sentence_before, phrase.end - sentence_start
        ):
            return phrase
    # (not the period of a comparison: "5,930 items, twice as many as in 2023")
    phrases = [p for p in phrases if p.period and p not in others and not _compared(figure, p)]
    before = [p for p in phrases if p.end <= q.start]
    if before:
        return before[-1]
    return next((p for p in phrases if p.begin >= q.end), None)


OPEN_BRACKET = re.compile(r"\s*\(\s*")


def _compared(figure: _Figure, phrase: PeriodPhrase) -> bool:
    """Whether a period phrase of the figure's clause is that of a comparison ("twice as many
    as in 2023", "more than in 2022")."""
    q = figure.mention.quantity
    if phrase.begin >= q.end:
        words = figure.clause_after[: phrase.begin - q.end]
    else:
        # (over the whole sentence: "cleared 85 ha, up 18% on Q2 (72 ha), and destroyed 613
        # mines": Q2 is the compared figure's, not the mines')
        sentence_start = q.start - len(figure.sentence_before)
        words = figure.sentence_before[: max(0, phrase.begin - sentence_start)]
    return bool(words) and COMPARED_BEFORE.search(words) is not None


# The words of a comparison right before a period ("as many as in 2023", "than in 2022",
# "up 18% on Q2", "down by a third from 2023").
COMPARED_BEFORE = re.compile(
    r"(?:\bas\s+(?:\w+\s+)?as|\bthan|\bcompared\s+(?:with|to)|\bagainst|\bversus|"
    r"\b(?:up|down|r[io]se|fell|fall|increase|decrease|drop)\w*\s+(?:by\s+)?(?:[\w.,]+\s*"
    r"(?:%|per\s?cent)?\s+)?(?:from|on|over))\s*(?:in\s+|the\s+)?$",
    re.IGNORECASE,
)


def _next_period(
    phrases: list[PeriodPhrase],
    carried: Period | None,
    own: list[PeriodPhrase | None],
    line: str,
    sentence_start: int,
) -> Period | None:
    """The period the next sentence of the paragraph starts with: the one this sentence gave
    its first figure, or the last it named outside a relative clause ("2021 was our best
    year, despite a wave of COVID-19 that closed our base in July": 2021)."""
    if own:
        first = next((p for p in own if p is not None), None)
        return first.period if first else carried
    named = [p for p in phrases if p.period]
    main = [p for p in named if not RELATIVE_CLAUSE_BEFORE.search(line, sentence_start, p.begin)]
    return (main or named)[-1].period if named else carried


# A share of a group among a whole: "(31 per cent) women among clearance staff".
AMONG = re.compile(
    r"\s*(?:of\s+)?(?P<part>[\w-]+)\s+among\s+(?:the\s+|our\s+|its\s+)?(?P<whole>[^.;:()]+)", re.I
)
# The maps just counted, as the subject of what they show: "They show 20,480 mines".
THEY_SHOW = re.compile(
    r"\W*(?:they|these|those)\s+(?:show|indicate|mark|record|list|contain)(?:s|ed)?\s+(?:some\s+|about\s+)?$",
    re.IGNORECASE,
)
# How badly, after a part: "one of them seriously" (not "9 of them fatally": the dead).
BY_SEVERITY = re.compile(
    r"\s*(?:very\s+|most\s+)?(?:seriously|critically|severely|badly|gravely|slightly|lightly)\b",
    re.IGNORECASE,
)
# A phrase in a relative clause: "that", "which" or "who" before it, and no comma between.
RELATIVE_CLAUSE_BEFORE = re.compile(rf"\b{RELATIVE_PRONOUN}\b[^,;:()]*$", re.IGNORECASE)


def _due_after_the_statement(figure: _Figure, context: periods.Context) -> bool:
    """Whether a figure is due by a year after its statement: "releasing about 800,000
    hectares by 2025", said in 2019, is a goal."""
    due = DUE_BY.match(figure.trailing)
    today = context.statement_date
    return bool(due and today and int(due["year"]) > today.year)


DUE_BY = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+by\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE
)


def _is_after_the_statement(own: PeriodPhrase | None, context: periods.Context) -> bool:
    """Whether a figure's own period begins after its statement was made: a plan or a
    projection, not a reported figure."""
    start = own.period.start if own is not None and own.period is not None else None
    today = context.statement_date
    return bool(start and today and start > today.isoformat())


def _result(
    figure: _Figure,
    own: PeriodPhrase | None,
    phrases: list[PeriodPhrase],
    carried: Period | None,
    line: str,
    previous_sentence: str,
    context: periods.Context,
    topics: dict[str, Period],
    discourse: _Discourse,
    countries: areas.Countries,
) -> Classification | NotAClaim | None:
    """The classification of a read figure: its period, area, unit and device (``countries``:
    those the statement names)."""
    if figure.not_a_claim:
        return figure.not_a_claim
    metric = figure.metric
    if metric is None:
        return None
    if _is_after_the_statement(own, context) or _due_after_the_statement(figure, context):
        return NotAClaim("target")  # "will train 120 deminers in Q1 2026": a plan
    c = cues()
    period = periods.UNSPECIFIED
    if metric in c.own_period_only and own is not None and own.period is not None:
        # (its own clause's: "... injured 12 in 2024; the operator now employs 210 deminers")
        if own.begin >= figure.clause[0]:
            period = own.period
    elif metric in c.periodic:
        # Its own phrase, the paragraph's period, or the last of its topic before (a new
        # paragraph on casualties goes on with the period of the casualties before).
        period = (
            (own.period if own else carried)
            or topics.get(_topic(metric))
            or context.reporting
            or periods.UNSPECIFIED
        )
        as_of = next((p.as_of for p in phrases if p.as_of), None)
        if as_of and period.name in AS_OF_ENDS:
            period = Period(period.name, period.start, as_of)
        elif as_of and period.name == "year" and period.start and as_of[:4] == period.start[:4]:
            period = Period("window", period.start, as_of)  # "This year, up to 30 November"
        elif as_of and period.name == "unspecified" and context.karabakh:
            period = Period("since_ceasefire", periods.CEASEFIRE_DATE, as_of)
        if figure.time_label:
            period = periods.label_period(figure.time_label, context) or period
    sentence = line[figure.sentence.start : figure.sentence.end]
    clause = line[figure.clause[0] : figure.clause[1]]
    first = min(
        (f.mention.quantity.start for f in discourse.figures if f.clause == figure.clause),
        default=figure.mention.quantity.start,
    )
    area = areas.area_of(
        figure.clause_before,
        figure.trailing,
        clause,
        sentence,
        previous_sentence,
        line[figure.clause[0] : first],
        first == figure.mention.quantity.start,
        list_label=not any(
            f.labelled and not f.row_area
            for f in discourse.figures
            if f.sentence is figure.sentence
        ),
    )
    row = next((f.row_area for f in discourse.figures if f.sentence is figure.sentence), None)
    if row or figure.row_area:  # "- Salah al-Din: 19 (5 killed, 14 injured)": the row's place
        area = areas.place(figure.row_area or row or "")
    if area is None:  # in a text on several countries, the country named with the figure
        area = countries.area(areas.own_words(figure.trailing), figure.clause_before)
    if area is None:
        area = discourse.heading_area
    if area is None and figure.part:  # "One of them ... died": where the total was
        area = next(
            (f.area for f in reversed(discourse.figures) if f.area and f is not figure), None
        )
    figure.area = area
    unit = figure.mention.quantity.unit or METRIC_UNITS[metric]
    device = figure.device if METRIC_UNITS[metric] == "mines" else None
    if device is None and metric == "mines_found":
        device = "all"
    q = figure.mention.quantity
    values = (q.low, q.best, q.high) if figure.in_other_unit else None
    return Classification(metric, unit, period.name, period.start, period.end, area, device, values)
