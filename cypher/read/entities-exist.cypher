// Which of these entities ($rows: {label, name}) still exist (after a removal).
UNWIND $rows AS x
MATCH (e:Entity {name: x.name})
WHERE x.label IN labels(e)
RETURN x.label AS label, x.name AS name
