// name: whats-new
// description: 新变化：时间窗内首次出现的实体和关系、获得新证据的已有关系，附数量和一句证据 / What is new: entities and relationships that first appeared in a window, and existing relationships that gained evidence, with counts and one sentence each
// param: since: moment (required) — 起点（日期或 UTC 时间，如 2026-12-01 或 2026-12-01T09:30:00） / start: a date or a UTC date-time
// param: until: moment = null — 终点（含） / end (included)
// param: by: string = 'ingested' — ingested：按入库时间 ingested_at；published：按文章发布日期 / ingested: by ingest time; published: by the articles' dates
// param: label: label = null — 只看该标签的实体（及一端为该标签的关系） / only entities of this label (and relationships with an end of it)
// param: type: reltype = null — 只看该类型的关系（不再列实体） / only relationships of this type (entities are then not listed)
// param: limit: int = 200 — 最多返回行数 / maximum rows
// mode: read
// columns: change, kind, name, added, total, at, sentence
// ask: 新增|新出现|新加入|新录入|新入库|新的|新内容|新东西|新变化|更新|变化|变动|有什么新|新进展 {label:kind}? {type:reltype}? since=today-7
// ask: 新增|新出现|新的|新内容|新东西|有什么新|变化|更新 新闻|文章|报道|发表 by=published {label:kind}? since=today-7
// example: 最近一周图谱里新增了什么？
// example: 上个月以来有哪些新的签约关系？
// Articles are in the window by their ingest time (ingested_at) or, with by=published, their
// date; moments are ISO strings compared as strings (the upper bound on its own length, so a
// day given as until includes all of it).
CALL () {
  MATCH (a:Article)
  WITH a, CASE $by WHEN 'published' THEN a.date ELSE a.ingested_at END AS at
  WHERE at >= $since AND ($until IS NULL OR left(at, size($until)) <= $until)
  RETURN collect(a) AS window
}
CALL (window) {
  // entities mentioned in the window and by no article before it
  WITH window WHERE $type IS NULL
  UNWIND window AS a
  MATCH (a)-[m:MENTIONS]->(e:Entity)
  WHERE $label IS NULL OR $label IN labels(e)
  WITH e, sum(m.count) AS added, collect(a) AS arts,
       min(CASE $by WHEN 'published' THEN a.date ELSE a.ingested_at END) AS at
  WHERE NOT EXISTS {
    MATCH (b:Article)-[:MENTIONS]->(e)
    WHERE CASE $by WHEN 'published' THEN b.date ELSE b.ingested_at END < $since
  }
  RETURN 'new_entity' AS change, [l IN labels(e) WHERE l <> 'Entity'][0] AS kind,
         e.name AS name, added, e.mentions AS total, at,
         coalesce(COLLECT { UNWIND arts AS a
                            MATCH (a)-[:HAS_EVIDENCE]->(ev:Evidence)
                            WHERE ev.head = e.name OR ev.tail = e.name
                            WITH ev ORDER BY coalesce(ev.date, ''), ev.article, ev.start, ev.end,
                                             ev.method
                            LIMIT 1
                            RETURN ev.sentence }[0],
                  COLLECT { UNWIND arts AS a RETURN a.title ORDER BY a.title LIMIT 1 }[0])
           AS sentence
  UNION ALL
  // relationships with evidence in the window: new when none of their evidence is older
  UNWIND window AS a
  MATCH (a)-[:HAS_EVIDENCE]->(ev:Evidence)
  WHERE $type IS NULL OR ev.type = $type
  WITH ev ORDER BY coalesce(ev.date, ''), ev.article, ev.start, ev.end, ev.method
  WITH ev.rel AS key, ev.head AS head, ev.tail AS tail, collect(ev) AS evs,
       min(CASE $by WHEN 'published' THEN ev.date ELSE ev.ingested_at END) AS at
  MATCH (h:Entity {name: head})-[r]->(t:Entity {name: tail})
  WHERE r.key = key AND ($label IS NULL OR $label IN labels(h) OR $label IN labels(t))
  WITH r, h, t, evs, at,
       EXISTS { MATCH (old:Evidence {rel: key})
                WHERE CASE $by WHEN 'published' THEN old.date ELSE old.ingested_at END < $since }
         AS older
  RETURN CASE WHEN older THEN 'more_evidence' ELSE 'new_relationship' END AS change,
         type(r) AS kind, h.name + ' → ' + t.name AS name, size(evs) AS added,
         r.evidence_count AS total, at, evs[0].sentence AS sentence
}
WITH change, kind, name, added, total, at, sentence
ORDER BY CASE change WHEN 'new_entity' THEN 0 WHEN 'new_relationship' THEN 1 ELSE 2 END,
         kind, name
LIMIT $limit
RETURN change, kind, name, added, total, at, sentence
