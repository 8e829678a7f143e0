"""Entity mentions in one article: gazetteer matches plus patterns over characters and tokens.

A `Mention` is a span of the normalized text with a label and a canonical name. The gazetteer
(through the spaCy entity ruler) finds known places, platforms, companies and agencies; patterns
find what no list can hold: registered company names, local agencies with their city prefix,
policy titles, named projects, parks, factories, centres and platforms, and people next to a title.

Names are resolved as they are found: quotes and 《》 dropped, a bare 市/省 prefix replaced by the
article's own city or province, abbreviations expanded, short city names given their suffix.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

HAN = "\u4e00-\u9fff"
_QUOTES = "“”‘’\"'「」『』"
_QUOTE_RE = re.compile(f"[{_QUOTES}]")
_PUNCT = set("，。、；：！？,.;:!?()（）《》【】[]—…·/\\|　 \t\n") | set(_QUOTES)

# Function words and verbs that cannot be part of a name: a name's left edge is the token after
# the nearest of these (or punctuation).
STOP_TOKENS = frozenset(
    """的 地 得 了 着 过 在 与 和 及 以及 或 并 同 跟 向 对 为 由 被 把 将 从
    于 自 到 至 以 让 使 给 等 暨 而 是 有 也 还 都 又 就 即 这 那 该 其
    此 各 每 据 按 按照 根据 通过 依托 基于 借助 利用 围绕 作为 其中 包括 例如
    比如 如 像 近日 目前 日前 此前 今年 去年 明年 已 已经 正在 正 要 会 能 可
    这个 那个 一家 这家 首家 共同 联合 携手 联手 签署 签约 签订 合作 引进 打造
    建设 搭建 开发 推出 发布 印发 出台 制定 编制 实施 推进 推动 加快 加速 支持
    培育 启动 建成 上线 开展 落实 落地 助力 赋能 提供 成立 组建 创建 构建 形成
    完成 升级 推广 介绍 表示 指出 强调 认为 出席 主持 汇报 选择 对接 参与 承建
    成为 获得 荣获 位于 来自 带领 一批 多家 一个 首个 全国 新 新建 建 设立 报道
    记者 相继 先后 先 后 再 更 最 很 也是 均 共 不 没有 未来 下一步 以往 共建
    同时 此外 另外 但 但是 因此 所以 如果 虽然 由于 为了 关于 对于 面向 针对 聚焦
    重点 进一步 持续 全面 积极 大力 不断 努力 力争 计划 拟 预计 正式 首批 首次 一
    两 三 该公司 全省 全市 各地 当地 本地 我国 国内 全球 其他 相关 有关 一系列
    会上 会议 召开 建立 上云 对外 线上 线下
    """.split()  # noqa: SIM905
)

# Person titles, longest first so 副总经理 wins over 总经理.
TITLES = sorted(
    """董事局主席 董事会主席 副董事长 董事长 执行总裁 高级副总裁 副总裁 总裁 总经理助理
    常务副总经理 副总经理 总经理 首席执行官 首席技术官 首席信息官 首席数字官 首席运营官
    首席科学家 CEO CTO CIO COO 党组书记 党组成员 党委书记 党委副书记
    党工委书记 纪检组长 副局长 局长 副厅长 厅长 副部长 部长 副主任 主任 副书记 书记
    副市长 市长 副省长 省长 副区长 区长 副县长 县长 副处长 处长 副科长 科长 副院长
    院长 副所长 所长 副组长 组长 副经理 经理 总监 总工程师 副秘书长 秘书长 副会长
    会长 副理事长 理事长 主席 创始人 联合创始人 合伙人 负责人 董事 总师 首席专家
    副行长 行长 站长 主管 副司长 司长 副署长 署长 巡视员 总经济师 总会计师 董事会秘书
    副总工程师 首席架构师 副总监 主任委员
    """.split(),  # noqa: SIM905
    key=len,
    reverse=True,
)
_TITLE_ALT = "|".join(TITLES)

SURNAMES = set(
    """王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢
    宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏
    吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹
    孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱
    严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞
    颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁
    尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆
    蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时
    穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜
    冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾
    隋 商 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝
    官 封 谈 匡 鞠 惠 荆 乐 冀 郁 胥 南 班 储 原 栗 燕 楚 鄢 劳 谌 奚 皮
    粟 冼 蔺 楼 盘 满 闻 位 厉 伊 仝 区 郜 海 阚 花 权 强 帅 屠 豆 朴 盖
    练 廉 禹 井 祖 漆 巴 丰 支 卿 国 狄 平 计 索 宣 晋 相 初 门 云 容 敬
    来 扈 晁 芮 都 普 阙 浦 戈 伏 鹿 薄 邸 雍 辜 羊 阿 乌 母 裘 亓 修 邰
    赫 杭 况 那 宿 鲜 印 逯 隆 茹 诸 战 慕 危 玉 银 亢 嵇 公 哈 湛 宾 戎
    勾 茅 利 於 呼 居 揭 干 但 尉 冶 斯 元 束 檀 衣 信 展 阴 昝 智 幸 奉
    植 衡 富 尧 闭 由
    """.split()  # noqa: SIM905
)
COMPOUND_SURNAMES = set(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "令狐",
    ]
)

# Words after a person's name: speech and action verbs, or punctuation.
_AFTER_NAME = (
    r"(?:介绍|表示|说|指出|强调|认为|出席|主持|告诉|坦言|直言|透露|解释|称|提出|建议|谈到|分析|"
    r"坦承|补充|回忆|感慨|讲话|致辞|发言|会见|调研|参加|带队|一行|在|对|也|还|就|等|率|向|曾|则|"
    r"日前|近日|近期|今天|昨天|今年|此前|已|称|"
    r"[，。、；：！？,.;:!?“”\s（(])"
)

# Government body stems that may follow a place prefix (full names and common abbreviations).
_DEPT_STEMS = (
    "工业和信息化|工业与信息化|经济和信息化|经济与信息化|发展和改革|发展改革|人力资源和社会保障|"
    "人力资源社会保障|生态环境|大数据|数据资源|科学技术|科技|商务|财政|统计|自然资源|住房和城乡建设|"
    "住房城乡建设|交通运输|农业农村|文化和旅游|卫生健康|应急管理|教育|公安|司法|民政|水利|审计|"
    "国有资产监督管理|国资|市场监督管理|市场监管|能源|外事|工信|经信|发改|人社|网信|政务服务|行政审批|"
    "投资促进|地方金融监督管理|金融|税务|海关|通信|知识产权|政府|人民政府|委|政府办公|工业互联网|数字经济|"
    "中小企业|营商环境|机关事务|信访|体育|气象|邮政"
)
_DEPT_SUFFIX = "管理委员会|委员会|办公室|领导小组|专项工作组|工作组|管委会|局|厅|委|办"

POLICY_SUFFIXES = (
    "实施意见|指导意见|若干意见|若干措施|若干政策|行动计划方案|三年行动计划|行动计划|行动方案|实施方案|"
    "工作方案|建设方案|规划方案|发展规划|专项规划|规划纲要|远景目标纲要|纲要|规划|白皮书|蓝皮书|管理办法|"
    "实施细则|暂行办法|办法|条例|指南|指标体系|评估体系|图谱|通知|意见|措施|政策"
)
_POLICY_END = re.compile(
    f"(?:{POLICY_SUFFIXES}|报告|标准|方案|计划|目录|清单|要点|决定|规定|战略)$"
)
_MEDIA_END = re.compile(r"(?:日报|晚报|报|杂志|周刊|期刊|网|频道|节目|电视台|丛书|书)$")

# Words that make a platform or project name generic when they are all it has.
_GENERIC_MODIFIERS = re.compile(
    r"^(?:行业级|特色型?|专业型?|综合型?|特定行业|特定领域|垂直行业|垂直|细分|城市级|省级|市级|国家级|"
    r"双跨|跨行业跨领域|各类|一批|大型|中小型?|行业|工业互联网|工业|互联网|企业|综合|公共|服务|管理|"
    r"数字化|智能化|网络化|信息|数据|云|智能|智慧|新型|平台|系统|内部|相关|该|这个|此|其|线上|线下|"
    r"一个|多个|首个|全国首个|全国首家|一张|重点|标杆型?|灯塔|绿色|未来|黑灯|无人|数字|产业|园区|示范|"
    r"试点|典型|龙头|头部|优秀|领先|国际领先|开放|协同|制造|融合|创新|应用|场景|解决方案|二级|三级|"
    r"信息共享|操作|赋能|全链条|高质量|改造|具体|专网|新一代|政企|政务|投资|融资|国有|两级|省市|"
    r"\dG|双跨|配套|支持|"
    r"的|和|、|\d+|[一二三四五六七八九十百千万几多]+[个家大类项条]?)+$"
)


@dataclass
class Mention:
    """A span of the article text naming an entity."""

    start: int
    end: int
    label: str
    name: str  # canonical name
    surface: str  # the text as written
    source: str  # "gazetteer" or the pattern that found it
    aliases: set[str] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)
    owner: str | None = None  # owner company's name when written as a prefix (海尔卡奥斯)
    place_prefix: tuple[str, ...] = ()  # written places at the start of the name, outermost first
    nested: bool = False  # inside a longer mention (a place inside a park's name)


def strip_quotes(text: str) -> str:
    return _QUOTE_RE.sub("", text).strip()


def fold(text: str) -> str:
    """Canonical-name folding: no quotes or 《》, ASCII parentheses, trimmed."""
    text = strip_quotes(text).replace("《", "").replace("》", "")
    return text.replace("（", "(").replace("）", ")").strip()


class TokenIndex:
    """Token boundaries of a Doc, addressable by character offset."""

    def __init__(self, doc: Doc) -> None:
        from loaders.nlp import doc_text, token_offsets

        self.text = doc_text(doc)
        self.starts, self.words = token_offsets(doc)

    def token_at(self, pos: int) -> int:
        """Index of the token that contains character `pos`."""
        return bisect.bisect_right(self.starts, pos) - 1

    def is_boundary(self, pos: int) -> bool:
        """True when a token starts (or the text ends) at `pos`."""
        if pos <= 0 or pos >= len(self.text):
            return True
        return self.starts[self.token_at(pos)] == pos

    def left_edge(self, pos: int, max_chars: int = 14, stop_at_place: bool = False) -> int:
        """Start of the name that ends at `pos`: walk back over tokens until a stop word,
        punctuation or `max_chars`."""
        if pos <= 0:
            return 0
        i = self.token_at(pos - 1)
        start = pos
        while i >= 0:
            word = self.words[i]
            tok_start = self.starts[i]
            if word in STOP_TOKENS or word[-1] in _PUNCT or word.isspace():
                break
            if pos - tok_start > max_chars:
                break
            start = tok_start
            i -= 1
        return start

    def token_words(self, start: int, end: int) -> list[str]:
        if start >= end:
            return []
        i, j = self.token_at(start), self.token_at(end - 1)
        return self.words[i : j + 1]


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from loaders.gazetteer import load_gazetteer

    return load_gazetteer()


def home_place(title: str, text: str, cities: Iterable[Mention]) -> tuple[str | None, str | None]:
    """The article's own (city, province): where a bare 市/省 prefix points.

    Prefecture-level cities named in the title or the first lines weigh most, then how often a
    city is named; the province is the city's, or the most named province.
    """
    gaz = _gazetteer()
    head_end = len(text[:300])
    score: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    for m in cities:
        level = m.props.get("level")
        weight = 3 if m.start < head_end else 1
        if level == "city":
            score[m.name] += weight
        elif level == "province":
            provinces[m.name] += weight
        elif level == "district":
            parent = _parent(m.name)
            if parent:
                score[parent] += 0.5 * weight
    for name in list(score):
        short = name[:-1] if name.endswith("市") else name
        if short and short in title:
            score[name] += 5
    if not score:  # a municipality (重庆市) is province and city at once
        for name, weight in provinces.items():
            if name.endswith("市"):
                score[name] = weight
    city = score.most_common(1)[0][0] if score else None
    province = None
    if city:
        anc = gaz.ancestor_names(city)
        province = anc[-1] if anc else None
        entry = gaz.division(city)
        if entry is not None and entry.level == "province":  # a municipality: city = province
            province = city
    if province is None and provinces:
        province = provinces.most_common(1)[0][0]
    return city, province


def _parent(city: str) -> str | None:
    entry = _gazetteer().division(city)
    return entry.parent if entry is not None else None


# --------------------------------------------------------------------------------------------
# Finders. Each returns Mentions; `find_mentions` merges them.
# --------------------------------------------------------------------------------------------

_NAME_CHARS = f"{HAN}A-Za-z0-9"
_RARE_FREQ = 100  # jieba frequency below which a word reads as a proper name, not vocabulary
_DISTRICT_SHORT_MAX_FREQ = 1000  # a district's bare short form must not be an everyday word


class _CachedGazetteer:
    """The gazetteer with bounded memos of the lookups the finders repeat (the answers depend
    on the surface only, so they are shared by all articles)."""

    def __init__(self, gaz: Any) -> None:
        self._gaz = gaz
        self.division = lru_cache(maxsize=65536)(self._division)
        self.lookup = lru_cache(maxsize=65536)(self._lookup)
        self.ancestor_names = lru_cache(maxsize=16384)(gaz.ancestor_names)
        self.is_ambiguous = lru_cache(maxsize=65536)(gaz.is_ambiguous)

    def _division(self, surface: str, within: str | None = None, strict: bool = False) -> Any:
        return self._gaz.division(surface, within=within, strict=strict)

    def _lookup(self, surface: str) -> tuple[Any, ...]:
        return tuple(self._gaz.lookup(surface))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._gaz, name)


@lru_cache(maxsize=1)
def _cached_gazetteer() -> _CachedGazetteer:
    return _CachedGazetteer(_gazetteer())


class Context:
    """Everything the finders share for one article."""

    def __init__(self, doc: Doc, title: str, freq: Any) -> None:
        from loaders.nlp import doc_text

        self.doc = doc
        self.text = doc_text(doc)
        self.title = title
        self.tokens = TokenIndex(doc)
        self.freq = freq  # word -> jieba base frequency
        self.gaz = _cached_gazetteer()
        self.known_orgs: list[Mention] = []  # gazetteer organisations, for names they open
        self.cities: list[Mention] = []  # sorted by start once the gazetteer pass is done
        self._city_starts: list[int] | None = None
        self.home_city: str | None = None
        self.home_province: str | None = None

    def is_rare(self, word: str) -> bool:
        return self.freq(word) < _RARE_FREQ

    def cities_in(self, start: int, end: int) -> list[Mention]:
        """City mentions inside [start, end) (cities are kept sorted by start)."""
        if self._city_starts is None or len(self._city_starts) != len(self.cities):
            self._city_starts = [m.start for m in self.cities]
        i = bisect.bisect_left(self._city_starts, start)
        j = bisect.bisect_left(self._city_starts, end, lo=i)
        return [m for m in self.cities[i:j] if m.end <= end]

    def leading_places(self, start: int, end: int) -> list[Mention]:
        """City mentions that open the span [start, end), one after another (山东淄博…),
        including a parent written inside a longer one (重庆 in 重庆两江新区), outermost first."""
        inside = self.cities_in(start, end)
        out: list[Mention] = []
        pos = start
        while True:
            here = [m for m in inside if m.start == pos]
            if not here:
                break
            longest = max(here, key=lambda c: c.end)
            out.extend(sorted(here, key=lambda c: c.end))
            pos = longest.end
        return out


def _city_mention(ctx: Context, start: int, end: int, surface: str, entry: Any) -> Mention:
    m = Mention(start, end, "City", entry.name, surface, "gazetteer", props={"level": entry.level})
    if surface != entry.name:
        m.aliases.add(surface)
    return m


def _written_parent(ctx: Context, m: Mention) -> Mention | None:
    """A division written with its parent glued on (重庆两江新区): the parent, nested."""
    for parent_name in ctx.gaz.ancestor_names(m.name)[:1]:
        parent = ctx.gaz.division(parent_name)
        if parent is None:
            return None
        for form in {parent_name, parent.short or parent_name}:
            if m.surface.startswith(form) and len(m.surface) > len(form) + 1:
                city = _city_mention(ctx, m.start, m.start + len(form), form, parent)
                city.nested = True
                return city
    return None


def _pick_city(ctx: Context, surface: str, entries: list[Any]) -> Any | None:
    """The division a surface names, or None when it needs the article's place to decide
    (homonyms, district short forms) or is an everyday word (比如, 大关)."""
    entry = ctx.gaz.division(surface)
    if entry is None or surface == entry.name:
        return entry
    others = [e for e in entries if e.label == "City" and e.name != entry.name]
    if any(entry.name not in ctx.gaz.ancestor_names(e) for e in others):
        return None
    if not others and ctx.gaz.is_ambiguous(surface):
        return None
    if entry.level == "district":
        return None  # a district's bare short form needs its city or province in the article
    return entry


def _places_opening(ctx: Context, m: Mention) -> list[Mention]:
    """Places at the head of a known organisation's written name (浙江中控技术股份有限公司):
    nested City mentions, and the organisation's written place prefix."""
    found: list[Mention] = []
    pos = m.start
    for _ in range(2):
        for length in (4, 3, 2):
            piece = ctx.text[pos : pos + length]
            if pos + length >= m.end:
                continue
            entry = ctx.gaz.division(piece, strict=True)
            if (
                entry is None
                or entry.level == "district"
                or (ctx.gaz.is_ambiguous(piece) and piece != entry.name)
            ):
                continue
            city = _city_mention(ctx, pos, pos + length, piece, entry)
            city.nested = True
            found.append(city)
            pos += length
            break
        else:
            break
    m.place_prefix = tuple(c.name for c in found)
    return found


