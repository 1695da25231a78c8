"""Speed machinery for the cue patterns of :mod:`analysis.extract.classify`.

The rules never need to read this module: a :class:`Cue` finds exactly what its regular
expression finds (``search``, ``finditer``), and a :class:`Choices` exactly what trying each of
its cues would find.

Why it exists: ``re`` has no fast scan for a case-insensitive pattern; it tries the whole
pattern at every character. But every match of most cue patterns begins with one of a few
words ("since the", "lachin"). A case-sensitive scan of the lower-cased text finds those
words quickly, and the pattern is only tried where one stands. :func:`leading_words` reads
those words off the pattern text, for the small part of the regex syntax the vocabulary
uses; where it cannot tell, the cue is simply searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

MAX_LEADING_WORDS = 1024  # more alternatives than this: the pattern is searched instead
_QUANTIFIERS = "?*+{"
_METACHARACTERS = set(".^$*+?{}[]()|\\")
_ZERO_WIDTH_ESCAPES = set("bBAZ")


class _Unreadable(Exception):
    """The pattern uses syntax :func:`leading_words` does not read."""


def _group_end(pattern: str, index: int) -> int:
    """The index after the ``)`` that closes the group whose body starts at ``index``."""
    _, index = _alternation(pattern, index)
    if index >= len(pattern) or pattern[index] != ")":
        raise _Unreadable
    return index + 1


def _class_end(pattern: str, index: int) -> int:
    """The index after the ``]`` closing the character class opened at ``index - 1``."""
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    if index >= len(pattern):
        raise _Unreadable
    return index + 1


Beginning = tuple[str, bool]  # (text every match of a part begins with, whether that is all)


def _atom(pattern: str, index: int) -> tuple[list[Beginning] | None, int]:
    """The beginnings of the one item at ``index`` (None: zero width), and the index after."""
    char = pattern[index]
    if char in "^$":
        return None, index + 1
    if char == "\\":
        escaped = pattern[index + 1 : index + 2]
        if not escaped:
            raise _Unreadable
        if escaped in _ZERO_WIDTH_ESCAPES:
            return None, index + 2
        if escaped.isalnum():  # \d, \w, \s ...: a class of characters
            return [("", False)], index + 2
        return [(escaped, True)], index + 2
    if char == "[":
        return [("", False)], _class_end(pattern, index + 1)
    if char == ".":
        return [("", False)], index + 1
    if char == "(":
        body = index + 1
        if pattern.startswith(("?=", "?!", "?<=", "?<!"), body):  # look-around: zero width
            body += 3 if pattern.startswith("?<", body) else 2
            return None, _group_end(pattern, body)
        if pattern.startswith("?P<", body):
            body = pattern.index(">", body) + 1
        elif pattern.startswith("?", body):  # (?:...), (?i:...)
            colon = pattern.find(":", body)
            if colon < 0 or (not pattern[body + 1 : colon].isalpha() and colon != body + 1):
                raise _Unreadable
            body = colon + 1
        branches, end = _alternation(pattern, body)
        if end >= len(pattern) or pattern[end] != ")":
            raise _Unreadable
        return branches, end + 1
    if char in _METACHARACTERS:
        raise _Unreadable
    return [(char, True)], index + 1


def _quantified(
    pattern: str, index: int, beginnings: list[Beginning]
) -> tuple[list[Beginning], int]:
    """Apply the quantifier at ``index`` (if any) to an item's ``beginnings``."""
    if index >= len(pattern) or pattern[index] not in _QUANTIFIERS:
        return beginnings, index
    quantifier = pattern[index]
    if quantifier == "{":
        close = pattern.find("}", index)
        if close < 0:
            raise _Unreadable
        least = pattern[index + 1 : close].split(",")[0]
        quantifier, index = ("+" if least not in ("", "0") else "*"), close
    index += 1
    if index < len(pattern) and pattern[index] in "?+":  # lazy or possessive
        index += 1
    if quantifier == "?":
        return [*beginnings, ("", True)], index
    if quantifier == "+":  # the item, then more of it or not: the rest is unknown
        return [(text, False) for text, _ in beginnings], index
    return [("", False)], index


