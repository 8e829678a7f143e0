"""A name's Latin-script form written in brackets right after it (甲组织第3研究组（ABC-T SG3）,
星云科技（Nebula Tech）): another form of the same entity, not a second entity."""

from __future__ import annotations

import re

from loaders.extract.entities.base import Mention

_LATIN_IN_BRACKETS = re.compile(r"[（(]([A-Za-z][A-Za-z0-9 .&'\-]{1,38})[)）]")
_NAMED = frozenset({"Agency", "Organization", "Company"})


def bracketed_latin_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Each organisation's bracketed Latin form becomes its alias; what the bracket was read as
    on its own (a known acronym naming a parent body) is dropped."""
    inside: list[tuple[int, int]] = []
    for m in mentions:
        if m.label not in _NAMED or m.nested:
            continue
        form = _LATIN_IN_BRACKETS.match(text, m.end)
        if form is None:
            continue
        m.aliases.add(form.group(1).strip())
        inside.append(form.span(1))
    if not inside:
        return mentions
    return [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in inside)]
