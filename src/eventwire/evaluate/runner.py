"""Running the coder over a gold set and scoring it: ``evaluate_set`` and ``evaluate_gold_file``.

Each gold sentence is coded as its own article (dated by its record) through
``eventwire.engine.process_batch``. Records are split into two halves by a stable hash of their
id (sha256; even = ``dev``, odd = ``heldout``), so anyone tuning on ``dev`` can check on
``heldout``; ``half="all"`` reports the whole set and both halves. ``limit`` keeps the first N
records of the file, before the split. Records with an ``expected_error`` are listed, with what
the coder made of them, and never scored.

The ``petrarch`` set is coded with that suite's own fictional-actor dictionaries and without
eventwire's built-in actor knowledge (``petrarch_pipeline_options``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from eventwire.coding import CoderOptions
from eventwire.engine import BatchOptions, Engine, process_batch
from eventwire.errors import GoldDataMissingError, GoldFormatError
from eventwire.evaluate.cameo_map import CameoMap, load_cameo_map
from eventwire.evaluate.data import find_data_dir
from eventwire.evaluate.gold import GoldFormat, GoldSentence, read_gold
from eventwire.evaluate.metrics import (
    COUNTED_MODALITIES,
    Scores,
    ScoringOptions,
    describe_event,
    figures,
    score,
)
from eventwire.evaluate.seed import SeedReport, evaluate_seed, load_seed_expectations
from eventwire.ingest import iter_articles
from eventwire.nlp.pipeline import PipelineOptions
from eventwire.records import Article, CodedArticle, Failure, Modality

HALVES = ("all", "dev", "heldout")
BATCH_SIZE = 64
PETRARCH_DIR = Path("gold") / "petrarch-unittest"
SEED_GOLD = Path("seed") / "expected.json"
SEED_ARTICLE = Path("seed") / "article.txt"


@dataclass(frozen=True, slots=True)
class GoldSet:
    """A named gold set in the shared data folder."""

    name: str
    path: Path
    description: str
    own_dictionaries: bool = False


GOLD_SETS = {
    gold.name: gold
    for gold in (
        GoldSet(
            "plover",
            Path("gold") / "plover-gsr" / "PLOVER_GSR_CAMEO.txt",
            "PLOVER gold standard records: 322 human-coded sentences",
        ),
        GoldSet(
            "petr2",
            Path("gold") / "petr2-gsr" / "petr2_gsr_validation.jsonl",
            "PETRARCH2 validation: 78 sentences (AFP 2008), expected CAMEO triples",
        ),
        GoldSet(
            "petrarch",
            PETRARCH_DIR / "petr_unittest_records.jsonl",
            "PETRARCH/TABARI unit tests, coded with the suite's own dictionaries",
            own_dictionaries=True,
        ),
    )
}
SET_NAMES = ("seed", *GOLD_SETS)


@dataclass(frozen=True, slots=True)
class HalfReport:
    half: str
    scores: Scores


@dataclass(frozen=True, slots=True)
class ExpectedError:
    """A record the gold says should fail (PETRARCH ``expected_error``), and what we coded."""

    id: str
    text: str
    expected_error: str
    produced: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EvalReport:
    """A gold set's evaluation. ``figures[half][metric]`` are the headline values.

    ``failures`` are records the coder failed on (scored as coding nothing); ``skipped`` the
    ids of records with no text, which are not scored.
    """

    set: str
    gold_file: str
    gold_sha256: str
    format: str
    records: int
    scored: int
    counted_modalities: tuple[str, ...]
    figures: dict[str, dict[str, float | None]]
    halves: tuple[HalfReport, ...] = ()
    expected_errors: tuple[ExpectedError, ...] = ()
    failures: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    seed: SeedReport | None = None

    def half(self, name: str) -> HalfReport | None:
        return next((h for h in self.halves if h.half == name), None)


def half_of(record_id: str) -> str:
    """``dev`` or ``heldout``, by the parity of the sha256 of the record id."""
    digest = hashlib.sha256(record_id.encode("utf-8")).digest()
    return "dev" if digest[-1] % 2 == 0 else "heldout"


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def petrarch_coder_options(data_dir: Path) -> CoderOptions:
    """Coder options of the ``petrarch`` set: its verb dictionary and discard list imported
    over eventwire's own lexicon."""
    folder = data_dir / PETRARCH_DIR
    return CoderOptions(
        verb_dictionaries=(folder / "PETR.Validate.verbs.txt",),
        discard_lists=(folder / "PETR.Validate.discards.txt",),
    )


