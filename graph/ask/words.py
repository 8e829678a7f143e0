"""What `iikg ask` reads in a question besides names: dates (2022年以来, 去年, 最近三个月),
limits (前十, top 5), hop counts (两跳), and the words that name a label (企业 → Company) or a
relationship type (签约 → SIGNED_WITH). Pure functions over text; `today` is a parameter so
relative dates are testable.

Each finder returns what it read and the (start, end) spans it used, so the router can mask
them before it looks for a report's keywords.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

Span = tuple[int, int]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
NUM = r"(?:\d+|[零〇一二两三四五六七八九十百]+)"

# A word naming a label, longest first where one contains another.
LABEL_WORDS: dict[str, str] = {
    "平台": "Platform", "工业互联网平台": "Platform",
    "企业": "Company", "公司": "Company", "厂商": "Company", "厂家": "Company",
    "城市": "City", "地区": "City", "区县": "City", "省份": "City",
    "机构": "Agency", "部门": "Agency", "政府部门": "Agency", "主管部门": "Agency",
    "组织": "Organization", "协会": "Organization", "联盟": "Organization",
    "政策": "Policy", "文件": "Policy", "规划": "Policy",
    "项目": "Project", "工程": "Project",
    "人物": "Person", "哪些人": "Person", "人员": "Person",
}
# Labels as city-profile lists them (it has kinds of its own: District, Agreement).
KIND_WORDS: dict[str, str] = {**LABEL_WORDS, "区县": "District", "签约": "Agreement",
                              "协议": "Agreement"}
RELATION_WORDS: dict[str, str] = {
    "赋能": "EMPOWERS",
    "签约": "SIGNED_WITH", "签署": "SIGNED_WITH", "签订": "SIGNED_WITH", "签了": "SIGNED_WITH",
    "协议": "SIGNED_WITH",
    "发布": "ISSUED_BY", "印发": "ISSUED_BY", "出台": "ISSUED_BY", "发文": "ISSUED_BY",
    "开发": "DEVELOPED_BY", "研发": "DEVELOPED_BY", "打造": "DEVELOPED_BY",
    "合作": "PARTNERS_WITH", "伙伴": "PARTNERS_WITH", "携手": "PARTNERS_WITH",
    "位于": "LOCATED_IN", "落户": "LOCATED_IN", "坐落": "LOCATED_IN", "所在地": "LOCATED_IN",
    "隶属": "PART_OF", "下辖": "PART_OF",
    "子公司": "SUBSIDIARY_OF", "旗下": "SUBSIDIARY_OF", "母公司": "SUBSIDIARY_OF",
    "参与": "PARTICIPATES_IN", "参加": "PARTICIPATES_IN",
    "任职": "WORKS_FOR", "担任": "WORKS_FOR", "职务": "WORKS_FOR", "工作": "WORKS_FOR",
}


def normalize(question: str) -> str:
    """NFKC (full-width digits and letters, ？→?), lower case, no white space."""
    text = unicodedata.normalize("NFKC", question).lower()
    return re.sub(r"\s+", "", text)


def number(text: str) -> int | None:
    """An Arabic or Chinese number (三, 十, 十二, 二十, 一百) as an int."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _DIGITS[ch]
    return total + current


@dataclass
class Found:
    """Parameters read from the text and the spans they came from."""

    values: dict[str, object] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)


def _months_back(today: date, months: int) -> date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(year, month + 1, min(today.day, 28))


_UNITS = {"天": 1, "日": 1, "周": 7, "星期": 7, "个星期": 7, "礼拜": 7, "个月": 0, "月": 0,
          "年": -1}


def _ago(today: date, n: int, unit: str) -> str:
    if unit in ("个月", "月"):
        return _months_back(today, n).isoformat()
    if unit == "年":
        return _months_back(today, 12 * n).isoformat()
    return (today - timedelta(days=n * _UNITS[unit])).isoformat()


