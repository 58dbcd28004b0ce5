"""The offline geocoder: GeoNames cities to country and coordinates, and its ambiguity rule."""

from __future__ import annotations

import pytest

from eventwire.knowledge.geo import Geocoder, load_geocoder


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return load_geocoder()


def test_city_to_country_and_coordinates(geocoder: Geocoder) -> None:
    seoul = geocoder.lookup("Seoul")
    assert seoul is not None and seoul.country == "KOR"
    assert seoul.lat == pytest.approx(37.57, abs=0.1) and seoul.lon == pytest.approx(
        126.98, abs=0.1
    )


def test_alternate_names_and_case(geocoder: Geocoder) -> None:
    kyiv = geocoder.lookup("kiev")
    assert kyiv is not None and kyiv.country == "UKR" and kyiv.name == "Kyiv"


def test_ambiguous_names_prefer_the_articles_countries_then_population(
    geocoder: Geocoder,
) -> None:
    assert geocoder.lookup("Tripoli").country == "LBY"  # type: ignore[union-attr]
    lebanon = geocoder.lookup("Tripoli", article_countries={"LBN"})
    assert lebanon is not None and lebanon.country == "LBN"
    # a namesake more than 20 times larger abroad still wins
    paris = geocoder.lookup("Paris", article_countries={"USA"})
    assert paris is not None and paris.country == "FRA"
    # the country a gazetteer entry or dateline gives comes first
    texas = geocoder.lookup("Paris", country="USA")
    assert texas is not None and texas.country == "USA"


def test_countries_have_no_coordinates_and_unknown_names_none(geocoder: Geocoder) -> None:
    iraq = geocoder.lookup("Iraq")
    assert iraq is not None and iraq.country == "IRQ" and iraq.lat is None
    assert geocoder.lookup("Minas Tirith") is None