def gazetteer_mentions(ctx: Context) -> list[Mention]:
    """Entity-ruler matches, labelled and named by the gazetteer."""
    out: list[Mention] = []
    deferred: list[tuple[int, int, str]] = []
    for ent in ctx.doc.spans.get("gazetteer", []):
        surface = ctx.text[ent.start_char : ent.end_char]
        entries = ctx.gaz.lookup(surface)
        if not entries:
            continue
        if ent.label_ == "City":
            entry = _pick_city(ctx, surface, entries)
            if entry is None:
                deferred.append((ent.start_char, ent.end_char, surface))
                continue
            city = _city_mention(ctx, ent.start_char, ent.end_char, surface, entry)
            out.append(city)
            parent = _written_parent(ctx, city)
            if parent is not None:
                out.append(parent)
            continue
        entry = next((e for e in entries if e.label == ent.label_), entries[0])
        if surface != entry.name and ctx.gaz.is_ambiguous(surface):
            continue  # 浪潮 is also an everyday word: only its full name counts
        m = Mention(ent.start_char, ent.end_char, entry.label, entry.name, surface, "gazetteer")
        if surface != entry.name:
            m.aliases.add(surface)
        out.append(m)
        out.extend(_places_opening(ctx, m))
    ctx.cities = sorted((m for m in out if m.label == "City"), key=lambda m: m.start)
    ctx._city_starts = None
    ctx.home_city, ctx.home_province = home_place(ctx.title, ctx.text, ctx.cities)
    # Homonyms and district short forms: only a division inside a city or province the article
    # names (即墨 in an article about 青岛, 垦利 after 东营).
    named = {m.name for m in ctx.cities if m.props.get("level") in ("city", "province")}
    for start, end, surface in deferred:
        for scope in named:
            entry = ctx.gaz.division(surface, within=scope, strict=True)
            if entry is None or scope not in ctx.gaz.ancestor_names(entry):
                continue
            if surface != entry.name and ctx.freq(surface) >= _DISTRICT_SHORT_MAX_FREQ:
                continue
            out.append(_city_mention(ctx, start, end, surface, entry))
            break
    ctx.cities = sorted((m for m in out if m.label == "City"), key=lambda m: m.start)
    ctx._city_starts = None
    ctx.known_orgs = [m for m in out if m.label in ("Company", "Agency", "Platform")]
    return out


