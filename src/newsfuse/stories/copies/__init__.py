"""Copy detection: which reports reuse another's text, and how much.

The entry is :mod:`newsfuse.stories.copies.index`, re-exported by :mod:`newsfuse.stories`; this face
imports nothing, so that a module of the package can be loaded alone.
"""

__all__: list[str] = []
