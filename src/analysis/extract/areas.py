"""The place a figure is about, when narrower than the statement's subject.

Places are read from general cues of English reporting, not from a list of one corpus's
names: a place before an administrative noun ("Kharkiv oblast", "Nineveh governorate"), a
place with "alone" ("In Kalbajar alone", "Antioquia alone registered"), a place before its
figure in a list ("Aghdam (58 victims)", "Fuzuli for 480 ha", "1. Aghdam - 38 mines"), a
sentence's opener ("In Lachin, ...") or a wire story's dateline ("AGHDAM - ..."). A place
before the first figure of a clause is where all its figures are; "there" points to the place
named before. The names of ``classify.areas`` are known places and need no cue but "in" or
"of"; a long list of them is the whole region, not an area.
"""

from __future__ import annotations

import collections
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale

from analysis.extract.cues import Choices, Cue, choices, word_tree
from analysis.extract.dates import names_a_time
from analysis.extract.segments import LIST_MARKER_PATTERN
from analysis.schema import vocabulary

# A place's name: one or two capitalised words, the first no possessive ("Ukraine's" in
# "Ukraine's Kharkiv oblast" names the country the place is in, see POSSESSIVE).
NAME = r"[A-Z][\w'’-]+(?<!['’]s)(?:\s+[A-Z][\w'’-]+)?"
POSSESSIVE = r"(?:[A-Z][\w-]*['’]s\s+)?"
MAX_LISTED = 3  # a list of more places than this is the whole region, not an area


@dataclass(frozen=True)
class AreaCues:
    known: Choices[str]
    known_any: Cue  # every known place in one pattern: group "a<i>" is place i
    known_names: tuple[str, ...]
    admin: str
    kept: frozenset[str]  # administrative nouns kept with the name ("Kharkiv oblast")
    named_before: re.Pattern[str]  # "Aghdam (", "Fuzuli for", "Aghdam district accounted for"
    list_label: re.Pattern[str]  # "1. Aghdam - "
    alone: re.Pattern[str]  # "In Kharkiv oblast alone", "Antioquia alone"
    admin_place: re.Pattern[str]  # "in the Zangilan district", "Nineveh governorate"
    label_admin: re.Pattern[str]  # a label that is a place and its noun: "Kharkiv oblast"
    back_reference: re.Pattern[str]
    opener: re.Pattern[str]  # "In Nineveh governorate alone, ..."
    dateline: re.Pattern[str]  # "AGHDAM - ...", "FUZULI, Dec 29 (Wire) - ..."
    breakdown: re.Pattern[str]  # "(357 children": a group, a part of the figure before
    not_places: re.Pattern[str]  # "Civilians accounted for 34": a group, not a place


@cache
def cues() -> AreaCues:
    raw = vocabulary()["classify"]
    admin = "|".join(raw["admin_units"])
    names = tuple(raw["areas"])
    named_groups = "|".join(p for g, ps in raw["groups"].items() if g != "general" for p in ps)
    return AreaCues(
        known=choices(raw["areas"]),
        known_any=Cue(
            "|".join(
                rf"(?P<a{i}>\b(?:{'|'.join(raw['areas'][name])}))" for i, name in enumerate(names)
            )
        ),
        known_names=names,
        admin=admin,
        kept=frozenset(raw["admin_units_kept"]),
        named_before=re.compile(
            rf"(?P<place>{NAME})(?:\s+(?:{admin}))?\s*(?:\(|(?:alone\s+)?(?:accounted\s+)?for)\s*$"
        ),
        list_label=re.compile(rf"\s*{LIST_MARKER_PATTERN}\s+(?P<place>{NAME})\s*[-–:]\s"),
        alone=re.compile(rf"(?P<place>{NAME})(?:\s+(?P<unit>{admin}))?\s+alone\b"),
        admin_place=re.compile(
            rf"\b(?:in|of|across)\s+(?:the\s+)?{POSSESSIVE}(?P<place>{NAME})\s+(?P<unit>{admin})s?\b"
        ),
        label_admin=re.compile(rf"(?P<place>{NAME})\s+(?P<unit>{admin})"),
        back_reference=re.compile(raw["area_back_reference"], re.IGNORECASE),
        opener=re.compile(
            rf"\W*In\s+(?:the\s+)?(?P<place>{NAME})(?:\s+(?P<unit>{admin}))?(?:\s+alone)?\s*,"
        ),
        dateline=re.compile(
            r"\W*(?P<place>[A-Z][A-Z'’-]{2,}(?:\s+[A-Z][A-Z'’-]+)?)\b[^-–—.]{0,40}\s[-–—]\s"
        ),
        breakdown=re.compile(rf"\s*(?:{named_groups})\b", re.IGNORECASE),
        not_places=re.compile(
            rf"^(?:{'|'.join(p for ps in raw['groups'].values() for p in ps)})$", re.IGNORECASE
        ),
    )


