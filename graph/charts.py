"""Bar charts of ranking reports (e.g. platform-reach) as PNG, with Chinese labels.

Chinese text needs a CJK font, or matplotlib draws empty boxes. The font comes from the
`noto-cjk-sans-otc` package (Noto Sans CJK, face "SC"), so charts look the same on every
machine; fonts installed on the system (fonts-noto-cjk, WenQuanYi, …) are the fallback.
matplotlib is imported lazily: the CLI starts fast when no chart is asked for.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from graph.browser import label_styles
from graph.errors import ChartError

# Preferred first; any one of these renders Simplified Chinese.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK JP",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)
DEFAULT_COLOR = "#4A6FA5"
_font_family: str | None = None


def cjk_font_family() -> str:
    """Register the packaged CJK font with matplotlib and return a CJK family name."""
    global _font_family
    if _font_family:
        return _font_family
    from matplotlib import font_manager

    try:
        import noto_cjk_sans_otc

        font_manager.fontManager.addfont(str(noto_cjk_sans_otc.FONT_PATH))
    except (ImportError, OSError, RuntimeError):
        pass  # fall back to system fonts below
    available = {font.name for font in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in available:
            _font_family = family
            return family
    raise ChartError(
        "no CJK font found for Chinese chart labels: install the Python package "
        "noto-cjk-sans-otc (pip install noto-cjk-sans-otc) or a system CJK font "
        "(Debian: apt-get install fonts-noto-cjk)"
    )


def cjk_font_file() -> tuple[str, int]:
    """(path, face index) of the font file matplotlib uses for `cjk_font_family()`."""
    from matplotlib import font_manager

    props = font_manager.FontProperties(family=cjk_font_family())
    found = font_manager.findfont(props, fallback_to_default=False)
    return str(found), int(getattr(found, "face_index", 0))


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def pick_columns(
    rows: Sequence[Mapping[str, Any]], label: str | None = None, value: str | None = None
) -> tuple[str, str]:
    """The label column (first text column) and value column (first numeric column)."""
    if not rows:
        raise ChartError("the report returned no rows: nothing to plot")
    columns = list(rows[0].keys())
    for given in (label, value):
        if given is not None and given not in columns:
            raise ChartError(f"no column {given!r} in the report (columns: {', '.join(columns)})")
    if value is None:
        numeric = [c for c in columns if c != label and all(
            _is_number(r.get(c)) or r.get(c) is None for r in rows) and any(
            _is_number(r.get(c)) for r in rows)]
        if not numeric:
            raise ChartError(
                f"the report has no numeric column to rank by (columns: {', '.join(columns)})")
        value = numeric[0]
    if label is None:
        texts = [c for c in columns if c != value and c != "label" and all(
            isinstance(r.get(c), str) for r in rows)]
        if not texts:
            raise ChartError(
                f"the report has no text column to name the bars (columns: {', '.join(columns)})")
        label = texts[0]
    return label, value


def plot_ranking(
    rows: Sequence[Mapping[str, Any]],
    path: str | Path,
    *,
    title: str = "",
    label: str | None = None,
    value: str | None = None,
    top: int = 20,
    color: str | None = None,
) -> Path:
    """Draw `rows` as a horizontal bar chart, largest first, and save it as PNG at `path`.

    `label`/`value` name the columns (default: first text column, first numeric column).
    Bars take the colour of their node label (as in the Browser stylesheet) when the rows have
    a `label` column, or when the label column is named after a label (`platform`); else
    `color`.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    label, value = pick_columns(rows, label, value)
    ranked = sorted(
        (r for r in rows if _is_number(r.get(value))),
        key=lambda r: (-float(r[value]), str(r.get(label))),
    )[: max(1, top)]
    if not ranked:
        raise ChartError(f"no row has a number in column {value!r}")
    styles = label_styles()
    # A column named after a label ("platform") takes that label's colour.
    column_style = styles.get(label.capitalize())
    fallback = color or (column_style.color if column_style else DEFAULT_COLOR)
    colors = [
        styles[r["label"]].color if isinstance(r.get("label"), str) and r["label"] in styles
        else fallback
        for r in ranked
    ]
    names = [str(r.get(label)) for r in ranked]
    values = [float(r[value]) for r in ranked]

    family = cjk_font_family()
    height = 1.2 + 0.38 * len(ranked)
    fig = Figure(figsize=(8, height), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    positions = list(range(len(ranked)))[::-1]  # largest at the top
    bars = ax.barh(positions, values, color=colors, edgecolor="none")
    ax.set_yticks(positions, names, fontfamily=family, fontsize=11)
    ax.set_xlabel(value, fontfamily=family, fontsize=10)
    if title:
        ax.set_title(title, fontfamily=family, fontsize=13, loc="left")
    ax.bar_label(bars, labels=[_format(v) for v in values], padding=3, fontsize=9)
    ax.margins(x=0.12)
    ax.spines[["top", "right"]].set_visible(False)
    ax.xaxis.get_major_locator().set_params(integer=all(v.is_integer() for v in values))
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out, format="png")
    return out


def _format(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:.2f}"


def plot_report(report: Any, columns: list[str], rows: list[list[Any]], path: str) -> Path:
    """Bar chart of a ranking report's rows (a cypher.Report): bars named by its first text
    column, sized by its first numeric column, titled by the report."""
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    title = f"{report.description_zh.split('：')[0]} ({report.name})"
    try:
        return plot_ranking(records, path, title=title)
    except ChartError as exc:
        raise ChartError(f"cannot plot report {report.name!r}: {exc}") from exc
