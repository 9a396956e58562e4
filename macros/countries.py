"""The 193 UN member states, with ISO codes and UN geoscheme regions, from the country-converter package."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

# country-converter names the Americas "America"; the UN geoscheme says "Americas".
_REGION_NAMES = {"America": "Americas"}


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

    def iso3_for_name(self, name: str) -> str | None:
        """The ISO code of the UN member state a name refers to (any common spelling), or None."""
        return _iso3_for_name(name)


@functools.cache
def _converter():
    import country_converter

    # It logs a warning for every name it cannot match; an unknown name is an expected answer here.
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return country_converter.CountryConverter(only_UNmember=True)


@functools.cache
def _iso3_for_name(name: str) -> str | None:
    found = _converter().convert(name, to="ISO3", not_found="")
    return found if isinstance(found, str) and found in un_member_states().by_iso3 else None


@functools.cache
def un_member_states() -> UNMemberStates:
    table = _converter().data
    states = tuple(
        State(
            name=row.name_short,
            official_name=row.name_official,
            iso3=row.ISO3,
            iso2=row.ISO2,
            iso_numeric=int(row.ISOnumeric),
            region=_REGION_NAMES.get(row.continent, row.continent),
            subregion=row.UNregion,
        )
        for row in table.itertuples()
    )
    return UNMemberStates(tuple(sorted(states, key=lambda s: s.name)))
