"""Schema creation, version checks and the forward-migration mechanism."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.errors import SchemaVersionError, StoreError
from eventwire.records import CodedArticle
from eventwire.store import SCHEMA_VERSION, open_store, schema, writer
from eventwire.store.schema import MIGRATIONS, Migration, current_version, migrate

NEXT = SCHEMA_VERSION + 1
FAKE_STEP = Migration(
    NEXT,
    "ALTER TABLE events ADD COLUMN fake_note VARCHAR DEFAULT 'none';"
    "CREATE TABLE fake_extra (k VARCHAR);",
)


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [str(r[0]) for r in rows]


def _set_version(path: Path, version: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_info VALUES (?, now(), 'from-the-future')", [version])
    con.close()


def test_new_store_has_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with open_store(path) as st:
        assert st.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = {str(r[0]) for r in con.execute("SHOW TABLES").fetchall()}
        assert tables == set(schema.TABLES)
        info = con.execute("SELECT version, eventwire_version FROM schema_info").fetchall()
        assert [v for v, _ in sorted(info)] == list(range(1, SCHEMA_VERSION + 1))
        assert info[0][1]  # the eventwire version that created the store
        assert "actor_countries" in _columns(con, "events")
        types = dict(
            con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = 'events'"
            ).fetchall()
        )
        assert types["actors"].startswith("STRUCT(")
        assert types["actors"] == types["recipients"]
        assert types["contexts"] == "VARCHAR[]"
    finally:
        con.close()


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    open_store(path).close()
    with open_store(path) as st:
        assert st.schema_version == SCHEMA_VERSION
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM schema_info").fetchone() == (SCHEMA_VERSION,)
    con.close()


def test_migrate_runs_steps_in_order_and_records_them() -> None:
    con = duckdb.connect(":memory:")
    assert current_version(con) == 0
    assert migrate(con) == SCHEMA_VERSION
    con.execute("INSERT INTO quotes (article_id, text) VALUES ('x', 'kept')")
    assert migrate(con, steps=(*MIGRATIONS, FAKE_STEP), target=NEXT) == NEXT
    assert current_version(con) == NEXT
    assert _columns(con, "events")[-1] == "fake_note"
    assert con.execute("SELECT text FROM quotes").fetchall() == [("kept",)]
    versions = con.execute("SELECT version FROM schema_info ORDER BY version").fetchall()
    assert versions == [(v,) for v in range(1, NEXT + 1)]
    # Already there: nothing runs again.
    assert migrate(con, steps=(*MIGRATIONS, FAKE_STEP), target=NEXT) == NEXT
    assert con.execute("SELECT count(*) FROM schema_info").fetchone() == (NEXT,)


def test_migrate_from_empty_runs_every_step() -> None:
    con = duckdb.connect(":memory:")
    assert migrate(con, steps=(*MIGRATIONS, FAKE_STEP), target=NEXT) == NEXT
    assert "fake_extra" in {str(r[0]) for r in con.execute("SHOW TABLES").fetchall()}


def test_failed_step_is_rolled_back_and_earlier_steps_stay() -> None:
    con = duckdb.connect(":memory:")
    broken = Migration(NEXT, "ALTER TABLE events ADD COLUMN half VARCHAR; SELECT * FROM no_such;")
    with pytest.raises(StoreError, match=f"schema version {NEXT} failed"):
        migrate(con, steps=(*MIGRATIONS, broken), target=NEXT)
    assert current_version(con) == SCHEMA_VERSION
    assert "half" not in _columns(con, "events")


def test_steps_must_be_numbered_consecutively() -> None:
    con = duckdb.connect(":memory:")
    with pytest.raises(StoreError, match="numbered"):
        migrate(con, steps=(*MIGRATIONS, Migration(NEXT + 1, "SELECT 1")), target=NEXT + 1)
    with pytest.raises(StoreError, match="numbered"):
        migrate(con, steps=MIGRATIONS, target=NEXT)


def test_open_store_migrates_an_older_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, article_a: CodedArticle
) -> None:
    path = tmp_path / "old.duckdb"
    with open_store(path) as st:
        run = st.start_run(command="c", coder_version="0", lexicon_version="0")
        st.write_article(article_a, run_id=run)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(schema, "MIGRATIONS", (*MIGRATIONS, FAKE_STEP))
    with pytest.raises(SchemaVersionError, match="without read_only to migrate"):
        open_store(path, read_only=True)
    with open_store(path) as st:
        assert st.schema_version == NEXT
        assert st.article_ids() == {"a1"}
        assert st.counts()["events"] == 3


@pytest.mark.parametrize("read_only", [False, True])
def test_newer_store_is_refused(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "new.duckdb"
    open_store(path).close()
    _set_version(path, SCHEMA_VERSION + 1)
    with pytest.raises(SchemaVersionError, match="upgrade eventwire") as info:
        open_store(path, read_only=read_only)
    assert info.value.code == "E401"
    assert f"schema version {SCHEMA_VERSION + 1}" in str(info.value)
    # The refused store is untouched and still refused.
    with pytest.raises(SchemaVersionError):
        open_store(path)


def test_migrate_refuses_newer_store() -> None:
    con = duckdb.connect(":memory:")
    migrate(con, steps=(*MIGRATIONS, FAKE_STEP), target=NEXT)
    with pytest.raises(SchemaVersionError, match=f"only knows versions up to {SCHEMA_VERSION}"):
        migrate(con)


def test_foreign_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire store"):
        open_store(path)
    con = duckdb.connect(str(path), read_only=True)
    assert {str(r[0]) for r in con.execute("SHOW TABLES").fetchall()} == {"sales"}
    con.close()


def test_read_only_open_errors_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError, match="in-memory store cannot be read-only"):
        open_store(":memory:", read_only=True)
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(StoreError, match="empty database"):
        open_store(empty, read_only=True)


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("articles", writer.ARTICLE_COLUMNS),
        ("events", writer.EVENT_COLUMNS),
        ("actor_mentions", writer.MENTION_COLUMNS),
        ("quotes", writer.QUOTE_COLUMNS),
    ],
)
def test_writer_columns_match_the_live_schema(
    table: str, columns: tuple[tuple[str, str], ...]
) -> None:
    con = duckdb.connect(":memory:")
    migrate(con)
    live = dict(
        con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
            [table],
        ).fetchall()
    )
    assert [name for name, _ in columns] == list(live)  # every column, in table order
    for name, sql_type in columns:
        row = con.execute(f"SELECT typeof(NULL::{sql_type})").fetchone()
        assert row is not None
        assert row[0] == live[name], name


def test_version_1_store_migrates_to_story_ids(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, steps=MIGRATIONS[:1], target=1)
    con.execute(
        "INSERT INTO articles (article_id, source, text, run_id, ingested_at) "
        "VALUES ('a1', 's', 'text', 'r', now())"
    )
    con.execute(
        "INSERT INTO events (event_id, article_id, run_id, type, modality) "
        "VALUES ('e1', 'a1', 'r', 'ASSAULT', 'asserted')"
    )
    con.close()
    with open_store(path) as st:
        assert st.schema_version == SCHEMA_VERSION
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT story_id FROM articles").fetchall() == [("a1",)]
    assert con.execute("SELECT story_id FROM events").fetchall() == [("a1",)]
    con.close()
