"""The date of an event: the nearest resolved date expression governing its trigger."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.records import DateInterval

# Temporal clauses carry their own time: "days after X said ..." is not dated by the main clause.
TEMPORAL_MARKS = frozenset({"after", "before", "since", "until", "till", "once"})
INHERIT_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl", "pcomp"})
ARGUMENT_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# "channels starting in mid-February": these participles time the clause, even on a noun.
TEMPORAL_PARTICIPLES = frozenset({"start", "begin", "end", "last", "date"})


def attachment(date: Span) -> Token | None:
    """The verb or noun a date expression modifies (climbing through subject-less participles)."""
    token = date.root
    for _ in range(12):
        head = token.head
        if head.i == token.i:
            return None
        if date.start <= head.i < date.end:
            token = head
            continue
        if head.pos_ in ARGUMENT_POS:
            through_time_word = token.dep_ == "acl" and token.lemma_.lower() in TEMPORAL_PARTICIPLES
            if through_time_word and head.head.i != head.i:
                token = head
                while token.pos_ in ARGUMENT_POS or token.pos_ == "ADP":
                    if token.head.i == token.i:
                        return None
                    token = token.head
                return token
            return head
        if head.pos_ in ("VERB", "AUX"):
            participle = head.tag_ in ("VBG", "VBN") and head.dep_ in ("advcl", "acl", "xcomp")
            if participle and not any(c.dep_.startswith("nsubj") for c in head.children):
                token = head
                continue
            return head
        token = head
    return None


def _has_temporal_mark(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in token.children)


def event_date(
    trigger: Token, anchor: Token, dates: list[Span], *, max_climb: int = 4
) -> tuple[DateInterval, str] | None:
    """The resolved date attached to the trigger noun, the anchor verb or a governing clause."""
    attached: dict[int, list[Span]] = {}
    for span in dates:
        target = attachment(span)
        if target is not None:
            attached.setdefault(target.i, []).append(span)

    def nearest(token: Token) -> Span | None:
        spans = attached.get(token.i, [])
        return min(spans, key=lambda s: abs(s.start - token.i)) if spans else None

    if trigger.i != anchor.i:
        found = nearest(trigger)
        if found is not None:
            return found._.ew_interval, f"{found._.ew_date_rule}: modifies the event noun"
    node = anchor
    for depth in range(max_climb + 1):
        found = nearest(node)
        if found is not None:
            how = (
                "attached to the trigger" if depth == 0 else f"from governing clause '{node.text}'"
            )
            return found._.ew_interval, f"{found._.ew_date_rule}: {how}"
        if node.dep_ not in INHERIT_DEPS or _has_temporal_mark(node) or node.head.i == node.i:
            return None
        node = node.head
    return None