# -- policies ------------------------------------------------------------------------------------

_BOOK_RE = re.compile(r"《([^《》\n]{2,80})》")


def book_title_mentions(ctx: Context) -> list[Mention]:
    """《…》 titles: policies, plans, white papers (not newspapers or books)."""
    out = []
    for m in _BOOK_RE.finditer(ctx.text):
        inner = m.group(1).strip()
        if _MEDIA_END.search(inner) and not _POLICY_END.search(inner):
            continue
        name = fold(inner)
        mention = Mention(m.start(), m.end(), "Policy", name, m.group(0), "pattern:book_title")
        if inner != name:
            mention.aliases.add(inner)
        out.append(mention)
    return out


_ISSUE_VERBS = (
    r"(?:先后|相继|陆续|已|正式|联合|共同)?"
    r"(?:出台|印发|发布|制定|编制|颁布|出台实施|制定出台|新编制)了?"
)
_LIST_AFTER_VERB = re.compile(
    _ISSUE_VERBS + r"(?P<items>[^，,。；;：！？\n《》]{4,160}?)"
    r"(?=等[^，,。；\n]{0,8}(?:文件|政策|措施|规划)|[，,。；;！？\n]|$)"
)
_POLICY_ITEM_END = re.compile(f"(?:{POLICY_SUFFIXES}|报告|标准|方案|计划|战略)$")
_SPLIT_ITEMS = re.compile(r"[、]|(?<=[划案见施要书系谱])和(?!\d{4}年远景目标纲要)")


_PLACE_TITLE_END = (
    "实施意见|指导意见|若干措施|若干政策|行动计划|行动方案|实施方案|发展规划|专项规划|规划纲要|"
    "远景目标纲要|纲要|规划|白皮书"
)


