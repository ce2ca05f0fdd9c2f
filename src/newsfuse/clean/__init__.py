"""Clean a raw page (text dump or HTML) into headline, body blocks and labelled chrome."""

from __future__ import annotations

from newsfuse.clean.budget import Budget
from newsfuse.clean.dump.cascade import clean_dump
from newsfuse.clean.html.cascade import clean_html
from newsfuse.models import CleanPage, RawDocument
from newsfuse.settings import Settings

__all__ = ["Budget", "clean", "clean_dump", "clean_html"]


def clean(raw: RawDocument, settings: Settings | None = None) -> CleanPage:
    """Dispatch on the recognised format, within the limits and time budget of ``settings``
    (the defaults when None).

    Raises:
        RejectedInput: when the page has no article text, is hostile markup, is over a
            limit of the budget or takes longer than its time budget.
    """
    budget = Budget.start(settings)
    if raw.format == "html":
        return clean_html(raw.text, raw.hints.url, budget)
    return clean_dump(raw.text, budget=budget)
