"""Plain dicts of stored things, shared by the CLI tables, JSON output and web pages."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from newsfuse.models import Article, Rejected


def article_row(article: Article) -> dict[str, Any]:
    """One line of an article listing."""
    m = article.meta
    return {
        "id": article.id,
        "published": m.published,
        "outlet": m.outlet,
        "credit": m.credit,
        "byline": m.byline,
        "paragraphs": sum(b.kind == "paragraph" for b in article.body),
        "headline": m.headline,
        "origin": article.origin.describe(),
    }


def article_dict(
    article: Article, chrome: bool = False, analysis: dict[str, Any] | None = None
) -> dict[str, Any]:
    """An article in full, with what was read off it; the removed chrome only when asked for."""
    data: dict[str, Any] = {
        "id": article.id,
        "headline": article.meta.headline,
        "meta": {k: v for k, v in asdict(article.meta).items() if k != "headline"},
        "origin": asdict(article.origin),
        "format": article.format,
        "body": [{"text": b.text, "heading": b.kind == "heading"} for b in article.body],
        "captions": list(article.captions),
    }
    if analysis is not None:
        data["entities"] = [
            {"id": e["id"], "name": e["name"], "type": e["type"], "aliases": e["aliases"],
             "mentions": len(e["mentions"])}
            for e in analysis["entities"]
        ]
        data["quotes"] = analysis["quotes"]
        data["dates"] = [
            {"paragraph": d["paragraph"], "caption": d["caption"], **d["mention"]}
            for d in analysis["dates"]
        ]
    if chrome:
        data["chrome"] = [asdict(c) for c in article.chrome]
    return data


def reject_row(rejected: Rejected) -> dict[str, Any]:
    """One line of the rejects listing."""
    return {
        "origin": rejected.origin.describe(),
        "reason": rejected.reason,
        "message": rejected.message,
    }
