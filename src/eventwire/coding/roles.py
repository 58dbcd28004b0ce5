"""Who did it: the actor roles of an event from the dependency parse (recipients are in
:mod:`eventwire.coding.recipients`).

Rules, tried in order (the rule name is kept for ``eventwire explain``):
- active subject (``nsubj``); passive: the ``by`` agent is the actor, the subject the recipient;
- relative clauses take the noun they modify; conjoined verbs, infinitive complements and
  participles ("while criticizing", "agreed to resume") inherit the governing verb's subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.coding.np import RELATIVE_PRONOUNS

INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
# "were engaged / involved in ...": a passive of taking part; its subject takes part
TAKING_PART = frozenset({"engage", "involve"})
# "guilty of violating", "responsible for killing": the one held to blame did it
CULPABLE_WORDS = frozenset({"guilty", "responsible", "culpable"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# "X was seen / is said / was known / is scheduled to ...": verbs whose passive subject is the
# actor of the complement (whether it is done, planned or only expected is the modality's to say).
RAISING_VERBS = frozenset(
    {"see", "hear", "know", "say", "report", "believe", "think", "find", "observe", "allege",
     "schedule", "set", "slate", "expect"}
)  # fmt: skip
# Verbs of acts done to someone: their passive is never an attitude of its subject ("the
# ministry has been criticised over the costs", "was praised for its response"; an imported
# TABARI/PETRARCH pattern may say otherwise).
DONE_TO_SOMEONE = frozenset(
    {"criticise", "criticize", "condemn", "accuse", "blame", "denounce", "rebuke", "attack",
     "slam", "censure", "chastise", "reprimand", "fault", "lambast", "lambaste", "castigate",
     "vilify", "scold", "praise", "thank", "commend", "applaud", "hail", "congratulate",
     "reject", "snub", "rebuff", "ask", "urge", "tell", "warn", "invite", "charge", "sue"}
)  # fmt: skip
# "is opposed to", "is satisfied with", "is angry over": prepositions completing an attitude.
STANCE_PREPS = frozenset(
    {"to", "with", "about", "over", "at", "toward", "towards", "in", "against"}
)
# Verbs of sending forces or goods: in the passive with no agent, what was sent acts for the
# country it belongs to ("American troops were deployed to Iraq").
SENDING_VERBS = frozenset(
    {"deploy", "redeploy", "send", "dispatch", "mass", "station", "mobilize", "mobilise",
     "ship", "deliver"}
)  # fmt: skip
# "put the army on alert", "kept on standby": verbs placing forces in a state of readiness
PLACING_VERBS = frozenset({"put", "place", "keep"})
READINESS_NOUNS = frozenset({"alert", "standby"})
# "Three soldiers died in an ambush", "the vice president survived an assassination attempt":
# the subject of a verb of dying or surviving undergoes the event.
UNDERGOER_VERBS = frozenset({"die", "perish", "survive", "escape"})
# "an attempt to assassinate the governor": the act attempted is done (CAMEO 185 for killing)
ATTEMPT_NOUNS = frozenset({"attempt", "bid"})
# verbs whose subject makes the attempt ("gunmen made an attempt to kill ...")
ATTEMPT_MAKERS = frozenset(
    {"make", "launch", "mount", "stage", "lead", "begin", "renew", "undertake", "carry"}
)


@dataclass(frozen=True, slots=True)
class RoleTokens:
    """Heads of the noun phrases filling a role, and the rule that found them."""

    heads: tuple[Token, ...]
    rule: str


def is_passive(verb: Token) -> bool:
    """A passive verb, or a participle coordinated with one that shares its auxiliary ("were
    kidnapped and killed")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
        and is_passive(verb.head)
    )


def takes_part(verb: Token) -> bool:
    """Is the verb a passive of taking part ("were involved in the attack")? Its subject acts:
    it is no agentless passive of the event."""
    return verb.lemma_.lower() in TAKING_PART and is_passive(verb)


