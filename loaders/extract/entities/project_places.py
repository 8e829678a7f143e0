"""Places written inside or right after the opening of a project's name (see `projects`)."""

from __future__ import annotations

import re

from loaders.extract.entities.base import HAN, Context


def _place_after_owner(ctx: Context, start: int, end: int) -> tuple[str, ...]:
    """A place right after the owner firm opening a project's name (甲集团乙公司|新疆|化肥项目,
    甲科技|洛阳|工厂)."""
    for city in ctx.cities_in(start, end):
        if _OWNER_END.search(ctx.text, start, city.start):
            return (city.name,)
    return ()


_OWNER_END = re.compile(r"(?:公司|集团|科技|股份|控股|实业|电子|汽车|智能|电气|重工)$")
_PLACE_INSIDE = re.compile(
    f"[（(]([{HAN}]{{2,6}})[)）]|([{HAN}]{{2,3}}?)(?:分院|分中心|分公司|分所|分部)"
)


def _places_inside(ctx: Context, name: str) -> tuple[str, ...]:
    """Places written inside a name: 标识解析(青岛)全球根节点, 大数据中心山东分中心."""
    out = []
    for m in _PLACE_INSIDE.finditer(name):
        piece = m.group(1) or m.group(2)
        for cut in range(len(piece) - 1):
            # 河南 also names a county: a province's short form before 分中心 is the province
            entry = ctx.gaz.division(piece[cut:], strict=True)
            if entry is None and m.group(2):
                wider = ctx.gaz.division(piece[cut:])
                entry = wider if wider is not None and wider.level == "province" else None
            if entry is not None and (entry.level in ("province", "city") or m.group(1)):
                out.append(entry.name)
                break
    return tuple(out)
