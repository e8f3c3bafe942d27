"""Entity resolution, one job a module: names, nodes, in-document links, cannot-links, groups, stages, records.

The entry point is :func:`aikg.ingest.nlp.resolve.merge_mentions`.
"""
