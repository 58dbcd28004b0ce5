"""Is a verb's object an actor? The ``@ACTOR`` requirement of lexicon rows.

Everyday verbs are events only when done to someone: "received the Iraqi foreign minister"
is hosting a visit, "received 3 percent of the vote" is not; "police beat protesters" is an
assault, "the heart of Britain beats as strong as ever" is not. This is decided when
triggers are matched, before the coder resolves actors, from the object's noun phrase alone:

- its head is inside a gazetteer actor span (``doc.spans["ew_actors"]``) or a PERSON, ORG,
  GPE or NORP entity ("Lavrov", "the Tories", "Iran", "Palestinians");
- or it ends in one of the lexicon's actor words, the gazetteer's role and group nouns and
  titles ("the Iraqi foreign minister", "protesters", "the central bank"), or in a noun for
  people of any kind (:data:`PEOPLE_NOUNS`: "a man", "shoppers", "hostages");
- or it is a personal pronoun ("beat him"), a relative pronoun standing for such a phrase
  ("the man whom police beat"), a bare number of people ("executed two", "wounded 110") or a
  quantity of them ("dozens of people").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from eventwire.coding.np import RELATIVE_PRONOUNS, prep_objects
from eventwire.knowledge import Lexicon
from eventwire.nlp.components import ACTORS_KEY

# Doc.user_data key of the tokens inside gazetteer actor spans, computed once per document.
COVERED_KEY = "eventwire.actor_span_tokens"
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PERSONAL_PRONOUNS = frozenset(
    {"he", "him", "she", "her", "they", "them", "we", "us", "i", "me", "you", "himself",
     "herself", "themselves", "ourselves", "myself", "yourself", "anyone", "someone",
     "everyone", "somebody", "anybody", "everybody", "nobody", "others"}
)  # fmt: skip
# Nouns for people that are no role or group of the gazetteer (it gives sectors; these have
# none): "a man", "shoppers", "the hostages", "his opponents".
PEOPLE_NOUNS = frozenset(
    {"man", "men", "woman", "women", "boy", "girl", "child", "kid", "teenager", "youth",
     "person", "people", "persons", "individual", "adult", "baby", "infant", "mother",
     "father", "son", "daughter", "brother", "sister", "wife", "husband", "family", "relative",
     "crowd", "mob", "protester", "demonstrator", "marcher", "rioter", "hostage", "captive",
     "detainee", "prisoner", "inmate", "convict", "suspect", "victim", "villager", "resident",
     "citizen", "civilian", "national", "passenger", "pedestrian", "bystander", "shopper",
     "worshipper", "pilgrim", "tourist", "visitor", "guest", "traveller", "traveler",
     "migrant", "immigrant", "refugee", "asylum-seeker", "opponent", "rival", "critic",
     "supporter", "follower", "member", "leader", "official", "officer", "agent", "guard",
     "fighter", "gunman", "militant", "insurgent", "soldier", "trooper", "recruit",
     "journalist", "reporter", "photographer", "cameraman", "blogger", "activist",
     "dissident", "student", "pupil", "teacher", "worker", "farmer", "miner", "doctor",
     "nurse", "patient", "priest", "monk", "nun", "cleric", "imam", "rabbi", "bishop",
     "envoy", "delegate", "delegation", "diplomat", "minister", "counterpart", "spy",
     "informant", "collaborator", "traitor", "settler", "colonist", "herder", "fisherman",
     "sailor", "crew", "driver", "pilot", "aid-worker", "volunteer", "staff", "employee",
     "monitor", "observer", "inspector", "peacekeeper", "policeman", "policewoman", "engineer",
     "contractor", "technician", "businessman", "businesswoman", "executive", "lawyer",
     "judge", "lawmaker", "legislator", "senator", "candidate",
     "scientist", "expert", "researcher", "academic", "professor", "athlete", "player",
     "mayor", "governor", "commander", "colonel", "captain", "crewman", "seaman", "mariner",
     "trader", "banker", "investor", "missionary", "preacher", "laborer", "labourer"}
)  # fmt: skip
# "dozens of people", "a group of protesters": the quantity stands for its "of" object.
QUANTITY_NOUNS = frozenset(
    {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
     "million", "millions", "number", "group", "handful", "couple", "pair", "busload",
     "band", "batch", "some", "many", "most", "all", "several", "few"}
)  # fmt: skip
# Modifiers of the noun's own phrase (not its "of"/"in" phrases or clauses).
PHRASE_DEPS = frozenset({"compound", "amod", "det", "nummod", "poss", "nmod", "quantmod"})


def verb_objects(verb: Token) -> list[Token]:
    """The objects of a verb: direct objects and passive subjects, with their conjuncts; the
    object of a verb it is coordinated with ("beat and arrested protesters"); the noun a
    passive participle modifies ("protesters beaten by police")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not found and verb.dep_ == "conj":
        found = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass")]
    if not found:
        found = [
            c
            for conj in verb.children
            if conj.dep_ == "conj" and conj.pos_ == "VERB"
            for c in conj.children
            if c.dep_ == "dobj"
        ]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = [verb.head]
    return [*found, *(c for f in found for c in f.children if c.dep_ == "conj")]


