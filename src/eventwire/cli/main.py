"""``eventwire`` commands: thin wrappers over the library."""

from __future__ import annotations

import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from eventwire import __version__
from eventwire.cli.bench_cmd import register as register_bench_command
from eventwire.cli.explain_cmd import register as register_explain_command
from eventwire.cli.serve_commands import register as register_serve_commands
from eventwire.cli.spark_cmd import register as register_spark_commands
from eventwire.cli.watch_cmd import register as register_watch_command
from eventwire.errors import EventwireError

app = typer.Typer(
    name="eventwire",
    help="Political event data from news text: who did what to whom, when, where, and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
DateOption = Annotated[
    Optional[str],  # noqa: UP045 - typer needs Optional on 3.11
    typer.Option("--date", help="Publication date (YYYY-MM-DD) for texts without a date header."),
]
FormatOption = Annotated[
    str, typer.Option("--format", help="Input format: auto, wire, text, jsonl or csv.")
]


def _console(*, stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False)


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _fail(error: EventwireError) -> typer.Exit:
    _console(stderr=True).print(f"[red]error {error.code}:[/] {error}")
    return typer.Exit(code=2)


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING)


@app.command()
def code(
    path: Annotated[str, typer.Argument(help="Article file, or - for standard input.")],
    day: DateOption = None,
    fmt: FormatOption = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
    verbs: Annotated[
        Optional[list[Path]],  # noqa: UP045 - typer needs Optional on 3.11
        typer.Option("--verbs", help="TABARI/PETRARCH verb dictionary to import (repeatable)."),
    ] = None,
) -> None:
    """Print the events of one article."""
    from eventwire.coding import CoderOptions
    from eventwire.engine import Engine
    from eventwire.ingest import iter_articles
    from eventwire.records import Failure

    try:
        items = list(iter_articles([path], default_date=_parse_day(day), fmt=fmt))
        engine = Engine.load(coder=CoderOptions(verb_dictionaries=tuple(verbs or ())))
    except EventwireError as error:
        raise _fail(error) from error
    console = _console()
    coded_any = False
    for item in items:
        if isinstance(item, Failure):
            _console(stderr=True).print(f"[red]{item.source}: {item.code}[/] {item.message}")
            continue
        try:
            coded = engine.code_article(item)
        except EventwireError as error:  # a size guard or the coding deadline
            _console(stderr=True).print(f"[red]{item.source}: {error.code}[/] {error}")
            continue
        coded_any = True
        if as_json:
            from eventwire.serialize import dumps

            for event in coded.events:
                sys.stdout.write(dumps(event) + "\n")
        else:
            from eventwire.cli.render import events_table

            title = f"{item.source} ({item.published}) — {len(coded.events)} events"
            console.print(events_table(coded.events, title=title))
    if not coded_any:
        raise typer.Exit(code=1)


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories, globs, page or feed URLs, or -.")
    ],
    db: DbOption = Path("eventwire.duckdb"),
    day: DateOption = None,
    fmt: FormatOption = "auto",
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Parser processes (default: all cores)."),
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 16,
    write_every: Annotated[
        int, typer.Option("--write-every", min=1, help="Articles per write transaction.")
    ] = 64,
    restart: Annotated[
        bool, typer.Option("--restart", help="Do not resume an unfinished run; code all again.")
    ] = False,
    dedup: Annotated[
        bool, typer.Option("--dedup/--no-dedup", help="Group near-duplicate copies in stories.")
    ] = True,
    snapshot_every: Annotated[
        float,
        typer.Option(
            "--snapshot-every",
            min=0,
            help="Seconds between read snapshots for `serve` while writing (0: none).",
        ),
    ] = 30.0,
) -> None:
    """Code articles into the store, with a progress bar and a closing summary.

    An interrupted run (Ctrl-C, kill) continues where it stopped when run again.
    """
    from eventwire.cli.ingest_run import run_ingest

    try:
        result = run_ingest(
            paths,
            db=db,
            default_date=_parse_day(day),
            fmt=fmt,
            workers=workers,
            batch_size=batch_size,
            console=_console(stderr=True),
            restart=restart,
            dedup=dedup,
            write_every=write_every,
            snapshot_every=snapshot_every,
        )
    except EventwireError as error:
        raise _fail(error) from error
    if result.status == "interrupted":
        raise typer.Exit(code=130)
    if result.articles_coded == 0:
        raise typer.Exit(code=1)


