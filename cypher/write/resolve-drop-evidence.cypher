// Delete the evidence of relationships that a decision removes (an ignored entity's, or one
// that would join an entity to itself or no longer fits the schema).
UNWIND $keys AS key
MATCH (ev:Evidence {rel: key})
DETACH DELETE ev
