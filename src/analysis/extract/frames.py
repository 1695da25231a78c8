"""Layer 2 of the rules: the frame of a number in its clause.

A frame is what a number counts (its noun head: "58 civilians", "96 anti-personnel mines",
"155 mine/ERW casualties") and what happened to it (the predicate: "were killed", "sustained
injuries", "claimed the lives of"). English noun phrases end in their head, so the head is the
last noun of the phrase after the number ("65 mine and ERW casualties" counts casualties). A
verb that takes the count as its object stands right before it ("mines wounded 9 villagers"); a
verb whose subject it is follows it in the clause ("24 of them were killed").

Each function reads one thing and is tested on its own; :mod:`analysis.extract.classify`
puts the frames of a paragraph together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from analysis.extract.cues import Choices, Cue, any_word_of, choices
from analysis.schema import vocabulary

HEAD_WORDS = 6  # a noun phrase after a number is read over at most this many words
PHRASE_END = re.compile(r"[,;:.()\[\]!?\"“”]|\s[-–—]\s|(?<![\w-])\d")


@dataclass(frozen=True)
class Noun:
    """What follows a number: ``kind`` is "people" (``name`` a group), "thing" (``name`` a
    kind of thing), "event" ("155 casualties": a noun naming what happened), "participle"
    ("32 killed": an event, the people those of the figure before), "partitive" ("24 of
    them", ``name`` the event it names, if any), "unknown" (a noun of something else: "14
    organisations") or "none"."""

    kind: str
    name: str | None = None

    @property
    def event(self) -> str | None:
        """The event the noun names ("casualties", "117 injured"), if any."""
        return self.name if self.kind in ("event", "participle", "partitive") else None


NONE = Noun("none")


def _words(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@dataclass(frozen=True)
class FrameCues:
    # (A Cue finds what its pattern finds, ignoring case; it is tried only where its first
    # words stand, which is quicker: see analysis.extract.cues.)
    groups: Choices[str]
    events: Choices[str]
    event_nouns: Choices[str]
    heads: Choices[tuple[str, str]]  # ("thing", kind), ("people", group), ("event", event)
    active_verb: dict[str, Cue]
    partitive_after: re.Pattern[str]
    group_predicate: Cue
    group_share_before: Cue
    group_subject_before: Cue  # "Children were (104 of the casualties)"
    group_opener: Cue  # "Among civilians in the district, ..."
    group_of_them: Cue  # "Deminers have paid a price too: (14 of them ...)"
    group_among: Cue  # "casualties among deminers"
    group_among_before: Cue
    part_of_before: Cue
    subgroup_before: Cue
    comparison_before: Cue
    target_before: Cue
    plan_verb_before: Cue
    plan_before: Cue
    irregular_past: frozenset[str]
    war_toll_before: Cue
    war_subject: re.Pattern[str]
    correction_before: Cue
    service: Cue
    not_people: Cue  # animals, body parts, weights
    change_before: Cue
    change_after: re.Pattern[str]
    reported_before: Cue
    reported_after: re.Pattern[str]
    service_after_noun: re.Pattern[str]
    corrected_before: Cue
    earlier_version_before: Cue
    revised_from: re.Pattern[str]  # "revised from (188) to 181"
    given_in_error: Cue
    replacing_figure_before: Cue
    ellipsis_before: Cue
    count_phrase: Cue
    count_verb_before: Cue
    verbs: Cue
    not_nouns: frozenset[str]
    raw: dict[str, Any]


@cache
def cues() -> FrameCues:
    raw: dict[str, Any] = vocabulary()["classify"]
    groups = choices(raw["groups"], any_word_of)
    things = choices(raw["things"], any_word_of)
    event_nouns = choices(raw["event_nouns"], any_word_of)
    group_words = _words([p for ps in raw["groups"].values() for p in ps])
    named_groups = _words([p for g, ps in raw["groups"].items() if g != "general" for p in ps])
    flags = re.IGNORECASE
    return FrameCues(
        groups=groups,
        events=choices(raw["events"], any_word_of),
        event_nouns=event_nouns,
        heads=Choices(
            [(("thing", k), c) for k, c in things.cues.items()]
            + [(("people", g), c) for g, c in groups.cues.items()]
            + [(("event", e), c) for e, c in event_nouns.cues.items()]
        ),
        active_verb={
            event: Cue(
                rf"(?<![\w-])(?:{_words(verbs)})\s+(?:(?:a total of|another|some|the lives of|"
                rf"at least|more than|over|nearly|almost|about)\s+)?$"
            )
            for event, verbs in raw["active_verbs"].items()
        },
        partitive_after=re.compile(rf"\s*(?:{_words(raw['partitive_after'])})\b", flags),
        group_predicate=Cue(
            rf"\b(?:are|were|was|is)\s+(?:all\s+)?(?:an?\s+)?(?:\w+\s+)?(?P<group>{named_groups})(?![\w-])"
        ),
        group_share_before=Cue(
            rf"(?<![\w-])(?P<group>{group_words})(?:\s+(?:alone|now|still|already|\w+ly))?\s+"
            rf"(?:{_words(raw['share_verbs'])})\s*$"
        ),
        group_subject_before=Cue(rf"(?<![\w-])(?P<group>{named_groups})\s+(?:were|are|was|is)\s+$"),
        group_opener=Cue(rf"^\W*among\s+(?:the\s+)?(?P<group>{named_groups})\b[^,.;:]{{0,40}},"),
        group_of_them=Cue(
            rf"^\W*(?:(?:the|our|their|local|many)\s+)?(?P<group>{named_groups})\b[^,.;:()\d]{{0,80}}"
            r"(?::|\s[-–—])\s*$"
        ),
        group_among=Cue(rf"\bamong\s+(?:the\s+)?(?:[\w-]+\s+)?(?P<group>{named_groups})\b"),
        group_among_before=Cue(
            rf"\bamong\s+(?:the\s+)?(?P<group>{named_groups})\b[\s,]*"
            r"(?:(?:there\s+)?(?:were|are|was|is|ha(?:ve|s|d)\s+been)\s+)?$"
        ),
        part_of_before=Cue(
            # (words between: "Among last year's victims were 61 women")
            rf"\b(?:{_words(raw['part_of_before'])})(?:[\w'’]+\s+){{0,2}}?"
            rf"(?P<event>{_words([p for ps in raw['event_nouns'].values() for p in ps])})\b"
        ),
        subgroup_before=Cue(
            rf"(?:^|\b|(?<=\())(?:{_words(raw['subgroup_before'])})(?:\s+(?:were|are|was|is))?[\s,]*$"
        ),
        comparison_before=Cue(rf"\b(?:{_words(raw['comparison_before'])})\s+(?:the\s+)?$"),
        target_before=Cue(rf"\b(?:{_words(raw['target_before'])})\b[^.;:]{{0,25}}$"),
        plan_verb_before=Cue(rf"\b(?:{_words(raw['plan_before'])})\s+(?:\w+ly\s+)?[a-z]+\s+$"),
        plan_before=Cue(rf"\b(?:{_words(raw['plan_before'])})\s+[a-z]+\b[^.;:]{{0,150}}$"),
        irregular_past=frozenset(raw["irregular_past"]),
        # (the war as a subject: not "explosive remnants of war have killed 402 civilians")
        war_toll_before=Cue(
            rf"(?<!of )(?<!of the )\b(?:{_words(raw['wars'])})\b{raw['war_toll_before']}"
        ),
        war_subject=re.compile(
            rf"\W*(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_words(raw['wars'])})\b", flags
        ),
        correction_before=Cue(
            # (the cue, then at most a few words that end in a dash or comma: "398 - no, I'm
            # sorry, I have the newer sheet here - 401")
            rf"^[^.;?!]{{0,80}}?\b(?:{_words(raw['correction_before'])})\b"
            rf"(?:[^.;?!]{{0,50}}?[-–—,:])?\s*$"
        ),
        service=any_word_of(raw["service_verbs"]),
        not_people=any_word_of(raw["not_people"]),
        reported_before=Cue(rf"\b(?:{_words(raw['reported_before'])})\s+[\"“]?$"),
        reported_after=re.compile(rf"\s+(?:{_words(raw['reported_after'])})\b", flags),
        change_before=Cue(rf"(?:{_words(raw['change_before'])})\s+$"),
        change_after=re.compile(rf"\s*(?:{_words(raw['change_after'])})\b", flags),
        service_after_noun=re.compile(
            rf"\s*(?:[\w-]+\s+){{1,3}}?(?:(?:were|have been|had been)\s+)?"
            rf"(?:{_words(raw['service_verbs'])})\b",
            flags,
        ),
        corrected_before=Cue(rf"(?:,|\()\s*(?:{_words(raw['corrected_before'])})\s+(?:the\s+)?$"),
        earlier_version_before=Cue(
            rf"\b(?:{_words(raw['earlier_version_before'])})\b[^.;:?!]{{0,80}}$"
        ),
        revised_from=re.compile(
            rf"\b(?:{_words(raw['revised_from'])})\s+(?:(?:up|down)(?:wards?)?\s+)?from\s+$", flags
        ),
        given_in_error=Cue(rf"\b(?:{_words(raw['given_in_error'])})\b"),
        replacing_figure_before=Cue(rf"\b(?:{_words(raw['replacing_figure_before'])})\s*$"),
        ellipsis_before=Cue(rf"\b(?:{_words(raw['ellipsis_before'])})[\s,]*$"),
        count_phrase=Cue(raw["count_phrase"]),
        count_verb_before=Cue(raw["count_verb_before"]),
        verbs=Cue(raw["verbs"]),
        not_nouns=frozenset(raw["not_nouns"]),
        raw=raw,
    )


def _plural_noun(word: str) -> bool:
    """Whether a word the vocabulary does not know looks like a plural noun ("communities",
    "households"), not a verb or an adverb ("sustained", "fatally", "was")."""
    lowered = word.lower()
    return (
        len(lowered) > 3
        and lowered.endswith("s")
        and not lowered.endswith("ss")
        and cues().verbs.search(lowered) is None
    )


# The role people counted are given: "trained 320 soldiers as deminers" (not "such as")
AS_ROLE = re.compile(r"\s+(?:[\w'’-]+\s+){1,3}?(?<!such\s)as\s+(?!well\b)", re.IGNORECASE)


COUNTED_PARTS = frozenset(("mines", "maps", "incidents"))  # things whose part is a count of them


def noun_after(after: str, vague: bool = False) -> Noun:
    """The noun phrase that follows a number; for people given a role ("320 soldiers as
    deminers"), the role."""
    noun = _noun_after(after, vague)
    role = AS_ROLE.match(after) if noun.kind in ("people", "unknown") else None
    if role is not None:
        named = _noun_after(" " + after[role.end() :])
        if named.kind == "people" and named.name != "general":
            return named
    return noun


def _noun_after(after: str, vague: bool = False) -> Noun:
    """The noun phrase that follows a number (``after`` is the text after it in its clause).

    "24 of them" is partitive; "117 injured" names an event; "65 mine and ERW casualties"
    counts casualties (the last noun is the head); "14 organisations" counts something the
    vocabulary does not know. A ``vague`` amount ("hundreds") names its noun after "of".
    """
    c = cues()
    partitive = c.partitive_after.match(after)
    if partitive:
        event = c.event_nouns.first(partitive.group())
        if event is None and partitive.group().lower().endswith(("these", "those")):
            named = _noun_after(" " + after[partitive.end() :].lstrip())
            if named.kind == "thing" and named.name in COUNTED_PARTS:
                return named  # "two of those accidents", "40 of these mines": as many of them
        return Noun("partitive", event)
    # "330 of our citizens", "tens of thousands of mines": the noun after "of"
    owner = OWNER.match(after) or (LEADING_OF.match(after) if vague else None)
    if owner is None and (of := OF_THE.match(after)):
        named = _noun_after(" " + after[of.end() :])
        if (named.kind == "thing" and named.name in COUNTED_PARTS) or (
            named.kind == "people" and named.name != "general"
        ):
            # "402 of the mines found", "one of the deminers was killed", "14 of the minefield
            # maps": as many of them (not "13 of the country's 14 states": its regions)
            return named
    whole = PHRASE_END.split(after[owner.end() if owner else 0 :], maxsplit=1)[0]
    phrase = noun_phrase(" ".join(whole.split()[:HEAD_WORDS]))
    words = phrase.split()
    if not words:
        return NONE
    first_conjunct = FIRST_CONJUNCT.split(phrase, maxsplit=1)[0].split()
    if first_conjunct and c.not_people.pattern.fullmatch(first_conjunct[-1]):
        return Noun("unknown")  # "23 survivor households", "two goats": not people counted
    # An event that starts within the phrase is read whole, past its last word ("the number
    # of Azerbaijanis killed or injured").
    direct = c.events.search(noun_phrase(" ".join(whole.split()[: HEAD_WORDS + 3])))
    if direct and direct[1] >= len(phrase):
        direct = c.events.search(phrase)
    adverb = LEADING_ADVERB.match(phrase)  # "63 newly injured casualties"
    if direct and direct[1] == (adverb.end() if adverb else 0):
        noun = c.event_nouns.search(phrase)
        if (
            noun
            and noun[1] == 0
            and phrase.split()[0].lower() not in ("injured", "wounded", "dead")
        ):
            return Noun("event", noun[0])  # "1,000 victims"
        head = head_of(phrase)
        if head is not None and head[0] == "people" and head[1] != "general":
            return Noun(*head)  # "5 injured deminers": deminers, whom the event befell
        return Noun("participle", direct[0])  # "32 killed and 123 injured"
    head = head_of(phrase)
    if head is not None:
        kind, name = head
        named = {name for _, _, (k, name) in _matches(c.heads, phrase) if k == "people"}
        if kind == "people" and len(named - {"general"}) > 1:
            name = "general"  # "civilians and military personnel": all of them
        return Noun(kind, name)
    if direct and not _plural_noun(words[0]):
        # "9 fatally", "67 sustained injuries" (but "53 communities affected": of another noun)
        return Noun("participle", direct[0])
    if words[0].lower() in c.not_nouns or not words[0][0].isalpha():
        return NONE
    return Noun("unknown")


FIRST_CONJUNCT = re.compile(r"\s+(?:and|or)\s+|\s*,|$")
LEADING_ADVERB = re.compile(r"[a-z]+ly\s+(?=[a-z])")


# The numbers of a list after its first, up to the noun they share: ", 47 and 40 (casualties)"
_LISTED = r"\d(?:[\d,.]*\d)?"
LIST_REST = re.compile(
    rf"(?:\s*,\s*{_LISTED})*\s*,?\s+(?:and|or)\s+{_LISTED}(?=[\s,])", re.IGNORECASE
)
# What stands between the numbers of a list: "134, 121 and 88", "12 or 15".
LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)


def noun_of_list(trailing: str, clause_after: str) -> str | None:
    """The words after the last number of a list of numbers that a number opens, when they
    name its noun: "58, 47 and 40 (of the casualties) respectively" - what all of them
    count."""
    if not LIST_GAP.fullmatch(trailing):
        return None
    rest = LIST_REST.match(clause_after)
    if rest is None:
        return None
    words = clause_after[rest.end() :]
    noun = noun_after(words)
    # (a part named by what befell it, not "of them": "31, 9 of them children" is no list)
    named = noun.kind in ("people", "event", "thing") or (noun.kind == "partitive" and noun.name)
    return words if named else None


def noun_phrase(phrase: str) -> str:
    """A noun phrase up to a preposition, relative pronoun or verb (none when a preposition
    in lower case starts it: "403 in the mine action database", not "318 AT mines")."""
    if LEADING_PREPOSITION.match(phrase):
        return ""
    phrase = PREPOSITION.split(phrase, maxsplit=1)[0]
    verb = cues().verbs.search(phrase)
    return phrase[: verb.start()] if verb else phrase


LEADING_PREPOSITION = re.compile(r"(?:by|in|on|at|from|with|for|across|near|along|to)\s")
# "of our", "of my own": a possessive after a number ("Four of our own staff").
OWNER = re.compile(r"\s*of\s+(?:our|my|its|their|his|her|your)\s+(?:own\s+)?", re.IGNORECASE)
OF_THE = re.compile(r"\s*of\s+the\s+", re.IGNORECASE)
LEADING_OF = re.compile(r"\s*of\s+(?!them\b|whom\b|these\b|those\b)(?:the\s+)?", re.IGNORECASE)
# Words that end a noun phrase: prepositions and relative pronouns (not "of": "items of UXO").
PREPOSITION = re.compile(
    r"\s(?:by|in|on|at|since|during|from|with|for|across|near|along|to|over|under|after|before|"
    r"while|who|which|that|whose|as|than|per|every|each|worldwide|alone|now)\b.*",
    re.IGNORECASE,
)


def head_of(phrase: str) -> tuple[str, str] | None:
    """The head of a noun phrase: ("people", group), ("thing", kind) or ("event", event).

    The last noun is the head ("mine victims" counts victims), but a participle after people
    describes them ("people injured" counts people). A phrase is read up to an "of" that is
    not a part of a noun ("victims of mines" counts victims; "items of UXO" is one noun).
    """
    matches = _matches(cues().heads, phrase)
    cut = next(
        (
            m.start()
            for m in re.finditer(r"\bof\b", phrase, re.IGNORECASE)
            if not any(s <= m.start() < e for s, e, _ in matches)
        ),
        None,
    )
    if cut is not None:
        matches = [m for m in matches if m[1] <= cut]
    if not matches:
        return None
    *rest, (last_start, _, last) = matches
    people = [name for _, _, (kind, name) in rest if kind == "people"]
    if last[0] == "event" and people:  # "civilian (mine) casualties", "people injured"
        return ("people", people[-1])
    if (
        last == ("people", "general")
        and rest
        and rest[-1][2][0] == "people"
        and not phrase[rest[-1][1] : last_start].strip()
    ):
        return rest[-1][2]  # "two civilian men": men of that group
    return ("thing" if last[0] == "thing" else last[0], last[1])


def _matches(
    heads: Choices[tuple[str, str]], phrase: str
) -> list[tuple[int, int, tuple[str, str]]]:
    """Every head cue in ``phrase``, left to right, none overlapping (at one place the first
    cue in vocabulary order)."""
    names, pattern = _all_heads()
    return [
        (m.start(), m.end(), names[int(m.lastgroup[1:])])
        for m in pattern.finditer(phrase)
        if m.lastgroup
    ]


@cache
def _all_heads() -> tuple[tuple[tuple[str, str], ...], Cue]:
    """The head cues in one pattern (group "h<i>" is cue i): one scan of a phrase for all."""
    heads = cues().heads.cues
    names = tuple(heads)
    pattern = "|".join(f"(?P<h{i}>{cue.pattern.pattern})" for i, cue in enumerate(heads.values()))
    return names, Cue(pattern)


def active_event(before: str) -> str | None:
    """The event of a verb right before a number that counts its object ("mines killed 6")."""
    for event, pattern in cues().active_verb.items():
        if pattern.search(before[-60:]):
            return event
    return None


def first_event(text: str) -> str | None:
    """The event named first in ``text`` (ties: vocabulary order)."""
    return cues().events.first(text)


def events_in(text: str) -> set[str]:
    """Every event named in ``text``."""
    return cues().events.all(text)


def last_event(text: str) -> str | None:
    """The event named last in ``text``."""
    return cues().events.last(text)


def group_after(after: str) -> str | None:
    """The group of a predicate after a number: "9 were farmers", "2 were staff of the
    clearance operator"."""
    return _group_named(cues().group_predicate.search(after))


def group_before(before: str) -> str | None:
    """The group named right before a number: "Civilians accounted for 34", "children for six",
    "of the soldiers, 5"."""
    c = cues()
    return _group_named(c.group_share_before.search(before) or c.group_among_before.search(before))


def group_of_subject(before: str) -> str | None:
    """The group a part of a count is said to be: "Children were (104 of the casualties)"."""
    return _group_named(cues().group_subject_before.search(before))


def group_of_them(sentence_before: str) -> str | None:
    """The group "them" refers to in a part that opens what a sentence says of its subject
    after a colon or a dash: "Deminers have paid a price too: 14 of them were killed"."""
    return _group_named(cues().group_of_them.search(sentence_before))


def group_of_opener(sentence_before: str) -> str | None:
    """The group a sentence opens with, of its counts: "Among civilians in the district, the
    health post has registered 41 mine victims"."""
    return _group_named(cues().group_opener.search(sentence_before))


def group_among(words: str) -> str | None:
    """The group an event noun is counted among: "(63) casualties among deminers", "the
    number of deaths among local farmers"."""
    return _group_named(cues().group_among.search(words))


# A group named right before "N of whom", with no number of its own: "the rest were deminers
# and police engineers, (13 of whom died)".
GROUP_BEFORE_RELATIVE = re.compile(
    r"\b(?:were|are|was|is|included|include)\s+(?P<group>[^\d,;:.]{3,60}),\s*$"
)


def group_of_relative(before: str, trailing: str) -> str | None:
    """The group a part "of whom" is of, when a clause names it just before with no number:
    "the rest were deminers and police engineers, 13 of whom died"."""
    if not OF_WHOM.match(trailing):
        return None
    return _group_named(GROUP_BEFORE_RELATIVE.search(before[-80:]))


OF_WHOM = re.compile(r"\s+of\s+whom\b", re.IGNORECASE)


def _group_named(match: re.Match[str] | None) -> str | None:
    """The group of the words a cue's ``group`` matched, if it matched."""
    return cues().groups.first(match.group("group")) if match else None


def part_of_event(before: str) -> str | None:
    """The event of a total named before a part: "Of the victims, 12", "Among the dead were 11"."""
    c = cues()
    found = None
    for match in c.part_of_before.finditer(before):
        found = match
    if found is None or len(before) - found.end() > 25:
        return None
    return c.event_nouns.first(found.group("event"))


def is_subgroup(before: str) -> bool:
    """Whether a number is introduced as a part of a total before it ("including 3",
    "(358", "of whom 12", "Among them, 90", "Of the victims, 12", "Among the civilians, 21")."""
    c = cues()
    tail = before[-40:]
    return bool(
        c.subgroup_before.search(tail) or part_of_event(tail) or c.group_among_before.search(tail)
    )


FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|remains?|remained)\b", re.IGNORECASE
)
# Words that may stand right before a part that is the subject of its clause ("and 24 of
# them", "while two of them"); after another word ("met one of them") it is an object.
BEFORE_A_SUBJECT = frozenset(
    " ".join(
        (
            "and or but while whereas of whom which them these those including among are were",
            "was is the that than with some another all only just also there where who a an",
            "total nearly almost about around over more less at least no fewer up below under",
            "roughly approximately well in to for by from on since after during into said says",
        )
    ).split()
)
NAMED_ITEM = re.compile(
    r"(?:^|[,;]|\band|\bby|\b(?:were|was)\s+in)\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*\($"
)


