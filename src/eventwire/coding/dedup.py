"""Story-level dedup: one event per restatement within an article."""

from __future__ import annotations

from dataclasses import replace

from eventwire.records import Actor, CodedEvent, Modality

ARTICLE_DATE_RULE = "article-date"
_NOT_ASSERTED = frozenset(
    {Modality.NEGATED, Modality.CONDITIONAL, Modality.HYPOTHETICAL, Modality.FUTURE}
)


def _key(event: CodedEvent) -> tuple[str, frozenset[str], frozenset[str], bool]:
    return (
        event.type,
        frozenset(a.country or "" for a in event.actors),
        frozenset(r.country or "" for r in event.recipients),
        event.modality in _NOT_ASSERTED,
    )


def _sectors(actors: tuple[Actor, ...]) -> frozenset[str]:
    return frozenset(s for a in actors for s in a.sectors)


def _same_sides(a: CodedEvent, b: CodedEvent) -> bool:
    """Do the two events' sides agree in sectors where both name some ("North Korea" and "North
    Korean officials" may be one side; the opposition and the judiciary of one country are
    not)?"""
    for one, two in ((a.actors, b.actors), (a.recipients, b.recipients)):
        first, second = _sectors(one), _sectors(two)
        if first and second and not first & second:
            return False
    return True


def _undated(event: CodedEvent) -> bool:
    return event.explanation.date_rule == ARTICLE_DATE_RULE


def _compatible(a: CodedEvent, b: CodedEvent) -> bool:
    if _undated(a) or _undated(b) or a.date is None or b.date is None:
        return True
    return a.date.overlaps(b.date.earliest, b.date.latest)


def _better(a: CodedEvent, b: CodedEvent) -> CodedEvent:
    """The more informative of two restatements: explicit date, then confidence, then first."""
    rank_a = (not _undated(a), a.confidence, -a.trigger.start)
    rank_b = (not _undated(b), b.confidence, -b.trigger.start)
    return a if rank_a >= rank_b else b


def merge_repeats(events: list[CodedEvent]) -> list[CodedEvent]:
    """Merge events with the same type, participants (countries, and sectors where both sides
    name some) and assertion whose dates are compatible.

    An event dated only by the article date is compatible with any date (its own is unknown).
    The kept event counts its restatements in ``mentions``; output stays in text order.
    """
    kept: list[CodedEvent] = []
    for event in events:
        for index, other in enumerate(kept):
            same = _key(other) == _key(event) and _same_sides(other, event)
            if same and _compatible(other, event):
                best = _better(other, event)
                kept[index] = replace(best, mentions=other.mentions + event.mentions)
                break
        else:
            kept.append(event)
    return sorted(kept, key=lambda e: (e.sentence_index, e.trigger.start, e.type))
