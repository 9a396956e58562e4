"""Property-based tests of the data loader: whatever bytes a data file holds, the loader either accepts it
or raises DataError whose every problem starts with `<file>:<line>: `; hostile documents are refused early.

The only problem without a line is a missing file (`<file>: file not found`): there is no line to name.
"""

from __future__ import annotations

import re
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data.loader import MAX_DEPTH, MAX_FILE_BYTES, DataError, load_manual, parse_yaml
from macros.data.schema import DATA_FILES

from .conftest import FIXTURE_DATA, PROJECT_DIR

REAL_DATA = PROJECT_DIR / "data"
# The real data once it is written; the fixture set stands in for files not written yet.
BASE_DATA = {
    name: (REAL_DATA if (REAL_DATA / f"{name}.yml").is_file() else FIXTURE_DATA) / f"{name}.yml" for name in DATA_FILES
}

# Bounded runs keep the module under a minute on two cores; a failure shrinks to a small example.
FUZZ = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
MUTATE = settings(
    max_examples=30, deadline=5000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
# A guard against hangs, not a speed goal: each refusal below takes milliseconds (see tests/benchmark.py).
HANG_GUARD_SECONDS = 20

YAML_PIECES = st.sampled_from(
    [
        ":",
        ": ",
        "- ",
        "-",
        "\n",
        "\n  ",
        "\n    ",
        "  ",
        "\t",
        "#",
        "&a ",
        "*a",
        "!!str ",
        "!!int ",
        "!!binary ",
        "!!timestamp ",
        "!!set ",
        "!!map ",
        "!!float ",
        "!!bool ",
        "!tag ",
        "? ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "'",
        '"',
        "|",
        ">",
        "|-",
        "---\n",
        "...\n",
        "%YAML 1.1\n",
        "<<: ",
        "~",
        "null",
        "true",
        "2021-13-45",
        "2021-06-01",
        "2021-02-30",
        "12:30:00",
        "0x1F",
        "0o17",
        "1e999",
        ".nan",
        "-.inf",
        "9" * 5000,
        "\\",
        "\x00",
        "\x85",
        "\ufeff",
        "\u2028",
        "é",
        "名",
        "🙂",
        "id",
        "sources",
        "name",
        "members",
        "meetings",
        "url",
        "date",
    ]
)
YAML_LIKE_TEXT = st.lists(st.one_of(YAML_PIECES, st.text(max_size=8)), max_size=60).map("".join)


@contextmanager
def hang_guard(seconds: int = HANG_GUARD_SECONDS):
    def give_up(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: the loader hangs on this input")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def assert_located(problems: list[str], file_name: str, line_count: int) -> None:
    """Every problem names `file_name` and a line that exists in the document."""
    assert problems, "a refusal must say why"
    for problem in problems:
        match = re.match(rf"^{re.escape(file_name)}:(\d+): \S", problem)
        assert match, f"problem without file and line: {problem!r}"
        assert 1 <= int(match.group(1)) <= line_count, f"line out of range (file has {line_count}): {problem!r}"


def line_count(raw: bytes) -> int:
    """The number of lines an editor shows."""
    return max(1, raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1))


def parse_problems(raw: bytes, name: str = "data/x.yml") -> list[str]:
    with hang_guard():
        _, problems = parse_yaml(raw, name)
    return [str(p) for p in problems]


# --- parse_yaml on arbitrary input ---------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes_are_parsed_or_refused_with_a_line(raw):
    problems = parse_problems(raw)
    if problems:
        assert_located(problems, "data/x.yml", line_count(raw))


@FUZZ
@given(YAML_LIKE_TEXT)
def test_yaml_like_text_is_parsed_or_refused_with_a_line(text):
    raw = text.encode("utf-8", "surrogatepass")
    problems = parse_problems(raw)
    if problems:
        assert_located(problems, "data/x.yml", line_count(raw))


# Nested values of every type YAML can express, dumped to a document and then damaged.
YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.dates(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=25,
)


@FUZZ
@given(YAML_VALUES, st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 3), YAML_PIECES), max_size=5))
def test_damaged_documents_are_parsed_or_refused_with_a_line(value, damage):
    text = yaml.safe_dump({"members": value}, allow_unicode=True)
    for position, removed, piece in damage:
        at = position % (len(text) + 1)
        text = text[:at] + piece + text[at + removed :]
    raw = text.encode("utf-8", "surrogatepass")
    problems = parse_problems(raw)
    if problems:
        assert_located(problems, "data/x.yml", line_count(raw))


