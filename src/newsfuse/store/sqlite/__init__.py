"""The embedded SQLite store: one file, WAL, named migrations, one transaction per article.

The entry is :mod:`newsfuse.store.sqlite.store`, re-exported by :mod:`newsfuse.store`; this face
imports nothing, so that a module of the package can be loaded alone.
"""

__all__: list[str] = []
