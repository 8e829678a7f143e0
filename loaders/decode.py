"""Bytes → str: UTF-8 (with or without BOM), UTF-16 (with BOM, or without when one byte order
reads as plain text), GB18030/GBK and Big5.

Strict UTF-8 is tried first and wins whenever it succeeds: a valid UTF-8 Chinese text is almost
never valid in another encoding by accident, the reverse is common. Only when UTF-8 fails are
GB18030 (a superset of GBK and GB2312) and Big5 (as cp950) tried, strictly, and the one whose
characters look like real Chinese is kept. charset-normalizer is not needed for this closed set.
Binary files and text that decodes only to nonsense are rejected with the reason.
"""

from __future__ import annotations

import codecs

from loaders import hanzi
from loaders.errors import Rejected

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (docx/xlsx/epub?)",
    b"PK\x05\x06": "an empty ZIP archive",
    b"\x1f\x8b": "a gzip archive",
    b"\xfd7zXZ\x00": "an xz archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!\x1a\x07": "a RAR archive",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
    b"SQLite format 3\x00": "an SQLite database",
    b"\xca\xfe\xba\xbe": "a Java class file",
}
_SNIFF = 65_536
SNIFF_BYTES = 8_192  # enough of a file's head to tell text from binary
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r\f\v\x1b")
_LEGACY = ("gb18030", "cp950")
_MIN_COMMON_SHARE = 0.6  # of CJK characters, for a legacy decoding to be believed
_MIN_PLAIN_SHARE = 0.9  # of all characters, for UTF-16 without a byte-order mark


def _binary_reason(head: bytes) -> str | None:
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return f"binary file ({what})"
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(head) // 100):
        return f"binary file ({controls} control bytes in the first {len(head):,})"
    return None


def sniff_binary(head: bytes) -> str | None:
    """Why the first bytes of a file show it is binary (an image, an archive, an office
    document, NUL or control bytes), or None when they may be text. A byte-order mark means
    text: UTF-16 holds NUL bytes, and so does UTF-16 without one, which is recognised too."""
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head and _utf16(head[: len(head) // 2 * 2]) is not None:
        return None
    return _binary_reason(head)


def _plain_share(text: str) -> float:
    """Share of the characters of a sample that text is made of: common CJK characters, ASCII
    and the CJK and general punctuation blocks (a wrong decoding gives rare or unassigned ones)."""
    sample = text[: _SNIFF // 2]
    if not sample:
        return 0.0
    plain = sum(
        1
        for c in sample
        if " " <= c <= "~" or c in "\t\n\r" or hanzi.is_common(c)
        or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or "\u2000" <= c <= "\u206f"
    )
    return plain / len(sample)


def _utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark (little- or big-endian), when one of them decodes
    strictly to text made almost only of plain characters (see `_plain_share`)."""
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _plain_share(text)
        if share >= _MIN_PLAIN_SHARE and (best is None or share > best[0]):
            best = (share, text, encoding)
    return (best[1], best[2]) if best else None


def _common_share(text: str) -> tuple[float, int]:
    """Share of CJK characters that are frequent ones, and the CJK count (on a sample)."""
    cjk = [c for c in text[:_SNIFF] if hanzi.is_cjk(c)]
    if not cjk:
        return 0.0, 0
    return sum(1 for c in cjk if hanzi.is_common(c)) / len(cjk), len(cjk)


def _legacy(data: bytes) -> tuple[str, str] | None:
    """The best strict GB18030 / Big5 decoding that looks like Chinese, if any."""
    best: tuple[float, str, str] | None = None
    for encoding in _LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share, cjk = _common_share(text)
        if cjk and share >= _MIN_COMMON_SHARE and (best is None or share > best[0]):
            best = (share, text, encoding)
    return (best[1], best[2]) if best else None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises Rejected with the reason when the bytes are not text."""
    if not data:
        raise Rejected("empty file")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise Rejected(f"UTF-8 BOM but invalid UTF-8 at byte {exc.start + 3}") from None
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise Rejected(
                    f"UTF-16 BOM but invalid {encoding} at byte {exc.start + 2}"
                ) from None
    if b"\x00" in data[:_SNIFF]:  # ASCII (digits, spaces, newlines) in UTF-16 holds NULs
        found = _utf16(data)
        if found:
            return found
    reason = _binary_reason(data[:_SNIFF])
    if reason:
        raise Rejected(reason)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if utf8_error.reason == "unexpected end of data" and utf8_error.end == len(data):
        raise Rejected(
            f"truncated UTF-8: the file ends inside a character (byte {utf8_error.start}"
            f" of {len(data)}); was it cut off?"
        )
    found = _legacy(data) or _utf16(data)
    if found:
        return found
    bad = data[utf8_error.start]
    raise Rejected(
        f"undecodable bytes: not UTF-8 (byte 0x{bad:02x} at offset {utf8_error.start})"
        ", and not GB18030, Big5 or UTF-16 Chinese text"
    )
