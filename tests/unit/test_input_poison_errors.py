"""Reliability of the input side without a server: poison never stops a load, every bad input
is named with its reason, and every expected failure of the CLI is one line and exit status 1.

The same poison folder lands on a real Neo4j in tests/neo4j/test_reliability_input.py.
"""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j.exceptions import Neo4jError
from support import poison

from graph.cli import main
from graph.ingest import ingest
from graph.neo4j import Settings, failures
from graph.neo4j.local.ports import port_mismatch
from graph.neo4j.local.server import LocalServer
from loaders import LoadError, iter_articles, load_bytes
from loaders.decode import decode_bytes, sniff_binary
from loaders.html_depth import MAX_DEPTH, bound_nesting
from loaders.metadata import MAX_ID_BYTES, bounded
from loaders.paths import path_text


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> poison.Poisoned:
    return poison.build(tmp_path_factory.mktemp("poison") / "in")


@pytest.fixture(scope="module")
def loaded(poisoned: poison.Poisoned) -> list:
    return list(iter_articles([poisoned.root]))


def test_the_poison_folder_holds_thirty_kinds_and_more(poisoned: poison.Poisoned) -> None:
    assert len(poisoned.bad) >= 30 and len(set(poisoned.bad.values())) >= 30


def test_every_bad_input_is_named_with_its_reason(poisoned: poison.Poisoned, loaded: list) -> None:
    errors = {e.path: e.reason for e in loaded if isinstance(e, LoadError)}
    expected = {p: r for p, r in poisoned.bad.items() if not p.endswith("bug.txt")}
    assert set(errors) == set(expected)
    for path, fragment in expected.items():
        assert fragment in errors[path], (path, errors[path])


def test_every_good_article_loads(poisoned: poison.Poisoned, loaded: list) -> None:
    articles = {a.path: a for a in loaded if not isinstance(a, LoadError)}
    assert set(articles) == {*poisoned.good, poisoned.path("bug.txt")}
    for article in articles.values():
        article.text.encode("utf-8")  # no lone surrogate left anywhere
        article.title.encode("utf-8")
        assert len(article.id.encode()) <= MAX_ID_BYTES
        assert len(article.title.encode()) <= 1024


def test_a_dry_run_of_the_poison_folder_names_the_extraction_failure_too(
    poisoned: poison.Poisoned,
) -> None:
    from graph.ingest import default_extract

    def extract(article):  # an extraction bug, on one article only
        if "触发提取故障" in article.text:
            raise RuntimeError("a rule failed")
        return default_extract(article)

    summary = ingest([str(poisoned.root)], dry_run=True, extract=extract)
    skipped = dict(summary.skipped)
    assert set(skipped) == set(poisoned.bad)
    assert "extraction failed: RuntimeError: a rule failed" in skipped[poisoned.path("bug.txt")]
    assert summary.ingested == len(poisoned.good)


def test_a_lone_surrogate_in_json_lines_is_dropped_and_counted(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"title": "海尔\\ud800", "text": "星云科技在洛阳市\\udfff签约。"}\n')
    [article] = list(iter_articles(corpus))
    assert article.title == "海尔" and article.text == "星云科技在洛阳市签约。"
    assert article.quality["lone_surrogates"] == 1


def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_escapes(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/" + "新闻".encode("gbk") + b".txt"
    Path(os.fsdecode(name)).write_text("星云科技在洛阳市签约。", encoding="utf-8")
    [article] = list(iter_articles(tmp_path))
    assert article.path == f"{tmp_path}/\\xd0\\xc2\\xce\\xc5.txt"
    assert path_text(os.fsdecode(name)) == article.path


def test_a_fifo_given_by_name_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    found: list = []
    reader = threading.Thread(target=lambda: found.extend(iter_articles(fifo)), daemon=True)
    reader.start()
    reader.join(20)
    assert not reader.is_alive(), "opening the FIFO blocked"
    assert [(e.path, "named pipe" in e.reason) for e in found] == [(str(fifo), True)]


def test_a_socket_and_a_link_loop_given_by_name(tmp_path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "s"))
    sock.close()
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    errors = list(iter_articles([tmp_path / "s", tmp_path / "a", tmp_path / "none"]))
    assert [e.reason.split(",")[0].split(" (")[0] for e in errors] == [
        "a socket", "a symbolic link loop", "no such file or directory"]


