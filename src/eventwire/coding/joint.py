"""Joint military exercises are cooperation.

The PLOVER manual: "Joint military operations are coded as COOPERATE but single-country
exercises should be coded as MOBILIZE", and COOPERATE includes "military exchanges such as
joint military games and maneuvers". Lexicon rows flagged ``joint`` (exercise, drill, war
games, maneuvers) are MOBILIZE; with actors or partners from two or more countries they are
COOPERATE, CAMEO 062 (cooperate militarily). A recipient counts as a partner only when named
with "with", "alongside" or "between" ("drills with Australia"); "war games against Taiwan" and
"exercises near Taiwan" stay MOBILIZE.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.knowledge import Ontology
from eventwire.records import Actor

JOINT_CAMEO = "062"
PARTNER_PREPS = frozenset({"with", "alongside", "between"})


def joint_exercise(
    flags: frozenset[str],
    words: tuple[Token, ...],
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    ontology: Ontology,
) -> tuple[str, str, str | None] | None:
    """(type, CAMEO code, mode) of a joint exercise, or None when it is not one; ``words``
    are the trigger and the verb it hangs on."""
    if "joint" not in flags:
        return None
    partnered = any(
        c.dep_ == "prep" and c.lower_ in PARTNER_PREPS for w in words for c in w.children
    )
    taking_part = actors + recipients if partnered else actors
    if len({a.country for a in taking_part if a.country}) < 2:
        return None
    return ontology.coding(JOINT_CAMEO)
