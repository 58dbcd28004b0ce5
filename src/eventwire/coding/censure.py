"""Calling something wrong is criticising it.

"France called the UK's rebate unjustified", "Moscow called it a provocation", "Iran branded
the vote a sham", "the opposition described the elections as fraudulent", "Iran said the
sanctions were illegal": a verb of naming or saying (lexicon rows ``pred:@CENSURE``: call,
describe, term, dub, say, ...) whose predicate, or the predicate of the "be" clause it says
(neither denied nor hedged), is a word of blame is ACCUSE, mode disapprove, CAMEO 111
("criticize or denounce"). The predicate is the verb's own (``oprd``: "called X illegal"; a
small clause: "termed the sanctions illegal") or an "as" phrase ("described X as ..."). A word
of blame is an adjective of blame ("illegal", "unacceptable", "irresponsible") or a noun of
blame ("a provocation", "a violation of international law"), or any noun such an adjective
qualifies ("an illegal act", "a dangerous step").

What is called so must be something one can blame an actor for: an actor ("called him a
liar"), a pronoun ("called it a provocation"), an event ("called the attack a crime"), a plan,
decision, remark, vote or the like (``BLAMED_THINGS``), or anything an actor
owns ("the US move", "the UK's rebate"). "Called the situation dangerous" blames no one.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from eventwire.coding.verbal_attacks import ABSTRACT_TARGETS

CENSURE_ADJECTIVES = frozenset(
    {"unacceptable", "illegal", "unlawful", "illegitimate", "unjustified", "unjustifiable",
     "unjust", "unfair", "unfounded", "baseless", "groundless", "irresponsible", "reckless",
     "provocative", "outrageous", "absurd", "ridiculous", "shameful", "disgraceful",
     "deplorable", "regrettable", "hypocritical", "racist", "discriminatory", "inhumane",
     "inhuman", "barbaric", "barbarous", "criminal", "cowardly", "unconstitutional",
     "undemocratic", "arbitrary", "disproportionate", "counterproductive", "misguided",
     "offensive", "insulting", "destabilising", "destabilizing", "invalid", "fraudulent",
     "rigged", "void", "despicable", "heinous", "appalling", "scandalous",
     "irrational", "aggressive", "hostile", "treacherous", "unwarranted", "dishonest"}
)  # fmt: skip
CENSURE_NOUNS = frozenset(
    {"provocation", "violation", "breach", "crime", "insult", "lie", "farce", "sham",
     "travesty", "disgrace", "outrage", "aggression", "interference", "betrayal", "blackmail",
     "propaganda", "hypocrisy", "mistake", "blunder", "error", "fraud", "affront", "atrocity",
     "scandal", "intrusion", "meddling", "slander", "smear", "fabrication", "hoax",
     "liar", "criminal", "thief", "terrorist", "murderer", "dictator", "tyrant", "puppet"}
)  # fmt: skip
# Dependencies a verb of naming gives its predicate: "called X illegal / a crime", and a small
# clause the parser makes of it ("termed [the sanctions illegal]").
PREDICATE_DEPS = frozenset({"oprd", "ccomp", "xcomp", "acomp"})
PREDICATE_WORDS = frozenset({"pobj", "amod", "acomp", "attr"})
COPULA_PREDICATES = frozenset({"acomp", "attr"})
BLAMED_PRONOUNS = frozenset({"it", "this", "that", "them", "him", "her", "they"})
# Acts and decisions one is blamed for, besides verbal_attacks' plans and remarks.
BLAMED_THINGS = ABSTRACT_TARGETS | frozenset(
    {"resolution", "vote", "election", "referendum", "poll", "sale", "action", "act", "step",
     "ban", "order", "decree", "sentence", "trial", "accusation", "allegation", "charge",
     "raid", "occupation", "annexation", "blockade", "embargo", "test", "launch", "exercise"}
)  # fmt: skip


def censures(verb: Token, blamable: Callable[[Token], bool]) -> bool:
    """Does a verb of naming call something blamable (``blamable``: an actor or event noun,
    judged by the caller) by a word of blame?"""
    called = called_thing(verb)
    return called is not None and _can_be_blamed(called, blamable)


def called_thing(verb: Token) -> Token | None:
    """What a verb of naming calls by a word of blame: its object, or the subject of the
    small clause ("termed [the sanctions illegal]"). Its actor is the event's recipient, not
    one named inside the blame ("an insult to the Turkish nation")."""
    predicate = blame_word(verb)
    if predicate is None:
        return None
    if predicate.dep_ == "ccomp":
        return next((c for c in predicate.children if c.dep_ == "nsubj"), None)
    if predicate.dep_ in COPULA_PREDICATES and predicate.head.i != verb.i:  # "said X was ..."
        return next((c for c in predicate.head.children if c.dep_ == "nsubj"), None)
    return next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)


def blame_word(verb: Token) -> Token | None:
    """The word of blame a verb of naming gives what it names, if any."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for holder in (verb, *objects):
        for child in holder.children:
            if holder is verb and child.dep_ in PREDICATE_DEPS and _blames_any(child):
                return child
            if holder is verb and child.dep_ == "ccomp" and _plain_be(child):
                # "said the proposal was unacceptable", "said the vote was a sham"
                for word in child.children:
                    if word.dep_ in COPULA_PREDICATES and _blames_any(word):
                        return word
            # "called the decision unjust" is often parsed with the adjective on the noun
            after = child.dep_ == "amod" and child.i > holder.i
            if holder is not verb and after and _blames_any(child):
                return child
            if child.dep_ == "prep" and child.lower_ == "as":
                for word in child.children:
                    if word.dep_ in PREDICATE_WORDS and _blames_any(word):
                        return word
    return None


def _plain_be(clause: Token) -> bool:
    """A "be" clause that says what something is, neither denied nor hedged ("were not
    racist", "may have been offensive", "would be unacceptable" blame no one)."""
    return clause.lemma_ == "be" and not any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in clause.children
    )


def _blames_any(word: Token) -> bool:
    """Is the word, or a word coordinated with it, one of blame ("null and void", "a clown,
    a racist")?"""
    return any(_blames(w) for w in (word, *word.conjuncts))


def _blames(word: Token) -> bool:
    lemma = word.lemma_.lower()
    if word.pos_ in ("ADJ", "VERB"):  # "unjustified" is often tagged a participle
        return lemma in CENSURE_ADJECTIVES or word.lower_ in CENSURE_ADJECTIVES
    if word.pos_ not in ("NOUN", "PROPN"):
        return False
    return lemma in CENSURE_NOUNS or any(
        c.dep_ == "amod" and c.lower_ in CENSURE_ADJECTIVES for c in word.children
    )


def _can_be_blamed(called: Token, blamable: Callable[[Token], bool]) -> bool:
    if called.pos_ == "PRON":
        return called.lower_ in BLAMED_PRONOUNS
    if called.lemma_.lower() in BLAMED_THINGS or blamable(called):
        return True
    return any(c.dep_ in ("poss", "compound", "amod") and blamable(c) for c in called.children)
