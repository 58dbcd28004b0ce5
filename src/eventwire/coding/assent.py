"""Agreeing with a view is no agreement.

"Agree" names two things: reaching or accepting a deal ("agreed to release the four", "agreed a
settlement", "agreed on a ceasefire", "Israel and Jordan agreed that talks should resume"), which
is PLOVER's AGREE, and sharing a view ("Mr Wallace agreed", "I agree with this", "the Lord
Chancellor agreed the Act was discriminatory", "we agreed that there is some cause for
optimism"), which is no event. What follows the verb tells them apart:
- an object, a "to" clause, or an "on / to / over / upon" phrase: a deal;
- a "that" clause: a deal when it says what shall be done (a modal: "should", "would", "will",
  "must"; or a subjunctive: "agreed that talks be held"), a view otherwise;
- a "with" phrase alone ("agreed with him", "did not agree with politicians who ..."): a view;
- nothing at all: a view, unless two parties agree ("Israel and the PLO agreed").

"Accept" is alike: accepting a "that" clause that does not say what shall be done, or a
feeling, a criticism or a fact, acknowledges it ("he accepted that young people drank",
"accepted people's frustration"); accepting a plan, an offer or terms stays AGREE.
"""

from __future__ import annotations

from spacy.tokens import Token

DEAL_PREPOSITIONS = frozenset({"on", "to", "over", "upon"})
DEAL_MODALS = frozenset({"should", "would", "will", "must", "shall", "could", "can"})
DEAL_DEPS = frozenset({"dobj", "xcomp", "dative", "attr"})
# What one accepts when one acknowledges it: a feeling, a judgement, a fact.
ACKNOWLEDGED = frozenset(
    {"frustration", "anger", "concern", "criticism", "point", "argument", "fact", "reality",
     "need", "view", "case", "blame", "mistake", "responsibility", "failure", "risk"}
)  # fmt: skip


def assents(verb: Token) -> bool:
    """Does this "agree" share a view rather than make a deal (module docstring)?"""
    children = list(verb.children)
    if any(c.dep_ in DEAL_DEPS for c in children):
        return False
    if any(c.dep_ in ("prep", "prt") and c.lower_ in DEAL_PREPOSITIONS for c in children):
        return False
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if clauses:
        return not any(_prescribes(clause) for clause in clauses)
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in children):
        return True
    subjects = [c for c in children if c.dep_ == "nsubj"]
    return not any(any(g.dep_ == "conj" for g in s.children) for s in subjects)


def acknowledges(verb: Token) -> bool:
    """Does this "accept" acknowledge a fact or a feeling rather than a deal (module
    docstring)?"""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        return not any(_prescribes(clause) for clause in clauses)
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ACKNOWLEDGED for c in verb.children)


def _prescribes(clause: Token) -> bool:
    """Does a "that" clause say what shall be done ("talks should resume", "talks be held")?"""
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in DEAL_MODALS for a in aux):
        return True
    return clause.tag_ == "VB" and not any(a.tag_ == "TO" for a in aux)  # subjunctive
