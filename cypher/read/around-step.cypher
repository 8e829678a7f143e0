// One breadth-first hop of an export --around: relationships of $types from the $frontier nodes
// to nodes with one of $labels.
MATCH (a)-[r]-(b)
WHERE elementId(a) IN $frontier AND type(r) IN $types AND any(l IN labels(b) WHERE l IN $labels)
RETURN r, b
