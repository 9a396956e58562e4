"""The mkdocs-macros entry point: thin macros over the pure functions in `render`.

The data is loaded and validated once per build (MkDocs runs define_env again on every live-reload
rebuild), and each macro passes page-relative link targets, so pages hold nothing but macro calls.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros import generated
from macros.data.countries import un_member_states
from macros.data.loader import load_or_fail
from macros.generated import charts, citations, feed, forms, open_data, state_pages, worldmap
from macros.markdown import changes, render, states, toolkit
from macros.markdown.render import MEETINGS_PAGE, SOURCES_PAGE
from macros.words import reader_language, words_for


# The one list of abbreviations of each language: appended to every page for tooltips (pymdownx.snippets,
# which looks in includes/<language>/ first), and rendered as the glossary.
def abbreviations_file(project_dir: str, language: str) -> Path:
    translated = Path(project_dir) / "includes" / language / "abbreviations.md"
    return translated if translated.is_file() else Path(project_dir) / "includes" / "abbreviations.md"


def define_env(env) -> None:
    # Validate before MkDocs touches the output folder: a data error stops the build here.
    words = words_for(reader_language(env.conf))
    manual = load_or_fail(env.project_dir, words.language, words.untranslated)
    countries = un_member_states(words.language)
    known_sources = {source.id for source in manual.sources.sources}

    def link(target: str) -> str:
        """`target` (relative to docs/) as seen from the page being rendered."""
        return render.relative(target, env.page.file.src_uri if env.page else "")

    def state_pages_built() -> bool:
        return generated.state_pages_enabled(env.conf["extra"])

    def state_profiles() -> dict[str, str]:
        """Each UN member state's profile by ISO3 code, linked from this page; none when they are not built."""
        if not state_pages_built():
            return {}
        return {state.iso3: link(state_pages.state_page_path(state)) for state in countries.states}

    def member_profiles() -> dict[str, str]:
        """Each member's profile (a state's or an organisation's page) by name; none when they are not built."""
        if not state_pages_built():
            return {}
        return {m.name: link(state_pages.profile_path(manual, m)) for m in manual.roster.members}

    @env.macro
    def cite(*source_ids: str) -> str:
        unknown = [s for s in source_ids if s not in known_sources]
        if unknown:
            raise PluginError(f"{env.page.file.src_uri}: cite(): unknown source id(s) {', '.join(unknown)}")
        return render.cite(source_ids, link(SOURCES_PAGE))

    @env.macro
    def un_symbol(symbol: str) -> str:
        return render.un_symbol(symbol)

    @env.macro
    def bibliography() -> str:
        return render.bibliography(manual, words)

    @env.macro
    def pillars(heading_level: int = 3) -> str:
        return render.pillars(manual, link(SOURCES_PAGE), heading_level, words)

    @env.macro
    def crimes(heading_level: int = 3) -> str:
        return render.crimes(manual, link(SOURCES_PAGE), heading_level, words)

    @env.macro
    def mandate_functions(scope: str) -> str:
        return render.mandate_functions(manual, scope, link(SOURCES_PAGE))

    @env.macro
    def mandate_recommendations() -> str:
        return render.mandate_recommendations(manual, link(SOURCES_PAGE), words)

    @env.macro
    def mandate_proposals(heading_level: int = 3) -> str:
        return render.mandate_proposals(manual, link(SOURCES_PAGE), heading_level, words)

    @env.macro
    def principles(heading_level: int = 3) -> str:
        return render.principles(manual, link(SOURCES_PAGE), heading_level)

    @env.macro
    def members_table(kind: str) -> str:
        return render.members_table(manual, kind, link(SOURCES_PAGE), link(MEETINGS_PAGE), member_profiles(), words)

    @env.macro
    def member_count(kind: str | None = None) -> int:
        return render.member_count(manual, kind)

    @env.macro
    def members_named() -> str:
        return render.members_named(manual, words)

    @env.macro
    def roster_as_of() -> str:
        return words.date(manual.roster.as_of)

    @env.macro
    def official_counts() -> str:
        return render.official_counts_table(manual, link(SOURCES_PAGE), words)

    @env.macro
    def count_gap() -> str:
        return render.count_gap(manual, link(SOURCES_PAGE), words)

    @env.macro
    def meetings_timeline(kind: str | None = None, heading_level: int = 3) -> str:
        host_pages = state_pages.host_profile_paths(manual, countries) if state_pages_built() else {}
        profiles = {host: link(path) for host, path in host_pages.items()}
        return render.meetings_timeline(manual, link(SOURCES_PAGE), kind, heading_level, profiles, words)

    @env.macro
    def meeting_count(kind: str = "annual") -> int:
        return render.meeting_count(manual, kind)

    @env.macro
    def secretariat_address() -> str:
        """The secretariat's web address, written out so that it shows on paper too."""
        return f"<{render.secretariat_url(manual)}>"

    @env.macro
    def secretariat_link(text: str) -> str:
        return f"[{render.esc(text)}]({render.secretariat_url(manual)})"

    @env.macro
    def latest_meeting() -> str:
        return render.latest_meeting_sentence(manual, link(SOURCES_PAGE), link(MEETINGS_PAGE), words)

    @env.macro
    def years_without_meetings() -> str:
        return render.years_without_meetings_sentence(manual, words)

    @env.macro
    def sg_reports() -> str:
        return render.sg_reports_table(manual, link(SOURCES_PAGE), words)

    # --- The Global Network, In practice and Toolkit (toolkit.py) ---

    @env.macro
    def members_with_role(role: str) -> str:
        return render.members_with_role(manual, role, words)

    @env.macro
    def risk_factors() -> str:
        return toolkit.risk_factors_table(manual, link(SOURCES_PAGE), words)

    @env.macro
    def first_100_days(heading_level: int = 2) -> str:
        return toolkit.checklist(manual, link(SOURCES_PAGE), heading_level, words)

    @env.macro
    def handover_template(heading_level: int = 2) -> str:
        return toolkit.template(manual.toolkit.handover, link(SOURCES_PAGE), heading_level, words)

    @env.macro
    def annual_report_template(heading_level: int = 3) -> str:
        return toolkit.template(manual.toolkit.annual_report, link(SOURCES_PAGE), heading_level, words)

    @env.macro
    def self_assessment() -> str:
        return toolkit.self_assessment(manual, link(SOURCES_PAGE), words)

    @env.macro
    def talking_points() -> str:
        return toolkit.talking_points(manual, link(SOURCES_PAGE))

    @env.macro
    def objections(heading_level: int = 3) -> str:
        return toolkit.objections(manual, link(SOURCES_PAGE), heading_level, words)

    @env.macro
    def faq(heading_level: int = 2) -> str:
        return toolkit.faq(manual, link(SOURCES_PAGE), link, heading_level, words)

    def change_links() -> changes.ChangeLinks:
        return changes.ChangeLinks(
            link(SOURCES_PAGE), link(MEETINGS_PAGE), link(changes.MEMBERS_PAGE), member_profiles()
        )

    @env.macro
    def whats_new() -> str:
        return changes.whats_new(manual, change_links(), None, words)

    @env.macro
    def latest_changes(count: int = 3) -> str:
        return changes.whats_new(manual, change_links(), count, words)

    @env.macro
    def feed_link() -> str:
        label = words("Atom feed")
        return f"[{label}]({link(feed.FEED_FILE)})"

    @env.macro
    def bibliography_downloads() -> str:
        bibtex, csl = link(citations.BIBTEX_FILE), link(citations.CSL_JSON_FILE)
        return words(
            "The whole bibliography for reference managers (Zotero, JabRef, EndNote): [BibTeX]({bibtex}) · "
            "[CSL-JSON]({csl}).",
            bibtex=bibtex,
            csl=csl,
        )

    @env.macro
    def cite_this_manual() -> str:
        conf = env.conf
        text = citations.citation(manual, conf["site_name"], conf["site_author"], conf["site_url"], words)
        return f"> {text}"

    @env.macro
    def form_downloads(slug: str) -> str:
        """Links to the form `slug` as editable documents (generated/forms.py)."""
        if slug not in forms.TOOLKIT_FORMS:
            raise PluginError(f"{env.page.file.src_uri}: form_downloads(): no form {slug!r}")
        return forms.downloads_line(slug, link, words)

    @env.macro
    def glossary() -> str:
        text = abbreviations_file(env.project_dir, words.language).read_text(encoding="utf-8")
        return toolkit.glossary(toolkit.parse_abbreviations(text), words)

    # --- the UN member states, the map, the growth chart, open data (markdown/states.py, generated/) ---

    @env.macro
    def states_index() -> str:
        return states.states_index(manual, countries, state_profiles(), member_profiles(), words)

    @env.macro
    def un_member_count() -> int:
        return len(countries.states)

    @env.macro
    def coverage_table() -> str:
        return states.coverage_table(manual, countries, words)

    @env.macro
    def world_map() -> str:
        map_size = worldmap.map_size(manual.members_by_iso3())
        return states.map_figure(manual, countries, link(generated.MAP_FILE), map_size, state_profiles(), words)

    @env.macro
    def growth_chart() -> str:
        named = len(manual.members_by_iso3())
        return charts.growth_chart_markdown(manual.roster, named, link(generated.CHART_FILE), words)

    @env.macro
    def open_data_links() -> str:
        return open_data.open_data_list(link(open_data.OPEN_DATA_DIR), words)
