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
// Quantities: of an article (replaced on re-ingest), of a relationship, ranked by value.
CREATE INDEX quantity_article IF NOT EXISTS FOR (n:Quantity) ON (n.article);
CREATE INDEX quantity_rel IF NOT EXISTS FOR (n:Quantity) ON (n.rel);
CREATE INDEX quantity_value IF NOT EXISTS FOR (n:Quantity) ON (n.kind, n.value);
