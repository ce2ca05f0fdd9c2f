"""Event mentions of one article: who did what to whom, where and when (PLOVER).

The entry is :mod:`newsfuse.extract.events.read`, re-exported by :mod:`newsfuse.extract`; this face
imports nothing, so that a module of the package can be loaded alone.
"""

__all__: list[str] = []
