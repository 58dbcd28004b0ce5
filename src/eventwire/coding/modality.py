"""Modality: is the event asserted, negated, conditional, hypothetical, future or reported?"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.nlp.quotes import SPEECH_LEMMAS
from eventwire.records import Modality

HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "must", "ought", "can"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})
# "... before they demobilize", "until it withdraws": in the present tense, not yet done
PENDING_MARKS = frozenset({"before", "until", "till"})
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
# Weighing or doubting an action does not assert it.
HYPOTHETICAL_HEADS = frozenset(
    {"consider", "debate", "weigh", "mull", "discuss", "expect", "propose", "suggest",
     "imagine", "fear", "doubt", "question", "study", "explore"}
)  # fmt: skip
# "needs to / has to / ought to V": an obligation, not yet done ("had to withdraw" was done)
OBLIGATION_HEADS = frozenset({"need", "have", "ought"})
OBLIGATION_TAGS = frozenset({"VBP", "VBZ", "MD"})
# The subject's own intention: "wants to help Israel" is an intent to help (PLOVER AGREE).
FUTURE_HEADS = frozenset(
    {"want", "wish", "seek", "hope", "plan", "intend", "prepare", "aim", "schedule",
     "ready", "willing", "prepared", "vow", "pledge", "promise", "swear", "offer",
     "set", "poised", "determine", "resolve", "due", "slate"}
)  # fmt: skip
# "allowed Russia to help Israel": a permitted act is not asserted.
PERMISSION_HEADS = frozenset({"allow", "permit", "authorize", "authorise", "let", "license"})
# Nouns an infinitive depends on: "gave permission to Russia to help", "a request to extradite",
# "the plan to attack", "a plot to kill": the act is permitted, asked for or planned, not done
# (whoever planned it: "the plan to attack Iran was dropped", "police foiled a plot to kill").
LICENSING_NOUNS = frozenset(
    {"permission", "authorization", "authorisation", "approval", "consent", "clearance",
     "go-ahead", "license", "licence", "request", "call", "demand", "appeal", "plea", "order",
     "invitation", "attempt", "bid", "proposal", "suggestion", "idea", "plan", "intention",
     "offer", "pledge", "promise", "threat", "readiness", "willingness", "commitment", "vow",
     "plot", "conspiracy", "scheme"}
)  # fmt: skip
# "failed to reach agreement", "refused to withdraw": the complement did not happen.
NEGATING_HEADS = frozenset({"fail", "refuse", "decline", "reject"})
# "denied that it had attacked the tanker": the act is denied, neither done nor refused.
DENIAL_HEADS = frozenset({"deny", "refute"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
NEGATIONS = frozenset({"no", "never", "neither", "nor"})

_RANK = {
    Modality.NEGATED: 6,
    Modality.CONDITIONAL: 5,
    Modality.HYPOTHETICAL: 4,
    Modality.FUTURE: 3,
    Modality.REPORTED: 2,
    Modality.ASSERTED: 1,
}


def _owes(head: Token) -> bool:
    """Is an obligation verb present or to come ("has to", "needs to", "will have to"), not
    past ("had to withdraw" was done)?"""
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in head.children)
    return head.tag_ in OBLIGATION_TAGS or future


def _licensing_noun(noun: Token) -> tuple[Modality, str] | None:
    """Does an infinitive depending on ``noun`` name an act permitted, asked for or planned
    ("permission to ...", "a plan to ...", "the green light for X to ...")?"""
    lemma = noun.lemma_.lower()
    green_light = lemma == "light" and any(c.lower_ == "green" for c in noun.children)
    if lemma in LICENSING_NOUNS or green_light:
        return Modality.HYPOTHETICAL, noun.text
    return None


def _licensed(head: Token) -> tuple[Modality, str] | None:
    """Is a "to" clause attached to ``head`` a permitted, requested or planned act:
    the object of a verb of permission ("allowed X to V"), of a verb whose object is such a
    noun ("gave permission to X to V"), or of such a noun ("a request to V")?"""
    if head.pos_ in ("NOUN", "PROPN"):
        return _licensing_noun(head)
    if head.lemma_.lower() in PERMISSION_HEADS:
        return Modality.HYPOTHETICAL, head.text
    for child in head.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found = _licensing_noun(child)
            if found is not None:
                return found
    return None


def _negated(anchor: Token, ignore: frozenset[int]) -> tuple[str, bool] | None:
    """The negation of ``anchor``'s clause and whether it negates only the object ("received
    no response"), not the act ("did not receive")."""
    for child in anchor.children:
        if child.i in ignore:
            continue
        if child.dep_ == "neg":
            return child.text, False
        if child.dep_ == "dobj" and any(
            d.dep_ == "det" and d.lower_ in NEGATIONS for d in child.children
        ):
            return f"no {child.text}", True
    return None


@dataclass(frozen=True, slots=True)
class ModalityFound:
    """The modality of an event, the word that signalled it, and whether it is reported speech."""

    modality: Modality
    cue: str | None
    reported: bool
    object_negated: bool = False  # NEGATED by "no" before the object, not by "not"/"never"
    denied: bool = False  # NEGATED because someone denies it happened ("denied that ...")


