// Set the path (the one whose content the Article holds), all paths and the extraction stamp of
// articles whose paths changed (a copy found, a file now holding another text), and the file
// keys of their paths (what each file loaded to: a re-ingest skips loading it).
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
SET a.path = row.path, a.paths = row.paths, a.content_hash = row.content_hash,
    a.extractor = row.extractor,
    a.file_keys = CASE WHEN size(row.file_keys) = 0 THEN null ELSE row.file_keys END
