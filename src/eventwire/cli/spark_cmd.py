"""``eventwire spark`` (code inputs on Spark into Parquet) and ``eventwire load`` (into DuckDB)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import EventwireError


def register(app: typer.Typer) -> None:
    app.command("spark")(spark)
    app.command("load")(load)


def spark(
    paths: Annotated[
        list[str], typer.Argument(help="Inputs (files, directories, globs), then OUTPUT.")
    ],
    master: Annotated[
        Optional[str],  # noqa: UP045 - typer needs Optional on 3.11
        typer.Option(
            "--master",
            help="Spark master, e.g. local[2]. Default: spark-submit's master, else local[*].",
        ),
    ] = None,
    partitions: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--partitions", min=1, help="Tasks (default: 2 x cores)."),
    ] = None,
    day: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs without one."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="Input format: auto, wire, text, jsonl or csv.")
    ] = "auto",
    driver_memory: Annotated[
        str, typer.Option("--driver-memory", help="Driver memory with a local master.")
    ] = "1g",
) -> None:
    """Code INPUT... on Spark into Parquet under OUTPUT (a new directory); then `eventwire load`."""
    from eventwire.cli.main import _fail, _parse_day
    from eventwire.spark import SessionOptions, SparkOptions, run_in_session

    if len(paths) < 2:
        raise typer.BadParameter("give at least one INPUT and the OUTPUT directory")
    *inputs, output = paths
    console = Console(stderr=True, highlight=False)
    options = SparkOptions(partitions=partitions, default_date=_parse_day(day), fmt=fmt)
    try:
        session_options = SessionOptions(master=master, driver_memory=driver_memory)
        result, session_seconds = run_in_session(session_options, inputs, output, options)
    except EventwireError as error:
        raise _fail(error) from error
    counts = result.manifest.counts
    table = Table(title=f"spark ({result.manifest.master}) into {result.output}")
    columns = ("items in", "coded", "failures", "events", "partitions", "session s", "job s")
    for column in (*columns, "articles/s"):
        table.add_column(column, justify="right")
    table.add_row(
        str(counts.items),
        str(counts.articles),
        str(counts.failures),
        str(counts.events),
        str(result.partitions),
        f"{session_seconds:.1f}",
        f"{result.seconds:.1f}",
        f"{counts.articles / max(result.seconds, 1e-9):.1f}",
    )
    console.print(table)
    console.print(f"load it with: eventwire load {result.output} --db FILE")
    if counts.articles == 0:
        raise typer.Exit(code=1)


def load(
    output: Annotated[Path, typer.Argument(help="A finished `eventwire spark` output directory.")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB store file.")] = Path("eventwire.duckdb"),
    dedup: Annotated[
        bool, typer.Option("--dedup/--no-dedup", help="Group near-duplicate copies in stories.")
    ] = True,
) -> None:
    """Load a Spark output into the store in one transaction (rows of its articles replaced)."""
    from eventwire.cli.main import _fail
    from eventwire.spark.load import load_output

    try:
        result = load_output(output, db, dedup=dedup)
    except EventwireError as error:
        raise _fail(error) from error
    counts = result.counts
    Console(stderr=True, highlight=False).print(
        f"loaded run {result.manifest.run_id} into {db}: {counts.articles} articles, "
        f"{counts.events} events, {counts.mentions} actor mentions, {counts.quotes} quotes, "
        f"{counts.failures} failures ({counts.joined} joined an earlier story) "
        f"in {result.seconds:.1f} s"
    )
