"""Reported violence is also an accusation.

"The US said Iraq had attacked Kuwait" reports Iraq's attack (ASSAULT, reported) and is, as a
statement put first, the US accusing Iraq: CAMEO codes a claim that another party used violence or
coercion as an accusation (112, "accuse of crime"), PLOVER's ACCUSE covers allegations, and the
PETRARCH coders code such sentences so. The accusation is asserted (the statement was made);
it goes from the speaker (the subject of the speech verb) to the alleged perpetrator (the actor
of the reported event).

Not an accusation: a report attributed after it ("Y attacked Z, officials said": sourcing),
a speaker reporting its own side's acts, a news medium reporting
(journalists, agencies), a state body reporting what another body of the same state did
("police said a court issued warrants"), and attacks by unidentified attackers.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.coding.context import same_actor
from eventwire.coding.modality import find_modality
from eventwire.knowledge import Ontology
from eventwire.nlp.quotes import SPEECH_LEMMAS
from eventwire.records import Actor, CodedEvent, Explanation, Modality
from eventwire.records import Span as CharSpan

ALLEGED_TYPES = frozenset({"ASSAULT", "COERCE"})
ACCUSE_CAMEO = "112"
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
NEWS_SECTORS = frozenset({"JRN", "MED"})
UNIDENTIFIED_SECTORS = frozenset({"UAF"})
_CLIMB = frozenset({"conj", "xcomp", "ccomp"})


def speech_verb(anchor: Token, *, max_climb: int = 6) -> Token | None:
    """The speech verb that puts ``anchor``'s clause forward as a statement: "said" in "X said
    (that) [Y attacked Z]". None when the clause is not reported, and when the attribution
    follows it ("[Y attacked Z], X said"): news English puts the source of a report after it,
    and then the report is the news, not the statement."""
    node = anchor
    for _ in range(max_climb):
        if node.head.i == node.i or node.dep_ not in _CLIMB:
            return None
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_LEMMAS:
            return node.head if node.head.i < anchor.i else None
        node = node.head
    return None


def _state(actor: Actor) -> bool:
    return bool(STATE_SECTORS & set(actor.sectors))


def accusers(speakers: tuple[Actor, ...], perpetrators: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The speakers whose report of violence by ``perpetrators`` is an accusation."""
    named = alleged_perpetrators(perpetrators)
    if not named:
        return ()
    found: list[Actor] = []
    for speaker in speakers:
        if not speaker.country or NEWS_SECTORS & set(speaker.sectors):
            continue
        if same_actor(speaker, named) or any(
            speaker.country == p.country and speaker.sectors == p.sectors for p in named
        ):
            continue  # its own acts
        if _state(speaker) and any(p.country == speaker.country and _state(p) for p in named):
            continue  # one body of a state reporting another's acts
        found.append(speaker)
    return tuple(found)


def alleged_perpetrators(perpetrators: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The perpetrators an accusation names (identified ones, with a country)."""
    return tuple(p for p in perpetrators if p.country and not UNIDENTIFIED_SECTORS & set(p.sectors))


def accusation(
    event: CodedEvent,
    speakers: tuple[Actor, ...],
    verb: Token,
    *,
    trigger: CharSpan,
    event_id: str,
    ontology: Ontology,
) -> CodedEvent | None:
    """The accusation a reported ``event`` (ASSAULT or COERCE) makes of its actors, by the
    ``speakers`` of the speech ``verb`` (``trigger`` is its span); None when it makes none."""
    accusing = accusers(speakers, event.actors)
    mapped = ontology.plover_of(ACCUSE_CAMEO)
    stated = find_modality(verb)
    if not accusing or mapped is None:
        return None
    if stated.modality not in (Modality.ASSERTED, Modality.REPORTED):
        return None
    accused = alleged_perpetrators(event.actors)
    goldstein = ontology.goldstein(ACCUSE_CAMEO)
    return replace(
        event,
        id=event_id,
        type=mapped[0],
        mode=mapped[1] or None,
        cameo=ACCUSE_CAMEO,
        score=goldstein,
        goldstein=goldstein,
        quad_class=ontology.quad_class(mapped[0]),
        actors=accusing,
        recipients=accused,
        modality=stated.modality,
        trigger=trigger,
        confidence=round(event.confidence * 0.8, 3),
        explanation=Explanation(
            lexicon_entry=f"speech verb '{verb.text}' reporting {event.type}",
            rule=f"allegation: the speaker reports {event.type} by another party",
            actor_evidence=tuple(f"{a.text} -> {a.code}: {a.evidence}" for a in accusing + accused),
            modality_cue=stated.cue,
            date_rule=event.explanation.date_rule,
        ),
        quote=None,
    )