def subject_undergoes(verb: Token) -> bool:
    """Is the verb's subject the one it happens to, as in a passive ("soldiers died")?"""
    return verb.lemma_.lower() in UNDERGOER_VERBS


def _agent(verb: Token) -> Token | None:
    """The by-agent of a passive, or of the passive participle coordinated after it, which
    shares it ("were arrested and charged by police")."""
    for candidate in (verb, *(c for c in verb.children if c.dep_ == "conj" and c.i > verb.i)):
        if candidate is not verb and (
            not is_passive(candidate) or any(c.dep_.startswith("nsubj") for c in candidate.children)
        ):
            continue  # not a passive, or another clause ("... and X may be interviewed by")
        for child in candidate.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
    return None


def subject_roles(
    verb: Token, *, stative: bool = False, max_climb: int = 4, event_noun: bool = False
) -> list[RoleTokens]:
    """Candidate actor noun phrases of a verb, best first (the coder takes the first that
    resolves). ``stative``: a passive with no by-agent names its actor as subject ("Israel is
    opposed to ...", "X is committed to ..."). ``event_noun``: ``verb`` is an event noun
    anchoring itself, whose actor is its possessor ("Iran's refusal to halt enrichment")."""
    if event_noun:
        possessors = tuple(c for c in verb.children if c.dep_ == "poss")
        return [RoleTokens(possessors, "possessor of the event noun")] if possessors else []
    candidates: list[RoleTokens] = []
    current = verb
    via: list[str] = []
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    for _ in range(max_climb + 1):
        # "Rebuked by Eriador, Osgiliath ...": a past participle with a by-agent is passive too
        if is_passive(current) or (current.tag_ == "VBN" and _agent(current) is not None):
            subject = [c for c in current.children if c.dep_ == "nsubjpass"]
            if subject and via and via[-1].startswith(("conj", "xcomp")) and not own_subject:
                # "X was indicted by the court and will resign", "Iran was urged by the US to
                # halt enrichment": X resigns, Iran is to halt; the agent only did the passive
                return [RoleTokens(tuple(subject), _rule("subject of the passive", via))]
            agent = _agent(current)
            if agent is not None:
                return [RoleTokens((agent,), _rule("passive by-agent", via))]
            if stative and subject and _attitude_complement(current):
                return [RoleTokens(tuple(subject), _rule("stative passive subject", via))]
            raising = current.lemma_.lower() in RAISING_VERBS
            if subject and raising and via and via[-1].startswith("xcomp"):
                # raising: "X was seen to break into ...": the passive subject acts
                return [RoleTokens(tuple(subject), _rule("subject of a raising passive", via))]
            if subject and takes_part(current):
                # "forces were engaged / involved in the attack": they took part
                return [RoleTokens(tuple(subject), _rule("subject of taking part", via))]
            if (
                subject
                and not via
                and current.lemma_.lower() in SENDING_VERBS
                and all(t.ent_type_ != "PERSON" for t in subject)  # not "Navalny was sent abroad"
            ):
                # "American troops were deployed to Iraq", "Japanese aid was sent to Haiti":
                # what was sent is its own country's
                return [RoleTokens(tuple(subject), "what was sent, of its own country")]
            if subject and not via and _placed_on_alert(current):
                # "Nigerian troops were put on alert": forces are their own country's
                return [RoleTokens(tuple(subject), "forces put on alert, of their own country")]
            if (
                not subject
                and not via
                and current.dep_ in (*INHERIT_SUBJECT_DEPS, "acl", "relcl")
                and not takes_part(current)
            ):
                # "Iran wants to be invited", "Israel attacked Gaza and was condemned": the
                # subject the passive shares with its clause undergoes it (its recipient), as
                # does the noun it modifies ("the twelfth activist to be arrested")
                break
        subjects = tuple(c for c in current.children if c.dep_ == "nsubj")
        if subjects:
            if subjects[0].lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return [RoleTokens((current.head,), _rule("relative clause", via))]
            # several subjects are a parser split of one phrase ("Old foes Gondor and ...")
            return [RoleTokens(subjects, _rule("active subject", via))]
        if current.dep_ in ("relcl", "acl"):
            # "protesters demanding ...": the noun; "a declaration demanding ...": whoever
            # issued the declaration.
            candidates.append(RoleTokens((current.head,), _rule("noun the clause modifies", via)))
            if (
                current.dep_ == "acl"
                and current.head.head.i != current.head.i
                and not unattributed_attempt(current)
            ):
                for found in subject_roles(current.head.head, max_climb=max_climb - 1):
                    rule = f"{found.rule} (of '{current.head.head.text}' {current.head.text})"
                    candidates.append(RoleTokens(found.heads, rule))
            return candidates
        culpable = current.head.head if current.dep_ == "pcomp" else None
        if culpable is not None and culpable.lemma_.lower() in CULPABLE_WORDS:
            # "X is guilty of violating ...", "was responsible for killing ...": X did it
            via.append(f"{current.head.text} of '{culpable.text}'")
            current = culpable
            continue
        if current.dep_ not in INHERIT_SUBJECT_DEPS or current.head.i == current.i:
            break
        via.append(f"{current.dep_} of '{current.head.text}'")
        current = current.head
    repaired = _adjacent_subject(verb)
    if repaired is not None:
        return [RoleTokens((repaired,), "repaired subject: noun phrase just before the verb")]
    return []


