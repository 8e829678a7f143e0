// Range indexes the reports and the re-ingest path need.
// Name lookup across labels (reports take a name without a label).
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
// Ranking by mentions (top-entities).
CREATE INDEX entity_mentions IF NOT EXISTS FOR (n:Entity) ON (n.mentions);
// Re-ingest: an article whose path was ingested before under another id is a changed article.
CREATE INDEX article_path IF NOT EXISTS FOR (n:Article) ON (n.path);
// Timelines and date filters.
CREATE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date);
CREATE INDEX article_title IF NOT EXISTS FOR (n:Article) ON (n.title);
// A relationship's evidence sentences, found by the relationship's key.
CREATE INDEX evidence_rel IF NOT EXISTS FOR (n:Evidence) ON (n.rel);
