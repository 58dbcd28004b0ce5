"""Finding trigger words in a parsed sentence: verbs, phrasal verbs and event nouns."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.coding.actor_objects import is_actor_phrase, preposition_objects, verb_objects
from eventwire.coding.censure import censures
from eventwire.coding.np import for_to_clause, prep_objects, through_results
from eventwire.coding.participation import participant_anchor
from eventwire.coding.roles import PLACING_VERBS
from eventwire.knowledge import Lexicon, TriggerEntry
from eventwire.knowledge.lexicon import ACTOR_OBJECT, CENSURE_PREDICATE
from eventwire.nlp.quotes import SPEECH_LEMMAS

# "during a visit", "for talks", "at a meeting", "in talks", "on a visit": the verb's subject
# takes part in the event the noun names.
NOMINAL_PREPS = frozenset({"during", "for", "at", "in", "on", "after", "amid"})
# "arrived in Moscow for talks", "is in Cairo for a visit", "left on a tour of Africa", "went
# on strike": coming, going or being somewhere for or on an event is taking part in it;
# calling, pressing or voting for one asks for it, commenting on one talks about it.
COMING_VERBS = frozenset(
    {"arrive", "come", "travel", "fly", "go", "head", "gather", "meet", "sit", "return",
     "convene", "assemble", "stay", "remain", "be", "land", "leave", "depart", "set", "embark"}
)  # fmt: skip
# "talks took place", "the attack began": the noun's own modifiers give the participants.
OCCURRENCE_VERBS = frozenset(
    {"take", "begin", "start", "open", "end", "resume", "continue", "occur", "erupt", "break"}
)
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
# "tons of aid", "a shipment of arms": a measure noun passes its object through.
MEASURE_NOUNS = frozenset(
    {"ton", "tonne", "kg", "kilogram", "dozen", "hundred", "thousand", "million", "billion",
     "shipment", "consignment", "batch", "number", "amount", "lot", "load", "planeload",
     "truckload", "convoy", "package", "worth", "supply", "round", "wave", "series", "day",
     "week", "month", "hour", "year", "team", "mission", "group", "contingent"}
)  # fmt: skip
# "launched a mediation effort", "a bombing campaign": the event noun modifies a light noun.
LIGHT_NOUNS = frozenset(
    {"effort", "mission", "campaign", "bid", "attempt", "drive", "operation", "initiative",
     "plan", "process", "round", "wave", "series"}
)  # fmt: skip
# "$20 million in aid", "5 billion euros": a sum of money
CURRENCY_NOUNS = frozenset(
    {"dollar", "euro", "pound", "yen", "yuan", "franc", "ruble", "rouble", "rupee", "mark",
     "dinar", "riyal", "shekel", "peso", "lira", "krone", "krona"}
)  # fmt: skip
DEONTIC_AUX = frozenset({"must", "should"})
# "said Japan needs to enact reforms", "has to / ought to leave": obligation before a "to" clause
DEONTIC_VERBS = frozenset({"need", "have", "ought"})
# "I/we must ...": the speaker's own obligation, no demand of anyone. Subject forms only, not
# np.FIRST_PERSON: a misparse can make "us" the subject of someone else's obligation.
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
# Support verbs that answer a request rather than make it: "approved the U.S. request",
# "granted the appeal" (the verb's own row, if any, codes the answer).
ANSWERING_VERBS = frozenset({"approve", "grant"})
# What no one can be told to do: states, not acts ("disposals should have little effect";
# not "be": "Britain should be a safe haven" asks it of Britain, and "the figures must be
# wrong" names no actor), and states of mind or opinions ("people should now believe that we
# were innocent", "Blair should be judged by results").
STATIVE_LEMMAS = frozenset(
    {"have", "seem", "appear", "remain", "exist", "mean", "cost", "depend", "matter",
     "know", "lie", "sound", "last", "weigh", "equal", "amount", "total", "believe", "think",
     "understand", "realise", "realize", "remember", "feel", "judge", "doubt", "wonder",
     "hope", "expect"}
)  # fmt: skip
# Times of day the parser often leaves without a time entity ("at dawn").
TIME_NOUNS = frozenset(
    {"dawn", "daybreak", "dusk", "nightfall", "night", "midnight", "noon", "midday", "sunrise",
     "sunset", "morning", "afternoon", "evening", "overnight"}
)  # fmt: skip
# How the parser attaches a predicative adjective ("held X responsible", "set X free").
PREDICATE_DEPS = frozenset({"oprd", "acomp", "advcl", "ccomp", "xcomp"})
# "Russia said Sudan must return the helicopter": the speaker demands it of the subject.
DEONTIC_REQUEST = TriggerEntry(
    lemma="must",
    pos="VERB",
    with_dep="",
    with_lemma="",
    type="REQUEST",
    mode="",
    cameo="100",
    flags=frozenset(),
    line=0,
    rule="'X said Y must/should ...' is a demand by X of Y",
)


NO_SLOT = (-1, 0)
ACTOR_REQUIREMENT = "@" + ACTOR_OBJECT.lower()
CENSURE_REQUIREMENT = "@" + CENSURE_PREDICATE.lower()


@dataclass(frozen=True, slots=True)
class PatternRoles:
    """Role hints of an imported verb pattern (``coding/verb_patterns.py``): the
    preposition whose object is the source / target, a subject that is the target
    ("+ WAS_ * ..."), a compound (mutual) event."""

    source_prep: str = ""
    target_prep: str = ""
    target_is_subject: bool = False
    compound: bool = False
    source_after: bool = False  # a '$' after the verb ("+ * MONEY $")
    # the tokens the pattern's words matched ("WILL NOT *": will, not): their meaning is
    # part of the pattern's code
    words: frozenset[int] = frozenset()
    # "IN ^ +", "TABASKI $": the role is the next actor in the verb's phrase after token i,
    # skipping n actors: (i, n); NO_SLOT when the role is a preposition's object or unnamed
    source_slot: tuple[int, int] = (-1, 0)
    target_slot: tuple[int, int] = (-1, 0)
    # "+ HOSTING *": the role is the actor nearest before token i, skipping n: (i, n)
    source_before: tuple[int, int] = (-1, 0)
    target_before: tuple[int, int] = (-1, 0)


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A lexicon entry found in a sentence.

    ``trigger`` is the word that carries the event type; ``anchor`` is the verb whose clause
    gives the event its roles, modality and date (the trigger itself for verb triggers).
    """

    entry: TriggerEntry
    trigger: Token
    anchor: Token
    rule: str
    roles: PatternRoles | None = None
    reverse_code: str = ""  # an imported ``[032:033]`` pair: the target's side of the event


