"""Throughput benchmark: eventwire against its parser, in one process, on the same texts.

Every figure is measured in one run, so they can be compared as ratios on a noisy machine:

- *bare parse*: spaCy ``nlp.pipe`` with the same model and settings eventwire loads (``senter``
  excluded, same batch size), but none of eventwire's components — the practical limit;
- *full pipeline*: reading the JSON Lines file, eventwire's components, coding, story dedup and
  writing into a fresh DuckDB store (:func:`eventwire.runner.ingest.ingest`);
- *coder stage*: documents parsed once beforehand, then only ``Coder.code`` timed, per sentence;
- *store writes*: the coded articles written again into a fresh store, in 64-article batches.

Worker runs start their processes inside the timed span, for the bare parse (spaCy's
``n_process``) and for eventwire (its worker pool) alike. Model loading in this process is
outside every timed span.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import spacy

from eventwire.engine import Engine
from eventwire.ingest import iter_articles
from eventwire.nlp.pipeline import MODEL_NAME, make_doc
from eventwire.records import Article, CodedArticle
from eventwire.runner.ingest import IngestRequest, ingest
from eventwire.runner.loop import RunSettings
from eventwire.store import open_store


@dataclass(frozen=True, slots=True)
class Pass:
    """One timed pass over the texts."""

    name: str
    workers: int
    articles: int
    sentences: int
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / max(self.seconds, 1e-9)

    @property
    def sentences_per_second(self) -> float:
        return self.sentences / max(self.seconds, 1e-9)


@dataclass(frozen=True, slots=True)
class WorkerMemory:
    """Peak resident memory of one ingest run in a child process (``workers`` workers)."""

    workers: int
    parent_mib: float  # the process that reads, groups stories and writes (and codes, alone)
    worker_mib: float  # the largest worker process (0 when coding happens in the parent)


@dataclass(frozen=True, slots=True)
class ThroughputReport:
    """Every figure of one benchmark run."""

    corpus: str
    articles: int
    words: int
    passes: tuple[Pass, ...]
    memory: tuple[WorkerMemory, ...] = ()
    scaling: tuple[Pass, ...] = ()
    extra: dict[str, float] = field(default_factory=dict)

    def get(self, name: str, workers: int) -> Pass | None:
        for found in self.passes:
            if found.name == name and found.workers == workers:
                return found
        return None

    def ratios(self) -> dict[str, float]:
        """The issue's targets as ratios (each: higher is better)."""
        out: dict[str, float] = {}
        for workers in (1, 2):
            bare, full = self.get("bare parse", workers), self.get("full pipeline", workers)
            if bare and full:
                out[f"full / bare parse, {workers} worker(s)"] = (
                    full.articles_per_second / bare.articles_per_second
                )
        one, two = self.get("full pipeline", 1), self.get("full pipeline", 2)
        if one and two:
            out["full pipeline, 2 workers / 1 worker"] = (
                two.articles_per_second / one.articles_per_second
            )
        if len(self.scaling) >= 2:
            first, last = self.scaling[0], self.scaling[-1]
            out[f"seconds per article, {last.articles} / {first.articles} articles"] = (
                last.seconds / last.articles
            ) / (first.seconds / first.articles)
        return out

    def to_json(self) -> str:
        payload = {
            "corpus": self.corpus,
            "articles": self.articles,
            "words": self.words,
            "passes": [
                {
                    "name": p.name,
                    "workers": p.workers,
                    "articles": p.articles,
                    "sentences": p.sentences,
                    "seconds": round(p.seconds, 3),
                    "articles_per_second": round(p.articles_per_second, 2),
                    "sentences_per_second": round(p.sentences_per_second, 1),
                }
                for p in (*self.passes, *self.scaling)
            ],
            "memory_mib": [
                {"workers": m.workers, "parent": m.parent_mib, "largest_worker": m.worker_mib}
                for m in self.memory
            ],
            "ratios": {k: round(v, 3) for k, v in self.ratios().items()},
            "extra": self.extra,
        }
        return json.dumps(payload, indent=2)


def first_articles(corpus: Path, count: int) -> list[Article]:
    """The first ``count`` readable articles of a JSON Lines corpus (unreadable records skipped)."""
    articles = (a for a in iter_articles([corpus]) if isinstance(a, Article))
    return list(itertools.islice(articles, count))


