"""Fetch one URL politely: robots.txt, a rate per host, timeouts, retries, limits, redirects.

::

    Fetcher.get(url)
      for each hop (at most MAX_REDIRECTS):  robots.txt allows it?  -> robots_disallowed
        wait for the host's turn (fetch_delay, or a longer Crawl-delay)
        send, with If-None-Match / If-Modified-Since when validators are known
          network error, timeout, 429, 5xx  -> retry with backoff, then reject
          3xx                               -> record the hop, go on
          304                               -> FetchedPage(status=304)
          other 4xx                         -> http_<status>
        content type of the kind asked for?  -> wrong_content_type
        body within max_bytes (decompressed) and fetch_timeout  -> FetchedPage
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType
from typing import Literal
from urllib.parse import urljoin

import httpx

from newsfuse.errors import RejectedInput
from newsfuse.ingest.fetch.body import ACCEPT_ENCODING, read_body
from newsfuse.ingest.fetch.robots import ROBOTS_MAX_BYTES, RobotsRules
from newsfuse.ingest.fetch.urls import clean_url, host_of
from newsfuse.models import FetchedPage
from newsfuse.settings import Settings

#: Redirect hops followed; browsers allow 20, a news page needs two or three.
MAX_REDIRECTS = 5
#: Longest Retry-After honoured, in seconds; a longer one rejects the URL for this round.
MAX_RETRY_AFTER = 60.0
#: Reasons that pass: the same URL may work later (see :func:`transient`).
TRANSIENT = frozenset({"timeout", "network_error", "http_429", "robots_unreachable"})

Kind = Literal["page", "feed"]
#: Content types accepted for each kind of fetch (parameters after ``;`` ignored). A page
#: may be text; a feed may be served as HTML (its home page, where feeds are discovered).
CONTENT_TYPES: dict[Kind, frozenset[str]] = {
    "page": frozenset({"text/html", "application/xhtml+xml", "text/plain"}),
    "feed": frozenset(
        {
            "application/rss+xml",
            "application/atom+xml",
            "application/rdf+xml",
            "application/xml",
            "text/xml",
            "text/html",
            "application/xhtml+xml",
            "text/plain",
        }
    ),
}


def transient(reason: str) -> bool:
    """Whether a fetch rejected for ``reason`` may succeed if tried again later."""
    return reason in TRANSIENT or (reason.startswith("http_5") and reason[5:].isdigit())


class Fetcher:
    """An HTTP client that fetches the way ``settings`` say (agent, timeout, retries, delay).

    Use as a context manager, or call :meth:`close`. ``sleep`` and ``clock`` are the waits
    between requests; tests and the watch loop pass their own (the loop's wakes on a signal).
    """

    def __init__(
        self,
        settings: Settings,
        sleep: Callable[[float], object] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._clock = clock
        self._client = httpx.Client(
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=False,
        )
        self._robots = RobotsRules(settings.user_agent, self._get_robots, clock)
        self._turn: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(
        self,
        url: str,
        kind: Kind = "page",
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchedPage:
        """Fetch ``url`` (already :func:`clean_url`'d), following redirects.

        Raises:
            RejectedInput: with a reason (``robots_disallowed``, ``http_404``, ``timeout``,
                ``network_error``, ``too_many_redirects``, ``wrong_content_type``,
                ``too_large``...); :func:`transient` tells which may pass.
        """
        headers = {"Accept": _accept(kind)}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        hops: list[str] = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            host = host_of(current)
            if not self._robots.allowed(host, current):
                if not self._robots.reachable(host):
                    raise RejectedInput(
                        "robots_unreachable",
                        f"{host}/robots.txt cannot be read now, so nothing there is fetched",
                    )
                raise RejectedInput(
                    "robots_disallowed", f"{host}/robots.txt does not allow fetching {current}"
                )
            status, response_headers, body = self._with_retries(current, headers, kind)
            if status in (301, 302, 303, 307, 308):
                location = response_headers.get("location")
                if not location:
                    raise RejectedInput("http_error", f"redirect {status} without a Location")
                current = clean_url(urljoin(current, location))
                hops.append(current)
                continue
            return FetchedPage(
                url=url,
                final_url=current,
                status=status,
                fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
                content_type=response_headers.get("content-type", ""),
                body=body,
                etag=response_headers.get("etag"),
                last_modified=response_headers.get("last-modified"),
                redirects=tuple(hops),
            )
        raise RejectedInput(
            "too_many_redirects", f"more than {MAX_REDIRECTS} redirects from {url}: {hops[-1]}"
        )

    def _with_retries(
        self, url: str, headers: dict[str, str], kind: Kind
    ) -> tuple[int, httpx.Headers, bytes]:
        tries = 1 + max(0, self.settings.fetch_retries)
        for attempt in range(tries):
            try:
                return self._once(url, headers, kind)
            except _Retry as retry:
                if attempt == tries - 1 or retry.wait > MAX_RETRY_AFTER:
                    raise retry.rejected from None
                self._sleep(retry.wait or self.settings.fetch_backoff * 2**attempt)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _once(
        self, url: str, headers: dict[str, str], kind: Kind
    ) -> tuple[int, httpx.Headers, bytes]:
        self._wait_turn(host_of(url))
        deadline = time.monotonic() + self.settings.fetch_timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status == 429 or status >= 500:
                    raise _Retry(f"http_{status}", f"the server answered {status}", response)
                if 300 <= status < 400 or status in (204, 304):
                    return status, response.headers, b""
                if status >= 400:
                    raise RejectedInput(f"http_{status}", f"the server answered {status} for {url}")
                _check_type(response.headers.get("content-type", ""), kind, url)
                body = read_body(response, self.settings.max_bytes, deadline)
        except httpx.TimeoutException as exc:
            raise _Retry("timeout", f"no answer within {self.settings.fetch_timeout} s") from exc
        except httpx.TransportError as exc:
            raise _Retry("network_error", f"cannot reach {host_of(url)}: {exc}") from exc
        except RejectedInput as exc:
            if exc.reason == "timeout":
                raise _Retry(exc.reason, exc.message) from exc
            raise
        return status, response.headers, body

    def _wait_turn(self, host: str) -> None:
        delay = max(self.settings.fetch_delay, self._robots.crawl_delay(host))
        wait = self._turn.get(host, float("-inf")) + delay - self._clock()
        if wait > 0:
            self._sleep(wait)
        self._turn[host] = self._clock()

    def _get_robots(self, host: str) -> tuple[int, bytes] | None:
        self._wait_turn(host)
        try:
            with self._client.stream("GET", f"{host}/robots.txt", follow_redirects=True) as got:
                deadline = time.monotonic() + self.settings.fetch_timeout
                body = read_body(got, 4 * ROBOTS_MAX_BYTES, deadline) if got.is_success else b""
                return got.status_code, body
        except (httpx.HTTPError, RejectedInput):
            return None  # unreachable, or too large or slow to read: treated as unreachable


class _Retry(Exception):
    """A try that may pass next time; carries the rejection made if no try is left."""

    def __init__(self, reason: str, message: str, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.rejected = RejectedInput(reason, f"{message} (after retries)")
        after = response.headers.get("retry-after", "") if response is not None else ""
        self.wait = float(after) if after.isdigit() else 0.0


def _accept(kind: Kind) -> str:
    if kind == "feed":
        return "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
    return "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5"


def _check_type(content_type: str, kind: Kind, url: str) -> None:
    media = content_type.split(";", 1)[0].strip().lower()
    if kind == "feed" and media.endswith("+xml"):
        return
    if media and media not in CONTENT_TYPES[kind]:
        raise RejectedInput(
            "wrong_content_type", f"{url} is {media}, not a {'feed' if kind == 'feed' else 'page'}"
        )
