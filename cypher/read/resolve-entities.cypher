// Every entity with its aliases, mentions and typed neighbours (Label:name): what
// `iikg resolve candidates` compares.
MATCH (e:Entity)
RETURN [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.name AS name,
       coalesce(e.aliases, []) AS aliases, coalesce(e.mentions, 0) AS mentions,
       COLLECT { MATCH (e)-[]-(o:Entity)
                 RETURN DISTINCT [l IN labels(o) WHERE l <> 'Entity'][0] + ':' + o.name
               } AS neighbours
ORDER BY label, name
