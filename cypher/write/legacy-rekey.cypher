// Give upgraded relationships their key and drop the evidence lists (now Evidence nodes),
// found by the element ids legacy-evidence returned in the same transaction.
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.id
SET r.key = row.key
REMOVE r.evidence_article, r.evidence_sentence, r.evidence_start, r.evidence_end,
       r.evidence_method, r.evidence_confidence, r.evidence_date, r.evidence_title
