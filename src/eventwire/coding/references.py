"""What a pronoun or a referring phrase in a document stands for.

"it", "they", "he" resolve to the subject of their clause or of one of the three sentences
before it (people for he/she, no person for it, never a plural common noun for it); "him",
"her", "them" as objects never to their own clause's subject, but to an object before them or
a higher clause's subject ("met Putin and praised him"); "we" in a
quote to its speaker; "the two countries", "both sides" to the last compound subject naming
several states; "the North" to the state named "North ..." in the story.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.coding.np import FIRST_PERSON, is_pronoun
from eventwire.nlp.quotes import SPEECH_LEMMAS, subject_of
from eventwire.records import Actor

if TYPE_CHECKING:
    from eventwire.coding.actors import DocActors

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
THING_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"them"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
# A common noun in the plural ("officials"); a plural proper name is often one actor ("the
# United States", "American Motors", "the United Auto Workers")
PLURAL_TAGS = frozenset({"NNS"})
SINGULAR_KINDS = frozenset({"country", "capital", "igo", "ngo", "group", "institution"})
NORTH_SOUTH = frozenset({"north", "south"})
PAIR_WORDS = frozenset({"two", "both", "three"})
GROUP_NOUNS = frozenset(
    {"country", "side", "delegation", "leader", "government", "nation", "neighbor",
     "neighbour", "party", "state", "minister", "ally", "rival"}
)  # fmt: skip
# the evidence of an object pronoun's antecedent: never the subject of the pronoun's clause
OBJECT_ANTECEDENT = "object's antecedent"
CONTEXT_DISCOUNT = 0.85  # an actor found through a reference is a little less certain


def north_south(actors: DocActors, head: Token) -> Actor | None:
    """'the North', 'the South': the state the story names 'North ...' or 'South ...'."""
    if head.lower_ not in NORTH_SOUTH:
        return None
    prefix = head.text.capitalize() + " "
    for mention in actors.mentions:
        if mention.actor.text.startswith(prefix) and mention.actor.country:
            return Actor(
                text=f"the {head.text}",
                country=mention.actor.country,
                evidence=f"'the {head.text}' = {mention.actor.text} in this story",
                confidence=0.9,
            )
    return None


def the_two(actors: DocActors, head: Token, *, depth: int) -> tuple[Actor, ...]:
    """'the two countries', 'both sides': the last compound subject naming several countries."""
    words = {c.lower_ for c in head.children if c.dep_ in ("nummod", "det", "predet", "amod")}
    if not words & PAIR_WORDS or head.lemma_.lower() not in GROUP_NOUNS or depth > 1:
        return ()
    earlier = [s for s in actors.sentences if s.end <= head.sent.start][-3:]
    for sent in reversed(earlier):
        subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and not is_pronoun(t)]
        for subject in reversed(subjects):
            found = actors.resolve(subject, depth=depth + 1)
            if len({a.country for a in found if a.country}) >= 2:
                return _as_context(found, f"'{head.text}' = earlier compound subject")
    return ()


def resolve_pronoun(actors: DocActors, token: Token, *, depth: int = 0) -> tuple[Actor, ...]:
    """Resolve a pronoun: quote speaker for we/us, else the clause or recent subjects."""
    if depth > 2:
        return ()
    lower = token.lower_
    if lower in FIRST_PERSON:
        speaker = actors.quote_speaker(token)
        if speaker is None or is_pronoun(speaker):
            return ()
        return _as_context(actors.resolve(speaker, depth=depth + 1), "speaker")
    wants_person = lower in PERSON_PRONOUNS
    own = _own_subject(token) if _object_pronoun(token) else None
    if own is not None:  # "Obama met Putin and praised him": not Obama
        return _object_antecedent(actors, token, own, depth=depth)
    for verb in token.ancestors:
        subject = subject_of(verb, max_climb=0)
        if subject is None or subject.i == token.i or token in subject.subtree:
            continue
        if is_pronoun(subject) or _number_disagrees(actors, subject, lower):
            continue
        resolved = actors.resolve(subject, depth=depth + 1)
        found = _fit(actors, resolved, lower, wants_person)
        if found:
            return _as_context(found, "clause subject")
        if not resolved and subject.pos_ == "PROPN" and verb.lemma_.lower() in SPEECH_LEMMAS:
            return ()  # "Google told the BBC it was investigating": Google, no actor
    current = token.sent.start
    back = [s for s in actors.sentences if s.end <= current][-3:]
    for sent in reversed(back):
        subject = subject_of(sent.root, max_climb=0)
        if subject is None or _number_disagrees(actors, subject, lower):
            continue
        found = _fit(actors, actors.resolve(subject, depth=depth + 1), lower, wants_person)
        if found:
            return _as_context(found, "previous subject")
    return ()


def _object_pronoun(token: Token) -> bool:
    """Is the pronoun a person's or a group's object ("praised him", "talks with them")?"""
    if token.lower_ not in OBJECT_PRONOUNS:
        return False
    return token.dep_ in ("dobj", "dative") or (
        token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX")
    )


def _own_subject(token: Token) -> Token | None:
    """The subject of the clause the pronoun is an object in, shared by coordinated and
    controlled verbs ("met Putin and praised him", "wants to meet him")."""
    for verb in token.ancestors:
        subject = subject_of(verb, max_climb=0)
        if subject is not None:
            return subject
        if verb.dep_ in ("ccomp", "relcl", "advcl", "acl") or verb.head.i == verb.i:
            return None  # a clause of its own with no subject
    return None


def _object_antecedent(
    actors: DocActors, token: Token, own: Token, *, depth: int
) -> tuple[Actor, ...]:
    """An object pronoun never refers to its own clause's subject: it refers to an object
    before it in the sentence ("convicted Navalny and sentenced him"), else to the subject of
    a clause above, not a reporting one ("Obama wanted Putin to meet him": Obama); else to no
    one we know. "Them" refers only to several named together ("arrested Ali and Omar and
    charged them"): a plural noun or subject is as often a thing's."""
    lower = token.lower_
    wants_person = lower in PERSON_PRONOUNS
    excluded = {a.code for a in actors.resolve(own, depth=depth + 1)}
    sent = token.sent
    objects = [
        t
        for t in sent[: token.i - sent.start]
        if t.dep_ in ("dobj", "dative", "pobj")
        and not is_pronoun(t)
        and t not in own.subtree
        and (lower not in PLURAL_PRONOUNS or bool(t.conjuncts))
    ]
    higher = [
        subject
        for verb in token.ancestors
        if (subject := subject_of(verb, max_climb=0)) is not None
        and subject.i != own.i
        and not is_pronoun(subject)
        and verb.lemma_.lower() not in SPEECH_LEMMAS
        and lower not in PLURAL_PRONOUNS
    ]
    for how, candidates in (("earlier object", reversed(objects)), ("higher subject", higher)):
        for candidate in candidates:
            resolved = actors.resolve(candidate, depth=depth + 1)
            found = tuple(
                a for a in _fit(actors, resolved, lower, wants_person) if a.code not in excluded
            )
            if found:
                return _as_context(found, f"{OBJECT_ANTECEDENT} ({how})")
    return ()


def _number_disagrees(actors: DocActors, subject: Token, lower: str) -> bool:
    """Can "it" not refer to the subject, a plural common noun ("Chinese officials confirmed
    it has infected 200 people": the virus)?"""
    if lower not in THING_PRONOUNS or subject.tag_ not in PLURAL_TAGS:
        return False
    mention = actors.by_token.get(subject.i)
    return mention is None or mention.kind.removesuffix("-ambiguous") not in SINGULAR_KINDS


def _fit(
    actors: DocActors, found: tuple[Actor, ...], lower: str, wants_person: bool
) -> tuple[Actor, ...]:
    """Keep the candidates a pronoun can refer to: people for he/she, others for it."""
    if wants_person:
        return tuple(a for a in found if a.name in actors.person_names)
    if lower in THING_PRONOUNS:
        return tuple(a for a in found if a.name not in actors.person_names)
    return found


def _as_context(found: tuple[Actor, ...], how: str) -> tuple[Actor, ...]:
    return tuple(
        replace(
            a,
            evidence=f"pronoun -> {how}: {a.evidence}",
            confidence=a.confidence * CONTEXT_DISCOUNT,
        )
        for a in found
    )
