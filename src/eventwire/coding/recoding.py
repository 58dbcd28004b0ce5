"""Rules of the ontology that re-read a lexicon row in its sentence.

A row gives a trigger's usual type and CAMEO code; these rules give another when the sentence
says more. The first that applies wins, in this order:

- joint exercise (:mod:`.joint`): exercises of two or more countries are COOPERATE 062;
- calling off a protest (:mod:`.cessation`): CONCEDE 082;
- weapons test (:mod:`.weapons_tests`): MOBILIZE 150;
- kind of aid (:mod:`.aid_kinds`): military 072, economic 071, humanitarian 073;
- attack in words (:mod:`.verbal_attacks`): ACCUSE 111;
- riot (:mod:`.protest_acts`): violence by protesters is PROTEST 145;
- diplomatic protest (:mod:`.protest_acts`): a state's protest is ACCUSE 114;
- obstruction (:mod:`.protest_acts`): a blockade or occupation by civil actors is
  PROTEST 144, an obstruction by the state's COERCE 191;
- non-cooperation (:mod:`.protest_acts`): civil actors refusing to work, pay or eat, or
  refusing in protest, is PROTEST 143 or 142;
- weapon sub-code (:mod:`.assault_codes`): CAMEO 19x by weapon;
- what was promised (:mod:`.promises`): a promise of harm is THREATEN.

An imported TABARI/PETRARCH dictionary's code is the user's word: no rule applies to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventwire.coding.actors import DocActors
from eventwire.coding.aid_kinds import aid_kind
from eventwire.coding.assault_codes import specified_assault
from eventwire.coding.cessation import eased_dissent
from eventwire.coding.joint import joint_exercise
from eventwire.coding.promises import promise_recoded
from eventwire.coding.protest_acts import diplomatic_protest, non_cooperation, obstruction, riot
from eventwire.coding.triggers import TriggerMatch
from eventwire.coding.verbal_attacks import verbal_attack
from eventwire.coding.weapons_tests import weapons_test
from eventwire.knowledge import Lexicon, Ontology
from eventwire.records import Actor

Recoding = tuple[str, str, str | None]  # (PLOVER type, CAMEO code, mode)


def recode(
    match: TriggerMatch,
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    *,
    matches: Sequence[TriggerMatch],
    mentions: DocActors,
    lexicon: Lexicon,
    ontology: Ontology,
) -> tuple[Recoding, str] | None:
    """The first rule's coding of the event and the rule's name, or None when the row's own
    coding stands; ``matches`` are the sentence's triggers."""
    if match.entry.source:
        return None
    entry, trigger, anchor = match.entry, match.trigger, match.anchor
    words = (trigger, anchor)
    # the weapon sub-code of an attack ("with guns": 193), read by the riot rule and coded by
    # its own: worked out once (it returns at once for other types)
    specified = specified_assault(entry, trigger, anchor, lexicon)
    armed_code = specified[1] if specified is not None else entry.cameo
    rules: tuple[tuple[str, Callable[[], Recoding | None]], ...] = (
        (
            "joint exercise",
            lambda: joint_exercise(entry.flags, words, actors, recipients, ontology),
        ),
        ("calling off a protest", lambda: eased_dissent(trigger, lexicon, ontology)),
        ("weapons test", lambda: weapons_test(entry.type, trigger, ontology)),
        ("kind of aid", lambda: aid_kind(entry.type, entry.cameo, words, ontology)),
        ("attack in words", lambda: verbal_attack(entry.type, trigger, ontology)),
        ("riot", lambda: riot(entry.type, armed_code, anchor, ontology)),
        (
            "diplomatic protest",
            lambda: diplomatic_protest(entry.cameo, trigger, actors, mentions, ontology),
        ),
        ("obstruction", lambda: obstruction(entry.cameo, trigger, actors, ontology)),
        ("non-cooperation", lambda: non_cooperation(entry.type, trigger, actors, ontology)),
        ("weapon sub-code", lambda: specified),
        ("what was promised", lambda: promise_recoded(match, matches, ontology)),
    )
    for name, rule in rules:
        found = rule()
        if found is not None:
            return found, name
    return None
