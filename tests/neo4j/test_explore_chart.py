"""Ranking charts: the PNG is written and its Chinese labels are drawn with real glyphs."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from graph import charts

ROWS = [
    {"platform": "卡奥斯", "targets": 7, "evidence": 12, "examples": ["纽氏达特"]},
    {"platform": "工赋青岛", "targets": 3, "evidence": 4, "examples": []},
    {"platform": "窑炉数字大脑", "targets": 2, "evidence": 2, "examples": []},
    {"platform": "山东省智慧化工综合管理平台", "targets": 1, "evidence": 1, "examples": []},
]


def _glyph_bitmap(char: str, path: str, index: int) -> bytes:
    """The rasterized glyph of `char` in the font file (face `index`)."""
    from matplotlib.ft2font import FT2Font

    font = FT2Font(path, face_index=index)
    font.set_size(24, 72)
    font.set_text(char, 0.0)
    font.draw_glyphs_to_bitmap()
    return font.get_image().tobytes()


def test_cjk_font_is_registered_and_has_the_glyphs() -> None:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    family = charts.cjk_font_family()
    assert family in {f.name for f in font_manager.fontManager.ttflist}
    path, index = charts.cjk_font_file()
    font = FT2Font(path, face_index=index)
    for char in "卡奥斯工赋青岛窑炉数字大脑":
        assert font.get_char_index(ord(char)) != 0, char
    # Distinct characters draw distinct glyphs (a missing-glyph box would be the same for all).
    bitmaps = {_glyph_bitmap(c, path, index) for c in "卡奥斯"}
    assert len(bitmaps) == 3 and all(any(b) for b in bitmaps)


def test_the_check_above_detects_a_font_without_chinese() -> None:
    """Control: a Latin font has no glyph for 卡, so the same check would fail on it."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    latin = font_manager.findfont("DejaVu Sans")
    assert FT2Font(latin).get_char_index(ord("卡")) == 0


def test_plot_ranking_writes_a_png_without_missing_glyphs(tmp_path) -> None:
    from PIL import Image

    out = tmp_path / "platform-reach.png"
    with warnings.catch_warnings():
        # matplotlib warns "Glyph ... missing from font(s)" for every box it would draw.
        warnings.simplefilter("error")
        charts.plot_ranking(ROWS, out, title="平台赋能排行 platform-reach")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(out) as image:
        width, height = image.size
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert width >= 600 and height >= 200
    assert len(colours) > 20  # text and bars, not a blank canvas


def test_missing_glyphs_would_be_reported(tmp_path) -> None:
    """Control for the warning check: without a CJK font matplotlib does warn."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure()
    FigureCanvasAgg(fig)
    fig.text(0.5, 0.5, "卡奥斯", fontfamily="DejaVu Sans")
    with pytest.warns(UserWarning, match="missing from font"):
        fig.savefig(tmp_path / "tofu.png")


def test_pick_columns_defaults_and_errors() -> None:
    assert charts.pick_columns(ROWS) == ("platform", "targets")
    assert charts.pick_columns(ROWS, value="evidence") == ("platform", "evidence")
    with pytest.raises(charts.ChartError, match="no rows"):
        charts.pick_columns([])
    with pytest.raises(charts.ChartError, match="no column 'nope'"):
        charts.pick_columns(ROWS, value="nope")
    with pytest.raises(charts.ChartError, match="no numeric column"):
        charts.pick_columns([{"a": "x", "b": "y"}])


def test_bars_take_label_colours_when_rows_name_labels(tmp_path) -> None:
    from PIL import Image

    from graph.browser import label_styles

    rows = [{"name": "卡奥斯", "label": "Platform", "mentions": 9},
            {"name": "淄博市", "label": "City", "mentions": 5}]
    out = charts.plot_ranking(rows, tmp_path / "top.png")
    with Image.open(out) as image:
        pixels = {rgb for _, rgb in image.convert("RGB").getcolors(maxcolors=1 << 20)}
    for label in ("Platform", "City"):
        hex_colour = label_styles()[label].color.lstrip("#")
        assert tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4)) in pixels, label


def test_platform_column_takes_the_platform_colour(tmp_path) -> None:
    from PIL import Image

    from graph.browser import label_styles

    out = charts.plot_ranking(ROWS, tmp_path / "reach.png")
    with Image.open(out) as image:
        pixels = {rgb for _, rgb in image.convert("RGB").getcolors(maxcolors=1 << 20)}
    hex_colour = label_styles()["Platform"].color.lstrip("#")
    assert tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4)) in pixels


def test_iikg_report_plot_on_the_seed_graph(seeded: Any, neo4j_server: Any, tmp_path,
                                            monkeypatch: Any) -> None:
    from click.testing import CliRunner
    from PIL import Image

    from graph.cli import main

    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    out = tmp_path / "platform-reach.png"
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # a missing glyph fails the test
        result = CliRunner().invoke(main, ["report", "platform-reach", "--plot", str(out)])
    assert result.exit_code == 0, result.output
    assert "卡奥斯" in result.output
    with Image.open(out) as image:
        assert image.format == "PNG" and image.size[0] >= 600
