// The articles holding one of $paths: as their path (indexed), or among their other paths (the
// same text saved under several names; only articles with more than one path are read), with
// what article-known.cypher reads of them (one round trip when only paths are asked about).
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $paths AS p
MATCH (a:Article {path: p})
RETURN p AS path, a.id AS id, a.path AS primary, coalesce(a.paths, [a.path]) AS paths,
       a.fingerprint AS fingerprint, a.content_hash AS content_hash, a.extractor AS extractor,
       coalesce(a.file_keys, []) AS file_keys
UNION
MATCH (a:Article) WHERE size(a.paths) > 1
UNWIND [x IN a.paths WHERE x IN $paths AND x <> a.path] AS p
RETURN p AS path, a.id AS id, a.path AS primary, a.paths AS paths,
       a.fingerprint AS fingerprint, a.content_hash AS content_hash, a.extractor AS extractor,
       coalesce(a.file_keys, []) AS file_keys
