"""To whom: the recipient roles of an event from the dependency parse.

Rules, tried in order (the rule name is kept for ``eventwire explain``): direct object / dative,
then prepositional objects ("talks with", "aid to", "sanctions against"), then the object of a
complement ("threatened to abandon the agreements with X"), then the subject of a "saying ..."
clause ("took issue with ..., saying X began"); last resort (``verb_phrase_roles``): the first
actor in the verb's own phrase and its purpose clause, as TABARI and PETRARCH code targets
("eased the curfew in Libya", "condemned the allegations by Greece"), then where the verb of a
purpose went ("sent a team to Haiti to investigate").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.np import names_an_exception, prep_objects
from eventwire.coding.roles import RoleTokens, is_passive

RECIPIENT_PREPS = frozenset(
    {
        "with",
        "to",
        "against",
        "on",
        "at",
        "toward",
        "towards",
        "into",
        "upon",
        "from",
        "over",
        "between",
    }
)
OBJECT_DEPS = frozenset({"dobj", "dative", "attr"})
STANCE_NOUNS = frozenset({"defiance", "protest", "opposition", "retaliation", "response"})
# "X said [Y is about to ...]": what a reporting verb reports is not done to its subject.
REPORTING_VERBS = frozenset({"say", "report", "announce", "state", "add", "note", "write"})
# Words inside a larger noun phrase: the phrase is tried through its head.
PHRASE_PART_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos"})
CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "--", "(", ")"})
# "according to X" names who reports the event, not one who takes part in it.
ATTRIBUTION_WORDS = frozenset({"according"})
# "rejected the accusations during a news conference in Tehran": where that was is not to whom
CIRCUMSTANCE_PREPS = frozenset(
    {"during", "amid", "after", "before", "since", "until", "following", "throughout"}
)
# Words for one or more people, whoever they are.
PERSON_NOUNS = frozenset(
    {"man", "woman", "person", "people", "boy", "girl", "child", "youth", "teenager", "journalist",
     "reporter", "activist", "student", "worker", "citizen", "national", "tourist", "civilian"}
)  # fmt: skip
COUNTERPART_PREPS = frozenset({"with", "between", "among", "by", "from", "of"})
OTHER_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "conj", "parataxis"})


def _pobjs(
    token: Token,
    *,
    skip: Token | None = None,
    of: bool = False,
    extra: frozenset[str] = frozenset(),
) -> list[Token]:
    """Objects of recipient prepositions; with ``of`` also "invasion of X" (event nouns)."""
    preps = (RECIPIENT_PREPS | {"of"} if of else RECIPIENT_PREPS) | extra
    out = []
    for child in token.children:
        if (
            child.dep_ in ("prep", "prt", "agent", "dative")
            and child.lemma_.lower() in preps
            and not names_an_exception(child)  # "with the exception of Cyprus"
        ):
            objects = [
                g for g in child.children if g.dep_ == "pobj" and (skip is None or g.i != skip.i)
            ]
            if not objects and child.dep_ == "prep":
                objects = _stranded_object(child)
            out += objects
    return out


def _stranded_object(prep: Token) -> list[Token]:
    """The object of a preposition the parse left without one: shared with a later
    coordinated phrase ("ties with and an embassy in Tehran": the last noun phrase), or the
    noun phrase just after it, parsed as the subject of a clause that follows ("asylum to five
    officers holed up in ...", "clashed with farmers blocking a road")."""
    sent = prep.sent
    after = prep.i + 1
    if after >= sent.end:
        return []
    if prep.doc[after].pos_ == "CCONJ":
        shared = None
        for token in prep.doc[after + 1 : sent.end]:
            if token.is_punct and token.text != "-":
                break
            if token.dep_ == "pobj":
                shared = token
        return [shared] if shared is not None else []
    own = {t.i for t in prep.subtree}
    for token in prep.doc[after : sent.end]:
        if token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ not in PHRASE_PART_DEPS:
            # "clashed with farmers blocking a road": the subject of the preposition's clause
            clause_subject = token.dep_ == "nsubj" and token.head.dep_ == "pcomp"
            return [token] if token.i not in own or clause_subject else []
        if token.pos_ not in ("DET", "NUM", "ADJ", "NOUN", "PROPN", "ADV", "PUNCT"):
            return []
        if token.is_punct and token.text in CLAUSE_BREAKS:  # "... fled to, officials said"
            return []
    return []


def _stance_targets(anchor: Token) -> list[Token]:
    """ "blocked streets in defiance of Chinese authorities", "in protest at the decision"."""
    out = []
    for prep in anchor.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in STANCE_NOUNS:
                out += _pobjs(noun, of=True)
    return out


def recipient_roles(
    trigger: Token,
    anchor: Token,
    *,
    exclude: frozenset[int] = frozenset(),
    verb_phrase: bool = False,
    undergoer: bool = False,
    venue: bool = False,
) -> list[RoleTokens]:
    """Candidate recipient noun phrases of an event, best rule first.

    The coder takes the first candidate that resolves to an actor. ``exclude`` holds tokens that
    are part of the trigger (the event noun carried by a support verb, "issue" in "took issue").
    ``verb_phrase`` adds, last, every noun of the verb's own phrase in text order (TABARI's
    and PETRARCH's target: the first actor in the verb phrase), for imported verb patterns.
    With ``undergoer`` the subject is the recipient ("soldiers died in an ambush"). With
    ``venue`` (a meeting, agreement or cooperation) an "in" phrase on the event noun is where it
    took place, not whom it concerns ("talks in Islamabad"; but "lifted the state of emergency
    in Darfur").
    """
    candidates: list[RoleTokens] = []
    stance = _stance_targets(anchor)
    if stance:
        candidates.append(RoleTokens(tuple(stance), "target of 'in defiance of / in protest at'"))
    if trigger.i != anchor.i and trigger.pos_ in ("VERB", "AUX"):
        demanded_of = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
        if demanded_of:
            candidates.append(RoleTokens(tuple(demanded_of), "subject of the demanded action"))
    if is_passive(anchor) and trigger.i == anchor.i:
        subjects = [c for c in anchor.children if c.dep_ == "nsubjpass"] or _governing_subjects(
            anchor
        )
        if subjects:
            candidates.append(RoleTokens(tuple(subjects), "passive subject"))
    elif undergoer and trigger.i == anchor.i:
        subjects = [c for c in anchor.children if c.dep_ == "nsubj"]
        if subjects:
            candidates.append(
                RoleTokens(tuple(subjects), "subject of a verb of dying or surviving")
            )
    objects = [c for c in anchor.children if c.dep_ in OBJECT_DEPS and c.i not in exclude]
    if objects:
        candidates.append(RoleTokens(tuple(objects), "direct object"))
    preps = _pobjs(trigger, of=trigger.pos_ == "NOUN") if trigger.i != anchor.i else []
    preps += _pobjs(anchor, skip=trigger)
    for index in sorted(exclude):  # "lifted the state of emergency in Darfur"
        preps += _pobjs(anchor.doc[index], extra=frozenset() if venue else frozenset({"in"}))
    # whom it is against before the others ("filed a case against Israel at the ICJ")
    against = [p for p in preps if p.head.lower_ == "against"]
    rest = [p for p in preps if p not in against]
    for group in (against, rest):
        if group:
            candidates.append(RoleTokens(tuple(group), "prepositional object"))
    for child in anchor.children:
        reporting = anchor.lemma_.lower() in REPORTING_VERBS
        if (
            child.dep_ == "ccomp"
            and child.pos_ in ("VERB", "AUX")
            and trigger.i == anchor.i
            and not reporting
        ):
            # "demanded that the US cancel ...": who is asked, accused or warned
            subject = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subject:
                candidates.append(
                    RoleTokens(tuple(subject), f"subject of complement '{child.text}'")
                )
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
            # "threatened to abandon and denounce the accord with X": conjuncts share the role
            for verb in _verb_conjuncts(child) if child.dep_ == "xcomp" else [child]:
                inner = [c for c in verb.children if c.dep_ in OBJECT_DEPS] + _pobjs(verb)
                if inner:
                    rule = f"object of complement '{verb.text}'"
                    candidates.append(RoleTokens(tuple(inner), rule))
    for child in anchor.children:
        # "blocked a road to show their disapproval of US policy": the purpose names the target
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children)
        if child.dep_ == "advcl" and infinitive:
            for verb in _verb_conjuncts(child):  # "to unite and mobilize against X"
                inner = [c for c in verb.children if c.dep_ in OBJECT_DEPS] + _pobjs(verb)
                if inner:
                    candidates.append(RoleTokens(tuple(inner), f"object of purpose '{verb.text}'"))
    purpose = prep_objects((anchor,), ("for",))
    if purpose:
        candidates.append(RoleTokens(tuple(purpose), "object of 'for' phrase"))
    for child in anchor.children:
        participle = not any(c.dep_.startswith("nsubj") for c in child.children)
        if child.dep_ == "advcl" and child.lemma_.lower() == "say" and participle:
            for clause in child.children:
                if clause.dep_ == "ccomp":
                    subject = [c for c in clause.children if c.dep_ == "nsubj"]
                    if subject:
                        candidates.append(
                            RoleTokens(tuple(subject), "subject of a 'saying' clause")
                        )
    if verb_phrase:
        candidates += [
            RoleTokens((noun,), "first actor in the verb phrase") for noun in phrase_nouns(anchor)
        ]
    return candidates


