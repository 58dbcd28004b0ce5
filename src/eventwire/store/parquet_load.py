"""Loading Parquet parts (a Spark output) into the store: ONE transaction for the whole load.

Like ``write_batch``, every row of the loaded article ids is deleted first (events, actor
mentions, quotes, failures, story rows, the article), then the new rows are inserted, matched
to the table columns by name, the articles are placed in stories (when the caller gives a story
assigner), and the counts of the stories touched are refreshed. An article
id present in more than one part is taken from the part holding its first input position
(``input_file``, ``input_record`` on the article rows), the copy the local runner codes.
The run gets its row in ``runs``; any error rolls back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from eventwire.errors import StoreError
from eventwire.store import writer

ARTICLE_TABLES: tuple[str, ...] = ("events", "actor_mentions", "quotes")
# The tables a Spark run writes as Parquet parts, in load order.
PART_TABLES: tuple[str, ...] = ("articles", *ARTICLE_TABLES, "failures")
ORDER_COLUMNS = "input_file, input_record"
# Places loaded articles (ids in input order) in stories inside the open transaction; returns
# how many joined an earlier story (eventwire.runner.story_load.assign_loaded_stories).
StoryAssigner = Callable[[duckdb.DuckDBPyConnection, Sequence[str]], int]


@dataclass(frozen=True, slots=True)
class ParquetParts:
    """``folder/<table>/<part>.parquet`` for each part and each of the five tables."""

    folder: Path
    parts: tuple[str, ...]

    def files(self, table: str) -> list[str]:
        return [str(self.folder / table / f"{part}.parquet") for part in self.parts]


@dataclass(frozen=True, slots=True)
class ParquetRun:
    """The run that wrote the parts, as its ``runs`` row records it."""

    run_id: str
    command: str
    coder_version: str
    lexicon_version: str
    started_at: datetime
    finished_at: datetime
    articles_in: int


@dataclass(frozen=True, slots=True)
class LoadCounts:
    """Rows inserted by a load, per table."""

    articles: int
    events: int
    mentions: int
    quotes: int
    failures: int
    joined: int = 0  # articles that joined an earlier story


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> int:
    row = con.execute(sql, params).fetchone()
    return int(row[0]) if row else 0


def load_parts(
    con: duckdb.DuckDBPyConnection,
    parts: ParquetParts,
    run: ParquetRun,
    assign_stories: StoryAssigner | None = None,
) -> tuple[list[str], LoadCounts]:
    """Load ``parts`` in one transaction; return the loaded article ids (input order) and counts.

    ``assign_stories`` groups the loaded articles in stories (in input order) inside the same
    transaction; without it every article is its own story.

    Raises:
        StoreError: a part is missing or unreadable, or a row does not fit the schema; nothing
            was written.
    """
    missing = [f for t in PART_TABLES for f in parts.files(t)]
    missing = [f for f in missing if not Path(f).is_file()]
    if missing:
        raise StoreError(
            f"{len(missing)} part file(s) listed in the manifest are missing, e.g. {missing[0]}; "
            "the output is damaged: run the Spark job again"
        )
    try:
        con.execute("BEGIN TRANSACTION")
        ids: list[str] = []
        counts = LoadCounts(0, 0, 0, 0, 0)
        if parts.parts:
            ids, counts = _load(con, parts, run, assign_stories)
        _record_run(con, run, counts)
        con.execute("COMMIT")
    except BaseException as e:
        writer.rollback(con)
        if isinstance(e, duckdb.Error):
            raise StoreError(
                f"loading {parts.folder} failed and nothing was written "
                f"(the store keeps its previous content): {e}"
            ) from e
        raise
    finally:
        con.execute("DROP TABLE IF EXISTS temp.load_keep")
    return ids, counts


def _load(
    con: duckdb.DuckDBPyConnection,
    parts: ParquetParts,
    run: ParquetRun,
    assign_stories: StoryAssigner | None,
) -> tuple[list[str], LoadCounts]:
    # Which part each article id comes from: the one with its first input position.
    con.execute(
        "CREATE TEMP TABLE load_keep AS SELECT article_id, "
        "arg_min(parse_filename(filename, true), struct_pack(f := input_file, r := input_record)) "
        "AS part, min(struct_pack(f := input_file, r := input_record)) AS position "
        "FROM read_parquet(?, filename = true) GROUP BY article_id",
        [parts.files("articles")],
    )
    found = con.execute("SELECT article_id FROM load_keep ORDER BY position").fetchall()
    ids = [row[0] for row in found]
    stories = writer.stories_of(con, ids)
    for sql in writer.DELETE_BY_ARTICLE:
        con.execute(sql, [ids])
    kept = (
        "EXISTS (SELECT 1 FROM load_keep k WHERE k.article_id = p.article_id "
        "AND k.part = parse_filename(p.filename, true))"
    )
    inserted: dict[str, int] = {}
    for table in ("articles", *ARTICLE_TABLES):
        extra = f"filename, {ORDER_COLUMNS}" if table == "articles" else "filename"
        inserted[table] = _count(  # INSERT answers with the number of rows it inserted
            con,
            f"INSERT INTO {table} BY NAME SELECT * EXCLUDE ({extra}) "
            f"FROM read_parquet(?, filename = true) p WHERE {kept}",
            [parts.files(table)],
        )
    joined = assign_stories(con, ids) if assign_stories is not None and ids else 0
    # The per-story counts of the stories these articles left and joined.
    stories.update(writer.stories_of(con, ids))
    writer.refresh_stories(con, stories)
    # A failure is keyed by source + stage + code; the same key twice is one failure.
    con.execute(
        "INSERT OR REPLACE INTO failures BY NAME SELECT DISTINCT ON (failure_id) * "
        "EXCLUDE (filename) FROM read_parquet(?, filename = true) ORDER BY failure_id, message",
        [parts.files("failures")],
    )
    failures = _count(con, "SELECT count(*) FROM failures WHERE run_id = ?", [run.run_id])
    counts = LoadCounts(
        articles=inserted["articles"],
        events=inserted["events"],
        mentions=inserted["actor_mentions"],
        quotes=inserted["quotes"],
        failures=failures,
        joined=joined,
    )
    return ids, counts


def _record_run(con: duckdb.DuckDBPyConnection, run: ParquetRun, counts: LoadCounts) -> None:
    con.execute(
        "INSERT OR REPLACE INTO runs (run_id, started_at, finished_at, command, coder_version, "
        "lexicon_version, articles_in, articles_coded, failures, events, status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            run.run_id,
            run.started_at,
            run.finished_at,
            run.command,
            run.coder_version,
            run.lexicon_version,
            run.articles_in,
            counts.articles,
            counts.failures,
            counts.events,
            "done" if counts.articles else "nothing coded",
        ],
    )
