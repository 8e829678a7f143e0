// Names kept apart: entity p.name loses the alias p.alias, on the node and on its MENTIONS.
UNWIND $pairs AS p
MATCH (e:Entity {name: p.name})
WHERE p.alias IN coalesce(e.aliases, [])
SET e.aliases = [x IN e.aliases WHERE x <> p.alias]
WITH e, p
OPTIONAL MATCH (e)<-[m:MENTIONS]-(:Article)
  WHERE p.alias IN coalesce(m.aliases, [])
SET m.aliases = [x IN m.aliases WHERE x <> p.alias]
RETURN count(DISTINCT e) AS entities
