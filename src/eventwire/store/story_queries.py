"""Events counted once per story: the same event (type, actor and recipient countries) reported
by several copies of one story is one story event, with how many articles and sources carry it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from eventwire.store.models import EventFilter
from eventwire.store.queries import filter_sql
from eventwire.store.writer import SOURCE_KEY


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryEvent:
    """One event of one story, however many articles report it."""

    story_id: str
    type: str
    actor_countries: tuple[str, ...]
    recipient_countries: tuple[str, ...]
    date_earliest: date | None
    date_latest: date | None
    event_id: str  # the first report of it (earliest article, then position)
    mentions: int  # event rows merged
    articles: int  # distinct articles reporting it
    sources: int  # distinct agencies / sites reporting it


def story_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[StoryEvent]:
    """Story events matching ``flt`` (its filters apply to the event rows), oldest first."""
    where, params = filter_sql(flt)
    sql = f"""
        SELECT e.story_id, e.type, e.actor_countries, e.recipient_countries,
               min(e.date_earliest), max(e.date_latest),
               arg_min(e.event_id, (a.published, e.article_id, e.sentence_index,
                                    e.trigger_start, e.event_id)),
               count(*), count(DISTINCT e.article_id), count(DISTINCT {SOURCE_KEY})
        FROM (SELECT * FROM events{where}) e JOIN articles a USING (article_id)
        GROUP BY e.story_id, e.type, e.actor_countries, e.recipient_countries
        ORDER BY min(e.date_earliest) ASC NULLS LAST, e.story_id, e.type,
                 e.actor_countries, e.recipient_countries
        LIMIT ? OFFSET ?
    """
    rows = con.execute(sql, [*params, flt.limit, flt.offset]).fetchall()
    return [
        StoryEvent(
            story_id=str(r[0]),
            type=str(r[1]),
            actor_countries=tuple(r[2] or ()),
            recipient_countries=tuple(r[3] or ()),
            date_earliest=r[4],
            date_latest=r[5],
            event_id=str(r[6]),
            mentions=int(r[7]),
            articles=int(r[8]),
            sources=int(r[9]),
        )
        for r in rows
    ]


def count_story_events_by_type(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, int]]:
    """(type, events, events once per story) for every type, most frequent first."""
    rows = con.execute(
        "SELECT type, count(*), count(DISTINCT (story_id, actor_countries, recipient_countries)) "
        "FROM events GROUP BY type ORDER BY count(*) DESC, type"
    ).fetchall()
    return [(str(r[0]), int(r[1]), int(r[2])) for r in rows]