def unquoted_policy_mentions(ctx: Context) -> list[Mention]:
    """Policy titles written without 《》: listed after an issuing verb, or a place-led title
    at the head of a clause (淄博市十四五规划和2035年远景目标纲要确立了…)."""
    out = []
    text = ctx.text
    for m in _LIST_AFTER_VERB.finditer(text):
        items_start = m.start("items")
        pos = items_start
        for item in _SPLIT_ITEMS.split(m.group("items")):
            raw = item
            lead = len(raw) - len(raw.lstrip(" 的了"))
            start = pos + lead
            pos += len(item) + 1
            item = raw[lead:].strip()
            name = fold(item)
            if len(name) < 8 or not _POLICY_ITEM_END.search(name) or name.count("的") > 1:
                continue
            if name.startswith("了"):
                continue
            stem = _POLICY_ITEM_END.sub("", name)
            if _GENERIC_MODIFIERS.fullmatch(stem) or re.fullmatch(
                r"[一二三四五六七八九十\d]+年", stem
            ):
                continue
            mention = Mention(start, start + len(item), "Policy", name, item, "pattern:issued_list")
            if item != name:
                mention.aliases.add(item)
            out.append(mention)
    # Place-led titles at the start of a clause.
    for city in ctx.cities:
        if city.start > 0 and text[city.start - 1] not in "，,。；：！？\n“ ":
            continue
        window = text[city.start : city.start + 40]
        hit = re.match(
            rf"[{_NAME_CHARS}“”‘’+—\-()（）]{{2,36}}?(?:规划和\d{{4}}年远景目标纲要|{_PLACE_TITLE_END})"
            r"(?=[，,。；、]|确立|提出|明确|指出|要求|中|$)",
            window,
        )
        if not hit:
            continue
        surface = hit.group(0)
        words = ctx.tokens.token_words(city.start, city.start + len(surface))
        if any(w in STOP_TOKENS and w not in ("和", "的", "与") for w in words):
            continue  # a clause, not a title: 重庆市经信委联合…发布新政策
        name = fold(surface)
        rest = name[len(city.surface) :]
        if len(rest) < 4 or _GENERIC_MODIFIERS.fullmatch(_POLICY_ITEM_END.sub("", rest) or "x"):
            continue
        mention = Mention(
            city.start, city.start + len(surface), "Policy", name, surface, "pattern:place_title"
        )
        if surface != name:
            mention.aliases.add(surface)
        out.append(mention)
    return out


# -- quoted names ------------------------------------------------------------------------------

_QUOTED_RE = re.compile(r"[“‘]([^“”‘’\n]{2,24})[”’]")
# Type words after (or ending) a quoted name, longest first, and the label each gives.
_TYPE_SUFFIXES: list[tuple[str, str]] = sorted(
    [
        ("专项行动计划", "Policy"),
        ("三年行动计划方案", "Policy"),
        ("三年行动计划", "Policy"),
        ("行动计划", "Policy"),
        ("行动方案", "Policy"),
        ("实施方案", "Policy"),
        ("规划", "Policy"),
        ("发展规划", "Policy"),
        ("实施意见", "Policy"),
        ("白皮书", "Policy"),
        ("图谱", "Policy"),
        ("指标体系", "Policy"),
        ("方案", "Policy"),
        ("计划", "Policy"),
        ("纲要", "Policy"),
        ("专项行动", "Project"),
        ("提升行动", "Project"),
        ("攻坚行动", "Project"),
        ("行动", "Project"),
        ("工程", "Project"),
        ("项目", "Project"),
        ("工厂", "Project"),
        ("示范区", "Project"),
        ("产业园", "Project"),
        ("园区", "Project"),
        ("根节点", "Project"),
        ("工业互联网平台", "Platform"),
        ("云平台", "Platform"),
        ("平台", "Platform"),
        ("大脑", "Platform"),
        ("云脑", "Platform"),
        ("系统", "Platform"),
    ],
    key=lambda p: len(p[0]),
    reverse=True,
)
_ANAPHOR_RE = re.compile(r"(?:这个|这一|该|此|这|上述)[^，,。；\n]{0,10}$")


_TYPE_LABEL = dict(_TYPE_SUFFIXES)


_TYPE_WORD = re.compile("(?=(" + "|".join(s for s, _ in _TYPE_SUFFIXES) + "))")


def _type_of(name: str) -> tuple[str, str] | None:
    """(type word, label) that `name` ends with, the longest type word first."""
    for length in range(min(len(name), 8), 0, -1):
        label = _TYPE_LABEL.get(name[-length:])
        if label:
            return name[-length:], label
    return None


def quoted_mentions(ctx: Context) -> list[Mention]:
    """Names in quotation marks that end in, or are followed by, a type word:
    “窑炉数字大脑”, “云帆”工业互联网平台, “双千兆”工程, 创新中心“个十百”提升行动."""
    out = []
    text = ctx.text
    for m in _QUOTED_RE.finditer(text):
        inner = m.group(1)
        if _ANAPHOR_RE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        end = m.end()
        # A type word right after the closing quote (optionally after one space).
        tail_start = end + 1 if text[end : end + 1] == " " else end
        run = re.match(f"规划和\\d{{4}}年远景目标纲要|[{_NAME_CHARS}+]{{1,12}}", text[tail_start:])
        suffix = ""
        if run:
            head = run.group(0)
            ends = sorted({t.end(1) for t in _TYPE_WORD.finditer(head)}, reverse=True)
            for cut in ends:
                typ = _type_of(head[:cut])
                # a type word, possibly after a short qualifier (三年行动计划方案)
                qualifier = head[: cut - len(typ[0])] if typ else ""
                if (
                    typ
                    and (len(qualifier) <= 4 or "远景目标" in qualifier)
                    and not re.search(r"重点|相关|有关|等|首批", qualifier)
                ):
                    suffix = head[:cut]
                    break
        if suffix:
            label = _type_of(suffix)[1]  # type: ignore[index]
            span_end = tail_start + len(suffix)
        else:
            typ = _type_of(inner)
            if typ is None or len(inner) <= len(typ[0]) + 1:
                continue
            stem = inner[: -len(typ[0])]
            label = typ[1]
            if "+" in stem or "＋" in stem:
                continue
            if label != "Policy" and _GENERIC_MODIFIERS.fullmatch(stem):
                continue
            if label == "Policy" and len(stem) < 4:
                continue
            span_end = end
        first = ctx.tokens.token_words(m.start() + 1, m.start() + 3)[:1]
        if first and first[0] in STOP_TOKENS:
            continue  # a quoted phrase that opens with a verb is a quotation, not a name
        if (
            suffix
            and label == "Platform"
            and not _type_of(inner)
            and (
                _GENERIC_MODIFIERS.fullmatch(inner)
                or not _brand_like(ctx, m.start() + 1, m.start() + 1 + len(inner))
                or not re.search(f"[{HAN}A-Za-z]", inner)
                or "+" in inner
                or text.startswith("体系", span_end)
            )
        ):
            continue  # “企业上云”平台, “双跨”平台: a slogan or a category, not a brand
        # Words glued before the opening quote belong to the name (创新中心“个十百”提升行动),
        # unless they are only a place, which becomes a location instead.
        lead_start = m.start() - 1 if text[m.start() - 1 : m.start()] == " " else m.start()
        left = ctx.tokens.left_edge(lead_start, max_chars=8)
        if label == "Platform" and not ctx.leading_places(left, lead_start):
            left = m.start()  # 线上“云帆”平台: words before a brand are not part of it
        places = ctx.leading_places(left, lead_start)
        if places and places[-1].end == lead_start:
            place_prefix = tuple(p.name for p in places)
            left = m.start()
        else:
            place_prefix = ()
            if left < lead_start and not re.fullmatch(f"[{HAN}]+", text[left:lead_start]):
                left = m.start()
        surface = text[left:span_end]
        name = fold(re.sub(r"\s*([“”‘’])\s*", r"\1", surface))
        if label == "Platform" and suffix and not _type_of(inner) and left == m.start():
            name = fold(inner)  # a brand: “云帆”工业互联网平台 is the platform 云帆
        mention = Mention(left, span_end, label, name, surface, "pattern:quoted")
        inner_places = ctx.leading_places(m.start() + 1, m.end() - 1)
        mention.place_prefix = place_prefix or tuple(p.name for p in inner_places)
        for alias in {surface, fold(inner) + suffix, text[m.start() : span_end]}:
            if alias and alias != name:
                mention.aliases.add(alias)
        out.append(mention)
    return out


