"""Noun-phrase helpers over the dependency parse."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Doc, Token

# "except Serbia", "with the exception of Cyprus": what a phrase or an act leaves out
EXCEPTION_WORDS = frozenset({"except", "excepting", "excluding", "exception", "exclusion"})
# Dependents that start a new clause: their words are not part of the noun phrase's referent.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"})
PRONOUNS = frozenset(
    {
        "it",
        "its",
        "they",
        "them",
        "their",
        "he",
        "him",
        "his",
        "she",
        "her",
        "we",
        "us",
        "our",
        "i",
        "me",
        "my",
        "itself",
        "themselves",
    }
)
# A mention in one of these relations is a modifier of the noun it hangs on.
MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})


def np_tokens(head: Token, *, keep_preps: bool = True) -> list[Token]:
    """Tokens of the noun phrase headed by ``head``, without relative or other clauses, nor
    what it leaves out ("all Balkan states except Serbia" is not Serbia)."""
    out: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        out.append(token)
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS or child.is_space or names_an_exception(child):
                continue
            if not keep_preps and child.dep_ == "prep" and child.lemma_ != "of":
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def names_an_exception(word: Token) -> bool:
    """Is the word an exception phrase's ("except Serbia", "excluding Cyprus", "with the
    exception of Cyprus")?"""
    return word.lower_ in EXCEPTION_WORDS or (
        word.dep_ == "prep" and any(g.lemma_.lower() in EXCEPTION_WORDS for g in word.children)
    )


def conjuncts_of(head: Token) -> list[Token]:
    """The head and the heads coordinated with it ("the US and Jordan")."""
    return [head, *[t for t in head.conjuncts if t.i > head.i]]


def is_pronoun(token: Token) -> bool:
    return token.lower_ in PRONOUNS and token.pos_ == "PRON"


def mention_root(doc: Doc, start: int, end: int) -> Token:
    """The token of ``doc[start:end]`` whose head lies outside it (the span's syntactic head)."""
    for token in doc[start:end]:
        if token.head.i == token.i or not start <= token.head.i < end:
            return token
    return doc[end - 1]


def owning_noun(root: Token, head: Token) -> Token | None:
    """The noun a mention modifies inside a larger phrase ("Gondor" in "ties with Gondor
    police" -> "police"), when that noun is not the phrase's own head; else None."""
    owner = root.head
    if owner.i in (root.i, head.i) or root.dep_ not in MODIFIER_DEPS:
        return None
    return owner if owner.pos_ in ("NOUN", "PROPN") else None


def prep_objects(words: Iterable[Token], preps: Collection[str]) -> list[Token]:
    """The objects of the given prepositions on each word ("$20 million in aid" -> aid)."""
    return [
        g
        for word in words
        for c in word.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def clause_head(token: Token) -> Token:
    """Climb conjuncts: in "to unite and mobilize", mobilize stands where unite stands."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def objects_of(verb: Token) -> list[Token]:
    """A verb's direct objects and passive subjects (no conjuncts: see
    :func:`eventwire.coding.actor_objects.verb_objects` for the objects an actor may be)."""
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def has_object_among(verb: Token, lemmas: Collection[str]) -> bool:
    """Is one of the verb's objects (:func:`objects_of`) one of these words ("sought the
    nomination", "released a book")?"""
    return any(lemma_of(o) in lemmas for o in objects_of(verb))


def subjects_of(verb: Token) -> list[Token]:
    """A verb's subjects, active or passive."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


# "as a result / in consequence of": the event is the noun of the phrase's "of".
RESULT_NOUNS = frozenset({"result", "consequence"})


def through_results(nouns: list[Token]) -> list[Token]:
    """The nouns, and the "of" objects of those that are results ("died as a result of
    torture": result, torture)."""
    return nouns + prep_objects([n for n in nouns if n.lemma_.lower() in RESULT_NOUNS], ("of",))


def for_to_clause(verb: Token) -> bool:
    """Is the verb the head of a "for X to ..." clause ("called for the embargo to be lifted",
    "waited for the troops to leave")? Such a clause tells what is wanted or awaited, never
    what was done."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children) and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children
    )
