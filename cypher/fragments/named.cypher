// The nodes with label __label__ (Entity: any entity) whose name is __value__ or that have it as
// an alias, bound to __var__; the body of a CALL subquery. The name through its index, the
// alias through the full-text index entity_names (names and aliases of every entity label),
// queried as one quoted phrase and then checked for an exact alias.
MATCH (__var__:__label__ {name: __value__}) RETURN __var__
UNION
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace(__value__, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
WITH node AS __var__ WHERE __var__:__label__ AND __value__ IN __var__.aliases
RETURN __var__
