"""Text from data reaches the reader as text: HTML, `javascript:` links and Jinja syntax in data values are
shown literally in the built site, never run, rendered as markup or evaluated as templates.

Every free-text value of the real data (each one the schema accepts text in) gets a numbered payload; the
site is built from that data and its HTML is checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.data.loader import DataError, format_path, load_manual, parse_yaml, validate_file
from macros.data.schema import DATA_FILES

from .conftest import PROJECT_DIR, build_project

# 7 * 8803 = 61621: evaluated Jinja would leave "61621" and "jinja-ran" without their braces. (Five digits:
# the values' four-digit markers reached 1337, the number this test looked for before.)
PAYLOAD = (
    '<script>alert("xss")</script> <img src=x onerror=alert(1)> [click me](javascript:alert(1)) '
    "{{ 7 * 8803 }} {% if true %}jinja-ran{% endif %}"
)
MARKER = "payload{:04d}"
MARKED = re.compile(r"payload(\d{4})")


def text_paths(value, path=()):
    """The path of every string in a loaded YAML value."""
    if isinstance(value, str):
        yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield from text_paths(child, path + (key,))


def get(document, path):
    for key in path:
        document = document[key]
    return document


def put(document, path, value) -> None:
    get(document, path[:-1])[path[-1]] = value


def dump(document) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10_000)


def parsed_path(field: str) -> tuple:
    """'organisations[3].part_of' as the path ('organisations', 3, 'part_of')."""
    return tuple(int(index) if index else key for key, index in re.findall(r"(\w+)|\[(\d+)\]", field))


def reported_fields(problems: list[str]) -> set[tuple[str, str]]:
    """(file stem, field path) of every problem, e.g. ('roster', 'members[3].name')."""
    fields = set()
    for problem in problems:
        match = re.match(r"^(?:.*/)?(\w+)\.yml:\d+: (\S+): ", problem)
        assert match, f"a problem the test cannot attribute to a field: {problem}"
        fields.add((match.group(1), match.group(2)))
    return fields


def inject_payloads(source: Path, target: Path) -> int:
    """Copy the data in `source` to `target` with the payload added to every string the data still accepts
    with it (ids, dates, codes and names other files refer to keep their values); return how many."""
    target.mkdir(parents=True)
    documents, originals, injected = {}, {}, {}
    number = 0
    for dataset, model in DATA_FILES.items():
        document = yaml.safe_load((source / f"{dataset}.yml").read_text(encoding="utf-8"))
        originals[dataset] = yaml.safe_load((source / f"{dataset}.yml").read_text(encoding="utf-8"))
        injected[dataset] = {}
        for path in text_paths(document):
            number += 1
            put(document, path, f"{get(document, path)} {MARKER.format(number)} {PAYLOAD}")
            injected[dataset][format_path(path)] = path
        # Take the payload back out of every field the schema refuses it in, until the file is valid.
        while True:
            parsed, problems = parse_yaml(dump(document).encode(), f"{dataset}.yml")
            assert not problems, problems
            validated, schema_problems = validate_file(parsed, model)
            refused = reported_fields([str(p) for p in schema_problems])
            if not refused:
                break
            for _, field in refused:
                path = injected[dataset].pop(field, None)
                assert path is not None, f"{dataset}.yml: {field} refused but holds no payload"
                put(document, path, get(originals[dataset], path))
        # And out of values the schema normalises (a URL's spaces become %20): they cannot stay literal.
        as_validated = validated.model_dump(mode="json")
        for field, path in list(injected[dataset].items()):
            if get(as_validated, path) != get(document, path):
                del injected[dataset][field]
                put(document, path, get(originals[dataset], path))
        documents[dataset] = document
    # Then out of values other files refer to (member names hosting meetings, say).
    while True:
        for dataset, document in documents.items():
            (target / f"{dataset}.yml").write_text(dump(document), encoding="utf-8")
        try:
            load_manual(target)
            break
        except DataError as error:
            restored = 0
            for dataset, field in reported_fields(error.problems):
                path = injected[dataset].pop(field, None)
                if path is not None:
                    put(documents[dataset], path, get(originals[dataset], path))
                    restored += 1
                    continue
                # A field without a payload names a value elsewhere that holds one (an organisation's
                # part_of names a roster member): take the payload out of that value.
                named = get(originals[dataset], parsed_path(field))
                for other, fields in injected.items():
                    for key, other_path in list(fields.items()):
                        if get(originals[other], other_path) == named:
                            del fields[key]
                            put(documents[other], other_path, named)
                            restored += 1
            assert restored, f"refused, yet no payload to take out: {error.problems}"
    return sum(len(fields) for fields in injected.values())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("injection")
    count = inject_payloads(PROJECT_DIR / "data", root / "data")
    assert count >= 50, f"only {count} values took the payload"
    return build_project(root / "project", root / "data")


def pages(site: Path) -> dict[str, BeautifulSoup]:
    return {
        path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(site.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def hostile_pages(hostile_site) -> dict[str, BeautifulSoup]:
    return pages(hostile_site)


def test_payloads_appear_as_literal_text(hostile_pages):
    shown = 0
    for name, soup in hostile_pages.items():
        for element in soup.find_all(string=MARKED):
            # A marker and its payload share a text node only if the payload became no markup at all.
            text = " ".join(element.parent.get_text().split())
            for number in MARKED.findall(text):
                assert f"{MARKER.format(int(number))} {PAYLOAD}" in text, f"{name}: payload {number} altered: {text}"
                shown += 1
    assert shown >= 50, f"only {shown} payloads found in the built pages"


def test_no_script_event_handler_or_javascript_link_comes_from_data(hostile_pages):
    for name, soup in hostile_pages.items():
        scripts = [s for s in soup.find_all("script") if "alert" in (s.string or "")]
        assert scripts == [], f"{name}: script from data: {scripts[:1]}"
        handlers = [tag for tag in soup.find_all(True) if any(a.lower().startswith("on") for a in tag.attrs)]
        assert handlers == [], f"{name}: element with an event handler: {handlers[:1]}"
        assert soup.find("img", src="x") is None, f"{name}: <img> from data"
        links = [a for a in soup.find_all(href=True) if a["href"].strip().lower().startswith("javascript:")]
        assert links == [], f"{name}: javascript: link: {links[:1]}"


def test_no_template_syntax_from_data_was_evaluated(hostile_pages):
    for name, soup in hostile_pages.items():
        text = soup.get_text()
        assert "61621" not in text, f"{name}: a Jinja expression from data was evaluated"
        assert text.count("jinja-ran") == text.count("{% if true %}jinja-ran{% endif %}"), (
            f"{name}: a Jinja statement from data was run"
        )
