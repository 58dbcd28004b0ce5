"""Measure what a ``watch`` cycle costs on the loopback fixture site (not a test; run it):

    .venv/bin/python tests/web/measure_cycle.py

Starts the fixture site of ``tests/web/conftest.py`` on 127.0.0.1, loads the engine once, and
runs cycles into a temporary store: the whole fixture set (with its 404, slow page, 50 MB page,
redirect loop, robots.txt-forbidden page, index page), then a second cycle after the world feed
changes, then an idle cycle; and separately the good items only, cold and warm.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
import tempfile
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

from eventwire.coding import CODER_VERSION
from eventwire.engine import Engine
from eventwire.store import open_store
from eventwire.web.fetch import Fetcher, FetchSettings
from eventwire.web.sources import parse_sources
from eventwire.web.watch import CycleSummary, run_cycle


def _site_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "fixture_site", Path(__file__).with_name("conftest.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fixture_site"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


def _report(label: str, summary: CycleSummary) -> None:
    per_item = summary.seconds / summary.new_items if summary.new_items else float("nan")
    sys.stdout.write(
        f"{label:<34} {summary.seconds:6.2f} s  listed {summary.items_listed:2}  "
        f"new {summary.new_items}  skipped {summary.already_stored:2}  "
        f"failures {summary.failures}  events {summary.events:2}  "
        f"{per_item:5.2f} s per new item\n"
    )


def main() -> None:
    fixture = _site_module()
    site = fixture.Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), fixture._handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    started = time.perf_counter()
    engine = Engine.load()
    sys.stdout.write(f"engine load {time.perf_counter() - started:.2f} s (once per process)\n")
    full = f"""
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
    good = (
        "\n".join(
            f'[[pages]]\nname = "{slug}"\nurl = "{site.url(f"/news/{slug}.html")}"'
            for slug in fixture.STORIES
        )
        + f'\n[[feeds]]\nname = "Features"\nurl = "{site.url("/feeds/features.atom")}"\n'
    )
    with tempfile.TemporaryDirectory() as folder:
        settings = FetchSettings(
            cache_dir=Path(folder) / "cache",
            min_interval=0.0,
            read_timeout=0.4,
            retries=0,
            max_bytes=1_000_000,
        )
        for name, text, steps in (
            ("fixture set", full, ("cycle 1 (feed v1)", "cycle 2 (feed v2)", "cycle 3 (idle)")),
            ("good items only", good, ("cycle 1 (cold)", "cycle 2 (idle)")),
        ):
            site.reset()
            config = dataclasses.replace(parse_sources(text), fetch=settings)
            sys.stdout.write(f"-- {name}\n")
            with open_store(Path(folder) / f"{name}.duckdb") as store, Fetcher(settings) as fetcher:
                run_id = store.start_run(
                    command="measure",
                    coder_version=CODER_VERSION,
                    lexicon_version=engine.coder.lexicon_version,
                )
                for number, label in enumerate(steps, 1):
                    if "v2" in label:
                        site.version = 2
                    summary = run_cycle(
                        config,
                        engine=engine,
                        store=store,
                        fetcher=fetcher,
                        run_id=run_id,
                        cycle=number,
                    )
                    _report(label, summary)
    server.shutdown()


if __name__ == "__main__":
    main()
