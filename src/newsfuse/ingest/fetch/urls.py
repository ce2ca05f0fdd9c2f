"""Which URLs are fetched, in which form: courlan's checks and normalisation."""

from __future__ import annotations

from urllib.parse import urlsplit

from courlan import normalize_url
from courlan.filters import extension_filter, is_valid_url

from newsfuse.errors import RejectedInput


def clean_url(url: str) -> str:
    """The form of ``url`` fetched and stored: host lower case, tracking parameters
    (``utm_*``...) and the fragment dropped, query parameters sorted (courlan).

    courlan's full ``check_url`` is not used: it refuses hosts without a public suffix
    (``localhost``, intranet names, addresses), which newsroom and test servers have.

    Raises:
        RejectedInput: ``bad_url`` for what is no http(s) URL, or a URL of a file type that
            is no page (images, archives, media: courlan's extension filter).
    """
    url = url.strip()
    if urlsplit(url).scheme.lower() not in ("http", "https") or not is_valid_url(url):
        raise RejectedInput(
            "bad_url", f"{url[:200]!r} is not an http(s) URL; give one like https://host/path"
        )
    try:
        normal = normalize_url(url, strict=False)
    except ValueError as exc:
        raise RejectedInput("bad_url", f"cannot read {url[:200]!r} as a URL ({exc})") from exc
    if not extension_filter(urlsplit(normal).path):
        raise RejectedInput(
            "bad_url", f"{normal[:200]} names a file that is no page (its extension)"
        )
    return normal.split("#", 1)[0]


def host_of(url: str) -> str:
    """``scheme://host[:port]``: the unit of politeness (robots.txt, rate limit)."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
