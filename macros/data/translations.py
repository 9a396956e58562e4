"""The data in another language: `data/<language>/<file>.yml` gives the words of `data/<file>.yml`, nothing else.

The facts stay in one place. A translation file repeats no date, id, number or source: each list of the
English file becomes a mapping from an entry's key to the entry's translated fields, and only the fields
the schema marks as `Prose` or `Name` may appear there:

    pillars:            # data/fr/pillars.yml
      1:                # the key: an entry's id; pillars and risk factors: number; members: ISO code or,
        name: …         # for a regional organisation, the English name; official counts: date
        measures: […]   # a list of prose: as many items as the English

A `Prose` field that a language lacks falls back to the English, marked on the page by the caller's `mark`
(the words layer's "not yet translated") and counted in `Translation.untranslated`. A state's name comes
from CLDR (countries.py) unless the file gives the UN's own spelling; a city or an abbreviation stays as
in English unless the file spells it otherwise. Every translated text must carry the same figures and UN
document symbols as its English, so a translation cannot change a fact.
"""

from __future__ import annotations

import re
import types
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic.fields import FieldInfo

from macros.data import schema
from macros.data.countries import UNMemberStates

# The figures and UN document symbols of a text: what a translation must keep exactly.
_FIGURE = re.compile(r"(?<![A-Za-z])\d+(?:[.,]\d+)*")
_UN_SYMBOL = re.compile(r"\b[AS]/[A-Za-z0-9./-]*[A-Za-z0-9]")


def facts_of(text: str) -> Counter[str]:
    """The figures and UN symbols in `text`, as a multiset (thousands separators differ by language)."""
    symbols = _UN_SYMBOL.findall(text)
    rest = _UN_SYMBOL.sub(" ", text)
    return Counter([*symbols, *(figure.replace(",", "").replace(".", "") for figure in _FIGURE.findall(rest))])


@dataclass(frozen=True)
class TranslationProblem:
    """A problem in a translation file, at `path` inside it (the loader adds the file and line)."""

    path: tuple[str | int, ...]
    message: str


@dataclass(frozen=True)
class Translated:
    """One dataset in another language: its data ready for the schema, and what still falls back to English."""

    data: dict[str, Any]
    untranslated: tuple[str, ...]
    problems: tuple[TranslationProblem, ...]


