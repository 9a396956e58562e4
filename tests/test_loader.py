"""The loader names file, line and field for every class of bad input, and reports all problems at once."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.loader import DataError, load_manual
from macros.data.schema import current_year

from .conftest import FIXTURE_DATA, PROJECT_DIR


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def edit(data_dir: Path, file_name: str, old: str, new: str) -> None:
    path = data_dir / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {file_name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(data_dir: Path, file_name: str, needle: str, occurrence: int = 1) -> int:
    lines = (data_dir / file_name).read_text(encoding="utf-8").splitlines()
    matches = [number for number, line in enumerate(lines, start=1) if needle in line]
    return matches[occurrence - 1]


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_manual(data_dir)
    return caught.value.problems


# Bad values in one place: each case edits one file, and the one problem reported names that file, the
# line of `at`, the field's path and what was expected.
ONE_BAD_VALUE = [
    pytest.param(
        "principles.yml",
        "    title: Risk is universal\n",
        "",
        "- id: universal-risk",
        "principles[0].title: missing required field",
        id="missing-field",
    ),
    pytest.param(
        "principles.yml",
        "sources: [page-2013]",
        "sources: [page-2031]",
        "page-2031",
        "principles[0].sources[0]: unknown source id 'page-2031'; expected an id from data/sources.yml",
        id="unknown-source-id",
    ),
    pytest.param(
        "sources.yml",
        "  - id: book-2021\n",
        "  - id: book-2021\n    un_symbol: A/63/677\n",
        "un_symbol: A/63/677",
        "sources[0].un_symbol: expected a symbol that the title shows, got 'A/63/677'",
        id="un-symbol",
    ),
    pytest.param(
        "roster.yml",
        "iso3: GHA",
        "iso3: XKX",
        "iso3: XKX",
        "members[1].iso3: expected the ISO 3166 alpha-3 code of a UN member state, got 'XKX'",
        id="unknown-country",
    ),
    pytest.param(
        "roster.yml",
        "name: Ghana",
        "name: Togo",
        "name: Togo",
        "members[1].name: expected 'Ghana' or 'Republic of Ghana' (the names of GHA in the country data), got 'Togo'",
        id="name-not-matching-code",
    ),
    pytest.param(
        "roster.yml",
        "joined: 2010",
        "joined: 1850",
        "joined: 1850",
        f"members[0].joined: expected a year from 2005 to {current_year()}, got 1850",
        id="year-out-of-range",
    ),
    pytest.param(
        "meetings.yml",
        "end: 2011-05-18",
        "end: 2011-05-16",
        "end: 2011-05-16",
        "meetings[0].end: expected a date on or after start (2011-05-17), got 2011-05-16",
        id="end-before-start",
    ),
    pytest.param(
        "meetings.yml",
        "hosts: [Ghana]",
        "hosts: [Atlantis]",
        "Atlantis",
        "meetings[1].hosts[0]: expected a roster member, a UN member state or an organisation id, got 'Atlantis'",
        id="unknown-meeting-host",
    ),
    pytest.param(
        "meetings.yml",
        "    name: The Secretariat\n",
        "    name: The Secretariat\n    part_of: Atlantis\n",
        "part_of: Atlantis",
        "organisations[0].part_of: expected the name of a member in data/roster.yml, got 'Atlantis'",
        id="part-of-no-member",
    ),
]


@pytest.mark.parametrize("file_name, old, new, at, expected", ONE_BAD_VALUE)
def test_a_bad_value_is_reported_with_file_line_and_field(data_dir, file_name, old, new, at, expected):
    edit(data_dir, file_name, old, new)
    assert problems(data_dir) == [f"data/{file_name}:{line_of(data_dir, file_name, at)}: {expected}"]


def test_fixture_data_is_valid(data_dir):
    manual = load_manual(data_dir)
    assert [m.name for m in manual.roster.members] == ["Denmark", "Ghana", "European Union"]


def test_yaml_syntax_error_names_file_and_line(data_dir):
    edit(data_dir, "roster.yml", "    roles: [co-founder]", "    roles: [co-founder")
    (problem,) = problems(data_dir)
    assert re.match(r"^data/roster\.yml:\d+: invalid YAML: ", problem), problem


def test_empty_file(data_dir):
    (data_dir / "principles.yml").write_text("", encoding="utf-8")
    assert problems(data_dir) == ["data/principles.yml:1: the file is empty; expected a mapping of fields"]


def test_wrong_type(data_dir):
    edit(
        data_dir,
        "mandate.yml",
        "    year: 2012\n    sources: [book-2021]\nrecommendations",
        "    year: twenty-twelve\n    sources: [book-2021]\nrecommendations",
    )
    line = line_of(data_dir, "mandate.yml", "year: twenty-twelve")
    (problem,) = problems(data_dir)
    assert problem.startswith(
        f"data/mandate.yml:{line}: functions[1].year: expected a valid integer, got 'twenty-twelve'"
    )


def test_unknown_field(data_dir):
    edit(data_dir, "roster.yml", "    roles: [co-founder]", "    roles: [co-founder]\n    colour: red")
    line = line_of(data_dir, "roster.yml", "colour: red")
    (problem,) = problems(data_dir)
    assert problem.startswith(f"data/roster.yml:{line}: members[0].colour: unknown field")


def test_duplicate_entry(data_dir):
    edit(
        data_dir,
        "roster.yml",
        "  - name: Ghana\n    kind: state\n    iso3: GHA",
        "  - name: Denmark\n    kind: state\n    iso3: DNK",
    )
    line = line_of(data_dir, "roster.yml", "- name: Denmark", occurrence=2)
    (problem,) = problems(data_dir)
    assert problem == f"data/roster.yml:{line}: members[1].name: duplicate entry 'Denmark' (also at members[0])"


def test_duplicate_key(data_dir):
    edit(data_dir, "principles.yml", "    title: Risk is universal", "    title: Risk is universal\n    title: Again")
    line = line_of(data_dir, "principles.yml", "title: Again")
    assert f"data/principles.yml:{line}: principles[0].title: duplicate key" in problems(data_dir)


def test_a_name_with_more_than_the_country_name(data_dir):
    edit(data_dir, "roster.yml", "name: Ghana", "name: Ghana and friends")
    (problem,) = problems(data_dir)
    assert "members[1].name: expected 'Ghana' or 'Republic of Ghana'" in problem


def test_year_in_the_future(data_dir):
    edit(data_dir, "mandate.yml", "year: 2021", f"year: {current_year() + 1}")
    (problem,) = problems(data_dir)
    assert f"proposals[0].year: expected a year from 2005 to {current_year()}" in problem


def test_invalid_date(data_dir):
    edit(data_dir, "meetings.yml", "start: 2013-04-10", "start: '2013-02-30'")
    line = line_of(data_dir, "meetings.yml", "2013-02-30")
    (problem,) = problems(data_dir)
    assert problem.startswith(
        f"data/meetings.yml:{line}: meetings[1].start: expected a valid calendar date, got '2013-02-30'"
    )


def test_an_organisation_part_of_a_roster_member_is_valid(data_dir):
    edit(
        data_dir,
        "meetings.yml",
        "    name: The Secretariat\n",
        "    name: The Secretariat\n    part_of: European Union\n",
    )
    assert load_manual(data_dir).meetings.organisations[0].part_of == "European Union"


def test_non_utf8_bytes(data_dir):
    line = line_of(data_dir, "sources.yml", "title: A Web Page")
    path = data_dir / "sources.yml"
    path.write_bytes(path.read_bytes().replace(b"A Web Page", b"A Web \xe9Page"))
    assert problems(data_dir) == [f"data/sources.yml:{line}: expected UTF-8 text, got byte 0xe9"]


def test_alias_is_refused(data_dir):
    edit(data_dir, "principles.yml", "sources: [page-2013]", "sources: &s [page-2013]\n    other: *s")
    (problem,) = problems(data_dir)
    assert "aliases (*name) are not allowed" in problem and problem.startswith("data/principles.yml:")


def test_missing_file(data_dir):
    (data_dir / "meetings.yml").unlink()
    assert problems(data_dir) == ["data/meetings.yml: file not found"]


def test_all_problems_in_all_files_are_reported_at_once(data_dir):
    edit(data_dir, "roster.yml", "joined: 2010", "joined: 1850")
    edit(data_dir, "mandate.yml", "scope: domestic", "scope: national")
    edit(data_dir, "principles.yml", "sources: [page-2013]", "sources: [nowhere]")
    (data_dir / "pillars.yml").write_text("pillars: [\n", encoding="utf-8")
    found = problems(data_dir)
    assert len(found) == 4
    assert {p.split(":")[0] for p in found} == {
        "data/roster.yml",
        "data/mandate.yml",
        "data/principles.yml",
        "data/pillars.yml",
    }


def test_validate_command_reports_without_traceback(data_dir):
    edit(data_dir, "roster.yml", "joined: 2010", "joined: 1850")
    result = subprocess.run(
        [sys.executable, "-m", "macros.data.validate", str(data_dir)],
        cwd=data_dir.parent,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(PROJECT_DIR), "PATH": ""},
    )
    assert result.returncode == 1
    assert "data/roster.yml:" in result.stderr and "members[0].joined: expected a year from 2005" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_command_accepts_valid_data(data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "macros.data.validate", str(data_dir)],
        cwd=data_dir.parent,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(PROJECT_DIR), "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert "valid (3 members, 2 meetings, 2 sources)" in result.stdout


def test_the_real_data_is_valid():
    manual = load_manual(PROJECT_DIR / "data")
    assert manual.roster.members and manual.meetings.meetings and manual.sources.sources


ORDINALS = (
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
)


def test_the_annual_meetings_are_titled_alike_and_notes_are_kept_out_of_themes():
    meetings = load_manual(PROJECT_DIR / "data").meetings.meetings
    annual = [m for m in meetings if m.kind == "annual"]
    assert [m.title for m in annual] == [f"{ORDINALS[m.number - 1]} meeting" for m in annual]
    # Outcomes and context live in `notes` (see the file's header), not among the topics discussed.
    themes = [theme for m in meetings for theme in m.themes]
    assert not [t for t in themes if t.startswith(("First ", "The first ", "Took place", "Followed by", "Opened by"))]
    assert any(m.notes for m in annual)
