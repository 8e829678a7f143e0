"""iikg: the Industrial-Internet Knowledge Graph."""

__version__ = "0.1.0"
