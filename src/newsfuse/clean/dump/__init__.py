"""Clean a plain-text page dump: a line model and structural rules, top to bottom in
:func:`~newsfuse.clean.dump.cascade.clean_dump`.

The entry is :mod:`newsfuse.clean.dump.cascade`, re-exported by :mod:`newsfuse.clean`; this face
imports nothing, so that a module of the package can be loaded alone.
"""

__all__: list[str] = []
