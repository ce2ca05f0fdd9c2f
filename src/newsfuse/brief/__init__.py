"""The cited brief of a story: chosen from its reports' own sentences, every one cited."""

from __future__ import annotations

from newsfuse.brief.build import brief
from newsfuse.brief.render import to_html, to_json, to_markdown

__all__ = ["brief", "to_html", "to_json", "to_markdown"]
