"""``watch`` cycles against the loopback site: what is stored after one and after two cycles."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest

from eventwire.coding import CODER_VERSION
from eventwire.runner.loop import RunSettings
from eventwire.store import open_store
from eventwire.web.fetch import Fetcher
from eventwire.web.sources import parse_sources
from eventwire.web.watch import WatchOptions, run_cycle, watch

FAILURES = {
    "/news/gone.html": ("fetch", "E111", "HTTP 404"),
    "/private/embargoed.html": ("fetch", "E116", "robots.txt forbids"),
    "/slow.html": ("fetch", "E112", "timeout"),
    "/huge.html": ("fetch", "E115", "over the limit"),
    "/loop/a": ("fetch", "E114", "redirect loop"),
    "/index.html": ("extract", "E117", "no article text"),
}


@pytest.fixture
def config(site, fetch_settings):
    text = f"""
[[feeds]]
name = "World"
url = "{site.url("/feeds/world.rss")}"

[[feeds]]
name = "Features"
url = "{site.url("/feeds/features.atom")}"

[[pages]]
name = "Sanctions, moved"
url = "{site.url("/moved/drone-sanctions")}"
"""
    return dataclasses.replace(parse_sources(text), fetch=fetch_settings)


def _stored(store):
    con = store._conn()
    rows = con.execute("SELECT url, content_hash, article_id FROM articles ORDER BY url").fetchall()
    events = con.execute("SELECT DISTINCT article_id FROM events").fetchall()
    return rows, {row[0] for row in events}


def _failures(store, site):
    return {
        f.source.removeprefix(site.base): (f.stage, f.code, f.message) for f in store.failures()
    }


def test_two_cycles_code_new_items_once_and_record_every_failure(
    engine, site, config, tmp_path: Path
) -> None:
    with open_store(tmp_path / "watch.duckdb") as store, Fetcher(config.fetch) as fetcher:
        run_id = store.start_run(
            command="test watch",
            coder_version=CODER_VERSION,
            lexicon_version=engine.coder.lexicon_version,
        )

        def cycle(number: int):
            return run_cycle(
                config, engine=engine, store=store, fetcher=fetcher, run_id=run_id, cycle=number
            )

        first = cycle(1)
        rows, with_events = _stored(store)
        assert [url.removeprefix(site.base) for url, _, _ in rows] == [
            "/features/defence-pact.html",
            "/features/nairobi-protest.html",
            "/news/border-talks.html",
            "/news/drone-sanctions.html",
        ]
        assert (first.new_items, first.failures, first.unchanged_feeds) == (4, 6, 0)
        assert first.already_stored == 1  # the moved page: same text as a feed item
        assert first.events > 0 and first.events == store.counts()["events"]
        assert with_events <= {article_id for _, _, article_id in rows}
        failures = _failures(store, site)
        assert set(failures) == set(FAILURES)
        for path, (stage, code, reason) in FAILURES.items():
            assert failures[path][:2] == (stage, code)
            assert reason in failures[path][2] and site.url(path) in failures[path][2]

        site.version = 2  # the world feed gains a story and a republished copy
        second = cycle(2)
        rows_after, _ = _stored(store)
        assert (second.new_items, second.unchanged_feeds, second.stories_joined) == (2, 1, 1)
        assert second.failures == 6  # retried, still failing, recorded once each
        assert len(store.failures()) == 6
        new = [url for url, _, _ in rows_after if url not in {u for u, _, _ in rows}]
        assert new == [
            site.url("/news/drone-sanctions-update.html"),
            site.url("/news/missile-launch.html"),
        ]
        assert len({url for url, _, _ in rows_after}) == len(rows_after) == 6
        assert len({digest for _, digest, _ in rows_after}) == 6  # the mirror was not stored
        stories = dict(store._conn().execute("SELECT url, story_id FROM articles").fetchall())
        original = {url: article_id for url, _, article_id in rows}
        # the rewritten copy is coded, and joins the story of the article it rewrites
        assert (
            stories[site.url("/news/drone-sanctions-update.html")]
            == (original[site.url("/news/drone-sanctions.html")])
        )
        # by URL: 2 world items and 2 features; by text: the mirror and the moved page
        assert second.already_stored == 6
        assert store.counts()["events"] == first.events + second.events

    # stored items are never fetched again; robots.txt kept us off the private page
    assert site.hits("/news/border-talks.html") == 1
    # the feed item once; the moved page (whose own URL is never stored) once per cycle
    assert site.hits("/news/drone-sanctions.html") == 3
    assert site.hits("/private/embargoed.html") == 0
    features = [h for path, h in site.requests if path == "/feeds/features.atom"]
    assert features[-1].get("If-None-Match") == '"features-1"'


class StopAfter(threading.Event):
    """A stop flag that sets itself after ``checks`` looks (as if SIGTERM came mid-cycle)."""

    def __init__(self, checks: int) -> None:
        super().__init__()
        self.left = checks

    def is_set(self) -> bool:
        self.left -= 1
        if self.left < 0:
            self.set()
        return super().is_set()


def test_stopping_keeps_what_was_fetched_and_a_new_watch_resumes(
    engine, site, config, tmp_path: Path
) -> None:
    path = tmp_path / "resume.duckdb"
    summaries = []
    options = WatchOptions(every=3600.0, run=RunSettings(write_every=1))
    with open_store(path) as store:
        stopped = watch(
            config,
            engine=engine,
            store=store,
            options=options,
            stop=StopAfter(4),
            on_cycle=summaries.append,
        )
        first_rows, _ = _stored(store)
        run = store.get_run(stopped.run_id)
    assert stopped.stopped and stopped.cycles == 1 and summaries[0].stopped
    assert run is not None and run.status == "stopped"
    # looks: the cycle loop, the world feed, its items 1 and 2; the two fetched are kept
    assert [url.removeprefix(site.base) for url, _, _ in first_rows] == [
        "/news/border-talks.html",
        "/news/drone-sanctions.html",
    ]
    assert stopped.new_items == 2

    with open_store(path) as store:
        resumed = watch(config, engine=engine, store=store, options=WatchOptions(once=True))
        rows, _ = _stored(store)
        runs = store.runs()
    assert not resumed.stopped and resumed.new_items == 2
    assert len(rows) == len({url for url, _, _ in rows}) == 4
    assert [r.status for r in runs] == ["stopped", "done"]
    assert site.hits("/news/border-talks.html") == 1


def test_the_watch_command_runs_a_cycle(engine, site, tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from eventwire.cli.main import app
    from eventwire.engine import Engine

    monkeypatch.setattr(Engine, "load", classmethod(lambda cls, *a, **k: engine))
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f"""
[fetch]
min_interval = 0
timeout = 0.4
retries = 0
max_bytes = 1_000_000

