// Relationships of one type (iikg stats).
MATCH ()-[r:`__TYPE__`]->()
RETURN count(r) AS n
