"""Where an event happens, and the context that places actors known only by role.

When a sentence names someone only by role ("police", "protesters", "Vice-President Awori"),
PLOVER coders place them with the evidence at hand, in this order, and with lower confidence:
the event's own place ("in Karachi"), a place named "in X" in the sentence, the one state the
sentence names, the article's dateline, and for an article with no dateline (most web pages
and feeds) the country it is about: the state it names most, when one clearly dominates
(:func:`story_country`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from eventwire.coding.actor_phrases import PLACE_KIND_BASES
from eventwire.coding.actors import DocActors, ResolvedMention
from eventwire.coding.references import OBJECT_ANTECEDENT
from eventwire.knowledge import Gazetteer
from eventwire.records import Actor, Place

# "foreign troops", "European leaders", "Gulf states": of some other country than the
# context's, or of a region; never placed by the context's country.
FOREIGN_WORDS = frozenset(
    {"foreign", "overseas", "european", "western", "gulf", "nordic", "scandinavian", "baltic",
     "balkan", "caribbean", "latin"}
)  # fmt: skip
# Not here: "Arab", "African", "Asian", which also name people of the country itself ("Arab
# residents of Jerusalem", "Asian youths in Bradford").
# "foreign minister", "foreign ministry": a title, not someone foreign
FOREIGN_TITLE_WORDS = frozenset(
    {"minister", "ministry", "secretary", "office", "affairs", "service", "policy", "relations"}
)
FOREIGN_NOTE = "called foreign or regional: not placed by context"

PLACE_KINDS = PLACE_KIND_BASES | {"country-ambiguous"}
INTERNATIONAL_CODES = frozenset({"IGO", "NGO", "IMG", "UNO", "EUR", "ISM", "MNC"})
# Actors without a country that context may place: role words, people, places, ethnic groups.
PLACEABLE_ROLES = frozenset({"place", "ethnic group"})
CONTEXT_CONFIDENCE = 0.6
STORY_CONFIDENCE = 0.5
# An article is about one country when it has this many sentences and names that state (its
# places and people included) this many times, and at least this share of its state mentions.
STORY_MIN_SENTENCES = 3
STORY_MIN_MENTIONS = 3
STORY_MIN_SHARE = 0.6


def dateline_country(dateline: str | None, gazetteer: Gazetteer) -> str | None:
    """The country a dateline names: 'SEOUL, South Korea' -> KOR; 'WASHINGTON' -> USA."""
    if not dateline:
        return None
    parts = [p.strip() for p in dateline.split("(")[0].split(",") if p.strip()]
    for part in reversed(parts):
        for form in (part, part.title()):
            entry = gazetteer.lookup(form)
            if entry is not None and entry.kind in PLACE_KINDS and entry.code:
                return entry.code
    return None


def story_country(actors: DocActors, sentences: int) -> str | None:
    """The country an article is about: the state its mentions name most, when the article
    has at least :data:`STORY_MIN_SENTENCES` sentences and that state has at least
    :data:`STORY_MIN_MENTIONS` mentions and :data:`STORY_MIN_SHARE` of all state mentions
    (international bodies, stances and ethnic groups left out). None otherwise: a story of
    two countries, or a single sentence, has no country of its own."""
    if sentences < STORY_MIN_SENTENCES:
        return None
    counts = Counter(c for m in actors.mentions if (c := _state_of(actors, m)))
    if not counts:
        return None
    country, top = counts.most_common(1)[0]
    share = top / sum(counts.values())
    return country if top >= STORY_MIN_MENTIONS and share >= STORY_MIN_SHARE else None


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """The places and states one sentence names, with the article's dateline country and,
    when it has no dateline, the country it is about."""

    actors: DocActors
    sentence: Span
    dateline_country: str | None
    story_country: str | None = None

    def place_at(self, token: Token) -> Place | None:
        """The gazetteer place a token belongs to, or None."""
        mention = self.actors.by_token.get(token.i)
        if mention is None or mention.kind not in PLACE_KINDS:
            return None
        actor = mention.actor
        return Place(name=actor.text, country=actor.country, span=actor.span)

    def location(self, trigger: Token, anchor: Token) -> Place | None:
        """The event's place: an 'in X' phrase on the trigger or its clause."""
        for token in (trigger, anchor):
            for child in token.children:
                if child.dep_ != "prep" or child.lower_ != "in":
                    continue
                for pobj in child.children:
                    place = self.place_at(pobj)
                    if place is not None:
                        return place
        return None

    def sentence_place(self) -> Place | None:
        """A place named 'in X' anywhere in the sentence ("in a sector of eastern Beirut")."""
        for token in self.sentence:
            if token.lower_ != "in" or token.dep_ != "prep":
                continue
            for inner in token.subtree:
                place = self.place_at(inner)
                if place is not None:
                    return place
        return None

    def countries(self) -> set[str]:
        """The states the sentence names (international bodies and stances left out)."""
        return {
            country
            for m in self.actors.mentions
            if self.sentence.start <= m.start < self.sentence.end
            and (country := _state_of(self.actors, m))
        }

    def place_actors(
        self, actors: tuple[Actor, ...], location: Place | None, *, by_names: bool = True
    ) -> tuple[Actor, ...]:
        """Give actors known only by role, name or place the country the context indicates;
        without ``by_names`` not the one state the sentence names (a receiver is not of its
        giver's country: "rebels received weapons from Iran")."""
        if not any(_placeable(a) for a in actors):
            return actors  # nothing to place: skip reading the sentence's places and states
        where_place = location or self.sentence_place()
        named = self.countries() if by_names else set()
        confidence = CONTEXT_CONFIDENCE
        if where_place is not None:
            country, where = where_place.country, f"place '{where_place.name}'"
        elif len(named) == 1:
            country, where = next(iter(named)), "the one country the sentence names"
        elif self.dateline_country is not None:
            country, where = self.dateline_country, "the dateline"
        else:
            country, where = self.story_country, "the country the article is about"
            confidence = STORY_CONFIDENCE
        if country is None:
            return actors
        return tuple(
            replace(
                a,
                country=country,
                evidence=f"{a.evidence}; country from {where}",
                confidence=confidence,
            )
            if _placeable(a)
            else a
            for a in actors
        )


