"""Read-only analyst queries: event search and paging, one event with its evidence.

Values always travel as parameters; the SQL text is assembled only from the fixed fragments in
this module (and ``?`` placeholders for list values). Articles and failures:
:mod:`eventwire.store.catalog`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from eventwire.records import actor_code
from eventwire.store.analytics_models import (
    ActorEntity,
    ArticleMeta,
    EventDetail,
    EventPage,
    EventRow,
    EventSearch,
    ExplanationInfo,
    Highlight,
    QuoteInfo,
    SortKey,
)

ROW_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "date_earliest", "date_latest", "type", "mode", "cameo", "score",
    "goldstein", "quad_class", "modality", "confidence", "actors", "recipients", "trigger_text",
    "trigger_start", "trigger_end", "sentence_start", "sentence_text", "location_name",
    "location_country", "quote_speaker", "story_id",
)  # fmt: skip
_DETAIL_COLUMNS: tuple[str, ...] = (
    "contexts", "sentence_index", "sentence_end", "quote_text", "lexicon_entry", "rule",
    "actor_evidence", "modality_cue", "date_rule", "date_phrase", "mentions", "coder_version",
    "lexicon_version", "run_id",
)  # fmt: skip
SELECT_ROWS = "SELECT " + ", ".join(ROW_COLUMNS) + " FROM events"
_SORTS: Mapping[SortKey, str] = {
    "date": "date_earliest ASC NULLS LAST, event_id",
    "-date": "date_earliest DESC NULLS LAST, event_id",
    "score": "score ASC NULLS LAST, date_earliest DESC NULLS LAST, event_id",
    "-score": "score DESC NULLS LAST, date_earliest DESC NULLS LAST, event_id",
    "confidence": "confidence ASC NULLS LAST, date_earliest DESC NULLS LAST, event_id",
    "-confidence": "confidence DESC NULLS LAST, date_earliest DESC NULLS LAST, event_id",
}
ARTICLE_COLUMNS = (
    "article_id, source, url, title, published, byline, agency, dateline, language, external_id"
)
ARTICLE_FIELDS: tuple[str, ...] = tuple(name.strip() for name in ARTICLE_COLUMNS.split(","))


# A text search counts its matches up to this many (a substring test reads every sentence;
# past this the page says "10,000+", as search engines do).
TEXT_COUNT_LIMIT = 10_000


def placeholders(n: int) -> str:
    """``?, ?, ?`` for ``n`` values (placeholders only: the values are bound as parameters)."""
    return ", ".join("?" for _ in range(n))


def search_where(search: EventSearch) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (fixed text and placeholders) and its parameters for a search."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause)
        params.extend(values)

    if search.actor:
        add("list_contains(actor_countries, ?)", search.actor.upper())
    if search.recipient:
        add("list_contains(recipient_countries, ?)", search.recipient.upper())
    if search.country:
        code = search.country.upper()
        add(
            "(list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?) "
            "OR location_country = ?)",
            code,
            code,
            code,
        )
    if search.sector:
        add(
            "len(list_filter(actors || recipients, lambda a: list_contains(a.sectors, ?))) > 0",
            search.sector.upper(),
        )
    if search.types:
        add(f"type IN ({placeholders(len(search.types))})", *(t.upper() for t in search.types))
    if search.mode:
        add("lower(mode) = ?", search.mode.lower())
    if search.quad_classes:
        add(f"quad_class IN ({placeholders(len(search.quad_classes))})", *search.quad_classes)
    if search.modalities:
        values = [m.lower() for m in search.modalities]
        add(f"modality IN ({placeholders(len(values))})", *values)
    if search.since is not None:
        add("date_latest >= ?", search.since)
    if search.until is not None:
        add("date_earliest <= ?", search.until)
    if search.story:  # a story id, or an article id standing for its article's story
        add(
            "story_id = coalesce((SELECT a.story_id FROM articles a WHERE a.article_id = ?), ?)",
            search.story,
            search.story,
        )
    if search.article_id is not None:
        add("article_id = ?", search.article_id)
    if search.min_confidence is not None:
        add("confidence >= ?", search.min_confidence)
    if search.text:
        # The substring test reads every sentence it is given, so it runs only on the rows the
        # other filters keep (DuckDB would otherwise test every row of the table): half the
        # time of a typed text search on a million events. The other filters stay as they are
        # too, for DuckDB to skip row groups by them.
        test = "contains(lower(sentence_text), ?)"
        if clauses:
            test = f"CASE WHEN {' AND '.join(clauses)} THEN {test} ELSE false END"
            params.extend(params)
        add(test, search.text.lower())
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _entity(raw: Mapping[str, Any]) -> ActorEntity:
    sectors = tuple(raw.get("sectors") or ())
    return ActorEntity(
        text=str(raw.get("text") or ""),
        country=raw.get("country"),
        sectors=sectors,
        code=actor_code(raw.get("country"), sectors),
        name=raw.get("name"),
        role=raw.get("role"),
        start=raw.get("start_char"),
        end=raw.get("end_char"),
        evidence=raw.get("evidence"),
        confidence=raw.get("confidence"),
    )


def _relative(start: int | None, end: int | None, base: int | None, size: int) -> tuple[int, int]:
    """(start, end) relative to a sentence starting at ``base``; (-1, -1) when outside it."""
    if start is None or end is None or base is None:
        return -1, -1
    rel_start, rel_end = start - base, end - base
    if rel_start < 0 or rel_end > size or rel_start >= rel_end:
        return -1, -1
    return rel_start, rel_end


def event_row(row: Sequence[Any]) -> EventRow:
    """An :class:`EventRow` from a row of :data:`ROW_COLUMNS`."""
    v = dict(zip(ROW_COLUMNS, row, strict=True))
    sentence = v["sentence_text"]
    start, end = _relative(
        v["trigger_start"], v["trigger_end"], v["sentence_start"], len(sentence or "")
    )
    return EventRow(
        event_id=v["event_id"],
        article_id=v["article_id"],
        date_earliest=v["date_earliest"],
        date_latest=v["date_latest"],
        type=v["type"],
        mode=v["mode"],
        cameo=v["cameo"],
        score=v["score"],
        goldstein=v["goldstein"],
        quad_class=v["quad_class"],
        modality=v["modality"],
        confidence=v["confidence"],
        actors=tuple(_entity(a) for a in v["actors"] or ()),
        recipients=tuple(_entity(a) for a in v["recipients"] or ()),
        trigger_text=v["trigger_text"],
        trigger_start=start if start >= 0 else None,
        trigger_end=end if end >= 0 else None,
        sentence_text=sentence,
        location_name=v["location_name"],
        location_country=v["location_country"],
        quote_speaker=v["quote_speaker"],
        story_id=v["story_id"],
    )


def search_events(
    con: duckdb.DuckDBPyConnection, search: EventSearch, *, with_total: bool = True
) -> EventPage:
    """One page of events matching ``search``, and how many match in all (-1 if not counted;
    for a text search at most :data:`TEXT_COUNT_LIMIT`, with ``total_exact`` false above it).

    Two steps: the page's event ids (a scan of the filter and sort columns only), then their
    rows by primary key. Fetching the wide columns for the page alone keeps a page fast when
    matching events are scattered over the whole table.
    """
    where, params = search_where(search)
    sql = f"SELECT event_id FROM events{where} ORDER BY {_SORTS[search.sort]} LIMIT ? OFFSET ?"
    ids = [r[0] for r in con.execute(sql, [*params, search.limit, search.offset]).fetchall()]
    rows: list[Any] = []
    if ids:
        found = con.execute(
            f"{SELECT_ROWS} WHERE event_id IN ({placeholders(len(ids))})", ids
        ).fetchall()
        by_id = {r[0]: r for r in found}
        rows = [by_id[i] for i in ids]
    total, exact = -1, True
    if with_total:
        total, exact = _count(con, where, params, TEXT_COUNT_LIMIT if search.text else None)
    return EventPage(
        events=tuple(event_row(r) for r in rows),
        total=total,
        total_exact=exact,
        limit=search.limit,
        offset=search.offset,
    )


def _count(
    con: duckdb.DuckDBPyConnection, where: str, params: list[Any], limit: int | None
) -> tuple[int, bool]:
    """How many events match, and whether that is exact: with a ``limit``, counting stops
    after ``limit`` matches (the scan stops there too) and the total is a lower bound."""
    if limit is None:
        counted = con.execute("SELECT count(*) FROM events" + where, params).fetchone()
        return (int(counted[0]) if counted is not None else 0), True
    sql = f"SELECT count(*) FROM (SELECT 1 FROM events{where} LIMIT ?)"
    counted = con.execute(sql, [*params, limit + 1]).fetchone()
    found = int(counted[0]) if counted is not None else 0
    return min(found, limit), found <= limit


def article_meta(row: Sequence[Any], events: int | None = None) -> ArticleMeta:
    return ArticleMeta(**dict(zip(ARTICLE_FIELDS, row, strict=True)), events=events)


def _highlights(
    row: EventRow, extra: Mapping[str, Any], quote: QuoteInfo | None
) -> list[Highlight]:
    sentence = row.sentence_text or ""
    base = extra["sentence_start"]
    found: list[Highlight] = []

    def add(role: Any, start: int, end: int, label: str) -> None:
        if 0 <= start < end <= len(sentence):
            found.append(
                Highlight(role=role, start=start, end=end, text=sentence[start:end], label=label)
            )

    if row.trigger_start is not None and row.trigger_end is not None:
        add("trigger", row.trigger_start, row.trigger_end, f"{row.type} trigger")
    for role, entities in (("actor", row.actors), ("recipient", row.recipients)):
        for entity in entities:
            add(role, *_relative(entity.start, entity.end, base, len(sentence)), entity.code)
    if quote is not None and quote.start is not None and quote.end is not None and base is not None:
        start, end = max(quote.start - base, 0), min(quote.end - base, len(sentence))
        add("quote", start, end, f"quote: {quote.speaker or 'unknown speaker'}")
    phrase = extra["date_phrase"]
    if phrase and (at := sentence.find(phrase)) >= 0:
        add("date", at, at + len(phrase), "date phrase")
    return sorted(found, key=lambda h: (h.start, -h.end, h.role))


def get_event_detail(con: duckdb.DuckDBPyConnection, event_id: str) -> EventDetail | None:
    """One event with its evidence, or ``None`` when there is no such event."""
    columns = (*ROW_COLUMNS, *_DETAIL_COLUMNS)
    got = con.execute(
        "SELECT " + ", ".join(columns) + " FROM events WHERE event_id = ?", [event_id]
    ).fetchone()
    if got is None:
        return None
    row = event_row(got[: len(ROW_COLUMNS)])
    extra = dict(zip(_DETAIL_COLUMNS, got[len(ROW_COLUMNS) :], strict=True))
    extra["sentence_start"] = got[ROW_COLUMNS.index("sentence_start")]
    quote: QuoteInfo | None = None
    if extra["quote_text"]:
        span = con.execute(
            "SELECT start_char, end_char FROM quotes WHERE article_id = ? AND text = ? "
            "ORDER BY start_char LIMIT 1",
            [row.article_id, extra["quote_text"]],
        ).fetchone()
        quote = QuoteInfo(
            text=extra["quote_text"],
            speaker=row.quote_speaker,
            start=span[0] if span else None,
            end=span[1] if span else None,
        )
    article_row = con.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE article_id = ?", [row.article_id]
    ).fetchone()
    return EventDetail(
        event=row,
        contexts=tuple(extra["contexts"] or ()),
        sentence_index=extra["sentence_index"],
        sentence_start=extra["sentence_start"],
        sentence_end=extra["sentence_end"],
        highlights=tuple(_highlights(row, extra, quote)),
        quote=quote,
        explanation=ExplanationInfo(
            lexicon_entry=extra["lexicon_entry"],
            rule=extra["rule"],
            actor_evidence=tuple(extra["actor_evidence"] or ()),
            modality_cue=extra["modality_cue"],
            date_rule=extra["date_rule"],
            date_phrase=extra["date_phrase"],
        ),
        article=article_meta(article_row) if article_row is not None else None,
        mentions=extra["mentions"],
        coder_version=extra["coder_version"],
        lexicon_version=extra["lexicon_version"],
        run_id=extra["run_id"],
    )
