// Replace the properties of relationships, found by the element ids that relationship-merge or
// evidence-of returned in the same transaction, with the ones computed in Python
// (graph.batch.evidence_props). A seek by id costs the same on a hub as anywhere: matching
// (h)-[r]->(t) by names expanded every relationship of the type at a hub end, once per row.
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.id
SET r = row.props
