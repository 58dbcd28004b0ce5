"""Story dedup: republished and rewritten copies of one story get one story id.

Each article's text becomes a set of word pairs (lower-cased, function words dropped), summarised
by a MinHash signature. Locality-sensitive hashing cuts the signature into bands; two articles
that share a band are candidates, and a candidate whose estimated Jaccard similarity reaches the
threshold (and whose publication date is within the window) is the same story. A new article
joins the story of its most similar earlier article, else it starts its own story (whose id is
the article's id). Assignment happens in input order, so it is the same on every runner, and an
article coded again (a re-run) keeps the story it was given the first time.

Word pairs survive paragraph reordering and most of a light rewrite: replacing one word in five
with a synonym keeps about two thirds of the pairs, and a copy with changed quotes keeps the rest.
Distinct stories on the same topic share few content-word pairs (well under 0.2 on Reuters-21578).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

import numpy as np
from datasketch import MinHash

from eventwire.store.run_state import StoryCandidate
from eventwire.store.writer import StoryRow

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
FUNCTION_WORDS = frozenset((
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "over",
    "about", "after", "before", "as", "and", "or", "but", "nor", "not", "no", "is", "are", "was",
    "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "it", "its", "this", "that",
    "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your",
    "him", "them", "us", "me", "who", "whom", "which", "what", "when", "where", "while", "than",
    "then", "there", "here", "also", "said", "says", "say", "told",
))  # fmt: skip


@dataclass(frozen=True, slots=True)
class StorySettings:
    """How near-duplicates are found. ``num_perm = bands * rows``.

    With 42 bands of 3 rows, a pair at Jaccard 0.4 becomes a candidate with probability 0.94,
    at 0.3 with 0.68, and at 0.02 (unrelated news) with 0.0003.
    """

    bands: int = 42
    rows: int = 3
    threshold: float = 0.3
    window_days: int = 14
    seed: int = 1

    def __post_init__(self) -> None:
        if self.bands < 1 or self.rows < 1:
            raise ValueError("story dedup needs at least one band of one row")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"the story threshold must be in (0, 1], not {self.threshold}")
        if self.window_days < 0:
            raise ValueError("the story window cannot be negative")

    @property
    def num_perm(self) -> int:
        return self.bands * self.rows


def shingles(text: str) -> set[bytes]:
    """The article's content-word pairs (its words if it has fewer than two)."""
    words = [w for w in _WORD.findall(text.lower()) if w not in FUNCTION_WORDS]
    if len(words) < 2:
        return {w.encode("utf-8") for w in words}
    return {f"{a} {b}".encode() for a, b in itertools.pairwise(words)}


@dataclass(frozen=True, slots=True)
class Signature:
    """One article's MinHash values and the LSH keys of its bands."""

    values: np.ndarray
    band_keys: tuple[int, ...]

    def to_bytes(self) -> bytes:
        return self.values.astype("<u8").tobytes()


@dataclass(frozen=True, slots=True)
class StoredSignature:
    """An earlier article as the store holds it, returned for candidate band keys."""

    article_id: str
    story_id: str
    published: date | None
    values: np.ndarray


@dataclass(frozen=True, slots=True)
class StoryItem:
    """An article to place in a story."""

    article_id: str
    text: str
    published: date | None


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    """An article's story, the signature to store for it, and why."""

    article_id: str
    story_id: str
    published: date | None
    signature: Signature
    similarity: float | None = None  # to the article it was matched with, if any
    matched: str | None = None

    def row(self) -> StoryRow:
        """What the store keeps of it: story id, publication date, signature and band keys."""
        return StoryRow(
            article_id=self.article_id,
            story_id=self.story_id,
            published=self.published,
            signature=self.signature.to_bytes(),
            band_keys=self.signature.band_keys,
        )


def values_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8").astype(np.uint64)


# Given band keys, the earlier articles that have them: (band key, article) pairs.
CandidateLookup = Callable[[Sequence[int]], Iterable[tuple[int, StoredSignature]]]


def stored_lookup(find: Callable[[Sequence[int]], Iterable[StoryCandidate]]) -> CandidateLookup:
    """A :data:`CandidateLookup` over the store's signatures (``find`` is
    :meth:`Store.story_candidates` or :func:`run_state.story_candidates` on a connection)."""

    def lookup(keys: Sequence[int]) -> Iterator[tuple[int, StoredSignature]]:
        for found in find(keys):
            values = values_from_bytes(found.signature)
            stored = StoredSignature(found.article_id, found.story_id, found.published, values)
            yield found.band_key, stored

    return lookup


