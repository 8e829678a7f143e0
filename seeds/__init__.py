"""The bundled sample corpus and the domain gazetteer (data only)."""
