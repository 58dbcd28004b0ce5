"""Rich renderings of gold-set evaluations: summary figures by half, per-type P/R/F1,
confusion of gold type against our top type, the worst misses, and the evaluation gate."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from eventwire.cli.render import print_seed_report
from eventwire.evaluate.gate import GateCheck
from eventwire.evaluate.metrics import FIGURES, NONE, Ratio, Scores, TypeScore
from eventwire.evaluate.runner import EvalReport
from eventwire.knowledge.ontology import PLOVER_TYPES
from eventwire.serialize import to_jsonable

# Confusion-table column headings: 3 letters keep the table inside 80 columns.
_SHORT = {
    "AGREE": "AGR",
    "CONSULT": "CNS",
    "SUPPORT": "SUP",
    "CONCEDE": "CNC",
    "COOPERATE": "COO",
    "AID": "AID",
    "RETREAT": "RET",
    "REQUEST": "REQ",
    "ACCUSE": "ACC",
    "REJECT": "REJ",
    "THREATEN": "THR",
    "PROTEST": "PRO",
    "SANCTION": "SAN",
    "MOBILIZE": "MOB",
    "COERCE": "COE",
    "ASSAULT": "ASL",
    NONE: "none",
}


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _cell(scores: Scores, metric: str) -> str:
    if metric == "micro_f1":
        return _pct(scores.micro.f1)
    ratio: Ratio = getattr(scores, metric)
    if ratio.total == 0:
        return "-"
    return f"{_pct(ratio.value)} [dim]{ratio.hits}/{ratio.total}[/]"


def summary_table(report: EvalReport) -> Table:
    table = Table(title=f"{report.set}: summary figures", box=box.SIMPLE_HEAD)
    table.add_column("metric", no_wrap=True)
    for half in report.halves:
        table.add_column(f"{half.half} ({half.scores.sentences})", justify="right", no_wrap=True)
    for metric in FIGURES:
        cells = [_cell(h.scores, metric) for h in report.halves]
        if any(cell != "-" for cell in cells):
            table.add_row(metric, *cells)
    return table


def _type_row(table: Table, score: TypeScore, *, style: str = "") -> None:
    table.add_row(
        score.type,
        str(score.gold),
        str(score.found),
        str(score.predicted),
        str(score.true_positives),
        _pct(score.precision),
        _pct(score.recall),
        _pct(score.f1),
        style=style,
    )


def per_type_table(scores: Scores, *, title: str) -> Table:
    table = Table(title=title)
    for name in ("type", "gold", "found", "ours", "right", "P", "R", "F1"):
        table.add_column(name, justify="left" if name == "type" else "right")
    for score in scores.per_type:
        _type_row(table, score)
    _type_row(table, scores.micro, style="bold")
    return table


def confusion_table(scores: Scores, *, title: str) -> Table:
    seen = {column for row in scores.confusion.values() for column in row}
    order = [*PLOVER_TYPES, NONE]
    columns = [c for c in order if c in seen] + sorted(seen - set(order))
    table = Table(title=title, box=box.SIMPLE_HEAD, padding=(0, 0, 0, 1))
    table.add_column("gold \\ top", no_wrap=True, min_width=9)
    for column in columns:
        table.add_column(_SHORT.get(column, column[:3]), justify="right", no_wrap=True)
    for gold, row in scores.confusion.items():
        cells = []
        for column in columns:
            count = row.get(column, 0)
            text = str(count) if count else "[dim].[/]"
            cells.append(f"[green]{text}[/]" if column == gold and count else text)
        table.add_row(gold, *cells)
    return table


def worst_table(scores: Scores, *, limit: int) -> Table:
    table = Table(title=f"Worst misses (gold type not among ours), {limit} shown", show_lines=True)
    table.add_column("id", overflow="fold")
    table.add_column("sentence", overflow="fold", ratio=3)
    table.add_column("gold", overflow="fold", ratio=1)
    table.add_column("ours", overflow="fold", ratio=2)
    for miss in scores.worst[:limit]:
        ours = "\n".join(escape(line) for line in miss.ours) or "none"
        table.add_row(escape(miss.id), escape(miss.text), escape("\n".join(miss.gold)), ours)
    return table


def print_eval_report(console: Console, report: EvalReport, *, worst: int = 10) -> None:
    console.print(
        f"[bold]{report.set}[/] — {report.gold_file} (sha256 {report.gold_sha256[:12]}…), "
        f"{report.format} records: {report.records} read, {report.scored} scored; "
        f"counting {', '.join(report.counted_modalities)} events"
    )
    console.print(summary_table(report))
    first = report.halves[0]
    console.print(per_type_table(first.scores, title=f"Per PLOVER type ({first.half})"))
    console.print(confusion_table(first.scores, title=f"Gold type × our top type ({first.half})"))
    if worst and first.scores.worst:
        console.print(worst_table(first.scores, limit=worst))
    scores = first.scores
    if scores.triples:
        console.print(
            f"expected triples: {scores.triples}, {scores.triples_unmapped} with no PLOVER type "
            "(not scored)"
        )
    if report.expected_errors:
        table = Table(title="Records with an expected error (not scored)")
        for name in ("id", "expected", "we coded"):
            table.add_column(name, overflow="fold")
        for case in report.expected_errors:
            produced = escape("\n".join(case.produced)) or "nothing"
            table.add_row(escape(case.id), escape(case.expected_error), produced)
        console.print(table)
    for failure in report.failures:
        console.print(f"[red]coding failed[/] {escape(failure)}")
    if report.skipped:
        console.print(f"[yellow]skipped (no text):[/] {', '.join(report.skipped)}")


def print_seed(console: Console, report: EvalReport, *, as_json: bool) -> None:
    """The seed article's checks: the seed report's tables, or JSON with its summary."""
    seed = report.seed
    if seed is None:
        raise ValueError(f"{report.set} is not the seed set")
    if as_json:
        payload = {
            "set": "seed",
            "summary": seed.summary(),
            "figures": report.figures,
            "gold_sha256": report.gold_sha256,
            "report": to_jsonable(seed),
        }
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
        return
    print_seed_report(console, seed)


def print_gate(console: Console, checks: Sequence[GateCheck]) -> None:
    table = Table(title="Evaluation gate (whole sets)")
    for name in ("", "set", "metric", "floor", "measured", "note"):
        if name in ("floor", "measured"):
            table.add_column(name, justify="right")
        else:
            table.add_column(name, overflow="fold")
    for check in checks:
        table.add_row(
            "[green]ok[/]" if check.ok else "[red]FAIL[/]",
            check.set,
            check.metric,
            "" if check.floor is None else f"{check.floor:.2f}",
            "" if check.value is None else f"{check.value:.4f}",
            check.message,
        )
    console.print(table)
