"""Benchmark of the Neo4j store: write throughput and report latency on a generated corpus.

WARNING: this WIPES the target database (every node and relationship) before and after the run.
Neo4j Community has a single user database, so run it against a server whose data you do not
need (e.g. `NEO4J_URI=bolt://127.0.0.1:17687`), and pass --wipe to confirm.

    .venv/bin/python tests/bench/bench_store.py --wipe [--articles 10000] [--batch-size 500]

The corpus is synthetic: Extractions built in memory with skewed (Zipf-like) popularity, so a few
platforms, cities and companies appear in many articles and most appear in few, as in news.
Figures printed: write throughput in entity-to-entity relationship rows per second (each row
merges one relationship and adds its batch's evidence totals), in all relationship rows
(MENTIONS included) and in relationships and nodes created per second as Neo4j counts them
(MENTIONS, HAS_EVIDENCE and Evidence nodes included), the client's CPU time, then p50/p95
latency of every report in the library over varied parameters (skip them with --writes-only;
time only them, on a graph left by --keep, with --reports-only).
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cypher
from graph.batch import prepare
from graph.model import Article, Entity, Extraction, Relation
from graph.neo4j import WriteResult, connect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for support
from support.graphdb import clear_database

CHARS = (
    "华光国瓷鲁中海尔卡奥斯云帆智造淄博青岛济南烟台潍坊临沂东营泰安威海日照滨州德州聊城菏泽"
    "枣庄莱芜兴盛通达恒瑞丰源安康泰和鑫宏永信金利天成宝隆新科创联合盈海川博远明辉嘉瑞"
)
TITLES = ("总经理", "董事长", "局长", "副局长", "总裁", "主任", "市长", "院长")


def _word(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(CHARS) for _ in range(rng.randint(low, high)))


class Pools:
    """Entity names per label with Zipf-like weights (rank ** -1.1)."""

    def __init__(self, rng: random.Random, scale: int) -> None:
        def names(count: int, make) -> list[str]:
            seen: dict[str, None] = {}
            while len(seen) < count:
                seen[make()] = None
            return list(seen)

        self.provinces = names(34, lambda: _word(rng, 2, 2) + "省")
        self.cities = names(300, lambda: _word(rng, 2, 3) + "市")
        self.districts = names(1500, lambda: _word(rng, 2, 3) + "区")
        self.platforms = names(max(scale // 50, 50), lambda: _word(rng, 2, 4) + "平台")
        self.companies = names(max(scale * 2, 200), lambda: _word(rng, 3, 5) + rng.choice(
            ("科技", "集团", "股份有限公司", "智能", "材料")))
        self.agencies = names(max(scale // 5, 50), lambda: _word(rng, 2, 3) + "市" + rng.choice(
            ("工业和信息化局", "发展和改革委员会", "大数据局", "科学技术局")))
        self.policies = names(max(scale // 3, 50), lambda: "2022年" + _word(rng, 4, 8) + "行动计划")
        self.projects = names(max(scale // 3, 50), lambda: _word(rng, 3, 6) + "数字化项目")
        self.people = names(max(scale // 3, 50), lambda: _word(rng, 2, 3))
        self.city_province = {c: rng.choice(self.provinces) for c in self.cities}
        self.district_city = {d: rng.choice(self.cities) for d in self.districts}
        # where an organization is based: companies, agencies and platforms have a home
        places = self.cities + self.districts
        self.home = {x: rng.choice(places) for x in self.companies + self.platforms}
        self.home.update({a: rng.choice(self.cities) for a in self.agencies})
        self._weights: dict[int, list[float]] = {}

    def pick(self, rng: random.Random, pool: list[str], k: int = 1) -> list[str]:
        weights = self._weights.get(len(pool))
        if weights is None:
            weights = [1 / (rank + 1) ** 1.1 for rank in range(len(pool))]
            self._weights[len(pool)] = weights
        return list(dict.fromkeys(rng.choices(pool, weights=weights, k=k)))


def _relation_writer(rng: random.Random, sentences: list[str], relations: list[Relation]):
    """A function adding one relationship with a made-up evidence sentence to the lists."""

    def rel(rtype: str, head: str, hl: str, tail: str, tl: str, **props: Any) -> None:
        sentence = f"{head}与{tail}" + _word(rng, 20, 60) + "。"
        start = sum(len(s) for s in sentences)
        sentences.append(sentence)
        relations.append(Relation(
            rtype, head, hl, tail, tl, sentence, start, start + len(sentence),
            f"rule:{rtype.lower()}", round(rng.uniform(0.4, 0.99), 2), props,
        ))

    return rel


def generate(count: int, seed: int = 7) -> Iterator[Extraction]:
    """`count` synthetic extractions (about 20 entities and 20 relationships each)."""
    rng = random.Random(seed)
    pools = Pools(rng, count)
    for n in range(count):
        date = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        city = pools.pick(rng, pools.cities)[0]
        district = rng.choice(pools.districts)
        platforms = pools.pick(rng, pools.platforms, rng.randint(1, 2))
        companies = pools.pick(rng, pools.companies, rng.randint(3, 8))
        agencies = pools.pick(rng, pools.agencies, rng.randint(1, 3))
        policies = pools.pick(rng, pools.policies, rng.randint(0, 2))
        projects = pools.pick(rng, pools.projects, rng.randint(0, 2))
        people = pools.pick(rng, pools.people, rng.randint(0, 2))
        sentences: list[str] = []
        relations: list[Relation] = []
        rel = _relation_writer(rng, sentences, relations)

        province = pools.city_province[city]
        rel("PART_OF", city, "City", province, "City")
        rel("PART_OF", district, "City", pools.district_city[district], "City")
        for p in platforms:
            rel("LOCATED_IN", p, "Platform", pools.home[p], "City")
            for c in companies:
                if rng.random() < 0.5:
                    rel("EMPOWERS", p, "Platform", c, "Company")
            if rng.random() < 0.3:
                rel("DEVELOPED_BY", p, "Platform", companies[0], "Company")
        for c in companies:  # mostly at home; now and then a branch in the article's city
            rel("LOCATED_IN", c, "Company", pools.home[c] if rng.random() < 0.9 else city, "City")
        for a, b in itertools.pairwise(companies):
            if rng.random() < 0.25:
                rel(rng.choice(("SIGNED_WITH", "PARTNERS_WITH")), a, "Company", b, "Company")
        if rng.random() < 0.4:
            rel("SIGNED_WITH", platforms[0], "Platform", companies[-1], "Company")
        for pol in policies:
            rel("ISSUED_BY", pol, "Policy", agencies[0], "Agency")
        for proj in projects:
            rel("PARTICIPATES_IN", companies[0], "Company", proj, "Project")
        for a in agencies:
            rel("LOCATED_IN", a, "Agency", pools.home[a], "City")
        for person in people:
            org, label = rng.choice([(companies[0], "Company"), (agencies[0], "Agency")])
            rel("WORKS_FOR", person, "Person", org, label, title=rng.choice(TITLES))
        entities = [Entity("City", x, (x[:-1],), rng.randint(1, 5)) for x in {city, province}]
        entities += [Entity("Platform", x, (), rng.randint(1, 6)) for x in platforms]
        entities += [Entity("Company", x, (), rng.randint(1, 4)) for x in companies]
        entities += [Entity("Agency", x, (), 1) for x in agencies]
        entities += [Entity("Policy", x, (), 1) for x in policies]
        entities += [Entity("Project", x, (), 1) for x in projects]
        entities += [Entity("Person", x, (), 1) for x in people]
        text = "".join(sentences)
        article = Article(
            id=f"bench{n:06d}", title=f"合成文章 {n}", text=text, date=date,
            source="bench", path=f"bench/{n:06d}.txt",
        )
        yield Extraction(article, tuple(entities), tuple(relations))


def report_params(driver: Any, rng: random.Random, run_read) -> dict[str, list[dict[str, Any]]]:
    """Varied parameters per report, drawn from the graph (hubs and ordinary entities)."""

    def names(label: str, k: int) -> list[str]:
        rows = run_read(
            driver,
            f"MATCH (e:`{label}`) WITH e ORDER BY e.mentions DESC LIMIT 200 RETURN e.name AS n",
        )
        pool = [r["n"] for r in rows]
        return rng.sample(pool, min(k, len(pool)))

    platforms, cities = names("Platform", 10), names("City", 10)
    companies, agencies = names("Company", 10), names("Agency", 10)
    articles = [r["id"] for r in run_read(driver, "MATCH (a:Article) RETURN a.id AS id LIMIT 500")]
    pairs = run_read(
        driver, "MATCH (a:Platform)-[:EMPOWERS]->(b) RETURN a.name AS a, b.name AS b LIMIT 300"
    )
    return {
        "platform-reach": [{}, *({"city": c} for c in cities[:5])],
        "empowered-by": [{"name": p} for p in platforms],
        "city-profile": [{"name": c} for c in cities],
        "agreements": [{}, {"since": "2023"}, *({"city": c} for c in cities[:5])],
        "policies": [{}, {"since": "2022-06"}, *({"issuer": a} for a in agencies[:5])],
        "path": [{"from": rng.choice(companies), "to": rng.choice(cities)} for _ in range(10)],
        "neighbors": [{"name": x, "hops": 1} for x in companies + platforms[:3]]
        + [{"name": x, "hops": 2} for x in companies[:5]],
        "evidence": [
            {"head": p["a"], "tail": p["b"]} for p in rng.sample(pairs, min(10, len(pairs)))
        ],
        "article-facts": [{"article": a} for a in rng.sample(articles, min(10, len(articles)))],
        "cross-region-platforms": [{}, {"level": "province"}],
        "top-entities": [{}, {"label": "Company"}, {"label": "City"}],
        "people": [{}, *({"org": a} for a in agencies[:5])],
        "timeline": [{"name": x} for x in companies[:5] + platforms[:5]],
        "quality": [{}],
        "platforms": [{}],
        "search": [{"text": x[:2]} for x in companies[:5] + cities[:5]],
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Store benchmark. WARNING: wipes the target Neo4j database before and after.",
    )
    parser.add_argument("--wipe", action="store_true",
                        help="confirm that the target database may be wiped (required)")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=500, help="articles per transaction")
    parser.add_argument("--runs", type=int, default=30, help="runs per report")
    parser.add_argument("--keep", action="store_true", help="leave the graph in place afterwards")
    parser.add_argument("--reports-only", action="store_true",
                        help="skip the writes: time the reports on the graph already there "
                             "(left by an earlier run with --keep); wipes nothing")
    parser.add_argument("--writes-only", action="store_true",
                        help="time the writes only, not the reports")
    parser.add_argument("--statements", action="store_true",
                        help="also print the seconds spent in each write statement (summed over "
                             "the batches; commits not included)")
    args = parser.parse_args(argv)
    if not args.wipe and not args.reports_only:
        parser.error("this benchmark wipes the database: pass --wipe to confirm")

    from graph.neo4j import resolve_settings

    settings = resolve_settings()
    driver = connect(settings)
    db = settings.database
    print(f"server: {settings.uri}, database: {db or '(default)'}")
    if not args.reports_only:
        write_corpus(driver, db, args.articles, args.batch_size, args.statements)
    if not args.writes_only:
        time_reports(driver, db, args.runs)
    if not args.keep and not args.reports_only:
        clear_database(driver)
    driver.close()
    return 0


def write_corpus(
    driver: Any, db: str | None, articles: int, batch_size: int, statements: bool = False
) -> None:

    clear_database(driver)
    driver.apply_schema()

    t0 = time.perf_counter()
    prepared = [prepare(x) for x in generate(articles)]
    t_gen = time.perf_counter() - t0
    print(f"generated {len(prepared)} articles in {t_gen:.1f} s (not timed below)")

    total = WriteResult()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    rates = []
    timings: dict[str, float] | None = {} if statements else None
    for i in range(0, len(prepared), batch_size):
        t_batch = time.perf_counter()
        result = driver.write_articles(prepared[i : i + batch_size], timings=timings)
        rates.append(result.relationship_rows / (time.perf_counter() - t_batch))
        total.add(result)
    t_write = time.perf_counter() - t0
    cpu_client = time.process_time() - cpu0
    stats = driver.stats()
    all_rels = total.relationship_rows + total.entity_rows
    print(
        f"wrote {articles} articles in {t_write:.1f} s "
        f"(batches of {batch_size}): {total.relationship_rows} relationship rows "
        f"({total.evidence} evidence entries) + {total.entity_rows} MENTIONS"
    )
    print(f"  entity-to-entity relationship rows/s: {total.relationship_rows / t_write:,.0f}")
    print(f"  all relationship rows/s (MENTIONS included): {all_rels / t_write:,.0f}")
    print(f"  relationships created/s (Neo4j counters; MENTIONS and HAS_EVIDENCE included): "
          f"{total.relationships_created / t_write:,.0f}; nodes created/s: "
          f"{total.nodes_created / t_write:,.0f}")
    print(f"  client CPU (grouping rows, driver encoding): {cpu_client:.1f} s of {t_write:.1f} s")
    print(f"  relationship rows/s per batch, first → last: "
          f"{' '.join(f'{r:,.0f}' for r in rates)}")
    print(f"  largest evidence lists: {top_evidence(driver, db)}")
    print(f"  graph: {stats['nodes']} nodes, {stats['relationships']} relationships")
    if timings is not None:
        print(f"  seconds per write statement ({sum(timings.values()):.1f} s in statements, "
              f"the rest of {t_write:.1f} s is commits and Python):")
        for name, seconds in sorted(by_template(timings).items(), key=lambda kv: -kv[1]):
            print(f"  {seconds:8.2f}  {name}")
        print("  slowest statements by labels and types (summed over batches):")
        for text, seconds in sorted(timings.items(), key=lambda kv: -kv[1])[:8]:
            print(f"  {seconds:8.2f}  {text}")

    t0 = time.perf_counter()
    again = WriteResult()
    for i in range(0, len(prepared), batch_size):
        again.add(driver.write_articles(prepared[i : i + batch_size]))
    print(f"re-ingest of the same corpus: {again.unchanged} unchanged, "
          f"{time.perf_counter() - t0:.1f} s")
    raw = raw_relationship_rate(driver, db, total.relationships_created, batch_size)
    print(f"this server's raw rate for the simplest relationship write (UNWIND ... CREATE "
          f"(a)-[:BENCH_TMP]->(b) between existing Article nodes, no properties, same number "
          f"of transactions; removed afterwards): {raw:,.0f} relationships/s")


def raw_relationship_rate(driver: Any, db: str | None, count: int, batch_size: int) -> float:
    """The ceiling to read the ingest figures against: relationships/s of a bare CREATE."""

    ids = [r["id"] for r in driver.run_read(
        "MATCH (a:Article) RETURN elementId(a) AS id")]
    transactions = max(1, len(ids) // max(batch_size, 1))
    per_tx = max(1, count // transactions)
    query = (
        "UNWIND range(0, $n - 1) AS i "
        "MATCH (a) WHERE elementId(a) = $ids[i % size($ids)] "
        "MATCH (b) WHERE elementId(b) = $ids[(i * 7 + $offset) % size($ids)] "
        "CREATE (a)-[:BENCH_TMP]->(b)"
    )
    t0 = time.perf_counter()
    for tx in range(transactions):
        driver.run_write(query, {"n": per_tx, "ids": ids, "offset": tx + 1})
    rate = per_tx * transactions / (time.perf_counter() - t0)
    with driver.session() as session:  # CALL IN TRANSACTIONS needs auto-commit
        session.run(
            "MATCH ()-[r:BENCH_TMP]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
    return rate


def by_template(timings: dict[str, float]) -> dict[str, float]:
    """Statement timings (keyed "template LABEL..." by graph.store) summed per template."""
    totals: dict[str, float] = {}
    for name, seconds in timings.items():
        template = name.split()[0]
        totals[template] = totals.get(template, 0.0) + seconds
    return totals


def top_evidence(driver: Any, db: str | None) -> str:

    rows = driver.run_read("MATCH ()-[r]->() WHERE r.evidence_count IS NOT NULL "
        "WITH r ORDER BY r.evidence_count DESC LIMIT 3 "
        "RETURN type(r) AS type, r.evidence_count AS n",
        database=db,
    )
    return ", ".join(f"{r['type']} {r['n']}" for r in rows)


def time_reports(driver: Any, db: str | None, runs: int) -> None:

    rng = random.Random(11)
    params = report_params(driver, rng, lambda g, query: g.run_read(query))
    print(f"\nreport latency over {runs} runs each (ms; first run per report excluded):")
    print(f"{'report':<24}{'p50':>8}{'p95':>8}{'max':>8}{'rows':>7}")
    slow = []
    for name, report in cypher.reports().items():
        choices = params.get(name) or [{}]
        driver.run_report(report, choices[0])  # plan cache warm-up
        times, rows = [], 0
        for run in range(runs):
            t = time.perf_counter()
            result = driver.run_report(report, choices[run % len(choices)])
            times.append((time.perf_counter() - t) * 1000)
            rows += len(result.rows)
        p95 = percentile(times, 0.95)
        if p95 >= 100:
            slow.append(name)
        print(f"{name:<24}{statistics.median(times):>8.1f}{p95:>8.1f}{max(times):>8.1f}"
              f"{rows / runs:>7.0f}", flush=True)
    print(f"\nreports with p95 >= 100 ms: {', '.join(slow) or 'none'}")


if __name__ == "__main__":
    sys.exit(main())
