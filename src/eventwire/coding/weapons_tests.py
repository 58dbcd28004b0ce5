"""A weapons test is a show of force, not an attack.

"North Korea test-fired a missile", "launched a test missile", "fired two missiles in a test":
the firing row says ASSAULT, but nothing was attacked; CAMEO codes a display of military power
as 150 ("demonstrate military or police power"), PLOVER MOBILIZE, mode weapons.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.triggers import OBJECT_DEPS
from eventwire.knowledge import Ontology

SHOW_OF_FORCE_CAMEO = "150"
TEST_WORDS = frozenset({"test", "trial"})
MODIFIER_DEPS = frozenset({"npadvmod", "compound", "amod", "nmod"})


def _marked_as_test(word: Token) -> bool:
    for child in word.children:
        if child.dep_ in MODIFIER_DEPS and child.lemma_.lower() in TEST_WORDS:
            return True  # "test-fired", "a test missile"
        tests = (g.lemma_.lower() in TEST_WORDS for g in child.children if g.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "as") and any(tests):
            return True  # "fired two missiles in a test"
    return False


def weapons_test(
    event_type: str, trigger: Token, ontology: Ontology
) -> tuple[str, str, str | None] | None:
    """(type, CAMEO code, mode) when an ASSAULT trigger is a weapons test, else None."""
    if event_type != "ASSAULT":
        return None
    words = [trigger, *(c for c in trigger.children if c.dep_ in OBJECT_DEPS)]
    if not any(_marked_as_test(w) for w in words):
        return None
    return ontology.coding(SHOW_OF_FORCE_CAMEO, "weapons")
