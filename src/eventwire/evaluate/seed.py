"""Scoring a coded article against the seed's hand-written expectations (``expected.json``).

Matching follows the file's ``about`` field: an event matches an expected one when its type is
listed, its actors' countries cover the expected actor and recipient countries (as one set for
reciprocal events) and its date interval overlaps the expected one. Events that are negated,
conditional, hypothetical or future are not assertions: they are never false positives.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.records import CodedArticle, CodedEvent, Modality

NOT_ASSERTED = frozenset(
    {Modality.NEGATED, Modality.CONDITIONAL, Modality.HYPOTHETICAL, Modality.FUTURE}
)


@dataclass(frozen=True, slots=True)
class Check:
    """One expectation and whether it was met, with what was found."""

    name: str
    ok: bool
    found: str


@dataclass(frozen=True, slots=True)
class SeedReport:
    required: tuple[Check, ...]
    forbidden: tuple[Check, ...]
    other_asserted: tuple[str, ...]
    actors: tuple[Check, ...]
    quotes: tuple[Check, ...]
    dates: tuple[Check, ...]
    optional_found: tuple[str, ...] = field(default_factory=tuple)

    def summary(self) -> dict[str, int]:
        return {
            "required_found": sum(c.ok for c in self.required),
            "required_total": len(self.required),
            "forbidden_hits": sum(not c.ok for c in self.forbidden),
            "other_asserted": len(self.other_asserted),
            "actors_right": sum(c.ok for c in self.actors),
            "actors_total": len(self.actors),
            "quotes_right": sum(c.ok for c in self.quotes),
            "quotes_total": len(self.quotes),
            "dates_right": sum(c.ok for c in self.dates),
            "dates_total": len(self.dates),
        }


def load_seed_expectations(data_dir: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((data_dir / "seed" / "expected.json").read_text("utf-8"))
    return loaded


def _countries(actors: tuple[Any, ...]) -> set[str]:
    return {a.country for a in actors if a.country}


def _day(value: str) -> date:
    return date.fromisoformat(value)


def matches(event: CodedEvent, spec: dict[str, Any]) -> bool:
    """Does an event satisfy an expected-event pattern?"""
    if "types" in spec and event.type not in spec["types"]:
        return False
    ours_a, ours_r = _countries(event.actors), _countries(event.recipients)
    want_a, want_r = set(spec.get("actor", [])), set(spec.get("recipient", []))
    if spec.get("reciprocal"):
        if not (want_a | want_r) <= (ours_a | ours_r):
            return False
    elif not (want_a <= ours_a and want_r <= ours_r):
        return False
    if "date" in spec and event.date is not None:
        earliest, latest = (_day(d) for d in spec["date"])
        if not event.date.overlaps(earliest, latest):
            return False
    return True


def _describe(event: CodedEvent) -> str:
    actors = "+".join(sorted(_countries(event.actors))) or "?"
    recipients = "+".join(sorted(_countries(event.recipients))) or "-"
    when = f"{event.date.earliest}..{event.date.latest}" if event.date else "?"
    return f"{event.type} {actors}->{recipients} {when} [{event.modality}] '{event.trigger.text}'"


def _words(text: str) -> set[str]:
    text = re.sub(r"['’]s\b", "", text.lower())
    return set(re.findall(r"[a-z0-9]+", text))


def _actor_checks(coded: CodedArticle, specs: list[dict[str, Any]]) -> list[Check]:
    text = coded.article.text
    checks = []
    for spec in specs:
        wanted = spec["text"]
        found: list[str] = []
        for match in re.finditer(re.escape(wanted), text):
            lo, hi = match.span()
            best = None
            best_overlap = 0
            for mention in coded.mentions:
                overlap = min(hi, mention.span.end) - max(lo, mention.span.start)
                exact = mention.span.start == lo and mention.span.end == hi
                score = overlap + (10_000 if exact else 0)
                if overlap > 0 and score > best_overlap:
                    best, best_overlap = mention, score
            found.append(best.actor.country or "?" if best is not None else "none")
        ok = bool(found) and all(code == spec["code"] for code in found)
        checks.append(Check(f"{wanted} = {spec['code']}", ok, ", ".join(found) or "not mentioned"))
    return checks


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("“", '"')).strip(' "').lower()


def _quote_checks(coded: CodedArticle, specs: list[dict[str, Any]]) -> list[Check]:
    checks = []
    for spec in specs:
        start = _norm(spec["starts"])
        quote = next((q for q in coded.quotes if _norm(q.span.text).startswith(start)), None)
        if quote is None:
            checks.append(Check(f"{spec['speaker']}: {spec['starts']}", False, "quote not found"))
            continue
        speaker_name = quote.speaker.name if quote.speaker else None
        said_by = " ".join(filter(None, [quote.speaker_text, speaker_name]))
        ok = _words(spec["speaker"]) <= _words(said_by)
        checks.append(Check(f"{spec['speaker']}: {spec['starts']}", ok, said_by or "no speaker"))
    return checks


def _date_checks(coded: CodedArticle, specs: list[dict[str, Any]]) -> list[Check]:
    checks = []
    for spec in specs:
        lo, hi = (_day(d) for d in spec["resolves_to"])
        phrase = spec["phrase"].lower()
        found = [
            d for d in coded.dates if d.phrase and _norm(d.phrase).removesuffix("'s") == phrase
        ]
        ok = bool(found) and all(lo <= d.earliest and d.latest <= hi for d in found)
        shown = ", ".join(f"{d.earliest}..{d.latest}" for d in found) or "not resolved"
        checks.append(Check(f"{spec['phrase']} in {lo}..{hi}", ok, shown))
    return checks


def evaluate_seed(coded: CodedArticle, expected: dict[str, Any]) -> SeedReport:
    """Score the seed article's coding against ``expected.json``."""
    events = list(coded.events)
    required = []
    for spec in expected["required"]:
        hits = [e for e in events if matches(e, spec)]
        found = _describe(hits[0]) if hits else "missing"
        required.append(Check(f"{spec['id']} {spec['evidence']}", bool(hits), found))
    known = expected["required"] + expected.get("optional", [])
    asserted = [e for e in events if e.modality not in NOT_ASSERTED]
    other = tuple(_describe(e) for e in asserted if not any(matches(e, s) for s in known))
    optional_found = tuple(
        s["id"] for s in expected.get("optional", []) if any(matches(e, s) for e in events)
    )
    forbidden = []
    for spec in expected.get("forbidden", []):
        never = spec.get("actor_code_never")
        if never:
            bad = [m.actor.text for m in coded.mentions if m.actor.country == never]
            bad += [_describe(e) for e in events if never in _countries(e.actors + e.recipients)]
        else:
            # A forbidden pattern is about one statement: anchor it on its evidence text.
            evidence = _norm(spec.get("evidence", ""))
            bad = [
                _describe(e)
                for e in asserted
                if matches(e, spec) and evidence in _norm(e.sentence.text)
            ]
        forbidden.append(Check(spec["why"], not bad, "; ".join(bad) or "none"))
    return SeedReport(
        required=tuple(required),
        forbidden=tuple(forbidden),
        other_asserted=other,
        actors=tuple(_actor_checks(coded, expected.get("actors", []))),
        quotes=tuple(_quote_checks(coded, expected.get("quotes", []))),
        dates=tuple(_date_checks(coded, expected.get("dates", []))),
        optional_found=optional_found,
    )
