// Nodes by element id (the ends of returned relationships that were not returned themselves).
MATCH (n) WHERE elementId(n) IN $ids
RETURN n
