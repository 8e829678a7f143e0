// What the graph knows of the articles $ids: the path whose content the Article holds, all its
// paths, and the hashes that tell whether it must be extracted or written again.
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.path AS path, coalesce(a.paths, CASE WHEN a.path IS NULL THEN [] ELSE [a.path] END) AS paths,
       a.fingerprint AS fingerprint, a.content_hash AS content_hash, a.extractor AS extractor,
       coalesce(a.file_keys, []) AS file_keys
