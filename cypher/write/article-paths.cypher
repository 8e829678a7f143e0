// Set the path (the one whose content the Article holds), all paths and the extraction stamp of
// articles whose paths changed (a copy found, a file now holding another text).
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
SET a.path = row.path, a.paths = row.paths, a.content_hash = row.content_hash,
    a.extractor = row.extractor
