"""Scoring coded sentences against gold: pure functions over (GoldSentence, CodedArticle) pairs.

Each gold sentence is coded as its own article, so every event of the article belongs to it.
Only *counted* events take part (by default asserted and reported ones: negated, conditional,
hypothetical and future events are not claims that something happened).

Sentence kinds: a *gold-event* sentence has at least one gold event with a PLOVER type (CAMEO
gold is typed through the CAMEO->PLOVER map); a *no-event* sentence is one the gold says has no
event; sentences whose gold events all lack a type (CAMEO 01, codes outside CAMEO) are neither,
and only their expected triples are counted, as ``triples_unmapped``. Sentences with an
``expected_error`` are never scored.

Definitions (``Ratio`` = hits / total):

* per type T: precision = our T events in sentences whose gold has T / our T events, recall =
  gold-T sentences where we coded T / gold-T sentences (scope: gold-event and no-event
  sentences); ``micro`` pools the counts; ``precision`` is the micro precision.
* ``gold_type_in_ours``: gold-event sentences where one of our events has a gold type.
* ``top_type``: ... where our top event (highest confidence, ties by text order) has one.
* the *matched* event of a sentence: our top event among those with a gold type, else our top
  event. ``source_country``: gold-event sentences with a gold source country and a matched
  event, where the matched event's actor countries meet the gold source countries (of the gold
  events of the matched type, if any). ``source_country_all`` counts every gold-event sentence
  with a gold source country, no event being wrong. ``recipient_country*`` likewise for
  targets. ``sector``: sides (source, target) with a gold sector and a matched event, where
  our actors on that side have one of the gold actors' first sectors.
* expected triples (CAMEO gold): ``cameo_root`` = we coded an event of the code's PLOVER type;
  ``same_actors_root`` = ... whose actor countries include the expected source country and
  recipient countries the target's (``---`` = no country, or an empty side);
  ``exact_triple`` (the issue's "exact source/target/root") = ... whose actor and recipient full
  codes (country + sectors) equal the expected ones and whose CAMEO root (first two digits)
  equals the expected root; ``exact_code`` = ... and whose whole CAMEO code equals the expected
  code (190 and 194 differ).
* ``no_event_correct``: no-event sentences where we coded nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from eventwire.evaluate.cameo_map import CameoMap
from eventwire.evaluate.gold import UNKNOWN_COUNTRY, GoldEvent, GoldSentence
from eventwire.knowledge.ontology import PLOVER_TYPES
from eventwire.records import Actor, CodedArticle, CodedEvent, Modality

COUNTED_MODALITIES = frozenset({Modality.ASSERTED, Modality.REPORTED})
NONE = "none"

# Headline figures, in report order: every Ratio field of Scores plus the micro F1.
FIGURES = (
    "gold_type_in_ours",
    "top_type",
    "precision",
    "micro_f1",
    "source_country",
    "source_country_all",
    "recipient_country",
    "recipient_country_all",
    "sector",
    "cameo_root",
    "same_actors_root",
    "exact_triple",
    "exact_code",
    "no_event_correct",
)


@dataclass(frozen=True, slots=True)
class Ratio:
    hits: int
    total: int
    value: float | None

    @classmethod
    def of(cls, hits: int, total: int) -> Ratio:
        return cls(hits, total, hits / total if total else None)


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Precision counts our events; recall counts gold sentences."""

    type: str
    true_positives: int
    predicted: int
    found: int
    gold: int
    precision: float | None
    recall: float | None
    f1: float | None

    @classmethod
    def of(cls, name: str, true_positives: int, predicted: int, found: int, gold: int) -> TypeScore:
        precision = true_positives / predicted if predicted else None
        recall = found / gold if gold else None
        f1 = None
        if precision is not None and recall is not None:
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(name, true_positives, predicted, found, gold, precision, recall, f1)


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold-event sentence none of whose gold types we coded."""

    id: str
    text: str
    gold: tuple[str, ...]
    ours: tuple[str, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class Scores:
    sentences: int
    gold_event_sentences: int
    no_event_sentences: int
    triples: int
    triples_unmapped: int
    gold_type_in_ours: Ratio
    top_type: Ratio
    precision: Ratio
    source_country: Ratio
    source_country_all: Ratio
    recipient_country: Ratio
    recipient_country_all: Ratio
    sector: Ratio
    cameo_root: Ratio
    same_actors_root: Ratio
    exact_triple: Ratio
    exact_code: Ratio
    no_event_correct: Ratio
    per_type: tuple[TypeScore, ...]
    micro: TypeScore
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    worst: tuple[Miss, ...] = ()


@dataclass(frozen=True, slots=True)
class ScoringOptions:
    counted: frozenset[Modality] = COUNTED_MODALITIES
    cameo_map: CameoMap | None = None
    worst: int = 10


def figures(scores: Scores) -> dict[str, float | None]:
    """The headline figures of ``scores`` by name (None when there was nothing to count)."""
    values: dict[str, float | None] = {}
    for name in FIGURES:
        values[name] = scores.micro.f1 if name == "micro_f1" else getattr(scores, name).value
    return values


def counted_events(coded: CodedArticle, counted: frozenset[Modality]) -> tuple[CodedEvent, ...]:
    return tuple(e for e in coded.events if e.modality in counted)


def top_event(events: Iterable[CodedEvent]) -> CodedEvent | None:
    """The highest-confidence event; ties go to the one earliest in the text."""
    ranked = sorted(events, key=lambda e: (-e.confidence, e.sentence_index, e.trigger.start))
    return ranked[0] if ranked else None


def gold_type(event: GoldEvent, cameo_map: CameoMap | None) -> str | None:
    if event.type is not None:
        return event.type
    return cameo_map.type_of(event.cameo) if cameo_map is not None else None


def _countries(actors: Iterable[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _codes(events: Iterable[GoldEvent], side: str) -> set[str]:
    found = set()
    for event in events:
        codes = event.source_codes if side == "source" else event.target_codes
        found |= {c for c in codes if c != UNKNOWN_COUNTRY}
    return found


def _first_sectors(events: Iterable[GoldEvent], side: str) -> set[str]:
    found = set()
    for event in events:
        sectors = event.source_sectors if side == "source" else event.target_sectors
        found |= {secs[0] for secs in sectors if secs}
    return found


def _full(actor: Actor) -> str:
    return (actor.country or UNKNOWN_COUNTRY) + "".join(actor.sectors)


def _side_countries(actors: Sequence[Actor]) -> set[str]:
    """Countries of one side of an event; an empty side, like an unplaced actor, is ``---``."""
    return {a.country or UNKNOWN_COUNTRY for a in actors} or {UNKNOWN_COUNTRY}


def _side_codes(actors: Sequence[Actor]) -> set[str]:
    return {_full(a) for a in actors} or {UNKNOWN_COUNTRY}


def _describe_gold(event: GoldEvent, plover_type: str | None) -> str:
    label = plover_type or "?"
    if event.cameo:
        label += f" ({event.cameo})"
    sources = "+".join(event.source_full_codes) or "-"
    targets = "+".join(event.target_full_codes) or "-"
    return f"{label} {sources}->{targets}"


def describe_event(event: CodedEvent) -> str:
    actors = "+".join(_full(a) for a in event.actors) or "-"
    recipients = "+".join(_full(r) for r in event.recipients) or "-"
    return (
        f"{event.type} ({event.cameo}) {actors}->{recipients} [{event.modality}] "
        f"{event.confidence:.2f} '{event.trigger.text}'"
    )


@dataclass
class _Tally:
    """Mutable counters while scoring; frozen into Scores at the end."""

    ratios: dict[str, list[int]] = field(default_factory=dict)
    true_positives: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    misses: list[tuple[float, int, Miss]] = field(default_factory=list)
    sentences: int = 0
    gold_event_sentences: int = 0
    no_event_sentences: int = 0
    triples: int = 0
    triples_unmapped: int = 0

    def count(self, name: str, hit: bool) -> None:
        pair = self.ratios.setdefault(name, [0, 0])
        pair[0] += int(hit)
        pair[1] += 1

    def ratio(self, name: str) -> Ratio:
        hits, total = self.ratios.get(name, [0, 0])
        return Ratio.of(hits, total)


def _score_actors(
    tally: _Tally, gold: GoldSentence, matched: CodedEvent | None, cmap: CameoMap | None
) -> None:
    of_type = [e for e in gold.events if matched and gold_type(e, cmap) == matched.type]
    relevant = of_type or list(gold.events)
    for side, name in (("source", "source_country"), ("target", "recipient_country")):
        if not _codes(gold.events, side):
            continue
        wanted = _codes(relevant, side) or _codes(gold.events, side)
        ours = (matched.actors if side == "source" else matched.recipients) if matched else ()
        hit = bool(_countries(ours) & wanted)
        tally.count(f"{name}_all", hit)
        if matched is not None:
            tally.count(name, hit)
    if matched is None:
        return
    for side in ("source", "target"):
        wanted = _first_sectors(relevant, side) or _first_sectors(gold.events, side)
        if wanted:
            ours = matched.actors if side == "source" else matched.recipients
            tally.count("sector", bool({s for a in ours for s in a.sectors} & wanted))


def _score_triples(
    tally: _Tally, gold: GoldSentence, ours: Sequence[CodedEvent], cmap: CameoMap | None
) -> None:
    for event in gold.events:
        if event.cameo is None:
            continue
        tally.triples += 1
        plover_type = gold_type(event, cmap)
        if plover_type is None:
            tally.triples_unmapped += 1
            continue
        candidates = [o for o in ours if o.type == plover_type]
        tally.count("cameo_root", bool(candidates))
        source = event.source_codes[0] if event.source_codes else None
        target = event.target_codes[0] if event.target_codes else None
        same = [
            o
            for o in candidates
            if (source is None or source in _side_countries(o.actors))
            and (target is None or target in _side_countries(o.recipients))
        ]
        tally.count("same_actors_root", bool(same))
        full_source = event.source_full_codes[:1]
        full_target = event.target_full_codes[:1]
        exact = [
            o
            for o in same
            if o.cameo[:2] == event.cameo[:2]
            and all(code in _side_codes(o.actors) for code in full_source)
            and all(code in _side_codes(o.recipients) for code in full_target)
        ]
        tally.count("exact_triple", bool(exact))
        tally.count("exact_code", any(o.cameo == event.cameo for o in exact))


def _score_sentence(
    tally: _Tally, index: int, gold: GoldSentence, coded: CodedArticle, options: ScoringOptions
) -> None:
    cmap = options.cameo_map
    ours = counted_events(coded, options.counted)
    gtypes = list(dict.fromkeys(t for e in gold.events if (t := gold_type(e, cmap))))
    tally.sentences += 1
    _score_triples(tally, gold, ours, cmap)
    if gold.no_events:
        tally.no_event_sentences += 1
        tally.count("no_event_correct", not ours)
    if not gtypes and not gold.no_events:
        return
    our_types = {e.type for e in ours}
    for event in ours:
        tally.predicted[event.type] += 1
        tally.true_positives[event.type] += event.type in gtypes
    top = top_event(ours)
    if not gtypes:
        tally.confusion.setdefault(NONE, Counter())[top.type if top else NONE] += 1
        return
    tally.gold_event_sentences += 1
    for plover_type in gtypes:
        tally.gold[plover_type] += 1
        tally.found[plover_type] += plover_type in our_types
    tally.count("gold_type_in_ours", bool(our_types & set(gtypes)))
    tally.count("top_type", top is not None and top.type in gtypes)
    label = top.type if top is not None and top.type in gtypes else gtypes[0]
    tally.confusion.setdefault(label, Counter())[top.type if top else NONE] += 1
    matched = top_event(e for e in ours if e.type in gtypes) or top
    _score_actors(tally, gold, matched, cmap)
    if not our_types & set(gtypes):
        miss = Miss(
            id=gold.id,
            text=gold.text,
            gold=tuple(_describe_gold(e, gold_type(e, cmap)) for e in gold.events),
            ours=tuple(describe_event(e) for e in coded.events),
            confidence=top.confidence if top else 0.0,
        )
        tally.misses.append((-miss.confidence, index, miss))


def _type_order(names: Iterable[str]) -> list[str]:
    rank = {name: i for i, name in enumerate((*PLOVER_TYPES, NONE))}
    return sorted(set(names), key=lambda n: (rank.get(n, len(rank)), n))


def score(
    pairs: Sequence[tuple[GoldSentence, CodedArticle]], options: ScoringOptions | None = None
) -> Scores:
    """Score coded sentences against their gold (sentences with an expected error are skipped)."""
    options = options or ScoringOptions()
    tally = _Tally()
    for index, (gold, coded) in enumerate(pairs):
        if gold.expected_error is None:
            _score_sentence(tally, index, gold, coded, options)
    types = _type_order([*tally.gold, *tally.predicted])
    per_type = tuple(
        TypeScore.of(t, tally.true_positives[t], tally.predicted[t], tally.found[t], tally.gold[t])
        for t in types
    )
    micro = TypeScore.of(
        "micro",
        sum(tally.true_positives.values()),
        sum(tally.predicted.values()),
        sum(tally.found.values()),
        sum(tally.gold.values()),
    )
    confusion = {}
    for gold_label in _type_order(tally.confusion):
        row = tally.confusion[gold_label]
        confusion[gold_label] = {ours: row[ours] for ours in _type_order(row)}
    worst = tuple(miss for *_, miss in sorted(tally.misses, key=lambda m: m[:2]))
    return Scores(
        sentences=tally.sentences,
        gold_event_sentences=tally.gold_event_sentences,
        no_event_sentences=tally.no_event_sentences,
        triples=tally.triples,
        triples_unmapped=tally.triples_unmapped,
        gold_type_in_ours=tally.ratio("gold_type_in_ours"),
        top_type=tally.ratio("top_type"),
        precision=Ratio.of(micro.true_positives, micro.predicted),
        source_country=tally.ratio("source_country"),
        source_country_all=tally.ratio("source_country_all"),
        recipient_country=tally.ratio("recipient_country"),
        recipient_country_all=tally.ratio("recipient_country_all"),
        sector=tally.ratio("sector"),
        cameo_root=tally.ratio("cameo_root"),
        same_actors_root=tally.ratio("same_actors_root"),
        exact_triple=tally.ratio("exact_triple"),
        exact_code=tally.ratio("exact_code"),
        no_event_correct=tally.ratio("no_event_correct"),
        per_type=per_type,
        micro=micro,
        confusion=confusion,
        worst=worst[: max(options.worst, 0)],
    )
