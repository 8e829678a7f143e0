// The key of every relationship that has evidence.
MATCH (ev:Evidence)
RETURN DISTINCT ev.rel AS key
