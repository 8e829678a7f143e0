// The entities a question may name (graph.ask.entities.GraphLexicon): the best $limit hits of
// the full-text index entity_names (names and aliases, CJK bigrams) for the question's $words,
// and the entities whose name is exactly one of its substrings $grams (range index).
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $words, {limit: $limit}) YIELD node
  RETURN node AS e
  UNION
  UNWIND $grams AS g
  MATCH (e:Entity {name: g})
  RETURN e
}
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label,
       e.aliases AS aliases, e.mentions AS mentions
