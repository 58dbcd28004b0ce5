"""CAMEO's residual code for an attack gives way to what the report says about the weapons.

CAMEO 190 ("use conventional military force ... not otherwise specified") "is not coded except
when distinctions among codes 191-196 cannot be made". A verb row that says only that there was
an attack ("launched", "killed", "wounded") takes the sub-code of the attack noun the verb names:
its object ("launched an air strike": aerial weapons, 195) or the attack of its circumstance
("were killed in Israeli tank shelling": artillery and tanks, 194; "died in a roadside bombing":
1833).

The weapons the clause names (its subject, by-agent, or a "with" or "from" phrase) give codes
193-195: "Russian helicopter gunships attacked ..." is aerial (195, CAMEO's own example),
"attacked the village with tanks" artillery and tanks (194). When several kinds are used the
heavier takes precedence, as CAMEO says: aerial over heavy weapons over small arms.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from spacy.tokens import Token

from eventwire.coding.implicit_roles import circumstance_event
from eventwire.coding.triggers import OBJECT_DEPS, noun_entry
from eventwire.knowledge import Lexicon, TriggerEntry

ASSAULT = "ASSAULT"
RESIDUAL_CODES = frozenset({"190"})
AERIAL = ("195", "aerial")
HEAVY = ("194", "heavy-weapons")
SMALL_ARMS = ("193", "firearms")
# Weapons by CAMEO's definitions: military aircraft (195); artillery, tanks and warships (194);
# small arms (193). Not "bomber" (a suicide bomber) nor "fighter" (militants).
WEAPONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        **dict.fromkeys(
            ("aircraft", "warplane", "jet", "plane", "helicopter", "gunship", "chopper", "drone"),
            AERIAL,
        ),
        **dict.fromkeys(
            ("tank", "artillery", "howitzer", "warship", "gunboat", "battleship", "frigate"), HEAVY
        ),
        # projectiles, as the firing rows code them ("a rocket fired from Lebanon struck ...")
        **dict.fromkeys(("rocket", "missile", "mortar", "shell"), HEAVY),
        **dict.fromkeys(("rifle", "pistol", "gun", "machinegun", "machine-gun"), SMALL_ARMS),
        **dict.fromkeys(("bullet", "grenade"), SMALL_ARMS),
    }
)
# Lowest first: a residual code, then small arms, heavy weapons, aerial weapons.
PRECEDENCE = ("190", "193", "194", "195")
WEAPON_PREPS = frozenset({"with", "from", "by"})


def _specific(entry: TriggerEntry | None) -> bool:
    return entry is not None and entry.type == ASSAULT and entry.cameo not in RESIDUAL_CODES


def specified_assault(
    entry: TriggerEntry, trigger: Token, anchor: Token, lexicon: Lexicon
) -> tuple[str, str, str | None] | None:
    """(type, CAMEO code, mode) of an ASSAULT verb as the attack noun it names and the weapons
    its clause names specify it, or None when they say no more than its row."""
    if entry.type != ASSAULT or trigger.i != anchor.i:
        return None
    code, mode = entry.cameo, entry.mode or None
    if code in RESIDUAL_CODES:
        named = _named_attack(trigger, anchor, lexicon)
        if named is not None:
            code, mode = named.cameo, named.mode or None
    for word in _weapon_words(trigger):
        weapon = WEAPONS.get(word.lemma_.lower())
        if weapon is not None and code in PRECEDENCE and _rank(weapon[0]) > _rank(code):
            code, mode = weapon
    if (code, mode) == (entry.cameo, entry.mode or None):
        return None
    return ASSAULT, code, mode


def _rank(code: str) -> int:
    return PRECEDENCE.index(code)


def _named_attack(trigger: Token, anchor: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """The row of a specific attack noun the verb names: its object, its subject ("an air
    strike hit the camp"), or its circumstance."""
    for noun in trigger.children:
        named = noun.dep_ in OBJECT_DEPS or noun.dep_ == "nsubj"
        found = noun_entry(noun, lexicon) if named else None
        if found is not None and _specific(found):
            return found
    circumstance = circumstance_event(anchor, ASSAULT, lexicon)
    if circumstance is not None and _specific(circumstance[1]):
        return circumstance[1]
    return None


def _weapon_words(verb: Token) -> list[Token]:
    """Heads that may name the weapons: the subject, and the objects of "with", "from" and the
    by-agent, with their conjuncts ("with tanks and helicopters")."""
    heads = [c for c in verb.children if c.dep_ == "nsubj"]
    heads += [
        g
        for c in verb.children
        if c.dep_ in ("prep", "agent") and c.lower_ in WEAPON_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return [w for head in heads for w in (head, *head.conjuncts)]


# Devices made to kill, with no one named: "a roadside bomb killed two soldiers" (not an
# explosion or a blast, which may be an accident).
EXPLOSIVES = frozenset({"bomb", "mine", "landmine", "explosive", "ied"})


def weapon_subject(verb: Token, lexicon: Lexicon) -> bool:
    """Is the verb's subject a weapon or an attack, not who attacked ("a roadside bomb killed
    two soldiers", "shelling killed three")? Then the attackers are unnamed, as in a passive."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        s.lemma_.lower() in WEAPONS
        or s.lemma_.lower() in EXPLOSIVES
        or ((found := noun_entry(s, lexicon)) is not None and found.type == ASSAULT)
        for s in subjects
    )