[[feeds]]
name = "Features"
url = "{site.url("/feeds/features.atom")}"

[[pages]]
name = "Gone"
url = "{site.url("/news/gone.html")}"
""",
        encoding="utf-8",
    )
    db = tmp_path / "cli.duckdb"
    args = ["watch", str(sources), "--db", str(db), "--once", "--cache-dir", str(tmp_path / "c")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "cycle 1: 2 new items" in result.output and "1 failures" in result.output
    assert (tmp_path / "c").is_dir()
    with open_store(db, read_only=True) as store:
        assert store.counts()["articles"] == 2
        assert [f.code for f in store.failures()] == ["E111"]

    sources.write_text("[[feeds]]\nname = 'x'\n", encoding="utf-8")
    refused = CliRunner().invoke(app, ["watch", str(sources), "--db", str(db)])
    assert refused.exit_code == 2 and "E119" in refused.output


def test_sigterm_mid_cycle_keeps_every_fetched_item(site, tmp_path: Path) -> None:
    """A real ``eventwire watch`` process, stopped by SIGTERM while it waits for the slow page
    (a timeout longer than the page's delay keeps the window wide on a busy machine)."""
    import signal
    import subprocess
    import sys
    import time

    sources = tmp_path / "sources.toml"
    sources.write_text(
        f"""
[fetch]
min_interval = 0
timeout = 10
retries = 0
max_bytes = 1_000_000

[[feeds]]
name = "World"
url = "{site.url("/feeds/world.rss")}"
""",
        encoding="utf-8",
    )
    db = tmp_path / "signal.duckdb"
    command = [sys.executable, "-m", "eventwire.cli", "watch", str(sources), "--db", str(db)]
    process = subprocess.Popen(
        [*command, "--cache-dir", str(tmp_path / "cache"), "--every", "1h"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        waited = 0.0
        while site.hits("/slow.html") == 0 and process.poll() is None and waited < 120:
            time.sleep(0.02)
            waited += 0.02
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, errors
    assert "(stopped)" in errors and "stopped: 1 cycles" in errors
    served = {
        site.url(path)
        for path, _ in site.requests
        if path.startswith("/news/") and path != "/news/gone.html"
    }
    assert served >= {site.url("/news/border-talks.html"), site.url("/news/drone-sanctions.html")}
    with open_store(db, read_only=True) as store:
        urls = [row[0] for row in store._conn().execute("SELECT url FROM articles").fetchall()]
        (status,) = [run.status for run in store.runs()]
        failures = {f.source for f in store.failures()}
    assert set(urls) == served and len(urls) == len(served)  # every fetched item, once
    assert status == "stopped"
    assert {site.url("/news/gone.html"), site.url("/private/embargoed.html")} <= failures


def test_a_page_that_failed_and_is_coded_later_leaves_no_failure(
    engine, site, fetch_settings, tmp_path: Path
) -> None:
    text = f'[[pages]]\nname = "Late"\nurl = "{site.url("/news/late.html")}"\n'
    config = dataclasses.replace(parse_sources(text), fetch=fetch_settings)
    with open_store(tmp_path / "late.duckdb") as store:
        first = watch(config, engine=engine, store=store, options=WatchOptions(once=True))
        assert first.failures == 1 and [f.code for f in store.failures()] == ["E111"]
        site.version = 2
        second = watch(config, engine=engine, store=store, options=WatchOptions(once=True))
        assert second.new_items == 1
        assert store.failures() == []
        assert store.stored_urls([site.url("/news/late.html")]) == {site.url("/news/late.html")}
