"""newsfuse: cited multi-source news stories.

The Python API (see docs/python.md)::

    import newsfuse

    with newsfuse.open_news("news.db") as news:
        news.ingest(["reports/"])
        for row in news.stories():
            print(row["id"], row["sources"], row["label"])

Names are loaded on first use, so that ``import newsfuse`` (and the command line) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsfuse.api import News, open_news

__all__ = ["News", "__version__", "open_news"]


def __getattr__(name: str) -> Any:
    if name in ("News", "open_news"):
        from newsfuse import api

        return getattr(api, name)
    # __version__ is read from the installed package's metadata when first asked for:
    # importing importlib.metadata costs more than the rest of `newsfuse --help` together.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("newsfuse")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