def has_other_predicate(trailing: str) -> bool:
    """Whether a verb follows a part ("two of them remain in hospital") that names no
    event and no group (those are read before this is asked)."""
    return bool(FINITE_VERB.search(trailing))


APPOSITION_CLAUSE = re.compile(
    r",\s+an?\s+[^,]*?\b(?:who|that|which)\b.*", re.IGNORECASE | re.DOTALL
)


# A part named inside a total's clause: "300 civilians, including 50 who died, were hurt",
# "180 civilians - 45 killed and 135 injured - were mine victims", "210 civilians (60 killed,
# 150 injured) were hit", "Children: 45 (12 of them killed)".
INCLUDED_PART = re.compile(
    r",\s*(?:including|among (?:them|whom))\b[^,;]*,|\s[–—-]\s[^–—;]*?\d[^–—;]*?\s[–—-]\s"
    r"|\s*\([^()]*?\b\d[^()]*\)",
    re.IGNORECASE,
)


def without_apposition(after: str) -> str:
    """The text after a number without a relative clause of an apposition, nor a part it
    includes: in "one of them, a woman of 58 who lost a hand" the loss is the man's, and in
    "300 civilians, including 50 who died, were hurt" the deaths are the part's."""
    return APPOSITION_CLAUSE.sub("", INCLUDED_PART.sub("", after))


