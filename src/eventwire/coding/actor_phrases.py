"""How a noun phrase's mentions make its actors: through quantity words, one per country, and a
compound dictionary entry's other members."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.knowledge import ActorEntry
from eventwire.records import Actor

QUANTITY_HEADS = frozenset(
    {"dozen", "hundred", "thousand", "million", "score", "number", "some", "many", "most",
     "all", "few", "several", "group", "handful", "crowd", "band", "majority", "tens"}
)  # fmt: skip


def compound_members(first: Actor, entry: ActorEntry | None) -> tuple[Actor, ...]:
    """The other members of a compound actor entry, each an actor of its own."""
    if entry is None:
        return ()
    return tuple(
        replace(first, country=code, sectors=(sector,) if sector else ())
        for code, sector in entry.also
    )


def through_quantity(head: Token) -> Token:
    """'dozens of protesters', 'some of the rebels': the quantity word is transparent."""
    if head.lemma_.lower() not in QUANTITY_HEADS and head.pos_ != "NUM":
        return head
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return head


def merge_by_country(actors: list[Actor], *, head: Actor | None) -> tuple[Actor, ...]:
    """One actor per country, keeping the phrase's head mention ("U.N. Secretary-General Kofi
    Annan" is Annan), else the most specific mention (a person or organisation)."""
    chosen: dict[str, Actor] = {}
    order: list[str] = []
    for actor in actors:
        key = actor.country or f"?{actor.text}"
        current = chosen.get(key)
        if current is None:
            chosen[key] = actor
            order.append(key)
            continue
        is_head = head is not None and actor.span == head.span
        current_is_head = head is not None and current.span == head.span
        if is_head or (not current_is_head and actor.name and not current.name):
            chosen[key] = replace(actor, sectors=actor.sectors or current.sectors)
        elif not current.sectors and actor.sectors:
            chosen[key] = replace(current, sectors=actor.sectors)
    return tuple(chosen[k] for k in order)
