"""The Secretary-General's reports: their schema, their table, and how bad entries are reported."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import markdown
import pytest

from macros.data.loader import DataError, load_manual
from macros.data.schema import SGReport, SGReportsFile
from macros.markdown import render

from .conftest import FIXTURE_DATA

SOURCES = "../sources.md"


@pytest.fixture(scope="module")
def manual():
    return load_manual(FIXTURE_DATA)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "pymdownx.escapeall"])


def table_rows(rendered_html: str) -> list[str]:
    body = rendered_html.split("<tbody>")[1].split("</tbody>")[0]
    return [row for row in body.split("<tr>")[1:]]


def with_reports(manual, *reports: SGReport):
    return dataclasses.replace(manual, sg_reports=SGReportsFile(reports=list(reports)))


def problems_with_reports(data_dir: Path, text: str) -> list[str]:
    (data_dir / "sg_reports.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_manual(data_dir)
    return caught.value.problems


def test_table_lists_reports_oldest_first_with_title_and_symbol(manual):
    rows = table_rows(html(render.sg_reports_table(manual, SOURCES)))
    assert len(rows) == 2
    assert "<td>2009</td>" in rows[0] and "<em>A first report</em>" in rows[0] and "A/63/677" in rows[0]
    assert "<td>2013</td>" in rows[1] and "<em>A later report</em>" in rows[1]


def test_missing_symbol_is_shown_as_not_found(manual):
    later = table_rows(html(render.sg_reports_table(manual, SOURCES)))[1]
    assert render.SYMBOL_NOT_FOUND in later


def test_each_row_cites_its_sources_in_the_bibliography(manual):
    first, later = table_rows(html(render.sg_reports_table(manual, SOURCES)))
    assert '<a href="../sources.md#source-book-2021">book-2021</a>' in first
    assert '<a href="../sources.md#source-page-2013">page-2013</a>' in later


def test_joint_symbol_and_markup_in_a_title_are_shown_literally(manual):
    report = SGReport(
        year=2011,
        title="<b>Regional</b> [arrangements](javascript:x)",
        symbol="A/65/877–S/2011/393",
        sources=["book-2021"],
    )
    (row,) = table_rows(html(render.sg_reports_table(with_reports(manual, report), SOURCES)))
    assert "&lt;b&gt;Regional&lt;/b&gt; [arrangements](javascript:x)" in row
    assert '<span class="un-symbol">A/65/877</span>–<span class="un-symbol">S/2011/393</span>' in row
    assert "<b>" not in row and 'href="javascript' not in row


def test_symbol_that_is_not_a_un_symbol_is_reported_with_its_line(data_dir):
    found = problems_with_reports(
        data_dir, "reports:\n  - year: 2009\n    title: T\n    symbol: report 677\n    sources: [book-2021]\n"
    )
    assert found == [
        "data/sg_reports.yml:4: reports[0].symbol: expected a UN document symbol such as "
        "A/63/677 or A/65/877–S/2011/393, got 'report 677'"
    ]


def test_two_reports_for_one_year_are_reported(data_dir):
    entry = "  - year: 2010\n    title: T\n    sources: [book-2021]\n"
    found = problems_with_reports(data_dir, "reports:\n" + entry + entry)
    assert found == ["data/sg_reports.yml:1: reports: expected one report a year, got more than one for 2010"]


def test_year_before_r2p_and_unknown_source_are_reported(data_dir):
    found = problems_with_reports(data_dir, "reports:\n  - year: 2001\n    title: T\n    sources: [nowhere]\n")
    assert any(p.startswith("data/sg_reports.yml:2: reports[0].year: expected a year from 2005") for p in found)
    assert len(found) == 1  # the source check waits until the file passes its schema


def test_unknown_source_id_is_reported(data_dir):
    found = problems_with_reports(data_dir, "reports:\n  - year: 2009\n    title: T\n    sources: [nowhere]\n")
    assert found == [
        "data/sg_reports.yml:4: reports[0].sources[0]: unknown source id 'nowhere'; "
        "expected an id from data/sources.yml"
    ]
