"""Open data: the roster and the meetings as CSV and JSON files in the built site, and every UN member
state with its status in the network as CSV (for outreach: which states to approach, region by region).

JSON files are the validated data as the schema dumps it, so they read back into the same models.
The roster and meetings CSV files hold one row per member or meeting, one column per field of the schema
(so a field added to the schema is a column too); a field with several values (roles, hosts, notes,
sources) puts one per line in its cell, since a value may contain any punctuation (the meetings' notes
have semicolons). The states file holds one row per UN member state, in columns of its own. Every CSV
file starts with a byte-order mark: without it, spreadsheet programs read UTF-8 as a legacy encoding and
show "Côte d'Ivoire" as "CÃ´te d'Ivoire".
"""

from __future__ import annotations

import csv
import io
import json

from pydantic import BaseModel

from macros.data.countries import UNMemberStates, name_order
from macros.data.manual import Manual
from macros.data.schema import Meeting, Member
from macros.markdown.states import NOT_NAMED, display_name
from macros.words import ENGLISH, N_, Words

OPEN_DATA_DIR = "open-data"
LIST_SEPARATOR = "\n"
BYTE_ORDER_MARK = "\ufeff"
ROSTER_FIELDS = tuple(Member.model_fields)
MEETING_FIELDS = tuple(Meeting.model_fields)
STATE_FIELDS = ("iso3", "name", "official_name", "region", "subregion", "status", "joined", "listed_by")
# The column headers: in English the schema's field names; another language gives its own.
# TRANSLATORS: the column headers of the open data's CSV files; short, lowercase, words joined by "_".
COLUMN_HEADERS = {
    "name": N_("name"),
    "kind": N_("kind"),
    "iso3": N_("iso3"),
    "joined": N_("joined"),
    "joined_note": N_("joined_note"),
    "listed_by": N_("listed_by"),
    "roles": N_("roles"),
    "sources": N_("sources"),
    "id": N_("id"),
    "number": N_("number"),
    "title": N_("title"),
    "start": N_("start"),
    "end": N_("end"),
    "city": N_("city"),
    "country": N_("country"),
    "hosts": N_("hosts"),
    "attendance": N_("attendance"),
    "themes": N_("themes"),
    "notes": N_("notes"),
    "official_name": N_("official_name"),
    "region": N_("region"),
    "subregion": N_("subregion"),
    "status": N_("status"),
}


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def csv_text(fields: tuple[str, ...], rows: list[list[str]], words: Words = ENGLISH) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([words(COLUMN_HEADERS[field]) for field in fields])
    writer.writerows(rows)
    return BYTE_ORDER_MARK + out.getvalue()


def to_csv(items: list[BaseModel], fields: tuple[str, ...], words: Words = ENGLISH) -> str:
    return csv_text(fields, [[cell(getattr(item, field)) for field in fields] for item in items], words)


def states_csv(manual: Manual, countries: UNMemberStates, words: Words = ENGLISH) -> str:
    """One row per UN member state, by name: its names, UN region and sub-region, "member" or the state
    pages' "not named as a member", and a member's year joined and date listed by."""
    members = manual.members_by_iso3()
    rows = []
    for state in countries.states:
        member = members.get(state.iso3)
        rows.append(
            [
                state.iso3,
                display_name(state, member),
                state.official_name,
                state.region,
                state.subregion,
                words("member") if member else words(NOT_NAMED),
                cell(member.joined if member else None),
                cell(member.listed_by if member else None),
            ]
        )
    return csv_text(STATE_FIELDS, sorted(rows, key=lambda row: name_order(row[1])), words)


def to_json(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def open_data_files(manual: Manual, countries: UNMemberStates, words: Words = ENGLISH) -> dict[str, str]:
    """Each file's path in the site and its text: the data in the reader's language, the JSON files' keys
    the schema's in every language (they read back into the same models)."""
    return {
        f"{OPEN_DATA_DIR}/roster.csv": to_csv(manual.roster.members, ROSTER_FIELDS, words),
        f"{OPEN_DATA_DIR}/roster.json": to_json(manual.roster),
        f"{OPEN_DATA_DIR}/meetings.csv": to_csv(manual.meetings.meetings, MEETING_FIELDS, words),
        f"{OPEN_DATA_DIR}/meetings.json": to_json(manual.meetings),
        f"{OPEN_DATA_DIR}/states.csv": states_csv(manual, countries, words),
    }


def open_data_list(page_dir_link: str, words: Words = ENGLISH) -> str:
    """A Markdown list linking the files; `page_dir_link` is the open-data folder as seen from the page."""

    def link(name: str) -> str:
        return f"[{name}]({page_dir_link}/{name})"

    members = words(
        "Members: {csv} · {json} (the JSON also holds the official counts)",
        csv=link("roster.csv"),
        json=link("roster.json"),
    )
    meetings = words("Meetings: {csv} · {json}", csv=link("meetings.csv"), json=link("meetings.json"))
    states = words("All UN member states, with their region and status in the network: {csv}", csv=link("states.csv"))
    encoding = words(
        "The CSV files are UTF-8 with a byte-order mark, so that spreadsheet programs show accented names "
        "correctly; a field with several values has one value per line within its cell."
    )
    return f"- {members}\n- {meetings}\n- {states}\n\n{encoding}\n"
