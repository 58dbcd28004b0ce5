"""The store's DuckDB schema and its forward migrations.

The schema version lives in ``schema_info``: one row per migration step applied, so the current
version is ``MAX(version)``. A step is ``(version, sql)``; steps run in order, each in its own
transaction together with the ``schema_info`` row that records it. A store written by a newer
eventwire (a higher version than :data:`SCHEMA_VERSION`) is refused, never downgraded.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import metadata
from typing import NamedTuple

import duckdb

from eventwire.errors import SchemaVersionError, StoreError

SCHEMA_VERSION = 3

ACTOR_STRUCT = (
    "STRUCT(text VARCHAR, country VARCHAR, sectors VARCHAR[], name VARCHAR, role VARCHAR, "
    "start_char INTEGER, end_char INTEGER, evidence VARCHAR, confidence DOUBLE)"
)

_V1 = f"""
CREATE TABLE schema_info (
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    eventwire_version VARCHAR NOT NULL
);
CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    command VARCHAR NOT NULL,
    coder_version VARCHAR NOT NULL,
    lexicon_version VARCHAR NOT NULL,
    articles_in INTEGER,
    articles_coded INTEGER,
    failures INTEGER,
    events INTEGER,
    status VARCHAR NOT NULL
);
CREATE TABLE articles (
    article_id VARCHAR PRIMARY KEY,
    external_id VARCHAR,
    source VARCHAR NOT NULL,
    url VARCHAR,
    title VARCHAR,
    published DATE,
    byline VARCHAR,
    agency VARCHAR,
    dateline VARCHAR,
    language VARCHAR,
    text VARCHAR NOT NULL,
    body_offset INTEGER,
    run_id VARCHAR NOT NULL,
    coder_version VARCHAR,
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    contexts VARCHAR[],
    cameo VARCHAR,
    score DOUBLE,
    goldstein DOUBLE,
    quad_class INTEGER,
    actors {ACTOR_STRUCT}[],
    recipients {ACTOR_STRUCT}[],
    actor_countries VARCHAR[],
    recipient_countries VARCHAR[],
    date_earliest DATE,
    date_latest DATE,
    date_phrase VARCHAR,
    modality VARCHAR NOT NULL,
    trigger_text VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    sentence_index INTEGER,
    sentence_start INTEGER,
    sentence_end INTEGER,
    sentence_text VARCHAR,
    quote_text VARCHAR,
    quote_speaker VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    confidence DOUBLE,
    lexicon_entry VARCHAR,
    rule VARCHAR,
    actor_evidence VARCHAR[],
    modality_cue VARCHAR,
    date_rule VARCHAR,
    coder_version VARCHAR,
    lexicon_version VARCHAR,
    mentions INTEGER
);
CREATE INDEX events_article_idx ON events (article_id);
CREATE TABLE actor_mentions (
    article_id VARCHAR NOT NULL,
    sentence_index INTEGER,
    start_char INTEGER,
    end_char INTEGER,
    text VARCHAR,
    country VARCHAR,
    sectors VARCHAR[],
    name VARCHAR,
    role VARCHAR,
    evidence VARCHAR,
    confidence DOUBLE
);
CREATE TABLE quotes (
    article_id VARCHAR NOT NULL,
    sentence_index INTEGER,
    start_char INTEGER,
    end_char INTEGER,
    text VARCHAR,
    speaker_text VARCHAR,
    speaker_country VARCHAR
);
CREATE TABLE failures (
    failure_id VARCHAR PRIMARY KEY,
    run_id VARCHAR,
    source VARCHAR NOT NULL,
    article_id VARCHAR,
    stage VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    excerpt VARCHAR,
    "at" TIMESTAMP NOT NULL  -- quoted: AT is a keyword in DuckDB 2
);
"""


# Version 2: story dedup (a story id on articles and events, each article's MinHash signature),
# content hashes, place coordinates, and resumable runs (a run remembers its input key).
_V2 = """
ALTER TABLE articles ADD COLUMN story_id VARCHAR;
ALTER TABLE articles ADD COLUMN content_hash VARCHAR;
ALTER TABLE events ADD COLUMN story_id VARCHAR;
ALTER TABLE events ADD COLUMN location_lat DOUBLE;
ALTER TABLE events ADD COLUMN location_lon DOUBLE;
ALTER TABLE runs ADD COLUMN input_key VARCHAR;
UPDATE articles SET story_id = article_id;
UPDATE events SET story_id = article_id;
CREATE TABLE story_signatures (
    article_id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL,
    published DATE,
    signature BLOB NOT NULL
);
CREATE TABLE story_bands (
    band_key BIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);
