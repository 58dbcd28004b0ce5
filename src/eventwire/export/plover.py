"""PLOVER JSON lines: one record per event, in the field names of the PLOVER gold standard
records (``PLOVER_GSR_CAMEO.txt``) and the PLOVER manual's JSON table.

Core fields: ``id``, ``date`` (and ``enddate`` when the date is an interval), ``source`` and
``target`` (lists of ``{actorText, code, sector}``; compound actors stay lists), ``event``,
``eventText`` (the trigger), ``mode`` and ``context`` (strings as in the gold records: ``""``
when absent, several contexts joined by ``", "``), ``text`` (the sentence) and
``textInfo.markup`` (the sentence with ``(SRC: …)``, ``(TAR: …)``, ``(EVT: …)`` marks),
``eventLoc``, ``language``, ``publication``, ``coder``, ``version``, ``dateCoded``.
eventwire's own fields follow: ``quad_code``, ``event_scale`` (the PLOVER score), ``cameo``,
``goldstein``, ``modality``, ``confidence``, ``datePhrase``, ``articleId``, ``url``, ``quote``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TextIO


def _actor(raw: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"actorText": raw.get("text") or "", "code": raw.get("country") or "---"}
    sectors = list(raw.get("sectors") or ())
    if sectors:
        out["sector"] = sectors[0]
    if len(sectors) > 1:
        out["sectors"] = sectors
    if raw.get("name"):
        out["name"] = raw["name"]
    if raw.get("role"):
        out["role"] = raw["role"]
    return out


def markup(
    sentence: str, base: int | None, marks: Iterable[tuple[int | None, int | None, str]]
) -> str:
    """The sentence with ``(TAG: text)`` around each marked span (offsets into the article).

    A span that is both source and target is ``SRC/TAR``; spans outside the sentence, and
    spans overlapping one already marked, are left out.
    """
    if base is None:
        return sentence
    tags: dict[tuple[int, int], list[str]] = {}
    for start, end, tag in marks:
        if start is None or end is None:
            continue
        a, b = start - base, end - base
        if 0 <= a < b <= len(sentence) and tag not in tags.setdefault((a, b), []):
            tags[(a, b)].append(tag)
    out: list[str] = []
    at = 0
    for (a, b), names in sorted(tags.items()):
        if a < at:
            continue
        out += [sentence[at:a], f"({'/'.join(names)}: {sentence[a:b]})"]
        at = b
    out.append(sentence[at:])
    return "".join(out)


def _day(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return None


def _alpha2(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry  # noqa: PLC0415 - loads its tables on first use only

    entry = pycountry.countries.get(alpha_3=code)
    return str(entry.alpha_2) if entry is not None else code


def record(row: Mapping[str, Any]) -> dict[str, Any]:
    """The PLOVER record of one export row (see :func:`eventwire.export.rows.iter_events`)."""
    actors: Sequence[Mapping[str, Any]] = row["actors"] or ()
    recipients: Sequence[Mapping[str, Any]] = row["recipients"] or ()
    marks = [(a.get("start_char"), a.get("end_char"), "SRC") for a in actors]
    marks += [(a.get("start_char"), a.get("end_char"), "TAR") for a in recipients]
    marks.append((row["trigger_start"], row["trigger_end"], "EVT"))
    sentence = row["sentence_text"] or ""
    out: dict[str, Any] = {"id": row["event_id"], "date": _day(row["date_earliest"])}
    if row["date_latest"] is not None and row["date_latest"] != row["date_earliest"]:
        out["enddate"] = _day(row["date_latest"])
    out |= {
        "source": [_actor(a) for a in actors],
        "target": [_actor(a) for a in recipients],
        "event": row["type"],
        "eventText": row["trigger_text"] or "",
        "mode": row["mode"] or "",
        "context": ", ".join(row["contexts"] or ()),
        "text": sentence,
        "textInfo": {"markup": markup(sentence, row["sentence_start"], marks)},
    }
    if row["location_name"]:
        loc = {"name": row["location_name"]}
        if row["location_country"]:
            loc["country code"] = _alpha2(row["location_country"]) or ""
        out["eventLoc"] = loc
    out |= {
        "language": row["article_language"] or "en",
        "publication": row["article_agency"] or row["article_source"],
        "coder": f"eventwire {row['coder_version'] or ''}".strip(),
        "version": row["lexicon_version"],
        "dateCoded": _day(row["run_started_at"]),
        "quad_code": row["quad_class"],
        "event_scale": row["score"],
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "modality": row["modality"],
        "confidence": row["confidence"],
        "datePhrase": row["date_phrase"],
        "articleId": row["article_id"],
        "url": row["article_url"],
    }
    if row["quote_text"]:
        out["quote"] = {"text": row["quote_text"], "speaker": row["quote_speaker"]}
    return out


def write_plover(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(record(row), ensure_ascii=False) + "\n")
        n += 1
    return n
