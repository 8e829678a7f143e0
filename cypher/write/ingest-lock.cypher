// The write lock of an ingest batch, taken first in its transaction: a MERGE on the unique key
// of :IngestLock holds that key's index-entry lock until the transaction ends, so the batches
// of concurrent ingests (other processes included) run one after the other and each one's
// article-state check sees what the others committed. The node is deleted in the same
// transaction, so none is ever stored; a killed client or server releases the lock.
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
MERGE (lock:IngestLock {name: 'ingest'})
DELETE lock