CREATE INDEX story_bands_key_idx ON story_bands (band_key);
"""

# Version 3: one row per story with how many articles and sources report it, kept current by
# every write (so events can carry the counts, and be counted once per story, cheaply).
_V3 = """
CREATE TABLE stories (
    story_id VARCHAR PRIMARY KEY,
    articles INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    first_published DATE,
    last_published DATE
);
INSERT INTO stories
SELECT story_id, count(*),
       count(DISTINCT coalesce(agency, nullif(regexp_extract(url, '://([^/:]+)', 1), ''), source)),
       min(published), max(published)
FROM articles WHERE story_id IS NOT NULL GROUP BY story_id;
CREATE INDEX events_story_idx ON events (story_id);
"""


class Migration(NamedTuple):
    """One forward step: the SQL (one or more statements) that takes the store to ``version``."""

    version: int
    sql: str


MIGRATIONS: tuple[Migration, ...] = (Migration(1, _V1), Migration(2, _V2), Migration(3, _V3))

TABLES: tuple[str, ...] = (
    "schema_info",
    "runs",
    "articles",
    "events",
    "actor_mentions",
    "quotes",
    "failures",
    "story_signatures",
    "story_bands",
    "stories",
)


def eventwire_version() -> str:
    """The installed eventwire version, or ``"unknown"`` when running from an uninstalled tree."""
    try:
        return metadata.version("eventwire")
    except metadata.PackageNotFoundError:
        return "unknown"


def _table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_catalog = current_database()"
    ).fetchall()
    return {str(row[0]) for row in rows}


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The store's schema version: 0 for an empty database.

    Raises:
        StoreError: the database holds tables but no ``schema_info``, so it is not an eventwire
            store (eventwire refuses to add its tables to someone else's database).
    """
    tables = _table_names(con)
    if "schema_info" not in tables:
        if tables:
            raise StoreError(
                "this DuckDB database is not an eventwire store (it has tables but no "
                "schema_info table); point eventwire at a new file or an existing store"
            )
        return 0
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_info").fetchone()
    return int(row[0]) if row is not None else 0


def check_version(version: int, *, known: int = SCHEMA_VERSION, where: str = "store") -> None:
    """Refuse a store whose schema is newer than this code knows."""
    if version > known:
        raise SchemaVersionError(
            f"{where} has schema version {version} but this eventwire ({eventwire_version()}) "
            f"only knows versions up to {known}; upgrade eventwire "
            "(pip install --upgrade eventwire) to open it"
        )


def _validate_steps(steps: Sequence[Migration], target: int) -> None:
    versions = [step.version for step in steps]
    if versions != list(range(1, len(versions) + 1)) or target > len(versions):
        raise StoreError(
            f"migration steps must be numbered 1, 2, 3 ... up to the target {target}; "
            f"got {versions} (this is a bug in eventwire)"
        )


def migrate(
    con: duckdb.DuckDBPyConnection,
    *,
    steps: Sequence[Migration] = MIGRATIONS,
    target: int = SCHEMA_VERSION,
    where: str = "store",
) -> int:
    """Bring the store forward to ``target``, one transaction per step; return the new version.

    Raises:
        SchemaVersionError: the store is newer than ``target``.
        StoreError: a step failed (that step is rolled back; earlier steps stay applied).
    """
    _validate_steps(steps, target)
    version = current_version(con)
    check_version(version, known=target, where=where)
    for step in steps:
        if step.version <= version or step.version > target:
            continue
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(step.sql)
            con.execute(
                "INSERT INTO schema_info VALUES (?, ?, ?)",
                [step.version, datetime.now(UTC).replace(tzinfo=None), eventwire_version()],
            )
            con.execute("COMMIT")
        except duckdb.Error as e:
            with contextlib.suppress(duckdb.Error):  # keep the original error visible
                con.execute("ROLLBACK")
            raise StoreError(
                f"migrating {where} to schema version {step.version} failed: {e}; "
                f"the store is left at version {version}"
            ) from e
        version = step.version
    return version
