"""Named platforms: Latin product names and titled platforms, systems and models."""

from __future__ import annotations

import re

from loaders.extract.entities.base import (
    HAN,
    Context,
    Mention,
    _left_with_parens,
    _name_like,
    _strip_places,
    _word_tag,
    fold,
)
from loaders.extract.entities.lexicon import (
    _GENERIC_MODIFIERS,
    CORPORATE_WORDS,
    STOP_TOKENS,
)
from loaders.extract.entities.projects import _COUNTED, _cut_at_verbs
from loaders.extract.entities.quoted import _ANAPHOR_RE

# -- platforms -------------------------------------------------------------------------------

_PLATFORM_SUFFIX = re.compile(
    r"(?:工业互联网平台|云平台|平台|操作系统|监测系统|管理系统|服务系统|预警系统|大脑|大模型|"
    r"数据库|中台|小程序|APP|App)"
)
# Plural or counted categories: 一批高水平创新平台, 各类服务平台, …平台16家.
_PLURAL_PHRASE = re.compile(
    r"(?:一批|多个|一系列|若干|各类|各种|众多|大批|一大批|系列)[^，,。；;：:！？\n]{0,14}$"
)
_COUNT_AFTER = re.compile(r"\s*(?:\d+|[一二三四五六七八九十百两]+)\s*(?:家|个|座|类|项|批)")
# A Latin product name (OpenHarmony, supOS, i-OMC, TrustOS, Common Edge): mixed case, a digit
# or hyphen inside, or two capitalised words. All-capital acronyms (AI, CAE, MEC, ERP) and the
# names of technologies are kinds of things, not products.
_LATIN_NAME = re.compile(
    # (no Latin character, digit, - or . before the name: tested after its first letter, so
    # that the pattern opens with a letter and scans fast)
    r"([A-Za-z](?<![A-Za-z0-9\-.][A-Za-z])"
    r"[A-Za-z0-9]*(?:[\-.][A-Za-z0-9]+)*(?: [A-Z][A-Za-z0-9]+)?)"
    r"(?![A-Za-z0-9\-])"
)
_TECH_WORDS = frozenset(
    """SaaS PaaS IaaS DaaS BaaS IoT IIoT AIoT DevOps WiFi Wi-Fi LoRa eSIM NB-IoT eMBB uRLLC
    mMTC VoLTE VoNR OpenAPI API SDK App APP Web Internet Linux Java Python ChatGPT-like
    DeepSeek-like e-commerce B2B B2C C2M O2O OTA HTML5""".split()  # noqa: SIM905
)
# Words a Latin product name stands before (BoAT区块链应用框架SDK, Common Edge解决方案).
_LATIN_PRODUCT_AFTER = re.compile(
    r"\s?(?:工业互联网平台|云平台|平台|操作系统|系统|大模型|模型|软件|解决方案|框架|SDK|"
    r"APP|App|小程序|数据库|中台|[\u4e00-\u9fff]{2,8}(?:框架|SDK|平台|操作系统))"
)
_NOT_PRODUCT_AFTER = re.compile(
    f"[{HAN}]{{0,4}}(?:公司|集团|科技|技术|芯片|模组|终端|设备|手机|服务器)"
)
_LAUNCH_BEFORE = re.compile(r"(?:推出了?|发布了?|上线了?|基于|依托|搭载|部署了?)\s?$")
# A company word that ends an owner in front of a platform's title (星河科技城市内涝预警系统).
_OWNER_END = re.compile(f"^([{HAN}]{{2,6}}?(?:科技|集团|公司|股份|软件|网络|信息|数科))")
_INTRO_BEFORE = re.compile(
    r"(?:打造了?|上线了?|推出了?|建设|建成了?|搭建了?|开发了?|发布了?|加快|加速|依托|基于|通过|"
    r"构建了?|升级|首个|首家|全国首个|全国首家|一个|一套|共建|(?:建设|打造|搭建|开发|推出|共建)的|"
    r"建设了)$"
)
# One industry named before 行业 (能源行业, 蓄电池行业), not a category (行业级, 特定行业).
_ONE_INDUSTRY = re.compile(f"[{HAN}]{{2,5}}行业")


