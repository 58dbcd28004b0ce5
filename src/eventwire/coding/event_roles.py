"""Who did it and to whom: an event's actors and recipients among the document's mentions, in
the context of its sentence (the role grammar of :mod:`.roles` resolved through
:mod:`.actors` and placed by :mod:`.context`; the rules for roles a sentence leaves unsaid are
in :mod:`.implicit_roles`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from eventwire.coding.actor_objects import is_actor_phrase
from eventwire.coding.actor_phrases import LOCAL_PLACE_KINDS
from eventwire.coding.actors import DocActors
from eventwire.coding.censure import called_thing
from eventwire.coding.context import FOREIGN_NOTE, SentenceContext, called_foreign, same_actor
from eventwire.coding.implicit_roles import (
    attacker_words,
    circumstance_event,
    earlier_event_actors,
    fired_from,
    launch_sites,
    modifier_tree,
    one_per_country,
    protested_government,
    subject_launch_sites,
    unidentified_attackers,
)
from eventwire.coding.recipients import recipient_roles, verb_phrase_roles
from eventwire.coding.roles import SENDING_VERBS, RoleTokens, subject_undergoes
from eventwire.coding.triggers import CENSURE_REQUIREMENT, TriggerMatch
from eventwire.knowledge import Lexicon
from eventwire.knowledge.ontology import RECIPROCAL_TYPES
from eventwire.nlp.quotes import SPEECH_LEMMAS
from eventwire.records import Actor, CodedEvent, Place

# Violence reported in the passive with no agent is still coded, with an unidentified actor.
UNATTRIBUTED_TYPES = frozenset({"ASSAULT", "COERCE"})
MUTUAL_FLAGS = frozenset({"reciprocal", "joint"})


@dataclass(frozen=True, slots=True)
class SentenceRoles:
    """Finds roles for the events of one sentence; ``coded`` is the document's events so far
    (a definite event noun may name an earlier event's actors)."""

    actors: DocActors
    context: SentenceContext
    lexicon: Lexicon
    coded: Sequence[CodedEvent]

    def resolve_all(self, heads: tuple[Token, ...]) -> tuple[Actor, ...]:
        found: list[Actor] = []
        for head in heads:
            foreign = called_foreign(head)
            for resolved in self.actors.resolve(head):
                actor = resolved
                if actor.country is None and foreign:
                    actor = replace(actor, evidence=f"{actor.evidence}; {FOREIGN_NOTE}")
                if all(actor.country != a.country or actor.country is None for a in found):
                    found.append(actor)
        return tuple(found)

    def implicit_actors(
        self, match: TriggerMatch, location: Place | None
    ) -> tuple[tuple[Actor, ...], str]:
        """The actor of an attack reported without one (:mod:`.implicit_roles`): named by the
        attack noun of its circumstance ("killed in an Israeli air strike"), else the place a
        projectile was fired from, else unidentified attackers."""
        if match.entry.type not in UNATTRIBUTED_TYPES:
            return (), "no subject"
        found = circumstance_event(match.anchor, match.entry.type, self.lexicon)
        if found is not None:
            words = attacker_words(found[0], mutual="reciprocal" in found[1].flags)
            local = {
                m.actor.span
                for w in words
                for t in modifier_tree(w)
                if (m := self.actors.by_token.get(t.i)) is not None and m.kind in LOCAL_PLACE_KINDS
            }
            named = self.context.place_actors(self.resolve_all(tuple(words)), location)
            attackers = one_per_country(a for a in named if a.span not in local)
            if attackers:
                return attackers, f"named by the attack '{found[0].text}'"
        for site in launch_sites(match.anchor) + subject_launch_sites(match.anchor):
            mention = self.actors.by_token.get(site.i)
            if mention is not None and mention.actor.country and self.context.place_at(site):
                return (fired_from(mention.actor),), f"fired from '{mention.actor.text}'"
        return self.unidentified(match, location)

    def unidentified(
        self, match: TriggerMatch, location: Place | None
    ) -> tuple[tuple[Actor, ...], str]:
        """The unidentified attackers of a passive attack (:mod:`.implicit_roles`)."""
        victims, _ = self.recipients(match, (), location)
        if not victims:
            return (), "no subject"
        place = location or self.context.sentence_place()
        named = self.context.countries() - {v.country for v in victims}
        named -= self._reporters(match.anchor)  # "the German government said X was poisoned"
        actor = unidentified_attackers(victims, place, named)
        return (actor,), "unidentified actor of a passive attack"

    def _reporters(self, verb: Token) -> set[str | None]:
        """The countries of who reports the clause the verb is in ("the German government
        said ..."): no candidates for its unnamed actor."""
        found: set[str | None] = set()
        for head in verb.ancestors:
            if head.lemma_.lower() not in SPEECH_LEMMAS:
                continue
            for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
                found |= {a.country for a in self.resolve_all((subject,))}
        return found

    def recipients(
        self, match: TriggerMatch, actors: tuple[Actor, ...], location: Place | None
    ) -> tuple[tuple[Actor, ...], str]:
        """The first recipient candidate that resolves to an actor other than the actor;
        ``location`` is the event's place (``SentenceContext.location``)."""
        exclude = {match.trigger.i} if match.trigger.i != match.anchor.i else set()
        if match.entry.with_dep == "dobj":
            exclude |= {
                c.i
                for c in match.trigger.children
                if c.dep_ in ("dobj", "nsubjpass")
                and c.lemma_.lower() == match.entry.with_lemma
                and not is_actor_phrase(c, self.lexicon)  # "expelled the Libyan ambassador"
            }
        sent = match.entry.type == "AID" and match.anchor.lemma_.lower() in SENDING_VERBS
        if match.entry.type == "MOBILIZE" or sent:
            # "will send 500 troops to the Sahel", "sent doctors to Turkey": its own people
            movers = (match.trigger, match.anchor)  # "put the army on alert"
            exclude |= {c.i for verb in movers for c in verb.children if c.dep_ == "dobj"}
        if match.entry.with_lemma == CENSURE_REQUIREMENT:  # "called the US move a provocation"
            called = called_thing(match.trigger)
            roles = [RoleTokens((called,), "what was called so")] if called is not None else []
            return self.first_resolved(roles, actors, location)
        flags = match.entry.flags  # joint exercises are mutual when two countries hold them
        mutual = bool(flags & MUTUAL_FLAGS) or match.entry.type in RECIPROCAL_TYPES
        roles = recipient_roles(
            match.trigger,
            match.anchor,
            exclude=frozenset(exclude),
            verb_phrase=match.roles is not None,
            undergoer=undergoes(match),
            venue=mutual,
        )
        found, rule = self.first_resolved(roles, actors, location)
        if not found:
            found, rule = earlier_event_actors(match.anchor, actors, self.coded, self.lexicon)
        if not found and match.entry.type == "PROTEST":
            found, rule = protested_government(location or self.context.sentence_place())
        if not found and not (mutual and len({a.country for a in actors if a.country}) > 1):
            # only actors the phrase names: context would place any role noun in it
            found, rule = self.first_resolved(
                verb_phrase_roles(match.anchor), actors, location, place=False
            )
        return found, rule

    def first_resolved(
        self,
        roles: list[RoleTokens],
        actors: tuple[Actor, ...],
        location: Place | None,
        *,
        place: bool = True,
    ) -> tuple[tuple[Actor, ...], str]:
        """The first candidate resolving to an actor with a country, other than the actor;
        with ``place``, actors known only by role are placed by the context."""
        for candidate in roles:
            resolved = self.resolve_all(candidate.heads)
            if place:
                resolved = self.context.place_actors(resolved, location)
            found = tuple(r for r in resolved if r.country and not same_actor(r, actors))
            if found:  # placing by context can make two mentions one actor: keep it once
                first = {r.code: r for r in reversed(found)}
                return tuple(r for r in found if first[r.code] is r), candidate.rule
        return (), "no recipient"


def undergoes(match: TriggerMatch) -> bool:
    """Is a built-in verb trigger one whose subject undergoes the event ("died in ...")?"""
    trigger = match.trigger
    return not match.entry.source and trigger.i == match.anchor.i and subject_undergoes(trigger)
