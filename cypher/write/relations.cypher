// Relationships of one type between two labels (__TYPE__, __HEAD__, __TAIL__, whitelisted).
// Each row carries this batch's evidence as parallel lists; they are appended to the stored
// lists, which are kept sorted (date, article, start, end, method) so the stored state does not
// depend on ingest order. Summary properties are recomputed from the lists.
UNWIND $rows AS row
MATCH (h:__HEAD__ {name: row.head})
MATCH (t:__TAIL__ {name: row.tail})
MERGE (h)-[r:__TYPE__]->(t)
WITH r, row,
     coalesce(r.evidence_article, []) + row.article AS ea,
     coalesce(r.evidence_sentence, []) + row.sentence AS es,
     coalesce(r.evidence_start, []) + row.start AS est,
     coalesce(r.evidence_end, []) + row.end AS een,
     coalesce(r.evidence_method, []) + row.method AS em,
     coalesce(r.evidence_confidence, []) + row.confidence AS ec,
     coalesce(r.evidence_date, []) + row.date AS ed,
     coalesce(r.evidence_title, [x IN coalesce(r.evidence_article, []) | '']) + row.title AS et
CALL (ea, es, est, een, em, ec, ed, et) {
  UNWIND range(0, size(ea) - 1) AS i
  WITH ea, es, est, een, em, ec, ed, et, i
  ORDER BY ed[i], ea[i], est[i], een[i], em[i]
  RETURN collect(ea[i]) AS a2, collect(es[i]) AS s2, collect(est[i]) AS st2,
         collect(een[i]) AS en2, collect(em[i]) AS m2, collect(ec[i]) AS c2,
         collect(ed[i]) AS d2, collect(et[i]) AS t2,
         min(CASE WHEN ed[i] <> '' THEN ed[i] END) AS first,
         max(CASE WHEN ed[i] <> '' THEN ed[i] END) AS last,
         max(ec[i]) AS conf
}
WITH r, a2, s2, st2, en2, m2, c2, d2, t2, first, last, conf, [x IN t2 WHERE x <> ''] AS titles
SET r.evidence_article = a2,
    r.evidence_sentence = s2,
    r.evidence_start = st2,
    r.evidence_end = en2,
    r.evidence_method = m2,
    r.evidence_confidence = c2,
    r.evidence_date = d2,
    r.evidence_title = CASE WHEN size(titles) > 0 THEN t2 END,
    r.title = CASE WHEN size(titles) > 0 THEN last(titles) END,
    r.evidence_count = size(a2),
    r.first_seen = first,
    r.last_seen = last,
    r.confidence = conf
