"""Clean an HTML page: trafilatura, then the same clean-up as dumps.

The entry is :mod:`newsfuse.clean.html.cascade`, re-exported by :mod:`newsfuse.clean`; this face
imports nothing, so that a module of the package can be loaded alone.
"""

__all__: list[str] = []
