"""Layer 3a of the rules: the periods a statement names, with their dates.

A period phrase is read where it stands ("From 3 March 2021 to 30 June 2022", "Between
1992 and 2020", "In January-June 2024", "Last year", "since the armistice came into force on 5
May 2019", "on Monday"). :func:`find_periods` returns each with its span, so the discourse layer
can give a figure the period of its clause, or carry it on to the next sentences.

The Karabakh-specific periods (``since_ceasefire``, ``since_1990s``) are used only in a
statement about that conflict (``classify.ceasefire_context``); elsewhere a dated span is a
``window``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from analysis.extract.areas import country_names
from analysis.extract.cues import Cue, leading_words
from analysis.extract.dates import MONTH_PATTERN, month_number
from analysis.extract.numbers import UNITS_WORDS
from analysis.schema import CEASEFIRE_DATE, vocabulary

YEAR = r"(?:19|20)\d{2}"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
MONTH = rf"(?:{MONTH_PATTERN})\.?"
# "10 November 2020", "November 10, 2020", "November 2020", "10 November", "2020".
DATE = (
    rf"(?:{DAY}\s+{MONTH}(?:,?\s+{YEAR})?|{MONTH}\s+{DAY}(?:,\s*|\s+){YEAR}"
    rf"|{MONTH},?\s+{YEAR}|{YEAR})"
)
DASH = r"\s*[-–—]\s*"
NUMBER_WORDS = {word: value for word, value in UNITS_WORDS.items() if 1 <= value <= 12}


@dataclass(frozen=True)
class Period:
    name: str
    start: str | None = None
    end: str | None = None


UNSPECIFIED = Period("unspecified")


@dataclass(frozen=True)
class PeriodPhrase:
    """A period named in a text, at ``text[begin:end]``; ``back_reference``: the phrase names
    no period of its own but the one before ("in the same period")."""

    period: Period | None
    begin: int
    end: int
    back_reference: bool = False
    as_of: str | None = None  # "as of 1 June 2024": the end date of a cumulative figure
    since_reference: bool = False  # "since then": from the start of the period before


@dataclass(frozen=True)
class Context:
    """What a period phrase is read against: the statement's date and its conflict."""

    statement_date: dt.date | None
    karabakh: bool
    reporting: Period | None = None  # the report's own period ("Reporting period: ...")

    @property
    def end(self) -> str | None:
        return self.statement_date.isoformat() if self.statement_date else None


def context_of(text: str, statement_date: str | None) -> Context:
    """The statement's date (ISO) and whether it is about the Karabakh conflict: it names it,
    or it names no other country (the Karabakh conflict is this package's subject)."""
    date = dt.date.fromisoformat(statement_date) if statement_date else None
    cues = _cues()
    # (names in capitals, as in a title or a dateline, are names too: "SOUTH LEBANON")
    named = (text, CAPITALS.sub(lambda word: word.group().capitalize(), text))
    karabakh = any(cues["ceasefire_context"].search(t) for t in named) or not any(
        cues["other_conflict"].search(t) or _names_another_country(t) for t in named
    )
    context = Context(date, karabakh)
    return replace(context, reporting=reporting_period(text, context))


def _names_another_country(text: str) -> bool:
    """Whether ``text`` names a country other than the two of the Karabakh conflict (CLDR's
    names: "Peru", "Cyprus", "Western Sahara")."""
    karabakh = _cues()["ceasefire_context"]
    return any(not karabakh.match(name.group()) for name in country_names().finditer(text))


TITLE_BLOCK_LINES = 3  # a title block: a name, a subtitle, a date line


def reporting_period(text: str, context: Context) -> Period | None:
    """The period a report covers: the one on its labelled line ("Reporting period: 1-31 July
    2024"), else the one its title block names ("Quarterly bulletin, Q2 2025")."""
    labelled = _cues()["reporting_line"].search(text)
    if labelled is not None:
        return title_period(labelled["value"], context)
    title = "\n".join(_title_block(text))
    named = [p.period for p in find_periods(title, 0, len(title), context) if p.period]
    return named[-1] if named else None


def _title_block(text: str) -> list[str]:
    """The paragraphs of headings that open a text, before its prose (a name, a subtitle, a
    date line: "TRUSTEES' REPORT FOR THE YEAR ENDED 31 DECEMBER 2021", "Page 3")."""
    block = []
    for paragraph in text.lstrip().split("\n\n", TITLE_BLOCK_PARAGRAPHS)[:TITLE_BLOCK_PARAGRAPHS]:
        if (
            paragraph.count("\n") >= TITLE_BLOCK_LINES
            or SENTENCE_END.search(paragraph)
            or LABELLED_VALUE.search(paragraph)
        ):
            break  # prose, or rows of figures ("Westmarch: 640"): the title block ends
        block.append(paragraph)
    return block


