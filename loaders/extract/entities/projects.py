"""Projects (parks, factories, centres, nodes, campaigns) and named platforms."""

from __future__ import annotations

import re

from loaders.extract.entities.base import (
    _GENERIC_MODIFIERS,
    HAN,
    Context,
    Mention,
    _drop_lists_in_parens,
    _left_with_parens,
    _name_like,
    _strip_places,
    fold,
)
from loaders.extract.entities.quoted import _ANAPHOR_RE

# -- projects and platforms ------------------------------------------------------------------

_PROJECT_SUFFIX = re.compile(
    r"(?:化工园区|智慧园区|产业园区|工业园区|产业园|工业园|科技园|软件园|示范区|开发区|高新区|"
    r"互联工厂|智能工厂|数字化工厂|灯塔工厂|工厂|"
    r"大数据中心|数据中心|算力中心|超算中心|体验中心|展示中心|运营中心|计算中心|分中心|创新中心|"
    r"赋能中心|应用中心|研发中心|创新服务中心|服务中心|"
    r"全球根节点|根节点|顶级节点|二级节点|生产基地|制造基地|产业基地|项目|工程|专项行动|提升行动|"
    r"攻坚行动)"
)
_PARK_END = re.compile(r"(?:园区|产业园|工业园|科技园|软件园|示范区|开发区|高新区)$")
_NUMBER_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十百千两]+大|双|[一二三四五六七八九十]+[个项]?[^\d个家项])"
)
_COUNTED = re.compile(r"\d+\s*(?:个|家|项|类|条|座|批)|左右|以上|若干|一批|多个")
_PLATFORM_SUFFIX = re.compile(r"(?:工业互联网平台|云平台|平台|监测系统|管理系统|服务系统|大脑)")
_INTRO_BEFORE = re.compile(
    r"(?:打造了?|上线了?|推出了?|建设|建成了?|搭建了?|开发了?|发布了?|加快|加速|依托|基于|通过|"
    r"构建了?|升级|首个|首家|全国首个|全国首家|一个|一套|共建|(?:建设|打造|搭建|开发|推出|共建)的|"
    r"建设了)$"
)
# One industry named before 行业 (能源行业, 蓄电池行业), not a category (行业级, 特定行业).
_ONE_INDUSTRY = re.compile(f"[{HAN}]{{2,5}}行业")
_FACILITY_WORDS = re.compile(r"(?:中心|节点|工厂|基地)$")


_TITLE_AFTER = re.compile(r"(?:总经理|副总经理|主任|副主任|负责人|董事长|总裁|首席)")
_PLURAL_BEFORE = re.compile(r"(?:一批|多个|一系列|若干|\d+个|[一二三四五六七八九十百]+个|等)$")
_PLACE_INSIDE = re.compile(
    f"[（(]([{HAN}]{{2,6}})[)）]|([{HAN}]{{2,3}}?)(?:分院|分中心|分公司|分所|分部)"
)


def _places_inside(ctx: Context, name: str) -> tuple[str, ...]:
    """Places written inside a name: 标识解析(青岛)全球根节点, 大数据中心山东分中心."""
    out = []
    for m in _PLACE_INSIDE.finditer(name):
        piece = m.group(1) or m.group(2)
        for cut in range(len(piece) - 1):
            entry = ctx.gaz.division(piece[cut:], strict=True)
            if entry is not None and (entry.level in ("province", "city") or m.group(1)):
                out.append(entry.name)
                break
    return tuple(out)


