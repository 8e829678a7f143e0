// Relationships of one type between two labels (__TYPE__, __HEAD__, __TAIL__, all from the
// whitelists of graph/model.py), both ends found through their uniqueness indexes. A new
// relationship gets row.props (the batch's evidence, laid out by graph.batch.evidence_props) at
// once. An existing one is marked and returned with its element id and stored properties:
// graph.store merges the evidence in Python and writes it back by id with relationship-set,
// which replaces all properties and so drops the mark. The mark never outlives the transaction.
UNWIND $rows AS row
MATCH (h:__HEAD__ {name: row.head})
MATCH (t:__TAIL__ {name: row.tail})
MERGE (h)-[r:__TYPE__]->(t)
  ON CREATE SET r = row.props
  ON MATCH SET r.evidence_pending = true
WITH row, r
WHERE r.evidence_pending
RETURN row.head AS head, row.tail AS tail, elementId(r) AS id, properties(r) AS props
