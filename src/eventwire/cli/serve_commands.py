"""``eventwire serve``, ``export`` and ``bench-api``: the analyst interface's commands.

Thin wrappers over :mod:`eventwire.serve`, :mod:`eventwire.export` and :mod:`eventwire.bench`,
registered on the main ``eventwire`` app by :func:`register`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional, TypeVar

import typer
from rich.console import Console

T = TypeVar("T")

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(snapshot)
    app.command()(export)
    app.command("bench-api")(bench_api)
    app.command("bench-load")(bench_load)
    app.command("bench-inputs")(bench_inputs)


def serve(
    db: DbOption = Path("eventwire.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to bind; 0.0.0.0 exposes it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    snapshot_only: Annotated[
        bool, typer.Option("--snapshot-only", help="Read only the store's snapshot.")
    ] = False,
    token_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--token-file", help="File whose first line is the API token for writes."),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes.")] = 1,
) -> None:
    """Serve the JSON API and the analyst web page over a store (read-only without a token)."""
    import os

    import uvicorn

    from eventwire.cli.main import _console, _fail
    from eventwire.errors import EventwireError
    from eventwire.serve import ServeSettings, create_app
    from eventwire.serve.auth import load_token
    from eventwire.serve.workers import APP_FACTORY, worker_environment

    try:
        token = load_token(token_file=token_file)
        settings = ServeSettings(
            host=host, port=port, snapshot_only=snapshot_only, api_token=token, workers=workers
        )
        # checks the store, and publishes a first snapshot if one is needed, before any worker
        web = create_app(db, settings=settings)
    except EventwireError as error:
        raise _fail(error) from error
    mode = "read-only" if token is None else "with token-protected writes"
    processes = "" if workers == 1 else f" in {workers} processes"
    _console(stderr=True).print(
        f"eventwire: serving {db} {mode}{processes} at http://{host}:{port}/"
    )
    if workers == 1:
        uvicorn.run(web, host=host, port=port, log_level=settings.log_level)
        return
    web.state.pool.close()  # each worker opens its own
    os.environ.update(worker_environment(db, settings))
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=settings.log_level,
    )


def snapshot(db: DbOption = Path("eventwire.duckdb")) -> None:
    """Publish a read snapshot of a store (<stem>.snapshot.duckdb) for `serve` to read."""
    from eventwire.cli.main import _console, _fail
    from eventwire.errors import EventwireError
    from eventwire.store import open_store
    from eventwire.store.snapshot import publish_snapshot

    try:
        with open_store(db) as store:
            path = publish_snapshot(store)
    except EventwireError as error:
        raise _fail(error) from error
    _console(stderr=True).print(f"published {path}")


def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    db: DbOption = Path("eventwire.duckdb"),
    fmt: Annotated[
        str, typer.Option("--format", help="plover-jsonl, parquet, csv or gdelt.")
    ] = "plover-jsonl",
    since: Annotated[Optional[str], typer.Option(help="From date YYYY-MM-DD.")] = None,  # noqa: UP045
    until: Annotated[Optional[str], typer.Option(help="To date YYYY-MM-DD.")] = None,  # noqa: UP045
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write the store's events to one file: PLOVER JSON lines, Parquet, CSV or GDELT TSV."""
    from eventwire.cli.main import _console, _fail, _parse_day
    from eventwire.errors import EventwireError
    from eventwire.export import export_events
    from eventwire.store.analytics_models import EventSearch

    try:
        search = EventSearch(since=_parse_day(since), until=_parse_day(until))
        result = export_events(db, output, fmt=fmt, search=search, overwrite=force)
    except EventwireError as error:
        raise _fail(error) from error
    rows = f" as {result.rows} dyad rows" if result.rows != result.events else ""
    _console(stderr=True).print(f"wrote {result.events} events{rows} to {result.path}")


