"""PARTNERS_WITH (symmetric): 携手/联合/联手/合作/共建 without a signing. Advice
("要…加强与…合作") and unnamed partners give nothing."""

from __future__ import annotations

import re

from graph.model import SCHEMA, Relation
from loaders.extract.relations.base import EXHORTATION, ArticleViews, SentenceView, relation, rx
from loaders.extract.relations.gates import gate
from loaders.extract.scan import gate_words

_ORGS = SCHEMA["PARTNERS_WITH"].heads
# A 携手 B / A 联合 B、C / A 牵手 B: the partner group follows the verb.
_VERB_BEFORE_PARTNER = re.compile(r"携手|联合|联手|牵手|协同")
# A 与 B 合作/共建/联手: the verb follows the partner group.
_VERB_AFTER_PARTNER = re.compile(r"合作|共建|联手|携手|联合|共同|战略合作")
_VERB_SOON_AFTER = re.compile(r"^[^，。；]{0,6}?(?:" + _VERB_AFTER_PARTNER.pattern + ")")
_CO_INVESTING = re.compile(r"(?<=共同)(?:出资|投资|持股)")
# (every match of either holds one of its words: a gate tested before scanning for it)
_BEFORE_GATE, _AFTER_GATE = map(gate, map(gate_words, (_VERB_BEFORE_PARTNER, _VERB_AFTER_PARTNER)))
_PRONOUN_COMPANY = re.compile(r"(?:该公司|公司|企业)$")


def _actor(view: SentenceView, pos: int) -> list:
    """Who acts before `pos`: the group right before it, the company 公司 refers to, or the
    sentence's subject."""
    group = view.group_ending_at(pos, _ORGS)
    if group:
        return group
    clause_start, _ = view.clause_of(pos)
    lead = view.text[clause_start:pos].strip()
    if _PRONOUN_COMPANY.search(lead):
        # 公司 is the speaker's firm: prefer a company written with its registered name.
        firms = [m for m in view.mentions if m.end <= pos and m.label == "Company"]
        if not firms and lead.startswith("该") and view.prev is not None:
            # 该公司与…: the company the previous sentence is about
            firms = [m for m in view.prev.mentions if m.label == "Company" and not m.nested][:1]
        registered = [m for m in firms if m.surface.endswith("公司")]
        m = (registered or firms or [None])[-1]
        return [m] if m else []
    if view.subject is not None and view.subject.end <= pos:
        return [view.subject]
    return []


_PAIR_WORD = re.compile(r"双方|二者|两者")
_PAIR_WORDS = gate_words(_PAIR_WORD)


def find(views: ArticleViews) -> list[Relation]:
    out: list[Relation] = []
    pair_sentences = views.holding(_PAIR_WORDS)  # (tested in every sentence)
    for view in views:
        paired = view.index in pair_sentences
        if not view.mentions and not paired:
            continue  # no partner named here, and no 双方 pointing back
        text = view.sentence.text
        # the two rules below take their partners from this sentence's names
        partners_here = not view.labels.isdisjoint(_ORGS)
        before = partners_here and view.holds(_BEFORE_GATE)
        for verb in _VERB_BEFORE_PARTNER.finditer(text) if before else ():
            pos = view.start + verb.start()
            if view.in_name(pos, view.start + verb.end()):
                continue
            if EXHORTATION.search(view.text[view.start : pos]):
                continue
            after = pos + len(verb.group(0))
            if view.text[after : after + 1] == "在":
                continue  # 甲与乙联合在丙进行试点: 丙 is where they work, not a partner
            partners = [p for p in view.list_after(after, _ORGS) if not view.opens_unknown_name(p)]
            if not partners:
                continue
            for a in _actor(view, pos):
                for b in partners:
                    if a.name != b.name:
                        out.append(relation("PARTNERS_WITH", a, b, view, "rule:partners_with", 0.8))
        # (_VERB_SOON_AFTER needs a verb of _VERB_AFTER_PARTNER in the sentence)
        agreed = partners_here and view.holds(_AFTER_GATE)
        for conj in rx(r"与|和|同|跟").finditer(text) if agreed else ():
            c_pos = view.start + conj.start()
            if view.in_name(c_pos, c_pos + 1):
                continue
            partners = view.group_starting_at(c_pos + 1, _ORGS, gap=r"^\s*$")
            if not partners:
                continue
            if partners[0].label != "City":  # 与甲、乙市… : a place may open a name missed
                partners = [p for p in partners if p.label != "City"]
            partners = [p for p in partners if not view.opens_unknown_name(p)]
            if not partners:
                continue
            rest = view.text[partners[-1].end : view.end] if partners else ""
            verb = _VERB_SOON_AFTER.match(rest)
            if not verb or EXHORTATION.search(view.text[view.start : c_pos]):
                continue
            if rx(r"签").search(verb.group(0)):
                continue  # 与乙签订合作协议: a signing (SIGNED_WITH), not a partnership (T8)
            if _CO_INVESTING.match(rest, verb.end()):
                continue  # 甲和乙共同出资: co-investors of what they fund, not partners
            actors = view.group_ending_at(c_pos, _ORGS) or _actor(view, c_pos)
            if actors and actors[-1].end == c_pos:
                actors = actors[-1:]
            for a in actors:
                for b in partners:
                    if a.name != b.name:
                        out.append(
                            relation("PARTNERS_WITH", a, b, view, "rule:partners_with", 0.75)
                        )
        for pair_word in _PAIR_WORD.finditer(text) if paired else ():
            pos = view.start + pair_word.start()
            after = view.text[pos : pos + 16]
            if rx(r"携手|合作|共建|联手|共同").search(after):
                both = view.pair(pos)
                if len(both) == 2:
                    out.append(
                        relation("PARTNERS_WITH", both[0], both[1], view, "rule:partners_pair", 0.7)
                    )
    return out
