"""Attacking a plan is criticising it.

Political news uses the words of violence for words: "Howard attacked the government's
asylum plans", "Blair launched an attack on Tory spending plans", "Mbeki attacked British
imperialists, saying they treated Africans like savages". What is attacked tells them apart:
a policy, a plan, a decision, a remark or a record cannot be shot at, so the attack is verbal.
So is an attack explained by what was said ("..., saying ..."), by what the target was
called ("attacked Drudge as a consistent opponent"), made in words ("in a speech", "during
the debates") or over a policy, plan or remark ("attacked the president over the nuclear
deal"; not "over the weekend"). What the target is blamed for does not tell ("attacked Brown
for failing to ...", but "attacked protesters for throwing stones"). Such an ASSAULT is ACCUSE, mode
disapprove, CAMEO 111 ("criticize or denounce").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from eventwire.knowledge import Ontology

CRITICISM_CAMEO = "111"
ATTACK_WORDS = frozenset({"attack", "assail", "blast", "slam", "lash"})
# "as part of an offensive", "as a result": an "as" phrase that calls the target nothing
NOT_LABELS = frozenset({"part", "result", "response", "retaliation", "revenge", "punishment"})
# What one criticises and cannot physically attack.
ABSTRACT_TARGETS = frozenset(
    {"plan", "policy", "proposal", "decision", "idea", "record", "budget", "bill",
     "law", "legislation", "remark", "comment", "statement", "claim", "stance",
     "approach", "strategy", "reform", "handling", "failure", "cost", "tax", "spending",
     "rule", "regulation", "scheme", "measure", "programme", "program", "agenda", "manifesto",
     "tape", "lie", "culture", "report", "ruling", "verdict", "judgment", "judgement", "move",
     "deal", "agreement", "treaty", "response", "performance", "view", "word", "speech",
     "article", "book", "film", "attitude", "behaviour", "behavior", "conduct",
     "leadership", "tactic", "rhetoric", "language", "argument", "case",
     "promise", "pledge", "initiative", "bid", "choice", "appointment", "visit", "call"}
)  # fmt: skip


# Where words are spoken or written: an attack in one is an attack in words.
SPOKEN_WORDS = frozenset(
    {"debate", "interview", "speech", "article", "column", "letter", "editorial", "tweet",
     "post", "broadcast", "statement", "op-ed", "book", "address", "message", "blog"}
)  # fmt: skip


def _targets(trigger: Token) -> Iterator[Token]:
    """What is attacked: the verb's object, a noun's "on"/"against" object, and conjuncts."""
    for child in trigger.children:
        heads: list[Token] = []
        if child.dep_ in ("dobj", "nsubjpass"):
            heads = [child]
        elif child.dep_ == "prep" and child.lower_ in ("on", "against"):
            heads = [g for g in child.children if g.dep_ == "pobj"]
        for head in heads:
            yield head
            yield from (c for c in head.children if c.dep_ == "conj")


def _explained_by_words(trigger: Token) -> bool:
    """ ", saying ...", "as a liar", "in a speech", "over the nuclear deal": the attack is what
    was said."""
    for child in trigger.children:
        if child.dep_ == "advcl" and child.lemma_.lower() == "say" and child.tag_ == "VBG":
            return True
        objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        if (
            child.dep_ == "prep"
            and child.lower_ in ("in", "during")
            and any(g.lemma_.lower() in SPOKEN_WORDS for g in objects)
        ):
            return True  # "attacked Biden during the debates", "in a speech"
        if (
            child.dep_ == "prep"
            and child.lower_ == "over"
            and any(g.lemma_.lower() in ABSTRACT_TARGETS for g in objects)
        ):
            return True  # "attacked the president over the nuclear deal"
        if child.dep_ == "prep" and child.lower_ == "as":
            labels = [g for g in child.children if g.dep_ == "pobj"]
            if any(g.lemma_.lower() not in NOT_LABELS for g in labels):
                return True  # "attacked Drudge as a consistent opponent", not "as part of"
    return False


def verbal_attack(
    event_type: str, trigger: Token, ontology: Ontology
) -> tuple[str, str, str | None] | None:
    """(ACCUSE, 111, disapprove) for an attack in words, else None."""
    if event_type != "ASSAULT" or trigger.lemma_.lower() not in ATTACK_WORDS:
        return None
    abstract = any(t.lemma_.lower() in ABSTRACT_TARGETS for t in _targets(trigger))
    if not abstract and not _explained_by_words(trigger):
        return None
    return ontology.coding(CRITICISM_CAMEO, "disapprove")