def write_subset(articles: Sequence[Article], path: Path) -> Path:
    """The articles as a JSON Lines file, for the full pipeline to read like any input."""
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            record = {
                "id": article.external_id,
                "date": article.published.isoformat() if article.published else None,
                "title": article.title,
                "text": article.text,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _timed(run: Callable[[], int]) -> tuple[int, float]:
    started = time.perf_counter()
    value = run()
    return value, time.perf_counter() - started


def bare_parse(texts: Sequence[str], *, workers: int, batch_size: int) -> Pass:
    """spaCy alone: the same model and settings, none of eventwire's components."""
    nlp = spacy.load(MODEL_NAME, exclude=["senter"])

    def run() -> int:
        docs = nlp.pipe(texts, batch_size=batch_size, n_process=workers)
        return sum(1 for doc in docs for _ in doc.sents)

    sentences, seconds = _timed(run)
    return Pass("bare parse", workers, len(texts), sentences, seconds)


def full_pipeline(engine: Engine, subset: Path, *, workers: int, batch_size: int, db: Path) -> Pass:
    """Reading, parsing, coding, story dedup and DuckDB writes into a fresh store."""
    settings = RunSettings(workers=workers, batch_size=batch_size)
    request = IngestRequest((str(subset),), restart=True)
    with open_store(db) as store:
        started = time.perf_counter()
        outcome = ingest(engine, store, request, settings=settings)
        seconds = time.perf_counter() - started
    return Pass("full pipeline", workers, outcome.loop.coded, 0, seconds)


def coder_stage(
    engine: Engine, articles: Sequence[Article], *, batch_size: int
) -> tuple[Pass, list[CodedArticle]]:
    """Parse once (untimed), then time only the coder over every parsed document."""
    docs = list(
        engine.nlp.pipe(
            ((make_doc(engine.nlp, a), a) for a in articles), as_tuples=True, batch_size=batch_size
        )
    )
    sentences = sum(1 for doc, _ in docs for _ in doc.sents)
    started = time.perf_counter()
    coded = [engine.coder.code(doc, article) for doc, article in docs]
    seconds = time.perf_counter() - started
    return Pass("coder stage", 1, len(docs), sentences, seconds), coded


def store_writes(coded: Sequence[CodedArticle], db: Path, *, batch: int = 64) -> tuple[float, int]:
    """Seconds to write the coded articles into a fresh store in ``batch``-article
    transactions, and the number of events written."""
    with open_store(db) as store:
        run = store.start_run(command="bench", coder_version="bench", lexicon_version="bench")
        started = time.perf_counter()
        for offset in range(0, len(coded), batch):
            store.write_articles(coded[offset : offset + batch], run_id=run)
        seconds = time.perf_counter() - started
    return seconds, sum(len(c.events) for c in coded)


def peak_memory(subset: Path, *, workers: int, folder: Path) -> WorkerMemory:
    """Peak RSS of an ``eventwire ingest`` run in a fresh child process: its own peak, and its
    largest worker's (read by the child after its workers have exited)."""
    db = folder / f"memory-{workers}.duckdb"
    script = (
        "import json, resource, sys\n"
        "from eventwire.bench.throughput import _ingest_in_child\n"
        "_ingest_in_child(sys.argv[1], sys.argv[2], int(sys.argv[3]))\n"
        "print(json.dumps([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(subset), str(db), str(workers)],
        check=True,
        capture_output=True,
        text=True,
    )
    own, children = json.loads(done.stdout.strip().splitlines()[-1])
    return WorkerMemory(workers, own / 1024, children / 1024 if workers > 1 else 0.0)


def _ingest_in_child(subset: str, db: str, workers: int) -> None:
    """The child side of :func:`peak_memory` (run as ``python -c``)."""
    engine = Engine.load()
    with open_store(db) as store:
        ingest(
            engine,
            store,
            IngestRequest((subset,), restart=True),
            settings=RunSettings(workers=workers),
        )


def run_benchmark(
    corpus: Path,
    *,
    articles: int = 2000,
    workers: Sequence[int] = (1, 2),
    batch_size: int = 16,
    memory: bool = True,
    scaling: Sequence[int] = (),
    progress: Callable[[str], None] | None = None,
) -> ThroughputReport:
    """Measure everything on the first ``articles`` articles of ``corpus``."""
    say = progress or (lambda _: None)
    chosen = first_articles(corpus, max(articles, *scaling) if scaling else articles)
    sample = chosen[:articles]
    texts = [a.text for a in sample]
    words = sum(len(t.split()) for t in texts)
    engine = Engine.load()
    passes: list[Pass] = []
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        folder = Path(tmp)
        subset = write_subset(sample, folder / "subset.jsonl")
        for count in workers:
            say(f"bare spaCy parse, {count} worker(s)")
            passes.append(bare_parse(texts, workers=count, batch_size=batch_size))
            say(f"full eventwire pipeline, {count} worker(s)")
            db = folder / f"full-{count}.duckdb"
            passes.append(
                full_pipeline(engine, subset, workers=count, batch_size=batch_size, db=db)
            )
        say("coder stage alone")
        coder, coded = coder_stage(engine, sample, batch_size=batch_size)
        passes.append(coder)
        say("store writes")
        write_seconds, events = store_writes(coded, folder / "writes.duckdb")
        extra = {
            "store_write_seconds": round(write_seconds, 3),
            "store_articles_per_second": round(len(coded) / max(write_seconds, 1e-9), 1),
            "store_events_per_second": round(events / max(write_seconds, 1e-9), 1),
            "events": float(events),
        }
        mem: list[WorkerMemory] = []
        if memory:
            for count in workers:
                say(f"peak memory, {count} worker(s)")
                mem.append(peak_memory(subset, workers=count, folder=folder))
        grown: list[Pass] = []
        for size in scaling:
            say(f"scaling: full pipeline on {size} articles, 1 worker")
            part = write_subset(chosen[:size], folder / f"scale-{size}.jsonl")
            db = folder / f"scale-{size}.duckdb"
            grown.append(full_pipeline(engine, part, workers=1, batch_size=batch_size, db=db))
    return ThroughputReport(
        corpus=str(corpus),
        articles=len(sample),
        words=words,
        passes=tuple(passes),
        memory=tuple(mem),
        scaling=tuple(grown),
        extra=extra,
    )
