"""Month names, as English reporting prints them: one home for every rule that reads dates."""

from __future__ import annotations

import re

MONTH_NAMES: tuple[str, ...] = (
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
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)
# A regex alternation of every month name and abbreviation (full names first), as printed in
# running text and in capitals ("FOR THE YEAR ENDED 31 DECEMBER 2021").
MONTH_PATTERN = "|".join(
    (*MONTH_NAMES, *MONTH_ABBREVIATIONS, *(n.upper() for n in (*MONTH_NAMES, *MONTH_ABBREVIATIONS)))
)


_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)} | {
    short.lower(): next(n for n, name in enumerate(MONTH_NAMES, start=1) if name.startswith(short))
    for short in MONTH_ABBREVIATIONS
}


def month_number(name: str) -> int:
    """1 for "January" or "Jan.", ... 12 for "December"; KeyError for anything else."""
    return _MONTH_NUMBERS[name.lower().rstrip(".")]


# A label that names a time, not a place or a thing: "March", "Jan-Mar 2024", "Q2 2023",
# "Week 27", "Week ending 14 July", "2023" (the rows of a table by month, week or year).
_TIME_LABEL = re.compile(
    rf"(?:(?:{MONTH_PATTERN})\.?(?:\s*[-–]\s*(?:{MONTH_PATTERN})\.?)?(?:\s+\d{{4}})?"
    r"|(?i:q[1-4]|(?:first|second|third|fourth) quarter)(?:\s+(?:of\s+)?\d{4})?"
    r"|(?i:week|month|quarter|day)\s+(?:\d{1,2}|(?:ending|of|to|from)\s.+)"
    r"|\d{4}(?:\s*[-–]\s*\d{2,4})?"
    r")(?:\s*\([^()]*\))?"  # "Week 27 (1-7 July)"
)


def names_a_time(label: str) -> bool:
    """Whether a label ("March", "Q1 2024", "Week 3") names a time rather than a place."""
    return _TIME_LABEL.fullmatch(label.strip()) is not None
