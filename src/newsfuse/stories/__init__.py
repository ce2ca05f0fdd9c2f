"""Group articles into stories as they arrive, and tell copies from independent reports.

:mod:`~newsfuse.stories.cluster` clusters (incrementally, through an inverted index, with
local regrouping); :mod:`~newsfuse.stories.copies` finds exact, near and partial copies
(MinHash/LSH), so that a story counts origins, not outlets."""

from __future__ import annotations

from newsfuse.stories.cluster.index import StoryIndex, recluster_index
from newsfuse.stories.cluster.recluster import recluster
from newsfuse.stories.copies.index import CopyIndex, independent_sources

__all__ = ["CopyIndex", "StoryIndex", "independent_sources", "recluster", "recluster_index"]
