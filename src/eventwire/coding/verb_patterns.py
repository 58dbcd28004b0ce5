"""Imported TABARI/PETRARCH verb patterns matched against the parsed sentence.

A verb of an imported dictionary is found by one of the word forms the dictionary gives it
(never by the parser's lemma: "departes" is not a form of DEPART), with the words a
multi-word verb needs right before and after it. Its block's patterns are then tried:
the words before ``*`` must occur, in order, before the verb in the sentence, the words after
it, in order, in the verb's own phrase (its dependency subtree, after the verb); ``_`` means
directly next to each other. The matching pattern with most words wins (the earliest in the
file on ties), else the verb's own code, else its block's code. The code becomes the event's
CAMEO code and gives the PLOVER type through the ontology; a null code or a code with no
PLOVER type makes the word a non-event.

The pattern's role marks become role hints (:class:`PatternRoles`): ``+`` before the verb
means its subject is the target ("+ WAS_ * TO_ ^ FROM $"); ``$``/``+``/``%`` after a
word ("FROM $", "WITH +") mean the object of that preposition is the source / target;
``%`` marks a compound, mutual event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.coding.triggers import NO_SLOT, PatternRoles
from eventwire.knowledge import Ontology, TriggerEntry
from eventwire.knowledge.tabari_verbs import (
    PatternItem,
    TabariVerb,
    VerbDictionary,
    VerbPattern,
)

VERB_POS = frozenset({"VERB", "AUX"})
# pattern words after which a role mark names the preposition's object ("FROM $")
PREPOSITIONS = frozenset(
    {"about", "against", "at", "by", "for", "from", "in", "into", "of", "on", "over", "to",
     "toward", "towards", "with", "within", "without", "between", "among", "upon", "onto"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ImportedMatch:
    """An imported verb found in a sentence: its entry (None for a non-event), the verb token,
    the roles its pattern gives, and the code of the reverse event (``[032:033]``)."""

    entry: TriggerEntry | None
    token: Token
    roles: PatternRoles
    reverse_code: str


Keys = tuple[frozenset[str], ...]


def word_keys(token: Token) -> frozenset[str]:
    """The pattern words a token matches: its very form, upper case. PETRARCH does no
    stemming: a pattern word RESOLUTION is not "resolutions" (synonym set members carry
    their plurals, see ``tabari_verbs``)."""
    return frozenset((token.text.upper(),))


def _word_matches(token: Token, word: str) -> bool:
    return word in word_keys(token)


def _at(tokens: Keys, i: int, words: tuple[str, ...]) -> bool:
    return (
        i >= 0
        and i + len(words) <= len(tokens)
        and all(w in tokens[i + k] for k, w in enumerate(words))
    )


def _possible(items: Iterable[PatternItem], present: frozenset[str]) -> bool:
    """Can every literal item match at all (all words of one alternative in the region)?"""
    return all(
        any(all(w in present for w in alt) for alt in item.alternatives)
        for item in items
        if item.kind == "word"
    )


def _match_items(
    items: Iterable[PatternItem], tokens: Keys, *, end_joined: bool
) -> tuple[tuple[int, int], ...] | None:
    """Where the literal items occur in order in ``tokens`` (the [start, end) positions each
    matched), or None. A ``joined`` item must follow the previous match directly; with
    ``end_joined`` the last one must end the region (``IN_*``). Every occurrence of every
    alternative is tried (backtracking), so "* &PREP RESOLUTION" finds "on a resolution"
    even when another member of the set occurs later."""
    words = [item for item in items if item.kind == "word"]

    def match(index: int, position: int, previous_end: int) -> tuple[tuple[int, int], ...] | None:
        if index == len(words):
            return ()
        item = words[index]
        last = end_joined and index == len(words) - 1
        for alternative in item.alternatives:
            if last:
                starts = [len(tokens) - len(alternative)]
            elif item.joined and previous_end >= 0:
                starts = [previous_end]
            else:
                starts = list(range(position, len(tokens) - len(alternative) + 1))
            for at in starts:
                if at < position or not _at(tokens, at, alternative):
                    continue
                if last and item.joined and previous_end >= 0 and at != previous_end:
                    continue
                end = at + len(alternative)
                rest = match(index + 1, end, end)
                if rest is not None:
                    return ((at, end), *rest)
        return None

    return match(0, 0, -1)


@dataclass(frozen=True, slots=True)
class _Regions:
    """The word keys before the verb (sentence) and after it (its phrase), their token
    indices, and the union of their keys."""

    before: Keys
    after: Keys
    before_at: tuple[int, ...]
    after_at: tuple[int, ...]
    present_before: frozenset[str]
    present_after: frozenset[str]

    @classmethod
    def of(cls, token: Token, sent: Span) -> _Regions:
        before_tokens = [t for t in sent if t.i < token.i and not t.is_punct]
        after_tokens = sorted(
            (t for t in token.subtree if t.i > token.i and not t.is_punct), key=lambda t: t.i
        )
        before = tuple(word_keys(t) for t in before_tokens)
        after = tuple(word_keys(t) for t in after_tokens)
        return cls(
            before,
            after,
            tuple(t.i for t in before_tokens),
            tuple(t.i for t in after_tokens),
            frozenset().union(*before),
            frozenset().union(*after),
        )


@dataclass(frozen=True, slots=True)
class _Found:
    """Where a pattern matched: every token its words matched, and the last token of each
    literal item after the verb."""

    words: frozenset[int]
    after_ends: tuple[int, ...]
    before_starts: tuple[int, ...]


def _pattern_matches(pattern: VerbPattern, regions: _Regions) -> _Found | None:
    """Where the pattern's words matched, or None if it does not match."""
    if not _possible(pattern.before, regions.present_before) or not _possible(
        pattern.after, regions.present_after
    ):
        return None
    first = pattern.after[0] if pattern.after else None
    joined_first = first is not None and first.kind == "word" and first.joined
    if (
        first is not None
        and joined_first
        and not any(_at(regions.after, 0, a) for a in first.alternatives)
    ):
        return None  # "*_OUT": the word right after the verb
    before = _match_items(pattern.before, regions.before, end_joined=pattern.joined_before)
    if before is None:
        return None
    after = _match_items(pattern.after, regions.after, end_joined=False)
    if after is None:
        return None
    words = frozenset(regions.before_at[i] for start, end in before for i in range(start, end))
    words |= frozenset(regions.after_at[i] for start, end in after for i in range(start, end))
    return _Found(
        words,
        tuple(regions.after_at[end - 1] for _, end in after),
        tuple(regions.before_at[start] for start, _ in before),
    )


