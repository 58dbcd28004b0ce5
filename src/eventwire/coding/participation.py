"""Who took part in an event named by a noun: the subject of a frame of taking part or of blame.

An event noun with no support verb is coded when a frame of English makes its clause's subject
a participant:
- taking part: "took part in the protest", "participated in the talks", "engaged in ethnic
  cleansing", "were involved in the attack", "joined in the strike";
- blame for a hostile act (violence or coercion): "is responsible for the killings", "was
  guilty of torture", "claimed responsibility for the bombing", "was behind the attack".
Blame frames cover hostile acts only: "the ministry is responsible for aid" says who is in
charge, not that aid was given. Denials ("denied any role in the attack") name no frame here,
and a negated frame ("did not take part in") is negated by the modality rules as any verb is.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.roles import CULPABLE_WORDS

PARTICIPATION_VERBS = frozenset({"participate", "engage", "involve", "join"})
# "claimed / admitted / accepted responsibility for the attack"
CLAIM_VERBS = frozenset({"claim", "admit", "accept", "acknowledge", "take", "bear"})
BLAME_TYPES = frozenset({"ASSAULT", "COERCE"})


def participant_anchor(noun: Token, event_type: str) -> tuple[Token, str] | None:
    """The verb whose subject took part in the event ``noun`` names, and the frame's name."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.dep_ != "prep":
        return None
    word, holder = preposition.lower_, preposition.head
    lemma = holder.lemma_.lower()
    if word == "in" and holder.pos_ == "VERB" and lemma in PARTICIPATION_VERBS:
        return holder, f"'{holder.lemma_} in' + event noun"
    if word == "in" and _takes_part(holder):
        return holder, "'take part in' + event noun"
    if word == "in" and lemma == "part" and _takes_part(holder.head):
        return holder.head, "'take part in' + event noun"
    if event_type not in BLAME_TYPES:
        return None
    claimer = holder.head
    if word == "for" and lemma == "responsibility" and claimer.lemma_.lower() in CLAIM_VERBS:
        return claimer, f"'{claimer.lemma_} responsibility for' + event noun"
    if word in ("for", "of") and lemma in CULPABLE_WORDS and holder.dep_ == "acomp":
        return claimer, f"'{holder.lower_} {word}' + event noun"
    if word == "behind" and lemma == "be":
        return holder, "'be behind' + event noun"
    return None


def _takes_part(verb: Token) -> bool:
    """Is the verb "take" with the object "part" ("took part in", however "in" is attached)?"""
    return verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children
    )
