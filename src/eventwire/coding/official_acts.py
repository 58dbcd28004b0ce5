"""Official acts reported in the passive with no agent are the authorities' acts.

"Two journalists were arrested in Cairo", "He was charged in Germany with spying", "A US
national has been put under investigation in Italy": only a state arrests, charges, tries,
sentences, investigates, deports or bans, so the unnamed actor is the authorities of the place
where it happened (the event's own "in PLACE", else the dateline; not a place named elsewhere
in the sentence, as in "questioned about the scandal in Iran"), never the country of the person
it was done to unless that is the place. The sector follows the act: police (COP) for arrests,
detentions and questioning, the judiciary (JUD) for charges, prosecutions and sentences, the
government (GOV) otherwise. The actor is inferred, so its confidence is low (0.5); without a
place there is no actor.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from eventwire.coding.roles import is_passive
from eventwire.coding.triggers import TriggerMatch
from eventwire.knowledge import TriggerEntry
from eventwire.records import Actor, Place

# CAMEO codes of acts only the state's authorities do, and the sector doing them.
OFFICIAL_SECTORS = {
    "173": "COP",  # arrest, detain, imprison
    "091": "COP",  # question, interrogate
    "1121": "JUD",  # charge, indict, prosecute
    "116": "JUD",  # convict, sentence, fine
    "090": "GOV",  # investigate
    "172": "GOV",  # restrict, ban
    "1721": "GOV",
    "1722": "GOV",
    "174": "GOV",  # deport, exile
    "166": "GOV",  # expel
}
AUTHORITIES_CONFIDENCE = 0.5
NO_SUBJECT = "no subject"


def official_sector(entry: TriggerEntry) -> str | None:
    """The sector of the authorities doing a built-in row's official act, or None."""
    return None if entry.source else OFFICIAL_SECTORS.get(entry.cameo)


def agentless_official_act(match: TriggerMatch) -> bool:
    """Is the match an official act in the passive with no "by" agent ("was arrested")?"""
    anchor = match.anchor
    return (
        official_sector(match.entry) is not None
        and is_passive(anchor)
        and not any(c.dep_ == "agent" for c in anchor.children)
    )


def authorities(
    match: TriggerMatch,
    place: Place | None,
    dateline_country: str | None,
    locate: Callable[[Token, Token], Place | None],
) -> tuple[tuple[Actor, ...], str]:
    """The authorities of the place of an agentless official act, with the rule that found
    them; none without a place. ``place`` is the event's own; ``locate`` finds the place of
    the noun a row's preposition requires ("put under investigation in Italy")."""
    sector = official_sector(match.entry)
    if sector is None:
        return (), NO_SUBJECT
    for noun in _required_objects(match):
        place = place or locate(noun, noun)
    if place is not None and place.country:
        country, where = place.country, place.name
    elif dateline_country:
        country, where = dateline_country, "the dateline"
    else:
        return (), NO_SUBJECT
    actor = Actor(
        text=f"authorities of {where}",
        country=country,
        sectors=(sector,),
        evidence=f"'{match.trigger.text}' with no agent: the authorities of {where}",
        confidence=AUTHORITIES_CONFIDENCE,
    )
    return (actor,), "authorities of the place of an official act in the passive"


def _required_objects(match: TriggerMatch) -> list[Token]:
    """The objects of the preposition a row requires ("under" in "put under investigation")."""
    entry = match.entry
    if entry.with_dep != "prep":
        return []
    word = entry.with_lemma.partition("@")[0]
    return [
        g
        for p in match.trigger.children
        if p.dep_ == "prep" and p.lower_ == word
        for g in p.children
        if g.dep_ == "pobj"
    ]
