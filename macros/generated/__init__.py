"""Everything the build adds to the site from the data: state pages, the map, the chart, open data.

`mkdocs.yml` switches the 193 state pages off with `extra.state_pages: false` (environment variable
STATE_PAGES=false), so the benchmark can measure what they cost; the rest is always built.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from macros.data.countries import un_member_states
from macros.data.manual import Manual
from macros.words import ENGLISH, Words

from . import charts, citations, forms, open_data, state_pages, worldmap

MAP_FILE = "assets/generated/members-map.svg"
CHART_FILE = "assets/generated/members-growth.svg"


def state_pages_enabled(extra: Mapping) -> bool:
    return bool(extra.get("state_pages", True))


def generated_files(
    manual: Manual, atlas_dir: Path, with_state_pages: bool, words: Words = ENGLISH, with_documents: bool = True
) -> dict[str, str | bytes]:
    """Each generated file's path relative to docs/ and its content (text, or a document's bytes), in the
    reader's words; `with_documents=False` leaves out the editable forms (`make serve` hands out the last
    build's: writing some 300 documents on every save would make the page reload wait seconds)."""
    countries = un_member_states(words.language)
    members = manual.members_by_iso3()
    files = {
        MAP_FILE: worldmap.world_map_svg(countries, members, atlas_dir, words),
        CHART_FILE: charts.growth_chart_svg(manual.roster, len(members), words),
        **open_data.open_data_files(manual, countries, words),
    }
    files.update(citations.bibliography_files(manual))
    if with_documents:
        files.update(forms.toolkit_form_files(manual, words))
    if with_state_pages:
        files.update(state_pages.generated_pages(manual, countries, words))
        if with_documents:
            files.update(state_pages.brief_documents(manual, countries, words))
    return files
