// Uniqueness constraints: one node per (label, name) for entities, one Article per id.
// Each constraint also creates the range index MERGE and name lookups use.
CREATE CONSTRAINT platform_name IF NOT EXISTS FOR (n:Platform) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT city_name IF NOT EXISTS FOR (n:City) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT company_name IF NOT EXISTS FOR (n:Company) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT agency_name IF NOT EXISTS FOR (n:Agency) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT organization_name IF NOT EXISTS FOR (n:Organization) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT policy_name IF NOT EXISTS FOR (n:Policy) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT project_name IF NOT EXISTS FOR (n:Project) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT person_name IF NOT EXISTS FOR (n:Person) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
// The key of the ingest write lock (cypher/write/ingest-lock.cypher); no such node is stored.
CREATE CONSTRAINT ingest_lock_name IF NOT EXISTS FOR (n:IngestLock) REQUIRE n.name IS UNIQUE;
// One Quantity node per (article, offset, text): its key.
CREATE CONSTRAINT quantity_key IF NOT EXISTS FOR (n:Quantity) REQUIRE n.key IS UNIQUE;
