// Entities whose name or one of whose aliases equals one of $names (exact).
UNWIND $names AS q
CALL (q) { MATCH (e:Entity {name: q}) RETURN e UNION MATCH (e:Entity) WHERE q IN e.aliases RETURN e }
RETURN DISTINCT e
