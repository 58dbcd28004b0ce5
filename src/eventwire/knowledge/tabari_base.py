"""Shared plumbing of the TABARI/PETRARCH dictionary readers: reading lines, comments, phrases.

Files are read line by line (never whole-file regular expressions), decoded as UTF-8 with
undecodable bytes replaced, so a damaged file still imports everything readable.

Comments, as TABARI and PETRARCH write them:

- a line whose first non-blank character is ``#``; ``#`` anywhere else starts a trailing
  comment, and so does ``;`` (the older TABARI delimiter);
- ``<!-- ... -->`` on one line, inline, or spread over several lines; a line starting with
  ``<!`` (such as the malformed ``<! -- ... -->``) is a one-line comment;
- other lines starting with ``<`` are PETRARCH tags (``<Combine rule=...>``,
  ``<CombineBlock>`` ... ``</CombineBlock>``): eventwire does not support them and skips
  them, counted;
- ``---STOP---`` ends the dictionary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from eventwire.errors import LexiconError

MAX_PHRASE_WORDS = 24
MAX_EXAMPLES = 50
EXAMPLES_PER_REASON = 3
_FORBIDDEN_IN_PHRASE = frozenset("[]{}<>")


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What one dictionary file yielded, and what was skipped and why.

    ``skipped`` counts skipped lines (or bracketed codes) by reason; ``examples`` holds the
    first few of each reason as ``(line number, reason, text)`` so a user can fix them.
    """

    source: str
    kind: str
    lines: int
    comment_lines: int
    entries: int
    phrases: int
    codes: int
    dated_codes: int
    substitution_sets: int
    skipped: Mapping[str, int]
    examples: tuple[tuple[int, str, str], ...]

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


class ReportBuilder:
    """Mutable counters behind an :class:`ImportReport`."""

    def __init__(self, source: str, kind: str) -> None:
        self.source = source
        self.kind = kind
        self.lines = 0
        self.comment_lines = 0
        self.entries = 0
        self.phrases = 0
        self.codes = 0
        self.dated_codes = 0
        self.substitution_sets = 0
        self.skipped: Counter[str] = Counter()
        self.examples: list[tuple[int, str, str]] = []

    def skip(self, line: int, reason: str, text: str) -> None:
        self.skipped[reason] += 1
        if self.skipped[reason] <= EXAMPLES_PER_REASON and len(self.examples) < MAX_EXAMPLES:
            self.examples.append((line, reason, text.strip()[:120]))

    def build(self) -> ImportReport:
        return ImportReport(
            source=self.source,
            kind=self.kind,
            lines=self.lines,
            comment_lines=self.comment_lines,
            entries=self.entries,
            phrases=self.phrases,
            codes=self.codes,
            dated_codes=self.dated_codes,
            substitution_sets=self.substitution_sets,
            skipped=MappingProxyType(dict(sorted(self.skipped.items()))),
            examples=tuple(self.examples),
        )


def read_lines(path: Path) -> Iterator[str]:
    """The file's lines, streamed; LexiconError if it cannot be opened or read at all."""
    try:
        handle = path.open(encoding="utf-8-sig", errors="replace", newline=None)
    except OSError as e:
        raise LexiconError(
            f"{path}: cannot read the dictionary ({e.strerror or e}); check the path"
        ) from e
    with handle:
        try:
            yield from handle
        except OSError as e:
            raise LexiconError(f"{path}: reading the dictionary failed: {e}") from e


