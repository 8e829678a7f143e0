// Delete relationships left without evidence, found by the element ids evidence-of returned in
// the same transaction.
UNWIND $ids AS id
MATCH ()-[r]->() WHERE elementId(r) = id
DELETE r
