// A moved relationship (__TYPE__ between __HEAD__ and __TAIL__), merged into one that exists
// between the same ends; its totals are recomputed from its evidence (refresh-relationships).
UNWIND $rows AS row
MATCH (h:__HEAD__ {name: row.head})
MATCH (t:__TAIL__ {name: row.tail})
MERGE (h)-[r:__TYPE__]->(t)
  ON CREATE SET r.key = row.key
