"""Loaders: article files in, normalized Article values out."""

from loaders.errors import LoadError
from loaders.limits import LoadSummary
from loaders.normalize import normalize_text
from loaders.sources import iter_articles, load_bytes, load_file

__all__ = ["LoadError", "LoadSummary", "iter_articles", "load_bytes", "load_file", "normalize_text"]
