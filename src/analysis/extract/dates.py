"""Month names, as English reporting prints them: one home for every rule that reads dates."""

from __future__ import annotations

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
# A regex alternation of every month name and abbreviation (full names first).
MONTH_PATTERN = "|".join((*MONTH_NAMES, *MONTH_ABBREVIATIONS))


_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)} | {
    short.lower(): next(n for n, name in enumerate(MONTH_NAMES, start=1) if name.startswith(short))
    for short in MONTH_ABBREVIATIONS
}


def month_number(name: str) -> int:
    """1 for "January" or "Jan.", ... 12 for "December"; KeyError for anything else."""
    return _MONTH_NUMBERS[name.lower().rstrip(".")]
