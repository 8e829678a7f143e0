"""Stand-ins for the loader's Article and the extractor's Extraction in tests of the scoring,
which only read a path and a JSON shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class FakeArticle:
    path: str
    id: str = "x"


@dataclass
class FakeExtraction:
    data: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return self.data
