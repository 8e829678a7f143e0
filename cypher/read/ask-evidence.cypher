// For each row of a report (graph.ask): the first evidence sentence, in the stable order, of a
// relationship between two entities the row names ($rows: {row, names}).
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Entity) WHERE a.name IN row.names
  MATCH (a)-[r]->(b:Entity) WHERE b.name IN row.names AND b <> a
  MATCH (ev:Evidence {rel: r.key})
  WITH r, ev ORDER BY coalesce(ev.date, ''), ev.article, ev.start, ev.end, ev.method
  LIMIT 1
  RETURN startNode(r).name AS head, type(r) AS type, endNode(r).name AS tail,
         ev.sentence AS sentence, ev.date AS date
}
RETURN row.row AS row, head, type, tail, sentence, date
ORDER BY row
