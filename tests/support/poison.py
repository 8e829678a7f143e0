"""A folder of good articles among many kinds of poison, built in a temporary directory.

`build(root)` writes it and returns what a load of `root` must give: the paths (as iikg
reports and stores them) of the articles that must land, and for every bad input its path and
a fragment of the reason it must be skipped with. The sentences are invented (星云科技,
洛阳市 …). The poison: the bad files of tests/data/bad (empty, binary, undecodable, broken
front matter …) and, made here, special files (FIFO, socket, device), symbolic link loops and
dangling links, a folder link back to its parent, oversized, deeply nested and empty JSON inputs,
server-page code, a gold file; and inputs that used to stop a run but must now land: a lone
surrogate in a JSON Lines field, a file name that is not UTF-8, a title and an id over the
index limit, HTML nested 100,000 deep, UTF-16 without a byte-order mark.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
from dataclasses import dataclass, field
from pathlib import Path

from support.paths import DATA

FIRMS = ["星云科技", "银河智造", "北辰数控", "东岳精工", "南湖云网", "青松机电", "紫金材料",
         "白鹭软件", "长风重工", "明湖电子", "秋实农机", "晨光化工"]
CITIES = ["洛阳市", "开封市", "许昌市", "南阳市", "信阳市", "商丘市", "周口市", "鹤壁市",
          "焦作市", "濮阳市", "漯河市", "三门峡市"]


def sentence(i: int) -> str:
    """An invented article body, different for every i."""
    firm, city = FIRMS[i % len(FIRMS)], CITIES[(i * 5) % len(CITIES)]
    return (f"{firm}与{city}人民政府签署战略合作协议，双方将共建工业互联网平台。"
            f"第{i + 1}期项目计划投资{(i + 3) * 7}亿元，{firm}负责平台建设与运营。")


@dataclass
class Poisoned:
    root: Path
    good: list[str] = field(default_factory=list)  # Article paths that must be written
    bad: dict[str, str] = field(default_factory=dict)  # path → fragment of the skip reason
    good_ids: dict[str, str] = field(default_factory=dict)  # path → declared (long) id

    def path(self, name: str) -> str:
        return str(self.root / name)


def build(root: Path, extract_bug: str = "触发提取故障") -> Poisoned:
    root.mkdir(parents=True, exist_ok=True)
    out = Poisoned(root)
    n = 0

    def body() -> str:
        nonlocal n
        n += 1
        return sentence(n)

    # -- good articles, several formats ------------------------------------------------------
    for i in range(4):
        (root / f"good_{i}.txt").write_text(body(), encoding="utf-8")
        out.good.append(out.path(f"good_{i}.txt"))
    (root / "good_front.md").write_text(f"---\ntitle: 合作\ndate: 2023-05-06\n---\n{body()}\n",
                                        encoding="utf-8")
    out.good.append(out.path("good_front.md"))
    (root / "good_page.html").write_text(
        f"<html><head><title>平台</title></head><body><p>{body()}</p></body></html>",
        encoding="utf-8")
    out.good.append(out.path("good_page.html"))
    (root / "good.json").write_text(json.dumps({"title": "签约", "text": body()},
                                               ensure_ascii=False), encoding="utf-8")
    out.good.append(out.path("good.json"))
    sub = root / "sub"
    sub.mkdir()
    (sub / "nested.txt").write_text(body(), encoding="utf-8")
    out.good.append(out.path("sub/nested.txt"))

    # -- inputs that used to stop the run and must now land -----------------------------------
    # a lone surrogate (a JSON escape with no pair) in a field, and a long declared id
    long_id = "编号" * 3000
    lines = [
        '{"title": "海尔\\ud800", "text": "' + body() + '\\udc00"}',
        json.dumps({"id": long_id, "title": "长编号", "text": body()}, ensure_ascii=False),
    ]
    (root / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out.good += [out.path("records.jsonl:1"), out.path("records.jsonl:2")]
    out.good_ids[out.path("records.jsonl:2")] = long_id
    # a file name in GBK (from a zip made on Windows): not UTF-8
    gbk_name = os.fsencode(root) + b"/" + "新闻稿".encode("gbk") + b".txt"
    Path(os.fsdecode(gbk_name)).write_text(body(), encoding="utf-8")
    out.good.append(os.fsencode(os.fsdecode(gbk_name)).decode("utf-8", "backslashreplace"))
    # a front-matter title of 9,000 characters (27 KB, over Neo4j's index limit)
    (root / "long_title.md").write_text(f"---\ntitle: {'长' * 9000}\n---\n{body()}\n",
                                        encoding="utf-8")
    out.good.append(out.path("long_title.md"))
    # HTML nested 100,000 levels deep (1.1 MB)
    deep = "<div>" * 100_000 + body() + "</div>" * 100_000
    (root / "deep.html").write_text(f"<html><body>{deep}</body></html>", encoding="utf-8")
    out.good.append(out.path("deep.html"))
    # UTF-16 without a byte-order mark, both byte orders
    (root / "utf16le.txt").write_bytes(body().encode("utf-16-le"))
    (root / "utf16be.txt").write_bytes(body().encode("utf-16-be"))
    out.good += [out.path("utf16le.txt"), out.path("utf16be.txt")]
    # a folder reached through a symbolic link (followed)
    elsewhere = root.parent / f"{root.name}-linked"
    elsewhere.mkdir()
    (elsewhere / "linked.txt").write_text(body(), encoding="utf-8")
    (root / "linked_folder").symlink_to(elsewhere, target_is_directory=True)
    out.good.append(out.path("linked_folder/linked.txt"))

    # -- poison: the bad files of tests/data/bad ----------------------------------------------
    for path in sorted((DATA / "bad").iterdir()):
        shutil.copy(path, root / path.name)
    fixed = {
        "empty.txt": "empty file",
        "whitespace_only.txt": "only whitespace",
        "binary_nul.txt": "binary file (contains NUL bytes)",
        "image_as_text.md": "binary file (a PNG image)",
        "undecodable_bytes.txt": "undecodable bytes",
        "truncated_utf8.txt": "truncated UTF-8",
        "broken_yaml.md": "invalid YAML front matter",
        "front_matter_no_body.md": "front matter but no body",
        "front_matter_unclosed.md": "never closed",
        "front_matter_not_mapping.md": "not a mapping",
        "absurdly_long_line.txt": "a line of 52,800 characters",
        "script_style_only.html": "no visible text in the HTML",
        "credits_only.txt": "nothing but credit",
        "cover.jpg": "not an article file",
        "corpus_with_bad_lines.jsonl:2": "invalid JSON",
        "corpus_with_bad_lines.jsonl:3": "not an object",
        "corpus_with_bad_lines.jsonl:4": "no non-empty 'text'",
    }
    out.good += [out.path("corpus_with_bad_lines.jsonl:1"),
                 out.path("corpus_with_bad_lines.jsonl:6")]
    out.bad.update({out.path(k): v for k, v in fixed.items()})

    # -- poison made here ---------------------------------------------------------------------
    def bad(name: str, reason: str) -> None:
        out.bad[out.path(name)] = reason

    os.mkfifo(root / "pipe.txt")
    bad("pipe.txt", "a named pipe (FIFO)")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / "s.txt"))
    server.close()
    bad("s.txt", "a socket")
    (root / "null.txt").symlink_to(os.devnull)  # a character device, reached by a link
    bad("null.txt", "a character device")
    (root / "loop_a.txt").symlink_to(root / "loop_b.txt")
    (root / "loop_b.txt").symlink_to(root / "loop_a.txt")
    bad("loop_a.txt", "symbolic link loop")
    bad("loop_b.txt", "symbolic link loop")
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    bad("dangling.txt", "broken symbolic link")
    (sub / "up").symlink_to(root, target_is_directory=True)
    bad("sub/up", "symbolic link to a folder read already")
    with open(root / "huge.txt", "wb") as stream:  # sparse: no disk used
        stream.truncate(17 * 2**20)
    bad("huge.txt", "over the 16,777,216 byte limit")
    (root / "not_json.json").write_text("{这不是 JSON", encoding="utf-8")
    bad("not_json.json", "invalid JSON")
    (root / "empty_list.json").write_text("[]", encoding="utf-8")
    bad("empty_list.json", "an empty JSON list")
    (root / "gold.json").write_text('{"entities": [], "relations": []}', encoding="utf-8")
    bad("gold.json", "a gold or extraction file")
    (root / "scalar.json").write_text("42", encoding="utf-8")
    bad("scalar.json", "a JSON number")
    (root / "empty.jsonl").write_bytes(b"")
    bad("empty.jsonl", "the JSON Lines file is empty")
    deep_json = "[" * 100_000 + "]" * 100_000
    (root / "nested.jsonl").write_text(deep_json + "\n", encoding="utf-8")
    bad("nested.jsonl:1", "nested too deeply")
    (root / "latin1.jsonl").write_bytes('{"text": "caf\xe9"}\n'.encode("latin-1"))
    bad("latin1.jsonl:1", "not valid UTF-8")
    (root / "number_text.jsonl").write_text('{"text": 12345}\n', encoding="utf-8")
    bad("number_text.jsonl:1", "no non-empty 'text'")
    (root / "code_only.jsp").write_text('<%@ page language="java" %>\n<% out.print(1); %>\n',
                                        encoding="utf-8")
    bad("code_only.jsp", "only server-side code")
    (root / "bad_date.md").write_text(f"---\ndate: 2022-13-45\n---\n{body()}\n",
                                      encoding="utf-8")
    bad("bad_date.md", "invalid value in YAML front matter")
    (root / "markup_only.html").write_text("<html><body><div><span></span></div></body></html>",
                                           encoding="utf-8")
    bad("markup_only.html", "no visible text")
    (root / "archive.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    bad("archive.zip", "not an article file")
    (root / "zeros.md").write_bytes(b"\x00" * 4096)
    bad("zeros.md", "binary file")
    (root / "controls.txt").write_bytes(bytes(range(1, 9)) * 200)
    bad("controls.txt", "binary file")
    (root / "bug.txt").write_text(f"{extract_bug}。{body()}", encoding="utf-8")
    bad("bug.txt", "extraction failed: RuntimeError")
    return out
