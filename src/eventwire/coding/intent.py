"""Statements of intent, conditions and refusals, coded the way PLOVER codes them.

PLOVER codes what a statement *does*. Rules of the ontology applied here:
- a hostile verbal act stated for the future ("we will reject any offer") is that act now;
- a promised or planned cooperative action or stance ("the UN will provide aid", "ready to send
  troops", "would meet the mediator if ...", "will support Turkey's bid") is AGREE: an
  expressed intent to cooperate;
- a planned or conditional conflictual action ("will blockade Paris", "may halt mediation if ...")
  and any ultimatum ("will withdraw unless ...") is THREATEN;
- a cooperative action that is denied or failed ("will not accept refugees", "failed to reach
  agreement") is REJECT;
- an attempted attack is an attack ("an attempt to assassinate the governor was thwarted":
  ASSAULT, CAMEO 185 "attempt to assassinate").
Speculation by others ("experts say X could attack") stays hypothetical and is not coded.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.coding.modality import ModalityFound, find_modality
from eventwire.coding.roles import ATTEMPT_NOUNS
from eventwire.coding.triggers import TriggerMatch
from eventwire.records import Modality

VERBAL_TYPES = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
# The CAMEO code for the intent or threat to do each material action.
AGREE_CAMEO = {"CONSULT": "036", "COOPERATE": "031", "AID": "033", "RETREAT": "035"}
THREATEN_CAMEO = {"ASSAULT": "138", "MOBILIZE": "138", "SANCTION": "1312", "COERCE": "131"}
# An attempted attack is an attack; CAMEO has a code of its own for an attempted assassination.
ATTEMPTED_CAMEO = {"186": "185"}
REJECT_CAMEO = {"CONSULT": "125", "AID": "122", "COOPERATE": "121", "RETREAT": "124"}


@dataclass(frozen=True, slots=True)
class Restated:
    """The event as PLOVER codes the statement: type, CAMEO code, modality and why."""

    type: str
    cameo: str
    modality: Modality
    note: str


def restate(event_type: str, cameo: str, found: ModalityFound) -> Restated | None:
    """The PLOVER coding of an intent, condition or refusal; None when nothing changes."""
    stated = Modality.REPORTED if found.reported else Modality.ASSERTED
    modality = found.modality
    if modality is Modality.NEGATED:
        # "received no response" says nothing of the subject refusing, nor does denying that
        # it happened: only "not"/"never" and "failed/refused to" make a refusal.
        refused = found.cue is not None and not (found.object_negated or found.denied)
        if refused and event_type in COOPERATIVE:
            code = REJECT_CAMEO.get(event_type, "120")
            return Restated("REJECT", code, stated, f"refused {event_type} ({found.cue})")
        return None
    if modality not in (Modality.FUTURE, Modality.CONDITIONAL):
        return None
    if modality is Modality.CONDITIONAL and found.cue not in ("if", "unless"):
        return None  # the event is the condition itself, not what was promised or threatened
    if event_type in VERBAL_TYPES and event_type not in COOPERATIVE:
        return Restated(event_type, cameo, stated, f"stated {event_type} ({found.cue})")
    if event_type == "AGREE":
        return Restated(event_type, cameo, stated, f"stated AGREE ({found.cue})")
    if modality is Modality.CONDITIONAL and found.cue == "unless":
        code = THREATEN_CAMEO.get(event_type, "130")
        return Restated("THREATEN", code, stated, f"ultimatum: {event_type} unless ...")
    if event_type in COOPERATIVE:
        code = AGREE_CAMEO.get(event_type, "030")
        return Restated("AGREE", code, stated, f"intent to {event_type} ({found.cue})")
    code = THREATEN_CAMEO.get(event_type, "130")
    return Restated("THREATEN", code, stated, f"threat of {event_type} ({found.cue})")


def as_stated(
    match: TriggerMatch, coded: tuple[str, str, str | None], *, in_quote: bool
) -> tuple[tuple[str, str, str | None], Modality, str | None]:
    """The event's modality, and its (type, CAMEO code, mode) as PLOVER codes what the
    statement does (:func:`restate`), with the cue that decided it. An imported dictionary's
    pattern keeps its own coding (PETRARCH does)."""
    event_type, cameo, mode = coded
    pattern_words = match.roles.words if match.roles is not None else frozenset()
    found = find_modality(match.anchor, in_quote=in_quote, ignore=pattern_words)
    if event_type == "ASSAULT" and found.cue in ATTEMPT_NOUNS:  # "an attempt to assassinate"
        stated = Modality.REPORTED if found.reported else Modality.ASSERTED
        attempted = ATTEMPTED_CAMEO.get(cameo, cameo)
        return (event_type, attempted, mode), stated, f"attempted ASSAULT ({found.cue})"
    restated = restate(event_type, cameo, found)
    if restated is None:
        return coded, found.modality, found.cue
    if match.entry.source:
        return coded, restated.modality, f"{restated.note}; coded as the dictionary says"
    mode = mode if restated.type == event_type else None
    return (restated.type, restated.cameo, mode), restated.modality, restated.note
