"""``eventwire bench``: pipeline throughput against the bare parser, on the same texts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import EventwireError

if TYPE_CHECKING:
    from eventwire.bench.throughput import ThroughputReport

DEFAULT_CORPUS = Path("../shared/data/corpora/reuters21578/reuters21578_articles.jsonl")


def register(app: typer.Typer) -> None:
    app.command("bench")(bench)


def bench(
    corpus: Annotated[Path, typer.Option(help="A JSON Lines corpus.")] = DEFAULT_CORPUS,
    articles: Annotated[int, typer.Option(min=10, help="First N articles.")] = 2000,
    workers: Annotated[str, typer.Option(help="Worker counts to compare.")] = "1,2",
    scaling: Annotated[
        str, typer.Option(help="Sizes for the growth check, e.g. 1000,10000 ('' = skip).")
    ] = "",
    memory: Annotated[bool, typer.Option("--memory/--no-memory")] = True,
    spark: Annotated[bool, typer.Option("--spark", help="Also time Spark local[2].")] = False,
    out: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--out", help="Write the JSON report here."),
    ] = None,
) -> None:
    """Measure bare spaCy parse vs the full pipeline (1 and 2 workers), the coder stage alone,
    DuckDB writes, peak memory per worker, and optionally growth and Spark. Takes minutes."""
    from eventwire.bench.throughput import run_benchmark
    from eventwire.cli.main import _fail

    console = Console(stderr=True)
    if not corpus.exists():
        console.print(f"[red]corpus {corpus} not found[/]; pass --corpus FILE.jsonl")
        raise typer.Exit(code=2)
    try:
        counts = tuple(int(w) for w in workers.split(",") if w.strip())
        sizes = tuple(int(s) for s in scaling.split(",") if s.strip())
    except ValueError:
        raise typer.BadParameter("--workers and --scaling take numbers like 1,2") from None
    try:
        report = run_benchmark(
            corpus,
            articles=articles,
            workers=counts,
            memory=memory,
            scaling=sizes,
            progress=lambda step: console.print(f"[dim]{step} ...[/]"),
        )
        if spark:
            report = _with_spark(report, corpus, articles, console)
    except EventwireError as error:
        raise _fail(error) from error
    _print(report)
    if out is not None:
        out.write_text(report.to_json() + "\n", encoding="utf-8")
        console.print(f"report written to {out}")


def _with_spark(
    report: ThroughputReport, corpus: Path, articles: int, console: Console
) -> ThroughputReport:
    from dataclasses import replace

    from eventwire.spark.bench import bench_spark

    console.print("[dim]Spark local[2] ...[/]")
    result = bench_spark([str(corpus)], articles, "local[2]")
    extra = dict(report.extra)
    extra["spark_session_seconds"] = round(result.session_seconds, 2)
    extra["spark_job_seconds"] = round(result.job_seconds, 2)
    extra["spark_articles_per_second"] = round(result.articles_per_second, 2)
    local = report.get("full pipeline", 2) or report.get("full pipeline", 1)
    if local is not None:
        extra["spark_vs_local_runner"] = round(
            result.articles_per_second / local.articles_per_second, 3
        )
    return replace(report, extra=extra)


def _print(report: ThroughputReport) -> None:
    console = Console()
    table = Table(title=f"{report.articles} articles, {report.words} words from {report.corpus}")
    for column in ("pass", "workers", "articles", "seconds", "articles/s", "sentences/s"):
        table.add_column(column, justify="left" if column == "pass" else "right")
    for p in (*report.passes, *report.scaling):
        table.add_row(
            p.name,
            str(p.workers),
            str(p.articles),
            f"{p.seconds:.1f}",
            f"{p.articles_per_second:.1f}",
            f"{p.sentences_per_second:.0f}" if p.sentences else "",
        )
    console.print(table)
    ratios = Table(title="Ratios (same run)")
    ratios.add_column("ratio")
    ratios.add_column("value", justify="right")
    for name, value in report.ratios().items():
        ratios.add_row(name, f"{value:.2f}")
    console.print(ratios)
    if report.memory:
        memory = Table(title="Peak resident memory (MiB)")
        for column in ("workers", "reader/writer process", "largest worker"):
            memory.add_column(column, justify="right")
        for m in report.memory:
            memory.add_row(str(m.workers), f"{m.parent_mib:.0f}", f"{m.worker_mib:.0f}")
        console.print(memory)
    extra = Table(title="Store writes and more")
    extra.add_column("figure")
    extra.add_column("value", justify="right")
    for name, value in report.extra.items():
        extra.add_row(name, f"{value:g}")
    console.print(extra)
