"""Article → Extraction: entity mentions (`entities/`), in-article resolution (`resolve`),
relations with their evidence sentences (`relations/`), over the NLP pipeline (`nlp`) and the
domain gazetteer (`gazetteer`). `pipeline.Extractor` runs the whole stage."""
