"""The place a figure is about, when narrower than the statement's subject.

Places are read from general cues of English reporting, not from a list of one corpus's
names: a place before an administrative noun ("Kharkiv oblast", "Nineveh governorate"), a
place with "alone" ("In Kalbajar alone", "Antioquia alone registered"), a place before its
figure in a list ("Aghdam (58 victims)", "Fuzuli for 480 ha", "1. Aghdam - 38 mines"). The
names of ``classify.areas`` are known places and need no cue but "in" or "of".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis.extract.cues import Choices, choices
from analysis.schema import vocabulary

NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
MAX_LISTED = 3  # a list of more places than this is the whole region, not an area


@dataclass(frozen=True)
class AreaCues:
    known: Choices[str]
    admin: str
    named_before: re.Pattern[str]  # "Aghdam (", "Fuzuli for", "Aghdam district accounted for"
    list_label: re.Pattern[str]  # "1. Aghdam - "
    alone: re.Pattern[str]  # "In Kharkiv oblast alone", "Antioquia alone"
    admin_place: re.Pattern[str]  # "in the Zangilan district", "Nineveh governorate"
    back_reference: re.Pattern[str]


@cache
def cues() -> AreaCues:
    raw = vocabulary()["classify"]
    admin = "|".join(raw["admin_units"])
    return AreaCues(
        known=choices(raw["areas"]),
        admin=admin,
        named_before=re.compile(
            rf"(?P<place>{NAME})(?:\s+(?:{admin}))?\s*(?:\(|(?:alone\s+)?(?:accounted\s+)?for)\s*$"
        ),
        list_label=re.compile(rf"\s*(?:\d{{1,2}}[.)]|[-•*▪])\s+(?P<place>{NAME})\s*[-–:]\s"),
        alone=re.compile(rf"(?P<place>{NAME})(?:\s+(?P<unit>{admin}))?\s+alone\b"),
        admin_place=re.compile(
            rf"\b(?:in|of|across)\s+(?:the\s+)?(?P<place>{NAME})\s+(?P<unit>{admin})s?\b"
        ),
        back_reference=re.compile(raw["area_back_reference"], re.IGNORECASE),
    )


STOP_WORDS = frozenset(
    "The In Of A An This That Since During Among Across From For And Or By At On Most".split()
)


def _place(name: str) -> str | None:
    """A place's name as the vocabulary spells it, or the name as printed; None for words
    that only look like a name ("In", "The")."""
    known = cues().known.first(name)
    if known:
        return known
    words = name.split()
    while words and words[0] in STOP_WORDS:
        words = words[1:]
    return " ".join(words) or None


LIST_GAP = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?(?:the\s+)?")


def _known_list(text: str) -> str | None:
    """The known places of ``text``: one, or a short list printed as one ("Aghdam and
    Fuzuli"); None for a long list (the whole region) or places apart."""
    found = sorted(
        (match.start(), match.end(), name)
        for name, cue in cues().known.cues.items()
        for match in cue.pattern.finditer(text)
    )
    names = list(dict.fromkeys(name for _, _, name in found))
    if len(names) <= 1:
        return names[0] if names else None
    if len(names) > MAX_LISTED:
        return None
    gaps = (text[end:start] for (_, end, _), (start, _, _) in zip(found, found[1:]))
    if all(LIST_GAP.fullmatch(gap) for gap in gaps):
        return ", ".join(names[:-1]) + " and " + names[-1]
    return None


def area_of(
    before: str, trailing: str, clause: str, sentence: str, previous_sentence: str
) -> str | None:
    """The area of a figure: ``before`` is the text of its clause before it, ``trailing`` the
    words after it up to the next figure."""
    c = cues()
    label = c.list_label.match(sentence)
    if label:
        return _place(label.group("place"))
    named = c.named_before.search(before[-60:])
    if named:
        place = _place(named.group("place"))
        if place:
            return place
    for text in (trailing, clause, sentence):
        for pattern in (c.alone, c.admin_place):
            match = pattern.search(text)
            if match:
                place = _place(match.group("place"))
                if place:
                    return place
        known = _known_list(text)
        if known:
            return known
    if c.back_reference.search(clause):
        return _known_list(previous_sentence)
    return None
