"""The domain: `Manual`, every dataset validated, and the questions that need more than one of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from macros.data import schema
from macros.data.schema import Member, PartialDate


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

    def members_by_iso3(self) -> dict[str, Member]:
        """The member states, by ISO 3166 alpha-3 code."""
        return {m.iso3: m for m in self.roster.members if m.kind == "state" and m.iso3}

    def data_as_of(self) -> PartialDate:
        """The newest date the data speaks of: the roster's as-of date or the last day of the latest meeting."""
        dates = [self.roster.as_of, *(meeting.end or meeting.start for meeting in self.meetings.meetings)]
        return max(dates, key=PartialDate.as_date)
