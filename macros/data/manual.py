"""The domain: `Manual`, every dataset validated, and the questions that need more than one of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from macros.data import schema
from macros.data.schema import Meeting, Member, OfficialCount, PartialDate, Source

# The kinds of change "What's new" lists, in the order they come on the same day.
CHANGE_KINDS = ("count", "member", "meeting", "source")


@dataclass(frozen=True)
class Change:
    """One dated fact of the data's history: a member first named, an official count, a meeting, a source
    published. Computed from the data, so the list of changes cannot disagree with it."""

    date: PartialDate
    kind: str  # one of CHANGE_KINDS
    key: str  # stable across editions: the member's ISO code or name, the count's date, the meeting's or source's id
    subject: Member | OfficialCount | Meeting | Source

    @property
    def sources(self) -> list[str]:
        return [self.subject.id] if isinstance(self.subject, Source) else list(self.subject.sources)


@dataclass(frozen=True)
class Manual:
    """Every dataset, validated; attribute names are the keys of `schema.DATA_FILES`."""

    sources: schema.SourcesFile
    pillars: schema.PillarsFile
    mandate: schema.MandateFile
    principles: schema.PrinciplesFile
    roster: schema.RosterFile
    meetings: schema.MeetingsFile
    outreach: schema.OutreachFile
    sg_reports: schema.SGReportsFile
    risk_factors: schema.RiskFactorsFile
    toolkit: schema.ToolkitFile
    # In another language (translations.py): the texts still in English, and the English name of each
    # member under its name in the language.
    language: str = "en"
    untranslated: tuple[str, ...] = ()
    english_names: Mapping[str, str] = field(default_factory=dict)

    def english_name(self, name: str) -> str:
        """The English name of a member or state named `name` in this language (its pages are named by it)."""
        return self.english_names.get(name, name)

    def sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources.sources}

    def members_by_iso3(self) -> dict[str, Member]:
        """The member states, by ISO 3166 alpha-3 code."""
        return {m.iso3: m for m in self.roster.members if m.kind == "state" and m.iso3}

    def changes(self) -> list[Change]:
        """Every dated change of the data, the newest first (same day: counts, members, meetings, sources)."""
        changes = [
            *(Change(m.listed_by, "member", m.iso3 or m.name, m) for m in self.roster.members),
            *(Change(c.date, "count", str(c.date), c) for c in self.roster.official_counts),
            *(Change(m.start, "meeting", m.id, m) for m in self.meetings.meetings),
            *(Change(s.date, "source", s.id, s) for s in self.sources.sources if s.date is not None),
        ]
        changes.sort(key=lambda c: (CHANGE_KINDS.index(c.kind), c.key))
        return sorted(changes, key=lambda c: c.date.as_date(), reverse=True)

    def data_as_of(self) -> PartialDate:
        """The newest date the data speaks of: the roster's as-of date or the last day of the latest meeting."""
        dates = [self.roster.as_of, *(meeting.end or meeting.start for meeting in self.meetings.meetings)]
        return max(dates, key=PartialDate.as_date)
