"""Test-only helpers, importable from every test as ``support.<module>`` (tests/ is on the
path through its conftest.py) and from the repository root as ``tests.support.<module>``:

- ``paths``: where the repository, seeds, test data, benchmarks and test output are;
- ``store_corpus``: a small hand-built corpus of Extractions; ``report_rows``: a report's rows;
- ``explore``: the Browser guide's queries and a sample graph for the HTML view;
- ``html_page``: driving the exported HTML view in headless Chromium; ``chromium``: finding
  and launching the system Chromium through Playwright;
- ``snapshot``: a full sorted JSON snapshot of a graph, to compare two versions of iikg;
- ``screenshots``: copying the exploration tests' pictures into graph/browser/screenshots/.
"""