def _brand_like(ctx: Context, start: int, end: int) -> bool:
    """A brand has a proper-name part: a word jieba does not know (split into single
    characters), a rare word, or Latin letters; 企业上云 is made of ordinary words."""
    words = ctx.tokens.token_words(start, end)
    if re.search("[A-Za-z]", ctx.text[start:end]):
        return True
    places = {c.surface for c in ctx.cities_in(start, end)}
    if any(len(w) > 1 and w not in places and ctx.freq(w) >= 1000 for w in words):
        return False  # 企业上云: everyday words
    # Anything else in quotes before 平台 is a brand, even an ordinary noun (“羚羊”平台).
    return not any(w in STOP_TOKENS for w in words)


# -- companies -----------------------------------------------------------------------------------

_LEGAL_SUFFIX = "集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|股份公司"
_LEGAL_RE = re.compile(_LEGAL_SUFFIX)
_INDUSTRY_SUFFIX = (
    "科技|智能|信息|电器|材料|耐火材料|装备|石油装备|电子|软件|网络|通信|数据|能源|化工|机械|重工|汽车|"
    "钢铁|药业|制药|电气|智造|国际|控股|实业|农业|物流|环保|机电|光电|新材|精工|数控|仪器|家电|纺织|轮胎|"
    "橡胶|陶瓷|建材|食品|生物|医药|半导体|微电子|集团|智家"
)
_INDUSTRY_RE = re.compile(f"(?:{_INDUSTRY_SUFFIX})(?![化局部厅院所园区城镇村省市县委办业务])")
_ORG_TAIL = re.compile(f"(?:{_LEGAL_SUFFIX})$")
_INDUSTRY_TAIL = re.compile(f"(?:{_INDUSTRY_SUFFIX})$")
_NOT_COMPANY_END = re.compile(r"(?:科技局|科技厅|科技部|信息局|信息中心|数据局|数据中心)$")


def _strip_places(ctx: Context, start: int, end: int) -> tuple[int, tuple[str, ...]]:
    places = ctx.leading_places(start, end)
    if places:
        return places[-1].end, tuple(p.name for p in places)
    return start, ()


def _company(ctx: Context, start: int, end: int, source: str) -> Mention | None:
    """A Company mention for text[start:end]: canonical name without place and legal form."""
    text = ctx.text
    surface = text[start:end]
    core_start, places = _strip_places(ctx, start, end)
    core = re.sub(r"[（(](?:集团|控股|中国)[)）]$", "", _ORG_TAIL.sub("", text[core_start:end]))
    if re.search(r"集团(?:股份)?有限公司$", surface) and not core.endswith("集团"):
        core += "集团"  # 安徽江淮汽车集团股份有限公司 is the group 江淮汽车集团
    if len(core) < 2 or _NOT_COMPANY_END.search(surface):
        return None
    if _GENERIC_MODIFIERS.fullmatch(core) or ctx.freq(core) >= _RARE_FREQ:
        if core_start == start:
            return None
        core = _ORG_TAIL.sub("", surface)  # 徐州重型机械: the place is part of the name
    mention = Mention(start, end, "Company", core, surface, source)
    mention.place_prefix = places
    if surface != core:
        mention.aliases.add(surface)
    # The short form the article goes on to use: 舜宇光学科技 → 舜宇光学, 东贝电器 → 东贝.
    short = _INDUSTRY_TAIL.sub("", core)
    if (
        short != core
        and not core.endswith("集团")
        and len(short) >= 2
        and text.count(short) > 1
        and ctx.freq(short) < _RARE_FREQ
    ):
        mention.aliases.add(short)
    return mention


_FUNCTION_CHARS = set(
    "而以在与和及对为由被把将从于向使让给等是有也还都又就即这那该其此各每的了着过"
)


def _name_like(ctx: Context, stem: str, words: list[str]) -> bool:
    """A proper-name stem: not a dictionary word, no function word in it, and its first
    multi-character word (if any) rare."""
    if ctx.freq(stem) >= _RARE_FREQ or stem[0] in _FUNCTION_CHARS:
        return False
    # one-character function words inside an unknown name are just its characters (天能电池)
    if (words and words[0] in STOP_TOKENS) or any(w in STOP_TOKENS for w in words if len(w) > 1):
        return False
    first_long = next((w for w in words if len(w) > 1), None)
    return first_long is None or ctx.is_rare(first_long)


def company_mentions(ctx: Context) -> list[Mention]:
    """Registered names (…股份有限公司), groups (…集团), 'X公司', and short names that end in an
    industry word and start with a proper name (国瓷材料, 安恒信息)."""
    out = []
    text, tokens = ctx.text, ctx.tokens
    for m in _LEGAL_RE.finditer(text):
        left = _left_with_parens(ctx, m.start(), max_chars=16)
        if m.start() - left < 2:
            continue
        mention = _company(ctx, left, m.end(), "pattern:registered_company")
        if mention:
            out.append(mention)
    for m in re.finditer(r"(?<![有限股份总子分])公司", text):
        left = tokens.left_edge(m.start(), max_chars=6)
        stem = text[left : m.start()]
        if not (2 <= len(stem) <= 4) or not _name_like(
            ctx, stem, tokens.token_words(left, m.start())
        ):
            continue
        if _GENERIC_MODIFIERS.fullmatch(stem) or ctx.cities_in(left, m.start()):
            continue
        mention = Mention(
            left, m.end(), "Company", stem + "公司", stem + "公司", "pattern:x_company"
        )
        mention.aliases.add(stem)
        out.append(mention)
    for m in _INDUSTRY_RE.finditer(text):
        if not tokens.is_boundary(m.start()) or not tokens.is_boundary(m.end()):
            continue
        left = tokens.left_edge(m.start(), max_chars=8)
        core_start, _ = _strip_places(ctx, left, m.start())
        stem_words = tokens.token_words(core_start, m.start())
        stem = text[core_start : m.start()]
        if not (2 <= len(stem) <= 5) or not stem_words:
            continue
        # The stem must be a proper name, not vocabulary (人工智能, 高端装备, 而以, 人社部, 5G).
        if not _name_like(ctx, stem, stem_words) or ctx.freq(stem + m.group(0)) > 0:
            continue
        if stem[-1] in "部局委厅办院所" or not re.search(f"[{HAN}]", stem):
            continue
        if _GENERIC_MODIFIERS.fullmatch(stem):
            continue
        mention = _company(ctx, left, m.end(), "pattern:industry_name")
        if mention:
            out.append(mention)
    return out