@dataclass
class StoryIndex:
    """Assigns story ids in input order. ``lookup`` finds earlier articles by band keys (the
    store's signatures); articles assigned by this index are searched in memory as well.

    One index serves one run; it is not shared between processes.
    """

    settings: StorySettings = field(default_factory=StorySettings)
    lookup: CandidateLookup | None = None
    _bands: dict[int, list[str]] = field(default_factory=dict, init=False, repr=False)
    _known: dict[str, StoredSignature] = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def _template(self) -> MinHash:
        return MinHash(num_perm=self.settings.num_perm, seed=self.settings.seed)

    def signature(self, text: str) -> Signature:
        """The MinHash signature of ``text`` and its band keys."""
        minhash = MinHash(
            num_perm=self.settings.num_perm,
            seed=self.settings.seed,
            permutations=self._template.permutations,
            scheme=self._template.scheme,
        )
        minhash.update_batch(sorted(shingles(text)))
        values = np.asarray(minhash.hashvalues, dtype=np.uint64)
        return Signature(values, band_keys(values, self.settings))

    def assign(self, items: Sequence[StoryItem]) -> list[StoryAssignment]:
        """Place each item in a story, in order; later items can join earlier items' stories."""
        signatures = [self.signature(item.text) for item in items]
        stored: dict[int, list[StoredSignature]] = {}
        if self.lookup is not None:
            keys = sorted({key for sig in signatures for key in sig.band_keys})
            for key, found in self.lookup(keys):
                stored.setdefault(key, []).append(found)
        ids = {item.article_id for item in items}
        out: list[StoryAssignment] = []
        previous = {
            found.article_id: found.story_id
            for candidates in stored.values()
            for found in candidates
            if found.article_id in ids
        }
        for item, sig in zip(items, signatures, strict=True):
            if item.article_id in previous:  # coded again: it keeps its story
                best = None
                story = previous[item.article_id]
            else:
                best = self._best_match(item, sig, stored, ids)
                story = best[0].story_id if best is not None else item.article_id
            record = StoredSignature(item.article_id, story, item.published, sig.values)
            self._known[item.article_id] = record
            for key in sig.band_keys:
                self._bands.setdefault(key, []).append(item.article_id)
            ids.discard(item.article_id)
            out.append(
                StoryAssignment(
                    article_id=item.article_id,
                    story_id=story,
                    published=item.published,
                    signature=sig,
                    similarity=None if best is None else best[1],
                    matched=None if best is None else best[0].article_id,
                )
            )
        return out

    def _best_match(
        self,
        item: StoryItem,
        sig: Signature,
        stored: dict[int, list[StoredSignature]],
        pending: set[str],
    ) -> tuple[StoredSignature, float] | None:
        """The most similar earlier article at or over the threshold, within the window.

        Articles of this batch still waiting for their turn (``pending``) are not candidates,
        and an article assigned in this run is taken from memory, not from the store.
        """
        candidates: dict[str, StoredSignature] = {}
        for key in sig.band_keys:
            for found in stored.get(key, ()):
                if found.article_id not in pending and found.article_id not in self._known:
                    candidates[found.article_id] = found
            for article_id in self._bands.get(key, ()):
                candidates[article_id] = self._known[article_id]
        candidates.pop(item.article_id, None)
        best: tuple[StoredSignature, float] | None = None
        for candidate in candidates.values():
            if not self._in_window(item.published, candidate.published):
                continue
            similarity = float(np.mean(candidate.values == sig.values))
            if similarity < self.settings.threshold:
                continue
            if (
                best is None
                or similarity > best[1]
                or (similarity == best[1] and candidate.story_id < best[0].story_id)
            ):
                best = (candidate, similarity)
        return best

    def _in_window(self, a: date | None, b: date | None) -> bool:
        if a is None or b is None:
            return True
        return abs(a - b) <= timedelta(days=self.settings.window_days)


def band_keys(values: np.ndarray, settings: StorySettings) -> tuple[int, ...]:
    """One signed 64-bit key per band: a hash of the band number and its rows' values."""
    rows = settings.rows
    keys = []
    raw = values.astype("<u8")
    for band in range(settings.bands):
        chunk = raw[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return tuple(keys)
