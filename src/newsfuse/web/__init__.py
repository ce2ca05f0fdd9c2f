"""The read-only web UI and REST API over a newsfuse store (``newsfuse serve``)."""

from __future__ import annotations

from newsfuse.web.app import create_app

__all__ = ["create_app"]
