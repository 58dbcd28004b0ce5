"""How a noun phrase's mentions make its actors: through quantity words, one per country, a
compound dictionary entry's other members, and the words that say where or what a group stands
for rather than who it is ("anti-government", "London-based")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.symbols import PROPN
from spacy.tokens import Span, Token

from eventwire.knowledge import ActorEntry
from eventwire.knowledge.gazetteer import AgentEntry
from eventwire.records import Actor

STANCE_PREFIXES = frozenset({"anti", "pro", "non"})
QUANTITY_HEADS = frozenset(
    {"dozen", "hundred", "thousand", "million", "score", "number", "some", "many", "most",
     "all", "few", "several", "group", "handful", "crowd", "band", "majority", "tens"}
)  # fmt: skip


# Non-governmental organisations left unnamed take CAMEO's general NGO code ("an international
# aid agency", "rights groups", "charities", "NGOs", "aid workers"); a state before them makes
# them that state's ("an Egyptian rights group").
NGO_KINDS = frozenset(
    {"aid", "relief", "humanitarian", "rights", "charity", "charitable", "non-governmental",
     "nongovernmental", "non-government"}
)  # fmt: skip
NGO_HEADS = frozenset({"agency", "group", "organisation", "organization", "worker"})
NGO_ALONE = frozenset({"charity", "ngo"})
NGO_CONFIDENCE = 0.8


def unnamed_ngo(head: Token, tokens: Sequence[Token]) -> Actor | None:
    """The actor of a phrase naming an NGO by kind only, with the NGO code; else None."""
    words = {head.lemma_.lower(), head.lower_.removesuffix("s")}  # "NGOs" may keep its "s"
    before = [t for t in tokens if t.i < head.i]
    written = "".join(t.text_with_ws for t in before).lower().replace(" - ", "-").split()
    named_kind = any(w.strip("-") in NGO_KINDS for w in written)
    if not (words & NGO_ALONE or (head.lemma_.lower() in NGO_HEADS and named_kind)):
        return None
    phrase = " ".join([*written[-2:], head.lower_])
    return Actor(
        text=head.text,
        country="NGO",
        evidence=f"'{phrase}': an unnamed non-governmental organisation (general NGO code)",
        confidence=NGO_CONFIDENCE,
    )


def compound_members(first: Actor, entry: ActorEntry | None) -> tuple[Actor, ...]:
    """The other members of a compound actor entry, each an actor of its own."""
    if entry is None:
        return ()
    return tuple(
        replace(first, country=code, sectors=(sector,) if sector else ())
        for code, sector in entry.also
    )


def through_quantity(head: Token) -> Token:
    """'dozens of protesters', 'some of the rebels': the quantity word is transparent."""
    if head.lemma_.lower() not in QUANTITY_HEADS and head.pos_ != "NUM":
        return head
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return head


def merge_by_country(actors: list[Actor], *, head: Actor | None) -> tuple[Actor, ...]:
    """One actor per country, keeping the phrase's head mention ("U.N. Secretary-General Kofi
    Annan" is Annan), else the most specific mention (a person or organisation)."""
    chosen: dict[str, Actor] = {}
    order: list[str] = []
    for actor in actors:
        key = actor.country or f"?{actor.text}"
        current = chosen.get(key)
        if current is None:
            chosen[key] = actor
            order.append(key)
            continue
        is_head = head is not None and actor.span == head.span
        current_is_head = head is not None and current.span == head.span
        if is_head or (not current_is_head and actor.name and not current.name):
            chosen[key] = replace(actor, sectors=actor.sectors or current.sectors)
        elif not current.sectors and actor.sectors:
            chosen[key] = replace(current, sectors=actor.sectors)
    return tuple(chosen[k] for k in order)


def based_in(head: Token) -> Token | None:
    """The place a group is said to be based in: "a London-based group", "a terror group based
    in Trinidad" (its word for the place, if any)."""
    for child in head.children:
        if child.lemma_.lower() != "base" or child.dep_ not in ("amod", "acl"):
            continue
        for part in child.children:
            if part.dep_ in ("npadvmod", "compound", "nmod"):
                return part  # "London-based"
            if part.dep_ == "prep" and part.lower_ in ("in", "at"):
                objects = [g for g in part.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]  # "based in Trinidad"
    return None


def home_of_a_group(token: Token) -> bool:
    """Is the word the place a group is based in ("London" in "a London-based group")?"""
    based = token.head.head if token.dep_ == "pobj" else token.head
    home = based_in(based.head) if based.dep_ in ("amod", "acl") else None
    return home is not None and home.i == token.i


