"""What bounds one load (`Limits`: the largest file, JSON Lines record and paragraph) and what
it counts (`LoadSummary`: articles read, inputs skipped with why, bytes read)."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.model import Article
from loaders.errors import LoadError
from loaders.metadata import MAX_LINE_CHARS


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 16 * 2**20  # one article file
    max_record_bytes: int = 16 * 2**20  # one JSON Lines record
    max_line_chars: int = MAX_LINE_CHARS  # one paragraph of the normalized text


DEFAULT_LIMITS = Limits()


@dataclass
class LoadSummary:
    """How many articles were read and which inputs were skipped, with why."""

    read: int = 0
    skipped: list[LoadError] = field(default_factory=list)
    input_bytes: int = 0  # bytes of the inputs that were read (articles and rejects)

    def record(self, item: Article | LoadError) -> None:
        if isinstance(item, LoadError):
            self.skipped.append(item)
        else:
            self.read += 1

    def __str__(self) -> str:
        head = f"read {self.read} article(s), skipped {len(self.skipped)}"
        return "\n".join([head] + [f"  skipped {e.path}: {e.reason}" for e in self.skipped])
