"""A promise is coded by what it promises.

"vow", "pledge", "promise", "offer", "agree to" ... are AGREE triggers flagged ``intent``; the
clause they govern is their content and is not coded again (:mod:`.discards`). What the
content is decides what the promise does (PLOVER codes what a statement does; the same rules
as for the future tense in :mod:`.intent`):

- a promise of conflictual action is a threat: "Iran vowed to retaliate against Israel",
  "pledged to fight the rebels", "promised to punish Georgia" are THREATEN (CAMEO 138 for
  violence, 131 for coercion, 1312 for sanctions);
- a promised hostile statement is that statement now: "vowed to reject any deal" is REJECT;
- a promise of cooperation is AGREE with the code of the intent to do that action: "pledged to
  send aid" is 033, "promised to meet" 036;
- a promise not to do something ("vowed not to attack") stays a plain AGREE, and so does
  agreeing, offering or proposing to do harm: a decision, not a threat.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.coding.intent import AGREE_CAMEO, COOPERATIVE, THREATEN_CAMEO, VERBAL_TYPES
from eventwire.coding.np import clause_head
from eventwire.coding.triggers import TriggerMatch
from eventwire.knowledge import Ontology

CONTENT_DEPS = frozenset({"xcomp", "ccomp"})
# Words that bind their speaker to an act: promising harm threatens it. Agreeing, offering or
# proposing to act ("the EU agreed to impose sanctions") is a decision, and stays AGREE.
PROMISES = frozenset({"vow", "pledge", "promise", "swear", "commit", "guarantee", "assure"})


def promised_content(match: TriggerMatch, matches: Sequence[TriggerMatch]) -> TriggerMatch | None:
    """The first event of the sentence in the clause a promise governs, if any."""
    for other in matches:
        clause = clause_head(other.anchor)  # "vowed to fight and punish": both are promised
        if other is not match and clause.dep_ in CONTENT_DEPS and clause.head.i == match.trigger.i:
            return other
    return None


def promise_recoded(
    match: TriggerMatch, matches: Sequence[TriggerMatch], ontology: Ontology
) -> tuple[str, str, str | None] | None:
    """(type, CAMEO code, mode) of a promise by its content; None when it stays as coded."""
    if match.entry.type != "AGREE" or "intent" not in match.entry.flags:
        return None
    content = promised_content(match, matches)
    if content is None or any(c.dep_ == "neg" for c in content.anchor.children):
        return None
    kind = content.entry.type
    if kind in COOPERATIVE:
        cameo = AGREE_CAMEO.get(kind)
        return None if cameo is None else ("AGREE", cameo, None)
    if match.trigger.lemma_.lower() not in PROMISES:
        return None
    if kind in VERBAL_TYPES:
        return kind, content.entry.cameo, content.entry.mode or None
    cameo = THREATEN_CAMEO.get(kind, "130")
    coding = ontology.coding(cameo)
    return ("THREATEN", cameo, coding[2] if coding else None)
