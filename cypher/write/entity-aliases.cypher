// Set the (sorted) aliases of entities of one label (__LABEL__).
UNWIND $rows AS row
MATCH (e:__LABEL__ {name: row.name})
SET e.aliases = row.aliases
