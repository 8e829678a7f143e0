"""Bad input: each kind of bad file in tests/data/bad gives a LoadError naming the file and the
reason, the good inputs next to them still load, and the summary counts both.

The files, one per kind: empty, whitespace/invisible only, NUL bytes, a PNG renamed .md,
undecodable bytes in the middle, UTF-8 cut inside a character, broken YAML, front matter with no
body, front matter never closed, front matter that is a list, an absurdly long line, HTML with
only script/style, nothing but credit lines, a non-article file in a walked folder, and a JSON
Lines corpus with an unterminated line, a non-object line and a record without text between
two good records.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import paths
from support.paths import SEEDS

from loaders import LoadError, LoadSummary, iter_articles, load_file
from loaders.limits import Limits

DATA = paths.DATA / "bad"

EXPECTED_REASONS = {
    "empty.txt": "empty file",
    "whitespace_only.txt": "only whitespace",
    "binary_nul.txt": "binary file (contains NUL bytes)",
    "image_as_text.md": "binary file (a PNG image)",
    "undecodable_bytes.txt": "undecodable bytes: not UTF-8 (byte 0xff at offset 114)",
    "truncated_utf8.txt": "truncated UTF-8",
    "broken_yaml.md": "invalid YAML front matter",
    "front_matter_no_body.md": "front matter but no body",
    "front_matter_unclosed.md": "never closed",
    "front_matter_not_mapping.md": "front matter is a YAML list, not a mapping",
    "absurdly_long_line.txt": "a line of 52,800 characters",
    "script_style_only.html": "no visible text in the HTML",
    "credits_only.txt": "nothing but credit, share or header lines",
    "cover.jpg": "not an article file (extension '.jpg')",
    "corpus_with_bad_lines.jsonl:2": "invalid JSON: Unterminated string",
    "corpus_with_bad_lines.jsonl:3": "record is a JSON list, not an object",
    "corpus_with_bad_lines.jsonl:4": "record has no non-empty 'text' or 'html' string",
}


@pytest.fixture(scope="module")
def results():
    summary = LoadSummary()
    items = list(iter_articles([SEEDS, DATA], summary=summary))
    return items, summary


def test_at_least_ten_kinds_of_bad_file():
    files = {p.name for p in DATA.iterdir()}
    assert len(files) >= 10
    assert {k.split(":")[0] for k in EXPECTED_REASONS} == files


def test_each_bad_input_names_its_file_and_reason(results):
    items, _ = results
    errors = {Path(e.path).name: e for e in items if isinstance(e, LoadError)}
    assert set(errors) == set(EXPECTED_REASONS)
    for name, reason in EXPECTED_REASONS.items():
        error = errors[name]
        assert reason in error.reason, (name, error.reason)
        assert str(error) == f"{error.path}: {error.reason}"
        assert name.split(":")[0] in str(error)


def test_good_inputs_still_load(results):
    items, _ = results
    articles = [a for a in items if not isinstance(a, LoadError)]
    names = sorted(Path(a.path).name for a in articles)
    assert names == sorted([p.name for p in SEEDS.glob("*.txt")]
                           + ["corpus_with_bad_lines.jsonl:1", "corpus_with_bad_lines.jsonl:6"])


def test_summary_counts_read_and_skipped(results):
    items, summary = results
    assert summary.read == 7
    assert len(summary.skipped) == len(EXPECTED_REASONS) == 17
    assert summary.read + len(summary.skipped) == len(items)
    report = str(summary)
    assert report.startswith("read 7 article(s), skipped 17")
    assert "empty.txt: empty file" in report


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED_REASONS if ":" not in n and
                                        n != "cover.jpg"))
def test_load_file_raises_load_error(name):
    with pytest.raises(LoadError) as info:
        load_file(DATA / name)
    assert info.value.path == str(DATA / name)
    assert EXPECTED_REASONS[name] in info.value.reason


def test_file_over_the_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("工业互联网。\n" * 1000, encoding="utf-8")
    with pytest.raises(LoadError, match="byte limit"):
        load_file(big, limits=Limits(max_file_bytes=1000))


def test_missing_inputs_are_reported_not_raised(tmp_path):
    inputs = [tmp_path / "nope.txt", str(tmp_path / "*.md"), SEEDS / "000_14939d2c03372406.txt"]
    items = list(iter_articles(inputs))
    assert [type(i).__name__ for i in items] == ["LoadError", "LoadError", "Article"]
    assert items[0].reason == "no such file or directory"
    assert items[1].reason == "no file matches this pattern"
