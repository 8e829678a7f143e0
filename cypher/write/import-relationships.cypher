// Load relationships of an export between nodes found by their keys (id for Article, name for
// entities: __HEAD_KEY__/__TAIL_KEY__ follow the label).
UNWIND $rows AS row
MATCH (a:`__HEAD__` {__HEAD_KEY__: row.s.__HEAD_KEY__})
MATCH (b:`__TAIL__` {__TAIL_KEY__: row.e.__TAIL_KEY__})
MERGE (a)-[r:`__TYPE__`]->(b)
SET r = row.p