@app.command()
def summary(db: DbOption = Path("eventwire.duckdb")) -> None:
    """Events per type, top dyads and sample events of a store."""
    from eventwire.cli.render import print_store_summary
    from eventwire.store import open_store

    try:
        with open_store(db, read_only=True) as store:
            print_store_summary(_console(), store)
    except EventwireError as error:
        raise _fail(error) from error


@app.command()
def query(
    db: DbOption = Path("eventwire.duckdb"),
    actor: Annotated[Optional[str], typer.Option(help="Actor country code, e.g. PRK.")] = None,  # noqa: UP045
    recipient: Annotated[Optional[str], typer.Option(help="Recipient country code.")] = None,  # noqa: UP045
    event_type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type.")] = None,  # noqa: UP045
    since: Annotated[Optional[str], typer.Option(help="From date YYYY-MM-DD.")] = None,  # noqa: UP045
    until: Annotated[Optional[str], typer.Option(help="To date YYYY-MM-DD.")] = None,  # noqa: UP045
    limit: Annotated[int, typer.Option(min=0)] = 50,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    per_story: Annotated[
        bool,
        typer.Option("--per-story", help="Count each event once per story, with its sources."),
    ] = False,
) -> None:
    """List stored events, filtered."""
    from eventwire.store import EventFilter, open_store

    try:
        flt = EventFilter(
            actor=actor,
            recipient=recipient,
            type=event_type,
            since=_parse_day(since),
            until=_parse_day(until),
            limit=limit,
        )
        with open_store(db, read_only=True) as store:
            if per_story:
                story_events = store.story_events(flt)
            else:
                events = store.query_events(flt)
    except EventwireError as error:
        raise _fail(error) from error
    if per_story:
        from eventwire.cli.render import print_story_events

        print_story_events(_console(), story_events, as_json=as_json)
        return
    if as_json:
        from eventwire.serialize import dumps

        for event in events:
            sys.stdout.write(dumps(event) + "\n")
        return
    from eventwire.cli.render import stored_events_table

    _console().print(stored_events_table(events, title=f"{len(events)} events"))


DataDirOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--data-dir", help="The shared data folder (default ../shared/data)."),
]


@app.command()
def evaluate(
    gold_set: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(metavar="[SET]", help="Gold set: seed, plover, petr2 or petrarch."),
    ] = None,
    gold: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--gold", help="A gold file of PLOVER records (JSON/JSONL) or PETRARCH records (JSONL)."
        ),
    ] = None,
    data_dir: DataDirOption = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    half: Annotated[
        str, typer.Option("--half", help="all (whole set and both halves), dev or heldout.")
    ] = "all",
    limit: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--limit", min=1, help="Only the first N records of the gold file."),
    ] = None,
    worst: Annotated[int, typer.Option("--worst", min=0, help="Worst misses to show.")] = 10,
) -> None:
    """Score the coder against a gold set, or against any gold file with --gold."""
    from eventwire.evaluate.runner import HALVES, SET_NAMES, evaluate_gold_file, evaluate_set

    err = _console(stderr=True)
    if (gold_set is None) == (gold is None):
        err.print(
            "[red]give a gold SET or --gold FILE[/] (one of them); sets: " + ", ".join(SET_NAMES)
        )
        raise typer.Exit(code=2)
    if gold_set is not None and gold_set not in SET_NAMES:
        err.print(f"[red]unknown gold set {gold_set!r}[/]; available: {', '.join(SET_NAMES)}")
        raise typer.Exit(code=2)
    if half not in HALVES:
        err.print(f"[red]unknown half {half!r}[/]; use {', '.join(HALVES)}")
        raise typer.Exit(code=2)
    try:
        if gold is not None:
            report = evaluate_gold_file(
                gold, data_dir=data_dir, half=half, limit=limit, worst=worst
            )
        else:
            assert gold_set is not None
            report = evaluate_set(gold_set, data_dir=data_dir, half=half, limit=limit, worst=worst)
    except EventwireError as error:
        raise _fail(error) from error
    if report.seed is not None:
        from eventwire.cli.eval_render import print_seed

        print_seed(_console(), report, as_json=as_json)
        return
    if as_json:
        from eventwire.serialize import to_jsonable

        sys.stdout.write(json.dumps(to_jsonable(report), indent=2, ensure_ascii=False) + "\n")
        return
    from eventwire.cli.eval_render import print_eval_report

    print_eval_report(_console(), report, worst=worst)


