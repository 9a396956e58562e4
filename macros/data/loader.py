"""Load and validate everything in `data/`, reporting every problem with its file, line and field.

`load_manual(data_dir)` returns a `Manual` or raises `DataError` holding all problems found, each
formatted as `data/roster.yml:42: members[12].joined: expected …, got …`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic
import yaml
from mkdocs.exceptions import PluginError
from pydantic import ValidationError

from macros.data import cache, schema, translations
from macros.data.countries import SOURCE_LANGUAGE, UNMemberStates, country_table_file, un_member_states
from macros.data.manual import Manual

MAX_FILE_BYTES = 2 * 1024 * 1024
CACHE_DIR = Path(".cache") / "manual"  # in the project's folder
MAX_DEPTH = 20


class DataError(Exception):
    """One or more problems in the data files; `problems` lists them, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        count = len(problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the data files:\n" + "\n".join(problems))


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


# --- YAML with line numbers ----------------------------------------------------------------------

# libyaml (bundled in PyYAML's wheels) parses a 2 MiB file in seconds where the pure-Python parser takes
# half a minute; its composer recurses in C, hence the event pass below before any node is built.
_CLoader = yaml.CSafeLoader


class _SafeLineLoader(_CLoader):
    """A safe loader whose every construction error is a YAML error carrying the line of the value."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except ValueError as error:  # PyYAML lets it escape for `2021-13-45` or a 5000-digit number
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read this value ({error})", node.start_mark
            ) from None


def _refuse_aliases_tags_and_deep_nesting(text: str) -> None:
    """Check the event stream first, so no alias ('billion laughs') or deep nest ever becomes nodes.

    Explicit tags (`!!binary`, `!!set`…) are refused too: data files never need them, and PyYAML's
    constructors for them fail in ways that carry no line.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_CLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed in data files", event.start_mark)
        if getattr(event, "tag", None) is not None:
            raise yaml.MarkedYAMLError(
                None, None, f"tags ({event.tag}) are not allowed in data files", event.start_mark
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(
                    None, None, f"nesting deeper than {MAX_DEPTH} levels is not allowed", event.start_mark
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


Path_ = tuple[str | int, ...]


def _line_map(node: yaml.Node, path: Path_, lines: dict[Path_, int], duplicates: list[tuple[Path_, int]]) -> None:
    """Record the 1-based line of every value, keyed by its path; collect duplicate mapping keys."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                duplicates.append((path + (key,), key_node.start_mark.line + 1))
            seen.add(key)
            _line_map(value_node, path + (key,), lines, duplicates)
            lines[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, path + (index,), lines, duplicates)


def format_path(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def line_for(lines: dict[Path_, int], path: Path_) -> int | None:
    """The line of `path`, or of its nearest ancestor that exists in the file (for missing fields)."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


@dataclass(frozen=True)
class ParsedFile:
    name: str
    data: Any
    lines: dict[Path_, int]


def _line_count(text: str) -> int:
    """The number of lines an editor shows."""
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def parse_yaml(raw: bytes, name: str) -> tuple[ParsedFile | None, list[Problem]]:
    if len(raw) > MAX_FILE_BYTES:
        message = f"the file is larger than {MAX_FILE_BYTES} bytes, the limit for a data file"
        return None, [Problem(name, 1, "", message)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, "", f"expected UTF-8 text, got byte 0x{raw[error.start]:02x}")]
    loader = None
    try:
        _refuse_aliases_tags_and_deep_nesting(text)
        loader = _SafeLineLoader(text)
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(name, 1, "", "the file is empty; expected a mapping of fields")]
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(part for part in (error.context, error.problem) if part)
        # At the end of the file libyaml points past the last line; name the last line instead.
        line = min(mark.line + 1, _line_count(text))
        return None, [Problem(name, line, "", f"invalid YAML: {message}")]
    except yaml.reader.ReaderError as error:
        line = raw[: error.position].count(b"\n") + 1  # libyaml counts bytes of the UTF-8 text
        return None, [Problem(name, line, "", f"invalid YAML: {error.reason}, got character U+{error.character:04X}")]
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[Path_, int] = {}
    duplicates: list[tuple[Path_, int]] = []
    _line_map(node, (), lines, duplicates)
    problems = [Problem(name, line, format_path(path), "duplicate key") for path, line in duplicates]
    if not isinstance(data, dict):
        problems.append(Problem(name, 1, "", f"expected a mapping of fields at the top, got {type(data).__name__}"))
    return ParsedFile(name, data, lines), problems


# --- schema validation ---------------------------------------------------------------------------


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _pydantic_problems(error: ValidationError, parsed: ParsedFile) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        path = tuple(item["loc"])
        # Union members add their type name to the path ('int', 'str'…); keep only the data path.
        path = tuple(p for p in path if isinstance(p, int) or not _is_type_tag(p))
        kind = item["type"]
        if kind == "missing":
            message = "missing required field"
        elif kind == "extra_forbidden":
            message = "unknown field (check the spelling against the comment at the top of the file)"
        elif kind == "value_error":
            message = str(item["ctx"]["error"]) if "ctx" in item else item["msg"]
        else:
            expected = item["msg"]
            expected = expected[len("Input should be ") :] if expected.startswith("Input should be ") else expected
            message = f"expected {expected}, got {_describe(item['input'])}"
        problems.append(Problem(parsed.name, line_for(parsed.lines, path), format_path(path), message))
    return problems


def _is_type_tag(part: str) -> bool:
    return part in {"int", "str", "none"} or "[" in part or "(" in part


def validate_file(parsed: ParsedFile, model: type[schema.Strict]) -> tuple[Any | None, list[Problem]]:
    try:
        return model.model_validate(parsed.data), []
    except ValidationError as error:
        return None, _pydantic_problems(error, parsed)


# --- the whole manual ----------------------------------------------------------------------------

Validated = dict[str, tuple[Any, ParsedFile]]


def _cross_checks(files: Validated, countries: UNMemberStates) -> list[Problem]:
    """Rules that span files. Each runs only when the files it needs passed their schema."""
    problems: list[Problem] = []

    def report(dataset: str, path: Path_, message: str) -> None:
        parsed = files[dataset][1]
        problems.append(Problem(parsed.name, line_for(parsed.lines, path), format_path(path), message))

    known_sources = {s.id for s in files["sources"][0].sources} if "sources" in files else None
    for dataset, (model, _) in files.items():
        for field, items in model:
            if isinstance(items, list) and items and isinstance(items[0], schema.Strict):
                _check_list(dataset, field, items, known_sources, report)

    if "sources" in files:
        _check_sources(files["sources"][0], report)
    if "roster" in files:
        _check_roster(files["roster"][0], countries, report)
    if "meetings" in files and "roster" in files:
        _check_meetings(files["meetings"][0], {m.name for m in files["roster"][0].members}, countries, report)
    return problems


def _check_list(dataset, field, items, known_sources, report) -> None:
    """Entries unique by id, name and number; every cited source id present in the bibliography."""
    for key in ("id", "name", "number"):
        if key not in type(items[0]).model_fields:
            continue
        seen: dict[Any, int] = {}
        for index, item in enumerate(items):
            value = getattr(item, key)
            if value is None:
                continue
            if value in seen:
                report(dataset, (field, index, key), f"duplicate entry {value!r} (also at {field}[{seen[value]}])")
            else:
                seen[value] = index
    if known_sources is None:
        return
    for index, item in enumerate(items):
        for source_index, source_id in enumerate(getattr(item, "sources", None) or []):
            if source_id not in known_sources:
                report(
                    dataset,
                    (field, index, "sources", source_index),
                    f"unknown source id {source_id!r}; expected an id from data/sources.yml",
                )


def _check_sources(sources: schema.SourcesFile, report) -> None:
    for index, source in enumerate(sources.sources):
        if source.un_symbol is not None and source.un_symbol not in source.title:
            report(
                "sources",
                ("sources", index, "un_symbol"),
                f"expected a symbol that the title shows, got {source.un_symbol!r}",
            )


def _check_roster(roster: schema.RosterFile, countries: UNMemberStates, report) -> None:
    for index, member in enumerate(roster.members):
        if member.kind == "state":
            if member.iso3 is None:
                report("roster", ("members", index), "missing required field iso3 for a state")
                continue
            state = countries.by_iso3.get(member.iso3)
            if state is None:
                report(
                    "roster",
                    ("members", index, "iso3"),
                    f"expected the ISO 3166 alpha-3 code of a UN member state, got {member.iso3!r}",
                )
            elif member.name not in (state.name, state.official_name):
                report(
                    "roster",
                    ("members", index, "name"),
                    f"expected {state.name!r} or {state.official_name!r} (the names of {member.iso3} in "
                    f"the country data), got {member.name!r}",
                )
        elif member.iso3 is not None:
            report("roster", ("members", index, "iso3"), "expected no ISO code for a regional organisation")
        if member.joined is not None and member.joined > member.listed_by.year:
            report(
                "roster",
                ("members", index, "joined"),
                f"expected a year no later than listed_by ({member.listed_by}), got {member.joined}",
            )
    for index, count in enumerate(roster.official_counts):
        if count.date.as_date() > roster.as_of.as_date():
            report(
                "roster",
                ("official_counts", index, "date"),
                f"expected a date no later than as_of ({roster.as_of}), got {count.date}",
            )


def _check_meetings(meetings: schema.MeetingsFile, member_names: set[str], countries: UNMemberStates, report) -> None:
    organisation_ids = {o.id for o in meetings.organisations}
    for index, organisation in enumerate(meetings.organisations):
        if organisation.part_of is not None and organisation.part_of not in member_names:
            report(
                "meetings",
                ("organisations", index, "part_of"),
                f"expected the name of a member in data/roster.yml, got {organisation.part_of!r}",
            )
    for index, meeting in enumerate(meetings.meetings):
        if meeting.end is not None and meeting.end.as_date() < meeting.start.as_date():
            report(
                "meetings",
                ("meetings", index, "end"),
                f"expected a date on or after start ({meeting.start}), got {meeting.end}",
            )
        if meeting.country is not None and meeting.country not in countries.by_iso3:
            report(
                "meetings",
                ("meetings", index, "country"),
                f"expected the ISO 3166 alpha-3 code of a UN member state, got {meeting.country!r}",
            )
        for host_index, host in enumerate(meeting.hosts):
            if host not in member_names and host not in organisation_ids and host not in countries.by_name:
                report(
                    "meetings",
                    ("meetings", index, "hosts", host_index),
                    f"expected a roster member, a UN member state or an organisation id, got {host!r}",
                )


def _read(path: Path, shown: str) -> tuple[ParsedFile | None, list[Problem]]:
    with path.open("rb") as file:
        raw = file.read(MAX_FILE_BYTES + 1)  # enough to tell an oversized file, whatever its size
    return parse_yaml(raw, shown)


def _unchanged(text: str) -> str:
    return text


def load_manual(
    data_dir: Path | str,
    display_root: Path | str | None = None,
    language: str = SOURCE_LANGUAGE,
    mark_untranslated: Callable[[str], str] = _unchanged,
) -> Manual:
    """Read, parse and validate every data file, and in another `language` its translation files too
    (`translations.py`); raise DataError listing all problems. English left in another language's text is
    passed through `mark_untranslated`, so that the page can say so."""
    data_dir = Path(data_dir)
    root = Path(display_root) if display_root is not None else data_dir.parent
    problems: list[Problem] = []
    files: Validated = {}
    for dataset, model in schema.DATA_FILES.items():
        path = data_dir / f"{dataset}.yml"
        shown = _display_name(path, root)
        if not path.is_file():
            problems.append(Problem(shown, None, "", "file not found"))
            continue
        parsed, parse_problems = _read(path, shown)
        problems += parse_problems
        if parsed is None or parse_problems:
            continue
        validated, schema_problems = validate_file(parsed, model)
        problems += schema_problems
        if validated is not None:
            files[dataset] = (validated, parsed)
    problems += _cross_checks(files, un_member_states())
    if problems:
        raise DataError([str(p) for p in problems])
    manual = Manual(**{dataset: model for dataset, (model, _) in files.items()})
    if language == SOURCE_LANGUAGE:
        return manual
    return _translated(manual, files, data_dir / language, root, language, mark_untranslated)


def _translated(
    english: Manual, files: Validated, words_dir: Path, root: Path, language: str, mark: Callable[[str], str]
) -> Manual:
    problems: list[Problem] = []
    for path in sorted(words_dir.glob("*")):
        if path.suffix != ".yml" or path.stem not in schema.DATA_FILES:
            shown = _display_name(path, root)
            problems.append(Problem(shown, None, "", f"expected the name of a file in {words_dir.parent.name}/"))
    words: dict[str, ParsedFile | None] = {}
    for dataset in files:
        path = words_dir / f"{dataset}.yml"
        words[dataset] = None
        if path.is_file():
            parsed, parse_problems = _read(path, _display_name(path, root))
            problems += parse_problems
            words[dataset] = None if parse_problems else parsed
    if problems:
        raise DataError([str(p) for p in problems])

    def located(dataset: str, result: translations.Translated) -> list[Problem]:
        parsed = words[dataset]
        shown = parsed.name if parsed else _display_name(words_dir / f"{dataset}.yml", root)
        lines = parsed.lines if parsed else {}
        return [Problem(shown, line_for(lines, p.path), format_path(p.path), p.message) for p in result.problems]

    merged: dict[str, dict] = {}
    untranslated: list[str] = []
    for dataset, (model, parsed) in files.items():
        result = translations.translate_dataset(
            dataset, model, parsed.data, words[dataset] and words[dataset].data, mark
        )
        problems += located(dataset, result)
        untranslated += [f"{dataset}.{path}" for path in result.untranslated]
        merged[dataset] = result.data
    names = translations.rename_members(
        merged["roster"],
        merged["meetings"],
        english.roster,
        words["roster"] and words["roster"].data,
        un_member_states(language),
        un_member_states(),
        mark,
    )
    problems += located("roster", names)
    untranslated += [f"roster.{path}" for path in names.untranslated]
    models = {}
    for dataset, (_, parsed) in files.items():
        validated, schema_problems = validate_file(
            ParsedFile(parsed.name, merged[dataset], parsed.lines), schema.DATA_FILES[dataset]
        )
        problems += schema_problems
        models[dataset] = validated
    if problems:
        raise DataError([str(p) for p in problems])
    return Manual(**models, language=language, untranslated=tuple(untranslated), english_names=names.data)


def _display_name(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


@functools.lru_cache(maxsize=8)
def _cached(data_dir: str, language: str, mark: Callable[[str], str], stamp: tuple) -> Manual:
    # Validated data depends on the day too: a year is checked against today's.
    settings = (
        f"language: {language}",
        f"marked by: {mark.__module__}.{mark.__qualname__}",
        str(dt.date.today()),
        f"pydantic {pydantic.VERSION}",
    )
    return cache.cached(
        Path(data_dir).parent / CACHE_DIR,
        "manual",
        cache.input_key(manual_inputs(Path(data_dir)), *settings),
        lambda: load_manual(data_dir, language=language, mark_untranslated=mark),
    )


def load_manual_cached(
    data_dir: Path | str, language: str = SOURCE_LANGUAGE, mark_untranslated: Callable[[str], str] = _unchanged
) -> Manual:
    """`load_manual`, reused while no data file changes (the build asks for the data more than once), and
    kept between builds (`.cache/`) while no data file and no code that shapes the result changes: a build's
    start-up then skips parsing and validating (and the schema's models are built only when they validate)."""
    data_dir = Path(data_dir).resolve()
    files = (
        [*data_dir.glob("*.yml"), *(data_dir / language).glob("*")]
        if language != SOURCE_LANGUAGE
        else data_dir.glob("*.yml")
    )
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(files))
    return _cached(str(data_dir), language, mark_untranslated, stamp)


def manual_inputs(data_dir: Path) -> list[Path]:
    """Every file the validated data in `data_dir` is made from: the data and its translations, the code of the
    package (the schema, the words that mark what is not yet translated) and its catalogues, the country table."""
    package = Path(__file__).resolve().parents[1]
    return [
        *data_dir.rglob("*.yml"),
        *package.rglob("*.py"),
        *package.rglob("*.po"),
        country_table_file(),
    ]


def data_dir(project_dir: str | Path) -> Path:
    return Path(project_dir) / "data"


def load_or_fail(
    project_dir: str | Path, language: str = SOURCE_LANGUAGE, mark_untranslated: Callable[[str], str] = _unchanged
) -> Manual:
    """The validated data, or a build error listing every problem (MkDocs prints it without a traceback)."""
    try:
        return load_manual_cached(data_dir(project_dir), language, mark_untranslated)
    except DataError as error:
        raise PluginError(str(error)) from None