ASKED = re.compile(r"\bhow\s+(?:many|much)\b", re.IGNORECASE)


# A lead-in clause's colon before the first figure of its list ("...: from 4,320 in 1996").
LEAD_IN_COLON = re.compile(r":\s*(?:from\s+)?$")
# The last words of a clause before its colon: "(Mines continued to kill) civilians".
LAST_WORDS = re.compile(r"(?:[\w-]+\s+){0,2}[\w-]+\s*$")
WORD_START = re.compile(r"(?<!\S)\S")


def lead_in_object(before: str) -> tuple[Noun, str]:
    """What the figures of a list after a lead-in clause and its colon count, and the words
    that name their event: the object of a killing or maiming verb ending the clause ("Mines
    continued to kill civilians: 12 in 2021, 6 in 2022"), or the event noun of its subject
    ("Annual casualties have fallen: from 4,320 in 1996 to 49 in 2024")."""
    colon = LEAD_IN_COLON.search(before[-90:])
    if colon is None:
        return NONE, ""
    clause = before[-90:][: colon.start()]
    words = LAST_WORDS.search(clause)
    if words is None:
        return NONE, ""
    # the shortest object after a verb: "kill | civilians", "killed | many civilians"
    starts = [m.start() for m in WORD_START.finditer(clause, words.start())]
    for verb_end in reversed(starts):
        if active_event(clause[:verb_end]) is not None:
            noun = noun_after(" " + clause[verb_end:])
            return (noun, clause[:verb_end]) if noun.kind == "people" else (NONE, "")
    noun, counted = count_noun_before(clause + " ", verb_in_surface=True)
    if noun.kind == "event":
        return noun, counted
    # a group and what befell it: "fewer children are being hurt: 6 in July, 19 in March"
    passive = LEAD_IN_PASSIVE.search(clause)
    if passive and first_event(passive["event"]) is not None:
        noun = noun_after(" " + passive["subject"])
        if noun.kind == "people":
            return noun, passive["event"]
    return NONE, ""