TITLE_BLOCK_PARAGRAPHS = 3
LABELLED_VALUE = re.compile(r":[^\S\n]*\d|:[^\S\n]*$", re.MULTILINE)
# (not an abbreviation before a number: "Company No. 08817264")
SENTENCE_END = re.compile(r"[.!?](?:\s+(?![\d(])|$)")


CAPITALS = re.compile(r"\b[A-Z]{3,}\b")


def _date_parts(text: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a printed date; a part not printed is None."""
    year = re.search(rf"\b{YEAR}\b", text)
    month = re.search(rf"\b(?:{MONTH_PATTERN})\b", text, re.IGNORECASE)  # (or "JUNE")
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", re.sub(rf"\b{YEAR}\b", "", text))
    return (
        int(year.group()) if year else None,
        month_number(month.group()) if month else None,
        int(day.group(1)) if day and month else None,
    )


def _first_day(year: int, month: int | None = None, day: int | None = None) -> str:
    return dt.date(year, month or 1, day or 1).isoformat()


def _last_day(year: int, month: int | None = None, day: int | None = None) -> str:
    month = month or 12
    return dt.date(year, month, day or calendar.monthrange(year, month)[1]).isoformat()


def _year_of(parts: tuple[int | None, int | None, int | None], context: Context) -> int | None:
    """The year of a date printed without one: the last such date on or before the statement."""
    year, month, day = parts
    if year or context.statement_date is None or month is None:
        return year
    date = context.statement_date
    return date.year if (month, day or 1) <= (date.month, date.day) else date.year - 1


CEASEFIRE = dt.date.fromisoformat(CEASEFIRE_DATE)


def since(text: str, context: Context) -> Period:
    """The period from a printed date to the statement: the ceasefire, the 1990s or a window."""
    parts = _date_parts(text)
    year = _year_of(parts, context)
    if year is None:
        return Period("window", None, context.end)
    _, month, day = parts
    if context.karabakh:
        if (year, month or CEASEFIRE.month, day or CEASEFIRE.day) == (
            CEASEFIRE.year,
            CEASEFIRE.month,
            CEASEFIRE.day,
        ):
            return Period("since_ceasefire", CEASEFIRE_DATE, context.end)
        if 1988 <= year <= 1994:
            return Period("since_1990s", _first_day(year, month, day), context.end)
    return Period("window", _first_day(year, month, day), context.end)


def _span(start: str, end: str, context: Context) -> Period:
    """A window between two printed dates (the ceasefire's window when it starts on 10 Nov 2020)."""
    s_year, s_month, s_day = _date_parts(start)
    e_parts = _date_parts(end)
    # ("24 Feb-2 Mar" without its year: the last such span up to the statement)
    e_year = e_parts[0] or s_year or _year_of(e_parts, context)
    if s_year is None and e_year is not None:
        s_year = e_year - 1 if (s_month or 1) > (e_parts[1] or 12) else e_year
    if s_year is None or e_year is None:
        return Period("window", None, None)
    first = _first_day(s_year, s_month, s_day)
    last = _last_day(e_year, e_parts[1], e_parts[2])
    if context.karabakh and first == CEASEFIRE_DATE:
        return Period("since_ceasefire", CEASEFIRE_DATE, last)
    return _window(first, last)


def _window(first: str, last: str) -> Period:
    """The period between two days: a year when they are its first and last ("1 January to
    31 December 2024", "January-December 2024")."""
    if first[4:] == "-01-01" and last[4:] == "-12-31" and first[:4] == last[:4]:
        return Period("year", first, last)
    return Period("window", first, last)


YEAR_TRIGGER = "year"  # a reader that needs a year printed in the sentence
WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
YEARS = frozenset({"\x00" + YEAR_TRIGGER})  # (no word of a text: told apart from "year")
PRINTED_YEAR = re.compile(YEAR)


@dataclass(frozen=True)
class Reader:
    """A pattern and how its match becomes a period. The patterns are date grammar; the words
    that name events come from the vocabulary. ``triggers``: lower-case words one of which
    every match holds (a quick test skips the pattern), YEAR_TRIGGER or None (always tried)."""

    pattern: Cue
    read: Callable[[re.Match[str], Context], PeriodPhrase | None]
    triggers: frozenset[str] | None


def _phrase(period: Period | None, match: re.Match[str], **more: Any) -> PeriodPhrase:
    return PeriodPhrase(period, match.start(), match.end(), **more)


def _from_to(match: re.Match[str], context: Context) -> PeriodPhrase:
    return _phrase(_span(match["a"], match["b"], context), match)


def _months(match: re.Match[str], context: Context) -> PeriodPhrase:
    year = int(match["year"])
    first, last = month_number(match["a"]), month_number(match["b"] or match["a"])
    return _phrase(_window(_first_day(year, first), _last_day(year, last)), match)


def _days(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    month = month_number(match["month"])
    # "between 20 and 31 March": the last such days on or before the statement
    year = (
        int(match["year"]) if match["year"] else _year_of((None, month, int(match["b"])), context)
    )
    if year is None:
        return None
    first, last = int(match["a"]), int(match["b"])
    return _phrase(
        Period("window", _first_day(year, month, first), _last_day(year, month, last)), match
    )


def _first_months(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    if match["year"] is None and context.statement_date is None:
        return None
    year = int(match["year"]) if match["year"] else context.statement_date.year
    count = match["count"].lower()
    months = min(12, 6 if count == "half" else int(NUMBER_WORDS.get(count, count)))
    if match["second"]:  # "the second half of 2024", "the last three months of the year"
        return _phrase(Period("window", _first_day(year, 13 - months), _last_day(year)), match)
    return _phrase(Period("window", _first_day(year), _last_day(year, months)), match)


QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _quarter(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    """A quarter of a year; without a year, the last one begun by the statement date."""
    quarter = match["q"] or match["qalone"]
    number = int(quarter) if quarter else QUARTERS[match["which"].lower()]
    printed = match["year"] or match["qyear"]
    if printed:
        year = int(printed)
    elif context.statement_date is not None:
        date = context.statement_date
        year = date.year if (date.month - 1) // 3 + 1 >= number else date.year - 1
    else:
        return None
    first, last = 3 * number - 2, 3 * number
    return _phrase(Period("window", _first_day(year, first), _last_day(year, last)), match)


def _start_of_year(match: re.Match[str], context: Context) -> PeriodPhrase:
    year = int(match["year"]) if match["year"] else None
    if year is None and context.statement_date:
        year = context.statement_date.year
    if year is None:
        return _phrase(Period("window", None, context.end), match)
    return _phrase(Period("window", _first_day(year), context.end), match)


def _since_date(match: re.Match[str], context: Context) -> PeriodPhrase:
    return _phrase(since(match["date"], context), match)


def _two_years(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    """ "in 2023 and 2024": both years, when they follow each other (two years apart, the
    figure may be of each: no period here; the year reader takes the first)."""
    first, last = int(match["a"]), int(match["b"])
    if last != first + 1:
        return None
    return _phrase(_window(_first_day(first), _last_day(last)), match)


def _year(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    before = match.string[max(0, match.start() - 40) : match.start()]
    if _cues()["not_a_period_before"].search(before):
        return None  # "manufactured in 2021": the date of a thing, not a period of a count
    year = int(match["year"])
    return _phrase(Period("year", _first_day(year), _last_day(year)), match)


def _year_ended(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    """ "the year ended 31 March 2022": the twelve months to that day, a calendar year when
    it is the last of December."""
    year, month, day = _date_parts(match["date"])
    if year is None or month is None or day is None:
        return None
    end = dt.date(year, month, day)
    year_before = dt.date(year - 1, month, min(day, 28) if month == 2 else day)
    return _phrase(_window((year_before + dt.timedelta(days=1)).isoformat(), str(end)), match)


def _relative_year(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    if context.statement_date is None:
        return None
    year = context.statement_date.year - (1 if match["which"].lower() == "last" else 0)
    return _phrase(Period("year", _first_day(year), _last_day(year)), match)


def _years(match: re.Match[str], context: Context) -> PeriodPhrase:
    """ "in 2022-2023", "during 2019–21": the window of whole years."""
    first, last = match["a"], match["b"]
    if len(last) == 2:
        last = first[:2] + last
    return _phrase(Period("window", _first_day(int(first)), _last_day(int(last))), match)


def _past(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    """ "over the past three months", "in the past year", "over the last decade": a window
    ending on the statement's date."""
    if context.statement_date is None:
        return None
    count = (match["count"] or "1").lower()
    number = 6 if count == "half" else int(NUMBER_WORDS.get(count, count))
    unit = (match["unit"] or match["one"] + "s").lower()
    if unit == "decades":
        unit, number = "years", 10 * number
    days = {"days": 1, "weeks": 7, "months": 30, "years": 365}[unit]
    if unit == "months":
        month = context.statement_date.month - number
        year = context.statement_date.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        day = min(context.statement_date.day, calendar.monthrange(year, month)[1])
        start = dt.date(year, month, day)
    else:
        start = context.statement_date - dt.timedelta(days=days * number)
    return _phrase(Period("window", start.isoformat(), context.end), match)


def _relative_month(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    """ "last month", "this month": the month before the statement's, or its own."""
    if context.statement_date is None:
        return None
    date = context.statement_date.replace(day=1)
    if match["which"].lower() == "last":
        date = (date - dt.timedelta(days=1)).replace(day=1)
    return _phrase(Period("window", date.isoformat(), _last_day(date.year, date.month)), match)


def _month_of_year(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    """ "in February", "since January": a month named without its year is the last such
    month up to the statement ("since" it: a window to the statement's date)."""
    month = month_number(match["month"])
    year = _year_of((None, month, 1), context)
    if year is None:
        return None
    if match.group().lower().startswith("since"):
        return _phrase(Period("window", _first_day(year, month), context.end), match)
    return _phrase(Period("window", _first_day(year, month), _last_day(year, month)), match)


def _month(match: re.Match[str], context: Context) -> PeriodPhrase:
    year, month = int(match["year"]), month_number(match["month"])
    return _phrase(Period("window", _first_day(year, month), _last_day(year, month)), match)


def _weekday(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    before = match.string[max(0, match.start() - 30) : match.start()]
    if _cues()["reported"].search(before):
        return None  # "the agency said on Sunday": the day of the report, not of the blast
    if context.statement_date is None:
        return _phrase(Period("incident"), match)
    wanted = [d.lower() for d in _weekdays()].index(match["day"].lower())
    back = (context.statement_date.weekday() - wanted) % 7
    day = (context.statement_date - dt.timedelta(days=back)).isoformat()
    return _phrase(Period("incident", day, day), match)


SENTENCE_OPENING = re.compile(r"\W*(?:\d{1,2}[.)]\s*)?")  # what may stand before "On 4 May"


def _on_date(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    if not (
        SENTENCE_OPENING.fullmatch(match.string, 0, match.start())
        or _cues()["event_before"].search(match.string, 0, match.start())
    ):
        # a sentence's opener, or the day of a blast named just before ("was injured on 19
        # August"); not "after the settlers left ... on October 3, 2022, new booby traps":
        # the date of another event; nor "said on 5 May": of the report
        return None
    if _cues()["reported_after"].match(match.string, match.end()):
        return None  # "On 26 June, the minister said ...": the day of the report
    return _day_of_blast(match, context)


def _day_of_blast(match: re.Match[str], context: Context) -> PeriodPhrase:
    parts = _date_parts(match["date"])
    year = _year_of(parts, context)
    day = _first_day(year, parts[1], parts[2]) if year else None
    return _phrase(Period("incident", day, day), match)


def _day_named(words: str, context: Context) -> str | None:
    """The day "today" (the statement's) or "yesterday" / "last night" (the day before)
    names."""
    if context.statement_date is None:
        return None
    back = 1 if re.search("yesterday|last night", words, re.IGNORECASE) else 0
    return (context.statement_date - dt.timedelta(days=back)).isoformat()


def _incident(match: re.Match[str], context: Context) -> PeriodPhrase:
    day = _day_named(match.group(), context)
    return _phrase(Period("incident", day, day), match)


def _ceasefire(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    if not context.karabakh:
        return _since_event(match, context)  # another war's end: the date printed, if any
    dated = _since_event(match, context)
    if dated.period and dated.period.start and dated.period.start[:4] != CEASEFIRE_DATE[:4]:
        return dated  # "since that war ended in 1995": another war, dated
    return _phrase(Period("since_ceasefire", CEASEFIRE_DATE, context.end), match)


def _nineties(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    if not context.karabakh:
        return None
    return _phrase(Period("since_1990s", None, context.end), match)


# The date printed a few words after an event ("the withdrawal of troops ... in June 2021").
_EVENT_DATE = re.compile(rf"\W*(?:\w+\W+){{0,5}}?(?<!\bas\s)(?:on|in|of)\s+(?P<date>{DATE})")


def _since_event(match: re.Match[str], context: Context) -> PeriodPhrase:
    """ "since the armistice came into force on 5 May 2019": a window from the date printed with
    the event, if any (in the Karabakh context the events of 2020 are the ceasefire)."""
    dated = _EVENT_DATE.match(match.string[match.end() : match.end() + 50])
    if dated:
        period = since(dated["date"], context)
        return PeriodPhrase(period, match.start(), match.end() + dated.end())
    # (the event's name may run on past the words matched: "the start of the full-scale invasion")
    known = _known_event_date(
        re.split(r"[,.;:]", match.string[match.start() : match.end() + 40])[0]
    )
    return _phrase(Period("window", known, context.end), match)


def _known_event_date(phrase: str) -> str | None:
    """The date of an event every reader knows (vocabulary ``dated_events``), named in
    ``phrase``."""
    lowered = phrase.lower()
    return next(
        (
            day
            for event, day in vocabulary()["classify"]["dated_events"].items()
            if event in lowered
        ),
        None,
    )


def _reporting(match: re.Match[str], context: Context) -> PeriodPhrase | None:
    """ "during the reporting period", "in the quarter": the report's own period (a week,
    month or quarter only where that is one); "the previous quarter": the one before it."""
    period = context.reporting
    if period is None or period.start is None or period.end is None:
        return None
    start, end = dt.date.fromisoformat(period.start), dt.date.fromisoformat(period.end)
    months = _whole_months(start, end)
    words = match.group().lower()
    if any(unit in words and not fits(start, end, months) for unit, fits in SPANS.items()):
        return None
    if match["before"]:  # the quarter, month or year before it (else as many days)
        day_before = start - ONE_DAY
        first = _months_before(start, months) if months else start - (end - start + ONE_DAY)
        period = _window(first.isoformat(), day_before.isoformat())
    return _phrase(period, match)


ONE_DAY = dt.timedelta(days=1)
# What "the week", "the month" and "the quarter" of a report need its period to be.
SPANS: dict[str, Callable[[dt.date, dt.date, int | None], bool]] = {
    "week": lambda start, end, months: (end - start).days == 6,
    "month": lambda start, end, months: months == 1,
    "quarter": lambda start, end, months: months == 3,
}


def _whole_months(start: dt.date, end: dt.date) -> int | None:
    """How many calendar months ``start`` to ``end`` spans, if it spans whole months."""
    if start.day != 1 or (end + dt.timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _months_before(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` before that of ``day`` (after it, if negative)."""
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def _as_of_relative(match: re.Match[str], context: Context) -> PeriodPhrase:
    """ "as of yesterday", "as of today": the end of a cumulative figure, by the statement's
    date."""
    return PeriodPhrase(None, match.start(), match.end(), as_of=_day_named(match["day"], context))


def _as_of(match: re.Match[str], context: Context) -> PeriodPhrase:
    parts = _date_parts(match["date"])
    year = _year_of(parts, context)
    end = _last_day(year, parts[1], parts[2]) if year else None
    if parts[1] and not parts[2] and year:
        end = _first_day(year, parts[1])  # "as of October 2023": the start of that month
    return PeriodPhrase(None, match.start(), match.end(), as_of=end)


def label_period(label: str, context: Context) -> Period | None:
    """The period a table row's label names ("2021", "Q3 2025", "May 2024"), read as "in
    <label>" would be."""
    phrase = f"in {label}"
    return next((p.period for p in find_periods(phrase, 0, len(phrase), context) if p.period), None)


def _words(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    raw = vocabulary()["classify"]
    area_names = [p for ps in raw["areas"].values() for p in ps]
    return {
        "ceasefire_context": re.compile(
            rf"\b(?:{_words(raw['ceasefire_context'] + area_names)})\b",
            re.IGNORECASE,
        ),
        "other_conflict": re.compile(rf"\b(?:{_words(raw['other_conflict_context'])})\b"),
        # Only right before the date: "manufactured in 2021".
        "not_a_period_before": re.compile(
            rf"\b(?:{_words(raw['not_a_period_before'])})\s+(?:\w+\s+){{0,3}}?$", re.IGNORECASE
        ),
        "reported": re.compile(rf"\b(?:{_words(raw['reporting_verbs'])})\s*$", re.IGNORECASE),
        # an event right before a date: "was injured on 19 August", "were killed when ... on"
        "event_before": re.compile(
            rf"\b(?:{_words([p for ps in raw['events'].values() for p in ps])})\b"
            rf"[^.;:]{{0,60}}?\s+$",
            re.IGNORECASE,
        ),
        # a subject and a verb of reporting right after a date: "On 26 June, the minister said"
        "reported_after": re.compile(
            rf",?\s+(?:[\w'’-]+\s+){{0,5}}?(?:{_words(raw['reporting_verbs'])})\b", re.IGNORECASE
        ),
        # "Reporting period: 1 April to 30 June 2025", "Period covered - Q3 2025"
        "reporting_line": re.compile(
            rf"^[^\S\n]*(?:{_words(raw['reporting_period_label'])})[^\S\n]*[:–—-][^\S\n]*"
            r"(?P<value>[^\n|;]+)",
            re.IGNORECASE | re.MULTILINE,
        ),
        "back_reference": re.compile(
            rf"\W*(?:{_words(raw['period_back_reference'])})\b", re.IGNORECASE
        ),
        "since_reference": re.compile(
            rf"\W*(?:{_words(raw['period_since_reference'])})\b", re.IGNORECASE
        ),
    }


@cache
def _weekdays() -> tuple[str, ...]:
    return tuple(vocabulary()["classify"]["weekdays"])


@cache
def readers() -> tuple[Reader, ...]:
    """The period readers, most specific first: a phrase overlapping one an earlier reader
    found is a part of it."""
    raw = vocabulary()["classify"]
    month = rf"(?:{MONTH_PATTERN})"
    count = rf"(?P<count>\d{{1,2}}|{'|'.join(NUMBER_WORDS)}|half)"
    weekday = "|".join(_weekdays())
    since_ceasefire = rf"\b(?:{_words(raw['since_ceasefire'])})"
    since_1990s = rf"\b(?:{_words(raw['since_1990s'])})"
    incident = rf"\b(?:{_words(raw['incident'])})\b"
    reporting = _words(raw["reporting_period_reference"])
    months = tuple(dict.fromkeys(m.lower() for m in MONTH_PATTERN.split("|")))  # a month named
    table: list[tuple[str, Callable[[re.Match[str], Context], PeriodPhrase | None], Any]] = [
        (
            rf"\b(?:from|between)\s+(?P<a>{DATE})\s+(?:to|and|until|till|through)\s+"
            rf"(?:the\s+end\s+of\s+)?(?P<b>{DATE})\b",
            _from_to,
            ("from", "between"),
        ),
        (  # "(1 January – 31 March 2025)", "Key figures, 1 January to 31 March 2025:",
            # "Results, January 2021 - March 2025"
            rf"(?<![\w-])(?P<a>{DAY}\s+{MONTH}(?:,?\s+{YEAR})?|{MONTH}\s+{DAY}(?:,\s*{YEAR})?"
            rf"|{MONTH}\s+{YEAR})(?:{DASH}|\s+to\s+)"
            # (without a year only between days and months: "(24 Feb-2 Mar)")
            rf"(?P<b>{DAY}\s+{MONTH}(?:,?\s+{YEAR})?|{MONTH}\s+{DAY},\s*{YEAR}|{MONTH}\s+{YEAR})\b",
            _from_to,
            months,  # a month is named
        ),
        (  # "the first quarter of 2025", "Q1 2025", "during the first quarter"
            rf"\b(?:(?P<which>first|second|third|fourth)\s+quarter(?:\s+of\s+(?P<year>{YEAR}))?"
            rf"|Q(?P<q>[1-4])\s+(?P<qyear>{YEAR})"
            # "in Q3": a quarter without its year after a preposition (alone, "Q3" may be a
            # model's name)
            rf"|(?<=in\s|on\s|of\s|or\s)Q(?P<qalone>[1-4])(?!\w|-\d))\b",
            _quarter,
            ("quarter", "q1", "q2", "q3", "q4"),
        ),
        (
            rf"\b(?:in|during|for|over|throughout)\s+(?:the\s+period\s+)?(?P<a>{month})\.?"
            rf"(?:{DASH}|\s+to\s+)(?P<b>{month})\.?,?\s+(?P<year>{YEAR})\b",
            _months,
            YEAR_TRIGGER,
        ),
        (
            rf"\b(?:in|during|over|for|throughout)\s+(?P<a>{YEAR})\s+and\s+(?P<b>{YEAR})\b",
            _two_years,
            YEAR_TRIGGER,
        ),
        (  # "between January and May 2024", "from March to June 2023"
            rf"\b(?:between|from)\s+(?P<a>{month})\.?\s+(?:and|to|until|till|through)"
            rf"\s+(?P<b>{month})\.?,?\s+(?P<year>{YEAR})\b",
            _months,
            YEAR_TRIGGER,
        ),
        (
            rf"\b(?:in|during|for|over)\s+(?P<a>\d{{1,2}}){DASH}(?P<b>\d{{1,2}})\s+(?P<month>{month})"
            rf"\.?,?\s+(?P<year>{YEAR})\b",
            _days,
            YEAR_TRIGGER,
        ),
        (  # "between 20 and 31 March", "from 3 to 9 May 2024"
            rf"\b(?:from|between)\s+(?P<a>\d{{1,2}})\s+(?:to|and|until|till|through)\s+"
            rf"(?P<b>\d{{1,2}})\s+(?P<month>{month})(?:,?\s+(?P<year>{YEAR}))?\b",
            _days,
            ("from", "between"),
        ),
        (  # "in the week of 22-28 July", "Week 10 (3–9 May 2024)"
            rf"(?<![\w.,-])(?P<a>\d{{1,2}})[-–](?P<b>\d{{1,2}})\s+(?P<month>{month})"
            rf"(?:,?\s+(?P<year>{YEAR}))?\b",
            _days,
            months,
        ),
        (
            rf"\b(?:in|during|over|for)\s+the\s+(?:(?P<second>second|last)|first|same)\s+{count}"
            rf"(?:\s+months)?\s+of\s+(?:(?P<year>{YEAR})\b|(?:the|this)\s+year\b)",
            _first_months,
            ("first", "same", "second", "last"),
        ),
        (
            # (the articles optional, as headlines and translations drop them)
            rf"\bsince\s+(?:the\s+)?(?:start|beginning)\s+of\s+(?:(?:the\s+|this\s+)?year"
            rf"|(?P<year>{YEAR}))\b",
            _start_of_year,
            ("since",),
        ),
        (
            rf"\b(?:since|after)\s+(?P<date>{DATE}|{MONTH}\s+{DAY})\b(?!\s*[-–]\s*\d)",
            _since_date,
            ("since", "after"),
        ),
        (rf"\bsince\s+the\s+(?P<date>{YEAR})\s+\w+", _since_date, ("since",)),
        (  # "2019 to date", "from March 2021 to date": since then
            rf"(?<![\w,.-])(?:from\s+)?(?P<date>(?:{month}\s+)?{YEAR})\s+to\s+date\b",
            _since_date,
            ("to date",),
        ),
        (
            rf"\b(?:since|in\s+the\s+period\s+after)\s+(?P<date>{month}\s+{YEAR})\b",
            _since_date,
            ("since", "after"),
        ),
        (since_ceasefire, _ceasefire, leading_words(since_ceasefire)),
        (since_1990s, _nineties, leading_words(since_1990s)),
        (rf"\b(?:{_words(raw['since_event'])})(?=[\s,.;]|$)", _since_event, ("since",)),
        (
            # any event dated a few words on: "since the city was retaken in October 2017",
            # "since de-occupation in September 2022"
            rf"\bsince\s+(?!then\b|when\b|that\b)[a-z][\w-]*(?:\s+[\w-]+){{0,4}}?"
            rf"\s+(?:in|on)\s+(?P<date>{DATE})\b",
            _since_date,
            ("since",),
        ),
        (
            rf"\b(?:in|during|throughout|over|for)\s+(?P<month>{month})\.?,?\s+(?P<year>{YEAR})\b",
            _month,
            YEAR_TRIGGER,
        ),
        (
            # a year that names a count: "396 of the 2025 casualties", "the 2023 figure"
            rf"\bthe\s+(?P<year>{YEAR})(?=\s+(?:casualties|victims|deaths|figures?|counts?|toll|totals?)\b)",
            _year,
            YEAR_TRIGGER,
        ),
        (
            # a label's month, after a comma: "Monthly totals, May 2024: killed 0; ..."
            rf"(?<=,\s)(?P<month>{month})\.?\s+(?P<year>{YEAR})(?=\s*:)",
            _month,
            YEAR_TRIGGER,
        ),
        (
            rf"\b(?:in|during|throughout|for)\s+(?:the\s+(?:whole\s+|entire\s+|course\s+)?"
            rf"(?:of\s+)?(?:(?:the\s+)?year\s+)?)?(?P<year>{YEAR})\b(?!\s*[-–/]\s*\d)",
            _year,
            YEAR_TRIGGER,
        ),
        (
            rf"\b(?:in|during|for|over|throughout)\s+(?:the\s+(?:years|period)\s+)?"
            rf"(?P<a>{YEAR})(?:{DASH})(?P<b>{YEAR}|\d{{2}})(?![\w-])",
            _years,
            YEAR_TRIGGER,
        ),
        (  # a span of years in brackets: "During the war years (1961-1975), ..."
            rf"(?<=\()(?P<a>{YEAR})(?:{DASH})(?P<b>{YEAR}|\d{{2}})(?=\))",
            _years,
            YEAR_TRIGGER,
        ),
        (  # a year as the subject of its sentence: "2021 was our busiest year"
            rf"^\W*(?P<year>{YEAR})\s+(?:was|saw|brought|has\s+been|had\s+been)\b",
            _year,
            YEAR_TRIGGER,
        ),
        (  # a heading or lead-in dated at its end: "Casualties by province, 2023"
            rf",\s+(?P<year>{YEAR})\s*:?\s*$",
            _year,
            YEAR_TRIGGER,
        ),
        (
            # (before "in the previous week" of the statement's date; not its end: "at the end of
            # the reporting period" is a day)
            r"(?<!end of )(?<!close of )(?<!start of )(?<!beginning of )"
            rf"\b(?:(?:in|during|over|for|throughout|within)\s+)?(?:{reporting})(?!\w)",
            _reporting,
            ("quarter", "week", "month", "reporting", "review", "covered", "report", "period"),
        ),
        (  # an accounting year: "for the year ended 31 December 2021", "year to 30 June 2024"
            rf"\b(?:financial\s+|fiscal\s+)?year\s+(?:ended|ending|to)\s+"
            rf"(?P<date>{DAY}\s+{MONTH},?\s+{YEAR}|{MONTH}\s+{DAY},\s*{YEAR})\b",
            _year_ended,
            ("year",),
        ),
        (r"\b(?P<which>last|this)\s+year\b", _relative_year, ("year",)),
        (
            rf"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?:{count}\s+"
            rf"(?P<unit>days|weeks|months|years|decades)|(?P<one>day|week|month|year|decade))\b",
            _past,
            ("past", "last", "previous"),
        ),
        (r"\b(?P<which>last|this)\s+month\b", _relative_month, ("month",)),
        (
            rf"\b(?:since|in|during|throughout|for)\s+(?:early\s+|late\s+|mid-)?(?P<month>{month})\b"
            rf"(?!\.?\s*\d)",
            _month_of_year,
            months,
        ),
        (rf"\bon\s+(?P<day>{weekday})\b", _weekday, tuple(d.lower() for d in _weekdays())),
        (  # "the accident of 11 August 2017": the day of one blast
            rf"\b(?:accident|incident|blast|explosion|detonation)\s+of\s+"
            rf"(?P<date>{DAY}\s+{MONTH}(?:,?\s+{YEAR})?|{MONTH}\s+{DAY}(?:,\s*{YEAR})?)\b",
            _day_of_blast,
            ("accident", "incident", "blast", "explosion", "detonation"),
        ),
        (  # "On 4 May 2023, three servicemen were killed": the day of one blast
            rf"\bon\s+(?:(?:{weekday}),?\s+)?(?P<date>{DAY}\s+{MONTH}(?:,?\s+{YEAR})?"
            rf"|{MONTH}\s+{DAY}(?:,\s*{YEAR})?)\b",
            _on_date,
            ("on",),
        ),
        (  # (before the incidents: "as of yesterday" is no blast of yesterday)
            r"\b(?:as\s+(?:of|at)|up\s+to)\s+(?P<day>yesterday|today)\b",
            _as_of_relative,
            ("as", "up"),
        ),
        (incident, _incident, leading_words(incident)),
        (
            # ("As on 10 August" opens a clause; "as well as on 3 October" is a date)
            # ("This year, up to 30 November, ...": the year so far)
            rf"(?:\bas\s+(?:of|at)|(?:^|(?<=[.,;:(]\s)|(?<=\n))as\s+on|\bup\s+to|(?<=\()to)\s+"
            rf"(?:the\s+end\s+of\s+)?(?P<date>{DATE})\b",
            _as_of,
            ("as of", "as at", "as on", "up to", "to"),
        ),
    ]
    return tuple(
        Reader(Cue(pattern), read, _shortest(triggers)) for pattern, read, triggers in table
    )


def _shortest(triggers: Any) -> frozenset[str] | None:
    """The first words of the triggers ("since the war" -> "since"): a reader is tried only
    on a sentence holding one of them as a word."""
    if triggers is None:
        return None
    if triggers == YEAR_TRIGGER:
        return YEARS
    return frozenset(WORD.findall(w)[0] for w in triggers if WORD.search(w))


def find_periods(line: str, start: int, end: int, context: Context) -> list[PeriodPhrase]:
    """The period phrases of ``line[start:end]`` in text order, none overlapping another."""
    found: list[PeriodPhrase] = []
    back = _cues()["back_reference"].match(line, start, end)
    since = None if back else _cues()["since_reference"].match(line, start, end)
    if back or since:  # "In the same period, ...", "Since then, ...": where a sentence starts
        found.append(
            PeriodPhrase(
                None,
                (back or since).start() - start,
                (back or since).end() - start,
                back_reference=True,
                since_reference=since is not None,
            )
        )
    # The sentence is read on its own (offsets are shifted back at the end).
    text = line[start:end]
    # One quick scan tells which readers can match: the words their matches hold.
    lowered = text.lower()
    has_year = bool(PRINTED_YEAR.search(text))
    words = set(WORD.findall(lowered))
    # Readers in order: a phrase overlapping one read by an earlier (more specific) reader is
    # a part of it ("3 March 2021" inside "from 3 March 2021 to 30 June 2022").
    for reader in readers():
        triggers = reader.triggers
        if triggers is YEARS:
            if not has_year:
                continue
        elif triggers is not None and words.isdisjoint(triggers):
            continue
        for match in reader.pattern.finditer(text, 0, len(text), lowered):
            if any(match.start() < p.end and p.begin < match.end() for p in found):
                continue
            phrase = reader.read(match, context)
            if phrase is not None:
                found.append(phrase)
    if not found:
        return []
    return sorted((_shifted(p, start) for p in found), key=lambda p: p.begin)


def _shifted(phrase: PeriodPhrase, offset: int) -> PeriodPhrase:
    """``phrase`` moved by ``offset`` characters (``replace`` does the same, more slowly)."""
    return PeriodPhrase(
        phrase.period,
        phrase.begin + offset,
        phrase.end + offset,
        phrase.back_reference,
        phrase.as_of,
        phrase.since_reference,
    )


# A title's dateline: "Casualties by oblast, July 2024", "RESULTS, JANUARY-MARCH 2025", "2023".
_DATELINE = re.compile(
    rf"(?i:(?:(?:{MONTH_PATTERN})\.?(?:{DASH}(?:{MONTH_PATTERN})\.?)?\s+)?{YEAR})(?!\s*[-–—]?\d)"
)


def title_period(title: str, context: Context) -> Period | None:
    """The period of a title: its period phrase, else its dateline ("..., July 2024"), which
    a title prints without the "in" or "during" of a sentence."""
    named = [p for p in find_periods(title, 0, len(title), context) if p.period]
    if named:
        return named[-1].period
    dateline = _DATELINE.search(title)
    if dateline is None:
        return None
    phrase = "during " + dateline.group().title()  # (readers know "July", not "JULY")
    named = [p for p in find_periods(phrase, 0, len(phrase), context) if p.period]
    return named[-1].period if named else None
