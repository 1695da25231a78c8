"""Every number of a text, each a candidate figure or a non-claim with its reason.

:func:`scan_numbers` accounts for every numeric expression: each run of digits and each
number word (cardinal, vague size or ordinal) lies in exactly one :class:`NumberMention`.
A mention is either a candidate figure (``reason`` None, with its :class:`Quantity`) or a
non-claim with a reason from ``analysis.schema.NON_CLAIM_REASONS``: dates and years, clock
times, document, article and page numbers, ordinals, ages, list markers, model codes,
durations, money, phone numbers, print furniture, counts of other things and targets.

Two kinds of rule decide. *Patterns* (:data:`NUMBER_FIRST`, :data:`WORD_FIRST`) match a
whole non-claim expression ("10 November 2020", "Views: 1,245", "aged 27, 31 and 44"); its
span becomes the mention and swallows every number inside it. *Context rules*
(:data:`BEFORE_RULES`, :data:`AFTER_RULES`) look at the words around a figure that no
pattern took ("the agency needs 700 more sappers", "12 partner charities") and keep the
figure's own span. :func:`find_mentions` returns the candidates, each with its sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from babel.numbers import list_currencies

from analysis.extract.cues import word_tree
from analysis.extract.dates import MONTH_PATTERN
from analysis.extract.numbers import (
    ORDINAL,
    TENS_WORDS,
    UNITS_WORDS,
    WORD_NUMBER,
    Quantity,
    expression_matches,
    number_anchors,
    quantity_of,
    range_parts,
)
from analysis.extract.sentences import quote_span, sentence_spans
from analysis.schema import NON_CLAIM_REASONS, vocabulary

MONTHS = MONTH_PATTERN
# A day of a month, 1 to 31 (not "4,870", nor "May 40", a month and a count)
_DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_DAY = rf"{_DAY_NUMBER}(?:st|nd|rd|th)?(?:\s*[-–]\s*{_DAY_NUMBER})?(?![.,]\d)"
_YEAR = r"(?:1[89]|20|21)\d{2}"
# A date's parts are on one line, or on two where a text was wrapped (copied from a PDF):
# a line break between them is no wrap when the next line is a row of its own.
_GAP = r"[^\S\n]+"
_BREAK = r"[^\S\n]*\n[^\S\n]*"
_LINE_END = r"[^\S\n]*(?:\n|$)"
_MONTH_LABEL = rf"(?:{MONTHS})\.?[^\S\n]*:"
# Words after a number that make it a count, not a year ("2000 mines", "1850 square
# kilometres").
COUNT_NOUNS = (
    r"people|persons|citizens|civilians|victims|casualties|survivors|amputees|children|women|"
    r"men|mines|landmines|anti-personnel|anti-tank|items|pieces|shells|rounds|objects|"
    r"explosives?|unexploded|UXOs?|ERWs?|deminers|sappers|servicemen|soldiers|journalists|"
    r"reporters|Azerbaijanis|Armenians|hectares|ha|square|sq|km2|km²|acres|incidents|"
    r"explosions|maps|devices|munitions|families|houses|households|residents|villagers"
)
# Words before a year-like number that make it a year whatever follows.
_AFTER_TIME_WORD = "|".join(
    rf"(?<=\b{word[0].upper()}{word[1:]}\s\d{{4}}{plural})|(?<=\b{word}\s\d{{4}}{plural})"
    for word in ("the", "in", "since", "by", "during", "until", "before", "after", "throughout")
    for plural in ("", "s")
)
# Words of a qualifier right before a number that make it a figure, not a year ("more than
# 2000 were killed"); not "over", "around" or "about", which also qualify times.
_FIGURE_QUALIFIED = "".join(
    rf"(?<!\b{word}\s)"
    for word in (
        "than",
        "least",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "estimated",
        "exceeds",
        "exceeded",
        "surpassed",
        "surpassing",
    )
)
# The ends of a confidence interval: "1,204-1,388", "0.16 to 0.28".
_INTERVAL = r"\d(?:[\d.,]*\d)?\s*(?:[-–]|to)\s*\d(?:[\d.,]*\d)?"
_DURATION = (
    r"\s+(?:(?:working|business|calendar)\s+days?|years?|months?|weeks?|days?|hours?|minutes?"
    r"|decades?)\b"
)
_REFERENCES = (
    "paragraphs?|articles?|sections?|clauses?|chapters?|points?|parts?|items?|annex|tables?|appendix|"
    "notes?|footnotes?|"
    "resolutions?|rules?|protocols?|pages?|pp?\\."
)
_PLURAL_REFERENCES = "paragraphs|articles|sections|clauses|chapters|points|items|resolutions|rules"
# A place or a thing known by its number: "at post 4", "checkpoint 12", "Route 40", "plot 7".
_NUMBERED_PLACES = (
    "post|checkpoint|route|highway|block|plot|parcel|lot|gate|bunker|berth|pier|dock|quay|"
    "platform|hangar|warehouse"
)
# Numbers in a list after a plural: "Berths 5, 6 and 7", "lots 17 to 19".
_NUMBER_LIST = r"\d{1,4}(?:(?:\s*,\s*|\s+(?:and|or|to)\s+|\s*[-–]\s*)\d{1,4}\b(?![.,]\d))*"
# The items of a project's results framework (with a dotted number only: "as a result 12
# people" is no reference).
_FRAMEWORK_ITEMS = (
    "outputs|output|outcomes|outcome|indicators|indicator|results|result|objectives|objective|"
    "activities|activity|recommendations|recommendation"
)
# One item of a reference list: "120.2.4", with the title in brackets some lists give.
_REFERENCE_ITEM = r"\d+(?:[.\-]\d+)*(?:\s*\([^()]{0,150}\))?"
# The ISO 4217 codes (from CLDR, by Babel: "XAF 4.6 million", "300 USD") but those that are
# also English words in a headline in capitals ("ALL 12 DEMINERS"); as a tree of their
# letters, for speed.
_CURRENCY_CODES = word_tree(
    sorted(set(list_currencies()) - set(vocabulary()["classify"]["currency_codes_that_are_words"]))
)
# (and the convertible mark's "KM", before its number: "KM 150")
_CURRENCY_SIGNS = r"(?:\b(?:US|A|C|NZ|HK)\$|\$|€|£|¥|₼|₴|₽|\bKM(?=\s?\d))"
_SCALE_WORDS = r"(?:million|billion|thousand|trillion|mn|bn|m|k)\b"
# A currency's sign or code: "US$", "€", "USD".
CURRENCY = rf"(?:{_CURRENCY_SIGNS}|\b(?:{_CURRENCY_CODES})\b)"
# An amount of money: "US$5.9 million", "EUR 500,000".
MONEY = rf"{CURRENCY}\s?\d[\d.,]*(?:\s*{_SCALE_WORDS})?"
# Words that open a footnote line in a report ("7 Email to the author, March 2023").
_FOOTNOTE_OPENERS = (
    "See|Ibid|Email|E-mail|Interview|Letter|Report|Statement|Available|Source|Response|"
    "Data|Information|Cited|Quoted|Communication|Correspondence|Note|https?"
)
_ADULTS = "man|woman|boy|girl|lad|pensioner|farmer|shepherd|villager|grandfather|grandmother"
# People a single given name with an age in brackets follows: "his brother Anar (19)".
_PEOPLE = (
    "brothers?|sisters?|sons?|daughters?|wife|husband|father|mother|cousin|nephew|niece|"
    "named|resident|shepherd|farmer|driver|deminer|soldier|serviceman|boy|girl|man|woman"
)
# One person named by a noun, whose age may follow in commas: "The cousin, 9, was unhurt".
_PERSON = (
    "brother|sister|son|daughter|wife|husband|father|mother|cousin|nephew|niece|uncle|aunt|"
    "grandson|granddaughter|friend|neighbou?r|resident|shepherd|farmer|driver|deminer|soldier|"
    "serviceman|boy|girl|man|woman|victim|survivor|child|pupil|student|teacher|doctor|passenger|"
    "patient|worker|herder|villager"
)
# Things a number word may stand for without counting them ("one of these incidents").
_THINGS_NAMED = (
    "incidents?|accidents?|explosions?|blasts?|attacks?|cases?|events?|sites?|fields?|areas?|"
    "villages?|minefields?|days?|questions?|things?|points?|times?|ways?|reasons?|issues?"
)
_YOUNG = "children|minors|boys|girls|kids|teenagers|those|persons|people"
_NAME = r"[A-Z][a-z'’-]+"
# Capitalised words at the start of a sentence that begin no name: "In Kharkiv, 26, and in
# Kherson, 14" or "In Aghdam (35)" give counts, not ages.
_NOT_A_NAME = (
    r"(?!(?:In|On|At|By|For|From|To|And|But|The|Since|During|Across|Near|Of|With|Within|"
    r"Among|Including|Also|Then|While|After|Before|Between|Under|Over|Outside|Inside)\b)"
)


def _words(alternation: str) -> str:
    """The ``alternation`` of words behind a quick test of their first letters, which most
    words fail."""
    first_letters = "".join(sorted({word[0] for word in alternation.split("|")}))
    first_letters += first_letters.upper()  # for patterns that ignore case
    return f"(?=[{re.escape(first_letters)}])(?:{alternation})"


# A number in words, behind a quick test of its first letter.
_WORD_NUMBER = (
    f"(?=[{''.join(sorted({w[0] for w in (*UNITS_WORDS, *TENS_WORDS)}))}"
    f"{''.join(sorted({w[0].upper() for w in (*UNITS_WORDS, *TENS_WORDS)}))}])"
    f"{WORD_NUMBER}"
)
_AGE = rf"(?:\d{{1,3}}|{_WORD_NUMBER})"  # "aged 9", "aged nine"
# A page number at the end of a line, after a wide gap: a running header copied from a PDF
# ("MINE ACTION REVIEW 2025          14") when the line holds no lower-case letter (checked
# by _accepted: a table row, "Aghdam          38", is no header).
_RUNNING_HEADER = r"(?m:(?<=[ \t]{8})\d{1,4}(?=[ \t]*$))"


# Patterns of non-claims, each with its reason. Where several match at one place, the first
# listed wins. A non-claim begins either with its number ...
NUMBER_FIRST: tuple[tuple[str, str], ...] = (
    ("date", r"\b\d{4}-\d{2}-\d{2}\b"),  # ISO date
    ("date", r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"),  # 10/11/2020, 19.07.2021
    # 25 October 2022, 24 Feb-2 Mar; not the value of a row above the next ("Jan: 14\nFeb: 9",
    # "May\n21\nJune")
    (
        "date",
        rf"(?:\b{_DAY}{_GAP}|(?<!\n)\b{_DAY}{_BREAK}(?!{_MONTH_LABEL}))"
        rf"(?:{MONTHS})\b\.?(?:\s*[-–]\s*{_DAY}\s+(?:{MONTHS})\b\.?)?(?:\s*,?\s*{_YEAR})?",
    ),
    # Years: "1980-1988", "2020-21", "the 1990s"; not "2000 mines", nor the low end of a
    # range of figures ("2000 to 3000", "between 2000 and 3000").
    # ("2024-25", "2021 to 2023"; not "MARCH 2024" over the list item "- 12" below it)
    (
        "year",
        rf"(?<![\d,.]){_YEAR}[^\S\n]*(?:[-–][^\S\n]*(?:{_YEAR}|\d{{2}})|to\s+{_YEAR})(?![\d,.]?\d)",
    ),
    # "between 1992 and the end of 2024", "between 1990 and 31 December 2023", "from 1989 to
    # June 2010": a span of time, no range of figures
    (
        "year",
        rf"(?<=[Bb]etween\s){_YEAR}(?=\s+and\s+(?:the\s+(?:end|start|beginning|middle)\b"
        rf"|(?:{_DAY}\s+)?(?:{MONTHS})\b))"
        rf"|(?<=[Ff]rom\s){_YEAR}(?=\s+(?:to|until|till)\s+(?:{_DAY}\s+)?(?:{MONTHS})\b)",
    ),
    (
        "year",
        rf"(?<![\d,./])(?<!between\s){_FIGURE_QUALIFIED}{_YEAR}s?(?![\d,./]\d)"
        # ("the 2024 casualties", "In 2024 casualties fell": after these words it is a year.)
        rf"(?:{_AFTER_TIME_WORD}|(?!\s+(?:{COUNT_NOUNS})(?![\w-])))"
        # (A year before "to" and a number of four digits or more is the low end of a range;
        # not a year at the end of a line, before a list item: "2025\n- 46,300".)
        r"(?![^\S\n]*(?:[-–]|to\b)\s*(?:\d{4}|\d{1,3},\d))",
    ),
    # a study's statistics: "95% CI 1,204-1,388" (see WORD_FIRST for the others)
    (
        "statistic",
        rf"\b\d{{2}}(?:\.\d+)?\s?%\s+(?:CI|confidence\s+intervals?)\b(?:\s*:?\s*{_INTERVAL})?",
    ),
    ("clock_time", r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:[ap]\.m\.|[AaPp][Mm]\b))?"),
    ("clock_time", r"\b\d{1,2}(?:\.\d{2})?\s?(?:[ap]\.m\.|[AaPp][Mm]\b)"),  # 9 a.m., 8.30pm
    ("page_furniture", r"\b\d{2}-\d{5}\s*\([A-Z]\)"),  # a UN job number: "23-16422 (E)"
    ("phone", r"\b\d{1,4}(?:-\d{1,4}){2,}\b"),  # 555-01-27, the hotline 1-2-3
    ("reference", r"\b\d+(?:\.\d+){2,}\b"),  # section 120.2.4
    ("document_number", r"\b\d+/\d+\b"),  # 493/22
    ("ordinal", r"\b\d+(?:st|nd|rd|th)\b"),
    ("age", r"(?i:\b\d{1,3}[-\s]years?[-\s]old\b)"),  # "34-year-old", "18 years old"
    ("age", r"\b\d{1,2}(?=\s+when\s+(?:he|she|I|they|we)\b)"),  # "he was 19 when he ..."
    ("list_marker", r"(?m:^\d{1,3}[.)](?=\s))"),
    ("list_marker", r"(?m:(?<=^\()\d{1,2}(?=\)\s))"),  # a note under a table: "(1) Anti-..."
    # an item of a list run on after a semicolon: "...University; (2) Libyan Centre ..."
    ("list_marker", r"(?<=;\s\()\d{1,2}(?=\)\s+[A-Z])"),
    # the number of a section heading: "3.1 Overview", "2.4. Clearance"
    ("list_marker", r"(?m:^\d{1,2}\.\d{1,2}\.?(?=[^\S\n]+[A-Z][^\n.;:!?]*$))"),
    ("duration", r"(?i:\b\d+-(?:day|week|month|year|hour|minute)s?\b)"),  # the 44-day war
    ("duration", rf"(?i:\b\d+(?:\.\d+)?(?:\s+and\s+a\s+half)?{_DURATION})"),  # "30 years"
    ("page_furniture", r"(?i:\b\d+\s+(?:pages|annexes|appendices)\b)"),  # "(64 pages)"
    ("page_furniture", _RUNNING_HEADER),
    ("page_furniture", rf"(?m:^\d{{1,3}}\s+(?=(?:{_FOOTNOTE_OPENERS})\b))"),  # a footnote
    ("page_furniture", r"(?<=[a-z][.;”\"’)])\d{1,3}\b(?![.,]\d)"),  # a marker: "earlier.13"
    ("page_furniture", r"(?<=\[)\d{1,3}(?=\])"),  # a footnote marker: "reported.[23]"
    ("index", r"(?<=\b\d{4} = )100\b|(?<=\b\d{4}=)100\b"),  # the base of an index: "2023 = 100"
    # a note's marker in a table's header or label: "Mines (1)   ", "Other districts (2)  "
    ("page_furniture", r"(?<=[A-Za-z] \()\d{1,2}(?=\)(?:[ ]{2,}|\t))"),
    ("document_number", r"(?<![\d,.])0\d+\b(?![.,]\d)"),  # a code: no count starts with a zero
    (
        "date",
        r"(?<![\d,.])0[1-9]\.(?:0[1-9]|1[0-2])\b(?![.,]\d)",
    ),  # ... nor a decimal: "the 02.05 blast"
    # a grid reference after its zone and square: "42S VE 598 187" (see also WORD_FIRST)
    ("reference", r"(?<=\d[A-Z]\s[A-Z]{2}\s)\d{2,5}[^\S\n]\d{2,5}\b"),
    ("money", rf"\b\d[\d.,]*(?:\s*{_SCALE_WORDS})?\s?(?:{_CURRENCY_CODES})\b"),  # 300 USD
    # 001M, 2A; not an area with its unit glued on ("10,950km2", "5ha").
    ("model_code", r"\b\d+(?!km2|km²|m2\b|m²|ha\b)[A-Za-z]+\d*\b"),
)
# ... or with a word, a sign, a bracket or indentation before it.
WORD_FIRST: tuple[tuple[str, str], ...] = (
    # (Each starts with a quick test of its first character, which most words fail.)
    # Nov 10, 2020; not a month heading above a value alone on its line ("March\n21\n")
    (
        "date",
        rf"(?=[ADFJMNOS])\b(?:{MONTHS})\.?(?:{_GAP}{_DAY}|{_BREAK}{_DAY}(?!{_LINE_END}))"
        rf"(?:\s*,?\s*{_YEAR})?\b",
    ),
    (
        "date",
        rf"(?=[ADFJMNOS])\b(?:{MONTHS})(?:\s*[-–]\s*(?:{MONTHS}))?,?\s+{_YEAR}\b",
    ),  # January-June 2024
    ("year", rf"(?=[bfBF])(?i:\b(?:between\s+{_YEAR}\s+and|from\s+{_YEAR}\s+to)\s+{_YEAR}\b)"),
    # A year or phase of a project: "in year 1", "during phase 2" (its number, no figure)
    (
        "ordinal",
        r"(?=[iIdDbBfFoOtTuU])(?i:\b(?:in|during|by|from|of|to|until)\s+(?:the\s+)?"
        r"(?:year|phase|stage|month)\s+\d{1,2})(?![\d,.]\d)",
    ),
    # A row's label: "Week 27 (1-7 July): ...", "Phase 2:" (the number names the row).
    ("ordinal", r"(?=[WDPSR])\b(?:Week|Day|Phase|Stage|Round)\s+\d{1,3}(?=\s*[:(]|[^\S\n]*$)"),
    # a school year: "a Grade 4 pupil", "in Class 3"
    ("ordinal", r"(?=[GC])\b(?:Grade|Class)\s+\d{1,2}\b(?![.,]\d)"),
    (  # "between 20 and 31 March": one date, both its days
        "date",
        rf"(?=[bfBF])(?i:\b(?:between|from)\s+\d{{1,2}}\s+(?:and|to|until|till|through)\s+)"
        rf"\d{{1,2}}\s+(?:{MONTHS})\b(?:\s*,?\s*{_YEAR})?",
    ),
    ("clock_time", r"(?=[UG])\b(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?"),  # UTC offset
    ("document_number", r"(?=N)\bNo\s*[:.]?\s*\d+(?:/\d+)*"),
    # UN and agency symbols: "A/76/520", "S/2021/123", "A/RES/60/97", "NDA/AR/2022".
    ("document_number", r"(?=[A-Z])\b[A-Z][A-Z.]{0,9}(?:/[A-Za-z0-9.]*[A-Za-z0-9])+"),
    ("page_furniture", r"(?=[pP])(?i:\bpage\s+\d+\s+of\s+\d+)"),  # "Page 14 of 40"
    # a map grid reference: "grid 42S VE 598 187", "grid ref. 613 204"
    (
        "reference",
        r"(?=[gG])(?i:\bgrid(?:\s+ref(?:erence)?\.?)?\s+(?:\d{1,2}[a-z]\s+)?(?:[a-z]{2}\s+)?"
        r"\d{2,5}[^\S\n]*\d{2,5})\b",
    ),
    # a study's statistics: "CI 1,204-1,388", "p < 0.001", "rate ratio 0.21"
    ("statistic", rf"(?=[C])\bCI\s*:?\s*{_INTERVAL}"),
    ("statistic", r"(?=[p])\bp\s*[<=>≤≥]\s*0?\.\d+"),
    (
        "statistic",
        r"(?=[RrOoIH])(?:(?i:\b(?:ratio|odds))|\b(?:OR|RR|IRR|HR))\s*(?:of\s+)?\d+(?:\.\d+)?",
    ),
    (  # a qualification's level: "IMAS level 1 and 2"
        "reference",
        r"(?=[LlGg])(?i:\b(?:levels?|grades?)\s+\d{1,2}(?:\s*(?:and|or|to|-)\s*\d{1,2})?\b)",
    ),
    ("page_furniture", r"(?=[vrhVRH])(?i:\b(?:views|reads|hits|visits)\s*:\s*\d(?:[\d,.]*\d)?)"),
    ("page_furniture", r"\*\d{5,}\*"),  # barcode text: "*2316422*"
    # "Articles 100 (planning ...), 116 (...) and 120.2.4": a plural opens a list ...
    (
        "reference",
        rf"(?i:\b{_words(_PLURAL_REFERENCES)}\s+{_REFERENCE_ITEM}(?:\s*,\s*{_REFERENCE_ITEM})*"
        rf"\s*,?\s*(?:and|or|&)\s+{_REFERENCE_ITEM})",
    ),
    # ... a singular names one: "paragraph 4", "Article 120.2.7", "resolution 60/97".
    ("reference", rf"(?i:\b{_words(_REFERENCES)}\s*\d+(?:[.\-/]\d+)*)"),
    (
        "reference",
        rf"(?i:\b(?:(?:{_NUMBERED_PLACES})s\s+{_NUMBER_LIST}|(?:{_NUMBERED_PLACES})\s+\d{{1,4}})"
        r"\b(?![.,]\d))",
    ),
    # ... and an item of a results framework, numbered with a dot: "Output 1.3", "Indicator 2.1.4"
    ("reference", rf"(?i:\b{_words(_FRAMEWORK_ITEMS)}\s+\d+(?:\.\d+)+\b)"),
    # A figure, chart or map of the document, capitalised as a title: "(Figure 3.1)", "Map 2"
    # (not "the figure 398": a number given)
    (
        "reference",
        r"(?=[FCGMBED])\b(?:Figure|Fig\.|Chart|Graph|Map|Box|Exhibit|Diagram)s?\s+"
        r"\d{1,2}(?:\.\d{1,2})?[a-z]?\b(?![.,]\d)",
    ),
    (
        "money",
        rf"(?=[A-Z$€£¥₼₴₽])(?:{_CURRENCY_SIGNS}|\b(?:{_CURRENCY_CODES})\b\.?)"
        rf"\s?\d[\d.,]*(?:\s*{_SCALE_WORDS})?",
    ),
    ("phone", r"(?=[(+])\(?\+\d{1,3}\)?(?:[ .\-]?\(?\d+\)?){2,}"),  # (+994 12) 555-01-27
    # "call 101", "the hotline 018000", "Tel.: 555 01 30".
    (
        "phone",
        r"(?=[cdhptfmCDHPTFM])(?i:\b(?:call|dial|hotline|helpline|phone|telephone|tel|fax|mobile)"
        r"\.?\s*:?\s*"
        r"(?:on\s+|at\s+|number\s+)?\d(?:[\d \-]*\d)?)",
    ),
    # Ages: "Rafail Bayramov (46)", "brothers Elvin (24)" (not "Aghdam (35)", a breakdown by
    # district, nor "Chad (812)"), "Ilham Guliyev, 52,",
    # "aged 19, 23 and 40", "a woman of 58", "a six-year-old".
    ("age", rf"(?=[A-Z])\b{_NOT_A_NAME}{_NAME}\s+{_NAME}\s+\(\s*\d{{1,2}}\s*\)"),
    ("age", rf"(?i:\b{_words(_PEOPLE)}\s+)(?-i:{_NAME})\s+\(\s*\d{{1,2}}\s*\)"),
    (
        "age",
        # (not "the Azerbaijan Army, 1,630 of them": a figure's thousands)
        rf"(?=[A-Z])\b{_NOT_A_NAME}{_NAME}\s+{_NAME},\s+\d{{1,2}}(?![.,]\d)"
        r"(?=\s*[,.;)]|\s+(?:and|or)\b)",
    ),
    (  # "The cousin, 9, was unhurt", "her husband, 41, and ..."; "the driver (47) died"
        "age",
        rf"(?i:\b(?:the|his|her|their|my|our|a|its)\s+(?:[\w-]+\s+)?(?:{_PERSON})"
        r"(?:,\s+\d{1,2}(?![.,]\d)(?=\s*[,.;)]|\s+(?:and|or)\b)|\s+\(\d{1,2}\)))",
    ),
    (
        "age",
        # (in figures or words: "aged eight and eleven", "between the ages of 5 and 14"; but
        # one age after "the age of": "under the age of 18 and four were women")
        rf"(?=[aA])(?i:\bage[ds]\s+(?:of\s+)?(?:between\s+)?{_AGE}"
        rf"(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|or|to)\s+|\s*[-–]\s*){_AGE}\b)*"
        rf"|\bage\s+(?:of\s+)?{_AGE}\b)",
    ),
    ("age", rf"(?i:\b{_words(_ADULTS)}\s+of\s+(?:\d{{1,2}}\b(?![.,]\d)|{_WORD_NUMBER}\b))"),
    # An age limit: "children under 18", "girls below 15".
    (
        "age",
        rf"(?i:\b{_words(_YOUNG)}\s+(?:under|below|over|above)\s+(?:the\s+age\s+of\s+)?"
        r"\d{1,2}\b(?![.,]\d|\s*(?:%|per\s?cent)))",
    ),
    ("age", rf"(?i:\b{_WORD_NUMBER}[-\s]years?[-\s]old\b)"),
    # "He is 34 and ...", "she was 19,": a person's age after a personal pronoun
    (
        "age",
        r"(?=[HhSs])(?i:\b(?:he|she)\s+(?:is|was)\s+\d{1,2})(?![\d,.]\d)(?=\s*(?:[,.;)]|and\b|$))",
    ),
    ("list_marker", r"(?m:^[ \t]+\d{1,3}[.)](?=\s))"),  # indented
    # "one" standing for a thing or a person, no count: "every one of them", "in one of these
    # incidents", "one more question"
    ("pronoun", r"(?=[eE])(?i:\b(?:every|each)\s+one\b)"),
    (
        "pronoun",
        rf"(?=[oO])(?i:\bone\s+(?:of\s+(?:these|those)|more)\s+(?:[\w-]+\s+)?(?:{_THINGS_NAMED})\b)",
    ),
    # PMN-2, TM-62, E-001 M. (A possessive {0,9}+: a shorter run of letters would be followed
    # by a letter, not "-".)
    ("model_code", r"(?=[A-Z])\b[A-Z][A-Za-z]{0,9}+-\d+[A-Za-z]*(?:\s[A-Z]\b)?"),
    # Durations in words: "three decades", "Four and a half years", "a six-month".
    ("duration", rf"(?i:\b{_WORD_NUMBER}(?:\s+and\s+a\s+half)?{_DURATION})"),
    ("duration", rf"(?i:\b{_WORD_NUMBER}-(?:day|week|month|year|hour)s?\b(?!-old))"),
)

# Context rules for figures that no pattern took. Each BEFORE rule ends where the figure (with
# its qualifier) begins; each AFTER rule starts where it ends.
BEFORE_RULES: tuple[tuple[str, str], ...] = (
    # A need or a goal is no reported figure: "the agency needs 700 more sappers",
    # "clearance to reach 45 per cent", "the target of 300".
    ("target", r"\b(?:need|needs|needed|require|requires|required)\s+"),
    (
        "target",
        r"\b(?:to|will|would|shall|should|could|must|can)\s+"
        r"(?:reach|achieve|exceed|hit|(?:rise|increase|grow|climb)\s+to)\s+",
    ),
    # "the plan raises the workforce to 6,500", "plans to double it to 400";
    # not the reported "bringing the total to 412".
    (
        "target",
        r"\b(?:propos\w*|plan\w*|aim\w*|intend\w*|want\w*|seek\w*|need\w*|urg\w*|to|will|would)"
        r"\s+(?:at\s+)?(?:increas\w*|rais\w*|expand\w*|doubl\w*|boost\w*|bring\w*)\b"
        r"[^.;:!?\n]{0,60}?\bto\s+",
    ),
    ("target", r"\b(?:target|goal|aim|objective)\s+(?:of|is|was|will\s+be)\s+"),
    # the children of a parent named: "a father of three" counts no victims
    ("other_count", r"\b(?:father|mother|parent)\s+of\s+"),
)
AFTER_RULES: tuple[tuple[str, str], ...] = (
    # "1 metre wide", "60 km from Mykolaiv" (an area's units are read with its number)
    (
        "distance",
        r"\s*(?:(?:kilo|centi|milli)?met(?:re|er)s?|km|cm|mm|m|miles?)\b(?![2²])(?!\s+square)",
    ),
    # "44°C", "33 degrees in the shade", "2 million tonnes of bombs", "5 kg": no count
    (
        "measurement",
        r"\s*(?:°\s*[CF]?(?!\w)|degrees?\b|(?:kg|kilo(?:gram(?:me)?)?s?|tonnes?|tons|litres?|"
        r"liters?)\b)",
    ),
    (
        "money",
        r"\s+(?:US\s+)?(?:dollars?|euros?|manats?|hryvnias?|hryvnas?|roubles?|rubles?|riels?|"
        rf"dinars?|rials?|pesos?|francs?|yen|yuan|drams?|pounds\s+sterling|{_CURRENCY_CODES})\b",
    ),
    # Counts of things that are never landmine figures: "14 non-governmental organisations",
    # "three districts". (Adjectives may come between; "mines in districts" is no such count.)
    (
        "other_count",
        r"\s+(?:(?!(?:in|of|from|across|at|on|and|or|the|by|for|to|with)\b)[\w-]+\s+){0,2}?"
        r"(?:organi[sz]ations|NGOs|signatories|delegations|donors|embassies|ministries|"
        r"languages|districts|provinces|regions|oblasts|governorates|departments|counties|"
        r"cantons|prefectures|dogs|machines|vehicles|"
        r"excavators|bulldozers|trucks|drones)\b",
    ),
    # A vote: "adopted by 11 votes to 2, with 1 abstention"
    ("other_count", r"\s+(?:votes?|abstentions?|ballots?)\b"),
    # "one of the worst affected provinces", "two of the largest": a rank, no count.
    ("other_count", r"\s+of\s+the\s+(?:most|least|\w+est)\b"),
    # "one of the countries (in the world) most affected": a rank too
    (
        "other_count",
        r"\s+of\s+the\s+(?:countries|states|provinces|regions|districts|areas|places)"
        r"(?:\s+[\w-]+){0,4}?\s+(?:most|least|worst|hardest|heaviest)\b",
    ),
    # A rate, "one every four days", "9 square kilometres a year", is no count.
    ("other_count", r"\s+(?:every|each)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|hours?)\b"),
    # (not "a year earlier", "a year on": a date; but "a month on average" is a rate)
    (
        "other_count",
        r"\s+(?:(?:a|per)\s+(?:day|week|month|year)|annually|per\s+annum)\b"
        r"(?!\s+(?:earlier|ago|later|before|after|on(?!\s+average))\b)",
    ),
    # ... nor an output per worker or machine: "310 m2 per team per day", "38 m2 per deminer"
    (
        "other_count",
        r"\s+per\s+(?:team|deminer|person|worker|machine|operator|shift|hour|sapper)s?\b",
    ),
)
_REASONS = [reason for reason, _ in (*NUMBER_FIRST, *WORD_FIRST, *BEFORE_RULES, *AFTER_RULES)]
assert set(_REASONS) <= set(NON_CLAIM_REASONS), set(_REASONS) - set(NON_CLAIM_REASONS)
# A number the parser cannot read as a figure, that no rule explains ("3,45", "1e999"): a
# label of some kind, as "model_code" when letters are glued to it ("A4").
UNREADABLE = "reference"
GLUED_TO_LETTERS = "model_code"


def _alternatives(rules: tuple[tuple[str, str], ...], prefix: str) -> str:
    """One alternation of the rules' patterns, each in a group named ``prefix`` + its index,
    so that ``match.lastgroup`` names the rule that matched."""
    return "|".join(f"(?P<{prefix}{i}>{pattern})" for i, (_, pattern) in enumerate(rules))


def _reason(rules: tuple[tuple[str, str], ...], match: re.Match[str]) -> str:
    return rules[int(str(match.lastgroup)[1:])][0]


# Named groups slow the many tries at word starts down: there the rule that matched is found
# afterwards, by matching again with them.
_NAMED_WORD_FIRST = re.compile(_alternatives(WORD_FIRST, "w"))


_HEADER_GROUP = f"n{[pattern for _, pattern in NUMBER_FIRST].index(_RUNNING_HEADER)}"


def _may_start_lower_case(pattern: str) -> bool:
    """Whether a WORD_FIRST pattern can match at a lower-case letter: it ignores case, or its
    quick test of the first character admits one."""
    return pattern.startswith("(?i:") or re.match(r"\(\?=\[[^\]]*[a-z]", pattern) is not None


def _plain(patterns: list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


# Where several patterns match, the first listed wins. A number-first pattern only matches at
# a digit and a word-first one never does, so splitting them changes no match. The search tries
# the first list at digits only, the second elsewhere, and neither where no pattern can start:
# every one starts at a word, a year ("1", "2"), a sign, a bracket or a line. At a lower-case
# letter, the usual start of a word, only the patterns that can begin with one are tried.
_WORD_FIRST_PART = (
    rf"(?=[a-z])(?:{_plain([p for _, p in WORD_FIRST if _may_start_lower_case(p)])})"
    rf"|(?![a-z\d])(?:{_plain([p for _, p in WORD_FIRST])})"
)
NON_CLAIMS = re.compile(
    r"(?=\b\w|[12(+*$€£¥₼₴₽]|(?m:^))"
    rf"(?:(?=\d)(?:{_alternatives(NUMBER_FIRST, 'n')})"
    rf"|{_WORD_FIRST_PART})"
)


def _rule_of(match: re.Match[str]) -> str:
    """The reason of a NON_CLAIMS match."""
    if match.lastgroup is not None and match.lastgroup[0] == "n":
        return _reason(NUMBER_FIRST, match)
    named = _NAMED_WORD_FIRST.match(match.string, match.start())
    assert named is not None  # the same patterns, in the same order
    return _reason(WORD_FIRST, named)


# No word-first pattern starts further before its number ("Ilham Guliyev, ") than this,
# with the word it starts in.
NON_CLAIM_BEFORE = 16
# The word-first patterns alone, searched in a window before a number: at a word, a sign, a
# bracket or a line.
_WORD_FIRST_NON_CLAIMS = re.compile(rf"(?=\b\w|[(+*$€£¥₼₴₽]|(?m:^))(?!\d)(?:{_WORD_FIRST_PART})")
# The same, in a window ending WINDOW_REACH - 1 characters after the number's start, where
# more than that is left: a match starting at or after the number fails at once, by the length
# test. (A pattern's match is cut at the window's end; the one found is matched again in full.)
WINDOW_REACH = 40
_WORD_FIRST_WINDOW = re.compile(
    rf"(?=(?s:.){{{WINDOW_REACH}}})(?:{_WORD_FIRST_NON_CLAIMS.pattern})"
)
_NUMBER_STARTS = re.compile(r"(?<![\d,.])\d")  # the numbers of an expression ("10-13")
BEFORE_REACH = 100  # characters before a figure that the BEFORE rules read
_BEFORE = re.compile(rf"(?i:(?:{_alternatives(BEFORE_RULES, 'b')}))\Z")
# (Not over a line break before a capital: the next line is a row or a title of its own,
# "Zaporizhzhia | 3\nOther oblasts | 1".)
_AFTER = re.compile(rf"(?![^\S\n]*\n[^\S\n]*[A-Z])(?i:{_alternatives(AFTER_RULES, 'a')})")
# BEFORE rules are searched only when the word right before the figure is one they end with,
# and the text before holds one of their keys (most text holds none).
_BEFORE_LAST_WORDS = frozenset(
    [
        "need",
        "needs",
        "needed",
        "require",
        "requires",
        "required",
        "reach",
        "achieve",
        "exceed",
        "hit",
        "to",
        "of",
        "is",
        "was",
        "be",
    ]
)
_BEFORE_KEYS = (
    "need",
    "requir",
    "reach",
    "achiev",
    "exceed",
    "hit",
    "rise",
    "increas",
    "grow",
    "climb",
    "rais",
    "expand",
    "doubl",
    "boost",
    "bring",
    "target",
    "goal",
    "aim",
    "objective",
    "father",
    "mother",
    "parent",
)
_TOKEN_END = re.compile(r"\w*")


@dataclass(frozen=True)
class NumberMention:
    """One numeric expression of a text: ``text[start:end] == surface``.

    ``reason`` is None for a candidate figure, which then has its ``quantity``; otherwise it
    is the non-claim reason (``analysis.schema.NON_CLAIM_REASONS``) and ``quantity`` is None.
    """

    start: int
    end: int
    surface: str
    reason: str | None
    quantity: Quantity | None


@dataclass(frozen=True)
class Mention:
    quantity: Quantity
    sentence: str
    sentence_start: int
    sentence_end: int


def non_claim_at(
    text: str, start: int, end: int, number: int | None = None
) -> re.Match[str] | None:
    """The non-claim pattern match (date, code, age ...) that takes the expression at
    ``text[start:end]``, if any, matched in full: one that begins where the expression or
    one of its numbers begins ("nearly 30 years", "10-13 years"), or else the first that
    begins shortly before it with a word or sign ("November 10", "aged 27, 31"). ``number``
    is where the number begins after a qualifier ("three" in "almost three decades").

    A non-claim beginning with an earlier number is not looked for: :func:`scan_numbers`
    goes through the numbers in order, and that number's mention took this one already.
    Only a window before the number is searched, so the cost follows the number of figures,
    not the length of the text; it starts at a space, so no pattern is entered halfway.
    """
    first = NON_CLAIMS.match(text, start)
    if first is not None and _accepted(first):
        # A prefix glued to the number ("A/79/118", "POMZ-2M", "No:45") begins the whole.
        if start == 0 or text[start - 1].isspace() or first.lastgroup is None:
            return first
        return _word_first_before(text, start) or first
    if number is not None and number != start:
        first = NON_CLAIMS.match(text, number)
        if first is not None and _accepted(first):
            return first
    # A later number of the expression ("13" in "10-13 years"): none in grouped digits.
    if not text[start:end].replace(",", "").replace(".", "").isdecimal():
        for run in _NUMBER_STARTS.finditer(text, start + 1, end):
            first = NON_CLAIMS.match(text, run.start())
            if first is not None and _accepted(first):
                return first
    return _word_first_before(text, start)


def _window_start(text: str, start: int) -> int:
    """Where the window before a number at ``start`` begins: NON_CLAIM_BEFORE characters
    before it, moved back to the start of the word there (at most as far again)."""
    begin = max(0, start - NON_CLAIM_BEFORE)
    reach = max(0, begin - NON_CLAIM_BEFORE)
    space = max(text.rfind(" ", reach, begin), text.rfind("\n", reach, begin))
    if space >= 0:
        return space
    return 0 if reach == 0 else begin


_HAS_DIGIT = re.compile(r"\d")


def _word_first_before(text: str, start: int) -> re.Match[str] | None:
    """The first word-first non-claim that begins shortly before ``start`` and runs on past
    it, matched in full."""
    begin = _window_start(text, start)
    window_end, patterns = start + WINDOW_REACH - 1, _WORD_FIRST_WINDOW
    if window_end > len(text):  # the window is cut short by the end of the text
        window_end, patterns = len(text), _WORD_FIRST_NON_CLAIMS
    for match in patterns.finditer(text, begin, window_end):
        if match.start() >= start:
            return None
        full = NON_CLAIMS.match(text, match.start())  # a list may run on past the window
        if full is None or full.end() <= start or not _accepted(full):
            continue
        if _HAS_DIGIT.search(text, full.start(), start):  # an earlier number's non-claim
            continue
        return full
    return None


def _accepted(match: re.Match[str]) -> bool:
    """Whether a NON_CLAIMS match stands: a page number after a wide gap is one only in a
    running header, a line without lower-case letters and of one cell before the number (not
    in a table row: "Aghdam    38", "2021      12      40")."""
    if match.lastgroup != _HEADER_GROUP:
        return True
    text, start = match.string, match.start()
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return line.upper() == line and len(_CELL_GAP.findall(line)) < 2


_CELL_GAP = re.compile(r"\S[ \t]{2,}")


# A line of an outline or a table of contents: its number, then a title ("2 Casualties",
# "3.1 Survey"), with no sentence in it.
_OUTLINE_LINE = re.compile(r"[^\S\n]*(\d{1,2})(\.\d{1,2})*\.?[^\S\n]+[A-Z][^\n.;:!?]{0,60}(?=\n|$)")


def _outline_number(text: str, start: int, end: int) -> bool:
    """Whether the bare number at ``text[start:end]`` numbers a line of an outline: it opens
    a title line, and a neighbouring line is a title numbered one before or one after it (or
    a part of it: "3" above "3.1"). One such line alone may be a count and its label ("12
    Killed" on an infographic); consecutive numbers on consecutive lines are an outline."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[start:end].isdecimal() or text[line_start:start].strip():
        return False
    line = _OUTLINE_LINE.match(text, line_start)
    if line is None or line.start(1) != start:
        return False
    number = int(line.group(1))
    before_end = line_start - 1
    neighbours = (
        _OUTLINE_LINE.fullmatch(text, text.rfind("\n", 0, max(0, before_end)) + 1, before_end)
        if before_end > 0
        else None,
        _OUTLINE_LINE.match(text, line.end() + 1) if line.end() < len(text) else None,
    )
    return any(
        other is not None
        and (
            abs(int(other.group(1)) - number) == 1
            or (int(other.group(1)) == number and other.group(2) is not None)
        )
        for other in neighbours
    )


def _context_reason(text: str, start: int, end: int) -> str | None:
    """The reason a figure at ``text[start:end]`` is no claim, by the words around it."""
    if _outline_number(text, start, end):
        return "list_marker"
    after = _AFTER.match(text, end)
    if after is not None:
        return _reason(AFTER_RULES, after)
    words = text[max(0, start - 12) : start].split()
    if not words or words[-1].lower() not in _BEFORE_LAST_WORDS:
        return None
    begin = max(0, start - BEFORE_REACH)
    before = text[begin:start].lower()
    if any(key in before for key in _BEFORE_KEYS):
        match = _BEFORE.search(text, begin, start)
        if match is not None:
            return _reason(BEFORE_RULES, match)
    return None


def _leftover(text: str, anchor: int) -> tuple[int, int, str] | None:
    """(start, end, reason) of a digit run or word that no expression took: an ordinal word,
    or a run of digits in a token ("001M", "25th", "3,45"); None for a number word inside
    another word ("often")."""
    if not text[anchor].isdecimal():
        ordinal = ORDINAL.match(text, anchor)
        return (anchor, ordinal.end(), "ordinal") if ordinal else None
    end = _TOKEN_END.match(text, anchor).end()
    start = anchor
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    non_claim = non_claim_at(text, start, end)
    if non_claim is not None:
        return min(start, non_claim.start()), max(end, non_claim.end()), _rule_of(non_claim)
    glued = not text[start:end].isdecimal()
    return start, end, GLUED_TO_LETTERS if glued else UNREADABLE


def scan_numbers(text: str) -> list[NumberMention]:
    """Every numeric expression of ``text``, in order, without overlaps: each candidate
    figure (``reason`` None, with its quantity) and each non-claim, with its reason.

    Every run of digits and every whole number word lies in exactly one mention. A non-claim
    pattern's span is the mention ("10 November 2020" is one ``date``; "between 1992 and
    2020" one ``year``); it swallows every number inside it.
    """
    anchors, ordinals = number_anchors(text)
    matches = expression_matches(text, anchors)
    # "2022 to 264" (in "rose from 210 in 2022 to 264") is no range: its numbers are read alone.
    matches = [part for match in matches for part in (range_parts(match) or (match,))]
    # Digit runs and number words that no expression took (in "001M", "25th", "fourth").
    leftovers, index, count = [], 0, len(matches)
    for anchor in anchors:
        while index < count and matches[index].end() <= anchor:
            index += 1
        if index == count or anchor < matches[index].start():
            leftovers.append(anchor)
    if leftovers or ordinals:
        items: list[tuple[int, int, re.Match[str] | None]] = [
            (m.start(), m.end(), m) for m in matches
        ]
        # (A run of digits ends with its token: if a mention takes its start, it takes it all.)
        items.extend((anchor, _TOKEN_END.match(text, anchor).end(), None) for anchor in leftovers)
        items.extend((anchor, anchor, None) for anchor in ordinals)
        items.sort(key=lambda item: item[0])
    else:
        items = [(m.start(), m.end(), m) for m in matches]

    mentions: list[NumberMention] = []
    covered = 0  # where the last mention ends
    for start, end, match in items:
        if start < covered:
            if end > covered:  # an expression running on past the mention that took it
                last = mentions[-1]
                mentions[-1] = NumberMention(
                    last.start, end, text[last.start : end], last.reason, None
                )
                covered = end
            continue
        quantity = None
        if match is None:
            found = _leftover(text, start)
            if found is None:
                continue
            start, end, reason = found
        else:
            after_qualifier = match.end("qualifier")  # -1 without a qualifier
            non_claim = non_claim_at(text, start, end, max(start, after_qualifier))
            if non_claim is not None:
                start, end = min(start, non_claim.start()), max(end, non_claim.end())
                reason = _rule_of(non_claim)
            else:
                quantity = quantity_of(match)
                reason = UNREADABLE if quantity is None else _context_reason(text, start, end)
                if reason is not None:
                    quantity = None
        if start < covered:
            start = covered
        mentions.append(NumberMention(start, end, text[start:end], reason, quantity))
        covered = end
    return mentions


def find_mentions(text: str, numbers: list[NumberMention] | None = None) -> list[Mention]:
    """Numbers that may be claims, in text order, each with its sentence; ``numbers`` is
    :func:`scan_numbers` of the text when the caller has it already."""
    sentences = sentence_spans(text)
    sentence_starts = [start for start, _ in sentences]
    mentions = []
    for number in scan_numbers(text) if numbers is None else numbers:
        quantity = number.quantity
        if quantity is None:
            continue
        index = max(0, bisect.bisect_right(sentence_starts, quantity.start) - 1)
        sentence = sentences[index] if sentences else (0, len(text))
        start, end = quote_span(text, sentence, quantity.start, quantity.end)
        mentions.append(Mention(quantity, text[start:end], start, end))
    return mentions
