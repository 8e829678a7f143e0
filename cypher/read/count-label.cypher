// Nodes with one label (iikg stats).
MATCH (n:`__LABEL__`)
RETURN count(n) AS n