def project_mentions(ctx: Context) -> list[Mention]:
    """Named projects, campaigns, parks, factories, centres and nodes."""
    out = []
    text = ctx.text
    for m in _PROJECT_SUFFIX.finditer(text):
        suffix = m.group(0)
        if text[m.end() : m.end() + 1] in ("”", "’") or text[m.start() - 1 : m.start()] in (
            "”",
            "’",
        ):
            continue  # quoted names are handled by quoted_mentions
        left = _left_with_parens(ctx, m.start(), max_chars=24)
        if _ANAPHOR_RE.search(text[max(0, left - 6) : left]):
            continue
        surface = text[left : m.end()]
        stem = _drop_lists_in_parens(text[left : m.start()])
        core_start, places = _strip_places(ctx, left, m.start())
        core = text[core_start : m.start()]
        if _PARK_END.search(suffix) or (_FACILITY_WORDS.search(suffix) and places):
            if not places:
                continue  # a park is named by its place (and a place names a facility)
        elif len(stem) < 2 or _GENERIC_MODIFIERS.fullmatch(core or "x"):
            continue
        if suffix in ("工程", "专项行动", "提升行动", "攻坚行动", "项目") and not (
            places
            or _NUMBER_LEAD.match(stem)
            or ctx.is_rare(ctx.tokens.token_words(left, m.start())[0])
        ):
            continue
        if suffix == "项目" and len(stem) < 4:
            continue
        if _COUNTED.search(stem):
            continue  # 240个项目, 100个左右企业信息化应用项目: a count, not a name
        if _FACILITY_WORDS.search(suffix) and not (
            places or stem.startswith(("国家", "中国")) or len(core) >= 4
        ):
            continue
        if suffix in ("二级节点", "生产基地", "制造基地", "产业基地") and not (
            places or any(c.start == left and c.label == "Company" for c in ctx.known_orgs)
        ):
            continue  # 标识解析二级节点, 国家…产业基地: a kind, unless a place or firm names it
        name = fold(_drop_lists_in_parens(surface))
        label = "Project"
        end_at = left + len(surface)
        if _PLURAL_BEFORE.search(text[max(0, left - 4) : left]):
            continue  # 建设一批5G全连接工厂: a kind of facility, not one named facility
        if re.search("行业|领域", core) and not places:
            continue  # 光学行业数字化工厂: a kind of factory
        paren = re.match(r"[（(]([\u4e00-\u9fff]{2,6})[)）]", text[m.end() : m.end() + 8])
        if paren and ctx.gaz.division(paren.group(1)) is not None:
            surface = text[left : m.end() + paren.end()]  # 国家顶级节点(重庆)
        core_text = text[core_start : m.end()].lstrip("级")
        if (
            suffix == "创新中心"
            and places
            and any(
                _TITLE_AFTER.match(text, k.end()) for k in re.finditer(re.escape(core_text), text)
            )
        ):
            # An innovation centre with a manager is an operating organisation (E9): a
            # Company, named as written with its place, 市级 dropped.
            label = "Company"
            name = re.sub(r"^(.+?[市省区县])级", r"\1", name)
            if name.startswith(places[0]) and places[0].endswith("市"):
                short = places[0][:-1] + name[len(places[0]) :]
                if short in text:
                    name = short
        mention = Mention(left, end_at, label, name, surface, "pattern:project")
        mention.place_prefix = places or _places_inside(ctx, surface)
        if surface != name:
            mention.aliases.add(surface)
        out.append(mention)
    return out