LEAD_IN_PASSIVE = re.compile(
    r"(?P<subject>(?:[\w-]+\s+){0,2}[\w-]+)\s+(?:are|were|is|was|have\s+been|has\s+been|had\s+been)"
    r"\s+(?:being\s+)?(?:\w+ly\s+)?(?P<event>[\w-]+)\s*$",
    re.IGNORECASE,
)


# "Of the mines, (8,805 were anti-personnel)": the whole a part is of, named before it.
OF_THE_WHOLE = re.compile(
    r"\b(?:of|among)\s+(?:all\s+)?(?:the|these|those)\s+(?P<whole>(?:[\w-]+\s+){0,2}[\w-]+)\s*,\s*$",
    re.IGNORECASE,
)


# A part of a count before, by where it was: "Of these, 1,406 were in the north".
PART_BEFORE = re.compile(
    r"\b(?:of|among)\s+(?:these|them|those|which|whom)\s*,?\s*$", re.IGNORECASE
)
IN_A_PLACE = re.compile(
    r"\s*(?:were|was)\s+(?:(?:found|recorded|registered|located|reported)\s+)?"
    r"(?:in|from|at|near|along|inside|within|on)\b",
    re.IGNORECASE,
)


def is_part_by_place(before: str, trailing: str) -> bool:
    """Whether a number counts a part of the count before it by where it was ("Of these,
    1,406 were in the north"), with no noun of its own."""
    return PART_BEFORE.search(before[-30:]) is not None and IN_A_PLACE.match(trailing) is not None


