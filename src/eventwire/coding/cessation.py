"""Calling off one's own protest eases dissent.

"The union called off the strike", "the opposition cancelled its rally", "doctors ended their
strike": a verb of ending whose object is a protest (a lexicon noun whose row in context is
PROTEST: "a strike", not "air strikes") is CONCEDE,
CAMEO 082 ("ease political dissent"), not the verb's generic reading (REJECT for "call off" and
"cancel") and not a protest. The protest noun is not an event of its own: it was called off
(``triggers.calls_off`` keeps "call" from carrying it as a support verb).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.triggers import OBJECT_DEPS, calls_off, noun_type
from eventwire.knowledge import Lexicon, Ontology

ENDING_VERBS = frozenset({"end", "halt", "stop", "suspend", "cancel", "abandon", "scrap"})
EASE_DISSENT_CAMEO = "082"


def eased_dissent(
    verb: Token, lexicon: Lexicon, ontology: Ontology
) -> tuple[str, str, str | None] | None:
    """(type, CAMEO code, mode) when ``verb`` ends a protest named as its object, else None."""
    if verb.pos_ != "VERB" or not (verb.lemma_.lower() in ENDING_VERBS or calls_off(verb)):
        return None
    protest = any(
        c.dep_ in OBJECT_DEPS and noun_type(c, lexicon) == "PROTEST" for c in verb.children
    )
    return ontology.coding(EASE_DISSENT_CAMEO) if protest else None
