"""robots.txt rules per host, read once a day with protego, as RFC 9309 says."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from protego import Protego

#: RFC 9309 2.4: a crawler should not use a cached robots.txt for more than 24 hours.
ROBOTS_TTL = 24 * 3600.0
#: An unreachable robots.txt is asked for again sooner: a server error is often brief.
UNREACHABLE_TTL = 600.0
#: RFC 9309 2.5: at least 500 KiB of a robots.txt must be read; the rest may be ignored.
ROBOTS_MAX_BYTES = 500 * 1024

#: Fetches ``host/robots.txt``: returns (HTTP status, body), or None when unreachable.
RobotsGetter = Callable[[str], "tuple[int, bytes] | None"]


@dataclass(frozen=True)
class _Rules:
    parser: Protego | None  # None: every path is disallowed (robots.txt unreachable)
    read_at: float


class RobotsRules:
    """Whether a URL may be fetched, and the host's crawl delay, for one user agent."""

    def __init__(self, agent: str, get: RobotsGetter, clock: Callable[[], float] = time.monotonic):
        #: robots.txt groups name crawlers by a product token: the agent's first word.
        self.token = agent.split("/", 1)[0].split()[0] if agent.strip() else "*"
        self._get = get
        self._clock = clock
        self._rules: dict[str, _Rules] = {}

    def allowed(self, host: str, url: str) -> bool:
        """Whether ``url`` (on ``host``, ``scheme://netloc``) may be fetched.

        A missing robots.txt (4xx) allows everything; an unreachable one (5xx, network error)
        disallows everything until it is read again (RFC 9309 2.3.1.3-4).
        """
        rules = self._for(host)
        return rules.parser is not None and rules.parser.can_fetch(url, self.token)

    def reachable(self, host: str) -> bool:
        """Whether the host's robots.txt was read (or is missing) the last time it was asked
        for; False when it was unreachable, which disallows everything for now."""
        rules = self._rules.get(host)
        return rules is None or rules.parser is not None

    def crawl_delay(self, host: str) -> float:
        """The host's Crawl-delay for this agent in seconds, 0 when none is given."""
        rules = self._rules.get(host)
        if rules is None or rules.parser is None:
            return 0.0
        return float(rules.parser.crawl_delay(self.token) or 0.0)

    def _for(self, host: str) -> _Rules:
        cached = self._rules.get(host)
        now = self._clock()
        ttl = ROBOTS_TTL if cached is None or cached.parser is not None else UNREACHABLE_TTL
        if cached is not None and now - cached.read_at < ttl:
            return cached
        answer = self._get(host)
        if answer is None or answer[0] >= 500:
            parser = None
        elif answer[0] >= 400:
            parser = Protego.parse("")
        else:
            parser = Protego.parse(answer[1][:ROBOTS_MAX_BYTES].decode("utf-8", "replace"))
        self._rules[host] = _Rules(parser, now)
        return self._rules[host]