STOP_WORDS = frozenset(
    [
        "The",
        "In",
        "Of",
        "A",
        "An",
        "This",
        "That",
        "Since",
        "During",
        "Among",
        "Across",
        "From",
        "For",
        "And",
        "Or",
        "By",
        "At",
        "On",
        "Most",
        # a number opening a sentence: "One province alone"
        "One",
        "Each",
        "Every",
        # a table's row of sums: "Total: 34", "All provinces | 87"
        "Total",
        "Totals",
        "Overall",
        "All",
    ]
)


def _with_unit(match: re.Match[str]) -> str | None:
    """The place of a match, with its administrative noun when that is a part of the name
    ("Kharkiv oblast"), unless the vocabulary knows the place."""
    found = _place(match.group("place"))
    unit = match.group("unit")
    if found and unit and unit.lower() in cues().kept and not cues().known.first(found):
        return f"{found} {unit}"
    return found


def label_place(label: str) -> str | None:
    """The place a label names on its own: a known place, or a name with its administrative
    noun ("Kharkiv oblast", "Nineveh governorate"); None for other words ("Update")."""
    c = cues()
    known = c.known.first(label)
    if known and c.known.cues[known].pattern.fullmatch(label):
        return known
    match = c.label_admin.fullmatch(label)
    return _with_unit(match) if match else None


def place(name: str) -> str | None:
    """A place's name as the vocabulary spells it, or as printed (None if not a place)."""
    return _place(name)


def _place(name: str) -> str | None:
    """A place's name as the vocabulary spells it, or the name as printed; None for words
    that only look like a name ("In", "The")."""
    known = cues().known.first(name)
    if known:
        return known
    words = name.split()
    while words and words[0] in STOP_WORDS:
        words = words[1:]
    name = " ".join(words)
    if not name or cues().not_places.match(name) or names_a_time(name):
        return None
    return name


LIST_BREAK = re.compile(r",\s|;\s|\sand\s|\sor\s")
LIST_GAP = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?(?:the\s+)?")


@lru_cache(maxsize=512)
def _known_list(text: str) -> str | None:
    """The known places of ``text``: one, or a short list printed as one ("Aghdam and
    Fuzuli"); None for a long list (the whole region) or places apart."""
    c = cues()
    found = [
        (match.start(), match.end(), c.known_names[int(match.lastgroup[1:])])
        for match in c.known_any.finditer(text)
        if match.lastgroup
    ]
    names = list(dict.fromkeys(name for _, _, name in found))
    if len(names) <= 1:
        return names[0] if names else None
    if len(names) > MAX_LISTED:
        return None
    gaps = (text[end:start] for (_, end, _), (start, _, _) in itertools.pairwise(found))
    if all(LIST_GAP.fullmatch(gap) for gap in gaps):
        return ", ".join(names[:-1]) + " and " + names[-1]
    return None