_FIRM_LIST_END = re.compile(
    r"等(?:一批|多家|众多|知名|重量级|头部|龙头|科技|互联网|工业互联网)*"
    r"(?:企业|公司|服务商|厂商|平台企业|科技企业|集团)"
)


def listed_firm_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """Members of a list closed by 等企业/等服务商 (深圳的华为、腾讯等企业;
    引进A、B、C等一批服务商): unknown members that read as names are companies."""
    out = []
    text = ctx.text
    for m in _FIRM_LIST_END.finditer(text):
        end = m.start()
        for _ in range(8):
            start = max(text.rfind(c, 0, end) for c in "、，,。；：\n和及与") + 1
            item = text[start:end].strip()
            covered = any(k.start <= start + 1 and end <= k.end + 1 for k in known)
            words = ctx.tokens.token_words(start, end)
            # In such a list even a dictionary word names a firm (网易), unless it is common.
            plausible = (
                ctx.freq(item) < 1000
                and item[0] not in _FUNCTION_CHARS
                and not any(w in STOP_TOKENS for w in words if len(w) > 1)
                and not _GENERIC_MODIFIERS.fullmatch(item)
            )
            if (
                item
                and not covered
                and 2 <= len(item) <= 8
                and plausible
                and not _PROJECT_SUFFIX.search(item)
                and not ctx.cities_in(start, end)
            ):
                out.append(Mention(start, end, "Company", item, item, "pattern:firm_list"))
            if start == 0 or text[start - 1] != "、":
                break
            end = start - 1
    return out


# Positions that only an organisation fills: 与X签署, X是一家, X携手Y, X集团's X宝通.
_ORG_SLOTS = (
    re.compile(r"(?:与|和|同)(?P<x>[^，,。；、与和\s“”]{2,8}?)(?:签署|签订|签约|达成|共同|联合)"),
    re.compile(
        r"(?:^|[，,。；\n的])(?P<x>[^，,。；、的\s“”]{2,8}?)(?:是一家|作为一家|是一个|为一家)"
    ),
    re.compile(r"(?:^|[，,。；\n])(?P<x>[^，,。；、\s“”]{2,8}?)(?:携手|联手|牵手)"),
)


_BRANCH = re.compile(f"([{HAN}]{{2,3}}?)(分公司|子公司|公司|分院|分中心)")


def branch_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """A known organisation's regional branch: 中国电信湖南分公司 (located in its place)."""
    out = []
    for k in known:
        if k.label not in ("Company", "Agency") or k.nested:
            continue
        m = _BRANCH.match(ctx.text, k.end)
        if not m:
            continue
        entry = ctx.gaz.division(m.group(1))
        if entry is None or entry.level == "district":
            continue
        surface = ctx.text[k.start : m.end()]
        out.append(
            Mention(
                k.start,
                m.end(),
                k.label,
                fold(surface),
                surface,
                "pattern:branch",
                place_prefix=(entry.name,),
            )
        )
    return out


def slot_firm_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """Unknown names in positions only an organisation fills (与华光国瓷签署合作协议,
    纽氏达特是一家…企业), and names that extend a group's name (万达集团 → 万达宝通)."""
    out = []
    text = ctx.text
    spans = [(k.start, k.end) for k in known if not k.nested]

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in spans)

    for slot in _ORG_SLOTS:
        for m in slot.finditer(text):
            start, end = m.span("x")
            item = m.group("x")
            words = ctx.tokens.token_words(start, end)
            if not free(start, end) or not ctx.tokens.is_boundary(start):
                continue
            if not _name_like(ctx, item, words) or _PROJECT_SUFFIX.search(item):
                continue
            if _GENERIC_MODIFIERS.fullmatch(item) or (
                ctx.cities_in(start, end) and end - _strip_places(ctx, start, end)[0] < 2
            ):
                continue
            core_start, places = _strip_places(ctx, start, end)
            name = text[core_start:end] if end - core_start >= 2 else item
            mention = Mention(start, end, "Company", name, item, "pattern:org_slot")
            mention.place_prefix = places
            out.append(mention)
            spans.append((start, end))
    for group in known:
        if group.label != "Company" or not group.name.endswith("集团") or len(group.name) < 4:
            continue
        stem = group.name[:-2]
        for m in re.finditer(re.escape(stem) + f"([{HAN}]{{2}})", text):
            tail = m.group(1)
            words = ctx.tokens.token_words(m.start(1), m.end(1))
            if tail.startswith("集团") or not free(m.start(), m.end()):
                continue
            if any(w in STOP_TOKENS for w in words) or ctx.freq(tail) >= _RARE_FREQ:
                continue
            if not ctx.tokens.is_boundary(m.end()):
                continue
            out.append(
                Mention(
                    m.start(), m.end(), "Company", m.group(0), m.group(0), "pattern:group_member"
                )
            )
            spans.append(m.span())
    return out


# -- agencies ------------------------------------------------------------------------------------

_DEPT_RE = re.compile(f"(?:{_DEPT_STEMS})(?:{_DEPT_SUFFIX})")
_INSTITUTE_RE = re.compile(
    f"(?:中国|国家)[{_NAME_CHARS}]{{2,16}}?(?:研究院|研究中心|研究所|科学院|信通院)"
    f"(?:[{HAN}]{{2,3}}(?:分院|分中心|分所))?"
)


def _expand_agency(ctx: Context, surface: str, place: str | None) -> str:
    try:
        name = ctx.gaz.expand_agency(surface, place)
    except (KeyError, ValueError):
        name = None
    return name or surface


_BODY_AFTER_PLACE = re.compile(
    f"(?:人民政府|政府|[{HAN}]{{0,8}}?(?:管理委员会|管委会|委员会|办公室|局))(?![长内外部])"
)


def _place_led_bodies(ctx: Context, seen: set[tuple[int, int]]) -> list[Mention]:
    """Any body a written place opens: 顺德区经济促进局, 顺德区人民政府, 重庆两江新区管理委员会.
    The words between place and ending must be a department name, not a clause."""
    out = []
    text = ctx.text
    chain_start: dict[int, int] = {}  # end of a place chain → its start (重庆 + 两江新区)
    for c in ctx.cities:
        chain_start[c.end] = chain_start.get(c.start, c.start)
    city_starts = {c.start for c in ctx.cities}
    for end, start in chain_start.items():
        if end in city_starts:
            continue  # the chain goes on: 重庆 is followed by 两江新区
        m = _BODY_AFTER_PLACE.match(text, end)
        if not m or any(a <= start and m.end() <= b for a, b in seen):
            continue
        words = ctx.tokens.token_words(end, m.end())
        if any(w in STOP_TOKENS for w in words) or "的" in m.group(0):
            continue
        surface = text[start : m.end()]
        name = _expand_agency(ctx, surface, None)
        mention = Mention(start, m.end(), "Agency", name, surface, "pattern:agency")
        if surface != name:
            mention.aliases.add(surface)
        places = ctx.leading_places(start, end)
        mention.place_prefix = tuple(p.name for p in places)
        mention.props["place"] = places[-1].name if places else None
        out.append(mention)
    return out


