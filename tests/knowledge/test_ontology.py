"""The PLOVER ontology and its CAMEO table (knowledge/ontology.py)."""

from __future__ import annotations

from eventwire.knowledge import load_ontology


def test_coding_a_cameo_code_gives_its_type_and_a_mode() -> None:
    ontology = load_ontology()
    assert ontology.coding("0872") == ("RETREAT", "0872", "withdraw")  # the code's own mode
    assert ontology.coding("145", "riot") == ("PROTEST", "145", "riot")  # a mode given
    assert ontology.coding("064") == ("COOPERATE", "064", None)  # no mode: None, not ""
    assert ontology.coding("010") is None  # a statement: no PLOVER type
