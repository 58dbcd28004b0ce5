"""Who protests decides what the protest is (PLOVER manual, PROTEST).

- Violence by protesters is a riot: "protesters stormed the embassy", "rioters set fire to
  cars", "a building was demolished by demonstrators" are PROTEST, mode riot (CAMEO 145,
  "protest violently, riot"), not ASSAULT: PLOVER's riot mode is collective violent action
  whose "participants intend to cause physical injury and/or property damage". Fighting with
  firearms or heavy weapons stays ASSAULT ("demonstrators fired rockets at ...").
- A state's protest is diplomatic: "China protested the visit", "the Foreign Ministry
  protested to Japan", "Japan lodged a protest with China" are ACCUSE, mode disapprove (CAMEO
  114, "complain officially"): PLOVER codes diplomatic protests as ACCUSE and keeps PROTEST for
  collective physical action. Only a demonstration row is re-read this way; strikes and
  boycotts stay PROTEST.
- A blockade or an occupation by people who hold no power of the state is an obstruction:
  "truck drivers blockaded the port", "students occupied the university building" are
  PROTEST, mode obstruct (CAMEO 144, "obstruct passage, block"), not COERCE 191 or 192:
  PLOVER's COERCE is "non-violent repressive actions by the state", its PROTEST obstruct the
  blockades, occupations and sit-ins of civil actors. The other way round, the state's own
  forces or officials blocking roads restrict movement: "police blocked the roads to the
  square" is COERCE 191, not a protest. What civil actors block, other than the opposition,
  they obstruct ("students blocked the main road into the city"), whatever the object.
- Refusing to work, attend, pay or eat, when civil actors do it, or refusing anything "in
  protest", is protest by non-cooperation: "workers refused to work until their wages were
  paid", "students refused to attend classes", "farmers refused to pay taxes in protest
  against the law" are PROTEST, mode strike (CAMEO 143, "protest by refusing to work or
  cooperate"), and refusing to eat a hunger strike (142), not REJECT.
"""

from __future__ import annotations

from types import MappingProxyType

from spacy.tokens import Token

from eventwire.coding.actors import DocActors
from eventwire.coding.allegations import STATE_SECTORS
from eventwire.coding.roles import subject_undergoes
from eventwire.knowledge import Ontology
from eventwire.records import Actor

PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher"})
RIOT_CAMEO = "145"
ARMED_CAMEO = frozenset({"193", "194", "195", "196"})
OFFICIAL_COMPLAINT_CAMEO = "114"
# impose a blockade, restrict movement (191); occupy territory (192)
BLOCKADE_CAMEO = ("191", "192")
RESTRICT_CAMEO = "191"
# "block" alone is REJECT 120 ("blocked the resolution"); what civil actors block they obstruct
BLOCKING_LEMMAS = frozenset({"block", "obstruct"})
REJECT_CAMEO = "120"
OBSTRUCT_CAMEO = "144"
# what people refuse to do when they protest by not cooperating, and the CAMEO code of it
WITHHELD_ACTS = MappingProxyType(
    {"work": "143", "attend": "143", "pay": "143", "vote": "143", "cooperate": "143",
     "eat": "142"}
)  # fmt: skip
STRIKE_CAMEO = "143"
# sectors of people who hold no power of the state and bear no arms
CIVIL_SECTORS = frozenset({"CVL", "LAB", "AGR", "EDU", "MED", "OPP", "REL"})
# mentions that name a state or its government, not its people ("Iraqis" is a demonym)
STATE_KINDS = frozenset({"country", "capital", "institution", "igo"})


def doers(anchor: Token) -> list[Token]:
    """The head words of who does the act: the active subject, or the "by" agent of a
    passive, with their conjuncts; a clause without its own subject takes its governor's
    ("protesters tried to storm the embassy")."""
    clause: Token | None = anchor
    while clause is not None:
        passive = any(c.dep_ == "auxpass" for c in clause.children)
        found = [
            g
            for c in clause.children
            if c.dep_ == "agent" and passive
            for g in c.children
            if g.dep_ == "pobj"
        ] or [c for c in clause.children if c.dep_ == "nsubj"]
        if found:
            return [w for head in found for w in (head, *head.conjuncts)]
        governed = clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i
        clause = clause.head if governed else None
    return []


