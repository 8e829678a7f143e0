"""Report files: their header (name, description, params, mode, columns, and the question
patterns `ask` and example questions `example` that `iikg ask` routes with) and body
(`parse_report`), and the library of reports of cypher/reports/ (`reports`, `get_report`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from cypher.files import read_folder
from cypher.params import Param, parse_param
from cypher.splice import include
from graph.errors import CypherLibraryError


@dataclass(frozen=True)
class Report:
    name: str
    description: str
    params: tuple[Param, ...]
    mode: str
    columns: tuple[str, ...]
    query: str
    file: str
    # `// ask:` lines: the phrasings of a question this report answers (graph.ask reads them)
    ask: tuple[str, ...] = ()
    # `// example:` lines: example questions in Chinese
    examples: tuple[str, ...] = ()

    @property
    def description_zh(self) -> str:
        return self.description.split(" / ", 1)[0].strip()

    @property
    def description_en(self) -> str:
        parts = self.description.split(" / ", 1)
        return parts[1].strip() if len(parts) > 1 else parts[0].strip()

    def bind(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Typed Cypher parameters from raw values; unknown or missing ones raise an error."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(raw) - set(known))
        if unknown:
            accepted = ", ".join(known) or "none"
            raise CypherLibraryError(
                f"report {self.name!r}: unknown parameter(s) {', '.join(unknown)}; "
                f"accepted: {accepted}"
            )
        bound: dict[str, Any] = {}
        for param in self.params:
            if param.name in raw and raw[param.name] is not None:
                bound[param.name] = param.convert(raw[param.name])
            elif param.required:
                raise CypherLibraryError(
                    f"report {self.name!r}: missing required parameter {param.name!r} "
                    f"({param.type}); pass -p {param.name}=VALUE"
                )
            else:
                bound[param.name] = param.default
        return bound


def parse_report(text: str, file: str) -> Report:
    """Parse one report file: header comment lines, then the query."""
    header: dict[str, str] = {}
    params: list[Param] = []
    repeated: dict[str, list[str]] = {"ask": [], "example": []}
    body: list[str] = []
    in_header = True
    for line in text.splitlines():
        stripped = line.strip()
        if in_header and stripped.startswith("//"):
            content = stripped[2:].strip()
            key, sep, value = content.partition(":")
            key = key.strip().lower()
            if not sep:
                continue  # a free comment inside the header
            if key == "param":
                params.append(parse_param(value, file))
            elif key in repeated:
                if not value.strip():
                    raise CypherLibraryError(f"{file}: an empty {key!r} line")
                repeated[key].append(value.strip())
            elif key in ("name", "description", "mode", "columns"):
                if key in header:
                    raise CypherLibraryError(f"{file}: header key {key!r} appears twice")
                header[key] = value.strip()
            continue
        if in_header and not stripped:
            continue
        in_header = False
        included = include(line, file)
        body.extend([line] if included is None else included)
    missing = [k for k in ("name", "description", "mode", "columns") if k not in header]
    if missing:
        raise CypherLibraryError(f"{file}: header lacks {', '.join(missing)}")
    if header["mode"] not in ("read", "write"):
        raise CypherLibraryError(f"{file}: mode must be read or write, not {header['mode']!r}")
    names = [p.name for p in params]
    if len(names) != len(set(names)):
        raise CypherLibraryError(f"{file}: a parameter is declared twice")
    query = "\n".join(body).strip()
    if not query:
        raise CypherLibraryError(f"{file}: no query after the header")
    columns = tuple(c.strip() for c in header["columns"].split(",") if c.strip())
    return Report(
        name=header["name"],
        description=header["description"],
        params=tuple(params),
        mode=header["mode"],
        columns=columns,
        query=query,
        file=file,
        ask=tuple(repeated["ask"]),
        examples=tuple(repeated["example"]),
    )


@cache
def reports() -> dict[str, Report]:
    """All reports, by name, sorted by name."""
    found: dict[str, Report] = {}
    for file, text in read_folder("reports").items():
        report = parse_report(text, f"cypher/reports/{file}")
        found[report.name] = report
    return dict(sorted(found.items()))


def get_report(name: str) -> Report:
    library = reports()
    if name not in library:
        raise CypherLibraryError(
            f"no report named {name!r}; available: {', '.join(library)}"
        )
    return library[name]
