"""Triggers that are not events of their own, by general rules of English.

- intended content: "threatened to abandon the agreements" — abandoning is what was threatened;
  "called on Arabs to unite and mobilize" — uniting and mobilizing are what was requested;
- purpose clauses: "blocked streets to demand reforms" — the demand is the blockade's purpose;
- relative clauses: "Sharon, who has vowed ...", "Serbia, where 24 people were killed ..." give
  background about a participant, not the story's event;
- reduced passive relatives: "militiamen armed with machetes" describe the militiamen;
- what an act says: "demonstrated calling for independence", "rejected the plan, urging talks
  instead" — the main act is the event, its slogan or gloss is not another one;
- how a protest was done: "rioted, setting fire to mattresses" — the riot is the event;
- what an act is about: "accused the US of violating human rights" — the violating is the
  accusation's content;
- earlier events a sentence refers to: "..., one day after a Serbian jet shot down a helicopter".

None of these applies when an imported TABARI/PETRARCH pattern matched the word the clause
hangs on ("+ HOSTING * TABASKI"): the pattern codes the whole construction as its event.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.modality import FUTURE_HEADS, HYPOTHETICAL_HEADS
from eventwire.coding.np import clause_head, for_to_clause
from eventwire.coding.roles import ATTEMPT_NOUNS
from eventwire.coding.triggers import TriggerMatch

BACKGROUND_MARKS = frozenset({"after", "since"})
VERBAL = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "AGREE", "THREATEN"})


def _complementizer(clause: Token) -> bool:
    """ "said during a visit ... that Washington contacted ...": a 'that' tagged as a
    conjunction introduces a complement clause the parser attached as a relative clause."""
    return any(c.lower_ == "that" and c.pos_ == "SCONJ" for c in clause.children)


def discard_reason(
    match: TriggerMatch,
    intents: set[int],
    anchors: frozenset[int] = frozenset(),
    protests: frozenset[int] = frozenset(),
) -> str | None:
    """Why a trigger is not coded as an event of its own, or None when it is.

    ``intents``: token indices of intent triggers (threaten, agree, call on ...); ``anchors``:
    anchors of every trigger in the sentence (the events a clause may belong to); ``protests``:
    the anchors of its protests.
    """
    anchor = clause_head(match.anchor)
    if match.roles is not None and anchor.head.i in match.roles.words:
        return None  # an imported pattern names the word the clause hangs on: "+ HOSTING *"
    participle = (
        anchor.dep_ == "advcl"
        and anchor.tag_ == "VBG"
        and not any(c.dep_ in ("mark", "nsubj") for c in anchor.children)
    )
    if participle and match.entry.type in VERBAL and anchor.head.i in anchors:
        # "demonstrated in Kirkuk calling for independence", "rejected the plan, urging ...":
        # what the main act said or demanded
        return f"what '{anchor.head.text}' said"
    if participle and anchor.head.i in protests:
        # "rioted, setting fire to mattresses": how the protest was carried out
        return f"how '{anchor.head.text}' was done"
    if anchor.dep_ == "pcomp" and anchor.head.lower_ == "of" and anchor.head.head.i in anchors:
        return f"what '{anchor.head.head.text}' was about"  # "accused X of violating ..."
    if anchor.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in anchor.children
    ):
        return "earlier event the sentence refers to"  # "..., one day after a jet shot down ..."
    if anchor.dep_ in ("xcomp", "ccomp") and anchor.head.i in intents:
        return f"content of '{anchor.head.text}'"
    if for_to_clause(anchor):  # "called for the embargo to be lifted": wanted, not done
        return f"'for ... to' clause of '{anchor.head.text}'"
    to_infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in anchor.children)
    has_subject = any(c.dep_.startswith("nsubj") for c in anchor.children)
    intent_head = anchor.head.lemma_.lower() in FUTURE_HEADS | HYPOTHETICAL_HEADS
    # "an attempt to assassinate the governor was thwarted": the act attempted is the event
    purpose = (anchor.dep_ == "acl" and anchor.head.lemma_.lower() not in ATTEMPT_NOUNS) or (
        anchor.dep_ == "advcl" and anchor.head.i in anchors
    )
    if purpose and to_infinitive and not has_subject and not intent_head:
        return f"purpose of '{anchor.head.text}'"
    if anchor.dep_ == "relcl" and not _complementizer(anchor) and not to_infinitive:
        return f"relative clause about '{anchor.head.text}'"
    fragment = anchor.head.dep_ == "ROOT" and anchor.head.pos_ in ("NOUN", "PROPN")
    if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and not fragment:
        return f"describes '{anchor.head.text}'"
    return None
