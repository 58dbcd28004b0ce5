"""An event's confidence: a documented heuristic over the evidence the coder found."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.triggers import TriggerMatch
from eventwire.nlp.quotes import SPEECH_LEMMAS
from eventwire.records import Actor, Modality


def _main_clause(anchor: Token) -> bool:
    """Is the event asserted by the sentence's main clause ("X said [Y attacked Z]" counts)?"""
    node = anchor
    while node.head.i != node.i:
        reported = node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_LEMMAS
        if node.dep_ not in ("conj", "xcomp") and not reported:
            return False
        node = node.head
    return True


def event_confidence(
    flags: frozenset[str],
    match: TriggerMatch,
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    modality: Modality,
) -> float:
    """A documented heuristic: start at 0.9 and discount each weaker piece of evidence."""
    score = 0.9
    if not _main_clause(match.anchor):
        score *= 0.9  # subordinate clauses more often carry background than the story's event
    if "weak" in flags:
        score *= 0.75
    if match.trigger.i != match.anchor.i:
        score *= 0.9
    if not recipients:
        score *= 0.9
    resolved = [a for a in actors + recipients if a.country]
    if resolved:
        score *= min(a.confidence for a in resolved)
    if modality is not Modality.ASSERTED and modality is not Modality.REPORTED:
        score *= 0.8
    return round(max(0.0, min(1.0, score)), 3)
