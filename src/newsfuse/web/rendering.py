"""HTML from the pages' dicts: the template environment and its filters, and rendering."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from newsfuse.timestamps import html_datetime

TEMPLATES = Path(__file__).parent / "templates"


def template_env() -> Environment:
    """The pages' templates: every value escaped, an undefined name an error."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["href"] = safe_href
    env.filters["html_datetime"] = html_datetime
    env.filters["paragraphs_html"] = paragraphs_html
    return env


def render(request: Request, template: str, data: dict[str, Any], status: int = 200) -> Response:
    """An HTML page from its dict, with a link to the page's JSON twin."""
    env: Environment = request.app.state.templates
    query = request.url.query
    json_url = request.url.path.rstrip("/") + ".json" + (f"?{query}" if query else "")
    html = env.get_template(template).render(
        data=data, path=request.url.path, query=request.query_params, json_url=json_url
    )
    return HTMLResponse(html, status_code=status)


def safe_href(url: str | None) -> str | None:
    """A link target from untrusted text: only http(s) URLs, anything else is not linked."""
    if not url or urlsplit(url.strip()).scheme.lower() not in ("http", "https"):
        return None
    return url.strip()


def paragraphs_html(paragraphs: Iterable[Mapping[str, Any]]) -> Markup:
    """An article's paragraphs as HTML: each sentence a span with its anchor id and, when
    compared, its claim status, fact group and backing outlets; every value escaped.

    Written in Python rather than as a template macro: a story page shows every sentence of
    every report, and the macro's per-sentence work was about a third of the story
    template's time (1.75 of ~5 ms a page on the 100k bench store; 0.70 ms here).
    """
    out: list[str] = []
    for para in paragraphs:
        tag = "h4" if para["heading"] else "p"
        spans = []
        for sentence in para["sentences"]:
            status, fact = sentence.get("status"), sentence.get("fact")
            cls = f"s claim-{escape(status)}" if status else "s"
            attrs = f' id="{escape(sentence["id"])}"'
            if fact:
                attrs += f' data-fact="{escape(fact)}" tabindex="0"'
            if status:
                backing = ", ".join(escape(x) for x in sentence["backing"]) if fact else ""
                attrs += f' title="{escape(status)}{": " + backing if fact else ""}"'
            spans.append(f'<span class="{cls}"{attrs}>{escape(sentence["text"])}</span>')
        out.append(f'<{tag} id="{escape(para["id"])}" class="para">{" ".join(spans)}</{tag}>')
    return Markup("".join(out))
