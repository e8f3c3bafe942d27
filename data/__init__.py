"""Data shipped with aikg: schema, gazetteer, lexicons, ontology and the sample corpus (read via importlib.resources)."""
