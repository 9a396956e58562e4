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
from macros.generated import state_pages

OPEN_DATA_DIR = "open-data"
LIST_SEPARATOR = "\n"
BYTE_ORDER_MARK = "\ufeff"
ROSTER_FIELDS = tuple(Member.model_fields)
MEETING_FIELDS = tuple(Meeting.model_fields)
STATE_FIELDS = ("iso3", "name", "official_name", "region", "subregion", "status", "joined", "listed_by")


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def csv_text(fields: tuple[str, ...], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows(rows)
    return BYTE_ORDER_MARK + out.getvalue()


def to_csv(items: list[BaseModel], fields: tuple[str, ...]) -> str:
    return csv_text(fields, [[cell(getattr(item, field)) for field in fields] for item in items])


def states_csv(manual: Manual, countries: UNMemberStates) -> str:
    """One row per UN member state, by name: its names, UN region and sub-region, "member" or the state
    pages' "not named as a member", and a member's year joined and date listed by."""
    members = manual.members_by_iso3()
    rows = []
    for state in countries.states:
        member = members.get(state.iso3)
        rows.append(
            [
                state.iso3,
                state_pages.display_name(state, member),
                state.official_name,
                state.region,
                state.subregion,
                "member" if member else state_pages.NOT_A_MEMBER,
                cell(member.joined if member else None),
                cell(member.listed_by if member else None),
            ]
        )
    return csv_text(STATE_FIELDS, sorted(rows, key=lambda row: name_order(row[1])))


def to_json(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def open_data_files(manual: Manual, countries: UNMemberStates) -> dict[str, str]:
    """Each file's path in the site and its text."""
    return {
        f"{OPEN_DATA_DIR}/roster.csv": to_csv(manual.roster.members, ROSTER_FIELDS),
        f"{OPEN_DATA_DIR}/roster.json": to_json(manual.roster),
        f"{OPEN_DATA_DIR}/meetings.csv": to_csv(manual.meetings.meetings, MEETING_FIELDS),
        f"{OPEN_DATA_DIR}/meetings.json": to_json(manual.meetings),
        f"{OPEN_DATA_DIR}/states.csv": states_csv(manual, countries),
    }


def open_data_list(page_dir_link: str) -> str:
    """A Markdown list linking the files; `page_dir_link` is the open-data folder as seen from the page."""
    return (
        f"- Members: [roster.csv]({page_dir_link}/roster.csv) · [roster.json]({page_dir_link}/roster.json) "
        "(the JSON also holds the official counts)\n"
        f"- Meetings: [meetings.csv]({page_dir_link}/meetings.csv) · "
        f"[meetings.json]({page_dir_link}/meetings.json)\n"
        f"- All UN member states, with their region and status in the network: "
        f"[states.csv]({page_dir_link}/states.csv)\n\n"
        "The CSV files are UTF-8 with a byte-order mark, so that spreadsheet programs show accented names "
        "correctly; a field with several values has one value per line within its cell.\n"
    )
