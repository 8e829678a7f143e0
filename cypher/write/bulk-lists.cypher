// After a bulk load (neo4j-admin database import): the list properties its CSV cannot hold (an
// empty list, or a list of one empty string, read back as "no property") are set here, on
// nodes of one label (__LABEL__, whitelisted) found by their key (graph/bulk_csv.py).
UNWIND $rows AS row
MATCH (n:__LABEL__ {__LABEL_KEY__: row.key})
SET n += row.props
