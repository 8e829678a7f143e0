// Delete relationships of one type between two labels (__TYPE__, __HEAD__, __TAIL__,
// whitelisted): those left without evidence.
UNWIND $rows AS row
MATCH (h:__HEAD__ {name: row.head})
MATCH (t:__TAIL__ {name: row.tail})
MATCH (h)-[r:__TYPE__]->(t)
DELETE r