def agency_mentions(ctx: Context) -> list[Mention]:
    """Government bodies: a department name after a place (淄博市工信局), a bare 市/省 (resolved to
    the article's city or province), or inherited along a list (淄博市工信局、发改委); and state
    research institutions (国家…研究中心, 中国…研究院…分院)."""
    out: list[Mention] = []
    text = ctx.text
    last: Mention | None = None
    for m in _DEPT_RE.finditer(text):
        start = m.start()
        prefix_place: str | None = None
        written = True
        city = next((c for c in ctx.cities if c.end == start), None)
        if city is not None:
            start, prefix_place = city.start, city.name
        elif text[max(0, start - 2) : start] in ("全市", "全省"):
            start -= 2
            written = False
            prefix_place = ctx.home_city if text[start + 1] == "市" else ctx.home_province
        elif text[start - 1 : start] in ("市", "省") and ctx.tokens.is_boundary(start - 1):
            start -= 1
            written = False
            prefix_place = ctx.home_city if text[start] == "市" else ctx.home_province
        elif text[start - 2 : start] == "国家":
            start -= 2
        elif text[start - 1 : start] == "、" and last is not None and last.end == start - 1:
            # 淄博市工信局、发改委: the list shares its first member's place.
            prefix_place = last.props.get("place")
            written = bool(last.place_prefix)
        else:
            # An unprefixed local department is not named enough to be a node.
            if m.group(0) not in ("市委", "省委") and not ctx.gaz.lookup(m.group(0)):
                continue
        surface = text[start : m.end()]
        if re.fullmatch(r"[市省]?(?:委|办|局|厅)", surface):
            continue
        local = text[m.start() : m.end()]
        name = _expand_agency(ctx, local, prefix_place)
        if prefix_place and not name.startswith(prefix_place):
            name = prefix_place + name
        if len(name) < 3:
            continue
        mention = Mention(start, m.end(), "Agency", name, surface, "pattern:agency")
        if surface != name:
            mention.aliases.add(surface)
        mention.props["place"] = prefix_place
        if written and prefix_place:
            mention.place_prefix = (prefix_place,)
        out.append(mention)
        last = mention
    out.extend(_place_led_bodies(ctx, {(m.start, m.end) for m in out}))
    for m in _INSTITUTE_RE.finditer(text):
        surface = m.group(0)
        mention = Mention(m.start(), m.end(), "Agency", surface, surface, "pattern:institute")
        mention.place_prefix = _places_inside(ctx, surface)
        out.append(mention)
    # Party committees: 市委, 省委, 青岛市委.
    for m in re.finditer(r"([市省区县])委(?![员会托屈婉])", text):
        start = m.start()
        city = next(
            (c for c in ctx.cities if c.end in (start, start + 1) and c.name.endswith(m.group(1))),
            None,
        )
        if city is not None:  # 北仑区委 (the city may be read as 北仑 + 区委)
            out.append(
                Mention(
                    city.start,
                    m.end(),
                    "Agency",
                    city.name + "委",
                    text[city.start : m.end()],
                    "pattern:agency",
                    place_prefix=(city.name,),
                )
            )
        elif ctx.tokens.is_boundary(start):
            home = ctx.home_city if m.group(1) == "市" else ctx.home_province
            if home and home.endswith(m.group(1)):
                mention = Mention(
                    start, m.end(), "Agency", home + "委", m.group(0), "pattern:agency"
                )
                mention.aliases.add(m.group(0))
                out.append(mention)
    return out


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
    r"构建了?|升级|首个|首家|全国首个|全国首家|一个|一套)$"
)
_FACILITY_WORDS = re.compile(r"(?:中心|节点|工厂|基地)$")


def _left_with_parens(ctx: Context, pos: int, max_chars: int) -> int:
    """left_edge that steps over a parenthetical right before `pos`:
    九大产业 (石化、橡胶轮胎…)智能化提升工程, 标识解析(青岛)全球根节点."""
    text = ctx.text
    left = ctx.tokens.left_edge(pos, max_chars=max_chars)
    while left > 0 and text[left - 1] in ")）":
        open_at = max(text.rfind("(", 0, left - 1), text.rfind("（", 0, left - 1))
        if open_at < 0 or left - open_at > 60:
            break
        before = open_at - 1 if text[open_at - 1 : open_at] == " " else open_at
        new_left = ctx.tokens.left_edge(before, max_chars=max_chars)
        if new_left == before:
            break
        left = new_left
    return left


