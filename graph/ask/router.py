"""Routing a question to a report: read it (names, dates, limits), match every `// ask:`
pattern of the library (graph.ask.patterns), keep the best; or say it cannot.

A question is routed only when one report's best match scores more than any other report's:
a tie, or no match, is `Unroutable`, with the three reports closest to the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import cypher
from graph.ask import words
from graph.ask.entities import Lexicon, Mention, recognise
from graph.ask.patterns import Pattern, Slot, parse_pattern

_QUOTED = re.compile(r"《(?P<a>[^》]+)》|“(?P<b>[^”]+)”|\"(?P<c>[^\"]+)\"|「(?P<d>[^」]+)」")
_REST_TRIM = re.compile(r"^[的一下:,，：\s]+|[?？。!！吗呢吧的\s]+$")


@dataclass
class Question:
    """A question as the router reads it: normalized text, names, dates, limit, hops."""

    text: str
    mentions: list[Mention]
    found: dict[str, object]  # since, until, limit, hops
    spans: list[tuple[int, int]]  # of the dates, limit and hops

    @classmethod
    def read(cls, question: str, lexicon: Lexicon, today: date) -> Question:
        text = words.normalize(question)
        mentions = recognise(question, lexicon.candidates(question))
        masked = _mask(text, [(m.start, m.end) for m in mentions])
        found: dict[str, object] = {}
        spans: list[tuple[int, int]] = []
        for part in (words.find_dates(masked, today), words.find_limit(masked),
                     words.find_hops(masked)):
            found.update(part.values)
            spans += part.spans
            masked = _mask(masked, part.spans)
        return cls(text, mentions, found, spans)


@dataclass
class Match:
    pattern: Pattern
    params: dict[str, object]
    score: int
    notes: list[str] = field(default_factory=list)

    @property
    def report(self) -> str:
        return self.pattern.report


@dataclass
class Unroutable:
    question: str
    closest: list[tuple[str, str]]  # (report, example question)
    tied: list[str] = field(default_factory=list)


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "\x00" * (end - start)
    return "".join(chars)


@cache
def patterns() -> tuple[Pattern, ...]:
    """Every `// ask:` pattern of the report library."""
    return tuple(parse_pattern(r.name, line) for r in cypher.reports().values() for line in r.ask)


def _special(slot: Slot, q: Question, masked: str) -> tuple[str, tuple[int, int]] | None:
    if slot.what in ("kind", "part", "reltype"):
        vocab = {"kind": words.LABEL_WORDS, "part": words.KIND_WORDS,
                 "reltype": words.RELATION_WORDS}[slot.what]
        return words.find_word(masked, vocab)
    if slot.what == "quoted":
        m = _QUOTED.search(q.text)
        return None if m is None else (next(g for g in m.groups() if g), m.span())
    return None


def match(pattern: Pattern, q: Question, today: date) -> Match | None:
    """The pattern's reading of the question, or None when it does not fit."""
    report = cypher.get_report(pattern.report)
    declared = {p.name: p for p in report.params}
    params: dict[str, object] = {}
    score = 0
    used: set[int] = set()  # mentions consumed (indexes)
    masked = _mask(q.text, q.spans)
    for slot in pattern.slots:
        if slot.what != "entity":
            continue
        for i, mention in enumerate(q.mentions):
            reading = None if i in used else mention.reading(slot.labels)
            if reading is not None:
                params[slot.param] = reading.name
                used.add(i)
                score += 2 if slot.optional else 3
                break
        else:
            if not slot.optional:
                return None
    masked = _mask(masked, [(q.mentions[i].start, q.mentions[i].end) for i in used])
    hits: list[tuple[int, int]] = []
    for group in pattern.keywords:
        at = next(((w, masked.find(w)) for w in group if w in masked), None)
        if at is None:
            return None
        hits.append((at[1], at[1] + len(at[0])))
        score += len(at[0])
    if any(w in masked for w in pattern.negatives):
        return None
    for slot in pattern.slots:
        if slot.what == "entity":
            continue
        if slot.what == "rest":
            end = max((e for _, e in hits), default=0)
            rest = _REST_TRIM.sub("", q.text[end:])
            if not rest:
                return None
            params[slot.param] = rest
            used.update(i for i, m in enumerate(q.mentions) if m.start >= end)
            continue
        got = _special(slot, q, masked)
        if got is None:
            if not slot.optional:
                return None
            continue
        params[slot.param] = got[0]
        score += 3 if slot.what == "quoted" else 1
        if slot.what == "quoted":
            used.update(i for i, m in enumerate(q.mentions)
                        if got[1][0] <= m.start and m.end <= got[1][1])
    for i, mention in enumerate(q.mentions):
        if i not in used and not any(s < mention.end and mention.start < e for s, e in hits):
            score -= 3
    notes = []
    for key, value in q.found.items():
        if key in declared:
            params[key] = value
        else:
            score -= 2
            notes.append(f"{key}={value} 未使用（报表 {report.name} 无此参数） / not used: "
                         f"the report takes no {key}")
    for name, _ in pattern.fixed:
        if name not in params:
            params[name] = pattern.fixed_value(name, today)
    if any(p.required and p.name not in params for p in report.params):
        return None
    return Match(pattern, params, score, notes)


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def closest(question: str, n: int = 3, first: list[str] | None = None) -> list[tuple[str, str]]:
    """The n reports whose patterns, examples and description share most with the question,
    each with its first example question (`first` reports lead)."""
    text = _bigrams(words.normalize(question)) | set(words.normalize(question))
    ranked = []
    for report in cypher.reports().values():
        if not report.examples:
            continue
        own = "".join(report.ask) + "".join(report.examples) + report.description_zh
        shared = len(text & (_bigrams(own) | set(own)))
        ranked.append((report.name not in (first or []), -shared, report.name,
                       report.examples[0]))
    return [(name, example) for _, _, name, example in sorted(ranked)[:n]]


def route(question: str, lexicon: Lexicon, today: date | None = None) -> Match | Unroutable:
    """The best reading of the question, or Unroutable."""
    today = today or date.today()
    q = Question.read(question, lexicon, today)
    best: dict[str, Match] = {}
    for pattern in patterns():
        found = match(pattern, q, today)
        if found is not None and found.score > 0:
            known = best.get(found.report)
            if known is None or found.score > known.score:
                best[found.report] = found
    ranked = sorted(best.values(), key=lambda m: -m.score)
    if not ranked:
        return Unroutable(question, closest(question))
    if len(ranked) > 1 and ranked[1].score == ranked[0].score:
        tied = [m.report for m in ranked if m.score == ranked[0].score]
        return Unroutable(question, closest(question, first=tied), tied)
    return ranked[0]
