"""Gold sentences for evaluation, read from PLOVER-record or PETRARCH-record files.

*PLOVER records* (``gold/plover-gsr``): a JSON array, or JSONL, of objects with ``text``,
``source``/``target`` lists of ``{actorText, code, sector}``, ``event``, ``mode`` and ``date``
(``YYYY-MM-DD``); one event per record. Records whose ``event`` is ``DOCUMENT`` are file
documentation and are skipped. The 2016 PLOVER 0.5 types are mapped to the current ones
(``PLOVER_05_TYPES``); a ``source``/``target`` that is a string or null means no actors.

*PETRARCH records* (``gold/petr2-gsr``, ``gold/petrarch-unittest``): JSONL with ``text``,
``date`` (``YYYYMMDD``), ``expected_events`` (``[{source, target, code}]``, CAMEO codes),
``noevents`` and ``expected_error``. Actor codes such as ``DAGGOV`` or ``PSEREBHMS`` are split
into a 3-letter country/actor code and 3-letter sector chunks (``split_code``); ``---`` is the
unknown country. An expected actor that is not a code (PETRARCH's quoted ``"INJURY TOLL"``) is
kept as its raw text, which nothing coded can equal.

The format of a file is detected from its first record. A record with an empty ``text`` is
read (the evaluation lists it as skipped); one without a ``text`` string is a format error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eventwire.errors import GoldFormatError
from eventwire.evaluate.cameo_map import CameoMap
from eventwire.knowledge.ontology import PLOVER_TYPES

# PLOVER 0.5 (2016) event types -> current type and the mode they imply.
PLOVER_05_TYPES: Mapping[str, tuple[str, str | None]] = MappingProxyType(
    {
        "DEMAND": ("REQUEST", None),
        "DISAPPROVE": ("ACCUSE", None),
        "INVESTIGATE": ("ACCUSE", "investigate"),
        "FIGHT": ("ASSAULT", None),
    }
)

# Misspelt country codes found in gold files, mapped to ISO 3166-1 alpha-3 wherever they occur.
COUNTRY_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "JAP": "JPN",  # Japan
        "ITL": "ITA",  # Italy
        "VTN": "VNM",  # Viet Nam
    }
)

UNKNOWN_COUNTRY = "---"
_CODE = re.compile(r"^(?:[A-Z0-9]{3}|---)[A-Z0-9]*$")


class GoldFormat(StrEnum):
    PLOVER = "plover"
    PETRARCH = "petrarch"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event. ``source_sectors[i]`` are the sectors of ``source_codes[i]``.

    ``type`` is the PLOVER type (None when the CAMEO code has none or no map was given);
    ``cameo`` the expected CAMEO code, for CAMEO gold.
    """

    type: str | None
    cameo: str | None = None
    mode: str | None = None
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()
    source_sectors: tuple[tuple[str, ...], ...] = ()
    target_sectors: tuple[tuple[str, ...], ...] = ()

    @property
    def source_full_codes(self) -> tuple[str, ...]:
        """Country plus sectors of each source actor, e.g. ``("DAGGOV",)``."""
        return full_codes(self.source_codes, self.source_sectors)

    @property
    def target_full_codes(self) -> tuple[str, ...]:
        return full_codes(self.target_codes, self.target_sectors)


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One gold sentence: its expected events, or that it has none, or an expected error."""

    id: str
    text: str
    date: date | None
    events: tuple[GoldEvent, ...] = ()
    no_events: bool = False
    expected_error: str | None = None


def full_codes(codes: Sequence[str], sectors: Sequence[Sequence[str]]) -> tuple[str, ...]:
    padded = list(sectors) + [()] * (len(codes) - len(sectors))
    return tuple(code + "".join(secs) for code, secs in zip(codes, padded, strict=False))


def normalise_country(code: str) -> str:
    code = code.strip().upper()
    return COUNTRY_ALIASES.get(code, code)


def split_code(code: str) -> tuple[str, tuple[str, ...]]:
    """``DAGGOV`` -> (``DAG``, (``GOV``,)); ``PSEREBHMS`` -> (``PSE``, (``REB``, ``HMS``)).

    The first three characters are the country or actor code, the rest 3-character sector
    chunks (the last may be shorter). A string that is not a code comes back whole, unsplit.
    """
    code = code.strip()
    if not _CODE.match(code):
        return code, ()
    rest = code[3:]
    return normalise_country(code[:3]), tuple(rest[i : i + 3] for i in range(0, len(rest), 3))


def plover_sectors(value: object) -> tuple[str, ...]:
    """Sectors of a PLOVER ``sector`` field: its upper-case 3-letter chunks.

    ``CVLalb`` -> (``CVL``,): lower-case chunks are CAMEO ethnic or religious tags, and ``***``
    means the coder did not know.
    """
    if not isinstance(value, str):
        return ()
    chunks = (value[i : i + 3] for i in range(0, len(value), 3))
    return tuple(c for c in chunks if len(c) == 3 and c.isalpha() and c.isupper())


def parse_date(value: object) -> date | None:
    """``YYYY-MM-DD`` or ``YYYYMMDD``; None when absent or unreadable."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def load_records(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSON-array or JSONL file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFormatError(f"{path}: cannot read gold file: {error}") from None
    try:
        if text.lstrip().startswith("["):
            loaded = json.loads(text)
            records = loaded if isinstance(loaded, list) else []
        else:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as error:
        raise GoldFormatError(f"{path}: not JSON or JSONL: {error}") from None
    if not records or not all(isinstance(r, dict) for r in records):
        raise GoldFormatError(f"{path}: expected a JSON array or JSONL of objects")
    return records