def whole_of_things(before: str) -> Noun:
    """The things a part is of, when named before it: "Of the mines, 8,805 were anti-personnel"."""
    match = OF_THE_WHOLE.search(before[-60:])
    if match is None:
        return NONE
    noun = noun_after(" " + match["whole"])
    return noun if noun.kind == "thing" else NONE


# A gloss in brackets, in lower case ("(deminers)", "(explosive devices)"), and the words
# before it that may be its term (up to four): "desminadores", "artefactos explosivos".
GLOSS = re.compile(r"\s\(((?:the\s+)?[a-z][a-z' -]{2,40})\)")
GLOSSED_TERM = re.compile(r"(?:[^\W\d_][\w'’-]*\s+){0,3}[^\W\d_][\w'’-]*$")
GLOSSED_WORDS = 4  # the longest term looked up


def glossary(text: str) -> dict[str, str]:
    """The terms a text glosses in brackets (lower-cased), and their glosses: a translated
    or bilingual text names a foreign term once with its meaning, then uses it alone. (The
    words before a gloss may hold more than its term: each ending is kept, "and the MAP
    (landmines)" giving "map" too.)"""
    terms = {}
    for gloss in GLOSS.finditer(text):
        term = GLOSSED_TERM.search(text, max(0, gloss.start() - 80), gloss.start())
        if term is None:
            continue
        words = term.group().lower().split()
        for first in range(len(words)):
            terms[" ".join(words[first:])] = gloss[1]
    return terms


def glossed(after: str, terms: Mapping[str, str]) -> str | None:
    """The words after a number with the glossed term that opens them replaced by its gloss
    ("12,487 víctimas of mines" -> "victims of mines"; "1,150 desminadores (deminers)"
    -> "deminers"), if a glossed term opens them."""
    words = after.split(maxsplit=GLOSSED_WORDS)
    for size in range(min(GLOSSED_WORDS, len(words)), 0, -1):
        gloss = terms.get(" ".join(words[:size]).lower())
        if gloss is not None:
            rest = " ".join(words[size:])
            rest = re.sub(rf"^\(\s*{re.escape(gloss)}\s*\)\s*", "", rest)  # (its gloss)
            return f" {gloss} {rest}"
    return None


def asked_noun(question: str) -> Noun:
    """The noun a question asks a count of: "How many mines remain in the ground?"."""
    match = ASKED.search(question)
    return noun_after(question[match.end() :]) if match else NONE


def is_object(before: str) -> bool:
    """Whether a part ("one of them") follows a word that makes it an object, not a subject
    ("we visited two of them"): a lower-case word that introduces no subject and is no
    event verb."""
    words = before[-30:].split()
    if not words:
        return False
    last = words[-1]
    return (
        last.isalpha()
        and last.islower()
        and last not in BEFORE_A_SUBJECT
        and active_event(before) is None
    )