@lru_cache(maxsize=512)
def _named(text: str) -> str | None:
    """The place ``text`` names: with "alone" or an administrative noun, or a known place."""
    c = cues()
    for pattern in (c.alone, c.admin_place):
        match = pattern.search(text)
        if match:
            place = _with_unit(match)
            if place:
                return place
    return _known_list(text)


def forget() -> None:
    """Drop what was read from the texts of one statement (the caches serve its figures)."""
    _named.cache_clear()
    _known_list.cache_clear()


@cache
def country_names() -> re.Pattern[str]:
    """Every country's English name, from CLDR through Babel ("Chad", "Myanmar", "Burma" of
    "Myanmar (Burma)", "Bosnia and Herzegovina" of "Bosnia & Herzegovina")."""
    excluded = set(vocabulary()["classify"]["territories_not_countries"])
    names = set()
    for code, name in Locale("en").territories.items():
        if len(code) != 2 or code in excluded or " - " in name:  # "Congo - Kinshasa"
            continue
        names.update(part.replace("&", "and") for part in re.split(r"\s*[()]\s*", name) if part)
    tree = word_tree(sorted(names), not_after=r"[\w-]")  # (a name is no part of a word)
    return re.compile(rf"(?:{tree})(?![\w-])")


# A country as an actor, not a place: "mines planted by Armenia", "pressure on Armenia";
# and surely a place: "in Azerbaijan", "across Myanmar".
AGENT = re.compile(r"\b(?:by|on|against|from|to|with)\s+(?:the\s+)?$")
LOCATIVE = re.compile(r"\b(?:in|across|throughout|within|inside)\s+(?:the\s+)?$")


def _places(text: str) -> Iterator[tuple[str, bool]]:
    """The countries ``text`` names as places, in text order, each with whether it follows
    "in" (or "across" ...)."""
    for match in country_names().finditer(text):
        words_before = max(0, match.start() - 20), match.start()
        if not AGENT.search(text, *words_before):
            yield match.group(), LOCATIVE.search(text, *words_before) is not None


def country_of(text: str) -> str | None:
    """The one country ``text`` names as a place (None: none, or several)."""
    named = {country for country, _ in _places(text)}
    return named.pop() if len(named) == 1 else None


def own_words(trailing: str) -> str:
    """The words after a figure that are about it: up to a comma, a semicolon or a bracket
    ("... in Chad in 2024, which ...", "... not on the maps, which Armenia denied")."""
    return re.split(r"[,;()]", trailing, maxsplit=1)[0]


@dataclass(frozen=True)
class Countries:
    """The countries a statement names as places, and its own: the one it names most often
    after "in" (ties: the first), unless it names more than ``MAX_LISTED`` (a survey of
    countries has no own country)."""

    named: frozenset[str]
    subject: str | None

    def area(self, *texts: str) -> str | None:
        """The country the first of ``texts`` to name one names, as an area: none in a text on
        one country, nor the statement's own (its national figures have no narrower place)."""
        if len(self.named) < 2:
            return None
        country = next((c for c in map(country_of, texts) if c), None)
        return None if country == self.subject else country


def countries_of(text: str) -> Countries:
    """The countries of a statement's ``text``."""
    places = list(_places(text))
    named = collections.Counter(country for country, _ in places)
    after_in = collections.Counter(country for country, locative in places if locative)
    subject = (after_in or named).most_common(1)[0][0] if 0 < len(named) <= MAX_LISTED else None
    return Countries(frozenset(named), subject)


def heading_country(text: str) -> str | None:
    """The country a numbered heading names after its label, in capitals or not ("3.
    BACKGROUND: AZERBAIJAN", "2. Situation: Chad"), if ``text`` opens with one."""
    label = cues().list_label.match(text)
    about = country_names().match(text[label.end() :].lstrip().title()) if label else None
    return about.group() if about else None


def accounts_for(before: str) -> bool:
    """Whether a place's share of a count comes next: "Konduga alone accounted for (29)"."""
    named = cues().named_before.search(before[-60:])
    return (
        named is not None
        and named.group().rstrip().endswith(" for")
        and _place(named.group("place")) is not None
    )


