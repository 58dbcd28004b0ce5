"""The throughput benchmark runs end to end on a tiny corpus and reports every figure."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.bench.throughput import Pass, ThroughputReport, run_benchmark

TEXTS = (
    "Police arrested dozens of protesters in Minsk on Sunday.",
    "North Korea rejected talks with the United States on Thursday.",
    "The European Union imposed new sanctions on Russia over the conflict.",
    "China and Japan agreed to resume talks next month, officials said.",
)


def _corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for number in range(12):
            text = TEXTS[number % len(TEXTS)] + f" Report number {number}."
            handle.write(json.dumps({"id": number, "date": "2021-03-18", "text": text}) + "\n")
    return path


def test_benchmark_reports_every_pass_and_ratio(tmp_path: Path) -> None:
    steps: list[str] = []
    report = run_benchmark(
        _corpus(tmp_path / "c.jsonl"),
        articles=8,
        workers=(1,),
        memory=False,
        scaling=(4, 12),
        progress=steps.append,
    )
    names = [(p.name, p.workers) for p in report.passes]
    assert names == [("bare parse", 1), ("full pipeline", 1), ("coder stage", 1)]
    assert report.articles == 8 and report.words > 0
    assert all(p.seconds > 0 and p.articles == 8 for p in report.passes)
    assert report.get("coder stage", 1) is not None
    assert [p.articles for p in report.scaling] == [4, 12]
    ratios = report.ratios()
    assert set(ratios) == {
        "full / bare parse, 1 worker(s)",
        "seconds per article, 12 / 4 articles",
    }
    assert report.extra["store_articles_per_second"] > 0
    assert steps[0].startswith("bare spaCy parse")
    payload = json.loads(report.to_json())
    assert payload["articles"] == 8 and len(payload["passes"]) == 5


def test_ratios_compare_worker_counts() -> None:
    report = ThroughputReport(
        corpus="c",
        articles=10,
        words=100,
        passes=(
            Pass("bare parse", 1, 10, 20, 1.0),
            Pass("full pipeline", 1, 10, 0, 1.25),
            Pass("bare parse", 2, 10, 20, 0.5),
            Pass("full pipeline", 2, 10, 0, 0.625),
        ),
    )
    ratios = report.ratios()
    assert ratios["full / bare parse, 1 worker(s)"] == 0.8
    assert ratios["full / bare parse, 2 worker(s)"] == 0.8
    assert ratios["full pipeline, 2 workers / 1 worker"] == 2.0