def platform_mentions(ctx: Context) -> list[Mention]:
    """Named platforms: a brand before 工业互联网平台 (柠檬豆), a place-owned platform
    (山东省智慧化工综合管理平台), or a specific descriptive platform being built or launched."""
    out = []
    text = ctx.text
    for m in _PLATFORM_SUFFIX.finditer(text):
        if text[m.start() - 1 : m.start()] in ("”", "’"):
            continue
        left = _left_with_parens(ctx, m.start(), max_chars=20)
        bare_home = None
        if text[left - 2 : left] in ("全市", "全省") or text[left - 2 : left] in ("市级", "省级"):
            bare_home = (
                ctx.home_city
                if text[left - 2] in "全市" and "市" in text[left - 2 : left]
                else ctx.home_province
            )
            left -= 2
        if _ANAPHOR_RE.search(text[max(0, left - 6) : left]):
            continue
        surface = text[left : m.end()]
        core_start, places = _strip_places(ctx, left + (2 if bare_home else 0), m.start())
        core = text[core_start : m.start()]
        if not core:
            continue
        words = ctx.tokens.token_words(core_start, m.start())
        brand = ""
        run = []
        for w in words:
            if ctx.is_rare(w) and not _GENERIC_MODIFIERS.fullmatch(w):
                run.append(w)
            else:
                break
        # A brand only before 工业互联网平台/云平台 (柠檬豆工业互联网平台), never before a bare
        # 平台 (服装行业垂直平台 is a kind of platform, not a name).
        if (
            run
            and 2 <= len("".join(run)) <= 6
            and m.group(0) in ("工业互联网平台", "云平台")
            and not re.search("行业|领域|产业", core)
        ):
            brand = "".join(run)
        generic = bool(_GENERIC_MODIFIERS.fullmatch(core))
        latin = re.fullmatch(r"[A-Za-z][A-Za-z0-9³²+.\-]*(?: [A-Za-z0-9]+)?", core)
        brand_end = re.match(r"[A-Za-z][A-Za-z0-9³²+.\-]*", core)
        latin_place = (
            next((c for c in ctx.cities if c.start == core_start + brand_end.end()), None)
            if brand_end and not latin
            else None
        )
        if latin_place is not None and latin_place.end != m.start():
            latin_place = None
        if latin and not places:
            name = core  # xIn³Plat平台: a Latin brand
        elif brand and (
            len(core) == len(brand) or _GENERIC_MODIFIERS.fullmatch(core[len(brand) :] or "x")
        ):
            name = brand
        elif _COUNTED.search(core):
            continue  # 27家特定行业特定领域平台: a count of platforms
        elif places or bare_home:
            owner = bare_home or (places[-1] if places else "")
            name = fold(owner + text[core_start : m.end()])
        elif text[left - 1 : left] == "的" and any(c.end == left - 1 for c in ctx.cities):
            owner_city = next(c for c in ctx.cities if c.end == left - 1)
            name = fold(owner_city.name + text[core_start : m.end()])  # 青岛的…综合服务平台
        elif m.group(0).endswith("系统") and _INTRO_BEFORE.search(text[max(0, left - 6) : left]):
            name = fold(surface)  # 首个…监测系统: the system word itself names it
        elif latin_place:
            name = fold(surface)  # supET湖州工业互联网平台: a regional instance of a brand
            places = (latin_place.name,)
        elif (
            _ONE_INDUSTRY.fullmatch(core)
            and not _GENERIC_MODIFIERS.fullmatch(core[:-2])
            and m.group(0) == "工业互联网平台"
            and _INTRO_BEFORE.search(text[max(0, left - 6) : left])
        ):
            name = fold(surface)  # 打造了能源行业工业互联网平台: the one platform being built
        elif re.search("行业|领域", core):
            continue  # 服装行业垂直平台, 行业级特色工业互联网平台: a kind of platform
        elif (
            not generic
            and len(core) >= 2
            and m.group(0) == "工业互联网平台"
            and text[left - 1 : left] == "的"
            and _INTRO_BEFORE.search(text[max(0, left - 6) : left])
            and (
                _name_like(ctx, core, words)
                or re.search(
                    f"(?:^|[，,。；、的在与和]){re.escape(core)}",
                    text[max(0, left - 24) : left - 3],
                )
            )
        ):
            # …打造的东风工业互联网平台: a platform named after the firm that builds it
            name = fold(surface)
        elif (
            not generic
            and len(core) >= 4
            and (
                _INTRO_BEFORE.search(text[max(0, left - 6) : left])
                or text[left - 1 : left] == "、"
                or core.startswith("国家")  # 国家工业互联网安全态势感知平台: one national platform
            )
        ):
            name = fold(surface)
        else:
            continue
        if _GENERIC_MODIFIERS.fullmatch(name):
            continue
        mention = Mention(left, m.end(), "Platform", name, surface, "pattern:platform")
        mention.place_prefix = places
        if surface != name:
            mention.aliases.add(surface)
        out.append(mention)
    return out