def _on_synthetic_store(
    console: Console, db: Path | None, events: int, run: Callable[[Path], T]
) -> T:
    """``run`` on the benchmarks' synthetic store at ``db`` (made, or reused), or in a
    temporary folder; an eventwire error ends the command with its message."""
    import tempfile

    from eventwire.bench.synthetic import generate_store
    from eventwire.cli.main import _fail
    from eventwire.errors import EventwireError

    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        path = db or Path(tmp) / "synthetic.duckdb"
        try:
            console.print(f"generating {events:,} synthetic events in {path} ...")
            made = generate_store(path, events)
            reused = " (reused)" if made.reused else ""
            console.print(f"store ready in {made.seconds:.1f} s{reused}")
            return run(path)
        except EventwireError as error:
            raise _fail(error) from error


def bench_api(
    events: Annotated[int, typer.Option("--events", min=1, help="Synthetic events.")] = 10_000_000,
    db: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--db", help="Synthetic store to create or reuse (default: a temp file)."),
    ] = None,
    repeat: Annotated[int, typer.Option(min=1, help="Timed requests per query.")] = 50,
) -> None:
    """Time the API on N synthetic events: p50/p95 of event page, dyad series, network."""
    from eventwire.bench.api import run_benchmark
    from eventwire.cli.main import _console
    from eventwire.cli.render import bench_table

    console = _console(stderr=True)
    timings = _on_synthetic_store(
        console, db, events, lambda path: run_benchmark(path, repeat=repeat)
    )
    _console().print(bench_table(timings, events=events))
    payload = {"events": events, "repeat": repeat, "results": [t.as_dict() for t in timings]}
    sys.stdout.write(json.dumps(payload) + "\n")


def bench_load(
    events: Annotated[int, typer.Option("--events", min=1, help="Synthetic events.")] = 1_000_000,
    clients: Annotated[int, typer.Option(min=1, help="Concurrent clients.")] = 50,
    seconds: Annotated[float, typer.Option(min=0.1, help="How long the load lasts.")] = 60.0,
    server_workers: Annotated[
        int, typer.Option("--server-workers", min=1, max=64, help="serve --workers.")
    ] = 1,
    db: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--db", help="Synthetic store to create or reuse (default: a temp file)."),
    ] = None,
) -> None:
    """Load a server on N synthetic events: throughput, p50/p99, errors, peak server memory."""
    from eventwire.bench.load import LoadResult, run_load
    from eventwire.cli.main import _console

    console = _console(stderr=True)

    def load(path: Path) -> LoadResult:
        console.print(f"{clients} clients for {seconds:g} s ...")
        return run_load(path, clients=clients, seconds=seconds, server_workers=server_workers)

    result = _on_synthetic_store(console, db, events, load)
    rss = result.server_peak_rss_mb
    console.print(
        f"{result.requests:,} requests in {result.seconds:.1f} s: "
        f"{result.throughput:,.1f} req/s, p50 {result.percentile(50):.1f} ms, "
        f"p99 {result.percentile(99):.1f} ms, {result.errors} errors, server peak RSS "
        + ("unknown" if rss is None else f"{rss:,.0f} MB")
    )
    sys.stdout.write(json.dumps({"events": events, **result.as_dict()}) + "\n")


def bench_inputs() -> None:
    """Peak memory and time of pathological inputs (50 MB line, 10,000 sentences, ...)."""
    import tempfile

    from eventwire.bench.pathological import CASES, run_case
    from eventwire.cli.main import _console, _fail
    from eventwire.errors import EventwireError

    console = _console(stderr=True)
    with tempfile.TemporaryDirectory(prefix="eventwire-inputs-") as tmp:
        for case in CASES:
            try:
                result = run_case(Path(tmp), *case)
            except EventwireError as error:
                raise _fail(error) from error
            console.print(
                f"{result.name}: {', '.join(result.outcomes)} in {result.seconds:.2f} s, "
                f"peak RSS {result.peak_rss_mb:,.0f} MB "
                f"(engine alone {result.engine_rss_mb:,.0f} MB)"
            )
            sys.stdout.write(json.dumps(result.as_dict()) + "\n")