# "I would like to thank ...": saying so is thanking, now (the polite form of a speech act)
PERFORMATIVE_LEMMAS = frozenset(
    {"thank", "congratulate", "welcome", "express", "apologise", "apologize", "commend",
     "praise", "condemn", "salute", "acknowledge"}
)  # fmt: skip
POLITE_HEADS = frozenset({"like", "love", "wish"})


def _polite_form(anchor: Token) -> frozenset[int]:
    """The words of "would like to" before a speech act ("would like to thank the French
    president"): no cue of a wish or a future, the act is done by saying it."""
    head = anchor.head
    if (
        anchor.dep_ != "xcomp"
        or anchor.lemma_.lower() not in PERFORMATIVE_LEMMAS
        or head.lemma_.lower() not in POLITE_HEADS
    ):
        return frozenset()
    would = [c.i for c in head.children if c.dep_ == "aux" and c.lower_ == "would"]
    return frozenset([head.i, *would]) if would else frozenset()


def find_modality(
    anchor: Token,
    *,
    in_quote: bool = False,
    max_climb: int = 6,
    ignore: frozenset[int] = frozenset(),
) -> ModalityFound:
    """The modality of the event whose clause is headed by ``anchor``, and the cue word.

    ``ignore``: tokens that are no cue here (words an imported pattern matched: the pattern's
    code already says what "WILL NOT *" or "FAILED_TO_*" means)."""
    found: list[tuple[Modality, str]] = []
    denials: set[str] = set()
    ignore = ignore | _polite_form(anchor)
    negation = _negated(anchor, ignore)
    if negation is not None:
        found.append((Modality.NEGATED, negation[0]))
    node = anchor
    reported = in_quote
    for _ in range(max_climb):
        for child in node.children:
            word = child.lower_
            if child.i in ignore:
                continue
            if child.dep_ == "mark" and word in CONDITIONAL_MARKS:
                # the event is itself the condition: "... unless it withdraws"
                found.append((Modality.CONDITIONAL, f"inside '{word}' clause"))
            elif child.dep_ == "mark" and word in PENDING_MARKS and node.tag_ in PRESENT_TAGS:
                found.append((Modality.CONDITIONAL, f"inside '{word}' clause: not yet done"))
            elif child.dep_ == "aux" and word in HYPOTHETICAL_AUX:  # "whether": below
                found.append((Modality.HYPOTHETICAL, word))
            elif child.dep_ == "aux" and (word in FUTURE_AUX or word == "would"):
                found.append((Modality.FUTURE, word))
            elif child.dep_ == "advcl" and node.i == anchor.i:
                # "X will attack unless Y withdraws": the event hangs on a condition.
                mark = next((m.lower_ for m in child.children if m.dep_ == "mark"), None)
                if mark in CONDITIONAL_MARKS:
                    found.append((Modality.CONDITIONAL, mark))
        if any(
            c.dep_ == "mark" and c.lower_ == "whether" and c.i not in ignore for c in node.children
        ):
            # only asked about, whatever the clause above says: "declined to say whether
            # Obama would meet Putin" is no refusal to meet
            return ModalityFound(Modality.HYPOTHETICAL, "whether", reported)
        if node.head.i == node.i:
            break
        edge, head = node.dep_, node.head
        infinitive = edge in ("advcl", "acl") and any(c.tag_ == "TO" for c in node.children)
        licensed = _licensed(head) if edge in COMPLEMENT_DEPS or infinitive else None
        if licensed is not None and head.i not in ignore:
            found.append(licensed)
        if (edge in COMPLEMENT_DEPS or infinitive) and head.i not in ignore:
            # "sworn to fight" is often parsed advcl
            lemma = head.lemma_.lower()
            if lemma in DENIAL_HEADS:
                found.append((Modality.NEGATED, head.text))
                denials.add(head.text)
            elif lemma in SPEECH_LEMMAS:
                reported = True
            elif lemma in HYPOTHETICAL_HEADS or (lemma in OBLIGATION_HEADS and _owes(head)):
                found.append((Modality.HYPOTHETICAL, head.text))
            elif lemma in FUTURE_HEADS:
                found.append((Modality.FUTURE, head.text))
            elif lemma in NEGATING_HEADS:
                found.append((Modality.NEGATED, head.text))
        # An adverbial clause is asserted on its own: the main clause's modal does not scope
        # over it ("N. Korea would ignore it, days after Washington said ..."); a purpose
        # shares its main clause's ("must ensure security to allow supplies in").
        if edge not in ("conj", "xcomp", "ccomp", "pcomp", "prep", "pobj") and not (
            edge == "advcl" and infinitive
        ):
            break
        node = head
    if reported:
        found.append((Modality.REPORTED, "reported speech"))
    if not found:
        return ModalityFound(Modality.ASSERTED, None, reported)
    condition = next(
        (c for m, c in found if m is Modality.CONDITIONAL and c.startswith("inside")), None
    )
    if condition is not None:  # the event is a condition: "if it did not release them"
        return ModalityFound(Modality.CONDITIONAL, condition, reported)
    best, cue = max(found, key=lambda pair: _RANK[pair[0]])
    if best is Modality.FUTURE and cue == "would" and not reported:
        return ModalityFound(Modality.HYPOTHETICAL, "would", reported)
    object_negated = negation is not None and negation[1] and cue == negation[0]
    return ModalityFound(best, cue, reported, object_negated=object_negated, denied=cue in denials)