def _drop_lists_in_parens(surface: str) -> str:
    """九大产业 (石化、橡胶…)智能化提升工程 → 九大产业智能化提升工程; (青岛) stays."""
    return re.sub(r"\s*[（(][^（）()]*、[^（）()]*[）)]\s*", "", surface)


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
            and not re.search("行业|领域|产业", core[len("".join(run)) :])
        ):
            brand = "".join(run)
        generic = bool(_GENERIC_MODIFIERS.fullmatch(core))
        latin = re.fullmatch(r"[A-Za-z][A-Za-z0-9³²+.\-]*(?: [A-Za-z0-9]+)?", core)
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
        elif re.search("行业|领域", core):
            continue  # 服装行业垂直平台, 微波炉行业工业互联网平台: a kind of platform
        elif (
            not generic
            and len(core) >= 4
            and (
                _INTRO_BEFORE.search(text[max(0, left - 6) : left]) or text[left - 1 : left] == "、"
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


# -- people --------------------------------------------------------------------------------------

_TITLE_RE = re.compile(_TITLE_ALT)
_AFTER_NAME_RE = re.compile(_AFTER_NAME)
_SPEECH_RE = re.compile(
    f"(?:^|(?<=[，,。；：！？\\n“”、]))([{HAN}]{{2,3}})(?=出席|主持|表示|指出|强调|介绍|说|建议|认为|坦言|透露)"
)
_BYLINE_BEFORE = re.compile(r"(?:记者|编辑|通讯员|摄影|作者|撰稿|来源)[\s:：/]*$")


def _is_name(ctx: Context, name: str, max_freq: int = 1) -> bool:
    if len(name) < 2 or len(name) > 4 or not re.fullmatch(f"[{HAN}]+", name):
        return False
    if name[:2] in COMPOUND_SURNAMES:
        given = name[2:]
    elif name[0] in SURNAMES:
        given = name[1:]
    else:
        return False
    if not 1 <= len(given) <= 2 or any(ch in "的了和与及在是为等市省区县局长" for ch in given):
        return False
    return ctx.freq(name) < max_freq


def person_mentions(ctx: Context) -> list[Mention]:
    """People named next to a title (总裁周云杰, 卢阳副局长) or as a speaker (薛庆国出席会议)."""
    text = ctx.text
    found: dict[str, tuple[int, int]] = {}
    for m in _TITLE_RE.finditer(text):
        pos = m.end()
        for length in (3, 2, 4):
            name = text[pos : pos + length]
            if _is_name(ctx, name, _RARE_FREQ) and _AFTER_NAME_RE.match(text, pos + length):
                found.setdefault(name, (pos, pos + length))
                break
    for m in _TITLE_RE.finditer(text):
        for length in (3, 2):
            start = m.start() - length
            name = text[max(start, 0) : m.start()]
            if not _is_name(ctx, name):
                continue
            before = text[max(0, start - 1) : start]
            if (before and before in "处科室部局院司组办会所厅委") or before in (
                "",
                "，",
                ",",
                "。",
                "\n",
                "、",
            ):
                found.setdefault(name, (start, start + len(name)))
                break
    for m in _SPEECH_RE.finditer(text):
        name = m.group(1)
        if _is_name(ctx, name):
            found.setdefault(name, (m.start(1), m.end(1)))
    out = []
    for name, (start, end) in found.items():
        if _BYLINE_BEFORE.search(text[max(0, start - 8) : start]):
            continue
        out.append(Mention(start, end, "Person", name, name, "pattern:person"))
    return out


# -- merging ---------------------------------------------------------------------------------

_SOURCE_RANK = {"gazetteer": 2, "pattern:agency": 3}
_PLATFORM_TAIL = re.compile(r"(?:工业互联网平台|超级平台|平台)")


def _join_owner_prefix(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """海尔卡奥斯 → the platform 卡奥斯 with owner 海尔集团; 卡奥斯工业互联网平台 → 卡奥斯."""
    by_start = {m.start: m for m in mentions if m.source == "gazetteer"}
    drop: set[int] = set()
    extra: list[Mention] = []
    for m in mentions:
        if m.source != "gazetteer":
            continue
        if m.label == "Company":
            nxt = by_start.get(m.end)
            if nxt is not None and nxt.label == "Platform":
                nxt.owner = m.name
                nxt.aliases.add(ctx.text[m.start : nxt.end])
                m.nested = True
        if m.label == "Platform" and m.owner is None:
            _owner_from_alias(ctx, m, extra)
        if m.label == "Platform":
            tail = _PLATFORM_TAIL.match(ctx.text, m.end)
            if tail:
                m.aliases.add(ctx.text[m.start : tail.end()])
    for m in mentions:
        if m.nested and m.label == "Company":
            plat = by_start.get(m.end)
            if plat is not None:
                plat.start = m.start
                plat.surface = ctx.text[plat.start : plat.end]
    return [m for i, m in enumerate(mentions) if i not in drop] + extra


def _owner_from_alias(ctx: Context, m: Mention, extra: list[Mention]) -> None:
    """A platform alias that opens with its owner's name (海尔卡奥斯): record the owner and a
    nested Company mention for it."""
    entries = [e for e in ctx.gaz.lookup(m.name) if e.label == "Platform"]
    owner = entries[0].parent if entries else None
    if not owner or m.surface == m.name:
        return
    companies = [e for e in ctx.gaz.lookup(owner) if e.label == "Company"]
    owner_forms = [owner, *(companies[0].aliases if companies else ())]
    for form in sorted(owner_forms, key=len, reverse=True):
        if m.surface.startswith(form) and len(m.surface) > len(form):
            m.owner = owner
            company = Mention(m.start, m.start + len(form), "Company", owner, form, "gazetteer")
            if form != owner:
                company.aliases.add(form)
            company.nested = True
            extra.append(company)
            return


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Longest spans win; mentions inside a winner stay as nested (places inside a park's name).
    Crossing spans lose."""
    ordered = sorted(
        mentions,
        key=lambda m: (-(m.end - m.start), -_SOURCE_RANK.get(m.source, 1), m.start),
    )
    starts: list[int] = []  # winners, sorted by start; they never overlap each other
    winners: list[Mention] = []
    out: list[Mention] = []
    for m in ordered:
        i = bisect.bisect_right(starts, m.start) - 1
        left = winners[i] if i >= 0 else None
        right = winners[i + 1] if i + 1 < len(winners) else None
        inside = left is not None and m.end <= left.end
        crossing = (not inside and left is not None and m.start < left.end) or (
            right is not None and right.start < m.end
        )
        if crossing:
            continue
        if (
            inside
            and left is not None
            and (left.start, left.end, left.label) == (m.start, m.end, m.label)
        ):
            continue  # the same span read twice (发改委 in a list of local bodies): one reading
        if inside and left is not None and left.label == "Person":
            continue  # 玉林 inside 徐玉林
        if inside:
            if m.nested or (m.label in ("City", "Agency") and m.source == "gazetteer"):
                m.nested = True
                out.append(m)
            continue
        if m.nested:  # an owner prefix already absorbed by its platform
            out.append(m)
            continue
        starts.insert(i + 1, m.start)
        winners.insert(i + 1, m)
        out.append(m)
    return sorted(out, key=lambda m: (m.start, m.end))


def _propagate(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Every further occurrence of a name found by a pattern is a mention too (穆永平 named once
    with a title, then alone; 云帆 first quoted, then bare)."""
    text = ctx.text
    surfaces: dict[str, Mention] = {}
    for m in mentions:
        if m.source == "gazetteer" or m.nested or m.label == "City":
            continue
        for s in {m.name, *m.aliases}:
            if len(s) >= 2 and s in text:
                surfaces.setdefault(s, m)
    if not surfaces:
        return mentions
    pattern = re.compile("|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True)))
    top = sorted((m for m in mentions if not m.nested), key=lambda m: m.start)
    starts = [m.start for m in top]
    added = []
    for hit in pattern.finditer(text):
        s, e = hit.span()
        i = bisect.bisect_right(starts, s) - 1
        j = bisect.bisect_left(starts, e)
        inside = top[max(i, 0) : j]
        overlapping = [m for m in inside if m.start < e and m.end > s]
        # A place inside the name (青岛 in “工赋青岛”) becomes nested; anything else blocks it.
        if any(m.label != "City" or m.start < s or m.end > e for m in overlapping):
            continue
        if not ctx.tokens.is_boundary(s) and text[s - 1 : s] not in _PUNCT:
            continue
        for m in overlapping:
            m.nested = True
        src = surfaces[hit.group(0)]
        m = Mention(s, e, src.label, src.name, hit.group(0), "propagated")
        m.aliases = set(src.aliases)
        m.place_prefix = src.place_prefix if hit.group(0) == src.surface else ()
        m.owner = src.owner
        added.append(m)
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


@dataclass
class Found:
    """The mentions of one article and the place a bare 市/省 refers to."""

    mentions: list[Mention]
    home_city: str | None
    home_province: str | None
    tokens: TokenIndex


def find_mentions(doc: Doc, title: str = "", freq: Any = None) -> Found:
    """All entity mentions in `doc` (a Doc from loaders.nlp.get_nlp())."""
    from loaders.nlp import word_frequency

    ctx = Context(doc, title, freq or word_frequency)
    mentions = gazetteer_mentions(ctx)
    for finder in (
        book_title_mentions,
        unquoted_policy_mentions,
        quoted_mentions,
        company_mentions,
        agency_mentions,
        project_mentions,
        platform_mentions,
        person_mentions,
    ):
        mentions.extend(finder(ctx))
    mentions.extend(listed_firm_mentions(ctx, mentions))
    mentions.extend(slot_firm_mentions(ctx, mentions))
    mentions.extend(branch_mentions(ctx, mentions))
    mentions = _join_owner_prefix(ctx, mentions)
    mentions = _resolve_overlaps(mentions)
    mentions = _propagate(ctx, mentions)
    return Found(mentions, ctx.home_city, ctx.home_province, ctx.tokens)
