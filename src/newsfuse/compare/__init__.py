"""Compare a story's sources: claims aligned across reports, each fact corroborated,
single-source or conflicting, cited to its sentences."""

from __future__ import annotations

from newsfuse.compare.comparison import compare, outlet_label
from newsfuse.compare.context import source_keys

__all__ = ["compare", "outlet_label", "source_keys"]
