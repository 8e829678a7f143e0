// Evidence of a moved relationship: its new key and end names.
UNWIND $rows AS row
MATCH (ev:Evidence {rel: row.old})
SET ev.rel = row.key, ev.head = row.head, ev.tail = row.tail