def _requirement_met(token: Token, entry: TriggerEntry, lexicon: Lexicon | None) -> bool:
    dep, lemma = entry.with_dep, entry.with_lemma
    if not dep:
        return True
    if lemma.endswith(ACTOR_REQUIREMENT):  # dobj:@ACTOR, prep:at@ACTOR: done to someone
        word = lemma.removesuffix(ACTOR_REQUIREMENT)
        if dep == "xcomp":  # xcomp:@ACTOR: "wants Germany to pay", not "wants to join"
            objects = clause_subjects(token)
        elif dep == "dobj":
            objects = verb_objects(token)
        else:
            objects = preposition_objects(token, word)
        return lexicon is not None and any(is_actor_phrase(o, lexicon) for o in objects)
    if lemma == CENSURE_REQUIREMENT and lexicon is not None:  # "called the move illegal"
        known = lexicon
        return censures(
            token, lambda noun: is_actor_phrase(noun, known) or noun_type(noun, known) is not None
        )
    for child in token.children:
        child_lemma = child.lemma_.lower()
        if lemma.startswith("@"):  # dobj:@PROTEST: an object noun of that type
            if child.dep_ in OBJECT_DEPS and lexicon is not None:
                wanted = lemma[1:].upper()
                if any(noun_type(word, lexicon) == wanted for word in _typed_words(child)):
                    return True
            continue
        if dep == "prt" and child.dep_ in ("prt", "advmod") and child_lemma == lemma:
            return True
        if dep == "prep" and "=" in lemma:  # prep:to=street: "to" + that noun
            word, _, noun = lemma.partition("=")
            if child.dep_ == "prep" and child_lemma == word:
                nouns = {g.lemma_.lower() for g in child.children if g.dep_ == "pobj"}
                if noun in nouns:
                    return True
            continue
        if dep == "prep" and "@" in lemma:  # prep:from@AGREE: "from" + a noun of that type
            word, _, wanted = lemma.partition("@")
            if child.dep_ == "prep" and child_lemma == word and lexicon is not None:
                # "died as a result of torture": the noun of the result
                objects = through_results([g for g in child.children if g.dep_ == "pobj"])
                if any(noun_type(g, lexicon) == wanted.upper() for g in objects):
                    return True
            continue
        # the preposition of a phrasal verb follows it: "For the Lib Dems, X called the
        # target unambitious" is no "call for"
        preposition = child.dep_ in ("prep", "prt", "dative") and child_lemma == lemma
        if dep == "prep" and preposition and child.i > token.i and not time_phrase(child):
            return True
        if dep == "prep" and lemma == "for" and for_to_clause(child):
            return True  # "called for the embargo to be lifted": "for" marks the clause
        if dep == "dobj" and child.dep_ in OBJECT_DEPS and lemma in _object_words(child):
            return True
        if dep == "compound" and child.dep_ in ("compound", "amod") and child_lemma == lemma:
            return True
        if dep == "xcomp" and (child.dep_ == "xcomp" or _infinitive_clause(child)):
            return True
        predicate = child.pos_ == "ADJ" and child.dep_ in PREDICATE_DEPS
        if dep == "pred" and predicate and child_lemma == lemma:  # "held X responsible"
            return True
    return False


