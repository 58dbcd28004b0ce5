"""``eventwire watch`` command pieces: signals stop it cleanly, a cycle is one line."""

from __future__ import annotations

from datetime import UTC, datetime

from eventwire.cli.watch_cmd import cycle_line
from eventwire.web.watch import CycleSummary


def test_cycle_line() -> None:
    summary = CycleSummary(
        cycle=3,
        started_at=datetime(2024, 5, 16, 8, 0, tzinfo=UTC),
        seconds=4.25,
        sources=2,
        unchanged_feeds=1,
        items_listed=12,
        already_stored=9,
        fetched=3,
        new_items=2,
        events=7,
        failures=1,
        stories_joined=0,
        stopped=False,
    )
    assert cycle_line(summary) == (
        "2024-05-16 08:00:00Z cycle 3: 2 new items, 7 events, 1 failures, 9 already stored, "
        "1 feeds unchanged, 4.2 s"
    )
