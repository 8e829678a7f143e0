"""SIGNED_WITH (symmetric) and PARTICIPATES_IN from a signing: A与B、C及…签约 gives A↔B and
A↔C; a project launched or agreed on in the same sentence gets every signing party."""

from __future__ import annotations

import re
from itertools import pairwise

from graph.model import SCHEMA, Relation
from loaders.extract.entities import TITLE_ALT, Mention
from loaders.extract.relations.base import SentenceView, relation, rx

_SIGN = re.compile(r"签署|签订|签约|签下|签了|签单|达成(?=[^，。；]{0,12}?协议)")
_PARTIES = SCHEMA["SIGNED_WITH"].heads
_ORG_PARTIES = _PARTIES - {"City"}
# The parties of a list that closes with their number or 共同 before the signing word.
_ALL_SIDES = re.compile(r"(?:[两三四五六七八九]方|双方|各方)?(?:共同|联合)?(?:正式)?")


def signing_parties(view: SentenceView) -> list[tuple[object, object, int]]:
    """(A, B, sign offset) pairs signed in this sentence; called where it holds 签 or 达成
    (every match of _SIGN holds one)."""
    pairs = []
    text = view.text
    for sign in _SIGN.finditer(view.sentence.text):
        s_pos = view.start + sign.start()
        if view.in_name(s_pos, view.start + sign.end()):
            continue
        clause_start, _ = view.clause_of(s_pos)
        conj = [m for m in rx(r"与|和|同|跟").finditer(text[clause_start:s_pos])]
        for c in conj:
            c_pos = clause_start + c.start()
            heads = view.group_ending_at(c_pos, _PARTIES)
            tails = view.group_starting_at(c_pos + len(c.group(0)), _PARTIES, gap=r"^\s*$")
            attributive = text[view.start + sign.end() :].startswith("的")  # 与乙签约的成果
            if tails and not heads and not attributive:
                tails = [t for t in tails if t.label != "City"]  # a place may open a name
                heads = _subject_before(view, clause_start, c_pos) if tails else []
            if not heads or not tails:
                continue
            if tails[0].label != "City":  # …及济南、淄博等地多家企业: places are not parties
                tails = [t for t in tails if t.label != "City"]
            for tail in tails:
                pairs.append((heads[-1], tail, s_pos))
            break
        else:
            if "双方" in text[clause_start:s_pos]:
                both = view.pair(s_pos)
                if len(both) == 2:
                    pairs.append((both[0], both[1], s_pos))
            listed = view.group_starting_at(clause_start, _PARTIES, gap=r"^\s*$")
            if len(listed) >= 2 and _ALL_SIDES.fullmatch(text, listed[-1].end, s_pos):
                # 甲、乙、丙三方签署…: every pair of the parties listed signs
                pairs.extend((a, b, s_pos) for i, a in enumerate(listed) for b in listed[i + 1 :])
            pairs.extend((a, b, s_pos) for a, b in _signed_by_officials(view, clause_start, s_pos))
    return pairs


# 甲市副市长乙与丙公司董事长丁代表双方签约: the officials sign for their organisations.
_TITLE_BETWEEN = re.compile(f"^[^，。；、]{{0,8}}?(?:{TITLE_ALT})$")


def _signed_by_officials(view: SentenceView, clause_start: int, pos: int) -> list[tuple]:
    people = [m for m in view.mentions if m.label == "Person" and clause_start <= m.start < pos]
    for a, b in pairwise(people):
        if view.text[a.end : a.end + 1] not in ("与", "和", "同"):
            continue
        org_a, org_b = _employer(view, a), _employer(view, b)
        if org_a is None or org_b is None or org_b.start != a.end + 1 or org_a.name == org_b.name:
            continue
        return [(org_a, org_b)]
    return []


def _employer(view: SentenceView, person: Mention) -> Mention | None:
    before = [m for m in view.mentions if m.end <= person.start and m.label in _PARTIES]
    if before and _TITLE_BETWEEN.match(view.text[before[-1].end : person.start]):
        return before[-1]
    return None


def _subject_before(view: SentenceView, clause_start: int, pos: int) -> list:
    """甲在拓展市场时就同乙签订…: the clause's first organisation, else the sentence's subject."""
    firms = [
        m
        for m in view.mentions
        if clause_start <= m.start and m.end <= pos and m.label in _ORG_PARTIES
    ]
    if firms:
        return firms[:1]
    subject = view.subject
    return [subject] if subject is not None and subject.end <= clause_start else []


def find(views: list[SentenceView]) -> list[Relation]:
    out: list[Relation] = []
    article = views[0].text if views else ""
    if "签" not in article and "达成" not in article:
        return out  # (no sentence holds them: signing_parties finds nothing)
    for view in views:
        signs = "签" in view.sentence.text or "达成" in view.sentence.text
        pairs = signing_parties(view) if signs else []
        for a, b, _ in pairs:
            out.append(relation("SIGNED_WITH", a, b, view, "rule:signed_with", 0.9))
        if not pairs:
            continue
        parties = []
        for a, b, _ in pairs:
            for m in (a, b):
                if m.label != "City" and all(p.name != m.name for p in parties):
                    parties.append(m)
        first_sign = min(p[2] for p in pairs)
        for project in (m for m in view.mentions if m.label == "Project" and m.start > first_sign):
            for party in parties:
                out.append(
                    relation(
                        "PARTICIPATES_IN", party, project, view, "rule:participates_signing", 0.75
                    )
                )
    return out