def test_long_values_are_bounded_with_a_hash() -> None:
    one, two = "编号" * 3000 + "甲", "编号" * 3000 + "乙"
    assert bounded("短", MAX_ID_BYTES) == "短"
    a, b = bounded(one, MAX_ID_BYTES), bounded(two, MAX_ID_BYTES)
    assert a != b and a == bounded(one, MAX_ID_BYTES)
    assert len(a.encode()) <= MAX_ID_BYTES and a.startswith("编号编号")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_decodes(encoding: str) -> None:
    text = "星云科技在洛阳市签约。\n2024年投资100亿元。"
    data = text.encode(encoding)
    assert decode_bytes(data) == (text, encoding)
    assert sniff_binary(data) is None
    cjk_only = "星云科技与洛阳市政府签约共建平台".encode(encoding)  # no NUL byte at all
    assert decode_bytes(cjk_only)[1] == encoding


def test_binary_with_nul_bytes_is_still_binary() -> None:
    assert sniff_binary(b"\x00\x01\x02\x03" * 100) is not None


def test_html_nesting_is_bounded_keeping_the_text() -> None:
    page = "<div>" * 1000 + "星云科技<b>签约</b>" + "</div>" * 1000 + "<p>洛阳市</p>"
    flat, changed = bound_nesting(page)
    assert changed == 2 * (1000 - MAX_DEPTH) + 2  # the <b> past the bound goes too
    assert flat.count("<div>") == MAX_DEPTH
    article = load_bytes(f"<html><body>{page}</body></html>".encode(), "p.html", suffix=".html")
    assert article.text == "星云科技签约\n洛阳市"


def test_html_nesting_is_left_alone_below_the_bound() -> None:
    page = "<div><!-- <div><div> --><script>'<div>'</script>" + "<p>段落</p>" * 500 + "</div>"
    assert bound_nesting(page) == (page, 0)
    deep_comment = "<div>" * 10 + "<!--" + "<div>" * 1000 + "-->" + "</div>" * 10
    assert bound_nesting(deep_comment) == (deep_comment, 0)


def test_duplicates_are_counted_once(tmp_path: Path) -> None:
    text = poison.sentence(1)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    summary = ingest([str(tmp_path)], dry_run=True)
    assert summary.read == 2 and summary.ingested == 1
    assert summary.duplicates == [(str(tmp_path / "b.txt"), str(tmp_path / "a.txt"))]
    assert f"duplicate {tmp_path / 'b.txt'}: same article" in "\n".join(summary.lines())


# -- the CLI: one line, exit status 1 ----------------------------------------------------------


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()  # skipped inputs may be listed before it
    errors = [line for line in lines if line.startswith("Error: ")]
    assert len(errors) == 1 and lines[-1] == errors[0], result.stderr
    return errors[0]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "top-entities", "-p", "limit=99999999999999999999"],
         "parameter 'limit' (int): cannot use '99999999999999999999': out of range"),
        (["query", "RETURN 1", "-p", "x=99999999999999999999"],
         "parameter 'x': 99999999999999999999 is out of range"),
        (["query", "RETURN 1", "-p", "x=[1, {\"y\": -99999999999999999999}]"],
         "parameter 'x': -99999999999999999999 is out of range"),
        (["report", "agreements", "-p", "since=2022-13-01"],
         "parameter 'since' (date): cannot use '2022-13-01': no such date"),
        (["report", "agreements", "-p", "until=2022-02-30"],
         "parameter 'until' (date): cannot use '2022-02-30': no such date"),
        (["export", "--around", "卡奥斯", "--since", "2023-02-29"],
         "parameter 'since' (date): cannot use '2023-02-29': no such date"),
        (["export", "--around", "\udcff"], "'--around': '\\xff' is not UTF-8 text (byte 0xff)"),
        (["report", "agreements", "-p", "city=\udce6\udcb7"],
         "'-p' / '--param': 'city=\\xe6\\xb7' is not UTF-8 text"),
        (["query", "RETURN '\udcc0'"], "'CYPHER': 'RETURN '\\xc0'' is not UTF-8 text"),
        (["ingest", "/nonexistent", "--dry-run", "--no-progress"],
         "nothing was ingested: all 1 input(s) were skipped"),
        (["extract", "/nonexistent", "--no-progress"], "no article could be extracted"),
    ],
)
def test_expected_failures_are_one_line_and_exit_1(args: list[str], message: str) -> None:
    assert message in one_line_error(run(*args))


