// For each row of a report (graph.ask): the first evidence sentence, in the stable order, of a
// relationship between two entities the row names ($rows: {row, names}); relationships of the
// type the question names ($prefer, may be null) first, then those of the row's first name.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Entity) WHERE a.name IN row.names
  MATCH (a)-[r]->(b:Entity) WHERE b.name IN row.names AND b <> a
  MATCH (ev:Evidence {rel: r.key})
  WITH r, ev
  ORDER BY CASE WHEN type(r) = $prefer THEN 0 ELSE 1 END,
           CASE WHEN row.names[0] IN [startNode(r).name, endNode(r).name] THEN 0 ELSE 1 END,
           coalesce(ev.date, ''), ev.article, ev.start, ev.end, ev.method
  LIMIT 1
  RETURN startNode(r).name AS head, type(r) AS type, endNode(r).name AS tail,
         ev.sentence AS sentence, ev.date AS date
}
RETURN row.row AS row, head, type, tail, sentence, date
ORDER BY row
