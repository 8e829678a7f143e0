// The relationships (between entities the articles $ids mention) that hold evidence from those
// articles, with their ends, element id and stored properties; graph.store filters the entries in Python and
// writes the rest back (relationship-set) or deletes a relationship left without any
// (relationship-delete).
MATCH (a:Article) WHERE a.id IN $ids
MATCH (a)-[:MENTIONS]->(e:Entity)
WITH DISTINCT e
MATCH (e)-[r]-(:Entity)
WITH DISTINCT r
WHERE any(x IN r.evidence_article WHERE x IN $ids)
RETURN type(r) AS type,
       [l IN labels(startNode(r)) WHERE l <> 'Entity'][0] AS head_label,
       startNode(r).name AS head,
       [l IN labels(endNode(r)) WHERE l <> 'Entity'][0] AS tail_label,
       endNode(r).name AS tail,
       elementId(r) AS id,
       properties(r) AS props
