"""Official acts reported in the passive with no agent are the authorities' acts.

"Two journalists were arrested in Cairo", "He was charged in Germany with spying", "A US
national has been put under investigation in Italy": only a state arrests, charges, tries,
sentences, investigates, deports or bans, so the unnamed actor is the authorities of the place
where it happened (the event's own "in PLACE", or "from PLACE" for an expulsion, else the
dateline; not a place named elsewhere in the sentence, as in "questioned about the scandal in
Iran"), never the country of the person it was done to unless that is the place. The sector
follows the act: police (COP) for arrests, detentions and questioning, the judiciary (JUD) for
charges, prosecutions and sentences, the government (GOV) otherwise. The actor is inferred, so
its confidence is low (0.5); without a place there is no actor.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from spacy.tokens import Token

from eventwire.coding.np import prep_objects
from eventwire.coding.roles import is_passive
from eventwire.coding.triggers import TriggerMatch
from eventwire.knowledge import TriggerEntry
from eventwire.records import Actor, Place

# CAMEO codes of acts only the state's authorities do, and the sector doing them.
OFFICIAL_SECTORS = MappingProxyType(
    {
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
)
# Expelling diplomats (161) is official too; recalling one's own (also 161) is not.
EXPEL_MODE = "expel"
# Expelled or deported "from X": X's authorities sent them away.
EXPULSION_CODES = frozenset({"174", "166", "161"})
AUTHORITIES_CONFIDENCE = 0.5
NO_SUBJECT = "no subject"


def official_sector(entry: TriggerEntry) -> str | None:
    """The sector of the authorities doing a built-in row's official act, or None."""
    if entry.source:
        return None
    expelling = entry.mode == EXPEL_MODE and entry.cameo in EXPULSION_CODES
    return OFFICIAL_SECTORS.get(entry.cameo) or ("GOV" if expelling else None)


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
    place_at: Callable[[Token], Place | None],
    dateline_country: str | None,
    story_country: str | None = None,
) -> tuple[tuple[Actor, ...], str]:
    """The authorities of the place of an agentless official act, with the rule that found
    them; none without a place. ``place_at`` gives the gazetteer place of a token; with no
    place named, the dateline's country, else the country the article is about."""
    sector = official_sector(match.entry)
    if sector is None:
        return (), NO_SUBJECT
    place = _place(match, place_at)
    if place is not None and place.country:
        country, where = place.country, place.name
    elif dateline_country:
        country, where = dateline_country, "the dateline"
    elif story_country:
        country, where = story_country, "the country the article is about"
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


def _place(match: TriggerMatch, place_at: Callable[[Token], Place | None]) -> Place | None:
    """Where the act happened: a place in an "in" phrase of the verb or of the noun its row's
    preposition requires ("put under investigation in Italy"); for an expulsion or deportation
    also the place one is sent away "from" ("was deported from Germany")."""
    preps = {"in", "from"} if match.entry.cameo in EXPULSION_CODES else {"in"}
    for word in (match.trigger, match.anchor, *_required_objects(match)):
        for pobj in prep_objects((word,), preps):
            place = place_at(pobj)
            if place is not None:
                return place
    return None


def _required_objects(match: TriggerMatch) -> list[Token]:
    """The objects of the preposition a row requires ("under" in "put under investigation")."""
    entry = match.entry
    if entry.with_dep != "prep":
        return []
    word = entry.with_lemma.partition("@")[0].partition("=")[0]  # prep:to@TYPE, prep:to=street
    return prep_objects((match.trigger,), (word,))
