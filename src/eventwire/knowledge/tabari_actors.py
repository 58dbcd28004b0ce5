"""Reading TABARI/PETRARCH actor dictionaries (``*.actors.txt``).

An entry is a primary phrase line, optional synonym lines starting with ``+``, and optional
code lines (indented, or simply starting with ``[``)::

    AFGHANISTAN_  [AFG]
    +AFGHAN_
    HAMID_KARZAI_  [AFGMIL]      # a default code on the phrase line
    +BABRAK_KARMAL_
        [AFGGOV 791227-861124]   # YYMMDD-YYMMDD, both ends included
        [AFGELI >20141001]       # from that day on (YYYYMMDD also allowed)
        [AFGREB <791227]         # up to that day
    JAVIER_DE_CUELLAR_  [IGOUNO 820101-911231] [ELI]   # TABARI's in-line form

- Several bracketed codes may follow a phrase, a synonym or stand on one code line.
- ``{A_B C}`` on a phrase or synonym line lists further variant phrases.
- Six-digit years 00-30 are 20YY, others 19YY (as KEDS, TABARI and PETRARCH read them);
  digits after the eighth are ignored, seven-digit dates are rejected.
- ``[---]`` is the null code ("this phrase is no actor", for all dates or some);
  codes are upper-cased (``[pse]`` is PSE); ``A/B`` compound codes are kept as written.
- A phrase line that is indented is still a new entry (never a synonym of the previous one).
- As in PETRARCH, consecutive phrase lines before the first code form one entry (a line
  with an unreadable code ends the run):
  ``IVO_JOSIPOVIC_`` / ``JOSIPOVIC_`` / ``\t[HRVGOV >20120219]`` gives both names the code.

A malformed line, code or date is skipped and counted in the :class:`ImportReport`; the
entry it belongs to keeps everything else. Synonyms and codes that follow a rejected
phrase line are skipped too, so they never attach to the wrong actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from eventwire.knowledge.tabari_base import (
    ImportReport,
    ReportBuilder,
    canonical_phrase,
    content_lines,
    phrase_problem,
    read_lines,
    split_braces,
)

NULL_CODE = "---"
_CODE = re.compile(r"[A-Z0-9]{3,}(?:/[A-Z0-9]{3,})*")
_TWO_DIGIT_PIVOT = 30


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code, valid from/until a day (both inclusive; None = open-ended)."""

    code: str
    valid_from: date | None = None
    valid_until: date | None = None

    @property
    def dated(self) -> bool:
        return self.valid_from is not None or self.valid_until is not None

    @property
    def is_null(self) -> bool:
        return self.code == NULL_CODE


@dataclass(frozen=True, slots=True)
class TabariActor:
    """One actor entry: canonical phrases (primary first) and its codes in file order.

    Phrases are upper-case words separated by single spaces (``NORTH KOREA``).
    """

    phrases: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    line: int


@dataclass(frozen=True, slots=True)
class ActorLine:
    """One parsed line: a new entry, a synonym or a code line, and the problems found.

    ``phrases`` is empty when the phrase was rejected (``problems`` says why); codes that
    could not be read are left out and named in ``problems``.
    """

    kind: Literal["entry", "synonym", "codes"]
    phrases: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    problems: tuple[str, ...]


def parse_actor_line(content: str) -> ActorLine:
    """Parse one comment-free line of an actor dictionary. Never raises."""
    text = content.strip()
    kind: Literal["entry", "synonym", "codes"]
    if text.startswith("+"):
        kind, text = "synonym", text[1:]
    elif text.startswith("["):
        kind = "codes"
    else:
        kind = "entry"
    bracket = text.find("[")
    head, tail = (text, "") if bracket < 0 else (text[:bracket], text[bracket:])
    codes, problems = _parse_codes(tail)
    if kind == "codes":
        return ActorLine(kind, (), codes, tuple(problems))
    phrases: list[str] = []
    head, variants, brace_problem = split_braces(head)
    if brace_problem is not None:
        return ActorLine(kind, (), codes, (brace_problem, *problems))
    primary = canonical_phrase(head)
    if primary is None:
        return ActorLine(kind, (), codes, (phrase_problem(head), *problems))
    phrases.append(primary)
    for variant in variants or ():
        phrase = canonical_phrase(variant)
        if phrase is None:
            problems.append(f"{{...}} variant: {phrase_problem(variant)}")
        else:
            phrases.append(phrase)
    return ActorLine(kind, tuple(phrases), codes, tuple(problems))


