"""Turning coded records into table rows, and writing them: one transaction per batch.

Rows are built completely before the transaction starts, so a record that cannot be stored is
refused before anything is touched. Inside the transaction every row of the batch's article ids
is deleted first (events, actor mentions, quotes, the article, and its failures), then the new
rows are inserted, one statement per table (each column bound as one list); any error rolls
the whole batch back.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.records import Actor, CodedArticle, CodedEvent, Failure
from eventwire.store.schema import ACTOR_STRUCT

Row = tuple[Any, ...]

DELETE_BY_ARTICLE: tuple[str, ...] = tuple(
    f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
    for table in (
        "events", "actor_mentions", "quotes", "failures", "story_bands", "story_signatures",
        "articles",
    )
)  # fmt: skip
# (column, type) of every column a writer fills, in the order row tuples hold them. The types
# must equal the live schema's (a test checks); they let each column travel as one typed list.
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"), ("external_id", "VARCHAR"), ("source", "VARCHAR"),
    ("url", "VARCHAR"), ("title", "VARCHAR"), ("published", "DATE"), ("byline", "VARCHAR"),
    ("agency", "VARCHAR"), ("dateline", "VARCHAR"), ("language", "VARCHAR"), ("text", "VARCHAR"),
    ("body_offset", "INTEGER"), ("run_id", "VARCHAR"), ("coder_version", "VARCHAR"),
    ("ingested_at", "TIMESTAMP"), ("story_id", "VARCHAR"), ("content_hash", "VARCHAR"),
)  # fmt: skip
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"), ("article_id", "VARCHAR"), ("run_id", "VARCHAR"),
    ("type", "VARCHAR"), ("mode", "VARCHAR"), ("contexts", "VARCHAR[]"), ("cameo", "VARCHAR"),
    ("score", "DOUBLE"), ("goldstein", "DOUBLE"), ("quad_class", "INTEGER"),
    ("actors", f"{ACTOR_STRUCT}[]"), ("recipients", f"{ACTOR_STRUCT}[]"),
    ("actor_countries", "VARCHAR[]"), ("recipient_countries", "VARCHAR[]"),
    ("date_earliest", "DATE"), ("date_latest", "DATE"), ("date_phrase", "VARCHAR"),
    ("modality", "VARCHAR"), ("trigger_text", "VARCHAR"), ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"), ("sentence_index", "INTEGER"), ("sentence_start", "INTEGER"),
    ("sentence_end", "INTEGER"), ("sentence_text", "VARCHAR"), ("quote_text", "VARCHAR"),
    ("quote_speaker", "VARCHAR"), ("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
    ("confidence", "DOUBLE"), ("lexicon_entry", "VARCHAR"), ("rule", "VARCHAR"),
    ("actor_evidence", "VARCHAR[]"), ("modality_cue", "VARCHAR"), ("date_rule", "VARCHAR"),
    ("coder_version", "VARCHAR"), ("lexicon_version", "VARCHAR"), ("mentions", "INTEGER"),
    ("story_id", "VARCHAR"), ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"),
)  # fmt: skip
MENTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"), ("sentence_index", "INTEGER"), ("start_char", "INTEGER"),
    ("end_char", "INTEGER"), ("text", "VARCHAR"), ("country", "VARCHAR"),
    ("sectors", "VARCHAR[]"), ("name", "VARCHAR"), ("role", "VARCHAR"), ("evidence", "VARCHAR"),
    ("confidence", "DOUBLE"),
)  # fmt: skip
QUOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"), ("sentence_index", "INTEGER"), ("start_char", "INTEGER"),
    ("end_char", "INTEGER"), ("text", "VARCHAR"), ("speaker_text", "VARCHAR"),
    ("speaker_country", "VARCHAR"),
)  # fmt: skip
ARTICLE_STORY = [name for name, _ in ARTICLE_COLUMNS].index("story_id")
SIGNATURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"), ("story_id", "VARCHAR"), ("published", "DATE"),
    ("signature", "BLOB"),
)  # fmt: skip
BAND_COLUMNS: tuple[tuple[str, str], ...] = (("band_key", "BIGINT"), ("article_id", "VARCHAR"))
# A story's reporting sources: the agency, else the URL's host, else the input it came from.
SOURCE_KEY = "coalesce(agency, nullif(regexp_extract(url, '://([^/:]+)', 1), ''), source)"
_STORY_IDS_OF = (
    "SELECT DISTINCT story_id FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
)
REFRESH_STORIES = (
    "DELETE FROM stories WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
    "INSERT INTO stories SELECT story_id, count(*), "
    f"count(DISTINCT {SOURCE_KEY}), min(published), max(published) FROM articles "
    "WHERE story_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY story_id",
)
FAILURE_COLUMNS: tuple[str, ...] = (
    "failure_id", "run_id", "source", "article_id", "stage", "code", "message", "excerpt", '"at"',
)  # fmt: skip


def _bulk_insert(table: str, columns: Sequence[tuple[str, str]]) -> str:
    """One INSERT for many rows: each column is one typed list parameter, unnested in step.

    Much faster than ``executemany`` (one statement, one conversion per column). Columns are
    named, so columns added by later migrations never shift values.
    """
    names = ", ".join(name for name, _ in columns)
    values = ", ".join(f"unnest(?::{sql_type}[])" for _, sql_type in columns)
    return f"INSERT INTO {table} ({names}) SELECT {values}"


INSERT_ARTICLES = _bulk_insert("articles", ARTICLE_COLUMNS)
INSERT_EVENTS = _bulk_insert("events", EVENT_COLUMNS)
INSERT_MENTIONS = _bulk_insert("actor_mentions", MENTION_COLUMNS)
INSERT_QUOTES = _bulk_insert("quotes", QUOTE_COLUMNS)
INSERT_SIGNATURES = _bulk_insert("story_signatures", SIGNATURE_COLUMNS)
INSERT_BANDS = _bulk_insert("story_bands", BAND_COLUMNS)
UPSERT_FAILURE = (
    f"INSERT OR REPLACE INTO failures ({', '.join(FAILURE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in FAILURE_COLUMNS)})"
)


def utcnow() -> datetime:
    """Now, in UTC, as the naive timestamp the ``TIMESTAMP`` columns hold."""
    return datetime.now(UTC).replace(tzinfo=None)


def failure_id(failure: Failure) -> str:
    """The failure's key: a hash of source, stage and code (so re-recording it replaces it)."""
    key = "\x1f".join((failure.source, failure.stage, failure.code))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _countries(actors: Sequence[Actor]) -> list[str]:
    """Resolved country codes in actor order, each once; unresolved actors are left out."""
    seen: dict[str, None] = {}
    for actor in actors:
        if actor.country:
            seen.setdefault(actor.country, None)
    return list(seen)


