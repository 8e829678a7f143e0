"""Neo4j Browser assets: the `.grass` stylesheet, the guide, and the Browser set-up commands.

`style.grass` is the one place where label colours and sizes are chosen; the HTML view and the
charts read them from here so every picture of the graph agrees with Neo4j Browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from urllib.parse import urlsplit

STYLE_FILE = "style.grass"
# Colours of the communities `iikg analyze` finds, by community number modulo 12: the HTML view
# colours by them, and style.grass styles the virtual labels Community0 … Community11 the
# Browser guide's communities slide draws with.
COMMUNITY_COLORS = (
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B",
    "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF", "#393B79", "#AD494A",
)
GUIDE_FILE = "guide.html"

# Setting the Browser reads from the server (dbms.clientConfig) when it connects.
POST_CONNECT_SETTING = "browser.post_connect_cmd"


# `selector { body }`, where the body may hold quoted braces such as caption: '{name}'.
_RULE = re.compile(r"""([\w.]+)\s*\{((?:'[^']*'|"[^"]*"|[^}'"])*)\}""")


@dataclass(frozen=True)
class LabelStyle:
    label: str
    color: str
    border: str
    text_color: str
    diameter: int
    caption: str  # property shown as the caption, e.g. "name"


def asset_text(name: str) -> str:
    """The text of a packaged asset (style.grass, guide.html, vendor/…)."""
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def asset_bytes(name: str) -> bytes:
    return files(__package__).joinpath(name).read_bytes()


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """Parse grass (`selector { key: value; … }`) into {selector: {key: value}}."""
    rules: dict[str, dict[str, str]] = {}
    for selector, body in _RULE.findall(text):
        props: dict[str, str] = {}
        for decl in body.split(";"):
            key, sep, value = decl.partition(":")
            if sep:
                props[key.strip()] = value.strip().strip("'\"")
        rules.setdefault(selector, {}).update(props)
    return rules


def _px(value: str, default: int) -> int:
    match = re.match(r"\s*(\d+)", value or "")
    return int(match.group(1)) if match else default


def label_styles(text: str | None = None) -> dict[str, LabelStyle]:
    """Per-label node styles from the packaged grass (or `text`), defaults filled in."""
    rules = parse_grass(text if text is not None else asset_text(STYLE_FILE))
    base = rules.get("node", {})
    styles: dict[str, LabelStyle] = {}
    for selector, props in rules.items():
        if not selector.startswith("node."):
            continue
        label = selector.split(".", 1)[1]
        merged = {**base, **props}
        caption = merged.get("caption", "{name}").strip("{}") or "name"
        styles[label] = LabelStyle(
            label=label,
            color=merged.get("color", "#A5ABB6"),
            border=merged.get("border-color", merged.get("color", "#9AA1AC")),
            text_color=merged.get("text-color-internal", "#FFFFFF"),
            diameter=_px(merged.get("diameter", ""), 50),
            caption=caption,
        )
    return styles


def relationship_colors(text: str | None = None) -> dict[str, str]:
    """Relationship colours by type, with key "" for the default."""
    rules = parse_grass(text if text is not None else asset_text(STYLE_FILE))
    colors = {"": rules.get("relationship", {}).get("color", "#8F96A3")}
    for selector, props in rules.items():
        if selector.startswith("relationship.") and "color" in props:
            colors[selector.split(".", 1)[1]] = props["color"]
    return colors


def browser_commands(asset_url: str) -> list[str]:
    """The Browser commands that load the style and the guide served at `asset_url`."""
    base = asset_url.rstrip("/")
    return [f":style {base}/{STYLE_FILE}", f":play {base}/{GUIDE_FILE}"]


def neo4j_settings(asset_url: str) -> dict[str, str]:
    """neo4j.conf settings so that every new Browser connection loads the style and the guide.

    The Browser splits `browser.post_connect_cmd` on `;` and runs each part as a `:` command.
    It fetches `:style`/`:play` URLs only from allow-listed host names (the port is ignored).
    Neo4j Community has no setting for that list (`browser.remote_content_hostname_allowlist`
    is Enterprise-only and Community refuses to start with it), but the Browser's built-in
    list holds `localhost`: that is why the asset server is addressed by that name.
    """
    commands = "; ".join(cmd.lstrip(":") for cmd in browser_commands(asset_url))
    return {POST_CONNECT_SETTING: commands}


def browser_address(bolt_uri: str, http_port: int = 7474) -> str:
    """The usual Neo4j Browser address of the server at `bolt_uri` (same host, HTTP port).

    Encrypted schemes (`+s`, `+ssc`) point at HTTPS on 7473; Aura serves its Browser from
    its console instead, which this cannot know.
    """
    parts = urlsplit(bolt_uri)
    host = parts.hostname or "localhost"
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    if parts.scheme.endswith(("+s", "+ssc")):
        return f"https://{host}:7473/browser/"
    return f"http://{host}:{http_port}/browser/"
