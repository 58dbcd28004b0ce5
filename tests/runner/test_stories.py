"""Story dedup: rewritten copies of a story share a story id; different stories do not.

The copies are made here, from the seed article, by rules a wire desk or a rewriting tool
applies: paragraphs reordered, words swapped for synonyms, quotes changed, lines dropped.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.runner.stories import (
    StoredSignature,
    StoryIndex,
    StoryItem,
    StorySettings,
    band_keys,
    shingles,
)

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SEED = DATA / "seed" / "article.txt"
REUTERS = DATA / "corpora" / "reuters21578" / "reuters21578_articles.jsonl"
DAY = date(2021, 3, 18)
SYNONYMS = {
    "said": "stated", "talks": "negotiations", "offer": "proposal", "military": "armed forces",
    "rejected": "dismissed", "statement": "announcement", "leader": "head", "officials":
    "authorities", "government": "administration", "nuclear": "atomic", "meeting": "session",
    "week": "week's time", "sister": "sibling", "warned": "cautioned", "allies": "partners",
    "country": "nation", "joint": "combined", "exercises": "drills", "United States": "U.S.",
}  # fmt: skip


def _seed_body() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines[3:] if line.strip())


def _reorder(text: str, rnd: random.Random) -> str:
    paragraphs = text.split("\n")
    rnd.shuffle(paragraphs)
    return "\n".join(paragraphs)


def _synonyms(text: str, share: float, rnd: random.Random) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        return SYNONYMS[word] if rnd.random() < share else word

    pattern = re.compile("|".join(re.escape(w) for w in sorted(SYNONYMS, key=len, reverse=True)))
    return pattern.sub(swap, text)


def _requote(text: str) -> str:
    return re.sub(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"", '"We will answer in our own time."', text)


def _drop_lines(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    keep = [line for line in lines if rnd.random() > 0.25] or lines[:1]
    return "\n".join(keep)


def _index() -> StoryIndex:
    return StoryIndex(StorySettings())


def test_rewritten_copies_of_the_seed_join_its_story() -> None:
    body = _seed_body()
    rnd = random.Random(7)
    copies = {
        "reordered": _reorder(body, rnd),
        "synonyms": _synonyms(body, 1.0, rnd),
        "quotes changed": _requote(body),
        "lines dropped": _drop_lines(body, rnd),
        "all at once": _requote(_synonyms(_reorder(body, rnd), 0.7, rnd)),
    }
    index = _index()
    items = [StoryItem("original", body, DAY)]
    items += [StoryItem(name, text, DAY + timedelta(days=1)) for name, text in copies.items()]
    assigned = index.assign(items)
    assert assigned[0].story_id == "original" and assigned[0].matched is None
    for result in assigned[1:]:
        assert result.story_id == "original", result.article_id
        assert result.similarity is not None and result.similarity >= 0.3


def test_copies_outside_the_window_start_a_new_story() -> None:
    body = _seed_body()
    index = StoryIndex(StorySettings(window_days=3))
    first, late = index.assign(
        [StoryItem("a", body, DAY), StoryItem("b", _requote(body), DAY + timedelta(days=30))]
    )
    assert (first.story_id, late.story_id) == ("a", "b")


def test_distinct_reuters_stories_stay_apart() -> None:
    """On 400 real wire stories, an article only joins another whose text is truly close."""
    if not REUTERS.exists():
        pytest.skip(f"Reuters corpus not found at {REUTERS}")
    texts: list[tuple[str, str]] = []
    with REUTERS.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= 400:
                break
            text = json.loads(line).get("text") or ""
            if len(text.split()) >= 40:
                texts.append((f"r{number}", text))
    assigned = _index().assign([StoryItem(i, t, None) for i, t in texts])
    by_id = dict(texts)
    joined = [a for a in assigned if a.story_id != a.article_id]
    assert len(joined) <= len(texts) // 20  # near-duplicates are rare in this corpus
    for result in joined:
        assert result.matched is not None
        a, b = shingles(by_id[result.article_id]), shingles(by_id[result.matched])
        assert len(a & b) / len(a | b) >= 0.25  # the exact similarity confirms the estimate


def test_an_article_joins_the_story_of_its_best_match() -> None:
    body = _seed_body()
    other = "Grain prices rose sharply in Chicago as traders weighed the weather outlook. " * 5
    index = _index()
    results = index.assign(
        [StoryItem("s1", body, DAY), StoryItem("s2", other, DAY), StoryItem("s3", body, DAY)]
    )
    assert [r.story_id for r in results] == ["s1", "s2", "s1"]
    assert results[2].similarity == 1.0


def test_earlier_articles_come_from_the_lookup() -> None:
    body = _seed_body()
    past = _index().signature(body)
    stored = StoredSignature("old", "story-of-old", DAY, past.values)

    def lookup(keys: object) -> list[tuple[int, StoredSignature]]:
        return [(key, stored) for key in past.band_keys]

    index = StoryIndex(StorySettings(), lookup=lookup)
    (result,) = index.assign([StoryItem("new", _requote(body), DAY)])
    assert (result.story_id, result.matched) == ("story-of-old", "old")
    # The same article coded again keeps its stored story (a re-run changes no story id).
    index = StoryIndex(StorySettings(), lookup=lookup)
    (again,) = index.assign([StoryItem("old", body, DAY)])
    assert (again.story_id, again.matched) == ("story-of-old", None)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_signatures_are_deterministic_and_self_similar(text: str) -> None:
    one, two = _index().signature(text), StoryIndex().signature(text)
    assert np.array_equal(one.values, two.values)
    assert one.band_keys == two.band_keys == band_keys(one.values, StorySettings())
    assert len(one.band_keys) == StorySettings().bands


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="threshold"):
        StorySettings(threshold=0)
    with pytest.raises(ValueError, match="band"):
        StorySettings(bands=0)