def _actor_struct(actor: Actor) -> dict[str, Any]:
    return {
        "text": actor.text,
        "country": actor.country,
        "sectors": list(actor.sectors),
        "name": actor.name,
        "role": actor.role,
        "start_char": actor.span.start if actor.span is not None else None,
        "end_char": actor.span.end if actor.span is not None else None,
        "evidence": actor.evidence,
        "confidence": actor.confidence,
    }


def content_hash(text: str) -> str:
    """The hash of an article's normalised text: equal texts from different sources share it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def event_row(event: CodedEvent, *, run_id: str, story_id: str | None = None) -> Row:
    """The ``events`` row for one event; nothing in it depends on the run except ``run_id``.

    ``story_id`` is the story the event's article belongs to (the article itself by default).
    """
    quote = event.quote
    quote_speaker: str | None = None
    if quote is not None:
        quote_speaker = quote.speaker_text or (quote.speaker.text if quote.speaker else None)
    location = event.location
    explanation = event.explanation
    when = event.date
    return (
        event.id,
        event.article_id,
        run_id,
        event.type,
        event.mode,
        list(event.contexts),
        event.cameo,
        event.score,
        event.goldstein,
        event.quad_class,
        [_actor_struct(actor) for actor in event.actors],
        [_actor_struct(actor) for actor in event.recipients],
        _countries(event.actors),
        _countries(event.recipients),
        when.earliest if when is not None else None,
        when.latest if when is not None else None,
        when.phrase if when is not None else None,
        event.modality.value,
        event.trigger.text,
        event.trigger.start,
        event.trigger.end,
        event.sentence_index,
        event.sentence.start,
        event.sentence.end,
        event.sentence.text,
        quote.span.text if quote is not None else None,
        quote_speaker,
        location.name if location is not None else None,
        location.country if location is not None else None,
        event.confidence,
        explanation.lexicon_entry,
        explanation.rule,
        list(explanation.actor_evidence),
        explanation.modality_cue,
        explanation.date_rule,
        event.coder_version,
        event.lexicon_version,
        event.mentions,
        story_id or event.article_id,
        location.lat if location is not None else None,
        location.lon if location is not None else None,
    )


@dataclass(frozen=True, slots=True)
class StoryRow:
    """An article's story and the near-duplicate signature stored to match later copies."""

    article_id: str
    story_id: str
    published: date | None
    signature: bytes
    band_keys: tuple[int, ...]


def signature_row(story: StoryRow) -> Row:
    """The ``story_signatures`` row of an article."""
    return (story.article_id, story.story_id, story.published, story.signature)


def band_rows(story: StoryRow) -> list[Row]:
    """The ``story_bands`` rows of an article: one per LSH band key."""
    return [(key, story.article_id) for key in story.band_keys]


@dataclass(frozen=True, slots=True)
class BatchRows:
    """Every row one batch of coded articles writes, as row tuples in ``*_COLUMNS`` order."""

    article_ids: list[str]
    articles: list[Row]
    events: list[Row]
    mentions: list[Row]
    quotes: list[Row]
    signatures: list[Row] = field(default_factory=list)
    bands: list[Row] = field(default_factory=list)