def _sequence(pattern: str, index: int) -> tuple[list[Beginning], int]:
    """The beginnings of one branch (up to ``|``, ``)`` or the end) and the index after it."""
    found: list[Beginning] = [("", True)]
    while index < len(pattern) and pattern[index] not in "|)":
        item, index = _atom(pattern, index)
        if item is None:
            continue
        item, index = _quantified(pattern, index, item)
        joined = {
            (text + more, whole) if complete else (text, False)
            for text, complete in found
            for more, whole in (item if complete else [("", False)])
        }
        if len(joined) > MAX_LEADING_WORDS:
            # Too many: their first words still begin every match (a shorter beginning is
            # as true, only less selective).
            joined = {(text.split(" ", 1)[0], False) for text, _ in joined}
            if len(joined) > MAX_LEADING_WORDS:
                # Still too many: the beginning is unknown (a part after a known beginning,
                # as in "from (dates)", leaves that beginning as it is).
                joined = {("", False)}
        found = sorted(joined)
    return found, index


def _alternation(pattern: str, index: int) -> tuple[list[Beginning], int]:
    branches, index = _sequence(pattern, index)
    while index < len(pattern) and pattern[index] == "|":
        more, index = _sequence(pattern, index + 1)
        branches += more
    return branches, index


def leading_words(pattern: str) -> frozenset[str] | None:
    """Lower-case ASCII text one of which begins every match of ``pattern`` (matched without
    regard to case), or None when a match may begin with anything, or be empty.

    Reads literals, ``\\b`` and other zero-width items, look-arounds, groups, ``|`` and the
    quantifiers; a character class or ``.`` ends what is known of a beginning.
    """
    try:
        beginnings, end = _alternation(pattern, 0)
    except (_Unreadable, ValueError):
        return None
    words = {text.lower() for text, _ in beginnings}
    if end != len(pattern) or "" in words or not all(word.isascii() for word in words):
        return None
    return frozenset(words)


def lowers_faithfully(text: str) -> bool:
    """Whether ``text.lower()`` is as long as ``text`` and turns each letter that a
    case-insensitive pattern takes for an ASCII letter into that letter: true unless the text
    holds "İ", "ı" or "ſ"."""
    return text.isascii() or not ("İ" in text or "ı" in text or "ſ" in text)


# Where a pattern that opens with one of these is at a word character, the character before
# is not of this class (lower-casing keeps a character a word character or not, "İ" aside).
WORD_STARTS = {r"\b": r"\w", r"(?<!\w)": r"\w", r"(?<![\w-])": r"[\w-]"}


def word_start(pattern: str, beginnings: Iterable[str]) -> str:
    """The class of character that never stands right before a match of ``pattern`` (whose
    matches begin with one of ``beginnings``), or "": the pattern opens with a word boundary
    that no top-level "|" escapes, and every beginning with a word character."""
    opening = next((o for o in WORD_STARTS if pattern.startswith(o)), None)
    if opening is None or not all(re.match(r"\w", b) for b in beginnings):
        return ""
    try:
        _, end = _sequence(pattern, 0)
    except (_Unreadable, ValueError):
        return ""
    return WORD_STARTS[opening] if end == len(pattern) else ""


def word_finder(words: Iterable[str], not_after: str = "") -> re.Pattern[str]:
    """A case-sensitive pattern finding the longest of ``words`` that begins at a place (with
    no character of the class ``not_after`` right before it).

    The words are laid out as a tree of their common beginnings ("since (?:the |10 )"), so
    that at each place only a few of them are tried. (The look-behind follows the first
    character: ``re`` then still skips quickly to the places where a word can begin.)"""
    return re.compile(word_tree(words, not_after))