# "Konduga, Gwoza and Bama accounted for 58, 47 and 40 ... respectively": the places in order
RESPECTIVE_NAMES = re.compile(rf"(?P<names>{NAME}(?:\s*,\s*{NAME})*\s*,?\s+and\s+{NAME})")
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
LISTED_NUMBER = re.compile(r"(?<![\w.,])\d(?:[\d,.]*\d)?(?![\w])")


# "... released 212, 148 and 96 hectares in Cocorna, Sonson and Argelia respectively"
RESPECTIVE_NAMES_AFTER = re.compile(
    rf"\b(?:in|for|across|at)\s+(?:the\s+)?{RESPECTIVE_NAMES.pattern}"
    r"(?:\s+[a-z]+)?\s+respectively\b"  # ("in Kherson and Sumy oblasts respectively")
)


def respective_place(before: str, clause: str) -> str | None:
    """The place of a number in a list that "respectively" pairs with a list of places
    before it, or after the list in the same clause: the first number the first place, and
    so on."""
    if not RESPECTIVELY.search(clause):
        return None
    listed = next(reversed(list(RESPECTIVE_NAMES.finditer(before))), None)  # the last list
    if listed is not None:
        names = _names_of(listed)
        index = len(LISTED_NUMBER.findall(before[listed.end() :]))
    else:
        listed = RESPECTIVE_NAMES_AFTER.search(clause)
        if listed is None or clause.find(before) < 0:
            return None
        # the numbers of the list are the last ones before its places, as many as they
        names = _names_of(listed)
        numbers_before = len(LISTED_NUMBER.findall(clause[: listed.start()]))
        index = len(LISTED_NUMBER.findall(before)) - (numbers_before - len(names))
    return _place(names[index]) if 0 <= index < len(names) else None


def _names_of(listed: re.Match[str]) -> list[str]:
    return re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed["names"])


def area_of(
    before: str,
    trailing: str,
    clause: str,
    sentence: str,
    previous_sentence: str,
    clause_head: str = "",
    first_in_clause: bool = True,
    list_label: bool = True,
) -> str | None:
    """The area of a figure: ``before`` is the text of its clause before it, ``trailing`` the
    words after it up to the next figure, ``clause_head`` its clause up to the first figure
    (``first_in_clause``: the figure is that one; ``list_label``: a list item's label may be
    a place, not the name of the count as in "- Casualties: 14")."""
    c = cues()
    label = c.list_label.match(sentence) if list_label else None
    if label:
        return heading_country(sentence) or _place(label.group("place"))
    respective = respective_place(before, clause)
    if respective:
        return respective
    named = c.named_before.search(before[-60:])
    if named and named.group().rstrip().endswith("(") and c.breakdown.match(trailing):
        named = None  # "victims in Azerbaijan (357 children ...)": a breakdown, not a list
    if named:
        place = _place(named.group("place"))
        if place:
            return place
    # The words of the figure: after it, and before it back to the figure or list item before.
    own_before = LIST_BREAK.split(before)[-1]
    for text in (trailing, own_before):
        place = _named(text)
        if place:
            return place
    # A place named before the first figure of the clause is where all its figures are
    # ("near Karadag mines have wounded 9 villagers and killed 2"); the first figure also takes a
    # place after it.
    place = _named(clause_head) or (_named(clause) if first_in_clause else None)
    if place:
        return place
    # What a whole sentence is about: its opener ("In Nineveh governorate alone, ...",
    # "In Lachin, ...") or the dateline of a wire story ("AGHDAM - A truck ...").
    opener = c.opener.match(sentence) or c.dateline.match(sentence)
    if opener:
        place = _with_unit(opener) if opener.re is c.opener else _place(opener.group("place"))
        if place and (c.known.first(place) or opener.re is c.opener):
            return c.known.first(place) or place
    if c.back_reference.search(clause):  # "there": the place named before
        return _known_list(sentence) or _known_list(previous_sentence)
    return None