def _check_ids(coded: CodedArticle) -> None:
    article_id = coded.article.id
    stray = sorted(
        (
            {e.article_id for e in coded.events}
            | {m.article_id for m in coded.mentions}
            | {q.article_id for q in coded.quotes}
        )
        - {article_id}
    )
    if stray:
        raise StoreError(
            f"coded article {article_id!r} carries events, mentions or quotes of other "
            f"article ids {stray}; every record of a CodedArticle must have its article id"
        )


def batch_rows(
    batch: Sequence[CodedArticle],
    *,
    run_id: str,
    coder_version: str,
    ingested_at: datetime,
    stories: Sequence[StoryRow] = (),
) -> BatchRows:
    """Build the rows of a batch. An article id given twice keeps its last version only.

    ``stories`` gives articles their story ids and signatures; an article not in it is its own
    story and has no signature (so later copies cannot be matched with it).
    """
    story_of = {row.article_id: row for row in stories}
    latest: dict[str, CodedArticle] = {}
    for coded in batch:
        _check_ids(coded)
        latest.pop(coded.article.id, None)
        latest[coded.article.id] = coded
    rows = BatchRows(list(latest), [], [], [], [])
    for coded in latest.values():
        art = coded.article
        story = story_of.get(art.id)
        story_id = story.story_id if story is not None else art.id
        rows.articles.append(
            (
                art.id,
                art.external_id,
                art.source,
                art.url,
                art.title,
                art.published,
                art.byline,
                art.agency,
                art.dateline,
                art.language,
                art.text,
                art.body_offset,
                run_id,
                coder_version,
                ingested_at,
                story_id,
                content_hash(art.text),
            )
        )
        if story is not None:
            rows.signatures.append(signature_row(story))
            rows.bands.extend(band_rows(story))
        rows.events.extend(
            event_row(event, run_id=run_id, story_id=story_id) for event in coded.events
        )
        rows.mentions.extend(
            (
                art.id,
                m.sentence_index,
                m.span.start,
                m.span.end,
                m.span.text,
                m.actor.country,
                list(m.actor.sectors),
                m.actor.name,
                m.actor.role,
                m.actor.evidence,
                m.actor.confidence,
            )
            for m in coded.mentions
        )
        rows.quotes.extend(
            (
                art.id,
                q.sentence_index,
                q.span.start,
                q.span.end,
                q.span.text,
                q.speaker_text or (q.speaker.text if q.speaker else None),
                q.speaker.country if q.speaker else None,
            )
            for q in coded.quotes
        )
    return rows


def write_batch(
    con: duckdb.DuckDBPyConnection, rows: BatchRows, failures: Sequence[Row] = ()
) -> None:
    """Replace every row of the batch's articles and record its failures (``failure_row``
    tuples) in ONE transaction; roll back on any error."""
    if not rows.article_ids and not failures:
        return
    try:
        con.execute("BEGIN TRANSACTION")
        stories: set[str] = set()
        if rows.article_ids:
            stories = stories_of(con, rows.article_ids)
            for sql in DELETE_BY_ARTICLE:
                con.execute(sql, [rows.article_ids])
        for sql, data in (
            (INSERT_ARTICLES, rows.articles),
            (INSERT_EVENTS, rows.events),
            (INSERT_MENTIONS, rows.mentions),
            (INSERT_QUOTES, rows.quotes),
            (INSERT_SIGNATURES, rows.signatures),
            (INSERT_BANDS, rows.bands),
        ):
            insert_rows(con, sql, data)
        if failures:
            con.executemany(UPSERT_FAILURE, list(failures))
        stories.update(str(row[ARTICLE_STORY]) for row in rows.articles)
        refresh_stories(con, stories)
        con.execute("COMMIT")
    except BaseException as e:
        rollback(con)
        if isinstance(e, Exception):
            raise StoreError(
                f"writing {len(rows.article_ids)} article(s) and {len(failures)} failure(s) "
                "failed and nothing was written "
                f"(the store keeps its previous content): {e}"
            ) from e
        raise


def insert_rows(con: duckdb.DuckDBPyConnection, sql: str, data: Sequence[Row]) -> None:
    """Run one of the ``INSERT_*`` statements for ``data`` (each column bound as one list)."""
    if data:
        con.execute(sql, [list(column) for column in zip(*data, strict=True)])


def stories_of(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> set[str]:
    """The stories the stored articles ``article_ids`` belong to."""
    return {str(r[0]) for r in con.execute(_STORY_IDS_OF, [list(article_ids)]).fetchall()}


def refresh_stories(con: duckdb.DuckDBPyConnection, story_ids: set[str]) -> None:
    """Recount the ``stories`` rows of ``story_ids`` from the articles (inside the caller's
    transaction); a story with no article left loses its row."""
    if story_ids:
        for sql in REFRESH_STORIES:
            con.execute(sql, [sorted(story_ids)])


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction; a failing rollback must not hide the original error."""
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")


def failure_row(failure: Failure, *, run_id: str, at: datetime) -> Row:
    return (
        failure_id(failure),
        run_id,
        failure.source,
        failure.article_id,
        failure.stage,
        failure.code,
        failure.message,
        failure.excerpt,
        at,
    )
