"""HTML from the pages' dicts: the template environment and its filters, and rendering."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

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
