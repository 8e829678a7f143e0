"""Shared pieces of entity finding: word lists, the Mention type, name folding, token
boundaries, the per-article Context and the article's home place."""

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
    会上 会议 召开 建立 上云 对外 线上 线下 子公司 全资子公司 控股子公司 母公司 旗下 下属
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
    副总工程师 首席架构师 副总监 主任委员 常务副省长 常务副市长 常务副区长 常务副县长 常委
    新闻发言人 发言人 终身教授 教授 副教授 研究员 副研究员 行政总裁 执行董事 董事总经理
    总干事 副主席 行政长官 局长助理 副总经济师
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
_DEPT_SUFFIX = "管理委员会|委员会|办公厅|办公室|领导小组|专项工作组|工作组|管委会|局|厅|委|办"

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
    r"\dG|双跨|配套|支持|服务商|供应商|厂商|平台企业|政府|部门|机构|院所|高校|"
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
        from loaders.extract.nlp import doc_text, token_offsets

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
    from loaders.extract.gazetteer import load_gazetteer

    return load_gazetteer()


def _title_places(title: str) -> list[Any]:
    """Prefecture cities and provinces written in a title (full name or unambiguous short)."""
    gaz = _gazetteer()
    found = []
    i = 0
    while i < len(title) - 1:
        for length in (4, 3, 2):
            piece = title[i : i + length]
            entry = gaz.division(piece, strict=True) if len(piece) == length else None
            if (
                entry is not None
                and entry.level in ("city", "province")
                and (piece == entry.name or not gaz.is_ambiguous(piece))
            ):
                found.append(entry)
                i += length - 1
                break
        i += 1
    return found


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
    for entry in _title_places(title):  # a place named only in the title still counts
        if entry.level == "city" and entry.name not in score:
            score[entry.name] += 5
        elif entry.level == "province" and entry.name not in provinces:
            provinces[entry.name] += 5
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
        from loaders.extract.nlp import doc_text

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
            if out and not self._inside_of(here, out[-1]):
                break  # 香港福建…: a hometown named after the place, not a level of it
            longest = max(here, key=lambda c: c.end)
            out.extend(sorted(here, key=lambda c: c.end))
            pos = longest.end
        return out

    def _inside_of(self, places: list[Mention], outer: Mention) -> bool:
        """Whether one of `places` lies inside `outer` (a district in its city, a zone named
        after its city), by the administrative hierarchy."""
        for place in places:
            if outer.name in place.place_prefix:
                return True
            if outer.name in self.gaz.ancestor_names(place.name):
                return True
        return False


def _strip_places(ctx: Context, start: int, end: int) -> tuple[int, tuple[str, ...]]:
    places = ctx.leading_places(start, end)
    if places:
        return places[-1].end, tuple(p.name for p in places)
    return start, ()


_FUNCTION_CHARS = set(
    "而以在与和及对为由被把将从于向使让给等是有也还都又就即这那该其此各每的了着过"
)


# Parts of speech that never open or continue a name leftwards: verbs, adverbs, prepositions,
# conjunctions, particles, pronouns, numerals (充分发挥|青岛甲乙学院, 由|中国甲乙协会).
_NOT_NAME_TAGS = ("v", "d", "ad", "p", "c", "u", "r", "m", "y", "e", "f", "q", "i")
# Verbs that do occur inside organisation names (中国甲乙联合会, 希望工程基金会).
_NAME_VERBS = frozenset(
    """联合 创新 希望 发展 促进 合作 开放 研究 交流 服务 投资 贸易 制造 装备 建设 设计 管理 检测
    认证 应用 推广 教育 培训 运输 采购 生产 加工 开发 传播 出版 保护 救助 评价 评估 咨询""".split()  # noqa: SIM905
)


def name_left_edge(
    ctx: Context, pos: int, max_chars: int = 16, verb_min_freq: int = 0, cut_at_place: bool = False
) -> int:
    """Start of the name ending at `pos`: tokens leftwards until a stop word, punctuation,
    a word that cannot be part of a name (verb, adverb, preposition, pronoun …) or `max_chars`.
    Single characters are pieces of an unknown name whatever their dictionary tag; verbs rarer
    than `verb_min_freq` may be words of the name (超导 in a firm's name)."""
    tokens = ctx.tokens
    start = tokens.left_edge(pos, max_chars=max_chars)
    i = tokens.token_at(pos - 1) if pos > 0 else -1
    edge = pos
    while i >= 0 and tokens.starts[i] >= start:
        word = tokens.words[i]
        if len(word) > 1 and not _inside_name(ctx, word, verb_min_freq):
            break
        edge = tokens.starts[i]
        i -= 1
    # A place inside the span opens the name unless only place-like words precede it
    # (充分发挥|青岛甲乙学院, but 中国|香港甲乙会).
    places = ctx.cities_in(edge, pos) if cut_at_place else []
    if places and places[0].start > edge:
        before = tokens.token_words(edge, places[0].start)
        if any((_word_tag(w) or "") not in ("ns", "nt", "nz", "j") for w in before):
            edge = places[0].start
    return edge


_DETERMINERS = frozenset("另这那该每其此各某")
_VOCABULARY_TAGS = frozenset({"n", "vn", "v", "a", "an", "b", "ad", "d"})


def _inside_name(ctx: Context, word: str, verb_min_freq: int) -> bool:
    if word[0] in _DETERMINERS:  # 另一家, 这家, 该所
        return False
    # A segmenter word missing from the dictionary (积极参与) reads by its first two characters.
    tag = _word_tag(word) or (_word_tag(word[:2]) if len(word) > 2 else None) or ""
    if tag == "vn" or word in _NAME_VERBS or not tag.startswith(_NOT_NAME_TAGS):
        return True
    return tag.startswith("v") and ctx.freq(word) < verb_min_freq


def is_predicate(word: str) -> bool:
    """A verb, adverb, preposition or conjunction that cannot be part of a name (携手, 并且)."""
    tag = _word_tag(word) or ""
    return tag.startswith(("v", "d", "p", "c")) and tag != "vn" and word not in _NAME_VERBS


def is_vocabulary(ctx: Context, words: list[str]) -> bool:
    """True when every word is a common multi-character dictionary word (新能源, 电子 陶瓷):
    a phrase of the language, not a name. Unknown words and single characters (the pieces of
    an unknown name) are never vocabulary."""
    return bool(words) and all(
        len(w) > 1 and _word_tag(w) in _VOCABULARY_TAGS and ctx.freq(w) > 0 for w in words
    )


def _word_tag(word: str) -> str | None:
    from loaders.extract.nlp import word_tag

    return word_tag(word)


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