def _verb_conjuncts(verb: Token) -> list[Token]:
    """A verb and the verb phrases coordinated after it ("to unite and mobilize"); a conjunct
    with a subject of its own is another clause."""
    return [
        verb,
        *[
            c
            for c in verb.conjuncts
            if c.i > verb.i
            and c.pos_ in ("VERB", "AUX")
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ],
    ]


def verb_phrase_roles(verb: Token) -> list[RoleTokens]:
    """The last resort, after every grammatical role: each noun of the verb's own phrase in text
    order (TABARI's and PETRARCH's target, the first actor in the verb phrase), leaving out the
    source of a report ("..., according to Iraqi officials"), phrases of when ("during a news
    conference in Tehran"; not a counterpart in them: "after talks with the government", "amid
    pressure from Washington") and relative clauses, which tell of other events ("the attack,
    which killed five Iraqi soldiers")."""
    left_out = {
        t.i
        for word in verb.subtree
        if (word.dep_ == "prep" and word.lower_ in ATTRIBUTION_WORDS)
        or names_an_exception(word)
        or word.dep_ == "relcl"
        or _describes_a_person(word)
        for t in word.subtree
    }
    when = {t.i for w in verb.subtree if w.lower_ in CIRCUMSTANCE_PREPS for t in w.subtree}
    left_out |= when - {  # a counterpart in it stays ("after talks with the government")
        t.i
        for word in verb.subtree
        if word.dep_ == "prep" and word.lower_ in COUNTERPART_PREPS and word.i in when
        for t in word.subtree
    }
    roles = [
        RoleTokens((noun,), "first actor in the verb phrase")
        for noun in phrase_nouns(verb, purposes=True)
        if noun.i not in left_out
    ]
    if verb.dep_ in ("advcl", "xcomp") and _infinitive(verb):
        # "sent inspectors to Bosnia to investigate ...": the purpose acts where its verb went
        governing = _pobjs(verb.head, skip=verb)
        if governing:
            rule = f"prepositional object of the governing verb '{verb.head.text}'"
            roles.append(RoleTokens(tuple(governing), rule))
    return roles


