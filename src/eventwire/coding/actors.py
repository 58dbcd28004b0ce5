"""Actor resolution across one document.

Reading the document in order, every gazetteer phrase, known person and title-bearing name becomes
a mention with a resolved :class:`~eventwire.records.Actor`. People are remembered by their full
name and by its first and last word, so "Blinken" or "Chung" later in the story resolve to the
person first named in full. Noun phrases used as event roles are resolved from the mentions they
contain, their head noun's sector ("police", "diplomats") and, for pronouns, the clause or the
preceding sentences' subjects.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.attrs import POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from eventwire.coding.actor_phrases import (
    ENVOY_NOUNS,
    a_person_by_a_place_name,
    a_place_kind,
    a_thing_named,
    based_in,
    compound_members,
    home_of_a_group,
    lone_name,
    merge_by_country,
    names_a_venue,
    one_person_or_post,
    part_of_a_name,
    stance_marked,
    through_quantity,
    unnamed_ngo,
)
from eventwire.coding.np import is_pronoun, mention_root, np_tokens, owning_noun
from eventwire.coding.references import north_south, resolve_pronoun, the_two
from eventwire.coding.surnames import SAME_COUNTRY, named_person_actor, surname_actor
from eventwire.knowledge import Gazetteer
from eventwire.knowledge.gazetteer import AgentEntry
from eventwire.knowledge.tabari import IMPORTED_KIND
from eventwire.nlp.components import ACTORS_KEY, QUOTES_KEY
from eventwire.records import Actor
from eventwire.records import Span as CharSpan

# "Pakistan, a key U.S. ally", "Syria, Iran's closest partner": a relation to another actor
RELATION_NOUNS = frozenset(
    {"ally", "partner", "neighbour", "neighbor", "rival", "enemy", "foe", "friend", "client",
     "backer", "supporter", "critic", "adversary", "proxy", "satellite", "creditor", "debtor"}
)  # fmt: skip
# "the Libyan ambassador to Greece", "the UN envoy to Syria": where an envoy is posted is not
# whom the envoy represents
POST_PREPS = frozenset({"to", "in", "at"})
# "the German chancellor in Paris": where a person or post abroad is says not whose it is
LOCATIVE_PREPS = frozenset({"in", "at"})
NAMING_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
# "China's claim to Arunachal Pradesh": a thing a state owns is its alone
OWNED_THING_PREPS = frozenset({"to", "on", "over", "for", "against", "with", "in", "at"})
# "its offensive against Iraq": whom an act is against did not do it
OPPONENT_PREPS = frozenset({"against"})
# Places attacked, shelled or visited: they belong to the country the sentence places them in.
PLACE_NOUNS = frozenset(
    {"village", "town", "city", "area", "region", "district", "province", "border", "camp",
     "base", "position", "territory", "neighborhood", "neighbourhood", "outpost", "port",
     "airport", "embassy", "consulate", "capital", "settlement", "hospital", "school"}
)  # fmt: skip
MAX_AGENT_WORDS = 6  # the longest agent phrase looked for from a phrase's head on


def _phrase_tokens(head: Token, preps: frozenset[str]) -> set[int]:
    """The words of the head's phrases with these prepositions ("to Greece", "against Iraq")."""
    return {t.i for c in head.children if c.dep_ == "prep" and c.lower_ in preps for t in c.subtree}


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """An actor mention: token range [start, end) and the resolved actor."""

    start: int
    end: int
    actor: Actor
    kind: str = ""
    also: tuple[Actor, ...] = ()  # the other members of a compound actor ("the Shire")


