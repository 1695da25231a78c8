"""Hand-built claims and statements tables modelled on the shipped statements.

The figures are typed in by hand from the five texts in ``data/raw/statements``; only the
character offsets are looked up in the raw text, so every claim satisfies
``text[char_start:char_end] == surface`` just like the extractor's output.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.extract.corpus import load_corpus
from analysis.schema import METRIC_UNITS, Claims, Statements, columns

SHIPPED_CORPUS = Path(__file__).resolve().parents[1] / "data" / "raw"
INF = math.inf

AZERNEWS = "azernews-2022-10-25"
PRESS_RELEASE = "mfa-press-release-493-22"
UN_LETTER = "un-letter-aliyev-2022-12-03"
MFA_2024 = "mfa-2024-01-26"
AA_2024 = "aa-hajizada-2024"
SHIPPED_IDS = (AZERNEWS, AA_2024, PRESS_RELEASE, MFA_2024, UN_LETTER)  # in manifest order


@dataclass(frozen=True)
class Figure:
    """One claim as an analyst would write it down from the text."""

    statement_id: str
    metric: str
    quote: str
    surface: str
    best: float | None
    low: float | None = None
    high: float | None = None
    bound: str = "exact"
    period: str = "unspecified"
    area: str | None = None
    device: str | None = None
    nth: int = 0  # which occurrence of ``surface`` inside ``quote``


def exact(statement_id: str, metric: str, quote: str, surface: str, value: float, **kw) -> Figure:
    return Figure(statement_id, metric, quote, surface, value, value, value, "exact", **kw)


def more_than(
    statement_id: str, metric: str, quote: str, surface: str, value: float, **kw
) -> Figure:
    return Figure(statement_id, metric, quote, surface, value, value, None, "more_than", **kw)


def about(statement_id: str, metric: str, quote: str, surface: str, value: float, **kw) -> Figure:
    return Figure(statement_id, metric, quote, surface, value, value, value, "about", **kw)


def nearly(statement_id: str, metric: str, quote: str, surface: str, value: float, **kw) -> Figure:
    return Figure(statement_id, metric, quote, surface, value, value, value, "nearly", **kw)


def shipped_corpus():
    return load_corpus(SHIPPED_CORPUS)


def shipped_statements() -> pd.DataFrame:
    """The real statements table (loaded and validated by ``analysis.extract.corpus``) of
    the five statements whose figures are typed in below; a statement added to the corpus
    since (`analysis add`) has no figures here, so it is left out."""
    statements = shipped_corpus().statements
    shipped = statements[Statements.statement_id].isin(SHIPPED_IDS)
    return statements[shipped].reset_index(drop=True)


def make_statements(rows: list[dict]) -> pd.DataFrame:
    """A statements table from partial rows (statement_id, date, outlet, speaker, ...)."""
    records = []
    for i, row in enumerate(rows):
        record = {
            "file": f"statements/{i:03d}.txt",
            "date_basis": "stated" if row.get("date") else "unknown",
            "n_chars": 1000,
        }
        record.update(row)
        records.append(record)
    table = pd.DataFrame.from_records(records)
    for column in columns(Statements):
        if column not in table:
            table[column] = None
    table = table[columns(Statements)]
    for column in columns(Statements):
        if column != Statements.n_chars:
            table[column] = table[column].astype("str").where(table[column].notna(), None)
    table[Statements.n_chars] = table[Statements.n_chars].astype("int64")
    return Statements.validate(table)


def _find(quote: str, surface: str, nth: int) -> int:
    """Offset of the nth stand-alone occurrence of ``surface`` ("3" not inside "2023")."""
    pattern = rf"(?<![\w.,]){re.escape(surface)}(?!\w|[.,]\d)"
    return [m.start() for m in re.finditer(pattern, quote)][nth]


def claims_table(figures: list[Figure], texts: dict[str, str] | None = None) -> pd.DataFrame:
    """Turn figures into a validated claims table.

    With ``texts`` the offsets are those of the surface in the real text; without, the
    quote is assumed to start at offset 0 of an imaginary text (synthetic statements).
    """
    records = []
    synthetic_offsets: dict[tuple[str, str], int] = {}
    synthetic_end: dict[str, int] = {}
    for fig in figures:
        text = texts.get(fig.statement_id) if texts else None
        if text is not None:
            quote_at = text.index(fig.quote)
        else:
            # Lay the quotes of a made-up statement end to end so spans never collide.
            key = (fig.statement_id, fig.quote)
            if key not in synthetic_offsets:
                synthetic_offsets[key] = synthetic_end.get(fig.statement_id, 0)
                synthetic_end[fig.statement_id] = synthetic_offsets[key] + len(fig.quote) + 1
            quote_at = synthetic_offsets[key]
        start = quote_at + _find(fig.quote, fig.surface, fig.nth)
        end = start + len(fig.surface)
        if text is not None:
            assert text[start:end] == fig.surface
        records.append(
            {
                Claims.claim_id: f"{fig.statement_id}:{start}-{end}",
                Claims.statement_id: fig.statement_id,
                Claims.metric: fig.metric,
                Claims.value_low: fig.low,
                Claims.value_best: fig.best,
                Claims.value_high: fig.high,
                Claims.bound: fig.bound,
                Claims.unit: METRIC_UNITS[fig.metric],
                Claims.period: fig.period,
                Claims.period_start: "2020-11-10" if fig.period == "since_ceasefire" else None,
                Claims.period_end: None,
                Claims.area: fig.area,
                Claims.device: fig.device,
                Claims.surface: fig.surface,
                Claims.quote: fig.quote,
                Claims.char_start: start,
                Claims.char_end: end,
                Claims.method: "reviewed",
            }
        )
    table = pd.DataFrame.from_records(records, columns=columns(Claims))
    for column in (Claims.value_low, Claims.value_best, Claims.value_high):
        table[column] = table[column].astype("float64")
    for column in (Claims.char_start, Claims.char_end):
        table[column] = table[column].astype("int64")
    for column in columns(Claims):
        if table[column].dtype != "float64" and column not in (Claims.char_start, Claims.char_end):
            table[column] = table[column].astype("str").where(table[column].notna(), None)
    return Claims.validate(table)


# --- the shipped corpus, figure by figure ------------------------------------------------

AZ_VICTIMS = (
    "In general, over the past 30 years, the number of victims of mine explosions in "
    "Azerbaijan amounted to 3,345 people."
)
AZ_266 = (
    "A total of 266 citizens became landmine victims, of which 48 people died, including three "
    "reporters from the end of the Second Karabakh War."
)
AZ_45 = "Of the 45 dead, 35 are civilians."
AZ_WOMEN = (
    "Moreover, 38 women and 357 children became the victims of landmines over the past 30 years"
)
AZ_LACHIN = "Furthermore, the discovery of over 1,400 E-001M mines manufactured in Armenia"
AZ_ACCURACY = "is barely 25 percent"
AZ_OUTSIDE = (
    "Approximately, 55 percent of recent mine explosions have occurred in mined regions that "
    "are not indicated on the maps"
)

PR_VICTIMS = "In general, 3345 persons became landmine victims during the last 30 years."
PR_266 = (
    "Since the end of the Patriotic War of 2020, 266 persons have become landmine victims, "
    "with 45 killed including 3 journalists."
)
PR_45 = "Out of the 45 killed, 35 persons are civilians."
PR_WOMEN = "Over the past 30 years, 38 women and 357 children have become landmine victims."
PR_LACHIN = "more than 1,400 anti-personnel landmines marked E-001 M produced by Armenia in 2021"
PR_ACCURACY = "is only 25%."
PR_OUTSIDE = (
    "It should be noted that about 55% of recent landmine explosions occurred in the "
    "territories outside the areas where maps were provided by Armenia."
)

UN_260 = (
    "over the past two years of the post-conflict period, more than 260 Azerbaijani civilians "
    "and military personnel were killed or injured by mine explosions."
)
UN_MINES = (
    "Armenia has indiscriminately planted hundreds of thousands of mines and other explosive "
    "devices in the formerly occupied territories of Azerbaijan"
)

MFA_ACCURACY = "was only 25%."
MFA_MAPS = (
    "Although these maps show that there are 400,000 mines deployed in our territories, in "
    "reality the number of mines exceeds 1 million"
)
MFA_OUTSIDE = (
    "The statement further notes that in recent years, more than 55% of mine explosions "
    "occurred outside the maps provided by Armenia."
)
MFA_342 = (
    "We remind you that since the end of the Patriotic War in 2020, 342 of our citizens have "
    "suffered from mine explosions, 65 of them, including 3 journalists, died."
)
MFA_65 = "Of the 65 people killed, 50 were civilians."
MFA_500K = "It is known that more than 500 thousand mines are installed here."
MFA_MISSING = (
    "the fate of almost 4 thousand Azerbaijanis who have disappeared over the past 30 years"
)

AA_ACCURACY = "We have seen that only 25% of the information on these maps is accurate."
AA_OUTSIDE = (
    "Nearly 55% of recent explosions occurred in areas outside the maps provided by Armenia"
)
AA_3400 = (
    "in the last 30 years, more than 3,400 Azerbaijanis have been injured or killed due to the "
    "explosion of mines planted by Armenia."
)
AA_342 = (
    "A total of 342 Azerbaijani citizens have fallen victim to landmines, while 65, including "
    "50 civilians, were killed since the Second Karabakh War, he said."
)

CF = {"period": "since_ceasefire"}
LONG = {"period": "since_1990s"}
PEACEKEEPING_AREA = "Russian peacekeeping zone"


def shipped_figures() -> list[Figure]:
    """Every figure of the five statements, as a reviewer would record it."""
    az, pr, un, mfa, aa = AZERNEWS, PRESS_RELEASE, UN_LETTER, MFA_2024, AA_2024
    return [
        # Azernews, 2022-10-25
        exact(az, "casualties", AZ_VICTIMS, "3,345", 3345, **LONG),
        exact(az, "casualties", AZ_266, "266", 266, **CF),
        exact(az, "killed", AZ_266, "48", 48, **CF),
        exact(az, "journalists_killed", AZ_266, "three", 3, **CF),
        exact(az, "killed", AZ_45, "45", 45, **CF),
        exact(az, "civilians_killed", AZ_45, "35", 35, **CF),
        exact(az, "women_casualties", AZ_WOMEN, "38", 38, **LONG),
        exact(az, "children_casualties", AZ_WOMEN, "357", 357, **LONG),
        more_than(
            az, "mines_found", AZ_LACHIN, "over 1,400", 1400, area="Lachin", device="anti_personnel"
        ),
        nearly(az, "map_accuracy_pct", AZ_ACCURACY, "barely 25 percent", 25),
        about(az, "incidents_outside_maps_pct", AZ_OUTSIDE, "Approximately, 55 percent", 55),
        # MFA press release No. 493/22, 2022-10-25
        exact(pr, "casualties", PR_VICTIMS, "3345", 3345, **LONG),
        exact(pr, "casualties", PR_266, "266", 266, **CF),
        exact(pr, "killed", PR_266, "45", 45, **CF),
        exact(pr, "journalists_killed", PR_266, "3", 3, **CF),
        exact(pr, "civilians_killed", PR_45, "35", 35, **CF),
        exact(pr, "women_casualties", PR_WOMEN, "38", 38, **LONG),
        exact(pr, "children_casualties", PR_WOMEN, "357", 357, **LONG),
        more_than(
            pr,
            "mines_found",
            PR_LACHIN,
            "more than 1,400",
            1400,
            area="Lachin",
            device="anti_personnel",
        ),
        exact(pr, "map_accuracy_pct", PR_ACCURACY, "only 25%", 25),
        about(pr, "incidents_outside_maps_pct", PR_OUTSIDE, "about 55%", 55),
        # UN letter, 2022-12-03
        more_than(un, "casualties", UN_260, "more than 260", 260, **CF),
        Figure(un, "mines_laid", UN_MINES, "hundreds of thousands", None, 200000, 999999, "range"),
        # MFA, 2024-01-26
        exact(mfa, "map_accuracy_pct", MFA_ACCURACY, "only 25%", 25),
        exact(mfa, "mines_on_maps", MFA_MAPS, "400,000", 400000),
        more_than(mfa, "mines_laid", MFA_MAPS, "exceeds 1 million", 1_000_000),
        more_than(mfa, "incidents_outside_maps_pct", MFA_OUTSIDE, "more than 55%", 55),
        exact(mfa, "casualties", MFA_342, "342", 342, **CF),
        exact(mfa, "killed", MFA_342, "65", 65, **CF),
        exact(mfa, "journalists_killed", MFA_342, "3", 3, **CF),
        exact(mfa, "killed", MFA_65, "65", 65, **CF),
        exact(mfa, "civilians_killed", MFA_65, "50", 50, **CF),
        more_than(
            mfa, "mines_laid", MFA_500K, "more than 500 thousand", 500000, area=PEACEKEEPING_AREA
        ),
        Figure(
            mfa,
            "missing_persons",
            MFA_MISSING,
            "almost 4 thousand",
            4000,
            4000,
            4000,
            "nearly",
            **LONG,
        ),
        # Anadolu Agency, undated wire piece dated by inference to 2024-01-26
        exact(aa, "map_accuracy_pct", AA_ACCURACY, "only 25%", 25),
        nearly(aa, "incidents_outside_maps_pct", AA_OUTSIDE, "Nearly 55%", 55),
        more_than(aa, "casualties", AA_3400, "more than 3,400", 3400, **LONG),
        exact(aa, "casualties", AA_342, "342", 342, **CF),
        exact(aa, "killed", AA_342, "65", 65, **CF),
        exact(aa, "civilians_killed", AA_342, "50", 50, **CF),
    ]


def shipped_claims() -> pd.DataFrame:
    """The claims table of the shipped corpus, built by hand (offsets from the real text)."""
    return claims_table(shipped_figures(), shipped_corpus().texts)


def synthetic_claims(figures: list[Figure]) -> pd.DataFrame:
    """Claims for made-up statements (offsets relative to each quote)."""
    return claims_table(figures)
