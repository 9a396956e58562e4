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
    # The converter's ISO2 column matches Greece and the United Kingdom by pattern ("^GR$|^EL$"): the ISO
    # code is the first of the two.
    expected = {
        (row.ISO3, row.name_short, row.ISO2.split("|")[0].strip("^$"), int(row.ISOnumeric), row.UNregion)
        for row in converter.data.itertuples()
    }
    assert {(s.iso3, s.name, s.iso2, s.iso_numeric, s.subregion) for s in un_member_states().states} == expected
    assert un_member_states().by_iso3["GRC"].iso2 == "GR"


@pytest.mark.parametrize(
    ("language", "iso3", "name", "subregion", "region"),
    [
        ("fr", "DEU", "Allemagne", "Europe de l'Ouest", "Europe"),
        ("fr", "GHA", "Ghana", "Afrique occidentale", "Afrique"),
        ("es", "DEU", "Alemania", "Europa occidental", "Europa"),
        ("es", "MEX", "México", "Centroamérica", "América"),
        # The three UN geoscheme regions whose English name CLDR spells otherwise.
        ("fr", "IDN", "Indonésie", "Asie du Sud-Est", "Asie"),
        ("es", "AUS", "Australia", "Australasia", "Oceanía"),
    ],
)
def test_names_and_regions_in_another_language_come_from_cldr(language, iso3, name, subregion, region):
    state = un_member_states(language).by_iso3[iso3]
    assert (state.name, state.subregion, state.region) == (name, subregion, region)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_another_language_names_every_state_and_keeps_reading_order(language):
    states = un_member_states(language).states
    english = un_member_states().by_iso3
    assert len(states) == 193 and all(s.name and s.region and s.subregion for s in states)
    assert [name_order(s.name) for s in states] == sorted(name_order(s.name) for s in states)
    # The official name stays the country data's, so a profile is still found by it.
    assert all(s.official_name == english[s.iso3].official_name for s in states)


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
