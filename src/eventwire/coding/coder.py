"""The coder: from a parsed article to PLOVER events with evidence, one pure pass per document."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.coding.actors import DocActors
from eventwire.coding.allegations import ALLEGED_TYPES, accusation, speech_verb
from eventwire.coding.assault_codes import weapon_subject
from eventwire.coding.confidence import event_confidence
from eventwire.coding.context import (
    SentenceContext,
    dateline_country,
    named_actor,
    same_actor,
    story_country,
)
from eventwire.coding.dedup import ARTICLE_DATE_RULE, merge_repeats
from eventwire.coding.discards import discard_reason
from eventwire.coding.event_dates import event_date
from eventwire.coding.event_roles import SentenceRoles, undergoes
from eventwire.coding.everyday_acts import everyday_use
from eventwire.coding.figurative import figurative
from eventwire.coding.implicit_roles import subject_launch_sites
from eventwire.coding.imported import (
    ImportedKnowledge,
    imported_matches,
    load_imported,
    pattern_role_heads,
)
from eventwire.coding.intent import as_stated
from eventwire.coding.official_acts import agentless_official_act, authorities, official_sector
from eventwire.coding.places import DocPlaces
from eventwire.coding.receipt import (
    RECEIPT_FLAG,
    RECEIVER_RULE,
    REFUSED_RECEIPT_CAMEO,
    giver_roles,
)
from eventwire.coding.recoding import recode
from eventwire.coding.roles import (
    DONE_TO_SOMEONE,
    is_passive,
    subject_roles,
    takes_part,
    unattributed_attempt,
)
from eventwire.coding.sport import sports_story
from eventwire.coding.triggers import (
    DEONTIC_REQUEST,
    TriggerMatch,
    find_triggers,
    without_carrying_verbs,
)
from eventwire.guards import Deadline
from eventwire.knowledge import Gazetteer, Lexicon, Ontology, load_lexicon, load_ontology
from eventwire.knowledge.geo import Geocoder, load_geocoder
from eventwire.knowledge.ontology import RECIPROCAL_TYPES
from eventwire.nlp.components import DATES_KEY, QUOTES_KEY, ActorSpans
from eventwire.records import (
    Actor,
    Article,
    CodedArticle,
    CodedEvent,
    DateInterval,
    Explanation,
    Mention,
    Modality,
    Place,
    Quote,
)
from eventwire.records import Span as CharSpan

CODER_VERSION = "0.1.0"
# Attitudes: "Israel is opposed to X" has its actor as (passive) subject.
STATIVE_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "AGREE"})
# Speaking to the media is a statement to the public, not a consultation with the media.
MEDIA_SECTOR = "JRN"


@dataclass(frozen=True, slots=True)
class CoderOptions:
    """What the coder keeps: events need an actor with a resolved country by default, or an
    actor known by role (sector) acting on a recipient with a country ("---LEG" -> IRNGOV).

    ``verb_dictionaries`` are TABARI/PETRARCH verb dictionaries whose verbs and patterns are
    imported as triggers (earlier files win; an imported verb replaces the built-in entries
    of its word); ``discard_lists`` are TABARI/PETRARCH discard lists; with
    ``builtin_triggers=False`` only the imported verbs are triggers; ``geolocate`` resolves
    event places to coordinates with the GeoNames cities (``coding/places.py``).
    """

    require_actor_country: bool = True
    min_confidence: float = 0.0
    verb_dictionaries: tuple[Path, ...] = ()
    discard_lists: tuple[Path, ...] = ()
    builtin_triggers: bool = True
    geolocate: bool = True


@dataclass(frozen=True, slots=True)
class Coder:
    """Codes parsed documents. Holds only read-only knowledge, so it is safe to share."""

    lexicon: Lexicon
    gazetteer: Gazetteer
    ontology: Ontology
    options: CoderOptions = CoderOptions()
    imported: ImportedKnowledge = field(default_factory=ImportedKnowledge)
    geocoder: Geocoder | None = None

    @classmethod
    def for_pipeline(cls, nlp: Language, *, options: CoderOptions | None = None) -> Coder:
        """A coder using the gazetteer already loaded by the pipeline's actor component."""
        component = nlp.get_pipe("eventwire_actor_spans")
        if not isinstance(component, ActorSpans):
            raise TypeError(
                "the pipeline has no eventwire_actor_spans component; use load_pipeline()"
            )
        gazetteer = component.gazetteer
        options = options or CoderOptions()
        return cls(
            lexicon=load_lexicon().with_actor_words(gazetteer.agents),
            gazetteer=gazetteer,
            ontology=load_ontology(),
            options=options,
            imported=load_imported(options.verb_dictionaries, options.discard_lists),
            geocoder=load_geocoder() if options.geolocate else None,
        )

    @property
    def lexicon_version(self) -> str:
        imported = f"+imported-{self.imported.version}" if self.imported.version else ""
        return f"{self.lexicon.version}+{self.gazetteer.version}{imported}"

    def code(self, doc: Doc, article: Article, *, deadline: Deadline | None = None) -> CodedArticle:
        """All events, actor mentions, quotes and dates of one parsed article.

        With a ``deadline``, coding checks it before each sentence and raises
        :class:`~eventwire.errors.CodingTimeoutError` once it has passed.
        """
        return _DocumentCoder(self, doc, article, deadline).run()