def detect_format(record: Mapping[str, Any]) -> GoldFormat:
    """PETRARCH records have ``expected_events``; PLOVER records have ``event``."""
    if "expected_events" in record:
        return GoldFormat.PETRARCH
    if "event" in record:
        return GoldFormat.PLOVER
    raise GoldFormatError(
        "unknown gold format: the first record has neither 'event' (PLOVER records) nor "
        "'expected_events' (PETRARCH records)"
    )


def _record_id(record: Mapping[str, Any], index: int, prefix: str) -> str:
    value = record.get("id")
    return str(value) if value not in (None, "") else f"{prefix}-{index:04d}"


def _text(record: Mapping[str, Any], record_id: str) -> str:
    text = record.get("text")
    if not isinstance(text, str):
        raise GoldFormatError(f"gold record {record_id} has no 'text' string")
    return text


def _plover_actors(value: object) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    if not isinstance(value, list):
        return (), ()
    codes: list[str] = []
    sectors: list[tuple[str, ...]] = []
    for actor in value:
        if isinstance(actor, dict) and isinstance(actor.get("code"), str) and actor["code"]:
            codes.append(normalise_country(actor["code"]))
            sectors.append(plover_sectors(actor.get("sector")))
    return tuple(codes), tuple(sectors)


def plover_event(record: Mapping[str, Any], record_id: str = "?") -> GoldEvent:
    """The event of one PLOVER record, with its type mapped to the current PLOVER types."""
    raw_type = str(record.get("event") or "").strip().upper()
    plover_type, implied_mode = PLOVER_05_TYPES.get(raw_type, (raw_type, None))
    if plover_type not in PLOVER_TYPES:
        raise GoldFormatError(f"gold record {record_id}: unknown PLOVER type {raw_type!r}")
    given_mode = record.get("mode")
    given = given_mode.strip() if isinstance(given_mode, str) else ""
    sources, source_sectors = _plover_actors(record.get("source"))
    targets, target_sectors = _plover_actors(record.get("target"))
    return GoldEvent(
        type=plover_type,
        cameo=None,
        mode=implied_mode or given or None,
        source_codes=sources,
        target_codes=targets,
        source_sectors=source_sectors,
        target_sectors=target_sectors,
    )


def plover_sentences(
    records: Sequence[Mapping[str, Any]], *, prefix: str = "gold"
) -> tuple[GoldSentence, ...]:
    sentences = []
    for index, record in enumerate(records):
        if str(record.get("event") or "").upper() == "DOCUMENT":
            continue
        record_id = _record_id(record, index, prefix)
        sentences.append(
            GoldSentence(
                id=record_id,
                text=_text(record, record_id),
                date=parse_date(record.get("date")),
                events=(plover_event(record, record_id),),
            )
        )
    return tuple(sentences)


def _petrarch_actor(value: object) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    if not isinstance(value, str) or not value.strip():
        return (), ()
    country, sectors = split_code(value)
    return (country,), (sectors,)


def petrarch_event(triple: Mapping[str, Any], cameo_map: CameoMap | None = None) -> GoldEvent:
    """One expected ``{source, target, code}`` triple; typed through ``cameo_map`` if given."""
    code = str(triple.get("code") or "").strip() or None
    mapping = cameo_map.lookup(code) if cameo_map is not None else None
    sources, source_sectors = _petrarch_actor(triple.get("source"))
    targets, target_sectors = _petrarch_actor(triple.get("target"))
    return GoldEvent(
        type=mapping.type if mapping else None,
        cameo=code,
        mode=mapping.mode if mapping else None,
        source_codes=sources,
        target_codes=targets,
        source_sectors=source_sectors,
        target_sectors=target_sectors,
    )


def petrarch_sentences(
    records: Sequence[Mapping[str, Any]],
    cameo_map: CameoMap | None = None,
    *,
    prefix: str = "gold",
) -> tuple[GoldSentence, ...]:
    sentences = []
    for index, record in enumerate(records):
        record_id = _record_id(record, index, prefix)
        error = record.get("expected_error")
        triples = record.get("expected_events") or []
        if not isinstance(triples, list):
            raise GoldFormatError(f"gold record {record_id}: expected_events is not a list")
        sentences.append(
            GoldSentence(
                id=record_id,
                text=_text(record, record_id),
                date=parse_date(record.get("date")),
                events=tuple(petrarch_event(t, cameo_map) for t in triples if isinstance(t, dict)),
                no_events=bool(record.get("noevents")),
                expected_error=str(error) if error else None,
            )
        )
    return tuple(sentences)


def read_gold(
    path: Path, cameo_map: CameoMap | None = None
) -> tuple[GoldFormat, tuple[GoldSentence, ...]]:
    """Read a gold file of either format, detected from its first record."""
    records = load_records(path)
    gold_format = detect_format(records[0])
    if gold_format is GoldFormat.PLOVER:
        return gold_format, plover_sentences(records, prefix=path.stem)
    return gold_format, petrarch_sentences(records, cameo_map, prefix=path.stem)


def read_plover_records(path: Path) -> tuple[GoldSentence, ...]:
    return plover_sentences(load_records(path), prefix=path.stem)


def read_petrarch_records(
    path: Path, cameo_map: CameoMap | None = None
) -> tuple[GoldSentence, ...]:
    return petrarch_sentences(load_records(path), cameo_map, prefix=path.stem)