def time_phrase(preposition: Token) -> bool:
    """ "on Saturday", "at noon", "at dawn": a preposition of time meets no requirement ("fired
    up by the speech on Saturday" is no firing on anyone)."""
    objects = [g for g in preposition.children if g.dep_ == "pobj"]
    return bool(objects) and all(
        g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in TIME_NOUNS for g in objects
    )


def _infinitive_clause(child: Token) -> bool:
    """A "to" clause with its own subject: "allowed the leader to hold a rally" is often parsed
    as a clausal complement (ccomp) whose subject is the leader; it is the same complement."""
    return child.dep_ == "ccomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children)


def clause_subjects(verb: Token) -> list[Token]:
    """Who a verb's "to" clause is about when it is not the verb's own subject: the clause's
    subject ("wants Germany to pay", parsed as a clausal complement) or the verb's object
    before an open complement ("would like Turkey to recognise Cyprus")."""
    found = [
        s
        for child in verb.children
        if _infinitive_clause(child)
        for s in child.children
        if s.dep_ in ("nsubj", "nsubjpass")
    ]
    if any(c.dep_ == "xcomp" for c in verb.children):
        found += [c for c in verb.children if c.dep_ == "dobj"]
    return found


def _object_words(noun: Token) -> set[str]:
    """The lemmas an object noun stands for: its own, a measure noun's "of" object ("tons of
    aid") and its noun-compound modifiers ("the ceasefire agreement", "mediation efforts")."""
    words = {noun.lemma_.lower()} | {t.lemma_.lower() for t in _of_objects(noun)}
    if sum_of_money(noun):  # "received $20 million from Japan": money
        words.add("money")
    return words | {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}


def _typed_words(noun: Token) -> list[Token]:
    """The nouns whose type an object has: itself, a measure noun's "of" object, and the
    compound modifier of a light noun ("mediation efforts"; not "trade surplus")."""
    found = [noun, *_of_objects(noun)]
    if noun.lemma_.lower() in LIGHT_NOUNS:
        found += [c for c in noun.children if c.dep_ == "compound"]
    return found


def noun_type(noun: Token, lexicon: Lexicon) -> str | None:
    """The PLOVER type of an event noun as used here: its row that applies in context ("air
    strikes" is ASSAULT, "a strike" PROTEST), or None when it is no event noun."""
    entry = noun_entry(noun, lexicon)
    return entry.type if entry is not None else None


def noun_entry(noun: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """The lexicon row of an event noun in context; a gerund the parser took for a verb is
    read as the noun it is ("killed in Israeli tank shelling": shelling, not shell)."""
    entry = match_entry(noun, lexicon.candidates(noun.lemma_.lower(), "NOUN"), lexicon)
    if entry is None and noun.tag_ == "VBG":
        entry = match_entry(noun, lexicon.candidates(noun.lower_, "NOUN"), lexicon)
    return entry


def _of_objects(noun: Token) -> list[Token]:
    """The "of" objects of a measure noun ("tons of aid" -> aid), and what a sum of money is
    "in" ("$20 million in aid", "billions of dollars in loans" -> aid, loan)."""
    if noun.lemma_.lower() not in MEASURE_NOUNS and noun.pos_ != "NUM" and not sum_of_money(noun):
        return []  # "5 billion euros in military aid": a currency noun too
    found = prep_objects((noun,), ("of",))
    if sum_of_money(noun):
        found += [g for n in (noun, *found) for g in prep_objects((n,), ("in",))]
    return found


def sum_of_money(noun: Token) -> bool:
    """Is a number or measure noun a sum of money ("$20 million", "5 billion euros", "millions
    of dollars")?"""
    if noun.lemma_.lower() in CURRENCY_NOUNS:
        return True
    if noun.pos_ != "NUM" and noun.lemma_.lower() not in MEASURE_NOUNS:
        return False
    if any(t.tag_ == "$" for t in noun.subtree if t.i < noun.i):
        return True
    units = [c for c in noun.children if c.dep_ in ("nmod", "npadvmod", "appos", "quantmod")]
    units += prep_objects((noun,), ("of",))
    return any(u.lemma_.lower() in CURRENCY_NOUNS for u in units)


def match_entry(
    token: Token, candidates: tuple[TriggerEntry, ...], lexicon: Lexicon | None = None
) -> TriggerEntry | None:
    """The first candidate (most specific first) whose required dependent is present
    (``lexicon`` types object nouns for ``dobj:@TYPE`` requirements)."""
    for entry in candidates:
        if _requirement_met(token, entry, lexicon):
            return entry
    return None


def calls_off(verb: Token) -> bool:
    """Does a particle "off" make the verb one of calling off ("called off the strike", "broke
    off talks", "put off the visit")? Its object is then not carried out but cancelled."""
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == "off" for c in verb.children)


