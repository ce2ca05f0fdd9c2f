"""Time expressions of a text, normalised to TIMEX3 values against a publication date.

The entry is :mod:`newsfuse.extract.dates.find`, re-exported by :mod:`newsfuse.extract`; this face
imports nothing, so that a module of the package can be loaded alone.
"""

__all__: list[str] = []