def test_ingest_of_a_folder_with_nothing_but_poison_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    os.mkfifo(tmp_path / "pipe.txt")
    result = run("ingest", str(tmp_path), "--dry-run", "--no-progress")
    assert "nothing was ingested: all 2 input(s)" in one_line_error(result)
    assert "skipped" in result.stdout and "named pipe" in result.stdout


def test_ingest_of_an_empty_folder_exits_1(tmp_path: Path) -> None:
    assert "no article found in" in one_line_error(run("ingest", str(tmp_path), "--dry-run"))


def test_a_path_argument_that_is_not_utf8_is_still_a_path(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/\xff.txt"
    Path(os.fsdecode(name)).write_text(poison.sentence(2), encoding="utf-8")
    result = run("ingest", os.fsdecode(name), "--dry-run", "--no-progress")
    assert result.exit_code == 0 and "articles read: 1, skipped: 0" in result.stdout


# -- Neo4j's refusals, as the driver builds them from a server's FAILURE message --------------


def driver_error(code: str, message: str = "refused") -> Neo4jError:
    return Neo4jError._hydrate_neo4j(code=code, message=message)


SETTINGS = Settings(uri="bolt://db.example:7687", user="ana", password="pw", database="news")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("Neo.ClientError.Database.DatabaseNotFound",
         "database 'news' does not exist on Neo4j at bolt://db.example:7687"),
        ("Neo.ClientError.Security.CredentialsExpired",
         "the password of user ana on Neo4j at bolt://db.example:7687 has expired"),
        ("Neo.ClientError.Security.AuthenticationRateLimit",
         "refuses logins for now: too many failed attempts for user ana (its login rate limit)"),
        ("Neo.ClientError.Security.Unauthorized", "rejected the credentials for user ana"),
    ],
)
def test_driver_errors_are_explained(code: str, message: str) -> None:
    error = failures.explain(driver_error(code), SETTINGS)
    assert error is not None and message in str(error) and "pw" not in str(error)
    assert failures.is_login_problem(driver_error(code)) == ("Security" in code)


def test_other_errors_are_not_driver_errors() -> None:
    assert failures.explain(ValueError("x")) is None


def test_a_changed_port_while_the_server_runs_gives_a_hint(tmp_path: Path) -> None:
    server = LocalServer(home=tmp_path, bolt_port=7799, http_port=7711)
    (tmp_path / "conf").mkdir()
    server.conf_file.write_text(
        "server.bolt.listen_address=127.0.0.1:7710\nserver.http.listen_address=127.0.0.1:7711\n"
    )
    hint = port_mismatch(server)
    assert hint is not None
    assert "already running on ports bolt 7710, http 7711, not on bolt 7799" in hint
    assert "set IIKG_NEO4J_BOLT_PORT=7710 IIKG_NEO4J_HTTP_PORT=7711" in hint
    assert port_mismatch(LocalServer(home=tmp_path, bolt_port=7710, http_port=7711)) is None