# Acts done to someone: their noun's possessor is the one they are done to unless the noun
# names who that is ("Russia's invasion of Ukraine", "Israel's attack on Gaza").
MATERIAL_TYPES = frozenset(
    {"ASSAULT", "COERCE", "RETREAT", "SANCTION", "MOBILIZE", "AID", "COOPERATE", "CONCEDE"}
)
UNDERGOER_PREPS = ("of", "on", "against", "to", "into", "with")


SUPPORT_VERB_RULE = "support verb"


def _nominal_anchor(
    token: Token, lexicon: Lexicon, entry: TriggerEntry
) -> tuple[Token, str] | None:
    head = token.head
    if token.dep_ in ("compound", "amod") and head.lemma_.lower() in LIGHT_NOUNS:
        token, head = head, head.head  # "a mediation effort": the effort carries the event
    if token.dep_ == "pobj" and (
        (head.lower_ == "of" and head.head.lemma_.lower() in MEASURE_NOUNS)
        or (head.lower_ == "in" and sum_of_money(head.head))
    ):
        # "launched ten days of war games", "gave Egypt $1.3 billion in aid": the measure
        # carries the event
        token = head.head
        head = token.head
    if token.dep_ in OBJECT_DEPS and head.pos_ == "VERB":
        verb = head.lemma_.lower()
        supports = verb in lexicon.support_verbs or (
            verb.startswith("re") and verb[2:] in lexicon.support_verbs
        )
        answered = entry.type == "REQUEST" and verb in ANSWERING_VERBS  # "approved the request"
        if supports and not calls_off(head) and not answered:
            return head, f"{SUPPORT_VERB_RULE}: {head.lemma_} + {token.lemma_}"
        return None
    if (
        token.dep_ == "pobj"
        and head.lemma_.lower() in NOMINAL_PREPS
        and head.head.pos_ in ("VERB", "AUX")
        and ("reciprocal" in entry.flags or "state" in entry.flags or entry.mode == "visit")
        and (
            head.lower_ not in ("for", "on")
            or head.head.lemma_.lower() in COMING_VERBS
            or ("state" in entry.flags and head.head.lemma_.lower() in PLACING_VERBS)
        )
    ):
        return head.head, f"event noun in '{head.lower_} ...' phrase of {head.head.lemma_}"
    if token.dep_ == "nsubj" and head.lemma_.lower() in OCCURRENCE_VERBS:
        return head, f"event noun subject of {head.lemma_}"
    anchored = participant_anchor(token, entry.type)
    if anchored is None and _possessor_acts(token, entry, lexicon):
        return token, "event noun with its actor as possessor"
    return anchored


