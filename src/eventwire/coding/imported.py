"""Imported TABARI/PETRARCH verb dictionaries and discard lists, as the coder uses them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from eventwire.coding.np import conjuncts_of
from eventwire.coding.recipients import PHRASE_PART_DEPS, phrase_nouns
from eventwire.coding.triggers import TriggerMatch
from eventwire.coding.verb_patterns import match_imported_verb, prep_objects
from eventwire.knowledge import Ontology
from eventwire.knowledge.tabari_discards import TabariDiscards, read_discard_list
from eventwire.knowledge.tabari_verbs import VerbDictionary, read_verb_dictionary
from eventwire.records import Actor


@dataclass(frozen=True, slots=True)
class ImportedKnowledge:
    """Read-only imported verbs and discards (none by default)."""

    verbs: tuple[VerbDictionary, ...] = ()
    discards: tuple[TabariDiscards, ...] = ()
    version: str = ""  # short hash of the imported files' contents; "" when none

    def sentence_discard(self, text: str) -> str | None:
        return next((p for d in self.discards if (p := d.sentence_phrase(text))), None)

    def story_discard(self, text: str) -> str | None:
        return next((p for d in self.discards if (p := d.story_phrase(text))), None)


def load_imported(
    verb_dictionaries: Sequence[Path], discard_lists: Sequence[Path]
) -> ImportedKnowledge:
    """Read the files; LexiconError if one cannot be read (bad lines are skipped)."""
    verbs = tuple(read_verb_dictionary(path)[0] for path in verb_dictionaries)
    discards = tuple(read_discard_list(path)[0] for path in discard_lists)
    digest = hashlib.sha256()
    for path in (*verb_dictionaries, *discard_lists):
        digest.update(path.read_bytes())
    version = digest.hexdigest()[:12] if verbs or discards else ""
    return ImportedKnowledge(verbs=verbs, discards=discards, version=version)


def imported_matches(
    sent: Span, knowledge: ImportedKnowledge, ontology: Ontology
) -> tuple[list[TriggerMatch], frozenset[int]]:
    """Trigger matches of the imported verbs in a sentence, and the indexes of every token
    an imported verb claimed (events and non-events alike), which built-in triggers skip."""
    if not knowledge.verbs:
        return [], frozenset()
    found: list[TriggerMatch] = []
    covered: set[int] = set()
    for token in sent:
        match = match_imported_verb(token, sent, knowledge.verbs, ontology)
        if match is None:
            continue
        covered.add(token.i)
        if match.entry is not None:
            found.append(
                TriggerMatch(
                    match.entry,
                    token,
                    token,
                    "imported verb pattern",
                    roles=match.roles,
                    reverse_code=match.reverse_code,
                )
            )
    return found, frozenset(covered)


def _with_conjuncts(heads: Sequence[Token]) -> tuple[Token, ...]:
    return tuple(token for head in heads for token in conjuncts_of(head))


def slot_actor(
    verb: Token, slot: tuple[int, int], resolve: Callable[[Token], tuple[Actor, ...]]
) -> tuple[Token, ...]:
    """The heads of the actor a pattern's role mark names by position: the first noun of the
    verb's phrase after token ``slot[0]`` that resolves to an actor with a country, after
    skipping ``slot[1]`` such nouns ("* IFTAR IN ^ +": the actor after the one after "in")."""
    after, skips = slot
    if after < 0:
        return ()
    return _nth_actor((n for n in phrase_nouns(verb) if n.i > after), skips, resolve)


def slot_before(
    verb: Token, slot: tuple[int, int], resolve: Callable[[Token], tuple[Actor, ...]]
) -> tuple[Token, ...]:
    """The heads of the actor nearest before token ``slot[0]`` in the sentence, after
    skipping ``slot[1]`` actors ("+ HOSTING *": whoever is hosting)."""
    before, skips = slot
    if before < 0:
        return ()
    nouns = [
        t
        for t in verb.sent
        if t.i < before and t.pos_ in ("PROPN", "NOUN") and t.dep_ not in PHRASE_PART_DEPS
    ]
    return _nth_actor(reversed(nouns), skips, resolve)


def _nth_actor(
    nouns: Iterable[Token], skips: int, resolve: Callable[[Token], tuple[Actor, ...]]
) -> tuple[Token, ...]:
    """The heads (with conjuncts) of the noun after ``skips`` others, among ``nouns`` that
    resolve to an actor with a country."""
    for noun in nouns:
        if not any(a.country for a in resolve(noun)):
            continue
        if skips:
            skips -= 1
            continue
        return tuple(conjuncts_of(noun))
    return ()


def pattern_role_heads(
    match: TriggerMatch, resolve: Callable[[Token], tuple[Actor, ...]] | None = None
) -> tuple[tuple[tuple[Token, ...], ...], tuple[Token, ...]]:
    """Candidate source phrases (each a group of heads, first that resolves wins) and the
    target heads the imported pattern names (empty: the role grammar decides). "FROM $" ->
    the object of "from"; "+ WAS_ *" -> the subject is the target; "WITH +" -> the object of
    "with"; "IN ^ +", "TABASKI $" -> an actor by position (with ``resolve``, which tells
    the actors a noun names)."""
    roles = match.roles
    if roles is None:
        return (), ()
    verb = match.anchor
    source: tuple[tuple[Token, ...], ...] = ()
    target: tuple[Token, ...] = ()
    if roles.source_prep:
        objects = _with_conjuncts(prep_objects(verb, roles.source_prep))
        source = (objects,) if objects else ()
    if roles.target_prep:
        target = _with_conjuncts(prep_objects(verb, roles.target_prep))
    if resolve is not None:
        placed = slot_actor(verb, roles.source_slot, resolve)
        placed = placed or slot_before(verb, roles.source_before, resolve)
        source = (placed,) if placed else source
        target = slot_actor(verb, roles.target_slot, resolve) or target
        target = slot_before(verb, roles.target_before, resolve) or target
    if roles.target_is_subject and not target:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        target = _with_conjuncts(subjects)
        if roles.source_after and not source:
            # "+ * MONEY $": the source is an actor in the verb's phrase, not its subject
            source = tuple((noun,) for noun in phrase_nouns(verb))
        elif not roles.source_after and not source and target and resolve is not None:
            # "NOTED + *": the subject is the target, so the source is the actor before it
            # ("Gondor's prime minister noted that Mordor regretted ...")
            earlier = slot_before(verb, (min(t.i for t in target), 0), resolve)
            source = (earlier,) if earlier else ()
    return source, target
