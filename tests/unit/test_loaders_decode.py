"""Encodings in, one error type out."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.paths import SEEDS

from loaders import LoadError, load_bytes
from loaders.decode import decode_bytes
from loaders.errors import Rejected

SIMPLIFIED = (SEEDS / "003_6f8853c215457124.txt").read_text(encoding="utf-8")
TRADITIONAL = "青島市工業互聯網專項工作組第二次會議召開,研究部署全市工業互聯網創新發展相關工作。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED.encode("gbk", errors="ignore"), "gb18030"),
        (TRADITIONAL.encode("big5"), "cp950"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_encodings_are_detected(data, encoding):
    text, found = decode_bytes(data)
    assert found == encoding
    assert "工业互联网" in text or "工業互聯網" in text


def test_gbk_and_big5_files_load_to_the_same_simplified_text(tmp_path):
    utf8 = load_bytes(TRADITIONAL.encode("utf-8"), "a.txt")
    big5 = load_bytes(TRADITIONAL.encode("big5"), "b.txt")
    gb = load_bytes(utf8.text.encode("gb18030"), "c.txt")
    assert utf8.text == big5.text == gb.text
    assert utf8.id == big5.id == gb.id
    assert big5.script == "zh-Hant" and gb.script == "zh-Hans"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x00\x00abc", "NUL bytes"),
        (b"%PDF-1.4\n%....", "PDF"),
        ("工业互联网".encode() + b"\xe5\xb7", "truncated UTF-8"),
        ("工业互联网".encode() + b"\xff" + "平台".encode(), "undecodable bytes"),
        ("café crème brûlée".encode("latin-1"), "undecodable bytes"),
    ],
)
def test_bad_bytes_are_rejected_with_a_reason(data, reason):
    with pytest.raises(Rejected, match=reason):
        decode_bytes(data)


def test_mojibake_is_not_accepted_as_gb18030():
    """UTF-8 cut off mid-file is valid GB18030 byte-wise but nonsense; it must not pass."""
    data = "工业互联网平台赋能千行百业，推动数字化转型。".encode()[:-2] + b"\xff"
    with pytest.raises(Rejected):
        decode_bytes(data)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(["", ".txt", ".md", ".html", ".htm"]))
def test_arbitrary_bytes_raise_only_load_error(data, suffix):
    try:
        article = load_bytes(data, "x" + suffix, suffix=suffix)
    except LoadError as exc:
        assert exc.path == "x" + suffix and exc.reason
    else:
        assert article.text and article.title is not None


_PREFIXES = [b"---\n", b"---\ntitle: ", b"\n---\ndate: ", b"<p>", b"<html><body>", b"\xef\xbb\xbf",
             b"---\ntitle: t\n---\n", b"<script>", b"[a](b)\n<http://x>\n"]


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_PREFIXES),
       st.text(alphabet=st.characters(codec="utf-8"), max_size=200).map(str.encode),
       st.sampled_from(["", ".md", ".html"]))
def test_structured_junk_raises_only_load_error(prefix, body, suffix):
    try:
        load_bytes(prefix + body, "y" + suffix, suffix=suffix)
    except LoadError as exc:
        assert exc.reason