def content_lines(lines: Iterable[str], report: ReportBuilder) -> Iterator[tuple[int, str]]:
    """``(line number, content)`` for every line with content once comments are removed.

    Counts lines and comment lines in ``report``; records skipped tag lines.
    """
    in_comment = False
    in_tag_block = False
    for number, raw in enumerate(lines, start=1):
        report.lines = number
        line = raw.rstrip("\r\n")
        if in_comment:
            end = line.find("-->")
            if end < 0:
                report.comment_lines += 1
                continue
            in_comment = False
            line = line[end + 3 :]
        stripped = line.strip()
        if in_tag_block:
            if stripped.lower().startswith("</combineblock"):
                in_tag_block = False
            report.skip(number, "PETRARCH tag block (unsupported)", line)
            continue
        if stripped.startswith("<") and not stripped.startswith("<!--"):
            if stripped.startswith("<!"):
                report.comment_lines += 1
            elif stripped.lower().startswith("<combineblock"):
                in_tag_block = True
                report.skip(number, "PETRARCH tag block (unsupported)", line)
            else:
                report.skip(number, "PETRARCH tag (unsupported)", line)
            continue
        line, in_comment = strip_comments(line)
        content = line.strip()
        if not content:
            if stripped:
                report.comment_lines += 1
            continue
        if content.startswith("---STOP---"):
            return
        yield number, content


def strip_comments(line: str) -> tuple[str, bool]:
    """Remove ``<!-- ... -->`` parts and a trailing ``#``/``;`` comment, left to right.

    Returns the remaining text and True when an XML comment is left open at the end of the
    line. Linear in the line length: each kind of search only ever moves forward.
    """
    parts: list[str] = []
    position = 0
    hashes = _Finder(line, "#")
    semicolons = _Finder(line, ";")
    while True:
        found = [i for i in (hashes.at(position), semicolons.at(position)) if i >= 0]
        mark = min(found) if found else -1
        start = line.find("<!--", position)
        if mark >= 0 and (start < 0 or mark < start):
            parts.append(line[position:mark])
            return "".join(parts), False
        if start < 0:
            parts.append(line[position:])
            return "".join(parts), False
        parts.append(line[position:start])
        end = line.find("-->", start + 4)
        if end < 0:
            return "".join(parts), True
        position = end + 3


class _Finder:
    """The next occurrence of ``needle`` at or after a position that only grows."""

    def __init__(self, text: str, needle: str) -> None:
        self.text = text
        self.needle = needle
        self.found = text.find(needle)

    def at(self, position: int) -> int:
        if 0 <= self.found < position:
            self.found = self.text.find(self.needle, position)
        return self.found


def split_braces(text: str) -> tuple[str, tuple[str, ...] | None, str | None]:
    """Split ``PHRASE {A B}`` into the phrase and the words in braces.

    Returns ``(phrase, None, None)`` without braces, ``(phrase, items, None)`` with them
    (``()`` for ``{}``), and an error reason for unbalanced or repeated braces.
    """
    start = text.find("{")
    if start < 0:
        return text, None, ("unbalanced '}'" if "}" in text else None)
    end = text.find("}", start)
    if end < 0:
        return text, None, "unclosed '{'"
    rest = text[end + 1 :]
    if "{" in rest or "}" in rest or "{" in text[start + 1 : end]:
        return text, None, "more than one {...} block"
    if rest.strip():
        return text, None, "text after {...} block"
    return text[:start], tuple(text[start + 1 : end].split()), None


def canonical_phrase(text: str) -> str | None:
    """TABARI phrase -> upper-case words separated by single spaces, or None if malformed.

    Underscores and blanks both separate words (eventwire matches consecutive words only);
    TABARI's trailing ``_`` ("whole word, do not stem") is dropped.
    """
    words = text.replace("_", " ").split()
    if not words or len(words) > MAX_PHRASE_WORDS:
        return None
    phrase = " ".join(words).upper()
    if any(ch in _FORBIDDEN_IN_PHRASE for ch in phrase):
        return None
    if not any(ch.isalnum() for ch in phrase):
        return None
    return phrase


def phrase_problem(text: str) -> str:
    """Why :func:`canonical_phrase` rejected ``text``."""
    words = text.replace("_", " ").split()
    if not words:
        return "empty phrase"
    if len(words) > MAX_PHRASE_WORDS:
        return f"phrase longer than {MAX_PHRASE_WORDS} words"
    return "malformed phrase"
