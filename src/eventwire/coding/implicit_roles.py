"""Roles the sentence does not name, supplied by rules of the ontology and of the story.

- "Three civilians were killed in a car bombing": the attackers are unidentified; PLOVER still
  codes the attack, with an unknown actor placed where it happened.
- "Four children were killed in Israeli tank shelling", "died in an air strike by government
  forces": the attack the circumstance names says who attacked, by its own modifiers or its
  by-phrase.
- "Rockets were fired at Israel from Lebanon", "a rocket fired from Lebanon struck an Israeli
  town": the place a projectile was fired from names the side that fired it.
- PLOVER PROTEST requires a recipient: without a named target, a protest is addressed to the
  government of the place where it happens.
- "Iran condemned the sanctions": a definite event noun as object names an earlier event of its
  type in the story, whose actor is the recipient.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from spacy.tokens import Token

from eventwire.coding.context import same_actor
from eventwire.coding.np import MODIFIER_DEPS, prep_objects, through_results
from eventwire.coding.triggers import noun_entry
from eventwire.knowledge import Lexicon, TriggerEntry
from eventwire.records import Actor, CodedEvent, Place

DEFINITE = frozenset({"the", "this", "these", "that", "those"})
NO_RECIPIENT = "no recipient"
# "killed in / during an air strike", "killed by shelling": phrases naming the attack itself.
# "killed in / during / by", "died from / of / because of / due to / as a result of" an attack
CIRCUMSTANCE_PREPS = frozenset({"in", "during", "by", "from", "of", "because", "due", "as"})
# "Israeli tank shelling", "a US drone strike", "Israel's air strikes", "a rebel ambush".
AGENT_PREPS = frozenset({"by", "between"})
# Verbs whose object is a projectile: "rockets were fired / launched from Lebanon".
FIRING_VERBS = frozenset({"fire", "launch", "lob", "shoot"})
LAUNCH_SITE_CONFIDENCE = 0.5


def circumstance_event(
    verb: Token, event_type: str, lexicon: Lexicon
) -> tuple[Token, TriggerEntry] | None:
    """An event noun of ``event_type`` in an 'in', 'during', 'from', 'because of' ... phrase
    or the by-agent of ``verb`` ("were killed in an air strike", "died during shelling",
    "died as a result of torture"), with its row."""
    for prep in verb.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in CIRCUMSTANCE_PREPS:
            continue
        for noun in through_results([n for n in prep.children if n.dep_ in ("pobj", "pcomp")]):
            # "during shelling": a gerund may be parsed as the preposition's clause (pcomp)
            split = _split_gerund(noun)
            for word in (noun,) if split is None else (noun, split):
                entry = noun_entry(word, lexicon)
                if entry is not None and entry.type == event_type:
                    return word, entry
    return None


def _split_gerund(noun: Token) -> Token | None:
    """The gerund the parser split from a preposition's object and attached to the verb as a
    clause ("killed in Israeli tank | shelling"): it heads the phrase the object began."""
    after = noun.i + 1
    if after >= noun.sent.end:
        return None
    word = noun.doc[after]
    verb = noun.head.head
    if word.tag_ == "VBG" and word.dep_ == "advcl" and word.head.i == verb.i:
        return word
    return None


def attacker_words(noun: Token, *, mutual: bool = False) -> list[Token]:
    """The phrases of an event noun that may name who carried it out (each resolved with its
    own modifiers): its modifiers ("Israeli tank shelling", "a US drone strike"), its by-phrase
    ("an air strike by government forces"), the sides of a ``mutual`` one ("clashes between
    Israeli troops and Hezbollah", "clashes with police") and the by-agent of a participle on
    it ("the attack, carried out by the Taliban")."""
    preps = AGENT_PREPS | {"with"} if mutual else AGENT_PREPS
    found = [c for c in noun.children if c.dep_ in MODIFIER_DEPS]
    before = noun.doc[noun.i - 1] if noun.i > noun.sent.start else None
    split = _split_gerund(before) if before is not None and before.dep_ == "pobj" else None
    if before is not None and split is not None and split.i == noun.i:
        found.insert(0, before)  # "in Israeli tank | shelling": the phrase it was split from
    participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return found + [
        g
        for head in (noun, *participles)
        for c in head.children
        if c.dep_ in ("prep", "agent") and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def modifier_tree(word: Token) -> list[Token]:
    """A word and its modifiers, theirs included, but not its prepositional phrases: "Baghdad"
    modifies "a Baghdad car bombing"; "police in Nairobi" are police, placed in Nairobi."""
    found = [word]
    for token in found:
        found += [c for c in token.children if c.dep_ in MODIFIER_DEPS]
    return found


def one_per_country(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    """One actor a country, the one with a sector: "a Chechen rebel attack" is the rebels, not
    Russia as well."""
    best: dict[str, Actor] = {}
    for actor in actors:
        known = best.get(actor.country) if actor.country else None
        if actor.country and (known is None or not known.sectors):
            best[actor.country] = actor
    return tuple(best.values())


def launch_sites(verb: Token) -> list[Token]:
    """Where a projectile was fired from: the objects of a "from" phrase of a firing verb."""
    if verb.lemma_.lower() not in FIRING_VERBS:
        return []
    return prep_objects((verb,), ("from",))


def subject_launch_sites(verb: Token) -> list[Token]:
    """Where the verb's subject was fired from, when it is a projectile described by a reduced
    relative ("a rocket fired from Lebanon struck an Israeli town")."""
    return [
        site
        for subject in verb.children
        if subject.dep_ == "nsubj"
        for clause in subject.children
        if clause.dep_ == "acl" and clause.tag_ == "VBN"
        for site in launch_sites(clause)
    ]


def fired_from(place: Actor) -> Actor:
    """The side that fired from a place: the place's actor, with lower confidence."""
    return replace(
        place,
        evidence=f"{place.evidence}; fired from {place.text}: the side that fired from there",
        confidence=min(place.confidence, LAUNCH_SITE_CONFIDENCE),
    )


def unidentified_attackers(
    victims: tuple[Actor, ...], place: Place | None, other_countries: AbstractSet[str | None]
) -> Actor:
    """The unknown actor of an attack on ``victims``: of the country where it happened, else of
    the one other country the sentence names, else of the victims'."""
    if place is not None:
        country = place.country
    elif len(other_countries) == 1:
        country = next(iter(other_countries))
    else:
        country = victims[0].country
    return Actor(
        text="unidentified attackers",
        country=country,
        sectors=("UAF",),
        evidence="passive with no agent: unidentified actor, placed where it happened",
        confidence=0.4,
    )


def protested_government(place: Place | None) -> tuple[tuple[Actor, ...], str]:
    """The government of the place of a protest with no named target."""
    if place is None or place.country is None:
        return (), NO_RECIPIENT
    government = Actor(
        text=f"government of {place.name}",
        country=place.country,
        sectors=("GOV",),
        evidence=f"protest in {place.name}: addressed to its government",
        confidence=0.5,
    )
    return (government,), "government of the place of protest"


def earlier_event_actors(
    anchor: Token, actors: tuple[Actor, ...], coded: Sequence[CodedEvent], lexicon: Lexicon
) -> tuple[tuple[Actor, ...], str]:
    """The actors of the latest earlier event (of ``coded``) that a definite event noun object
    of ``anchor`` refers to, other than ``actors``."""
    for child in anchor.children:
        definite = any(d.dep_ == "det" and d.lower_ in DEFINITE for d in child.children)
        if child.dep_ != "dobj" or not definite:
            continue
        types = {e.type for e in lexicon.candidates(child.lemma_.lower(), "NOUN")}
        for earlier in reversed(coded):
            if earlier.type not in types:
                continue
            found = tuple(a for a in earlier.actors if not same_actor(a, actors))
            if found:
                return found, f"'{child.text}' refers to the earlier {earlier.type} event"
    return (), NO_RECIPIENT
