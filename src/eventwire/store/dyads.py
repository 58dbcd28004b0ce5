"""Compound actors as dyads: the one rule every dyad count follows.

An event with actor countries A, B and recipient countries C, D counts once for each pair
A->C, A->D, B->C, B->D. A *mutual* event, with the same two or more countries on both sides
("the US and South Korea met"), gives its cross pairs only (USA->KOR, KOR->USA), not USA->USA.
A domestic event keeps its pair (Kenyan police arresting Kenyan protesters: KEN->KEN).

Used by the summary's busiest dyads, the API's dyads, series and network (which leaves
self-loops out of its drawing) and the GDELT export (one row per pair).
"""

from __future__ import annotations

from collections.abc import Iterable

# SQL over an ``events`` row: is the event mutual?
MUTUAL_SQL = (
    "(len(list_distinct(actor_countries)) > 1 AND "
    "list_sort(list_distinct(actor_countries)) = list_sort(list_distinct(recipient_countries)))"
)


def dyads_cte(where: str, columns: str) -> str:
    """A ``WITH`` clause whose table ``dyads`` has one row per (event, ``src``, ``dst``) pair of
    the events matching ``where`` (fixed SQL with ``?`` placeholders), with ``columns`` (a
    comma-separated list of events columns) carried along."""
    return (
        f"WITH e AS (SELECT event_id, {columns}, list_distinct(actor_countries) AS srcs, "
        f"list_distinct(recipient_countries) AS dsts, {MUTUAL_SQL} AS mutual FROM events{where}), "
        f"a AS (SELECT event_id, {columns}, mutual, dsts, unnest(srcs) AS src FROM e), "
        f"d AS (SELECT event_id, {columns}, mutual, src, unnest(dsts) AS dst FROM a), "
        "dyads AS (SELECT * FROM d WHERE NOT (mutual AND src = dst)) "
    )


def is_mutual(
    actor_countries: Iterable[str | None], recipient_countries: Iterable[str | None]
) -> bool:
    """The Python twin of :data:`MUTUAL_SQL`."""
    left, right = set(actor_countries), set(recipient_countries)
    return len(left) > 1 and left == right
