"""ISSUED_BY: Policy → Agency/City/Organization. Triggers 印发/出台/发布/编制/制定 (and 汇报/起草
for the bureau that drafted a plan). Implementing a document (落实, 根据) is not issuing it."""

from __future__ import annotations

import re

from graph.model import SCHEMA, Relation
from loaders.extract.relations.base import SentenceView, relation

_ISSUE = re.compile(r"(?:印发|出台|发布|编制|制定|颁布|汇报|起草|推出)")
_ISSUERS = SCHEMA["ISSUED_BY"].tails
# Between the verb and the policy: 了, 的, 先后, quotes; or earlier policies of the same list.
_GAP = re.compile(r"^[\s了的《“”]*$")
# 《甲》《乙》: titles written back to back are a list too.
_LIST_GAP = re.compile(r"^[\s》”]*(?:、|和|及|以及)?[\s《“]*$")


def find(views: list[SentenceView]) -> list[Relation]:
    out: list[Relation] = []
    for view in views:
        if "Policy" not in view.labels:
            continue
        for verb in _ISSUE.finditer(view.sentence.text):
            v_start, v_end = view.start + verb.start(), view.start + verb.end()
            if view.in_name(v_start, v_end):
                continue
            governed = _governed(view, v_end)
            if not governed:
                continue
            relative = (
                view.text[v_end : v_end + 1] == "的" or view.text[v_end : v_end + 2] == "了的"
            )
            issuers = view.group_ending_at(v_start, _ISSUERS)
            method = "rule:issued_by"
            if not issuers and not relative:
                clause_start, _ = view.clause_of(v_start)
                near = [
                    m
                    for m in view.mentions
                    if clause_start <= m.start and m.end <= v_start and m.label in _ISSUERS
                ]
                if near:
                    issuers = [near[-1]]
                elif view.subject is not None and view.subject.label in _ISSUERS:
                    issuers = [view.subject]
                method = "rule:issued_by_subject"
            for policy in governed:
                for issuer in issuers:
                    out.append(
                        relation(
                            "ISSUED_BY",
                            policy,
                            issuer,
                            view,
                            method,
                            0.85 if method == "rule:issued_by" else 0.7,
                        )
                    )
    return out


def _governed(view: SentenceView, pos: int) -> list:
    """Policies right after the verb, continuing along a list (A、B和C)."""
    after = [m for m in view.mentions if m.start >= pos]
    out = []
    cursor = pos
    for m in after:
        gap = view.text[cursor : m.start]
        if m.label != "Policy":
            break
        if not out and not _GAP.match(gap):
            break
        if out and not _LIST_GAP.match(gap):
            break
        out.append(m)
        cursor = m.end
    return out
