"""The UN member states as read from country-converter's data table agree with the package's own API."""

from __future__ import annotations

import logging

import country_converter
import pytest

from macros.data.countries import name_order, un_member_states


@pytest.fixture(scope="module")
def converter():
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return country_converter.CountryConverter(only_UNmember=True)


def test_the_193_members_with_regions():
    states = un_member_states().states
    assert len(states) == 193
    assert {s.region for s in states} == {"Africa", "Americas", "Asia", "Europe", "Oceania"}
    ghana = un_member_states().by_iso3["GHA"]
    assert (ghana.name, ghana.iso2, ghana.iso_numeric, ghana.subregion) == ("Ghana", "GH", 288, "Western Africa")


def test_table_equals_the_converter_data(converter):
    expected = {
        (row.ISO3, row.name_short, row.ISO2, int(row.ISOnumeric), row.UNregion) for row in converter.data.itertuples()
    }
    assert {(s.iso3, s.name, s.iso2, s.iso_numeric, s.subregion) for s in un_member_states().states} == expected


def test_each_state_is_found_by_its_short_and_official_name():
    by_name = un_member_states().by_name
    for state in un_member_states().states:
        assert by_name[state.name] is state and by_name[state.official_name] is state
    assert by_name["Czech Republic"].iso3 == "CZE" and by_name["Republic of Korea"].iso3 == "KOR"


@pytest.mark.parametrize(
    "name", ["European Union", "Organization of American States", "Atlantis", "Kosovo", "Albania <script>", "albania"]
)
def test_names_that_are_not_un_member_states(name):
    assert name not in un_member_states().by_name


def test_name_order_ignores_accents_and_case():
    assert sorted(["Czech Republic", "Côte d'Ivoire", "Turkmenistan", "Türkiye", "cuba"], key=name_order) == [
        "Côte d'Ivoire",
        "cuba",
        "Czech Republic",
        "Türkiye",
        "Turkmenistan",
    ]
    assert name_order("São Tomé and Príncipe") == "sao tome and principe"


def test_the_states_come_in_reading_order_accents_ignored():
    names = [s.name for s in un_member_states().states]
    assert names.index("Côte d'Ivoire") < names.index("Croatia") < names.index("Czechia")
    assert names.index("Türkiye") < names.index("Turkmenistan")