def _describes_a_person(clause: Token) -> bool:
    """Is the clause a participle describing a person ("executed a man convicted of spying for
    Israel", "freed a journalist detained by Turkish police")? Whom it names took part in
    another event; an act's participle ("crimes committed by Croat forces") is left in."""
    noun = clause.head
    return (
        clause.dep_ == "acl"
        and clause.tag_ in ("VBN", "VBG")
        and (noun.lemma_.lower() in PERSON_NOUNS or noun.ent_type_ == "PERSON")
    )


def _governing_subjects(verb: Token) -> list[Token]:
    """The subject of the clause a subjectless passive depends on: "a prisoner died after
    being tortured by police", "journalists were killed after being abducted" (the prisoner,
    the journalists were tortured, abducted), "Iran wants to be invited" (Iran is invited),
    "diplomats were arrested and expelled" (the subject of a passive a participle is
    coordinated with; not of an active verb: "X raided Y and was condemned" is as often a parse
    that joined two clauses)."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ not in ("advcl", "xcomp", "conj") or head.pos_ not in ("VERB", "AUX"):
        return []
    if verb.dep_ == "conj":
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    return [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def phrase_nouns(verb: Token, *, purposes: bool = False) -> list[Token]:
    """Nouns after the verb in its own phrase, leaving out clauses of other events; with
    ``purposes``, keeping its purpose clauses ("blocked roads to press demands on X")."""
    skipped: set[int] = set()
    for child in verb.children:
        if purposes and child.dep_ == "advcl" and _infinitive(child):
            continue
        if child.dep_ in OTHER_CLAUSE_DEPS:
            skipped.update(t.i for t in child.subtree)
    return [
        t
        for t in verb.subtree
        if t.i > verb.i
        and t.i not in skipped
        and t.pos_ in ("PROPN", "NOUN")
        and t.dep_ not in PHRASE_PART_DEPS
    ]