# --- hostile documents are refused before they cost anything ----------------------------------------


def billion_laughs(levels: int = 12, width: int = 10) -> bytes:
    lines = ["a0: &a0 lol"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(
    "raw, line, message",
    [
        (billion_laughs(), 2, "aliases (*name) are not allowed in data files"),
        (b"base: &b {x: 1}\nmerged:\n  <<: *b\n", 3, "aliases (*name) are not allowed in data files"),
        (b"[" * 1_000_000, 1, f"nesting deeper than {MAX_DEPTH} levels is not allowed"),
        (b"{a: " * 500_000, 1, f"nesting deeper than {MAX_DEPTH} levels is not allowed"),
        (
            "".join("  " * i + "-\n" for i in range(1_000)).encode(),
            MAX_DEPTH + 1,
            f"nesting deeper than {MAX_DEPTH} levels is not allowed",
        ),
        (
            "".join("  " * i + f"k{i}:\n" for i in range(1_000)).encode(),
            MAX_DEPTH + 1,
            f"nesting deeper than {MAX_DEPTH} levels is not allowed",
        ),
    ],
    ids=[
        "billion-laughs",
        "merge-key-alias",
        "deep-flow-sequence",
        "deep-flow-mapping",
        "deep-block-sequence",
        "deep-block-mapping",
    ],
)
def test_hostile_documents_are_refused_with_a_clear_message(raw, line, message):
    assert parse_problems(raw) == [f"data/x.yml:{line}: invalid YAML: {message}"]


def test_nesting_up_to_the_limit_is_accepted():
    raw = b"a: " + b"[" * (MAX_DEPTH - 1) + b"]" * (MAX_DEPTH - 1) + b"\n"
    parsed, problems = parse_yaml(raw, "data/x.yml")
    assert problems == [] and parsed is not None


def test_file_at_the_size_limit_is_read_and_one_byte_more_is_refused():
    body = b"note: " + b"x" * (MAX_FILE_BYTES - len(b"note: \n")) + b"\n"
    assert len(body) == MAX_FILE_BYTES
    assert parse_problems(body) == []
    assert parse_problems(body + b"\n") == [
        f"data/x.yml:1: the file is larger than {MAX_FILE_BYTES} bytes, the limit for a data file"
    ]


def test_huge_data_file_is_refused_without_reading_it(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data_dir)
    with (data_dir / "roster.yml").open("r+b") as huge:
        huge.truncate(4 * 1024**3)  # sparse: 4 GiB on paper, nothing on disk
    with hang_guard(), pytest.raises(DataError) as caught:
        load_manual(data_dir)
    assert caught.value.problems == [
        f"data/roster.yml:1: the file is larger than {MAX_FILE_BYTES} bytes, the limit for a data file"
    ]


TAG_REFUSED = "invalid YAML: tags ({}) are not allowed in data files"


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"a: 2021-13-45\n", "data/x.yml:1: invalid YAML: cannot read this value (month must be in 1..12)"),
        (b"a: 1\nb: !!int twelve\n", "data/x.yml:2: " + TAG_REFUSED.format("tag:yaml.org,2002:int")),
        (b"a: 1\nb:\n  - !!binary aGk=\n", "data/x.yml:3: " + TAG_REFUSED.format("tag:yaml.org,2002:binary")),
        (b"a: " + b"9" * 5000 + b"\n", "data/x.yml:1: invalid YAML: cannot read this value (Exceeds the limit"),
        (b"a:\n  b: \x00\n", "data/x.yml:2: invalid YAML: control characters are not allowed, got character U+0000"),
    ],
    ids=["impossible-date", "int-tag", "binary-tag", "huge-number", "control-character"],
)
def test_values_python_cannot_build_are_reported_on_their_line(raw, expected):
    (problem,) = parse_problems(raw)
    assert problem.startswith(expected), problem