def _translation_shape(annotation: Any) -> tuple[str, Any] | None:
    """("text", Translation), ("list", Translation) or ("model", model class) for a translatable field."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        marks = [m for m in metadata if isinstance(m, schema.Translation)]
        return ("text", marks[0]) if marks else _translation_shape(base)
    if origin in (Union, types.UnionType):
        for member in get_args(annotation):
            if member is not type(None) and (shape := _translation_shape(member)) is not None:
                return shape
        return None
    if origin is list:
        inner = _translation_shape(get_args(annotation)[0])
        return ("list", inner[1]) if inner is not None and inner[0] == "text" else None
    if isinstance(annotation, type) and issubclass(annotation, schema.Strict):
        return ("model", annotation)
    return None


def field_shape(field: FieldInfo) -> tuple[str, Any] | None:
    # pydantic lifts a field's outer Annotated metadata into FieldInfo.metadata.
    marks = [m for m in field.metadata if isinstance(m, schema.Translation)]
    return ("text", marks[0]) if marks else _translation_shape(field.annotation)


def translatable_fields(model: type[schema.Strict]) -> dict[str, tuple[str, Any]]:
    return {name: shape for name, field in model.model_fields.items() if (shape := field_shape(field)) is not None}


def entry_key(dataset: str, field: str, item: schema.Strict) -> Any:
    """The key a translation file gives an entry of a list (see the module's docstring)."""
    if isinstance(item, schema.Member):
        return item.iso3 if item.kind == "state" else item.name
    if isinstance(item, schema.OfficialCount):
        return str(item.date)
    for key in ("id", "number"):
        if key in type(item).model_fields:
            return getattr(item, key)
    raise TypeError(f"{dataset}.{field}: entries of {type(item).__name__} have no key for translation files")


def _normalised_key(key: Any) -> Any:
    # YAML reads an unquoted 2015-08-27 as a date and 1 as a number; the English keys are a str and an int.
    return key.isoformat() if hasattr(key, "isoformat") else key


class _Merge:
    def __init__(self, mark: Callable[[str], str]):
        self.mark = mark
        self.untranslated: list[str] = []
        self.problems: list[TranslationProblem] = []

    def problem(self, path: tuple, message: str) -> None:
        self.problems.append(TranslationProblem(path, message))

    def entry(self, model: type[schema.Strict], english: schema.Strict, raw: dict, words: Any, path: tuple) -> dict:
        """The raw English entry with its translatable fields replaced by `words` (a mapping)."""
        merged = dict(raw)
        fields = translatable_fields(model)
        if not isinstance(words, dict):
            self.problem(path, f"expected a mapping of translated fields, got {type(words).__name__}")
            words = {}
        for name in words:
            if name not in fields:
                self.problem(
                    path + (name,),
                    "not a text to translate: dates, ids, numbers and sources come from the English file only",
                )
        for name, (kind, detail) in fields.items():
            value = getattr(english, name)
            here = path + (name,)
            if value is None or value == []:
                if name in words:
                    self.problem(here, "the English entry has no such text to translate")
                continue
            if kind == "model":
                merged[name] = self.entry(detail, value, raw[name], words.get(name, {}), here)
            elif name in words:
                merged[name] = self.text(kind, value, words[name], here)
            elif detail.required:
                merged[name] = [self.mark(v) for v in value] if kind == "list" else self.mark(value)
                self.untranslated.append(_dotted(here))
        return merged

    def text(self, kind: str, english: str | list[str], translated: Any, path: tuple) -> Any:
        if kind == "list":
            if not isinstance(translated, list) or len(translated) != len(english):
                self.problem(path, f"expected a list of {len(english)} translated texts, as in English")
                return english
            return [
                self.text("text", e, t, path + (i,)) for i, (e, t) in enumerate(zip(english, translated, strict=True))
            ]
        if not isinstance(translated, str) or not translated.strip():
            self.problem(path, f"expected the translated text, got {translated!r}")
            return english
        if facts_of(english) != facts_of(translated):
            expected = " ".join(sorted(facts_of(english).elements())) or "none"
            got = " ".join(sorted(facts_of(translated).elements())) or "none"
            self.problem(path, f"expected the figures and UN symbols of the English ({expected}), got {got}")
        return translated


def _dotted(path: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(path))


def translate_dataset(
    dataset: str, english: schema.Strict, raw: dict, words: dict | None, mark: Callable[[str], str]
) -> Translated:
    """`raw` (the English file as read) with the words of its translation file (None: there is none)."""
    merge = _Merge(mark)
    words = {} if words is None else words
    merged = dict(raw)
    lists = {name: items for name, items in english if isinstance(items, list) and items}
    for name in words:
        if name not in lists or not translatable_fields(type(lists[name][0])):
            merge.problem((name,), f"data/{dataset}.yml has no list of texts to translate called {name!r}")
    for name, items in lists.items():
        if not translatable_fields(type(items[0])):
            continue
        given = words.get(name, {})
        if not isinstance(given, dict):
            merge.problem((name,), "expected a mapping from each entry's key to its translated fields")
            given = {}
        given = {_normalised_key(key): value for key, value in given.items()}
        keys = [entry_key(dataset, name, item) for item in items]
        for key in given:
            if key not in keys:
                merge.problem((name, str(key)), f"no entry with the key {key!r} in data/{dataset}.yml")
        merged[name] = [
            merge.entry(type(item), item, raw[name][index], given.get(key, {}), (name, str(key)))
            for index, (item, key) in enumerate(zip(items, keys, strict=True))
        ]
    return Translated(merged, tuple(merge.untranslated), tuple(merge.problems))


def rename_members(
    roster: dict,
    meetings: dict,
    english: schema.RosterFile,
    words: dict | None,
    countries: UNMemberStates,
    english_countries: UNMemberStates,
    mark: Callable[[str], str],
) -> Translated:
    """Name every member in the language, in `roster` (translated already), and follow the new names in
    `meetings`, whose hosts and bodies refer to members by name. A state's name is the translation file's
    (the UN's spelling where it differs from CLDR's) or CLDR's; an organisation's must be translated.

    Returns the English name of each member and state under its name in the language, in `data`."""
    merge = _Merge(mark)
    given = {_normalised_key(key): value for key, value in ((words or {}).get("members") or {}).items()}
    names = {
        english_name: countries.by_iso3[state.iso3].name
        for state in english_countries.states
        for english_name in (state.name, state.official_name)
    }
    for member, entry in zip(english.members, roster["members"], strict=True):
        key = entry_key("roster", "members", member)
        spelled = (given.get(key) or {}).get("name") if isinstance(given.get(key), dict) else None
        if member.kind == "state":
            cldr_name = countries.by_iso3[member.iso3].name
            if spelled == cldr_name:
                merge.problem(("members", str(key), "name"), f"CLDR names it {cldr_name!r} already; leave the name out")
            entry["name"] = spelled or cldr_name
        elif spelled is None:
            entry["name"] = mark(member.name)
            merge.untranslated.append(_dotted(("members", str(key), "name")))
        names[member.name] = entry["name"]
    meetings["meetings"] = [
        {**meeting, "hosts": [names.get(host, host) for host in meeting.get("hosts") or []]}
        for meeting in meetings["meetings"]
    ]
    meetings["organisations"] = [
        {**body, "part_of": names.get(body["part_of"], body["part_of"])} if body.get("part_of") else body
        for body in meetings.get("organisations") or []
    ]
    english_names = {name: english_name for english_name, name in names.items()}
    return Translated(english_names, tuple(merge.untranslated), tuple(merge.problems))