_RANKING = re.compile(r"(?:Top|TOP|No|NO)\d+")
_LATIN_LETTER = re.compile("[A-Za-z]")
_SECTOR_WORD = re.compile("行业|领域|产业")
_INDUSTRY_WORD = re.compile("行业|领域")
_LATIN_CORE = re.compile(r"[A-Za-z][A-Za-z0-9³²+.\-]*(?: [A-Za-z0-9]+)?")
_LATIN_BRAND = re.compile(r"[A-Za-z][A-Za-z0-9³²+.\-]*")
_DIGIT_OR_HYPHEN = re.compile(r"[\d\-]")


def _product_latin(word: str) -> bool:
    """A Latin word shaped like a product's name: mixed case (supOS, TrustOS), a digit or
    hyphen inside (i-OMC), two capitalised words (Common Edge) or a long capitalised word
    (INDICS). Short acronyms (AI, CAE, ERP) and technology words (SaaS, IoT) are not."""
    if word in _TECH_WORDS or len(word) < 3 or _RANKING.fullmatch(word):
        return False  # Top3: a ranking
    if " " in word:
        return all(w[:1].isupper() for w in word.split())
    upper = word.isupper()  # (all capitals, or all small letters: not mixed, no walk needed)
    mixed = not (upper or word.islower()) and (
        any(c.islower() for c in word) and any(c.isupper() for c in word)
    )
    return mixed or bool(_DIGIT_OR_HYPHEN.search(word, 1)) or (upper and len(word) >= 6)


def _plural_category(ctx: Context, left: int) -> bool:
    """一批高水平创新平台, …等国家级技术平台: a determiner of many (or a list closed by 等) opens
    the phrase, with no verb between it and the title."""
    text = ctx.text
    if text[left - 1 : left] == "等":
        return True
    hit = _PLURAL_PHRASE.search(text[max(0, left - 20) : left])
    if not hit:
        return False
    between = ctx.tokens.token_words(left - len(hit.group(0)), left)[1:]
    return not any(
        w in STOP_TOKENS or ((_word_tag(w) or "") == "v" and len(w) > 1) for w in between
    )


_NAMED_THING_END = re.compile(r"(?:中心|平台|系统|大脑|节点|中台|数据库|大模型|APP|App)$")


def _in_list_of_names(ctx: Context, left: int, end: int) -> bool:
    """…体验中心、区域一体化…服务平台: the title follows another named centre or platform in a
    list. A list of tasks (搭建X中台、研发Y系统) or of technologies (电子设计自动化、…) is not."""
    text = ctx.text
    if text[left - 1 : left] != "、":
        return False
    opening = max(text.rfind(c, 0, left - 1) for c in "，,。；;：:、\n") + 1
    item = text[opening : left - 1]
    if not _NAMED_THING_END.search(item):
        return False
    words = ctx.tokens.token_words(opening, left - 1)
    after = ctx.tokens.token_words(end + 1, end + 5)[:1] if text[end : end + 1] == "、" else []
    return not any(
        w in STOP_TOKENS or (_word_tag(w) or "").startswith("v") for w in words[:1] + after
    )  # 搭建X中台、研发Y系统、共建Z: a list of tasks, each led by a verb


def _brand_run(ctx: Context, words: list[str]) -> str:
    """A proper name opening a platform's title: rare words, or two or more single characters
    the segmenter could not join (宝 联 登 → an unknown name)."""
    run: list[str] = []
    singles = 0
    for w in words:
        if len(w) == 1:
            if not "\u4e00" <= w <= "\u9fff" or w in STOP_TOKENS:  # (a Han character: HAN)
                break
            singles += 1
        elif not (
            w
            and ctx.is_rare(w)
            and (_word_tag(w) or "") != "v"  # 夯实|大模型: a rare verb is no brand
            and not _GENERIC_MODIFIERS.fullmatch(w)
        ):
            break
        run.append(w)
    return "".join(run) if len(run) > singles or singles >= 2 else ""


def _owner_in_front(ctx: Context, core: str, core_start: int) -> str:
    """The owner written in front of a platform's title, when the article also names it on its
    own elsewhere (星河科技 … 星河科技城市内涝预警系统) or the gazetteer knows it."""
    known = next((c for c in ctx.known_orgs_at(core_start) if c.label == "Company"), None)
    if known is not None and known.end - core_start < len(core):
        return ctx.text[core_start : known.end]
    hit = _OWNER_END.match(core)
    if hit and len(core) - hit.end() >= 2 and ctx.text.count(hit.group(1)) > 1:
        return hit.group(1)
    return ""


