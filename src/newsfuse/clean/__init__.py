"""Clean a raw page (text dump or HTML) into headline, body blocks and labelled chrome."""

from __future__ import annotations

from newsfuse.clean.dump.cascade import clean_dump
from newsfuse.clean.html.cascade import clean_html
from newsfuse.models import CleanPage, RawDocument

__all__ = ["clean", "clean_dump", "clean_html"]


def clean(raw: RawDocument) -> CleanPage:
    """Dispatch on the recognised format.

    Raises:
        RejectedInput: when the page has no article text or is hostile markup.
    """
    if raw.format == "html":
        return clean_html(raw.text, raw.hints.url)
    return clean_dump(raw.text)
