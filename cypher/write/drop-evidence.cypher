// Remove the evidence entries of the articles $ids from every relationship between entities
// they mention; a relationship left without evidence is deleted. Returns nothing.
MATCH (a:Article) WHERE a.id IN $ids
MATCH (a)-[:MENTIONS]->(e:Entity)
WITH DISTINCT e
MATCH (e)-[r]-(:Entity)
WITH DISTINCT r
WHERE any(x IN r.evidence_article WHERE x IN $ids)
WITH r, [i IN range(0, size(r.evidence_article) - 1) WHERE NOT r.evidence_article[i] IN $ids] AS keep
CALL (r, keep) {
  WITH r, keep WHERE size(keep) = 0
  DELETE r
}
WITH r, keep WHERE size(keep) > 0
WITH r,
     [i IN keep | r.evidence_article[i]] AS ea,
     [i IN keep | r.evidence_sentence[i]] AS es,
     [i IN keep | r.evidence_start[i]] AS est,
     [i IN keep | r.evidence_end[i]] AS een,
     [i IN keep | r.evidence_method[i]] AS em,
     [i IN keep | r.evidence_confidence[i]] AS ec,
     [i IN keep | r.evidence_date[i]] AS ed,
     [i IN keep | coalesce(r.evidence_title[i], '')] AS et
WITH r, ea, es, est, een, em, ec, ed, et,
     [d IN ed WHERE d <> ''] AS dates,
     [x IN et WHERE x <> ''] AS titles
SET r.evidence_article = ea,
    r.evidence_sentence = es,
    r.evidence_start = est,
    r.evidence_end = een,
    r.evidence_method = em,
    r.evidence_confidence = ec,
    r.evidence_date = ed,
    r.evidence_title = CASE WHEN size(titles) > 0 THEN et END,
    r.title = CASE WHEN size(titles) > 0 THEN last(titles) END,
    r.evidence_count = size(ea),
    r.first_seen = reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d < m THEN d ELSE m END),
    r.last_seen = reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d > m THEN d ELSE m END),
    r.confidence = reduce(m = 0.0, c IN ec | CASE WHEN c > m THEN c ELSE m END)
