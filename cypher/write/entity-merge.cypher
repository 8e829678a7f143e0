// Entities of one label (__LABEL__, whitelisted) with this batch's totals. A new entity gets
// row.props; an existing one adds the batch's mentions and widens first_seen/last_seen. Rows
// that bring an alias the entity lacks are returned, so graph.store can write the sorted union
// (entity-aliases): Cypher has no list sort without plugins.
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (e:__LABEL__ {name: row.name})
  ON CREATE SET e = row.props, e:Entity
  ON MATCH SET e += row.extra,
    e.mentions = coalesce(e.mentions, 0) + row.props.mentions,
    e.first_seen = CASE WHEN e.first_seen IS NULL OR row.props.first_seen < e.first_seen
                        THEN coalesce(row.props.first_seen, e.first_seen) ELSE e.first_seen END,
    e.last_seen = CASE WHEN e.last_seen IS NULL OR row.props.last_seen > e.last_seen
                       THEN coalesce(row.props.last_seen, e.last_seen) ELSE e.last_seen END
WITH e, row
WHERE any(alias IN row.props.aliases WHERE NOT alias IN coalesce(e.aliases, []))
RETURN row.name AS name, e.aliases AS aliases
