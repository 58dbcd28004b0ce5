"""The kind of aid: CAMEO codes economic (071), military (072) and humanitarian (073) aid
apart, and keeps 070 for aid "not otherwise specified".

A built-in row that codes plain aid (070: "provided aid", "received aid from Japan") takes the
kind its modifiers name: "military aid", "arms aid", "security assistance" are 072; "economic",
"financial", "development" or "budget" aid 071; "humanitarian", "food", "medical", "relief" or
"emergency" aid 073. "Security" names the kind only when no other kind word does ("food
security aid" is 073).
"""

from __future__ import annotations

from types import MappingProxyType

from spacy.tokens import Token

from eventwire.coding.np import prep_objects
from eventwire.knowledge import Ontology

GENERIC_AID = "070"
AID_KINDS = MappingProxyType(
    {
        "072": frozenset({"military", "arm", "arms", "weapon", "defense", "defence", "security"}),
        "071": frozenset(
            {"economic", "financial", "development", "budget", "budgetary", "monetary", "cash"}
        ),
        "073": frozenset({"humanitarian", "food", "medical", "relief", "emergency", "disaster"}),
    }
)
# A kind word that yields to any other ("food security aid" is food aid).
WEAK_KIND_WORDS = frozenset({"security"})
AID_NOUNS = frozenset({"aid", "assistance", "help", "support", "package", "supply", "shipment"})
MODIFIER_DEPS = frozenset({"amod", "compound"})


def aid_kind(
    event_type: str, cameo: str, words: tuple[Token, ...], ontology: Ontology
) -> tuple[str, str, str | None] | None:
    """(type, CAMEO code, mode) of plain aid whose modifiers name its kind, else None;
    ``words`` are the trigger and the verb it hangs on."""
    if event_type != "AID" or cameo != GENERIC_AID:
        return None
    for noun in _aid_nouns(words):
        tokens = _modifiers(noun)
        modifiers = {c.lemma_.lower() for c in tokens} | {c.lower_ for c in tokens}
        for named in (modifiers - WEAK_KIND_WORDS, modifiers):  # "food security aid": food
            for code, kinds in AID_KINDS.items():
                coding = ontology.coding(code)
                if named & kinds and coding is not None:
                    return coding
    return None


def _aid_nouns(words: tuple[Token, ...]) -> list[Token]:
    """The aid nouns among the trigger, its verb's objects and their "in"/"of" phrases ("$20
    million in military aid")."""
    found: list[Token] = []
    for word in words:
        found.append(word)
        objects = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
        found += objects
        found += prep_objects((word, *objects), ("in", "of"))
    return [t for t in found if t.lemma_.lower() in AID_NOUNS]


def _modifiers(noun: Token) -> list[Token]:
    """A noun's compound and adjective modifiers and theirs ("food security aid": security,
    food)."""
    found = [c for c in noun.children if c.dep_ in MODIFIER_DEPS]
    return found + [g for c in found for g in _modifiers(c)]
