"""Entities of one article: people, organisations, places and groups, one name each.

The entry is :mod:`newsfuse.extract.entities.find`, re-exported by :mod:`newsfuse.extract`; this
face imports nothing, so that a module of the package can be loaded alone.
"""

__all__: list[str] = []