class _DocumentCoder:
    """The state of coding one document; discarded afterwards."""

    def __init__(
        self, coder: Coder, doc: Doc, article: Article, deadline: Deadline | None = None
    ) -> None:
        self.coder = coder
        self.deadline = deadline
        self.doc = doc
        self.article = article
        self.actors = DocActors(doc, coder.gazetteer, anchor=article.published)
        self.dates = list(doc.spans[DATES_KEY]) if DATES_KEY in doc.spans else []
        self.quotes = list(doc.spans[QUOTES_KEY]) if QUOTES_KEY in doc.spans else []
        self.sentences = self.actors.sentences  # split once per document
        self.sentence_of = {
            i: n for n, s in enumerate(self.sentences) for i in range(s.start, s.end)
        }  # token offsets, no Token objects
        self.dateline = dateline_country(article.dateline, coder.gazetteer)
        self.story = None if self.dateline else story_country(self.actors, len(self.sentences))
        self.places = DocPlaces.build(
            coder.geocoder,
            dateline=article.dateline,
            dateline_country=self.dateline,
            article_countries={m.actor.country for m in self.actors.mentions if m.actor.country},
        )
        self.coded: list[CodedEvent] = []
        self.matches: list[TriggerMatch] = []  # the triggers of the sentence being coded
        self.context = SentenceContext(
            self.actors, self.sentences[0] if self.sentences else doc[:0], self.dateline, self.story
        )
        self.roles = SentenceRoles(self.actors, self.context, coder.lexicon, self.coded)

    def run(self) -> CodedArticle:
        events: list[CodedEvent] = []
        imported = self.coder.imported
        # the texts are read only with discard lists: Doc.text makes a Token of every word
        discards = bool(imported.discards)
        story_discarded = (
            discards and imported.story_discard(self.doc.text) is not None
        ) or sports_story(self.doc)
        for sent in self.sentences:
            if self.deadline is not None:
                self.deadline.check(self.article.id, done=sent.start, total=len(self.doc))
            if story_discarded or (discards and imported.sentence_discard(sent.text)):
                continue
            self.context = SentenceContext(self.actors, sent, self.dateline, self.story)
            self.roles = SentenceRoles(self.actors, self.context, self.coder.lexicon, self.coded)
            self.matches = matches = self._matches(sent)
            seen: set[tuple[int, str]] = set()
            intents = {m.trigger.i for m in matches if "intent" in m.entry.flags}
            anchors = frozenset(m.anchor.i for m in matches)
            protests = frozenset(m.anchor.i for m in matches if m.entry.type == "PROTEST")
            for match in matches:
                key = (match.anchor.i, match.entry.type)
                if key in seen or discard_reason(match, intents, anchors, protests) is not None:
                    continue
                seen.add(key)
                event = self._event(match)
                if event is not None:
                    events.append(event)
                    self.coded.append(event)
                    for derived in (self._reverse(match, event), self._allegation(match, event)):
                        if derived is not None:
                            events.append(derived)
        quotes = tuple(self._quote(q) for q in self.quotes)
        mentions = [
            Mention(self.article.id, self.sentence_of.get(m.start, 0), m.actor.span, m.actor)
            for m in self.actors.mentions
            if m.actor.span is not None
        ]
        mentions += [
            Mention(self.article.id, self.sentence_of.get(start, 0), actor.span, actor)
            for (start, _end), actor in sorted(self.actors.np_mentions.items())
            if actor.span is not None
        ]
        return CodedArticle(
            article=self.article,
            events=tuple(merge_repeats(events)),
            mentions=tuple(mentions),
            quotes=quotes,
            dates=tuple(d._.ew_interval for d in self.dates),
        )

    def _matches(self, sent: Span) -> list[TriggerMatch]:
        """Imported verb patterns first; built-in triggers on the other words."""
        imported, covered = imported_matches(sent, self.coder.imported, self.coder.ontology)
        if not self.coder.options.builtin_triggers:
            return imported
        builtin = [
            m
            for m in find_triggers(sent, self.coder.lexicon)
            if m.trigger.i not in covered
            and m.anchor.i not in covered
            and figurative(m, self.coder.lexicon) is None  # "took over as nominee"
            and everyday_use(m, self.coder.lexicon) is None  # "offered his condolences"
        ]
        builtin = without_carrying_verbs(builtin)
        return sorted(imported + builtin, key=lambda m: m.trigger.i)

    def _reverse(self, match: TriggerMatch, event: CodedEvent) -> CodedEvent | None:
        """An imported ``[032:033]`` pair: the same event from the target's side."""
        if not match.reverse_code or not event.recipients:
            return None
        if {a.code for a in event.recipients} == {a.code for a in event.actors}:
            return None
        mapped = self.coder.ontology.plover_of(match.reverse_code)
        if mapped is None:
            return None
        goldstein = self.coder.ontology.goldstein(match.reverse_code)
        return replace(
            event,
            id=_event_id(self.article.id, event.trigger.start, f"{mapped[0]}:reverse"),
            type=mapped[0],
            mode=mapped[1] or None,
            cameo=match.reverse_code,
            score=goldstein,
            goldstein=goldstein,
            quad_class=self.coder.ontology.quad_class(mapped[0]),
            actors=event.recipients,
            recipients=event.actors,
        )

    def _allegation(self, match: TriggerMatch, event: CodedEvent) -> CodedEvent | None:
        """'X said Y attacked Z' is also X accusing Y (see :mod:`eventwire.coding.allegations`)."""
        if event.type not in ALLEGED_TYPES or event.modality is not Modality.REPORTED:
            return None
        verb = speech_verb(match.anchor)
        if verb is None:
            return None
        speakers: tuple[Actor, ...] = ()
        for candidate in subject_roles(verb):
            speakers = self.context.place_actors(self.roles.resolve_all(candidate.heads), None)
            if speakers:
                break
        trigger = self._char_span(verb.i, verb.i + 1)
        return accusation(
            event,
            speakers,
            verb,
            trigger=trigger,
            event_id=_event_id(self.article.id, trigger.start, "ACCUSE"),
            ontology=self.coder.ontology,
        )

    def _actors(
        self,
        match: TriggerMatch,
        location: Place | None,
        source_groups: tuple[tuple[Token, ...], ...],
        *,
        receipt: bool,
    ) -> tuple[tuple[Actor, ...], str]:
        """Who did it, and by which rule: the clause's subject roles, a source an imported
        pattern names, the authorities for an official act, an implicit attacker."""
        entry, trigger, anchor = match.entry, match.trigger, match.anchor
        official = official_sector(entry) is not None  # "was charged in ...": done to it
        done_to = match.roles is None and anchor.lemma_.lower() in DONE_TO_SOMEONE
        stative = entry.type in STATIVE_TYPES and entry.pos == "VERB" and not (official or done_to)
        actors: tuple[Actor, ...] = ()
        subject_rule = "no subject"
        undergoer = undergoes(match)  # "soldiers died in ...": the subject is the victim
        own_noun = anchor.i == trigger.i and anchor.pos_ in ("NOUN", "PROPN")
        roles = () if undergoer else subject_roles(anchor, stative=stative, event_noun=own_noun)
        for candidate in roles:
            actors = self.context.place_actors(
                self.roles.resolve_all(candidate.heads), location, by_names=not receipt
            )
            subject_rule = candidate.rule
            if any(a.country for a in actors):
                break
        for group in source_groups:
            named = self.context.place_actors(self.roles.resolve_all(group), location)
            if any(a.country for a in named):
                return named, "source named by the imported pattern"
        official_act = not any(a.country for a in actors) and agentless_official_act(match)
        if official_act:  # never the unidentified attackers of the person's own country
            return authorities(match, self.context.place_at, self.dateline, self.story)
        implicit = (
            (is_passive(anchor) and not takes_part(anchor))
            or undergoer
            or bool(subject_launch_sites(anchor))
            or weapon_subject(anchor, self.coder.lexicon)
            or unattributed_attempt(anchor)
        )
        if not any(a.country for a in actors) and implicit:
            return self.roles.implicit_actors(match, location)
        return actors, subject_rule

    def _event(self, match: TriggerMatch) -> CodedEvent | None:
        entry, trigger, anchor = match.entry, match.trigger, match.anchor
        location = self.context.location(trigger, anchor)
        receipt = RECEIPT_FLAG in entry.flags and not entry.source
        source_groups, target_heads = pattern_role_heads(match, self.actors.resolve)
        actors, subject_rule = self._actors(match, location, source_groups, receipt=receipt)
        if receipt:  # "received weapons from Iran": the giver acts on the receiver
            recipients = tuple(a for a in actors if a.country)
            recipient_rule = f"{subject_rule}: {RECEIVER_RULE}"
            actors, subject_rule = self.roles.first_resolved(
                giver_roles(anchor), recipients, location
            )
        actor_countries: set[str] = {a.country for a in actors if a.country}
        # "Congress", "the police" with no country: kept when the recipient has one (built-in
        # triggers; imported patterns code country dyads, as TABARI does)
        by_role = match.roles is None and bool(actors) and all(a.sectors for a in actors)
        if self.coder.options.require_actor_country and not actor_countries and not by_role:
            return None
        targets = self.context.place_actors(self.roles.resolve_all(target_heads), location)
        targets = tuple(r for r in targets if r.country and not same_actor(r, actors))
        if targets:
            recipients, recipient_rule = targets, "target named by the imported pattern"
        elif not receipt:
            recipients, recipient_rule = self.roles.recipients(match, actors, location)
        if self.coder.options.require_actor_country and not actor_countries and not recipients:
            return None  # a role with no country needs a recipient that has one
        if "weak" in entry.flags and not recipients and not named_actor(actors):
            return None  # an ambiguous word needs a recipient or a named political actor
        if match.roles is not None and not recipients and len(actor_countries) < 2:
            return None  # TABARI/PETRARCH patterns code source-target dyads only
        recoded = recode(
            match,
            actors,
            recipients,
            matches=self.matches,
            mentions=self.actors,
            lexicon=self.coder.lexicon,
            ontology=self.coder.ontology,
        )
        (event_type, cameo, mode), recoding = recoded or (
            (entry.type, entry.cameo, entry.mode or None),
            "",
        )
        reciprocal = "reciprocal" in entry.flags or event_type in RECIPROCAL_TYPES
        if reciprocal and not recipients and len(actor_countries) >= 2:
            recipients, recipient_rule = actors, "reciprocal: actors act on each other"
        if event_type == "CONSULT" and not recipients:
            return None  # a consultation has two sides: "the Cabinet met", "he spoke at a rally"
        if event_type == "CONSULT" and all(MEDIA_SECTOR in r.sectors for r in recipients):
            return None  # "speaking to the BBC", "told reporters": a statement, no meeting
        if match.entry == DEONTIC_REQUEST and not recipients:
            return None  # "Iran said it must defend itself" demands nothing of anyone else
        in_quote = self._quote_at(trigger.i)
        coded, modality, cue = as_stated(
            match, (event_type, cameo, mode), in_quote=in_quote is not None
        )
        event_type, cameo, mode = coded
        if receipt and event_type == "REJECT" and recipients:  # the receiver refuses
            actors, recipients, cameo = recipients, actors, REFUSED_RECEIPT_CAMEO
            subject_rule, recipient_rule = recipient_rule, subject_rule
        date, date_rule = self._date(trigger, anchor)
        sent = self.sentences[self.sentence_of[trigger.i]]
        confidence = event_confidence(entry.flags, match, actors, recipients, modality)
        if confidence < self.coder.options.min_confidence:
            return None
        trigger_span = self._char_span(trigger.i, trigger.i + 1)
        return CodedEvent(
            id=_event_id(self.article.id, trigger_span.start, event_type),
            article_id=self.article.id,
            type=event_type,
            mode=mode,
            contexts=(),
            cameo=cameo,
            score=self.coder.ontology.goldstein(cameo),
            goldstein=self.coder.ontology.goldstein(cameo),
            quad_class=self.coder.ontology.quad_class(event_type),
            actors=actors,
            recipients=recipients,
            date=date,
            modality=modality,
            trigger=trigger_span,
            sentence_index=self.sentence_of[trigger.i],
            sentence=self._char_span(sent.start, sent.end, strip=True),
            confidence=confidence,
            explanation=Explanation(
                lexicon_entry=entry.label,
                rule=f"{match.rule}; {f'recoded: {recoding}; ' if recoding else ''}"
                f"actor: {subject_rule}; recipient: {recipient_rule}",
                actor_evidence=tuple(
                    f"{a.text} -> {a.code}: {a.evidence}" for a in actors + recipients
                ),
                modality_cue=cue,
                date_rule=date_rule,
            ),
            location=self.places.event_place(location, trigger, anchor, self._char_span),
            quote=self._quote(in_quote) if in_quote is not None else None,
            coder_version=CODER_VERSION,
            lexicon_version=self.coder.lexicon_version,
        )

    def _date(self, trigger: Token, anchor: Token) -> tuple[DateInterval | None, str]:
        found = event_date(trigger, anchor, self.dates)
        if found is not None:
            return found
        published = self.article.published
        if published is None:
            return None, "no date"
        return DateInterval(published, published), ARTICLE_DATE_RULE

    def _char_span(self, start: int, end: int, *, strip: bool = False) -> CharSpan:
        span = self.doc[start:end]
        text = span.text
        begin = span.start_char
        if strip:
            stripped = text.strip()
            begin += len(text) - len(text.lstrip())
            text = stripped
        offset = self.actors.offset
        return CharSpan(begin + offset, begin + offset + len(text), text)

    def _quote_at(self, index: int) -> Span | None:
        return next((q for q in self.quotes if q.start <= index < q.end), None)

    def _quote(self, quote: Span) -> Quote:
        speaker_index = quote._.ew_speaker
        speaker: Actor | None = None
        speaker_text: str | None = None
        if speaker_index is not None:
            head = self.doc[speaker_index]
            resolved = self.actors.resolve(head)
            speaker = resolved[0] if resolved else None
            if speaker is not None and speaker.name in self.actors.person_names:
                speaker_text = speaker.name
            else:
                tokens = [t for t in head.subtree if not t.is_space]
                speaker_text = self.doc[tokens[0].i : tokens[-1].i + 1].text
        return Quote(
            article_id=self.article.id,
            sentence_index=self.sentence_of.get(quote.start, 0),
            span=self._char_span(quote.start, quote.end),
            speaker=speaker,
            speaker_text=speaker_text,
        )


def _event_id(article_id: str, trigger_start: int, event_type: str) -> str:
    raw = f"{article_id}\x1f{trigger_start}\x1f{event_type}".encode()
    return hashlib.sha256(raw).hexdigest()[:20]


__all__ = ["CODER_VERSION", "Coder", "CoderOptions"]
