// All nodes, relationships and Evidence nodes (iikg stats).
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (ev:Evidence) RETURN count(ev) AS evidence }
RETURN nodes, relationships, evidence
