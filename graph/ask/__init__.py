"""`iikg ask`: Chinese questions answered by the report library, without a language model.

- ``words``: dates, limits, hops, and the words that name a label or a relationship type;
- ``entities``: the names of the graph a question mentions (full-text index, aliases);
- ``patterns``: the `// ask:` lines of the report files;
- ``router``: the best pattern over every report, or Unroutable with the closest reports;
- ``answer``: running the report, evidence sentences, text and JSON output.
"""

from graph.ask.answer import Answer, ask, example_questions, to_json, to_text
from graph.ask.router import Match, Unroutable, route

__all__ = ["Answer", "Match", "Unroutable", "ask", "example_questions", "route", "to_json",
           "to_text"]