# --- mutations of the real data files, through load_manual ----------------------------------------


def problems_of(data_dir: Path) -> list[str]:
    try:
        with hang_guard():
            load_manual(data_dir)
    except DataError as error:
        return error.problems
    return []


def assert_all_located(problems: list[str], data_dir: Path) -> None:
    for problem in problems:
        file_name = problem.split(":", 1)[0]
        path = data_dir.parent / file_name
        if problem == f"{file_name}: file not found":
            assert not path.exists(), problem
            continue
        assert path.is_file(), f"problem names no data file: {problem!r}"
        assert_located([problem], file_name, line_count(path.read_bytes()))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    for path in BASE_DATA.values():
        shutil.copy(path, target / path.name)
    return target


def line_edits(lines: list[str]):
    """Edits a person might make by mistake: drop, repeat or swap lines, break indentation, stray text."""
    index = st.integers(0, max(len(lines) - 1, 0))
    return st.lists(
        st.one_of(
            st.tuples(st.just("delete"), index, st.just("")),
            st.tuples(st.just("duplicate"), index, st.just("")),
            st.tuples(st.just("swap"), index, st.just("")),
            st.tuples(st.just("indent"), index, st.sampled_from([" ", "  ", "\t", "-"])),
            st.tuples(st.just("dedent"), index, st.just("")),
            st.tuples(st.just("append"), index, YAML_LIKE_TEXT),
            st.tuples(st.just("replace-value"), index, YAML_LIKE_TEXT),
            st.tuples(st.just("truncate"), index, st.just("")),
        ),
        min_size=1,
        max_size=4,
    )


def apply_edit(lines: list[str], edit: tuple[str, int, str]) -> list[str]:
    kind, at, text = edit
    if not lines:
        return [text]
    at %= len(lines)
    line = lines[at]
    changed = {
        "delete": [],
        "duplicate": [line, line],
        "indent": [text + line],
        "dedent": [line[2:]],
        "append": [line + text],
        "replace-value": [line.split(":", 1)[0] + ": " + text if ":" in line else text],
    }
    if kind == "swap":
        other = (at + 1) % len(lines)
        swapped = list(lines)
        swapped[at], swapped[other] = lines[other], lines[at]
        return swapped
    if kind == "truncate":
        return lines[:at]
    return lines[:at] + changed[kind] + lines[at + 1 :]


@contextmanager
def restored(path: Path):
    """Undo each example's edit: hypothesis runs every example in the same data folder."""
    original = path.read_bytes()
    try:
        yield
    finally:
        path.write_bytes(original)


DATASETS = st.sampled_from(sorted(DATA_FILES))


@MUTATE
@given(DATASETS, st.data())
def test_edited_data_files_load_or_fail_with_located_problems(data_dir, dataset, data):
    path = data_dir / f"{dataset}.yml"
    with restored(path):
        lines = path.read_text(encoding="utf-8").splitlines()
        for edit in data.draw(line_edits(lines), label="edits"):
            lines = apply_edit(lines, edit)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
        assert_all_located(problems_of(data_dir), data_dir)


def value_paths(value, path=()):
    """Every path into a loaded YAML value below the root."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield path + (key,)
        yield from value_paths(child, path + (key,))


@MUTATE
@given(DATASETS, st.data(), YAML_VALUES)
def test_data_files_with_a_value_of_the_wrong_kind_fail_with_located_problems(data_dir, dataset, data, replacement):
    path = data_dir / f"{dataset}.yml"
    with restored(path):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        target = data.draw(st.sampled_from(list(value_paths(document))), label="path")
        parent = document
        for key in target[:-1]:
            parent = parent[key]
        parent[target[-1]] = replacement
        path.write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8", errors="surrogatepass"
        )
        assert_all_located(problems_of(data_dir), data_dir)
