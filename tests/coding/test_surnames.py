"""Who a one-word name is (coding/surnames.py)."""

from __future__ import annotations

from datetime import date

from eventwire.coding.surnames import IN_POST, OUT_OF_POST, surname_actor
from eventwire.engine import Engine


def test_someone_in_post_by_that_name(engine: Engine) -> None:
    actor = surname_actor(engine.coder.gazetteer, "Blinken", date(2021, 3, 18))
    assert actor is not None
    assert (actor.code, actor.name, actor.confidence) == ("USAGOV", "Antony Blinken", IN_POST)


def test_out_of_post_lately_keeps_the_country_not_the_post(engine: Engine) -> None:
    actor = surname_actor(engine.coder.gazetteer, "Blinken", date(2026, 3, 18))
    assert actor is not None
    assert (actor.country, actor.sectors, actor.confidence) == ("USA", (), OUT_OF_POST)


def test_no_one_of_that_name(engine: Engine) -> None:
    assert surname_actor(engine.coder.gazetteer, "Zzyzx", date(2021, 3, 18)) is None
