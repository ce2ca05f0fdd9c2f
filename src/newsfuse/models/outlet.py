"""Outlets as records: who publishes news, where, in which language, of which kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: What an outlet is: a news agency (wire), a newspaper (print first), a broadcaster (TV or
#: radio first), or a publication that exists online only.
OutletKind = Literal["agency", "newspaper", "broadcaster", "online"]
OUTLET_KINDS: tuple[OutletKind, ...] = ("agency", "newspaper", "broadcaster", "online")


@dataclass(frozen=True)
class Outlet:
    """One outlet and the web domains its reports are published under.

    Attributes:
        name: The name articles carry (``"BBC"``); unique, compared without case.
        domains: Registered domains or hosts (``"bbc.co.uk"``, ``"bbc.com"``); a URL on one of
            them or on a subdomain of one (``www.bbc.co.uk``, ``news.bbc.co.uk``) is the outlet's.
        country: ISO 3166-1 alpha-2 code of the country it is based in (``"GB"``).
        language: ISO 639-1 code of its main language (``"en"``).
        kind: ``agency``, ``newspaper``, ``broadcaster`` or ``online``.
    """

    name: str
    domains: tuple[str, ...]
    country: str | None = None
    language: str | None = None
    kind: OutletKind = "online"
