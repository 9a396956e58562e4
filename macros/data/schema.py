"""The shape of every data file, as pydantic models.

Each model forbids unknown fields, so a misspelt key is an error rather than silently ignored.
Cross-file rules (source ids, countries, hosts) live in `loader.py`, which sees all files at once.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, PlainValidator

FIRST_YEAR = 2005  # the World Summit that adopted R2P


def current_year() -> int:
    return dt.date.today().year


class Strict(BaseModel):
    # Built when they first validate: a build whose data comes from the cache (loader.py) never needs them.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


def _check_year(value: int) -> int:
    if not FIRST_YEAR <= value <= current_year():
        raise ValueError(f"expected a year from {FIRST_YEAR} to {current_year()}, got {value}")
    return value


Year = Annotated[int, Field(strict=True), AfterValidator(_check_year)]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate(str):
    """A date known to the year, the month or the day: '2013', '2013-06' or '2013-06-11'."""

    @property
    def year(self) -> int:
        return int(self[:4])

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        return {4: "year", 7: "month", 10: "day"}[len(self)]

    def as_date(self) -> dt.date:
        """The earliest day the value can mean, for sorting."""
        parts = [int(p) for p in self.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])


def _parse_partial_date(value: object) -> PartialDate:
    # YAML turns 2013-06-11 into a date and 2013 into an int; accept those and 'YYYY-MM' strings.
    if isinstance(value, dt.datetime):
        raise ValueError(f"expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got a timestamp {value}")
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:04d}"
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise ValueError(f"expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}")
    match = _PARTIAL_DATE.match(text)
    if not match:
        raise ValueError(f"expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got {text!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as error:
        raise ValueError(f"expected a valid calendar date, got {text!r} ({error})") from None
    return PartialDate(text)


def _event_date(value: object) -> PartialDate:
    date = _parse_partial_date(value)
    if not FIRST_YEAR <= date.year <= current_year():
        raise ValueError(f"expected a date from {FIRST_YEAR} to {current_year()}, got {date}")
    return date


def _publication_date(value: object) -> PartialDate:
    date = _parse_partial_date(value)
    if not 1900 <= date.year <= current_year():
        raise ValueError(f"expected a date from 1900 to {current_year()}, got {date}")
    return date


# A date in the life of the network (2005 onwards).
EventDate = Annotated[PartialDate, PlainValidator(_event_date)]
# A publication date (sources may predate 2005: the Genocide Convention, for instance).
PublicationDate = Annotated[PartialDate, PlainValidator(_publication_date)]

Text = Annotated[str, Field(strict=True, min_length=1)]


class Translation:
    """Marks a text field that data/<language>/<file>.yml gives in another language (macros/data/translations.py)."""

    def __init__(self, required: bool):
        # required: a language lacking the field falls back to English and says so; otherwise (a city, an
        # abbreviation, a state's name, which CLDR names) the English stands as the name in every language.
        self.required = required

    def __repr__(self) -> str:
        return f"Translation(required={self.required})"


# Sentences and labels, translated for every language the manual has.
Prose = Annotated[str, Field(strict=True, min_length=1), Translation(required=True)]
# Names that a language may spell otherwise but need not.
Name = Annotated[str, Field(strict=True, min_length=1), Translation(required=False)]
Slug = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
SourceIds = Annotated[list[Slug], Field(min_length=1)]


# --- sources.yml -------------------------------------------------------------------------------

SourceKind = Literal[
    "article",
    "slides",
    "web-page",
    "policy-brief",
    "meeting-summary",
    "statement",
    "press-release",
    "un-document",
    "government",
    "news",
    "report",
    "book",
]


class Source(Strict):
    id: Slug
    author: Text
    title: Text
    publisher: Text | None = None
    date: PublicationDate | None = None  # null: no date visible on the source ("n.d.")
    url: HttpUrl
    kind: SourceKind
    # A UN document's symbol, e.g. A/63/677: the bibliography links its official record beside `url`,
    # which may be the copy the research could read.
    un_symbol: Annotated[str, Field(strict=True, pattern=r"^[AS](/[A-Za-z0-9.]+)+$")] | None = None
    note: Prose | None = None


class SourcesFile(Strict):
    sources: Annotated[list[Source], Field(min_length=1)]


# --- pillars.yml -------------------------------------------------------------------------------


class Pillar(Strict):
    number: Annotated[int, Field(strict=True, ge=1, le=3)]
    name: Prose
    asks: Prose
    measures: Annotated[list[Prose], Field(min_length=1)]
    sources: SourceIds


class Crime(Strict):
    id: Slug
    name: Prose
    explanation: Prose
    legal_anchor: Prose
    sources: SourceIds


class PillarsFile(Strict):
    pillars: Annotated[list[Pillar], Field(min_length=3, max_length=3)]
    crimes: Annotated[list[Crime], Field(min_length=4, max_length=4)]


# --- mandate.yml -------------------------------------------------------------------------------


class Function(Strict):
    id: Slug
    scope: Literal["domestic", "international"]
    title: Prose
    text: Prose
    year: Year
    sources: SourceIds


class Recommendation(Strict):
    id: Slug
    topic: Literal["profile", "placement", "seniority", "convening-authority", "resources", "relations"]
    title: Prose
    text: Prose
    year: Year
    sources: SourceIds


class Proposal(Strict):
    id: Slug
    title: Prose
    text: Prose
    proposed_by: Prose
    year: Year
    sources: SourceIds


class MandateFile(Strict):
    functions: Annotated[list[Function], Field(min_length=1)]
    recommendations: Annotated[list[Recommendation], Field(min_length=1)]
    proposals: Annotated[list[Proposal], Field(min_length=1)]


# --- principles.yml ----------------------------------------------------------------------------


class Principle(Strict):
    id: Slug
    title: Prose
    statement: Prose
    sources: SourceIds


class PrinciplesFile(Strict):
    principles: Annotated[list[Principle], Field(min_length=1)]


# --- roster.yml --------------------------------------------------------------------------------

Role = Literal["co-founder", "facilitating-group", "steering-group"]


class Member(Strict):
    name: Name
    kind: Literal["state", "regional-organisation"]
    iso3: Annotated[str, Field(strict=True, pattern=r"^[A-Z]{3}$")] | None = None
    joined: Year | None = None  # null: the sources do not record the year
    joined_note: Prose | None = None
    listed_by: EventDate  # the earliest date by which a source names it as a member
    roles: list[Role] = []
    sources: SourceIds


class OfficialCount(Strict):
    date: EventDate
    states: Annotated[int, Field(strict=True, ge=0)]
    organisations: Annotated[int, Field(strict=True, ge=0)] | None = None
    qualifier: Literal["exactly", "more-than"] = "exactly"
    note: Prose | None = None
    sources: SourceIds


class RosterFile(Strict):
    as_of: EventDate
    members: Annotated[list[Member], Field(min_length=1)]
    official_counts: Annotated[list[OfficialCount], Field(min_length=1)]


# --- meetings.yml ------------------------------------------------------------------------------


class Organisation(Strict):
    id: Slug
    name: Prose
    abbreviation: Name | None = None
    part_of: Text | None = None  # the roster member it is a body of: its meetings count as that member's
    sources: SourceIds


class Meeting(Strict):
    id: Slug
    kind: Literal["annual", "regional", "workshop"]
    number: Annotated[int, Field(strict=True, ge=1)] | None = None
    title: Prose
    start: EventDate
    end: EventDate | None = None
    city: Name | None = None  # null: the sources do not name the city
    country: Annotated[str, Field(strict=True, pattern=r"^[A-Z]{3}$")] | None = None
    hosts: list[Text] = []  # member names, UN member state names, or organisation ids
    attendance: Prose | None = None
    themes: list[Prose] = []  # topics discussed
    notes: list[Prose] = []  # other facts: outcomes, firsts, what the meeting followed or was part of
    sources: SourceIds


class MeetingsFile(Strict):
    organisations: list[Organisation] = []
    meetings: Annotated[list[Meeting], Field(min_length=1)]


# --- outreach.yml ------------------------------------------------------------------------------
# The brief printed on the page of every UN member state that has no focal point yet.


class BriefPoint(Strict):
    id: Slug
    text: Prose
    sources: SourceIds


class Objection(Strict):
    id: Slug
    objection: Prose
    answer: Prose
    sources: SourceIds


class Contact(Strict):
    id: Slug
    name: Prose
    role: Prose
    url: HttpUrl
    text: Prose
    sources: SourceIds


class OutreachFile(Strict):
    why: Annotated[list[BriefPoint], Field(min_length=1)]
    steps: Annotated[list[BriefPoint], Field(min_length=1)]
    offers: Annotated[list[BriefPoint], Field(min_length=1)]
    objections: Annotated[list[Objection], Field(min_length=1)]
    contacts: Annotated[list[Contact], Field(min_length=1)]


# --- sg_reports.yml ----------------------------------------------------------------------------
# The UN Secretary-General's annual reports on R2P, shown as a table on the UN architecture page.

# One UN document symbol, or a joint General Assembly and Security Council symbol such as
# "A/65/877–S/2011/393" (en dash or hyphen between the two parts).
_UN_SYMBOL = re.compile(r"^[AS]/[A-Za-z0-9./]+(?:[–-]S/[A-Za-z0-9./]+)?$")


def _check_un_symbol(value: str) -> str:
    if not _UN_SYMBOL.match(value):
        raise ValueError(f"expected a UN document symbol such as A/63/677 or A/65/877–S/2011/393, got {value!r}")
    return value


UNSymbol = Annotated[str, Field(strict=True), AfterValidator(_check_un_symbol)]


class SGReport(Strict):
    year: Year
    title: Text
    symbol: UNSymbol | None = None  # null: the sources used for this manual do not give it
    sources: SourceIds


def _one_report_a_year(reports: list[SGReport]) -> list[SGReport]:
    years = [r.year for r in reports]
    repeated = sorted({y for y in years if years.count(y) > 1})
    if repeated:
        raise ValueError(f"expected one report a year, got more than one for {', '.join(map(str, repeated))}")
    return reports


class SGReportsFile(Strict):
    reports: Annotated[list[SGReport], Field(min_length=1), AfterValidator(_one_report_a_year)]


# --- risk_factors.yml --------------------------------------------------------------------------
# The 14 risk factors of the UN Framework of Analysis for Atrocity Crimes (2014).


class RiskFactor(Strict):
    number: Annotated[int, Field(strict=True, ge=1, le=14)]
    name: Prose
    group: Literal["common", "genocide", "crimes-against-humanity", "war-crimes"]
    # False: the name follows the Framework's standard numbering, but no text the research could read
    # showed it, so the page flags it.
    verified: Annotated[bool, Field(strict=True)]
    sources: SourceIds


class RiskFactorsFile(Strict):
    factors: Annotated[list[RiskFactor], Field(min_length=1)]


# --- toolkit.yml -------------------------------------------------------------------------------

ChecklistPhase = Literal["first-two-weeks", "first-month", "months-two-and-three", "by-day-100"]
# A page of the manual, relative to docs/, with an optional heading anchor: "network/organisation.md#steering-group".
PagePath = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9-]+(?:/[a-z0-9-]+)*\.md(?:#[a-z0-9-]+)?$")]


class ChecklistItem(Strict):
    id: Slug
    phase: ChecklistPhase
    task: Prose
    why: Prose
    sources: SourceIds


class TemplateSection(Strict):
    id: Slug
    title: Prose
    prompts: Annotated[list[Prose], Field(min_length=1)]
    sources: SourceIds


class TalkingPoint(Strict):
    id: Slug
    text: Prose
    sources: SourceIds


class SeeAlso(Strict):
    page: PagePath
    label: Prose


class Question(Strict):
    id: Slug
    question: Prose
    answer: Prose
    see: SeeAlso | None = None
    sources: SourceIds


class ToolkitFile(Strict):
    checklist: Annotated[list[ChecklistItem], Field(min_length=1)]
    handover: Annotated[list[TemplateSection], Field(min_length=1)]
    annual_report: Annotated[list[TemplateSection], Field(min_length=1)]
    talking_points: Annotated[list[TalkingPoint], Field(min_length=1)]
    faq: Annotated[list[Question], Field(min_length=1)]


# Each dataset lives in data/<name>.yml and is validated by its model.
DATA_FILES: dict[str, type[Strict]] = {
    "sources": SourcesFile,
    "pillars": PillarsFile,
    "mandate": MandateFile,
    "principles": PrinciplesFile,
    "roster": RosterFile,
    "meetings": MeetingsFile,
    "outreach": OutreachFile,
    "sg_reports": SGReportsFile,
    "risk_factors": RiskFactorsFile,
    "toolkit": ToolkitFile,
}
