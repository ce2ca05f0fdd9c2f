"""Per article, after cleaning: entities, quotes, dates and event mentions, read off one parse.

:func:`~newsfuse.extract.analyse.analyse` runs every reader over the article's paragraphs,
parsed once by spaCy; each reader has its own package (``entities``, ``quotes``, ``dates``,
``events``; places are resolved with an offline gazetteer in ``places``).
"""

from __future__ import annotations

from newsfuse.extract.analyse import ANALYSIS_VERSION, analyse, to_json

__all__ = ["ANALYSIS_VERSION", "analyse", "to_json"]
