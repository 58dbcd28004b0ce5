"""Repairs of parses the English model gets wrong in a regular way.

- A past participle with a subject and no auxiliary, inside another clause, is a reduced
  passive: "Russia pardoned the businessman convicted of spying" is parsed with "businessman"
  as the subject (nsubj) of a complement clause "convicted of spying"; English has no finite
  clause of a bare past participle, so the noun undergoes it, as in "had the man arrested".
  Its subject is relabelled as a passive subject (nsubjpass). Only where the governing verb
  lacks the object the noun should have been: a verb of saying takes a finite clause, whose
  past tense the tagger may mistake for a participle ("Ethiopia deplored ..., an official
  said"), and so does a participle with a direct object ("Russia violated the treaty").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.nlp.quotes import SPEECH_LEMMAS

# clauses a reduced passive is parsed as; a root or coordinated verb may be a mistagged past
EMBEDDED_DEPS = frozenset({"ccomp", "xcomp", "advcl"})
# an auxiliary makes the clause finite, and so does a marker ("after the bus collided",
# "whether the actions qualified": a past tense the tagger took for a participle)
FINITE_DEPS = frozenset({"aux", "auxpass", "mark"})


def reduced_passives(doc: Doc) -> Doc:
    """Relabel the subject of every bare embedded past participle as a passive subject."""
    for token in doc:
        if _bare_participle(token):
            for child in token.children:
                if child.dep_ == "nsubj":
                    child.dep_ = "nsubjpass"
    return doc


def _bare_participle(token: Token) -> bool:
    if token.tag_ != "VBN" or token.dep_ not in EMBEDDED_DEPS:
        return False
    deps = {c.dep_ for c in token.children}
    if "nsubj" not in deps or deps & FINITE_DEPS or "dobj" in deps:
        return False
    governor = token.head
    return governor.lemma_.lower() not in SPEECH_LEMMAS and not any(
        c.dep_ == "dobj" for c in governor.children
    )
