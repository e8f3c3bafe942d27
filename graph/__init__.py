"""The graph store: schema, backends, loader, and outputs (views, RDF)."""
