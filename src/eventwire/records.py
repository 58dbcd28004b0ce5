"""Typed, frozen records passed between eventwire's stages.

Every stage takes and returns these records; nothing between stages is a nested dict.
Character offsets (``Span.start``/``Span.end``) always index into ``Article.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Modality(StrEnum):
    """How firmly the text asserts that an event happened."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    CONDITIONAL = "conditional"
    HYPOTHETICAL = "hypothetical"
    FUTURE = "future"
    REPORTED = "reported"


@dataclass(frozen=True, slots=True)
class Span:
    """A character span of ``Article.text`` (end exclusive) and the text it covers."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class HeaderField:
    """One raw header field exactly as it came with the article (``date``, ``byline`` ...)."""

    name: str
    value: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, normalised and ready for the NLP stage.

    ``text`` is the body after the header. Normalisation is length-preserving, so an offset in
    ``text`` plus ``body_offset`` is the same offset in the decoded source document.
    """

    id: str
    text: str
    source: str
    published: date | None
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    agency: str | None = None
    dateline: str | None = None
    language: str = "en"
    external_id: str | None = None
    body_offset: int = 0
    header: tuple[HeaderField, ...] = ()


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A resolved date: the closed interval ``[earliest, latest]`` and where it came from."""

    earliest: date
    latest: date
    phrase: str | None = None
    span: Span | None = None

    def overlaps(self, earliest: date, latest: date) -> bool:
        return self.earliest <= latest and earliest <= self.latest


def actor_code(country: str | None, sectors: Sequence[str]) -> str:
    """``KORGOV``-style code: country (``---`` when unresolved) and the first sector."""
    return (country or "---") + (sectors[0] if sectors else "")


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: who a mention refers to, and the evidence for that resolution."""

    text: str
    country: str | None
    sectors: tuple[str, ...] = ()
    span: Span | None = None
    name: str | None = None
    role: str | None = None
    evidence: str = ""
    confidence: float = 1.0

    @property
    def code(self) -> str:
        """Country code followed by the first sector, e.g. ``KORGOV``; ``---`` when unresolved."""
        return actor_code(self.country, self.sectors)


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention in an article: where it is and what it resolved to."""

    article_id: str
    sentence_index: int
    span: Span
    actor: Actor


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation and, when found, its speaker."""

    article_id: str
    sentence_index: int
    span: Span
    speaker: Actor | None = None
    speaker_text: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened: place name, country and optional coordinates."""

    name: str
    country: str | None = None
    span: Span | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why an event was coded: the lexicon entry, the grammar rule and the actor evidence."""

    lexicon_entry: str
    rule: str
    actor_evidence: tuple[str, ...] = ()
    modality_cue: str | None = None
    date_rule: str | None = None


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """One coded event in PLOVER, with CAMEO code, evidence spans and confidence."""

    id: str
    article_id: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str
    score: float
    goldstein: float
    quad_class: int
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    date: DateInterval | None
    modality: Modality
    trigger: Span
    sentence_index: int
    sentence: Span
    confidence: float
    explanation: Explanation
    location: Place | None = None
    quote: Quote | None = None
    coder_version: str = ""
    lexicon_version: str = ""
    mentions: int = 1


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be coded, with a specific error code and a readable reason."""

    source: str
    stage: str
    code: str
    message: str
    article_id: str | None = None
    excerpt: str = ""


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """Everything the coder produced for one article."""

    article: Article
    events: tuple[CodedEvent, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateInterval, ...] = field(default_factory=tuple)
