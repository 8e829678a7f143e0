// The entity a node moves to (__TAIL__ $target), created when missing (a rename or relabel)
// with $props, the moving node's own properties when its label stays. Totals are recomputed
// from its MENTIONS afterwards (refresh-entities).
MERGE (y:__TAIL__ {name: $target})
  ON CREATE SET y = $props, y.name = $target, y.mentions = 0, y.aliases = [], y:Entity