_OPEN = "以来|至今|起|之后|以后|开始"
_DATE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:自|从|since)?(?P<d>\d{4}-\d{2}(?:-\d{2})?)(?:以来|至今|之后|以后|起)?"),
     "iso_since"),
    (re.compile(r"(?P<y1>\d{4})年?(?:到|至|-|~|—)(?P<y2>\d{4})年?"), "range"),
    (re.compile(r"(?:自|从)?(?P<y>\d{4})年(?P<m>\d{1,2})月(?:以来|至今|之后|以后|起)"),
     "since_month"),
    (re.compile(r"(?:自|从)?(?P<y>\d{4})年?(?:以来|至今|之后|以后|起|后)|since(?P<y3>\d{4})"),
     "since_year"),
    (re.compile(r"(?P<y>\d{4})年?(?:以前|之前|前)|before(?P<y3>\d{4})"), "before_year"),
    (re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月"), "month"),
    (re.compile(r"(?P<y>\d{4})年|in(?P<y3>\d{4})"), "year"),
    (re.compile(rf"(?:最近|近|过去)(?P<n>{NUM})?(?P<u>个月|个星期|星期|礼拜|天|日|周|月|年)"
                r"(?:以来|内|里|中|来)?"), "recent"),
    (re.compile(r"lastweek|past(?:7|seven)days"), "last_week"),
    *((re.compile(rf"(?:{words})(?P<open>{_OPEN})?"), kind) for words, kind in (
        ("今年", "this_year"), ("去年", "last_year"), ("前年", "year_before"),
        ("本月|这个月|当月", "this_month"), ("上个?月", "last_month"),
        ("本周|这周|这一周|这个星期", "this_week"), ("上周|上个星期|上一周", "last_week"),
        ("今天|今日", "today"), ("昨天|昨日", "yesterday"))),
]


def _date_values(kind: str, m: re.Match[str], today: date) -> dict[str, object] | None:
    g = m.groupdict()
    year = g.get("y") or g.get("y3")
    if kind == "iso_since":
        return {"since": g["d"]}
    if kind == "range":
        return {"since": g["y1"], "until": g["y2"]}
    if kind == "since_month":
        return {"since": f"{year}-{int(g['m']):02d}"}
    if kind == "since_year":
        return {"since": year}
    if kind == "before_year":
        return {"until": str(int(year) - 1)}
    if kind == "month":
        value = f"{year}-{int(g['m']):02d}"
        return {"since": value, "until": value}
    if kind == "year":
        return {"since": year, "until": year}
    if kind == "recent":
        n = number(g["n"]) if g["n"] else 1
        return None if n is None else {"since": _ago(today, n, g["u"])}
    simple = {
        "this_year": {"since": str(today.year)},
        "last_year": {"since": str(today.year - 1), "until": str(today.year - 1)},
        "year_before": {"since": str(today.year - 2), "until": str(today.year - 2)},
        "this_month": {"since": today.strftime("%Y-%m")},
        "last_month": {"since": _months_back(today, 1).strftime("%Y-%m"),
                       "until": _months_back(today, 1).strftime("%Y-%m")},
        "this_week": {"since": (today - timedelta(days=today.weekday())).isoformat()},
        "last_week": {"since": (today - timedelta(days=7)).isoformat()},
        "today": {"since": today.isoformat()},
        "yesterday": {"since": (today - timedelta(days=1)).isoformat()},
    }
    values = dict(simple[kind])
    if g.get("open"):
        values.pop("until", None)  # 去年以来: from then on
    return values


def find_dates(text: str, today: date) -> Found:
    """since/until from the first date expression of each kind; the spans they used."""
    found = Found()
    taken: list[Span] = []
    for pattern, kind in _DATE_RULES:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            values = _date_values(kind, m, today)
            if values is None or any(k in found.values for k in values):
                continue
            found.values.update(values)
            taken.append(m.span())
    found.spans = sorted(taken)
    return found


_LIMIT = re.compile(rf"(?:前|top|头)(?P<n>{NUM})(?:名|个|家|位|条|大|项)?(?!个?[年天月周日星])"
                    rf"|(?P<m>{NUM})(?:大|强)(?=[^\d]|$)"
                    rf"|最(?:多|活跃|重要|大)的(?P<k>{NUM})(?:个|家|位|条|名|项)"
                    rf"|(?P<j>{NUM})(?:个|家|位|条|名|项)(?=实体|企业|公司|平台|城市|机构|政策|项目|人)")
_HOPS = re.compile(rf"(?P<n>{NUM})(?:跳|度|hops?)")


def find_limit(text: str) -> Found:
    for m in _LIMIT.finditer(text):
        group = next(g for g in ("n", "m", "k", "j") if m.group(g))
        n = number(m.group(group))
        if n:
            # 最多的十个: only the number is the limit; 最多 stays for the keywords
            start = m.start(group) if group == "k" else m.start()
            return Found({"limit": n}, [(start, m.end())])
    return Found()


def find_hops(text: str) -> Found:
    for m in _HOPS.finditer(text):
        n = number(m.group("n"))
        if n and 1 <= n <= 3:
            return Found({"hops": n}, [m.span()])
    return Found()


def find_word(text: str, words: dict[str, str]) -> tuple[str, Span] | None:
    """The value of the first (then longest) word of `words` in `text`, and its span."""
    best: tuple[int, int, str] | None = None
    for word, value in words.items():
        at = text.find(word)
        if at >= 0 and (best is None or (at, -len(word)) < (best[0], -(best[1] - best[0]))):
            best = (at, at + len(word), value)
    return None if best is None else (best[2], (best[0], best[1]))