_FIRM_WORD_END = re.compile(f"\\s(?:{CORPORATE_WORDS})\\.?$")
_HARDWARE_AFTER = re.compile(r"\s?(?:芯片|模组|终端|设备|手机|服务器)")


def latin_platform_mentions(ctx: Context) -> list[Mention]:
    """Latin product names (L1, L2): before a platform, system, software or framework word
    (TrustOS平台, BoAT区块链应用框架SDK), right after a platform word (软件平台pFEPG), or after
    推出/发布/上线/基于 (基于OpenHarmony). Acronyms of technologies are not products (L5)."""
    out = []
    text = ctx.text
    for m in _LATIN_NAME.finditer(text):
        word = m.group(1).strip()
        if not _product_latin(word):
            continue
        before = text[max(0, m.start() - 8) : m.start()]
        after_word = _LATIN_PRODUCT_AFTER.match(text, m.end())
        after_platform = _PLATFORM_SUFFIX.search(before[-7:]) and before.endswith(
            ("平台", "系统", "软件", "大模型", "操作系统")
        )
        launched = _LAUNCH_BEFORE.search(before) and not _NOT_PRODUCT_AFTER.match(text, m.end())
        if not (after_word or after_platform or launched):
            continue
        if after_word and _HARDWARE_AFTER.match(text, m.end()):
            continue  # hardware (L5)
        if _FIRM_WORD_END.search(word):
            continue  # Acme Technologies推出…: the firm that launches, not its product
        mention = Mention(m.start(), m.start() + len(word), "Platform", word, word, "pattern:latin")
        out.append(mention)
    return out


_BRANDED = frozenset({"工业互联网平台", "云平台", "操作系统", "大模型"})