class DocActors:
    """Actor mentions of one parsed document, built once, then queried by the coder."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, *, anchor: date | None) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.anchor = anchor
        self.offset: int = doc._.ew_offset
        self.sentences: list[Span] = list(doc.sents)
        self.by_token: dict[int, ResolvedMention] = {}
        self.mentions: list[ResolvedMention] = []
        self.np_mentions: dict[tuple[int, int], Actor] = {}
        self.aliases: dict[str, Actor] = {}
        self.person_names: set[str] = set()
        self._ambiguous_aliases: set[str] = set()
        self._names_with_word: dict[str, set[str]] = {}  # "Khan": {"Sadiq Khan", "Usman Khan"}
        self._quote_of_token: dict[int, Span] = {}
        for quote in doc.spans.get(QUOTES_KEY, ()):
            for token in quote:
                self._quote_of_token[token.i] = quote
        # the document's people; a name with "the" heading its own phrase is none ("sent troops
        # to the Sahel"; "the Biden administration" keeps Biden)
        self.people = [e for e in doc.ents if e.label_ == "PERSON" and not a_thing_named(e)]
        self._build()

    # -- building -------------------------------------------------------------------------

    def quote_speaker(self, token: Token) -> Token | None:
        """The speaker of the quote a token is in, if the quote has one."""
        quote = self._quote_of_token.get(token.i)
        speaker = quote._.ew_speaker if quote is not None else None
        return None if speaker is None else self.doc[speaker]

    def char_span(self, start: int, end: int) -> CharSpan:
        """Character span in the article text for tokens [start, end)."""
        span = self.doc[start:end]
        return CharSpan(span.start_char + self.offset, span.end_char + self.offset, span.text)

    def _build(self) -> None:
        doc = self.doc
        spans = {s.start: s for s in doc.spans[ACTORS_KEY]} if ACTORS_KEY in doc.spans else {}
        persons = {e.start: e for e in self.people}
        # read from the Doc's arrays: a Token object for every word cost a fifth of this pass
        proper = doc.to_array(POS) == PROPN
        i, length = 0, len(doc)
        while i < length:
            if i in spans:
                found = self._from_gazetteer(spans[i])
                if found is not None:
                    kind = spans[i].label_
                    entry = self.gazetteer.lookup(spans[i].kb_id_.partition(":")[2])
                    if entry is not None and kind != "people":
                        kind = entry.kind
                    also = compound_members(found, entry) if kind != "people" else ()
                    self._add(spans[i].start, spans[i].end, found, kind=kind, also=also)
                    i = spans[i].end
                    continue
            if i in persons:
                ent = persons[i]
                end = ent.end - 1 if ent[-1].tag_ == "POS" else ent.end
                self._add(ent.start, end, self._from_person(doc[ent.start : end]), kind="person")
                i = ent.end
                continue
            if not proper[i]:  # only proper names are surnames
                i += 1
                continue
            token = doc[i]
            alias = self.aliases.get(token.text)
            if alias is not None:
                surname = replace(alias, text=token.text, evidence=f"surname of {alias.name}")
                self._add(i, i + 1, surname, kind="person")
            elif lone_name(token):
                # "Blinken criticised ...": the parser's entity type for a lone surname is
                # unreliable (GPE, ORG); someone in post by that name is that person
                found = self._from_surname(token.text)
                if (
                    found is not None
                    and found.confidence >= SAME_COUNTRY
                    and (found.name or "").split()[-1:] == [token.text]  # a family name
                ):
                    self._add(i, i + 1, found, kind="person")
            i += 1

    def _add(
        self, start: int, end: int, actor: Actor, *, kind: str, also: tuple[Actor, ...] = ()
    ) -> None:
        span = self.char_span(start, end)
        actor = replace(actor, span=span)
        also = tuple(replace(member, span=span) for member in also)
        mention = ResolvedMention(start, end, actor, kind, also)
        self.mentions.append(mention)
        for index in range(start, end):
            self.by_token[index] = mention

    def _remember(self, name: str, actor: Actor, *, named: bool = True) -> None:
        """Remember a person by full name and name words; ``named``: the document names them
        in full (not a surname taken for someone in post)."""
        if actor.name:
            self.person_names.add(actor.name)
        words = [w for w in name.replace("-", " ").split() if len(w) > 2 and w[0].isupper()]
        for alias in {name, *([words[0], words[-1]] if len(words) >= 2 else [])}:
            if named:
                self._names_with_word.setdefault(alias, set()).add(actor.name or name)
            known = self.aliases.get(alias)
            if known is not None and known.name != actor.name:
                self._ambiguous_aliases.add(alias)
            self.aliases[alias] = actor
        for alias in self._ambiguous_aliases:
            self.aliases.pop(alias, None)

    def _from_gazetteer(self, span: Span) -> Actor | None:
        source, _, phrase = span.kb_id_.partition(":")
        if source == "people":
            person = self.gazetteer.person(phrase, on=self.anchor)
            if person is None:
                return None
            actor = named_person_actor(person, span.text, self.anchor)
            self._remember(person.name, actor)
            return actor
        entry = self.gazetteer.lookup(phrase)
        if entry is None or entry.kind == "institution-ambiguous":
            return None
        if entry.kind.endswith("-ambiguous") and part_of_a_name(span, entry.kind, self.people):
            return None
        if a_person_by_a_place_name(span, entry.kind):
            return None
        misspelt = span.text.lower() != entry.phrase.lower()  # knowledge/spelling.py
        return Actor(
            text=span.text,
            country=entry.code,
            sectors=(entry.sector,) if entry.sector else (),
            name=entry.name if entry.source == "organisations" else None,
            evidence=f"{entry.source}.tsv {entry.kind}: {entry.phrase}"
            + (f" (written '{span.text}')" if misspelt else ""),
            confidence=0.7 if entry.kind == "city" or misspelt else 1.0,
        )

    def _from_person(self, ent: Span) -> Actor:
        name = ent.text
        known = self.aliases.get(name)
        if known is not None:
            return replace(known, text=name)
        person = self.gazetteer.person(name, on=self.anchor) or self.gazetteer.by_first_and_last(
            name, on=self.anchor
        )
        if person is not None:
            actor = named_person_actor(person, name, self.anchor)
            self._remember(name, actor)
            return actor
        if len(ent) == 1:
            by_surname = self._from_surname(name)
            if by_surname is not None:
                return by_surname
        country, sector, role, evidence = self._person_context(ent)
        actor = Actor(
            text=name,
            country=country,
            sectors=(sector,) if sector else (),
            name=name,
            role=role,
            evidence=evidence,
            confidence=0.9 if country else 0.5,
        )
        self._remember(name, actor)
        return actor

    def _from_surname(self, word: str) -> Actor | None:
        """A one-word name of someone in post on the article's date ("Blinken", "Xi"); not a
        name the document gave several people already ("Sadiq Khan ... Usman Khan ... Khan
        said" is one of them, not Imran Khan)."""
        actor = surname_actor(self.gazetteer, word, self.anchor)
        if actor is None or not actor.name:
            return actor
        named = self._names_with_word.get(word, set())
        if word in self._ambiguous_aliases and actor.name not in named:
            return None
        self._remember(actor.name, actor, named=False)
        return actor

    def _person_context(self, ent: Span) -> tuple[str | None, str | None, str | None, str]:
        """Nationality and title from words before the name or an apposition."""
        root = ent.root
        context: list[Token] = [t for t in root.subtree if t.i < ent.start]
        for child in root.children:
            if child.dep_ == "appos":
                context += list(child.subtree)
        if root.dep_ == "appos":
            context += [t for t in root.head.subtree if t.i < ent.start]
        country = None
        for token in context:
            mention = self.by_token.get(token.i)
            if mention is not None and mention.actor.country and not mention.actor.name:
                country = mention.actor.country
                break
        words = tuple(t.lower_ for t in context if not t.is_punct)
        title = self.gazetteer.longest_agent(words)
        sector = title.sector if title else None
        role = title.word if title else None
        if country:
            evidence = f"nationality+title: {' '.join(words)}"
        else:
            evidence = f"title only: {' '.join(words)}" if title else "unresolved person"
        return country, sector, role, evidence

    # -- resolving noun phrases -----------------------------------------------------------

    def resolve(self, head: Token, *, depth: int = 0) -> tuple[Actor, ...]:
        """The actors a noun phrase refers to (compound actors as several)."""
        if is_pronoun(head):
            return resolve_pronoun(self, head, depth=depth)
        head = through_quantity(head)
        tokens = np_tokens(head)
        found: list[Actor] = []
        seen: set[int] = set()
        base = based_in(head)
        head_entry = self.gazetteer.agent(head.lemma_.lower())
        head_is_agent = head_entry is not None
        described = self._appositive_tokens(head)
        if head.lemma_.lower() in ENVOY_NOUNS:
            described |= _phrase_tokens(head, POST_PREPS)
        if not head_is_agent:  # people against a government are its own ("rebels against ...")
            described |= _phrase_tokens(head, OPPONENT_PREPS)
        if not head_is_agent and self._owned(head):  # "China's claim to ...": China's alone
            described |= _phrase_tokens(head, OWNED_THING_PREPS)
        mention = self.by_token.get(head.i)
        one = one_person_or_post(head, mention.kind if mention else None, head_entry)
        where = _phrase_tokens(head, LOCATIVE_PREPS) if one else set()
        if where and self._placed_outside(head, where | described):
            described |= where  # "the German chancellor in Paris", "the US embassy in Baghdad"
        for token in tokens:
            if token.i in described:
                continue
            mention = self.by_token.get(token.i)
            if mention is not None and base is not None and mention.start <= base.i < mention.end:
                continue  # "a London-based group": London is where it is, not who it is
            if mention is not None:
                if id(mention) not in seen and not self.not_membership(mention):
                    seen.add(id(mention))
                    found.append(self._inner_agent(mention, head))
                    found.extend(
                        self._inner_agent(replace(mention, actor=member), head)
                        for member in mention.also
                    )
            elif token.dep_ == "poss" and is_pronoun(token) and depth < 2:
                found.extend(resolve_pronoun(self, token, depth=depth + 1))
        agent = self._head_agent(head, tokens)
        if not found:
            north = north_south(self, head)
            pair = the_two(self, head, depth=depth) if north is None else ()
            if north is not None:
                found.append(north)
            elif pair:
                found.extend(pair)
            elif base is None and (ngo := unnamed_ngo(head, tokens)) is not None:
                found.append(replace(ngo, span=self.char_span(head.i, head.i + 1)))
            elif agent is not None:
                found.append(
                    Actor(text=head.text, country=None, sectors=(agent,), evidence="agent word")
                )
            elif (head.i in self.by_token and self._ethnic(self.by_token[head.i])) or (
                head.ent_type_ == "NORP" and head.i not in self.by_token
            ):
                # "ethnic Albanians demonstrated in Serbia": the group is placed by context
                group = Actor(
                    text=head.text, country=None, role="ethnic group", evidence="ethnic group"
                )
                found.append(group)
            elif head.lemma_.lower() in PLACE_NOUNS:
                place = Actor(text=head.text, country=None, role="place", evidence="place noun")
                found.append(place)
        home = self.by_token.get(base.i) if base is not None else None
        if not found and home is not None and home.actor.country:
            found.append(
                Actor(
                    text=head.text,
                    country=home.actor.country,
                    sectors=(agent,) if agent is not None else (),
                    evidence=f"based in {home.actor.text}",
                    confidence=0.8,
                )
            )
        if head.i not in self.by_token and not is_pronoun(head):
            # "the sister of leader Kim Jong Un": the phrase names someone related to the
            # people it mentions, so it takes their country, not their identity.
            found = [self._related(a, head, tokens, agent) for a in found]
        head_mention = self.by_token.get(head.i)
        if head_mention is not None and agent is not None and not head_is_agent:
            # "Bree Prime Minister Romendacil": a title before the named actor is its role (but
            # "European Union" is not a labour union: the name's own head word is no title)
            found = [
                replace(a, sectors=(agent,))
                if a.span == head_mention.actor.span and not a.sectors
                else a
                for a in found
            ]
        actors = merge_by_country(found, head=None if head_mention is None else head_mention.actor)
        if actors:
            start, end = tokens[0].i, tokens[-1].i + 1
            self.np_mentions.setdefault(
                (start, end),
                replace(actors[0], text=self.doc[start:end].text, span=self.char_span(start, end)),
            )
        return actors

    def _appositive_tokens(self, head: Token) -> set[int]:
        """The words of an apposition saying how a named actor stands to another, which is no
        actor here ("Pakistan, a key U.S. ally": not the US)."""
        if head.i not in self.by_token:
            return set()
        return {
            t.i
            for c in head.children
            if c.dep_ == "appos" and c.lemma_.lower() in RELATION_NOUNS
            for t in c.subtree
        }

    def not_membership(self, mention: ResolvedMention) -> bool:
        """Mentions that do not say who the phrase's people are: "anti-Syria journalist",
        "pro-Russia rebels" (a stance), "ethnic Albanians" (an ethnic group, not a state),
        "a London-based group" (where it is based), "the Kyoto protocol" (where it was made)."""
        words = self.doc[mention.start : mention.end]
        if stance_marked(self.doc[mention.start]) or any(home_of_a_group(w) for w in words):
            return True
        if names_a_venue(self.doc[mention.end - 1], mention.kind):
            return True
        return self._ethnic(mention)

    def _owned(self, head: Token) -> bool:
        """Is the phrase a thing a named state's actor owns ("China's claim to ...", "Iran's
        proposal to the EU")? Who else its phrases name takes no part in owning it. (Not for
        an agent word: "Iran's ambassador to the UN" is a person, placed as envoys are.)"""
        for child in head.children:
            mention = self.by_token.get(child.i)
            if child.dep_ == "poss" and mention is not None and mention.actor.country:
                return True
        return False

    def _placed_outside(self, head: Token, left_out: set[int]) -> bool:
        """Does the head, or a word modifying it directly ("Japanese troops", "the German
        chancellor"), name a state's actor? Then a place the phrase is "in" or "at" says where
        its people are, not who they are. Coordinated heads do not count ("lawmakers in Fornost
        and Gondor" may be a parse joining Gondor to the lawmakers)."""
        for token in (head, *head.children):
            mention = self.by_token.get(token.i)
            if (
                token.i not in left_out
                and (token.i == head.i or token.dep_ in NAMING_DEPS)
                and mention is not None
                and mention.actor.country
                and not self._ethnic(mention)
            ):
                return True
        return False

    def _ethnic(self, mention: ResolvedMention) -> bool:
        doc = self.doc
        if mention.start >= 1 and doc[mention.start - 1].lower_ == "ethnic":
            return True
        return mention.kind == "demonym" and any(
            c.lower_ == "ethnic" for c in doc[mention.start].head.children
        )

    def _related(self, actor: Actor, head: Token, tokens: list[Token], agent: str | None) -> Actor:
        if actor.name not in self.person_names and agent is None:
            return actor
        text = self.doc[tokens[0].i : tokens[-1].i + 1].text
        return replace(
            actor,
            text=text if actor.name in self.person_names else actor.text,
            name=None if actor.name in self.person_names else actor.name,
            role=head.lower_ if actor.name in self.person_names else actor.role,
            sectors=(agent,) if agent is not None else actor.sectors,
            evidence=f"'{head.text}' of {actor.text}: {actor.evidence}",
        )

    def _inner_agent(self, mention: ResolvedMention, head: Token) -> Actor:
        """'ties with Gondor police': the mention takes the agent of the noun it modifies."""
        owner = owning_noun(mention_root(self.doc, mention.start, mention.end), head)
        agent = self._head_agent(owner, np_tokens(owner)) if owner is not None else None
        if agent is None or mention.actor.sectors or mention.actor.name:
            return mention.actor
        return replace(mention.actor, sectors=(agent,), evidence=f"{owner}: {agent}")

    def _head_agent(self, head: Token, tokens: list[Token]) -> str | None:
        """The agent the phrase's head word names: the longest agent phrase of up to three
        words ending at the head ("foreign minister"), or one running on past it ("Ministry
        of Silly Walks"); else the head's lemma ("ministers"), but not for an imported agent,
        which matches only the forms its dictionary gives (``POLICE {}`` has no "polices")."""
        # "anti-government protesters" are protesters, not the government; a place's name
        # is no agent ("the West Bank town" is no bank)
        left = [
            t.lower_
            for t in tokens
            if t.i <= head.i
            and not t.is_punct
            and not stance_marked(t)
            and not self._in_place_name(t)
        ]
        entry = self.gazetteer.longest_agent(tuple(left[-3:]))
        if entry is None:
            entry = self._agent_from_head(head, tokens)
        if entry is None:
            entry = self.gazetteer.agent(head.lemma_.lower())
            if entry is not None and entry.kind == IMPORTED_KIND:
                entry = None
        return entry.sector if entry is not None else None

    def _in_place_name(self, token: Token) -> bool:
        mention = self.by_token.get(token.i)
        return mention is not None and a_place_kind(mention.kind)

    def _agent_from_head(self, head: Token, tokens: list[Token]) -> AgentEntry | None:
        """An agent phrase starting at the head word and running on: "ministry of silly walks"."""
        words = [t.lower_ for t in tokens if t.i >= head.i and not t.is_punct]
        for end in range(min(len(words), MAX_AGENT_WORDS), 1, -1):
            entry = self.gazetteer.agents.get(" ".join(words[:end]))
            if entry is not None:
                return entry
        return None
