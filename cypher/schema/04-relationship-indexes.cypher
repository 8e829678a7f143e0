// Relationship range indexes on confidence, one per type: the quality report finds the
// low-confidence edges through them instead of scanning every relationship.
CREATE INDEX empowers_confidence IF NOT EXISTS FOR ()-[r:EMPOWERS]-() ON (r.confidence);
CREATE INDEX signed_with_confidence IF NOT EXISTS FOR ()-[r:SIGNED_WITH]-() ON (r.confidence);
CREATE INDEX issued_by_confidence IF NOT EXISTS FOR ()-[r:ISSUED_BY]-() ON (r.confidence);
CREATE INDEX developed_by_confidence IF NOT EXISTS FOR ()-[r:DEVELOPED_BY]-() ON (r.confidence);
CREATE INDEX partners_with_confidence IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.confidence);
CREATE INDEX located_in_confidence IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.confidence);
CREATE INDEX part_of_confidence IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.confidence);
CREATE INDEX subsidiary_of_confidence IF NOT EXISTS FOR ()-[r:SUBSIDIARY_OF]-() ON (r.confidence);
CREATE INDEX participates_in_confidence IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() ON (r.confidence);
CREATE INDEX works_for_confidence IF NOT EXISTS FOR ()-[r:WORKS_FOR]-() ON (r.confidence);
