"""Pure parts of the formats: dyad expansion (GDELT), actor columns, PLOVER markup."""

from __future__ import annotations

from typing import Any

from eventwire.export.gdelt import GDELT_COLUMNS, actor_fields, dyads
from eventwire.export.plover import markup


def actor(country: str | None, *sectors: str, text: str = "") -> dict[str, Any]:
    return {"text": text or str(country), "country": country, "sectors": list(sectors)}


def codes(pairs: list[tuple[Any, Any]]) -> list[tuple[str, str]]:
    return [(actor_fields(a)[0], actor_fields(r)[0]) for a, r in pairs]


def test_compound_actors_expand_to_every_pair() -> None:
    pairs = dyads([actor("USA"), actor("FRA")], [actor("CHN"), actor("RUS")])
    assert codes(pairs) == [("USA", "CHN"), ("USA", "RUS"), ("FRA", "CHN"), ("FRA", "RUS")]


def test_reciprocal_event_gives_cross_pairs_only() -> None:
    both = [actor("ARM"), actor("AZE")]
    assert codes(dyads(both, both)) == [("ARM", "AZE"), ("AZE", "ARM")]


def test_same_actor_code_counts_once_and_missing_sides_stay_empty() -> None:
    pairs = dyads([actor("ARM", text="Armenia"), actor("ARM", text="Pashinyan")], [])
    assert codes(pairs) == [("ARM", "")]
    assert codes(dyads([], [actor("IRN")])) == [("", "IRN")]
    assert codes(dyads([], [])) == [("", "")]
    assert codes(dyads([actor("PAK")], [actor("PAK")])) == [("PAK", "PAK")]  # intra-state


def test_actor_columns() -> None:
    assert actor_fields(actor("KOR", "GOV", "MIL", text="Seoul"))[:3] == [
        "KORGOVMIL",
        "SEOUL",
        "KOR",
    ]
    igo = actor_fields(actor("IGO", text="the UN"))
    assert (igo[0], igo[2], igo[7]) == ("IGO", "", "IGO")
    assert len(actor_fields(None)) == 10
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61


def test_plover_markup() -> None:
    sentence = "China accused Washington of meddling."
    base = 100  # the sentence starts at offset 100 of the article
    marks = [(100, 105, "SRC"), (114, 124, "TAR"), (106, 113, "EVT"), (0, 5, "SRC")]
    assert (
        markup(sentence, base, marks)
        == "(SRC: China) (EVT: accused) (TAR: Washington) of meddling."
    )
    both = [(100, 105, "SRC"), (100, 105, "TAR")]
    assert markup(sentence, base, both).startswith("(SRC/TAR: China)")
    assert markup(sentence, None, marks) == sentence
