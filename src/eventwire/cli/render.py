"""Rich renderings of events, store summaries and evaluation reports for the terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from eventwire.evaluate.seed import Check, SeedReport
from eventwire.records import CodedEvent
from eventwire.store import Store, StoredEvent
from eventwire.store.story_queries import StoryEvent

if TYPE_CHECKING:
    from eventwire.bench.api import QueryTiming


def _countries(codes: Iterable[str | None]) -> str:
    return "+".join(c for c in codes if c) or "-"


def _when(event: CodedEvent) -> str:
    if event.date is None:
        return "?"
    if event.date.earliest == event.date.latest:
        return event.date.earliest.isoformat()
    return f"{event.date.earliest}..{event.date.latest}"


def events_table(events: Sequence[CodedEvent], *, title: str) -> Table:
    table = Table(title=title, show_lines=True, expand=True)
    for name, style in (
        ("type", "bold"),
        ("actor", "cyan"),
        ("recipient", "magenta"),
        ("date", ""),
        ("modality", ""),
        ("conf", ""),
        ("evidence", "dim"),
    ):
        table.add_column(name, style=style, overflow="fold")
    for event in events:
        actor = _countries(a.country for a in event.actors)
        recipient = _countries(r.country for r in event.recipients)
        sentence = event.sentence.text
        lo = event.trigger.start - event.sentence.start
        hi = event.trigger.end - event.sentence.start
        evidence = f"{sentence[:lo]}[bold yellow]{sentence[lo:hi]}[/]{sentence[hi:]}"
        table.add_row(
            f"{event.type}\n{event.cameo}",
            actor,
            recipient,
            _when(event),
            str(event.modality),
            f"{event.confidence:.2f}",
            evidence,
        )
    return table


def stored_events_table(events: Sequence[StoredEvent], *, title: str) -> Table:
    table = Table(title=title, show_lines=False, expand=True)
    for name in ("date", "type", "actor", "recipient", "modality", "trigger", "sentence"):
        table.add_column(name, overflow="fold")
    for event in events:
        table.add_row(
            str(event.date_earliest or "?"),
            event.type,
            _countries(event.actor_countries),
            _countries(event.recipient_countries),
            event.modality,
            event.trigger_text,
            event.sentence_text,
        )
    return table


def highlighted_sentence(event: StoredEvent) -> Text:
    """The evidence sentence with the trigger word in bold yellow."""
    sentence = event.sentence_text or ""
    text = Text(sentence)
    if (
        event.trigger_start is not None
        and event.trigger_end is not None
        and event.sentence_start is not None
    ):
        lo = event.trigger_start - event.sentence_start
        hi = event.trigger_end - event.sentence_start
        if 0 <= lo < hi <= len(sentence):
            text.stylize("bold yellow", lo, hi)
    return text


def print_stored_event(console: Console, event: StoredEvent) -> None:
    who = f"{_countries(event.actor_countries)} -> {_countries(event.recipient_countries)}"
    console.print(
        f"[bold]{event.date_earliest or '?'}[/]  [bold cyan]{event.type}[/] {event.cameo or ''}  "
        f"{who}  [dim]{event.modality}, confidence {event.confidence or 0:.2f}[/]"
    )
    console.print(Padding(highlighted_sentence(event), (0, 0, 1, 4)))


def print_store_summary(console: Console, store: Store, *, samples: int = 5) -> None:
    counts = store.counts()
    console.print(
        f"[bold]{store.where}[/]: {counts.get('articles', 0)} articles, "
        f"{counts.get('events', 0)} events, {counts.get('failures', 0)} failures, "
        f"{counts.get('runs', 0)} runs"
    )
    by_type = Table(title="Events per type")
    by_type.add_column("type")
    by_type.add_column("events", justify="right")
    by_type.add_column("once per story", justify="right")
    for name, count, per_story in store.count_story_events_by_type():
        by_type.add_row(name, str(count), str(per_story))
    console.print(by_type)
    dyads = Table(title="Top dyads (actor -> recipient)")
    for column in ("actor", "recipient", "events"):
        dyads.add_column(column, justify="right" if column == "events" else "left")
    for actor, recipient, count in store.top_dyads(10):
        dyads.add_row(actor, recipient, str(count))
    console.print(dyads)
    from eventwire.store import EventFilter

    sample = store.query_events(EventFilter(limit=samples, modality="asserted"))
    console.print("[bold]Sample events with their evidence sentence[/]")
    for event in sample:
        print_stored_event(console, event)
    failures = store.failures()
    if failures:
        table = Table(title="Failures")
        for column in ("source", "code", "message"):
            table.add_column(column, overflow="fold")
        for failure in failures[:20]:
            table.add_row(failure.source, failure.code, failure.message)
        console.print(table)


def _check_rows(table: Table, checks: Iterable[Check]) -> None:
    for check in checks:
        table.add_row("[green]ok[/]" if check.ok else "[red]MISS[/]", check.name, check.found)


def print_seed_report(console: Console, report: SeedReport) -> None:
    sections = (
        ("Required events", report.required),
        ("Forbidden patterns", report.forbidden),
        ("Actors", report.actors),
        ("Quotes", report.quotes),
        ("Date phrases", report.dates),
    )
    for title, checks in sections:
        table = Table(title=title, expand=True)
        table.add_column("", width=5)
        table.add_column("expected", overflow="fold")
        table.add_column("found", overflow="fold")
        _check_rows(table, checks)
        console.print(table)
    if report.other_asserted:
        console.print("[bold]Other asserted events (false positives):[/]")
        for line in report.other_asserted:
            console.print(f"  {line}")
    if report.optional_found:
        console.print(f"Optional events found: {', '.join(report.optional_found)}")
    summary = report.summary()
    console.print(
        f"[bold]required {summary['required_found']}/{summary['required_total']}, "
        f"forbidden {summary['forbidden_hits']}, other asserted {summary['other_asserted']}, "
        f"actors {summary['actors_right']}/{summary['actors_total']}, "
        f"quotes {summary['quotes_right']}/{summary['quotes_total']}, "
        f"dates {summary['dates_right']}/{summary['dates_total']}[/]"
    )


def bench_table(timings: Sequence[QueryTiming], *, events: int) -> Table:
    """The API benchmark's latencies as a table."""
    table = Table(title=f"API latency on {events:,} synthetic events (ms)")
    for column in ("query", "n", "p50", "p95", "mean", "max", "target p95"):
        table.add_column(column, justify="left" if column == "query" else "right")
    for t in timings:
        verdict = "" if t.ok is None else (" [green]ok[/]" if t.ok else " [red]missed[/]")
        target = "–" if t.target_ms is None else f"{t.target_ms:.0f}{verdict}"
        table.add_row(
            t.name,
            str(len(t.samples_ms)),
            f"{t.p50:.1f}",
            f"{t.p95:.1f}",
            f"{t.mean:.1f}",
            f"{t.max:.1f}",
            target,
        )
    return table


def print_story_events(console: Console, events: list[StoryEvent], *, as_json: bool) -> None:
    """Story events as JSON lines or as a table."""
    if as_json:
        from eventwire.serialize import dumps

        for event in events:
            sys.stdout.write(dumps(event) + "\n")
        return
    table = Table(title=f"{len(events)} events, once per story")
    for column in ("date", "type", "actor", "recipient", "articles", "sources", "story"):
        table.add_column(column, justify="right" if column in {"articles", "sources"} else "left")
    for event in events:
        table.add_row(
            str(event.date_earliest or ""),
            event.type,
            ";".join(event.actor_countries),
            ";".join(event.recipient_countries),
            str(event.articles),
            str(event.sources),
            event.story_id[:12],
        )
    console.print(table)