def petrarch_engine(data_dir: Path) -> Engine:
    """An engine for the ``petrarch`` set: the suite's own dictionaries (actors, agents,
    verbs, discards), no built-in actor knowledge."""
    return Engine.load(petrarch_pipeline_options(data_dir), coder=petrarch_coder_options(data_dir))


def petrarch_pipeline_options(data_dir: Path) -> PipelineOptions:
    """Pipeline options of the ``petrarch`` set: its dictionaries only, no built-in knowledge."""
    folder = data_dir / PETRARCH_DIR
    return PipelineOptions(
        actor_dictionaries=(folder / "PETR.Validate.actors.txt",),
        agent_dictionaries=(folder / "PETR.Validate.agents.txt",),
        use_builtin_knowledge=False,
    )


def code_sentences(
    engine: Engine, sentences: tuple[GoldSentence, ...], *, source: str
) -> tuple[list[CodedArticle], list[str]]:
    """Each sentence coded as its own article, in order; a failure codes as no events."""
    articles = [
        Article(id=s.id, text=s.text, source=f"{source}:{s.id}", published=s.date)
        for s in sentences
    ]
    coded: list[CodedArticle] = []
    failures: list[str] = []
    results = process_batch(engine, articles, BatchOptions(batch_size=BATCH_SIZE))
    for article, result in zip(articles, results, strict=True):
        if isinstance(result, Failure):
            failures.append(f"{article.id}: {result.code} {result.message}")
            coded.append(CodedArticle(article=article))
        else:
            coded.append(result)
    return coded, failures


def _selected_halves(half: str) -> tuple[str, ...]:
    if half not in HALVES:
        raise ValueError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    return HALVES if half == "all" else (half,)


def evaluate_sentences(
    name: str,
    sentences: tuple[GoldSentence, ...],
    *,
    engine: Engine,
    gold_file: str,
    gold_sha256: str,
    gold_format: GoldFormat,
    cameo_map: CameoMap | None = None,
    half: str = "all",
    limit: int | None = None,
    worst: int = 10,
    counted: frozenset[Modality] = COUNTED_MODALITIES,
) -> EvalReport:
    """Code ``sentences`` (the first ``limit``) and score the selected halves."""
    halves = _selected_halves(half)
    sentences = sentences[:limit] if limit is not None else sentences
    skipped = tuple(s.id for s in sentences if not s.text.strip())
    sentences = tuple(s for s in sentences if s.text.strip())
    coded, failures = code_sentences(engine, sentences, source=name)
    pairs = list(zip(sentences, coded, strict=True))
    options = ScoringOptions(counted=counted, cameo_map=cameo_map, worst=worst)
    reports = []
    for which in halves:
        chosen = [p for p in pairs if which == "all" or half_of(p[0].id) == which]
        reports.append(HalfReport(which, score(chosen, options)))
    errors = tuple(
        ExpectedError(g.id, g.text, g.expected_error, tuple(describe_event(e) for e in c.events))
        for g, c in pairs
        if g.expected_error is not None and (half == "all" or half_of(g.id) == half)
    )
    return EvalReport(
        set=name,
        gold_file=gold_file,
        gold_sha256=gold_sha256,
        format=str(gold_format),
        records=len(sentences) + len(skipped),
        scored=reports[0].scores.sentences,
        counted_modalities=tuple(sorted(str(m) for m in counted)),
        figures={r.half: figures(r.scores) for r in reports},
        halves=tuple(reports),
        expected_errors=errors,
        failures=tuple(failures),
        skipped=skipped,
    )


