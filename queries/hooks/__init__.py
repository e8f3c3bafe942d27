"""Python steps around catalog queries that need them (``// hook: <module>`` in the header).

A hook module has ``prepare(store, query, values, send) -> send`` (adds the ``// derived:``
values to what is sent) and ``finish(df, query, values) -> df`` (returns the declared columns).
"""