def _roles(pattern: VerbPattern | None, found: _Found | None, verb: int) -> PatternRoles:
    """The role hints of the matched pattern. A mark after a word names the object of that
    preposition ("FROM $"); after other words, or after skips ("IN ^ +": the first actor
    after "in" is skipped), it names the next actor in the verb's phrase after that word."""
    if pattern is None or found is None:
        return PatternRoles()
    source_prep = target_prep = ""
    source_slot = target_slot = NO_SLOT
    compound = any(item.kind == "compound" for item in pattern.before + pattern.after)
    previous: PatternItem | None = None
    literal, last_end, skips = 0, verb, 0
    for item in pattern.after:
        if item.kind == "word":
            last_end = found.after_ends[literal]
            literal, skips = literal + 1, 0
        elif item.kind == "skip":
            skips += 1
            continue
        prep = ""
        if previous is not None and previous.kind == "word" and len(previous.alternatives) == 1:
            prep = previous.alternatives[0][-1].lower()
        slot = (last_end, skips) if (skips or (prep and prep not in PREPOSITIONS)) else NO_SLOT
        if item.kind == "source" and prep:
            source_prep, source_slot = ("", slot) if slot != NO_SLOT else (prep, NO_SLOT)
        elif item.kind in ("target", "compound") and (prep or skips):
            target_prep, target_slot = ("", slot) if slot != NO_SLOT else (prep, NO_SLOT)
        previous = item
    source_before, target_before = _before_slots(pattern.before, found)
    target_first = any(item.kind == "target" for item in pattern.before) and not any(
        item.kind == "source" for item in pattern.before
    )
    source_after = any(item.kind == "source" for item in pattern.after)
    return PatternRoles(
        source_prep,
        target_prep,
        target_first,
        compound,
        source_after,
        found.words,
        source_slot,
        target_slot,
        source_before,
        target_before,
    )


