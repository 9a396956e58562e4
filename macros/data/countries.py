"""The 193 UN member states, with ISO codes and UN geoscheme regions, from the country-converter package;
their names and regions in another language from Babel's CLDR territory names."""

from __future__ import annotations

import csv
import functools
import importlib.util
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

SOURCE_LANGUAGE = "en"

# country-converter names the Americas "America"; the UN geoscheme says "Americas".
_REGION_NAMES = {"America": "Americas"}

# The UN M49 code of each geoscheme region whose English name CLDR spells otherwise ("Southeast Asia",
# "Australasia", "Micronesian Region"); https://unstats.un.org/unsd/methodology/m49/ lists all of them.
_M49_CODES_CLDR_NAMES_OTHERWISE = {"South-eastern Asia": "035", "Australia and New Zealand": "053", "Micronesia": "057"}


def unaccented(name: str) -> str:
    """`name` as typed on most keyboards: "Cote d'Ivoire", "Turkiye"."""
    return "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))


def name_order(name: str) -> str:
    """The key that sorts names as a reader expects: "Côte d'Ivoire" before "Czech Republic", "Türkiye"
    before "Turkmenistan" (accents and case ignored; plain code-point order puts accented letters last)."""
    return unaccented(name).casefold()


@dataclass(frozen=True)
class State:
    name: str
    official_name: str
    iso3: str
    iso2: str
    iso_numeric: int
    region: str
    subregion: str


@dataclass(frozen=True)
class UNMemberStates:
    states: tuple[State, ...]

    @functools.cached_property
    def by_iso3(self) -> dict[str, State]:
        return {state.iso3: state for state in self.states}

    @functools.cached_property
    def by_name(self) -> dict[str, State]:
        """Each state under the two names the package gives it, short and official ("Czechia", "Czech Republic")."""
        return {name: state for state in self.states for name in (state.name, state.official_name)}


def country_table_file() -> Path:
    """country-converter's own data table."""
    spec = importlib.util.find_spec("country_converter")  # locates the package without importing pandas
    return Path(spec.submodule_search_locations[0]) / "country_data.tsv"


def _country_table() -> list[dict[str, str]]:
    """The rows of country-converter's own data table that are UN members.

    Read with the csv module rather than through CountryConverter: the converter loads pandas, which
    costs most of a second on every build, for a 250-row table.
    """
    with country_table_file().open(encoding="utf-8", newline="") as rows:
        return [row for row in csv.DictReader(rows, delimiter="\t") if row["UNmember"] and not row["obsolete"]]


@functools.cache
def un_member_states(language: str = SOURCE_LANGUAGE) -> UNMemberStates:
    """The member states in reading order, named in `language` (English: the country data's own names)."""
    if language != SOURCE_LANGUAGE:
        return _named_in(language, un_member_states())
    states = tuple(
        State(
            name=row["name_short"],
            official_name=row["name_official"],
            iso3=row["ISO3"],
            iso2=_first_code(row["ISO2"]),
            iso_numeric=int(row["ISOnumeric"]),
            region=_REGION_NAMES.get(row["continent"], row["continent"]),
            subregion=row["UNregion"],
        )
        for row in _country_table()
    )
    return UNMemberStates(tuple(sorted(states, key=lambda s: name_order(s.name))))


def _first_code(column: str) -> str:
    """The ISO 3166 code of a column that may hold alternatives as a pattern ("^GR$|^EL$": Greece)."""
    return column.split("|")[0].strip("^$")


def _named_in(language: str, english: UNMemberStates) -> UNMemberStates:
    """`english` with CLDR's names of the states and regions in `language`; the official name stays the
    country data's (English), so a reader can still find a profile by it."""
    territories = Locale.parse(language).territories
    m49 = {name: code for code, name in Locale.parse(SOURCE_LANGUAGE).territories.items() if code.isdigit()}
    m49.update(_M49_CODES_CLDR_NAMES_OTHERWISE)

    def named(code: str) -> str:
        # CLDR writes the typographic apostrophe (Côte d’Ivoire); the manual, as the UN, the plain one.
        return territories[code].replace("’", "'")

    def region(name: str) -> str:
        return named(m49[name])

    states = tuple(
        State(
            name=named(state.iso2),
            official_name=state.official_name,
            iso3=state.iso3,
            iso2=state.iso2,
            iso_numeric=state.iso_numeric,
            region=region(state.region),
            subregion=region(state.subregion),
        )
        for state in english.states
    )
    return UNMemberStates(tuple(sorted(states, key=lambda s: name_order(s.name))))