def riot(
    event_type: str, cameo: str, anchor: Token, ontology: Ontology
) -> tuple[str, str, str | None] | None:
    """(PROTEST, 145, riot) for violence done by protesters alone, else None; fighting with
    firearms or heavy weapons (CAMEO 193-196) is armed combat whoever does it."""
    if event_type != "ASSAULT" or cameo in ARMED_CAMEO or subject_undergoes(anchor):
        return None  # "protesters died in clashes": the protesters are the victims
    found = doers(anchor)
    if not found or any(w.lemma_.lower() not in PROTESTERS for w in found):
        return None
    return ontology.coding(RIOT_CAMEO, "riot")


def diplomatic_protest(
    cameo: str,
    trigger: Token,
    actors: tuple[Actor, ...],
    mentions: DocActors,
    ontology: Ontology,
) -> tuple[str, str, str | None] | None:
    """(ACCUSE, 114, disapprove) for a demonstration verb, or a protest noun carried by a
    verb ("lodged a protest"), whose subjects are states or governments, else None."""
    if not cameo.startswith(("140", "141")) or not actors:
        return None
    carrier = trigger if trigger.pos_ == "VERB" else trigger.head
    noun = carrier.i != trigger.i
    if carrier.pos_ not in ("VERB", "AUX") or (noun and trigger.dep_ != "dobj"):
        return None  # "protests took place": a protest noun as subject names no protester
    if any(s != "GOV" for a in actors for s in a.sectors):
        return None
    government = all("GOV" in a.sectors for a in actors)
    words = doers(carrier)
    if not words or not all(_state(w, mentions, government=government) for w in words):
        return None
    return ontology.coding(OFFICIAL_COMPLAINT_CAMEO, "disapprove")


def _state(word: Token, mentions: DocActors, *, government: bool) -> bool:
    """A state named outright ("China", "Tokyo", "the State Department"), or a government
    role word when the actors are governments ("the Chinese foreign ministry")."""
    mention = mentions.by_token.get(word.i)
    if mention is None:
        return government
    return mention.kind.removesuffix("-ambiguous") in STATE_KINDS


def obstruction(
    cameo: str, trigger: Token, actors: tuple[Actor, ...], ontology: Ontology
) -> tuple[str, str, str | None] | None:
    """(PROTEST, 144, obstruct) for a blockade or occupation whose actors are all civil
    ("truck drivers", "farmers", "students"), or whatever such people block ("students
    blocked the main road into the city"); (COERCE, 191, restrict) for an obstruction whose
    actors are all the state's ("police", "troops"); else None. An actor of no known sector
    leaves the row's coding, and so does the opposition blocking something (a bill, most
    often)."""
    sectors = _known_sectors(actors)
    if not sectors:
        return None
    if cameo.startswith(BLOCKADE_CAMEO) and sectors <= CIVIL_SECTORS:
        return ontology.coding(OBSTRUCT_CAMEO, "obstruct")
    blocking = trigger.lemma_.lower() in BLOCKING_LEMMAS and trigger.pos_ == "VERB"
    if blocking and cameo == REJECT_CAMEO and sectors <= CIVIL_SECTORS - {"OPP"}:
        return ontology.coding(OBSTRUCT_CAMEO, "obstruct")
    if cameo.startswith(OBSTRUCT_CAMEO) and sectors <= STATE_SECTORS:
        return ontology.coding(RESTRICT_CAMEO, "restrict")
    return None


def non_cooperation(
    event_type: str, trigger: Token, actors: tuple[Actor, ...], ontology: Ontology
) -> tuple[str, str, str | None] | None:
    """(PROTEST, 143 or 142, ...) for a refusal by civil actors to work, attend, pay or eat,
    or for a refusal by them "in protest"; else None."""
    sectors = _known_sectors(actors)
    if event_type != "REJECT" or not sectors or not sectors <= CIVIL_SECTORS:
        return None
    withheld = [
        WITHHELD_ACTS[c.lemma_.lower()]
        for c in trigger.children
        if c.dep_ == "xcomp" and c.lemma_.lower() in WITHHELD_ACTS
    ]
    if withheld:
        code = withheld[0]
        return ontology.coding(code, "hunger" if code == "142" else "strike")
    if _in_protest(trigger):
        return ontology.coding(STRIKE_CAMEO, "strike")
    return None


def _known_sectors(actors: tuple[Actor, ...]) -> frozenset[str]:
    """The sectors of the actors, none when an actor has no known sector (or there is none)."""
    if not actors or not all(a.sectors for a in actors):
        return frozenset()
    return frozenset(s for a in actors for s in a.sectors)


def _in_protest(verb: Token) -> bool:
    """Is the verb, or what it refuses, done "in protest" ("refused to pay taxes in protest
    against the law")?"""
    words = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(g.dep_ == "pobj" and g.lemma_.lower() == "protest" for g in c.children)
        for word in words
        for c in word.children
    )
