// Full-text index over the name and the aliases (a list of strings) of every entity label,
// with the CJK analyzer (bigrams for Chinese), so a short or variant name finds its node.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Platform|City|Company|Agency|Organization|Policy|Project|Person) ON EACH [n.name, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