def preposition_objects(verb: Token, preposition: str) -> list[Token]:
    """The objects of one of the verb's prepositions, on the verb or on its direct object
    ("hosted a dinner for the visiting president")."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [
        g
        for h in holders
        for c in h.children
        if c.dep_ in ("prep", "prt", "dative") and c.lower_ == preposition
        for g in c.children
        if g.dep_ == "pobj"
    ]


def is_actor_phrase(noun: Token, lexicon: Lexicon) -> bool:
    """Does the noun phrase headed by ``noun`` name an actor (see the module docstring)?"""
    lower = noun.lower_
    if lower in RELATIVE_PRONOUNS and noun.head.dep_ == "relcl":
        return is_actor_phrase(noun.head.head, lexicon)  # "the man whom police beat"
    if noun.pos_ == "PRON":
        return lower in PERSONAL_PRONOUNS
    if _in_actor_span(noun) or noun.ent_type_ in ACTOR_ENTITIES:
        return True
    if noun.pos_ == "NUM" and not any(c.dep_ == "prep" for c in noun.children):
        return noun.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY", "DATE", "TIME")
    if lower in QUANTITY_NOUNS or noun.lemma_.lower() in QUANTITY_NOUNS:
        return any(is_actor_phrase(g, lexicon) for g in prep_objects((noun,), ("of",)))
    if noun.lemma_.lower() in PEOPLE_NOUNS or lower in PEOPLE_NOUNS:
        return True
    return any(phrase in lexicon.actor_words for phrase in _phrase_endings(noun))


def _in_actor_span(token: Token) -> bool:
    """Is the token inside a gazetteer actor span? (The covered tokens are worked out once
    per document and kept with it.)"""
    doc = token.doc
    covered = doc.user_data.get(COVERED_KEY)
    if covered is None:
        spans = doc.spans.get(ACTORS_KEY, ())
        covered = frozenset(i for span in spans for i in range(span.start, span.end))
        doc.user_data[COVERED_KEY] = covered
    return token.i in covered


def _phrase_endings(noun: Token) -> Iterator[str]:
    """The noun with its own left modifiers, shortest first, each as written and with the
    noun's lemma: "Iraqi foreign minister" -> minister, foreign minister, iraqi foreign ..."""
    left = sorted(
        (t for c in noun.children if c.dep_ in PHRASE_DEPS and c.i < noun.i for t in c.subtree),
        key=lambda t: t.i,
    )
    words = [t.lower_ for t in left if t.i < noun.i]
    for head in dict.fromkeys((noun.lower_, noun.lemma_.lower())):
        for start in range(len(words), -1, -1):
            yield " ".join([*words[start:], head])
