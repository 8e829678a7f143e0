"""The one error type the loaders raise or yield for bad input."""

from __future__ import annotations

from graph.errors import IikgError


class LoadError(IikgError):
    """An input that could not be turned into an article: names the file (or `file:line` for a
    JSON Lines record) and the reason, in words a user can act on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[LoadError], tuple[str, str]]:
        return (type(self), (self.path, self.reason))


class Rejected(IikgError):
    """Raised by the parsing helpers, which do not know the file name; the source layer turns it
    into a LoadError naming the file."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def unexpected(where: str, exc: Exception) -> LoadError:
    """A LoadError for an error no loader expected (a bug, or an input no rule foresaw): the
    input is skipped with the error's kind and message, and the others still load."""
    if isinstance(exc, RecursionError):
        return LoadError(where, "nested too deeply to read")
    if isinstance(exc, MemoryError):
        return LoadError(where, "too large to hold in memory")
    return LoadError(where, f"could not be read ({type(exc).__name__}: {exc})")
