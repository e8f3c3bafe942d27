"""Documents in, facts out: loaders (one per format) and the spaCy extraction pipeline."""
