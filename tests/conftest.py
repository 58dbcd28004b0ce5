"""Shared fixtures: one loaded engine per test session, and the shared evaluation data."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.engine import Engine

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "seed").is_dir():
        pytest.skip(f"shared evaluation data not found at {SHARED_DATA} (a user's clone)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def coded_store(tmp_path_factory: pytest.TempPathFactory, engine: Engine) -> Path:
    """A closed store file holding the coded example articles, one run and one failure."""
    from eventwire.coding import CODER_VERSION
    from eventwire.ingest import iter_articles
    from eventwire.records import Failure
    from eventwire.store import open_store

    folder = tmp_path_factory.mktemp("coded")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    examples = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))
    items = list(iter_articles([*map(str, examples), str(folder / "empty.txt")]))
    path = folder / "store.duckdb"
    with open_store(path) as store:
        run = store.start_run(
            command="test fixture",
            coder_version=CODER_VERSION,
            lexicon_version=engine.coder.lexicon_version,
        )
        coded = [engine.code_article(a) for a in items if not isinstance(a, Failure)]
        store.write_articles(coded, run_id=run)
        failures = [f for f in items if isinstance(f, Failure)]
        for failure in failures:
            store.write_failure(failure, run_id=run)
        store.finish_run(
            run,
            articles_in=len(items),
            articles_coded=len(coded),
            failures=len(failures),
            events=sum(len(c.events) for c in coded),
        )
    return path