def _possessor_acts(noun: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """Does an actor named as the event noun's possessor do it ("Iran's refusal to halt
    enrichment", "the Pakistani president's visit to London", "Russia's invasion of Ukraine")?
    A material act with no one named it is done to is done to the possessor ("the journalist's
    murder", "Navalny's arrest", "Trump's release"): no anchor."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    if "weak" in entry.flags or not owners or not is_actor_phrase(owners[0], lexicon):
        return False  # an ambiguous word ("the government's proposals") needs more
    if entry.type not in MATERIAL_TYPES:
        return True
    return bool(prep_objects((noun,), UNDERGOER_PREPS))


def _verb_candidates(lexicon: Lexicon, lemma: str) -> tuple[TriggerEntry, ...]:
    """Entries for a verb; a "re-" verb not in the lexicon is its base ("reimpose" = "impose")."""
    found = lexicon.candidates(lemma, "VERB")
    if not found and lemma.startswith("re") and len(lemma) > 5:
        found = lexicon.candidates(lemma[2:].lstrip("-"), "VERB")
    return found


def _is_reported_demand(token: Token, lexicon: Lexicon) -> bool:
    """A speaker's "X must / should / ought to / needs to / has to V": a demand made of X, an
    actor or an event ("the attacks must stop"); not when V is a state ("should have little
    effect"), X is the speaker ("we have to") or a thing ("the yen should stabilize"), or it
    is a forecast ("will have to approve")."""
    if token.dep_ != "ccomp" or token.head.lemma_.lower() not in SPEECH_LEMMAS:
        return False
    aux = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if aux & DEONTIC_AUX:
        owed = [token]
    elif token.lemma_.lower() in DEONTIC_VERBS and not aux & {"will", "would"}:
        owed = [
            c
            for c in token.children
            if c.dep_ == "xcomp" and any(t.tag_ == "TO" for t in c.children)
        ]
    else:
        return False  # no obligation, or a forecast: "will have to approve"
    if all(verb.lemma_.lower() in STATIVE_LEMMAS for verb in owed):
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lower_ in FIRST_PERSON_SUBJECTS for c in subjects):
        return False
    # "the yen should stabilize": no one is told anything
    return any(is_actor_phrase(c, lexicon) or noun_type(c, lexicon) is not None for c in subjects)


def _compound_head(verb: Token) -> bool:
    """Is a "verb" the head of a noun compound the parser took for a clause ("ending its
    fisheries dispute with ...": "dispute" after the noun "fisheries")? A bare present form
    right after a noun, with no subject or auxiliary of its own, in a dependent clause."""
    if verb.tag_ not in ("VB", "VBP") or verb.dep_ not in ("advcl", "ccomp", "acl", "relcl"):
        return False
    if verb.i == verb.sent.start or verb.doc[verb.i - 1].pos_ != "NOUN":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def find_triggers(sent: Span, lexicon: Lexicon) -> list[TriggerMatch]:
    """Every trigger in a sentence, in text order."""
    found: list[TriggerMatch] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if _is_reported_demand(token, lexicon):
            rule = f"demand: '{token.head.text} ... must/should/has to {token.text}'"
            found.append(TriggerMatch(DEONTIC_REQUEST, token, token.head, rule))
        # "held joint military drills off Okinawa": a verb as a verb's object is a noun the
        # parser mistook
        mistaken_noun = token.pos_ == "VERB" and (token.dep_ == "dobj" or _compound_head(token))
        if token.pos_ == "VERB" and not mistaken_noun:
            entry = match_entry(token, _verb_candidates(lexicon, lemma), lexicon)
            if entry is not None:
                rule = (
                    "verb" if not entry.with_dep else f"verb + {entry.with_dep}:{entry.with_lemma}"
                )
                found.append(TriggerMatch(entry, token, token, rule))
        elif token.pos_ in ("NOUN", "PROPN") or mistaken_noun:
            entry = match_entry(token, lexicon.candidates(lemma, "NOUN"), lexicon)
            if entry is None:
                continue
            anchored = _nominal_anchor(token, lexicon, entry)
            if anchored is not None:
                found.append(TriggerMatch(entry, token, anchored[0], anchored[1]))
    return found


def without_carrying_verbs(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """The matches less the own rows of verbs that carry an event noun: a support verb adds
    no event of its own ("approved a loan" is the loan's AID alone), nor does its row for the
    measure it carries the noun by ("gave $1.3 billion in aid" is the aid's AID alone)."""
    carried: dict[int, list[Token]] = {}
    for m in matches:
        if m.rule.startswith(SUPPORT_VERB_RULE):
            carried.setdefault(m.anchor.i, []).append(m.trigger)
    return [
        m
        for m in matches
        if not (
            m.trigger.i in carried
            and m.trigger.i == m.anchor.i
            and (
                not m.entry.with_dep
                or any(_carried_by(n, m.trigger, m.entry.with_lemma) for n in carried[m.trigger.i])
            )
        )
    ]


def _carried_by(noun: Token, verb: Token, lemma: str) -> bool:
    """Does ``verb`` carry the event ``noun`` through a word of that lemma ("gave $1.3
    billion in aid": billion)?"""
    for token in noun.ancestors:
        if token.i == verb.i:
            return False
        if token.lemma_.lower() == lemma:
            return True
    return False
