"""Reading TABARI/PETRARCH discard lists (``*.discards.txt``).

One phrase a line; a sentence containing the phrase is not coded, and a leading ``+`` makes
it a story-level discard (no sentence of the article is coded)::

    YEARS LATER                   # sentence level: a historical chronology
    +World Golf Championships     # story level: sports
    BALLCLUB_                     # trailing '_': the whole word; otherwise a stem

Matching is case-insensitive and starts at a word boundary (PETRARCH prefixes the phrase
with a blank); blanks and ``_`` between words match one or more blanks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventwire.knowledge.tabari_base import ImportReport, ReportBuilder, content_lines, read_lines


@dataclass(frozen=True, slots=True)
class TabariDiscards:
    """Compiled sentence-level and story-level discard phrases (None when there are none)."""

    sentence: re.Pattern[str] | None
    story: re.Pattern[str] | None

    def sentence_phrase(self, text: str) -> str | None:
        """The sentence-level discard phrase found in ``text``, if any."""
        found = self.sentence.search(text) if self.sentence is not None else None
        return found.group(0) if found else None

    def story_phrase(self, text: str) -> str | None:
        """The story-level discard phrase found in ``text``, if any."""
        found = self.story.search(text) if self.story is not None else None
        return found.group(0) if found else None


def _regex(phrase: str) -> str:
    whole = phrase.endswith("_")
    words = phrase.replace("_", " ").split()
    body = r"\s+".join(re.escape(word) for word in words)
    return r"(?<![\w])" + body + (r"(?![\w])" if whole else "")


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    # longest first, so the reported phrase is the most specific one
    ordered = sorted(set(patterns), key=len, reverse=True)
    return re.compile("|".join(ordered), re.IGNORECASE)


def parse_discard_lines(
    lines: Iterable[str], *, source: str = "<text>"
) -> tuple[TabariDiscards, ImportReport]:
    """Parse a discard list given as lines."""
    report = ReportBuilder(source, "discards")
    sentence: list[str] = []
    story: list[str] = []
    for number, content in content_lines(lines, report):
        story_level = content.startswith("+")
        phrase = content.lstrip("+").strip()
        if "[" in phrase or not any(ch.isalnum() for ch in phrase):
            report.skip(number, "not a discard phrase", content)
            continue
        (story if story_level else sentence).append(_regex(phrase))
        report.entries += 1
        report.phrases += 1
    return TabariDiscards(_compile(sentence), _compile(story)), report.build()


def read_discard_list(path: Path) -> tuple[TabariDiscards, ImportReport]:
    """Read a discard list file; LexiconError only if it cannot be read at all."""
    return parse_discard_lines(read_lines(path), source=str(path))