# Gazetteer kinds of places within a state ("a Baghdad bombing": a city or region before an
# attack noun says where, not who), and of places in general (without "-ambiguous").
LOCAL_PLACE_KINDS = frozenset({"capital", "city", "region"})
PLACE_KIND_BASES = LOCAL_PLACE_KINDS | {"country"}
# Agreements, meetings and processes named for the place where they were made or held.
VENUE_NAMED_NOUNS = frozenset(
    {"accord", "agreement", "protocol", "convention", "treaty", "declaration", "charter",
     "process", "format", "conference", "summit", "talk", "communique", "communiqué",
     "consensus", "memorandum", "pact", "deal", "plan", "framework"}
)  # fmt: skip


# Groupings of states named for the city where they first met, when written as names.
VENUE_NAMED_GROUPS = frozenset({"club", "group"})


def names_a_venue(last: Token, kind: str) -> bool:
    """Is a place the name of an agreement, meeting, process or grouping made or held there
    ("the Kyoto protocol", "the Oslo accords", "the Minsk agreements", "the Geneva talks",
    "the Contadora Group"), no party to it? ``last`` is the place's last word, ``kind`` its
    gazetteer kind."""
    if kind.removesuffix("-ambiguous") not in LOCAL_PLACE_KINDS or last.dep_ != "compound":
        return False
    named = last.head.lemma_.lower()
    return named in VENUE_NAMED_NOUNS or (
        named in VENUE_NAMED_GROUPS and last.head.text[:1].isupper()
    )


PERSON_RELATIVES = frozenset({"who", "whom"})  # not "whose": "Moscow, whose troops ..."


HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady"}
)


def a_place_kind(kind: str) -> bool:
    """Is a gazetteer kind a place's (country, capital, city, region; ambiguous or not)?"""
    return kind.removesuffix("-ambiguous") in PLACE_KIND_BASES


def a_person_by_a_place_name(span: Span, kind: str) -> bool:
    """Is a place name someone's name here, as a relative "who" or an honorific says ("Amman,
    who was described as knife-obsessed", "Washington, who starred in ...", "Mr Houston")?"""
    if not a_place_kind(kind):
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ in HONORIFICS:
        return True
    for clause in span.root.children:
        if clause.dep_ == "relcl" and any(
            t.lower_ in PERSON_RELATIVES and t.i < clause.i for t in clause.children
        ):
            return True
    return False


def stance_marked(token: Token) -> bool:
    """Is the word a stance ("anti-government", "pro-Russia"), not who the phrase's people
    are?"""
    doc = token.doc
    return (
        token.i >= 2
        and doc[token.i - 1].text == "-"
        and doc[token.i - 2].lower_ in (STANCE_PREFIXES)
    )


def part_of_a_name(span: Span, kind: str, people: Sequence[Span]) -> bool:
    """Is an ambiguous gazetteer phrase part of a person's name here ("Jordan Peterson",
    "Hamilton said")? A country name the parser alone calls a person ("Chad expelled the
    ambassador") is the country, unless the document names a person with that word.
    ``people`` are the document's PERSON entities."""
    own = [e for e in people if e.start <= span.start < e.end]
    if not own:
        return False
    if kind != "country-ambiguous" or len(own[0]) > len(span):
        return True
    return any(len(e) > 1 and span.text in e.text.split() for e in people)


def lone_name(token: Token) -> bool:
    """A capitalised one-word proper name that no entity of the parser takes for a person and
    that is no part of a longer name ("Lavrov", tagged ORG; not "Trump Tower")."""
    text = token.text
    if token.pos != PROPN or len(text) <= 2 or not text[0].isupper():
        return False
    if token.ent_type_ == "PERSON":
        return False
    doc = token.doc
    return not any(doc[j].pos == PROPN for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc))


def a_thing_named(ent: Span) -> bool:
    """Is a name the parser calls a person's, the head of a phrase with "the", a thing's or a
    place's ("the Sahel"; "the Biden administration" keeps Biden)?"""
    return (
        ent.start > 0
        and ent.doc[ent.start - 1].lower_ == "the"
        and ent.root.dep_ not in ("compound", "poss", "nmod", "amod")
    )


# Envoys, and the posts a state keeps abroad.
ENVOY_NOUNS = frozenset(
    {"ambassador", "envoy", "representative", "delegate", "emissary", "consul", "diplomat",
     "attache", "attaché", "chargé", "ambassador-designate", "mission", "delegation"}
)  # fmt: skip
POST_NOUNS = ENVOY_NOUNS | {"embassy", "consulate"}


def one_person_or_post(head: Token, kind: str | None, agent: AgentEntry | None) -> bool:
    """Is the phrase one person ("Merkel", "the German chancellor") or a state's post abroad
    ("the US embassy", "the Saudi ambassador")? Where such a one is, is not whose it is.
    Groups are left alone: people of one state living or fighting in another ("Afghan
    refugees in Pakistan") are as often coded by where they are. ``kind`` is the head's
    mention kind, ``agent`` its entry in the agent words."""
    if kind in ("person", "people"):
        return True
    return (agent is not None and agent.kind == "title") or head.lemma_.lower() in POST_NOUNS
