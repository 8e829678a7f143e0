"""EMPOWERS at a site (T1): 甲(与乙联合)在丙进行/开展…试点, the site where a supplier's work is
tried or deployed (a rule of empowers.py, kept here to keep that module small)."""

from __future__ import annotations

import re

from graph.model import SCHEMA
from loaders.extract.entities import Mention
from loaders.extract.relations.base import SentenceView
from loaders.extract.relations.gates import gate
from loaders.extract.scan import gate_words

_SOURCES = SCHEMA["EMPOWERS"].heads
# (each adverb spelt out with its 在: a pattern that opens with a word scans fast)
_AT_SITE = re.compile(r"联合在|共同在|携手在|合作在|率先在|在")
_SITE_WORK = re.compile(
    r"^(?:成功|率先|联合|共同)?(?:进行|开展|部署|实施|落地|完成|启动)了?[^，。；]{0,20}?"
    r"(?:试点|部署|应用|验证|示范|改造|试验|测试|商用)"
)
_SITES = frozenset({"Company", "Organization", "Agency"})
_SITE_WORK_GATE = gate(gate_words(_SITE_WORK))  # (a sentence without is not scanned)


def _site_of_work(view: SentenceView) -> list[tuple[Mention, Mention, str, float]]:
    out = []
    for m in _AT_SITE.finditer(view.sentence.text):
        pos = view.start + m.start()
        sites = view.group_starting_at(view.start + m.end(), _SITES, gap=r"^\s*$")
        if not sites or not _SITE_WORK.match(view.text[sites[-1].end : view.end]):
            continue
        for actor in view.group_ending_at(pos, _SOURCES - {"Platform"}):
            for site in sites:
                out.append((actor, site, "rule:empowers_at_site", 0.65))
    return out