def _before_slots(
    items: tuple[PatternItem, ...], found: _Found
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Marks before the verb followed by a word ("+ HOSTING *", "$ ^ FOR *"): the actor
    nearest before that word (after skipping as many actors as there are '^')."""
    slots = {"source": NO_SLOT, "target": NO_SLOT}
    literal = 0
    for index, item in enumerate(items):
        if item.kind == "word":
            literal += 1
            continue
        if item.kind not in slots:
            continue
        rest = items[index + 1 :]
        skips = next((k for k, later in enumerate(rest) if later.kind != "skip"), len(rest))
        if skips < len(rest) and rest[skips].kind == "word":
            slots[item.kind] = (found.before_starts[literal], skips)
    return slots["source"], slots["target"]


def _verb_at(token: Token, dictionary: VerbDictionary) -> TabariVerb | None:
    doc = token.doc
    for verb in dictionary.lookup(token.lower_):
        pre, post = verb.pre_words, verb.post_words
        start, end = token.i - len(pre), token.i + 1 + len(post)
        if start < 0 or end > len(doc):
            continue
        if all(_word_matches(doc[start + k], w) for k, w in enumerate(pre)) and all(
            _word_matches(doc[token.i + 1 + k], w) for k, w in enumerate(post)
        ):
            return verb
    return None


def match_imported_verb(
    token: Token, sent: Span, dictionaries: Sequence[VerbDictionary], ontology: Ontology
) -> ImportedMatch | None:
    """The imported verb at ``token`` with its best pattern, or None if no dictionary has it.

    Earlier dictionaries win. A match whose ``entry`` is None is a known verb that makes
    no event here (null code, or a code without a PLOVER type)."""
    if token.pos_ not in VERB_POS:
        return None
    for dictionary in dictionaries:
        verb = _verb_at(token, dictionary)
        if verb is None:
            continue
        block = dictionary.blocks[verb.block] if verb.block < len(dictionary.blocks) else None
        patterns = block.patterns if block is not None else ()
        best: VerbPattern | None = None
        best_found: _Found | None = None
        regions = _Regions.of(token, sent) if patterns else None
        for pattern in patterns:
            if regions is None or (best is not None and pattern.words <= best.words):
                continue
            matched = _pattern_matches(pattern, regions)
            if matched is not None:
                best, best_found = pattern, matched
        if best is not None:
            code, reverse, line = best.code, best.reverse_code, best.line
            label = f"{dictionary.source}:{best.line} pattern of {block.name if block else '?'}"
        elif verb.code is not None:
            code, reverse, line = verb.code, verb.reverse_code, verb.line
            label = f"{dictionary.source}:{verb.line} verb {verb.base}"
        else:
            code = block.code if block is not None else ""
            reverse = block.reverse_code if block is not None else ""
            line = block.line if block is not None else verb.line
            label = f"{dictionary.source}:{line} block {block.name if block else '?'}"
        roles = _roles(best, best_found, token.i)
        return ImportedMatch(
            entry=_entry(
                verb, (code, reverse), line, label, compound=roles.compound, ontology=ontology
            ),
            token=token,
            roles=roles,
            reverse_code=reverse if ontology.plover_of(reverse) else "",
        )
    return None


def _entry(
    verb: TabariVerb,
    codes: tuple[str, str],
    line: int,
    label: str,
    *,
    compound: bool,
    ontology: Ontology,
) -> TriggerEntry | None:
    code, reverse = codes
    mapped = ontology.plover_of(code) if code else None
    if mapped is None:
        return None
    flags = {"reciprocal"} if reverse == code or compound else set()
    return TriggerEntry(
        lemma=verb.base.lower(),
        pos="VERB",
        with_dep="",
        with_lemma="",
        type=mapped[0],
        mode=mapped[1],
        cameo=code,
        flags=frozenset(flags),
        line=line,
        rule="",
        source=label,
    )


def prep_objects(verb: Token, prep: str) -> tuple[Token, ...]:
    """Objects of the preposition ``prep`` in the verb's phrase ("from Gondor"), with their
    conjuncts; the verb's own prepositions first."""
    preps = [t for t in verb.subtree if t.lower_ == prep and t.dep_ in ("prep", "agent", "dative")]
    preps.sort(key=lambda t: (t.head.i != verb.i, t.i))
    for found in preps:
        objects = [c for c in found.children if c.dep_ == "pobj"]
        if objects:
            return tuple(objects)
    return ()
