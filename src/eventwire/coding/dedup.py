"""Story-level dedup: one event per restatement within an article."""

from __future__ import annotations

from dataclasses import replace

from eventwire.records import CodedEvent, Modality

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
    """Merge events with the same type, participants and assertion whose dates are compatible.

    An event dated only by the article date is compatible with any date (its own is unknown).
    The kept event counts its restatements in ``mentions``; output stays in text order.
    """
    kept: list[CodedEvent] = []
    for event in events:
        for index, other in enumerate(kept):
            if _key(other) == _key(event) and _compatible(other, event):
                best = _better(other, event)
                kept[index] = replace(best, mentions=other.mentions + event.mentions)
                break
        else:
            kept.append(event)
    return sorted(kept, key=lambda e: (e.sentence_index, e.trigger.start, e.type))