def _state_of(actors: DocActors, mention: ResolvedMention) -> str | None:
    """The state a mention names: its country, unless it is an international body, a stance
    ("anti-Syria") or an ethnic group."""
    country = mention.actor.country
    if not country or country in INTERNATIONAL_CODES or actors.not_membership(mention):
        return None
    return country


def _placeable(actor: Actor) -> bool:
    """An actor without a country but known by role, name or sector, which context can place;
    never one called foreign ("foreign security forces" are not the country's own)."""
    return (
        actor.country is None
        and bool(actor.sectors or actor.name or actor.role in PLACEABLE_ROLES)
        and FOREIGN_NOTE not in actor.evidence
    )


def called_foreign(head: Token) -> bool:
    """Is the noun called foreign or regional ("foreign troops", "European leaders")? Not in
    a title ("the foreign minister")."""
    doc = head.doc
    return any(
        t.lower_ in FOREIGN_WORDS
        and t.dep_ in ("amod", "compound", "nmod")
        and doc[t.i + 1].lower_ not in FOREIGN_TITLE_WORDS
        for t in doc[head.left_edge.i : head.i]
    )


def named_actor(actors: tuple[Actor, ...]) -> bool:
    """Is an actor named outright (a country, capital, organisation, person), not inferred?"""
    return any(
        a.country and a.confidence >= 0.9 and not a.evidence.startswith("pronoun") for a in actors
    )


def same_actor(candidate: Actor, actors: tuple[Actor, ...]) -> bool:
    """Is a recipient candidate the actor itself (same mention, same person, or a pronoun
    referring back to it)?

    Domestic events keep their recipient: police arresting protesters, a curfew in the capital.
    With a compound actor, each country may also be a recipient (reciprocal events), but not
    through a pronoun referring back to it ("A, B and C presented their credentials").
    """
    back = candidate.evidence.startswith("pronoun") and OBJECT_ANTECEDENT not in candidate.evidence
    if len({a.country for a in actors}) > 1:
        return back and any(candidate.country == a.country for a in actors)
    return any(
        candidate.country == a.country
        and (
            (candidate.span is not None and candidate.span == a.span)
            or (candidate.name is not None and candidate.name == a.name)
            or back
        )
        for a in actors
    )
