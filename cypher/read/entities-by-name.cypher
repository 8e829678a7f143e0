// Entities whose canonical name is exactly one of $names (index lookups).
UNWIND $names AS q
MATCH (e:Entity {name: q})
RETURN e
