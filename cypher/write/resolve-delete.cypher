// Delete an entity that was moved or ignored, with its remaining relationships.
MATCH (x:__LABEL__ {name: $name})
DETACH DELETE x
