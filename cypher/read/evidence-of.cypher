// The evidence of the relationships with these $keys, from their Evidence nodes (index
// evidence_rel), in the stable evidence order; keys without evidence are left out.
UNWIND $keys AS key
CALL (key) {
  MATCH (ev:Evidence {rel: key})
  WITH ev ORDER BY coalesce(ev.date, ''), ev.article, ev.start, ev.end, ev.method
  RETURN collect(ev {.article, .sentence, .start, .end, .method, .confidence, .date, .title}) AS entries
}
WITH key, entries WHERE size(entries) > 0
RETURN key, entries