def is_named_item(before: str) -> bool:
    """ "followed by Chad (812)": a number in brackets after a name, an item of a list."""
    return bool(NAMED_ITEM.search(before[-40:].rstrip()))


OPENS_PART = re.compile(
    r"\s*(?:of\s+(?:them|whom|these|those)\s*)?(?:,\s*)?(?:including|among them|among whom|\()\s*$",
    re.IGNORECASE,
)


def opens_part(trailing: str) -> bool:
    """Whether the words after a number open a part of it ("65, including 50 civilians, were
    killed"): its predicate then comes after the part."""
    return bool(OPENS_PART.match(trailing))


def is_comparison(before: str) -> bool:
    """Whether a number is the other side of a comparison ("compared with 77")."""
    return bool(cues().comparison_before.search(before[-40:]))


# Goals listed in brackets after their noun: "The targets (release of 180 ha; 15,000 people)".
TARGETS_BEFORE = re.compile(r"\b(?:targets|goals|objectives|plans)\s*$", re.IGNORECASE)


def _in_brackets_after(before: str, opener: re.Pattern[str]) -> bool:
    """Whether the text ``before`` a number leaves a bracket open that follows ``opener``."""
    opened = before.rfind("(")
    return opened > before.rfind(")") and bool(opener.search(before, max(0, opened - 30), opened))


# A goal's label, in brackets after a result or opening a line: "21,300 people (target:
# 18,000)", "- Target: 2,400 ha".
TARGET_LABEL = re.compile(
    r"(?:\(|^[^\w(]*)(?:target|goal|objective|planned)s?(?:\s+for\s+\d{4})?\s*:\s*$", re.IGNORECASE
)


# A need named after its count: "1,050 deminers needed in the field", "200 more sappers
# are required"; not "5 victims needed surgery", "12 required to be hospitalised".
NEEDED_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:(?:are|is|will\s+be|would\s+be)\s+)?(?:still\s+)?"
    r"(?:needed|required)"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|for|by|until|if|across|over|now|still|to(?!\s+be\b))\b)"
    # "(out of an estimated 3,500) who need them"
    r"|\s+(?:[\w-]+\s+)?(?:who|that|which)\s+(?:still\s+)?(?:need|needs|require|requires)\b",
    re.IGNORECASE,
)


# The lead-in of a list of goals: "With full funding, the consortium aims by June 2027 to:",
# "Targets for 2026:", "We will:".
PLAN_LEAD_IN = re.compile(
    r"(?:\b(?:aims?|aiming|plans?|planning|intends?|intending|seeks?|hopes?)\b[^.;:]{0,60}?\bto"
    r"|\b(?:will|shall)|\b(?:targets?|goals?|objectives?)\b[^.;:]{0,40}?)\s*:\s*$"
    # a heading of its own: "Targets", "Our goals for 2026"
    r"|^\W*(?:our\s+|key\s+)?(?:targets?|goals?|objectives?)(?:\s+for\s+\d{4})?\W*$",
    re.IGNORECASE,
)


def is_plan_lead_in(heading: str) -> bool:
    """Whether a list's lead-in says its items are goals."""
    return PLAN_LEAD_IN.search(heading) is not None


def survivors_alive(before: str, trailing: str) -> bool:
    """Whether a count of survivors counts those alive today, not the people hurt in a time:
    "there are about 21,000 mine survivors", "some 20,000 living UXO survivors", "an
    estimated 2,000 survivors live in the province", "1,380 survivors are on the register"
    (but "25,000 survivors live with an amputation" count amputees)."""
    living = SURVIVORS_LIVE.match(trailing) and "amputated" not in events_in(trailing)
    return bool(LIVING_BEFORE_NOUN.match(trailing) or THERE_ARE.search(before[-60:]) or living)


LIVING_BEFORE_NOUN = re.compile(r"\s+(?:[\w-]+\s+)?(?:living|surviving)\s", re.IGNORECASE)
SURVIVORS_LIVE = re.compile(
    r"\s+(?:(?:mine|landmine|ERW|UXO|war)\s+)?survivors\s+(?:(?:still|now)\s+)?"
    r"(?:live|living|reside|residing|are\s+(?:still\s+)?(?:alive|registered|listed|"
    r"on\s+(?:the|a|its|their)\s+(?:[\w-]+\s+)?(?:register|registry|list|database)))\b",
    re.IGNORECASE,
)
THERE_ARE = re.compile(
    r"\bthere\s+(?:are|is)\s+(?:(?:still|now|thought|estimated|believed|said)\s+)*"
    r"(?:to\s+be\s+)?$",
    re.IGNORECASE,
)


def is_needed(trailing: str) -> bool:
    """Whether the words after a count say it is needed, not reported."""
    return NEEDED_AFTER.match(trailing) is not None


# A later verb of a list, bare, right before its number: ", release 8,000", "and reach 2.5"
# (not a relative clause's word: "..., where 3,100 hectares are suspected")
PLANNED_ITEM = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:to\s+)?"
    r"(?P<verb>(?!(?:where|which|who|whom|whose|that|when|while|whereas|as)\s)[a-z]+)\s+$"
)


def is_target(clause_before: str, sentence_before: str = "") -> bool:
    """Whether a number is a goal or need ("to reach 45 per cent", "raises the workforce to
    6,500", "(target: 18,000)", whose colon ends a clause), or the object of a later verb of
    a plan's list ("aims to field 3,000 deminers, release 8,000 hectares")."""
    c = cues()
    if (
        c.target_before.search(clause_before[-60:])
        or TARGET_LABEL.search(sentence_before[-30:])
        or TARGET_LABEL.match(sentence_before)
        or _in_brackets_after(sentence_before, TARGETS_BEFORE)
        or c.plan_verb_before.search(clause_before[-60:])  # "intends to deploy 2,000"
    ):
        return True
    item = PLANNED_ITEM.search(sentence_before[-200:])
    if item is None:
        return False
    verb = item.group("verb")
    if verb.endswith("ed") or verb in c.irregular_past:
        return False  # "plans to clear 500 hectares, and found 300 mines": a result
    earlier = sentence_before[-200:][: item.start()]
    return bool(c.plan_before.search(earlier))