def word_tree(words: Iterable[str], not_after: str = "") -> str:
    """A regex alternation matching what ``"|".join(words)`` matches, longest first, laid out
    as a tree of the words' common beginnings: ``re`` tries a long list of words (the
    currency codes) one character at a time instead of word by word."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def alternatives(node: dict[str, Any], top: bool = False) -> str:
        after = f"(?<!{not_after}.)" if top and not_after else ""
        branches = [
            re.escape(char) + after + alternatives(rest) for char, rest in node.items() if char
        ]
        if "" in node:  # longest first: the word ending here comes after its longer ones
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return alternatives(tree, top=True)


class Cue:
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
        self.word_start = ""  # the look-behind before every match, if known (see word_start)
        beginnings = leading_words(pattern)
        if beginnings is not None:
            self.beginnings = tuple(
                sorted(
                    b for b in beginnings if not any(b != o and b.startswith(o) for o in beginnings)
                )
            )
            self.word_start = word_start(pattern, self.beginnings)
            self._finder = word_finder(self.beginnings, self.word_start)

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """The same as ``self.pattern.search(text)``; ``lowered`` is ``text.lower()``."""
        if self._finder is None or not lowers_faithfully(text):
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

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None, lowered: str | None = None
    ) -> Iterator[re.Match[str]]:
        """The same matches as ``self.pattern.finditer(text, pos, endpos)``; ``lowered`` is
        ``text.lower()``."""
        endpos = len(text) if endpos is None else endpos
        if self._finder is None or not lowers_faithfully(text):
            yield from self.pattern.finditer(text, pos, endpos)
            return
        if lowered is None:
            lowered = text.lower()
        place = self._finder.search(lowered, pos, endpos)
        while place:
            match = self.pattern.match(text, place.start(), endpos)
            if match:
                yield match
                after = match.end() if match.end() > match.start() else match.end() + 1
            else:
                after = place.start() + 1
            place = self._finder.search(lowered, after, endpos)


def any_of(patterns: list[str]) -> Cue:
    return Cue("|".join(f"(?:{p})" for p in patterns))


def any_word_of(patterns: list[str]) -> Cue:
    return Cue(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w-])")


Name = TypeVar("Name")


class Choices(Generic[Name]):
    """Named cues of one kind (the groups of people, the areas ...), in vocabulary order."""

    def __init__(self, cues: Iterable[tuple[Name, Cue]]) -> None:
        self.cues = dict(cues)
        # One scan finds the places where some cue may match, by the word there: the cues it
        # may begin are those with a beginning at the start of that word.
        self._finder: re.Pattern[str] | None = None
        if self.cues and all(cue.beginnings for cue in self.cues.values()):
            words = {b for cue in self.cues.values() for b in cue.beginnings}
            starts = {cue.word_start for cue in self.cues.values()}
            self._finder = word_finder(words, starts.pop() if len(starts) == 1 else "")
            self._cues_at = {
                word: [(n, c) for n, c in self.cues.items() if word.startswith(c.beginnings)]
                for word in words
            }

    def search(self, text: str) -> tuple[Name, int] | None:
        """The name and start of the cue matching earliest in ``text`` (ties: vocabulary
        order)."""
        if self._finder is None or not lowers_faithfully(text):
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
        if self._finder and lowers_faithfully(text) and not self._finder.search(lowered):
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
        if self._finder is None or not lowers_faithfully(text):
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
        lowered = text.lower()
        for name, cue in self.cues.items():
            for match in cue.finditer(text, lowered=lowered):
                if match.end() > best_end:
                    best, best_end = name, match.end()
        return best


def choices(raw: dict[str, list[str]], make: Callable[[list[str]], Cue] = any_of) -> Choices[str]:
    return Choices((name, make(patterns)) for name, patterns in raw.items())
