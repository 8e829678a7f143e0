// Delete the Quantity nodes of the articles $ids (an article replaced or removed).
MATCH (q:Quantity) WHERE q.article IN $ids
DETACH DELETE q