def evaluate_gold_file(
    path: Path,
    *,
    engine: Engine | None = None,
    data_dir: Path | None = None,
    name: str | None = None,
    half: str = "all",
    limit: int | None = None,
    worst: int = 10,
    counted: frozenset[Modality] = COUNTED_MODALITIES,
    gold_file: str | None = None,
) -> EvalReport:
    """Evaluate any PLOVER-record or PETRARCH-record file.

    CAMEO gold needs the CAMEO->PLOVER table from the data folder; PLOVER gold uses it when
    the folder is there.
    """
    cameo_map: CameoMap | None
    try:
        cameo_map = load_cameo_map(find_data_dir(data_dir))
    except GoldDataMissingError:
        cameo_map = None
    gold_format, sentences = read_gold(path, cameo_map)
    if gold_format is GoldFormat.PETRARCH and cameo_map is None:
        raise GoldDataMissingError(
            f"{path} has CAMEO codes: scoring it needs codebooks/plover/CAMEO2PLOVER-2021.txt "
            "from the shared data folder (--data-dir)"
        )
    return evaluate_sentences(
        name or path.stem,
        sentences,
        engine=engine if engine is not None else Engine.load(),
        gold_file=gold_file or str(path),
        gold_sha256=sha256_file(path),
        gold_format=gold_format,
        cameo_map=cameo_map,
        half=half,
        limit=limit,
        worst=worst,
        counted=counted,
    )


def evaluate_seed_set(*, engine: Engine | None = None, data_dir: Path | None = None) -> EvalReport:
    """The seed article against ``seed/expected.json``, with its checks as figures."""
    root = find_data_dir(data_dir)
    (article,) = iter_articles([root / SEED_ARTICLE])
    if isinstance(article, Failure):
        raise GoldFormatError(f"seed article unreadable: {article.code} {article.message}")
    engine = engine if engine is not None else Engine.load()
    report = evaluate_seed(engine.code_article(article), load_seed_expectations(root))
    checks = {
        "required_found": report.required,
        "forbidden_clean": report.forbidden,
        "actors": report.actors,
        "quotes": report.quotes,
        "dates": report.dates,
    }
    values = {
        name: sum(c.ok for c in group) / len(group) if group else None
        for name, group in checks.items()
    }
    return EvalReport(
        set="seed",
        gold_file=SEED_GOLD.as_posix(),
        gold_sha256=sha256_file(root / SEED_GOLD),
        format="seed",
        records=1,
        scored=1,
        counted_modalities=tuple(sorted(str(m) for m in COUNTED_MODALITIES)),
        figures={"all": values},
        seed=report,
    )


def evaluate_set(
    name: str,
    *,
    engine: Engine | None = None,
    data_dir: Path | None = None,
    half: str = "all",
    limit: int | None = None,
    worst: int = 10,
    counted: frozenset[Modality] = COUNTED_MODALITIES,
) -> EvalReport:
    """Evaluate a named set: ``seed``, ``plover``, ``petr2`` or ``petrarch``.

    ``engine`` defaults to a freshly loaded one; for ``petrarch`` pass one built with
    ``petrarch_engine`` (or None to have it built here).
    """
    if name == "seed":
        return evaluate_seed_set(engine=engine, data_dir=data_dir)
    if name not in GOLD_SETS:
        raise ValueError(f"unknown gold set {name!r}; available: {', '.join(SET_NAMES)}")
    gold = GOLD_SETS[name]
    root = find_data_dir(data_dir)
    path = root / gold.path
    if not path.is_file():
        raise GoldDataMissingError(f"gold file of {name!r} not found at {path}")
    if engine is None:
        engine = petrarch_engine(root) if gold.own_dictionaries else Engine.load()
    return evaluate_gold_file(
        path,
        engine=engine,
        data_dir=root,
        name=name,
        half=half,
        limit=limit,
        worst=worst,
        counted=counted,
        gold_file=gold.path.as_posix(),
    )
