"""``eventwire explain``: why an event was coded — lexicon entry, grammar rule, actor evidence,
modality cue and date rule — for a stored event id, or for every event of an article file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import EventwireError


def register(app: typer.Typer) -> None:
    app.command()(explain)


def _rows(table: Table, pairs: list[tuple[str, str]]) -> None:
    for name, value in pairs:
        table.add_row(name, value)


def _table(title: str) -> Table:
    table = Table(title=title, show_header=False, expand=True, title_justify="left")
    table.add_column("", style="bold", width=16)
    table.add_column("", overflow="fold")
    return table


def explain(
    target: Annotated[str, typer.Argument(help="A stored event id, or an article file to code.")],
    db: Annotated[Path, typer.Option("--db", help="Store holding the event.")] = Path(
        "eventwire.duckdb"
    ),
    day: Annotated[
        Optional[str],  # noqa: UP045 - typer needs Optional on 3.11
        typer.Option("--date", help="Publication date for a file without a date header."),
    ] = None,
) -> None:
    """Explain how an event was coded."""
    console = Console(highlight=False)
    try:
        if Path(target).is_file() or target == "-":
            _explain_file(console, target, day)
        else:
            _explain_stored(console, target, db)
    except EventwireError as error:
        Console(stderr=True).print(f"[red]error {error.code}:[/] {error}")
        raise typer.Exit(code=2) from error


def _explain_stored(console: Console, event_id: str, db: Path) -> None:
    from eventwire.store.analytics import get_event_detail
    from eventwire.store.readonly import connect_read_only

    con, _ = connect_read_only(db)
    try:
        detail = get_event_detail(con, event_id)
    finally:
        con.close()
    if detail is None:
        Console(stderr=True).print(f"[red]no event {event_id!r} in {db}[/]")
        raise typer.Exit(code=1)
    event, why = detail.event, detail.explanation
    actors = ", ".join(a.code for a in event.actors) or "-"
    recipients = ", ".join(a.code for a in event.recipients) or "-"
    table = _table(f"{event.type} {actors} -> {recipients}  ({event.event_id})")
    _rows(
        table,
        [
            ("sentence", event.sentence_text or ""),
            ("trigger", event.trigger_text or ""),
            ("lexicon entry", why.lexicon_entry or ""),
            ("grammar rule", why.rule or ""),
            ("actor evidence", "\n".join(why.actor_evidence)),
            ("modality", f"{event.modality} ({why.modality_cue or 'no cue'})"),
            ("date", f"{event.date_earliest}..{event.date_latest} ({why.date_rule or ''})"),
            ("confidence", f"{event.confidence or 0:.2f}"),
        ],
    )
    console.print(table)


def _explain_file(console: Console, path: str, day: str | None) -> None:
    from datetime import date

    from eventwire.engine import Engine
    from eventwire.ingest import iter_articles
    from eventwire.records import Failure

    default = date.fromisoformat(day) if day else None
    engine = Engine.load()
    for item in iter_articles([path], default_date=default):
        if isinstance(item, Failure):
            Console(stderr=True).print(f"[red]{item.source}: {item.code}[/] {item.message}")
            continue
        try:
            coded = engine.code_article(item)
        except EventwireError as error:  # a size guard or the coding deadline
            Console(stderr=True).print(f"[red]{item.source}: {error.code}[/] {error}")
            continue
        for event in coded.events:
            why = event.explanation
            actors = ", ".join(a.code for a in event.actors) or "-"
            recipients = ", ".join(a.code for a in event.recipients) or "-"
            when = f"{event.date.earliest}..{event.date.latest}" if event.date else "undated"
            table = _table(f"{event.type} {actors} -> {recipients}  ({event.id})")
            _rows(
                table,
                [
                    ("sentence", event.sentence.text),
                    ("trigger", event.trigger.text),
                    ("lexicon entry", why.lexicon_entry),
                    ("grammar rule", why.rule),
                    ("actor evidence", "\n".join(why.actor_evidence)),
                    ("modality", f"{event.modality} ({why.modality_cue or 'no cue'})"),
                    ("date", f"{when} ({why.date_rule or ''})"),
                    ("confidence", f"{event.confidence:.2f}"),
                ],
            )
            console.print(table)