def _placed_on_alert(verb: Token) -> bool:
    """Does the verb place its object in a state of readiness ("put on alert")?"""
    return verb.lemma_.lower() in PLACING_VERBS and any(
        prep.lower_ == "on" and any(o.lemma_.lower() in READINESS_NOUNS for o in prep.children)
        for prep in verb.children
    )


def unattributed_attempt(verb: Token) -> bool:
    """Is the verb what an attempt tried to do, with no word for who tried ("an attempt to
    assassinate the governor was thwarted", "police foiled an attempt to kill him", "survived
    an attempt to kill him")? Only a verb of making the attempt gives its subject ("gunmen made
    an attempt to kill ..."); whoever thwarted, survived or condemned it did not try."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in ATTEMPT_NOUNS:
        return False
    if any(c.dep_ == "poss" for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ == "by" for c in noun.children
    ):
        return False  # "Russia's attempt to ...", "an attempt by rebels to ..."
    return noun.head.lemma_.lower() not in ATTEMPT_MAKERS or noun.dep_ not in ("dobj", "nsubjpass")


def _attitude_complement(participle: Token) -> bool:
    """Is a passive participle an attitude held by its subject ("is opposed to", "are committed
    to ending", "is satisfied with")? Without such a complement it is an act done to the subject
    ("officials would be indicted for war crimes")."""
    for child in participle.children:
        if child.dep_ == "prep" and child.lower_ in STANCE_PREPS:
            return True
        if child.dep_ == "xcomp" and any(c.tag_ == "TO" for c in child.children):
            return True
    return False


def _adjacent_subject(verb: Token) -> Token | None:
    """A finite verb the parser left without a subject takes the noun phrase just before it.

    ("According to the State Department, Blinken and Chung reaffirmed ..." is often parsed with
    the names conjoined to "Department".) The phrase is climbed through its conjuncts up to the
    comma or preposition that separates it from what precedes.
    """
    if verb.tag_ not in FINITE_TAGS:
        return None
    index = verb.i - 1
    while index >= verb.sent.start and verb.doc[index].pos_ in ("ADV", "AUX", "PART"):
        index -= 1
    if index < verb.sent.start:
        return None
    token = verb.doc[index]
    if token.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    while token.dep_ == "conj" and token.i > verb.sent.start:
        before = verb.doc[token.i - 1]
        if before.is_punct or before.pos_ == "ADP":
            break
        token = token.head
    while token.dep_ in ("compound", "amod", "poss") and token.head.i < verb.i:
        token = token.head
    return token


def _rule(base: str, via: list[str]) -> str:
    return base if not via else f"{base} (inherited via {', '.join(via)})"
