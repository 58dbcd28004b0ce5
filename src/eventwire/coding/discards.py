"""Triggers that are not events of their own, by general rules of English.

- intended content: "threatened to abandon the agreements" — abandoning is what was threatened;
  "called on Arabs to unite and mobilize" — uniting and mobilizing are what was requested;
- purpose clauses: "blocked streets to demand reforms" — the demand is the blockade's purpose;
- relative clauses: "Sharon, who has vowed ...", "Serbia, where 24 people were killed ..." give
  background about a participant, not the story's event;
- reduced passive relatives: "militiamen armed with machetes" describe the militiamen;
- what an action says: "demonstrated calling for independence", "staged rallies, saying he must
  resign" — the protest is the event, its slogan is not another one.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.modality import FUTURE_HEADS, HYPOTHETICAL_HEADS
from eventwire.coding.triggers import TriggerMatch

VERBAL = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "AGREE", "THREATEN"})


def _clause_head(token: Token) -> Token:
    """Climb conjuncts: in "to unite and mobilize", mobilize stands where unite stands."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _complementizer(clause: Token) -> bool:
    """ "said during a visit ... that Washington contacted ...": a 'that' tagged as a
    conjunction introduces a complement clause the parser attached as a relative clause."""
    return any(c.lower_ == "that" and c.pos_ == "SCONJ" for c in clause.children)


def discard_reason(
    match: TriggerMatch,
    intents: set[int],
    actions: frozenset[int] = frozenset(),
    anchors: frozenset[int] = frozenset(),
) -> str | None:
    """Why a trigger is not coded as an event of its own, or None when it is.

    ``intents``: token indices of intent triggers (threaten, agree, call on ...); ``actions``:
    anchors of material triggers (protest, attack ...) in the sentence; ``anchors``: anchors of
    every trigger in the sentence (a purpose clause is part of the event it is the purpose of).
    """
    anchor = _clause_head(match.anchor)
    if (
        match.entry.type in VERBAL
        and anchor.dep_ == "advcl"
        and anchor.tag_ == "VBG"
        and anchor.head.i in actions
        and not any(c.dep_ in ("mark", "nsubj") for c in anchor.children)
    ):
        # "demonstrated in Kirkuk calling for independence": what the protest demanded
        return f"what '{anchor.head.text}' was for"
    if anchor.dep_ in ("xcomp", "ccomp") and anchor.head.i in intents:
        return f"content of '{anchor.head.text}'"
    to_infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in anchor.children)
    has_subject = any(c.dep_.startswith("nsubj") for c in anchor.children)
    intent_head = anchor.head.lemma_.lower() in FUTURE_HEADS | HYPOTHETICAL_HEADS
    purpose = anchor.dep_ == "acl" or (anchor.dep_ == "advcl" and anchor.head.i in anchors)
    if purpose and to_infinitive and not has_subject and not intent_head:
        return f"purpose of '{anchor.head.text}'"
    if anchor.dep_ == "relcl" and not _complementizer(anchor):
        return f"relative clause about '{anchor.head.text}'"
    fragment = anchor.head.dep_ == "ROOT" and anchor.head.pos_ in ("NOUN", "PROPN")
    if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and not fragment:
        return f"describes '{anchor.head.text}'"
    return None
