"""Roles the sentence does not name, supplied by rules of the ontology and of the story.

- "Three civilians were killed in a car bombing": the attackers are unidentified; PLOVER still
  codes the attack, with an unknown actor placed where it happened.
- PLOVER PROTEST requires a recipient: without a named target, a protest is addressed to the
  government of the place where it happens.
- "Iran condemned the sanctions": a definite event noun as object names an earlier event of its
  type in the story, whose actor is the recipient.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from eventwire.coding.context import same_actor
from eventwire.knowledge import Lexicon
from eventwire.records import Actor, CodedEvent, Place

DEFINITE = frozenset({"the", "this", "these", "that", "those"})
NO_RECIPIENT = "no recipient"


def unidentified_attackers(
    victims: tuple[Actor, ...], place: Place | None, other_countries: AbstractSet[str | None]
) -> Actor:
    """The unknown actor of an attack on ``victims``: of the country where it happened, else of
    the one other country the sentence names, else of the victims'."""
    if place is not None:
        country = place.country
    elif len(other_countries) == 1:
        country = next(iter(other_countries))
    else:
        country = victims[0].country
    return Actor(
        text="unidentified attackers",
        country=country,
        sectors=("UAF",),
        evidence="passive with no agent: unidentified actor, placed where it happened",
        confidence=0.4,
    )


def protested_government(place: Place | None) -> tuple[tuple[Actor, ...], str]:
    """The government of the place of a protest with no named target."""
    if place is None or place.country is None:
        return (), NO_RECIPIENT
    government = Actor(
        text=f"government of {place.name}",
        country=place.country,
        sectors=("GOV",),
        evidence=f"protest in {place.name}: addressed to its government",
        confidence=0.5,
    )
    return (government,), "government of the place of protest"


def earlier_event_actors(
    anchor: Token, actors: tuple[Actor, ...], coded: Sequence[CodedEvent], lexicon: Lexicon
) -> tuple[tuple[Actor, ...], str]:
    """The actors of the latest earlier event (of ``coded``) that a definite event noun object
    of ``anchor`` refers to, other than ``actors``."""
    for child in anchor.children:
        definite = any(d.dep_ == "det" and d.lower_ in DEFINITE for d in child.children)
        if child.dep_ != "dobj" or not definite:
            continue
        types = {e.type for e in lexicon.candidates(child.lemma_.lower(), "NOUN")}
        for earlier in reversed(coded):
            if earlier.type not in types:
                continue
            found = tuple(a for a in earlier.actors if not same_actor(a, actors))
            if found:
                return found, f"'{child.text}' refers to the earlier {earlier.type} event"
    return (), NO_RECIPIENT
