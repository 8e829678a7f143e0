// Replace the properties of relationships of one type between two labels (__TYPE__, __HEAD__,
// __TAIL__, whitelisted) with the ones computed in Python (graph.batch.evidence_props).
// Matched through the name indexes of both ends, which plans the same on any graph size.
UNWIND $rows AS row
MATCH (h:__HEAD__ {name: row.head})
MATCH (t:__TAIL__ {name: row.tail})
MATCH (h)-[r:__TYPE__]->(t)
SET r = row.props
