"""The event's place, resolved offline to a country and coordinates.

In order: the place the sentence puts the event in ("in Seoul", a gazetteer place on the
trigger or its clause, see ``SentenceContext.location``); else a place name the gazetteer
does not know, in an "in X" phrase on the trigger or its clause ("in Karachi", spaCy GPE, LOC
or FAC entity); else the article's dateline ("SEOUL, South Korea"). Names are looked up in the
GeoNames cities (:mod:`eventwire.knowledge.geo`): a gazetteer place or dateline keeps its own
country and takes the namesake in that country; other names prefer the article's countries,
then the larger city. A country named alone has no coordinates.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from eventwire.knowledge.geo import Geocoder
from eventwire.records import Place
from eventwire.records import Span as CharSpan

PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def dateline_city(dateline: str | None) -> str | None:
    """The place a dateline names first: 'SEOUL, South Korea' -> 'Seoul'."""
    if not dateline:
        return None
    first = dateline.split("(")[0].split(",")[0].strip(" -—–")
    if not first or not any(ch.isalpha() for ch in first):
        return None
    return first.title() if first.isupper() else first


@dataclass(frozen=True, slots=True)
class DocPlaces:
    """Place resolution for one document: the geocoder (None: no coordinates), the
    article's countries and its resolved dateline place."""

    geocoder: Geocoder | None
    article_countries: frozenset[str]
    dateline: Place | None

    @classmethod
    def build(
        cls,
        geocoder: Geocoder | None,
        *,
        dateline: str | None,
        dateline_country: str | None,
        article_countries: Collection[str],
    ) -> DocPlaces:
        countries = frozenset(article_countries)
        place: Place | None = None
        city = dateline_city(dateline)
        if city is not None and geocoder is not None:
            found = geocoder.lookup(city, country=dateline_country, article_countries=countries)
            if found is not None and (dateline_country in (None, found.country)):
                place = Place(found.name, found.country, None, found.lat, found.lon)
        if place is None and city is not None and dateline_country is not None:
            place = Place(city, dateline_country)
        return cls(geocoder, countries, place)

    def event_place(
        self,
        location: Place | None,
        trigger: Token,
        anchor: Token,
        char_span: Callable[[int, int], CharSpan],
    ) -> Place | None:
        """The event's place with coordinates where they are known (module rule)."""
        if location is not None:
            return self._with_coordinates(location)
        named = self._in_phrase(trigger, anchor)
        if named is not None and self.geocoder is not None:
            found = self.geocoder.lookup(named.text, article_countries=self.article_countries)
            if found is not None:
                span = char_span(named.start, named.end)
                return Place(named.text, found.country, span, found.lat, found.lon)
        return self.dateline

    def _with_coordinates(self, place: Place) -> Place:
        if self.geocoder is None or place.lat is not None:
            return place
        found = self.geocoder.lookup(
            place.name, country=place.country, article_countries=self.article_countries
        )
        if found is None or found.lat is None:
            return place
        if place.country is not None and found.country != place.country:
            return place
        return replace(place, country=place.country or found.country, lat=found.lat, lon=found.lon)

    @staticmethod
    def _in_phrase(trigger: Token, anchor: Token) -> Span | None:
        for token in (trigger, anchor):
            for child in token.children:
                if child.dep_ != "prep" or child.lower_ != "in":
                    continue
                for pobj in child.children:
                    if pobj.dep_ != "pobj" or pobj.ent_type_ not in PLACE_ENTITIES:
                        continue
                    entity = next((e for e in pobj.doc.ents if e.start <= pobj.i < e.end), None)
                    if entity is not None:
                        return entity
        return None