def after_partitive(trailing: str) -> str:
    """The words after a part's "of them" or "of the wounded": its own predicate."""
    partitive = cues().partitive_after.match(trailing)
    return trailing[partitive.end() :] if partitive else trailing


# "14 of the 65 casualties": a part, then the count it is a part of
_OF_THE = r"of\s+(?:the|these|those|all|its|their)\s+(?:[\w-]+['’]s\s+)?"  # "of the country's"
OF_A_COUNT = re.compile(rf"\s*{_OF_THE}$", re.IGNORECASE)
NUMBER_TOKEN = re.compile(r"[\w,.]+")
WHOLE_BEFORE = re.compile(rf"\w\s+{_OF_THE}$", re.IGNORECASE)


def after_the_whole(part_words: str) -> str:
    """The words of a part past its "of the country's": " municipalities had been ..."."""
    return " " + OF_THE_START.sub("", part_words, count=1).lstrip()


OF_THE_START = re.compile(rf"\s*{_OF_THE}", re.IGNORECASE)


def part_of_next_count(trailing: str, clause_after: str) -> str | None:
    """The words of a part read past the count it is a part of: for "14" in "14 of the 65
    casualties were children", " of the casualties were children" (the predicate is the
    part's). None when the number is no such part."""
    if not OF_A_COUNT.fullmatch(trailing):
        return None
    whole = NUMBER_TOKEN.match(clause_after, len(trailing))
    return trailing + clause_after[whole.end() :].lstrip() if whole else None


def follows_its_whole(whole_before: str, before: str) -> bool:
    """Whether a number is a part of the figure before it, which opens its sentence as the
    whole the parts are of: "Of the 112 victims, 40 were killed" (``whole_before`` is the text
    before 112 in its clause, ``before`` the text between the two)."""
    return bool(WHOLE_OPENER.search(whole_before) and NOUN_THEN_COMMA.fullmatch(before))


WHOLE_OPENER = re.compile(
    r"(?:^|\W)(?:of|among|out\s+of)\s+(?:all\s+)?(?:the|these|those)\s+$", re.I
)
NOUN_THEN_COMMA = re.compile(r"\s+[\w'’ -]{1,40},\s*")


def is_whole_of_part(before: str) -> bool:
    """Whether a number is the count a part before it belongs to: "65" in "14 of the 65
    casualties were children" (what follows it, the predicate, is the part's)."""
    return bool(WHOLE_BEFORE.search(before[-30:]))


def opens_as_whole(clause_before: str, trailing: str) -> bool:
    """Whether a number opens its sentence as the whole of the part after it ("Among the
    1,142 people who survived, 318 lost a limb"): the predicate after the comma is the
    part's, not the whole's (see :func:`follows_its_whole`)."""
    return bool(WHOLE_OPENER.search(clause_before) and NOUN_THEN_COMMA.fullmatch(trailing))


def group_of_part(trailing: str) -> str | None:
    """The group a part names right after its "of them": "four people, two of them boys",
    "3,112 casualties, 85 per cent of them civilians"."""
    partitive = cues().partitive_after.match(trailing)
    if partitive is None:
        return None
    named = noun_after(trailing[partitive.end() :])
    return named.name if named.kind == "people" and named.name != "general" else None


def is_war_toll(before: str, sentence_before: str = "") -> bool:
    """Whether a count of people is the toll of a war, not of mines: "the war, which began in
    2011, killed more than 500,000 people" (the war is the subject of the verb), or "The war
    lasted four years. It killed 100,000 people" (its subject "it" is the war, the subject of
    the sentence before; after "A mine went off. It killed two", "it" is the mine)."""
    c = cues()
    if c.war_toll_before.search(before[-120:]):
        return True
    pronoun = PRONOUN_SUBJECT.match(before)
    return bool(
        pronoun
        and c.war_subject.match(sentence_before)
        and c.war_toll_before.search("war" + before[pronoun.end() :])
    )


PRONOUN_SUBJECT = re.compile(r"\W*(?:it|this)\b", re.IGNORECASE)


def served(before: str, after: str, named_by_noun: bool) -> bool:
    """Whether a count of people counts those a service reached, not casualties: the object of
    a service verb with no event named between ("interviewed 74 survivors, relatives and
    witnesses, as well as 11 health workers"), or, when only its noun names an event, people
    a service is said of ("39 survivors fitted with prostheses")."""
    c = cues()
    verbs = list(c.service.finditer(before))
    if verbs:
        between = before[verbs[-1].end() :]
        # the number is the verb's object: right after it, or further on in a list of its
        # objects ("interviewed 74 survivors, relatives and witnesses, as well as 11 ...")
        if OBJECT_OF_VERB.fullmatch(between) and not _names_an_event_verb(between):
            return True
        # the people a service was for, after what it gave them ("fitted new limbs or
        # repaired old ones for 214 survivors")
        if FOR_THEM.search(between) and not _names_an_event_verb(between):
            return True
    if named_by_noun:
        return c.service.search(after) is not None
    # "420 national deminers trained": a service verb right after the people's noun
    return bool(c.service_after_noun.match(after))


def victims_of(before: str, after: str) -> Noun | None:
    """The people a killing or maiming verb right before a number takes as its object when
    its noun is none the vocabulary knows ("kills four truffle hunters"); None for animals
    and body parts ("killed 3 cows", "lost two fingers") or another verb."""
    event = active_event(before)
    if event is None or cues().not_people.search(noun_phrase(after)):
        return None
    return Noun("people", "general")


OBJECT_OF_VERB = re.compile(
    r"\s*(?:(?:[\w'’-]+\s+){0,4}|[\d,.]+\s+[^.;:]*?(?:,|\band|\bas well as)\s*)", re.IGNORECASE
)


# "... for 214 survivors", "pays a supplement to 37 survivors": the people a service was for
FOR_THEM = re.compile(r"(?<![\w-])(?:for|to)\s+$", re.I)  # (a qualifier is the figure's own)


