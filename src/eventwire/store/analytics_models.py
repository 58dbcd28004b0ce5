"""Records the analyst queries (:mod:`eventwire.store.analytics`) take and return.

They are plain frozen dataclasses, so the HTTP API can serialise them directly and the exports
and the command line can use them without the web stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from eventwire.store.models import check_window

SortKey = Literal["date", "-date", "score", "-score", "confidence", "-confidence"]
Interval = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventSearch:
    """Which events a search returns. Every field is optional; all combine (AND).

    Codes are matched case-insensitively. ``actor``/``recipient`` match any element of a
    compound actor/recipient; ``country`` matches either side or the event's location;
    ``sector`` matches a sector of any actor or recipient; ``types``/``quad_classes``/
    ``modalities`` keep events with one of the given values; ``since``/``until`` keep events
    whose date interval overlaps ``[since, until]``; ``story`` is a story id (or an article id,
    meaning that article's story); ``article_id`` keeps one article's events; ``text`` is a
    case-insensitive substring of the event's sentence.
    """

    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    sector: str | None = None
    types: tuple[str, ...] = ()
    mode: str | None = None
    quad_classes: tuple[int, ...] = ()
    modalities: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    story: str | None = None
    article_id: str | None = None
    text: str | None = None
    min_confidence: float | None = None
    sort: SortKey = "-date"
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        check_window(limit=self.limit, offset=self.offset, since=self.since, until=self.until)


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorEntity:
    """One actor or recipient of an event; ``start``/``end`` index the article text."""

    text: str
    country: str | None
    sectors: tuple[str, ...]
    code: str
    name: str | None = None
    role: str | None = None
    start: int | None = None
    end: int | None = None
    evidence: str | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRow:
    """One event as the event table shows it.

    ``trigger_start``/``trigger_end`` are offsets into ``sentence_text`` (not the article).
    """

    event_id: str
    article_id: str
    date_earliest: date | None
    date_latest: date | None
    type: str
    mode: str | None
    cameo: str | None
    score: float | None
    goldstein: float | None
    quad_class: int | None
    modality: str
    confidence: float | None
    actors: tuple[ActorEntity, ...]
    recipients: tuple[ActorEntity, ...]
    trigger_text: str | None
    trigger_start: int | None
    trigger_end: int | None
    sentence_text: str | None
    location_name: str | None
    location_country: str | None
    quote_speaker: str | None
    story_id: str | None = None  # the story the article belongs to (see story dedup)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventPage:
    """One page of a search; ``total`` counts every match (-1: not counted) and is a lower
    bound when ``total_exact`` is false (a text search stops counting at 10,000)."""

    events: tuple[EventRow, ...]
    total: int
    limit: int
    offset: int
    total_exact: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Highlight:
    """A span of the event's sentence (offsets into the sentence) and the part it plays."""

    role: Literal["trigger", "actor", "recipient", "quote", "date"]
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleMeta:
    article_id: str
    source: str
    url: str | None
    title: str | None
    published: date | None
    byline: str | None
    agency: str | None
    dateline: str | None
    language: str | None
    external_id: str | None = None
    events: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteInfo:
    text: str
    speaker: str | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ExplanationInfo:
    lexicon_entry: str | None
    rule: str | None
    actor_evidence: tuple[str, ...]
    modality_cue: str | None
    date_rule: str | None
    date_phrase: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDetail:
    """One event with its evidence: the sentence and its highlighted spans, quote, article."""

    event: EventRow
    contexts: tuple[str, ...]
    sentence_index: int | None
    sentence_start: int | None
    sentence_end: int | None
    highlights: tuple[Highlight, ...]
    quote: QuoteInfo | None
    explanation: ExplanationInfo
    article: ArticleMeta | None
    mentions: int | None
    coder_version: str | None
    lexicon_version: str | None
    run_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleDetail:
    article: ArticleMeta
    text: str
    body_offset: int | None
    run_id: str
    ingested_at: datetime | None
    events: tuple[EventRow, ...]
    quotes: tuple[QuoteInfo, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticlePage:
    articles: tuple[ArticleMeta, ...]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FailureRow:
    failure_id: str
    run_id: str | None
    source: str
    article_id: str | None
    stage: str
    code: str
    message: str
    excerpt: str | None
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class FailurePage:
    failures: tuple[FailureRow, ...]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SeriesPoint:
    """Events of one period: counts per quad class, cooperation vs conflict, mean scores."""

    period: date
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    cooperation: int
    conflict: int
    mean_score: float | None
    mean_goldstein: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadSeries:
    actor: str | None
    recipient: str | None
    actor_name: str | None
    recipient_name: str | None
    interval: Interval
    events: int
    mean_score: float | None
    points: tuple[SeriesPoint, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class NetworkNode:
    code: str
    name: str | None
    out_weight: int
    in_weight: int
    weight: int


@dataclass(frozen=True, slots=True, kw_only=True)
class NetworkEdge:
    """Events from ``source`` to ``target``, by quad class and by PLOVER type."""

    source: str
    target: str
    weight: int
    cooperation: int
    conflict: int
    mean_score: float | None
    types: dict[str, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class Network:
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]
    total_edges: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorSummary:
    code: str
    name: str | None
    as_actor: int
    as_recipient: int
    events: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Partner:
    code: str
    name: str | None
    events: int
    mean_score: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorProfile:
    summary: ActorSummary
    first_date: date | None
    last_date: date | None
    types_as_actor: dict[str, int]
    types_as_recipient: dict[str, int]
    targets: tuple[Partner, ...]
    sources: tuple[Partner, ...]
    mentions: dict[str, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class Overview:
    """What a store holds: row counts, the event date range and the values worth filtering on."""

    counts: dict[str, int]
    first_date: date | None
    last_date: date | None
    types: dict[str, int]
    modes: dict[str, dict[str, int]]
    modalities: dict[str, int]
    sectors: tuple[str, ...]