def _parse_codes(tail: str) -> tuple[tuple[DatedCode, ...], list[str]]:
    codes: list[DatedCode] = []
    problems: list[str] = []
    position = 0
    while position < len(tail):
        if tail[position].isspace():
            position += 1
            continue
        if tail[position] != "[":
            problems.append("text after the codes")
            break
        end = tail.find("]", position)
        if end < 0:
            problems.append("unclosed '['")
            break
        found = parse_code(tail[position + 1 : end])
        if isinstance(found, str):
            problems.append(found)
        else:
            codes.append(found)
        position = end + 1
    return tuple(codes), problems


def parse_code(inner: str) -> DatedCode | str:
    """The text inside ``[...]`` -> a DatedCode, or the reason it cannot be read."""
    parts = inner.split(None, 1)
    if not parts:
        return "empty code"
    code = parts[0].upper()
    rest = parts[1].strip() if len(parts) > 1 else ""
    if code != NULL_CODE and not _CODE.fullmatch(code):
        return "bad code"
    if not rest:
        return DatedCode(code)
    if rest[0] in "<>":
        day = parse_tabari_date(rest[1:].strip())
        if day is None:
            return "bad date"
        return DatedCode(code, valid_until=day) if rest[0] == "<" else DatedCode(code, day)
    first, dash, second = rest.partition("-")
    if not dash:
        return "bad date restriction"
    start, end = parse_tabari_date(first.strip()), parse_tabari_date(second.strip())
    if start is None or end is None:
        return "bad date"
    if end < start:
        return "date range ends before it starts"
    return DatedCode(code, start, end)


def parse_tabari_date(text: str) -> date | None:
    """``YYMMDD`` (00-30 -> 20YY, else 19YY) or ``YYYYMMDD``; None if not a real date.

    As in PETRARCH, digits after the eighth are ignored (``201005011`` is 2010-05-01); a
    seven-digit date is ambiguous and rejected.
    """
    if not (text.isascii() and text.isdigit()) or len(text) < 6 or len(text) == 7:
        return None
    text = text[:8]
    if len(text) == 6:
        short = int(text[:2])
        year = 2000 + short if short <= _TWO_DIGIT_PIVOT else 1900 + short
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass
class _Pending:
    line: int
    phrases: list[str]
    codes: list[DatedCode] = field(default_factory=list)
    open: bool = True  # no code (nor unreadable code) yet: a next phrase line joins it


def parse_actor_lines(
    lines: Iterable[str], *, source: str = "<text>"
) -> tuple[tuple[TabariActor, ...], ImportReport]:
    """Parse an actor dictionary given as lines (with or without line ends)."""
    report = ReportBuilder(source, "actors")
    actors: list[TabariActor] = []
    current: _Pending | None = None
    rejected = False

    def finish(pending: _Pending | None) -> None:
        if pending is None:
            return
        phrases = tuple(dict.fromkeys(pending.phrases))
        if not pending.codes:
            report.skip(pending.line, "entry without a code", phrases[0])
            return
        actors.append(TabariActor(phrases, tuple(pending.codes), pending.line))
        report.entries += 1
        report.phrases += len(phrases)
        report.codes += len(pending.codes)
        report.dated_codes += sum(1 for c in pending.codes if c.dated)

    for number, content in content_lines(lines, report):
        parsed = parse_actor_line(content)
        for problem in parsed.problems:
            report.skip(number, problem, content)
        bracketed = bool(parsed.codes or parsed.problems)
        joins = current is not None and current.open and bool(parsed.phrases)
        if parsed.kind == "entry" and not joins:
            finish(current)
            rejected = not parsed.phrases
            current = None if rejected else _Pending(number, [], [])
        if current is None:
            if parsed.kind == "entry":
                continue
            what = "synonym" if parsed.kind == "synonym" else "code line"
            where = "of a skipped entry" if rejected else "before any entry"
            if parsed.phrases or parsed.codes:
                report.skip(number, f"{what} {where}", content)
            continue
        current.phrases.extend(parsed.phrases)
        current.codes.extend(parsed.codes)
        current.open = current.open and not bracketed
    finish(current)
    return tuple(actors), report.build()


def read_actor_dictionary(path: Path) -> tuple[tuple[TabariActor, ...], ImportReport]:
    """Read an actor dictionary file; LexiconError only if it cannot be read at all."""
    return parse_actor_lines(read_lines(path), source=str(path))