def _names_an_event_verb(text: str) -> bool:
    """Whether ``text`` names an event other than by a noun ("were injured", not "survivors")."""
    c = cues()
    while found := c.events.search(text):
        noun = c.event_nouns.search(text[found[1] :])
        if noun is None or noun[1] != 0:
            return True
        text = text[found[1] + 1 :]
    return False


def reports_a_figure(before: str, trailing: str) -> bool:
    """Whether a bare number is reported as a figure of what was counted before it: "the
    spokesperson gave 377", "there were 212", "put the toll at 76", "15 were recorded"."""
    c = cues()
    return bool(c.reported_before.search(before[-150:]) or c.reported_after.match(trailing))


# A signed number is a difference ("+3 (+75%)", "WoW -6%", "(up 12 on 2023)"): a count has
# no sign. (A minus only after a bracket or a change's abbreviation: elsewhere "-" joins a
# range or a list.)
SIGNED = re.compile(
    r"(?:(?<![\w.,])[+−±]|\((?:-|(?:up|down)\s+(?:by\s+)?)|\b(?:WoW|YoY|MoM|QoQ|w/w|y/y|m/m|q/q)\s*[-+−]?)\s*$",
    re.IGNORECASE,
)


def is_change(before: str, trailing: str = "") -> bool:
    """Whether a number is a difference between two figures: "up 18% on Q2", "an increase
    of 16", "+3 (+75%)", "28.4% less than in June" (but "increased to 41" reports a figure);
    ``trailing`` is the text right after the number."""
    c = cues()
    return bool(
        c.change_before.search(before[-40:])
        or SIGNED.search(before[-12:])
        or c.change_after.match(trailing)
    )


def is_corrected(before: str, trailing: str) -> bool:
    """Whether the speaker corrects a number right after saying it: "16 casualties last year
    - I am sorry, I should have said 61" (``trailing`` runs to the next number), or sets it
    aside for the one before it: "19 civilians, not 9, were killed"."""
    revised = cues().revised_from.search(before[-40:]) and re.match(r"\s+to\s", trailing)
    return bool(cues().correction_before.search(trailing) or sets_aside(before) or revised)


def is_withdrawn(sentence_before: str) -> bool:
    """Whether a number is one an earlier version of the text gave ("An earlier version of
    this article gave 398 casualties for Hama. We regret the error.")."""
    return bool(cues().earlier_version_before.search(sentence_before))


def sets_aside(before: str) -> bool:
    """Whether a number is set aside for the one right before it ("747, not 744")."""
    return bool(cues().corrected_before.search(before[-20:]))


def replaces_a_figure(before: str, sentence_before: str) -> bool:
    """Whether a number replaces a figure of the sentence before, given in error: "We reported
    in error that nine were hurt. The correct figure is seven." """
    c = cues()
    return bool(
        c.replacing_figure_before.search(before[-80:]) and c.given_in_error.search(sentence_before)
    )


def is_ellipsis(before: str) -> bool:
    """ "another 112", "the remaining 108": a number taking the noun of the figure before."""
    return bool(cues().ellipsis_before.search(before[-30:]))


# A place or time after the head noun of a subject: "(casualties) in Cambodia", "(deaths)
# across the region", "(incidents) during the year".
SUBJECT_MODIFIER = re.compile(
    r"\s+(?:in|across|throughout|within|during|at|on|from|by|caused\s+by|due\s+to)\s+(?:the\s+)?"
    r"[\w’'.-]+(?:\s+[\w’'.-]+){0,3}\s*$"
)
# An aside in brackets after a subject: "Civilian casualties (killed and injured) numbered 12".
SUBJECT_ASIDE = re.compile(r"\s*\([^()]{0,60}\)\s*$")


# Verbs that give the size of a group: "the demining workforce numbers 1,163".
SIZE_VERB = re.compile(
    r"\s*(?:has |have |had )?(?:numbers?|numbered|totall?ed|totals?|stood|stands)\b"
)


# A source puts a count at a value: "the ministry puts the death toll at 57", "the monitor
# put civilian casualties in 2023 at 420".
PUT_AT = re.compile(r"\bput(?:s|ting)?\s+(?P<object>[^.;:,]{2,60}?)\s+at\s*$", re.IGNORECASE)


def count_noun_before(before: str, verb_in_surface: bool = False) -> tuple[Noun, str]:
    """ "the number of mines exceeds 1 million", "annual casualties fell below 50", "takes the
    count of injured farmers to 57", "puts the death toll at 57": a count whose noun is named
    before its number, and the words that name it (where its event may be: "people killed or
    injured")."""
    c = cues()
    put = PUT_AT.search(before[-80:])
    if put is not None:
        named = SUBJECT_MODIFIER.sub("", put["object"])
        noun = noun_after(" " + named)
        if noun.kind in ("people", "thing", "event"):
            return noun, named
    phrases = list(c.count_phrase.finditer(before))
    phrase = phrases[-1] if phrases else None
    if phrase is not None:
        subject = before[phrase.end() :]
        verb = c.count_verb_before.search(subject) or re.search(r"\b(?:to|with|at)\s*$", subject)
        if verb is None and not verb_in_surface:  # ("exceeds 3,400": the verb is in the figure)
            return NONE, ""
        subject = subject[: verb.start()] if verb else subject
        noun = noun_after(" " + subject)
        if noun.kind in ("people", "thing", "event"):
            return noun, before[phrase.start() : phrase.end()] + subject
        return NONE, ""
    verb = c.count_verb_before.search(before)
    if verb is None:
        return NONE, ""
    # "annual casualties fell below 50"; "casualties in the province totalled 33": the
    # subject's head comes before a place or time that follows it
    subject = SUBJECT_MODIFIER.sub("", SUBJECT_ASIDE.sub("", before[: verb.start()]))
    words = subject.split()[-4:]
    head = head_of(" ".join(words)) if words else None
    sized = head is not None and head[0] == "people" and SIZE_VERB.match(verb.group())
    if head is None or (
        head[0] != "event" and c.event_nouns.first(" ".join(words)) is None and not sized
    ):
        # only an event noun is sure to be the subject ("casualties", "civilian deaths and
        # injuries"), or a group whose size the verb gives ("the deminers now number 1,163"):
        # "civilians were 60 of them" is a part
        return NONE, ""
    return Noun(*head), " ".join(words)