def platform_mentions(ctx: Context) -> list[Mention]:
    """Named platforms: a brand before 工业互联网平台 (柠檬豆), a place-owned platform
    (山东省智慧化工综合管理平台), or a specific descriptive platform being built or launched."""
    out = latin_platform_mentions(ctx)
    text = ctx.text
    for m in _PLATFORM_SUFFIX.finditer(text):
        suffix = m.group(0)
        start, end = m.span()
        if text[start - 1 : start] in ("”", "’"):
            continue
        if suffix in ("APP", "App") and _LATIN_LETTER.match(text[start - 1 : start]):
            continue  # WebApp: the letters belong to a longer word
        nxt = _LATIN_NAME.match(text, end) if text[end : end + 1].isascii() else None
        if text[end : end + 1] in ("“", "‘") or (nxt and _product_latin(nxt.group(1))):
            continue  # 数字孪生平台“星云”, 软件平台XyzOS: the name follows the title (appositive)
        if _COUNT_AFTER.match(text, end):
            continue  # 省级研发平台39家: a count of platforms
        left = _cut_at_verbs(ctx, _left_with_parens(ctx, start, max_chars=20), start)
        if text[left : left + 1] == "出" and text[left - 1 : left] in "发制造推做建":
            left += 1  # 开发出|星云平台: the verb's complement is not part of the name
        if suffix != "大模型" and any(
            c.label == "Platform"
            and c.end < start
            and not ctx.cities_starting_at(c.end)  # INDICS长沙…: regional instance
            for c in ctx.known_orgs_at(left)
        ):
            continue  # 卡奥斯BaaS引擎…操作系统: a component counts as its known platform (L4)
        bare_home = None
        if text[left - 2 : left] in ("全市", "全省") or text[left - 2 : left] in ("市级", "省级"):
            bare_home = (
                ctx.home_city
                if text[left - 2] in "全市" and "市" in text[left - 2 : left]
                else ctx.home_province
            )
            left -= 2
        lead = max(0, left - 6)  # (searched with endpos `left`: $ matches there, as in a slice)
        if _ANAPHOR_RE.search(text, lead, left):
            continue
        surface = text[left:end]
        core_start, places = _strip_places(ctx, left + (2 if bare_home else 0), start)
        core = text[core_start:start]
        if not core:
            continue
        words: list[str] = []
        run = ""
        if suffix in _BRANDED:  # (only these read the words: a brand, a model's name, 的…平台)
            words = ctx.tokens.token_words(core_start, start)
            run = _brand_run(ctx, words)
        brand = ""
        # A brand only before 工业互联网平台/云平台/操作系统 (柠檬豆工业互联网平台), never before a
        # bare 平台 (服装行业垂直平台 is a kind of platform, not a name).
        if (
            2 <= len(run) <= 6
            and suffix in ("工业互联网平台", "云平台", "操作系统")
            and not _SECTOR_WORD.search(core)
        ):
            brand = run
        owner = "" if places or bare_home else _owner_in_front(ctx, core, core_start)
        latin = _LATIN_CORE.fullmatch(core)
        brand_end = _LATIN_BRAND.match(core)
        latin_place = (
            next(iter(ctx.cities_starting_at(core_start + brand_end.end())), None)
            if brand_end and not latin
            else None
        )
        if latin_place is not None and latin_place.end != start:
            latin_place = None
        if latin and not places and not _product_latin(core.strip()):
            continue  # AI平台, MEC平台: a technology's acronym names a kind of platform
        if latin and not places:
            name = core  # xIn³Plat平台: a Latin brand
        elif suffix == "大模型":
            # 星云工业大模型: a model keeps its suffix (L1); it needs a brand, owner or place
            if not (run or owner or places) or _GENERIC_MODIFIERS.fullmatch(core):
                continue
            name = fold(surface)
        elif brand and (
            len(core) == len(brand) or _GENERIC_MODIFIERS.fullmatch(core[len(brand) :] or "x")
        ):
            name = brand
        elif _COUNTED.search(core):
            continue  # 27家特定行业特定领域平台: a count of platforms
        elif owner and not _GENERIC_MODIFIERS.fullmatch(core[len(owner) :]):
            # 星河科技城市内涝预警系统: without its owner the title says only what it does (L2)
            name = fold(text[core_start:end])
        elif places or bare_home:
            owner = bare_home or (places[-1] if places else "")
            name = fold(owner + text[core_start:end])
        elif text[left - 1 : left] == "的" and any(c.end == left - 1 for c in ctx.cities):
            owner_city = next(c for c in ctx.cities if c.end == left - 1)
            name = fold(owner_city.name + text[core_start:end])  # 青岛的…综合服务平台
        elif m.group(0).endswith("系统") and _INTRO_BEFORE.search(text, lead, left):
            name = fold(surface)  # 首个…监测系统: the system word itself names it
        elif latin_place:
            name = fold(surface)  # supET湖州工业互联网平台: a regional instance of a brand
            places = (latin_place.name,)
        elif (
            _ONE_INDUSTRY.fullmatch(core)
            and not _GENERIC_MODIFIERS.fullmatch(core[:-2])
            and m.group(0) == "工业互联网平台"
            and _INTRO_BEFORE.search(text, lead, left)
        ):
            name = fold(surface)  # 打造了能源行业工业互联网平台: the one platform being built
        elif _INDUSTRY_WORD.search(core):
            continue  # 服装行业垂直平台, 行业级特色工业互联网平台: a kind of platform
        elif (
            m.group(0) == "工业互联网平台"
            and text[left - 1 : left] == "的"
            and len(core) >= 2
            and not _GENERIC_MODIFIERS.fullmatch(core)
            and _INTRO_BEFORE.search(text, lead, left)
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
            len(core) >= 4
            and not _GENERIC_MODIFIERS.fullmatch(core)
            and (
                _INTRO_BEFORE.search(text, lead, left)
                or _in_list_of_names(ctx, left, end)
                or core.startswith("国家")  # 国家工业互联网安全态势感知平台: one national platform
            )
        ):
            name = fold(surface)
        else:
            continue
        if _GENERIC_MODIFIERS.fullmatch(name):
            continue
        if name != brand and not latin and _plural_category(ctx, left):
            continue  # 一批高水平创新平台, …等国家级技术平台: a category, not one platform
        mention = Mention(left, end, "Platform", name, surface, "pattern:platform")
        mention.place_prefix = places
        if surface != name:
            mention.aliases.add(surface)
        out.append(mention)
    return out


def rename_platforms_named_by_their_firm(mentions: list[Mention]) -> None:
    """A platform whose brand is a firm's name or short form (甲科技 … 甲云平台 read as 甲) is the
    firm's own: without its owner its title is only a kind, so the title is its name (L2)."""
    firm_forms = {
        form for m in mentions if m.label == "Company" for form in (m.name, m.surface, *m.aliases)
    }
    for m in mentions:
        if m.label == "Platform" and m.name in firm_forms and m.surface != m.name:
            m.aliases.discard(m.name)
            m.name = fold(m.surface)