@app.command("evaluate-gate")
def evaluate_gate(
    data_dir: DataDirOption = None,
    floors_file: Annotated[Path, typer.Option("--floors", help="The floors file (JSON).")] = Path(
        "tests/evaluate/eval_floors.json"
    ),
    sets: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--set", help="Only this set (repeatable); default all gated sets."),
    ] = None,
    update: Annotated[
        bool, typer.Option("--update", help="Rewrite the floors from a fresh measurement.")
    ] = False,
    allow_lower: Annotated[
        bool, typer.Option("--allow-lower", help="With --update: let floors go down.")
    ] = False,
) -> None:
    """Check each gold set's figures against the floors file, or (--update) raise the floors."""
    from eventwire.cli.eval_render import print_gate
    from eventwire.evaluate import gate

    chosen = tuple(sets or gate.GATED_SETS)
    if not set(chosen) <= set(gate.GATED_SETS):
        _console(stderr=True).print(f"[red]gated sets are {', '.join(gate.GATED_SETS)}[/]")
        raise typer.Exit(code=2)
    console = _console()
    try:
        floors = gate.load_floors(floors_file)
        reports = gate.measure(chosen, data_dir=data_dir)
        if update:
            floors, lowered = gate.updated_floors(floors, reports, allow_lower=allow_lower)
            gate.write_floors(floors_file, floors)
            for line in lowered:
                console.print(f"[yellow]lowered[/] {line}")
    except EventwireError as error:
        raise _fail(error) from error
    checks = [c for report in reports for c in gate.check_report(report, floors.get(report.set))]
    print_gate(console, checks)
    if update:
        console.print(f"floors written to {floors_file}")
    if not all(check.ok for check in checks):
        raise typer.Exit(code=1)


@app.command()
def info() -> None:
    """Versions of eventwire, spaCy, the model, the lexicon and the store schema."""
    import spacy

    from eventwire.coding import CODER_VERSION
    from eventwire.knowledge import load_gazetteer, load_lexicon
    from eventwire.nlp.pipeline import MODEL_NAME
    from eventwire.store import SCHEMA_VERSION

    console = _console()
    try:
        model = spacy.util.get_package_version(MODEL_NAME) or "not installed"
    except Exception:
        model = "not installed"
    rows = {
        "eventwire": __version__,
        "coder": CODER_VERSION,
        "spaCy": spacy.about.__version__,
        "model": f"{MODEL_NAME} {model}",
        "lexicon": load_lexicon().version,
        "actor knowledge": load_gazetteer().version,
        "store schema": str(SCHEMA_VERSION),
        "python": sys.version.split()[0],
    }
    for name, value in rows.items():
        console.print(f"{name:>16}  {value}")


register_serve_commands(app)
register_explain_command(app)
register_spark_commands(app)
register_watch_command(app)
register_bench_command(app)


def run() -> None:
    """Console-script entry point."""
    app()
