"""The PostgreSQL store: the same tables and queries as SQLite, for many writers and readers.

The entry is :mod:`newsfuse.store.postgres.store`, opened by :func:`newsfuse.store.open_store`
for a ``postgresql://`` URL; this face imports nothing, so that ``psycopg`` (an optional
dependency) is loaded only when such a URL is given.
"""

__all__: list[str] = []
