"""Quotes of one article, direct, partial and reported, each with its speaker.

The entry is :mod:`newsfuse.extract.quotes.find`, re-exported by :mod:`newsfuse.extract`; this face
imports nothing, so that a module of the package can be loaded alone.
"""

__all__: list[str] = []
