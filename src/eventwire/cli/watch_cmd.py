"""``eventwire watch``: keep a store current with a sources file of feeds and pages.

The command loads the sources and the engine, stops cleanly on SIGINT/SIGTERM (the batch in
flight is coded and committed; a second signal aborts), and prints one line per cycle.
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console

from eventwire.cli.signals import stop_on_signals
from eventwire.errors import EventwireError

if TYPE_CHECKING:  # the web libraries load when watch runs, not at every eventwire start
    from eventwire.web.watch import CycleSummary


def register(app: typer.Typer) -> None:
    app.command()(watch)


def cycle_line(summary: CycleSummary) -> str:
    """The one-line log of a cycle."""
    stopped = " (stopped)" if summary.stopped else ""
    return (
        f"{summary.started_at:%Y-%m-%d %H:%M:%S}Z cycle {summary.cycle}: "
        f"{summary.new_items} new items, {summary.events} events, {summary.failures} failures, "
        f"{summary.already_stored} already stored, {summary.unchanged_feeds} feeds unchanged, "
        f"{summary.seconds:.1f} s{stopped}"
    )


def watch(
    sources_file: Annotated[Path, typer.Argument(help="Sources file (TOML): feeds and pages.")],
    every: Annotated[
        Optional[str],  # noqa: UP045 - typer needs Optional on 3.11
        typer.Option(
            "--every", help="Cycle interval, e.g. 15m, 90s, 1h (default: the file's, else 15m)."
        ),
    ] = None,
    db: Annotated[Path, typer.Option("--db", help="DuckDB store file.")] = Path("eventwire.duckdb"),
    once: Annotated[bool, typer.Option("--once", help="Run one cycle and exit.")] = False,
    cache_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--cache-dir", help="HTTP cache folder (default ~/.cache/eventwire/http)."),
    ] = None,
) -> None:
    """Fetch new items from feeds and pages every cycle, code them into the store, until stopped."""
    from eventwire.cli.main import _fail
    from eventwire.engine import Engine
    from eventwire.store import open_store
    from eventwire.web.sources import load_sources, parse_duration
    from eventwire.web.watch import DEFAULT_EVERY, WatchOptions
    from eventwire.web.watch import watch as run_watch

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        config = load_sources(sources_file)
        interval = config.every or DEFAULT_EVERY
        if every is not None:
            interval = parse_duration(every)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--every") from None
    except EventwireError as error:
        raise _fail(error) from error
    if cache_dir is not None:
        config = dataclasses.replace(
            config, fetch=dataclasses.replace(config.fetch, cache_dir=cache_dir)
        )

    def on_cycle(summary: CycleSummary) -> None:
        err.print(cycle_line(summary))

    stop = threading.Event()
    err.print(
        f"watching {len(config.sources)} sources from {sources_file} into {db}"
        + ("" if once else f", every {interval:g} s; Ctrl-C stops after the current batch")
    )
    try:
        engine = Engine.load()
        with open_store(db) as store, stop_on_signals(stop):
            result = run_watch(
                config,
                engine=engine,
                store=store,
                options=WatchOptions(every=interval, once=once),
                stop=stop,
                on_cycle=on_cycle,
                command=f"watch {sources_file}",
            )
    except EventwireError as error:
        raise _fail(error) from error
    except KeyboardInterrupt:
        err.print("aborted: the batch in flight was not written; run watch again to resume")
        raise typer.Exit(code=130) from None
    ending = "stopped" if result.stopped else "done"
    err.print(
        f"{ending}: {result.cycles} cycles, {result.new_items} new items, {result.events} events, "
        f"{result.failures} failures (run {result.run_id})"
    )
