"""Resolution decisions: reading the CSV (errors name file, line and reason), applying them to
an extraction, and the duplicate candidates. Names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.candidates import Node, find_candidates
from graph.cli import main
from graph.errors import ResolutionError
from graph.model import Article, Entity, Extraction, Relation
from loaders.extract.decisions import default_path, load_decisions, write_decisions
from loaders.extract.gazetteer_entries import GazEntry

HEADER = "action,name,label,target,target_label,note\n"


def _file(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "decisions.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(("body", "line", "reason"), [
    ("merge,星云,Company,,,\n", 2, "merge needs a target"),
    ("fuse,星云,Company,星云科技,,\n", 2, "unknown action 'fuse'"),
    ("\nmerge,星云,Firm,星云科技,,\n", 3, "label 'Firm' is not a label"),
    ("relabel,星云,Company,,,\n", 2, "relabel needs a target_label"),
    ("rename,星云,Company,星云科技,Platform,\n", 2, "rename keeps the label"),
    ("ignore,星云,Company,星云科技,,\n", 2, "ignore takes no target"),
    ("merge,星云,Company,星云,,\n", 2, "into itself"),
    ("merge,星云,Company,星云科技,,\nignore,星云,Company,,,\n", 3,
     "already has a decision on line 2"),
    ("keep-apart,星云,,星云科技,,\nmerge,星云,Company,星云科技,,\n", 3, "kept apart on line 2"),
    ("merge,甲,Company,乙,,\nmerge,乙,Company,甲,,\n", 2, "cycle"),
    (",星云,Company,,,\n", 2, "unknown action ''"),
    ("merge,星云,Company,星云科技,,,extra\n", 2, "more fields than the header"),
])
def test_a_bad_row_names_the_file_the_line_and_the_reason(
        tmp_path: Path, body: str, line: int, reason: str) -> None:
    path = _file(tmp_path, body)
    with pytest.raises(ResolutionError) as info:
        load_decisions(path)
    message = str(info.value)
    assert message.startswith(f"{path}: line") and reason in message
    if "cycle" not in reason:
        assert message.startswith(f"{path}: line {line}: ")


def test_a_bad_header_or_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ResolutionError, match="unknown column"):
        load_decisions(_file(tmp_path, "", header="action,name,tagret\n"))
    with pytest.raises(ResolutionError, match="cannot read"):
        load_decisions(tmp_path / "none.csv")


def test_the_cli_reports_a_bad_file_in_one_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "merge,星云,Company,,,\n")
    result = CliRunner().invoke(main, ["extract", "--resolutions", str(path), str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"Error: {path}: line 2: merge needs a target")


def test_the_default_file_is_found_in_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IIKG_RESOLUTIONS", raising=False)
    assert default_path(tmp_path) is None
    (tmp_path / "resolutions.csv").write_text(HEADER, encoding="utf-8")
    assert default_path(tmp_path) == tmp_path / "resolutions.csv"
    monkeypatch.setenv("IIKG_RESOLUTIONS", "")
    assert default_path(tmp_path) is None
    monkeypatch.setenv("IIKG_RESOLUTIONS", "/elsewhere/d.csv")
    assert default_path(tmp_path) == Path("/elsewhere/d.csv")


def _extraction() -> Extraction:
    article = Article(id="a1", title="星云科技签约", text="星云科技与洛阳市签约。")
    entities = (
        Entity("Company", "星云", ("星云公司",), 2),
        Entity("Company", "星云科技", ("星云科技有限公司",), 3),
        Entity("Company", "天河电子", (), 1),
        Entity("City", "洛阳市", ("洛阳",), 2, {"level": "city"}),
        Entity("Platform", "星云云", ("星云",), 1),
        Entity("Company", "广告词", (), 1),
    )

    def rel(rtype: str, head: tuple[str, str], tail: tuple[str, str]) -> Relation:
        return Relation(rtype, head[1], head[0], tail[1], tail[0], "星云科技与洛阳市签约。",
                        0, 11, "rule:test", 0.9)

    relations = (
        rel("SIGNED_WITH", ("Company", "星云"), ("City", "洛阳市")),
        rel("SIGNED_WITH", ("Company", "星云"), ("Company", "星云科技")),
        rel("LOCATED_IN", ("Company", "天河电子"), ("City", "洛阳市")),
        rel("PARTNERS_WITH", ("Company", "广告词"), ("Company", "星云科技")),
    )
    return Extraction(article, entities, relations)


def test_decisions_apply_to_an_extraction(tmp_path: Path) -> None:
    decisions = load_decisions(_file(tmp_path, (
        "merge,星云,Company,星云科技,,same firm\n"
        "relabel,天河电子,Company,,Organization,\n"
        "ignore,广告词,,,,\n"
        "rename,洛阳市,City,洛阳市区,,\n"
        "keep-apart,星云,,星云云,,a platform of another firm\n"
        "# comment,,,,,\n")))
    out = decisions.apply(_extraction())
    by_key = {(e.label, e.name): e for e in out.entities}
    assert set(by_key) == {("Company", "星云科技"), ("Organization", "天河电子"),
                           ("City", "洛阳市区"), ("Platform", "星云云")}
    firm = by_key[("Company", "星云科技")]
    assert firm.mentions == 5
    assert set(firm.aliases) == {"星云", "星云公司", "星云科技有限公司"}
    assert by_key[("City", "洛阳市区")].properties == {"level": "city"}
    assert "洛阳市" in by_key[("City", "洛阳市区")].aliases
    assert by_key[("Platform", "星云云")].aliases == ()  # kept apart from 星云
    rels = {(r.type, r.head, r.tail) for r in out.relations}
    # the firm's signing with itself is dropped; a LOCATED_IN from an Organization still fits
    assert rels == {("SIGNED_WITH", "星云科技", "洛阳市区"), ("LOCATED_IN", "天河电子", "洛阳市区")}


def test_a_relabel_drops_relationships_the_schema_does_not_allow(tmp_path: Path) -> None:
    decisions = load_decisions(_file(tmp_path, "relabel,天河电子,,,Person,\n"))
    out = decisions.apply(_extraction())
    assert ("Person", "天河电子") in {(e.label, e.name) for e in out.entities}
    assert not [r for r in out.relations if "天河电子" in (r.head, r.tail)]


def test_chained_decisions_end_at_the_last_target(tmp_path: Path) -> None:
    decisions = load_decisions(_file(tmp_path, (
        "merge,星云,Company,星云科技,,\nrename,星云科技,Company,星云科技集团,,\n")))
    assert decisions.resolve("Company", "星云") == ("Company", "星云科技集团")
    assert decisions.resolve("Platform", "星云") == ("Platform", "星云")
    names = {e.name for e in decisions.apply(_extraction()).entities if e.label == "Company"}
    assert names == {"星云科技集团", "天河电子", "广告词"}


def _node(label: str, name: str, aliases: tuple[str, ...] = (), mentions: int = 1,
          neighbours: tuple[str, ...] = ()) -> Node:
    return Node(label, name, frozenset(aliases), mentions, frozenset(neighbours))


def test_candidates_give_each_reason_and_rank_them(tmp_path: Path) -> None:
    nodes = [
        _node("City", "洛阳市", ("洛阳",)), _node("City", "开封市", ("开封",)),
        _node("Company", "星云科技", ("星云",), 5, ("City:洛阳市",)),
        _node("Company", "星云", (), 1, ("City:洛阳市",)),
        _node("Platform", "星云科技"),
        _node("Company", "天河电子集团", ("天河",), 2),
        _node("Company", "天河集团", ("天河",), 1),
        _node("Company", "长风重工机械", (), 4),
        _node("Company", "长风重工机器", (), 1),
        _node("Agency", "洛阳市工业和信息化局"), _node("Agency", "开封市工业和信息化局"),
        _node("Agency", "洛阳市委", ("市委",)), _node("Agency", "开封市委", ("市委",)),
        _node("Organization", "北辰研究院", (), 3), _node("Organization", "北辰院", (), 1),
    ]
    gazetteer = [GazEntry("Organization", "北辰研究院", ("北辰院",))]
    found = find_candidates(nodes, gazetteer=gazetteer)
    pairs = {(c.source.name, c.source.label, c.target.name, c.target.label): c for c in found}
    assert pairs[("星云", "Company", "星云科技", "Company")].reason.endswith(
        "is an alias of '星云科技'")
    assert pairs[("星云", "Company", "星云科技", "Company")].score == 0.95
    assert "same name" in pairs[("星云科技", "Platform", "星云科技", "Company")].reason
    assert pairs[("天河集团", "Company", "天河电子集团", "Company")].reason == "shared alias '天河'"
    assert "edit distance" in pairs[("长风重工机器", "Company", "长风重工机械", "Company")].reason
    assert "gazetteer" in pairs[("北辰院", "Organization", "北辰研究院", "Organization")].reason
    # names that open with different places are different bodies
    assert not any("工业和信息化局" in c.source.name or "市委" in c.source.name for c in found)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    kept = load_decisions(_file(tmp_path, "keep-apart,天河集团,,天河电子集团,,\n"))
    assert ("天河集团", "Company", "天河电子集团", "Company") not in {
        (c.source.name, c.source.label, c.target.name, c.target.label)
        for c in find_candidates(nodes, kept, gazetteer=gazetteer)}
    assert all(c.score >= 0.9 for c in find_candidates(nodes, min_score=0.9, gazetteer=[]))


def test_candidates_are_a_decisions_file_ready_to_edit(tmp_path: Path) -> None:
    nodes = [_node("Company", "星云科技", ("星云",), 5), _node("Company", "星云")]
    path = tmp_path / "candidates.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        write_decisions((c.row() for c in find_candidates(nodes, gazetteer=[])), handle)
    decisions = load_decisions(path)
    assert decisions.resolve("Company", "星云") == ("Company", "星云科技")
