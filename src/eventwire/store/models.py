"""The store's own records: what queries take (:class:`EventFilter`) and return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from eventwire.errors import StoreError


def check_window(*, limit: int, offset: int, since: date | None, until: date | None) -> None:
    """Refuse a negative page or a date range that ends before it starts."""
    if limit < 0 or offset < 0:
        raise StoreError(f"limit and offset must be >= 0 (got limit={limit}, offset={offset})")
    if since is not None and until is not None and since > until:
        raise StoreError(f"since ({since}) is after until ({until})")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events :meth:`Store.query_events` returns. Every field is optional; all combine (AND).

    ``actor``/``recipient`` are country codes matched (case-insensitively) against any element
    of the event's actor/recipient countries; ``type`` is a PLOVER type (case-insensitive);
    ``since``/``until`` keep events whose date interval overlaps ``[since, until]`` (undated
    events never match a date bound);
    ``modality`` is a :class:`~eventwire.records.Modality` value (case-insensitive). The
    filter is the analyst search's (:class:`~eventwire.store.analytics_models.EventSearch`): an
    empty string filters nothing.
    """

    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    article_id: str | None = None
    modality: str | None = None
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        check_window(limit=self.limit, offset=self.offset, since=self.since, until=self.until)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredEvent:
    """One row of the ``events`` table, flattened for display, export and the API."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    cameo: str | None
    score: float | None
    quad_class: int | None
    actor_countries: tuple[str, ...]
    recipient_countries: tuple[str, ...]
    actor_texts: tuple[str, ...]
    recipient_texts: tuple[str, ...]
    date_earliest: date | None
    date_latest: date | None
    date_phrase: str | None
    modality: str
    trigger_text: str | None
    sentence_text: str | None
    trigger_start: int | None
    trigger_end: int | None
    sentence_start: int | None
    confidence: float | None
    quote_speaker: str | None
    location_name: str | None
    rule: str | None
    lexicon_entry: str | None
    actor_evidence: tuple[str, ...]
    # Beyond the flat display set: what exports and provenance checks need.
    sentence_index: int | None
    sentence_end: int | None
    goldstein: float | None
    contexts: tuple[str, ...]
    location_country: str | None
    coder_version: str | None
    lexicon_version: str | None
    run_id: str
    location_lat: float | None = None
    location_lon: float | None = None
    # The story the event's article belongs to, and how many articles / distinct sources
    # (agencies, sites) report that story.
    story_id: str | None = None
    story_articles: int = 1
    story_sources: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class RunSummary:
    """One row of the ``runs`` table: what a coding run read, wrote and how it ended."""

    run_id: str
    started_at: datetime
    finished_at: datetime | None
    command: str
    coder_version: str
    lexicon_version: str
    articles_in: int | None
    articles_coded: int | None
    failures: int | None
    events: int | None
    status: str
