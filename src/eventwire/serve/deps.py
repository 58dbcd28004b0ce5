"""Dependencies shared by the routers: a borrowed read-only cursor, and the event filters."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Annotated, cast

import duckdb
from fastapi import Depends, Query, Request

from eventwire.knowledge.ontology import PLOVER_TYPES
from eventwire.records import Modality
from eventwire.serve.errors import ApiError
from eventwire.serve.pool import ReadPool
from eventwire.serve.settings import ServeSettings
from eventwire.store.analytics_models import EventSearch

CODE_PATTERN = r"^[A-Za-z-]{2,12}$"
_MODALITIES = tuple(m.value for m in Modality)


def pool(request: Request) -> ReadPool:
    return cast(ReadPool, request.app.state.pool)


def settings(request: Request) -> ServeSettings:
    return cast(ServeSettings, request.app.state.settings)


async def cursor(request: Request) -> AsyncIterator[duckdb.DuckDBPyConnection]:
    """A read-only cursor, borrowed from the pool for this request (waiting without a thread)."""
    async with pool(request).aconnection() as con:
        yield con


Db = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Pool = Annotated[ReadPool, Depends(pool)]
Settings = Annotated[ServeSettings, Depends(settings)]
Code = Annotated[str | None, Query(pattern=CODE_PATTERN, description="Country or group code.")]


def _checked(values: list[str] | None, allowed: tuple[str, ...], name: str) -> tuple[str, ...]:
    """Values split on commas, matched case-insensitively against ``allowed``."""
    found: list[str] = []
    by_key = {a.lower(): a for a in allowed}
    for raw in values or ():
        for part in raw.split(","):
            key = part.strip().lower()
            if not key:
                continue
            if key not in by_key:
                raise ApiError(
                    422,
                    f"query parameter '{name}': unknown value {part.strip()!r}; "
                    f"use one of {', '.join(allowed)}",
                )
            found.append(by_key[key])
    return tuple(dict.fromkeys(found))


def event_filters(
    *,
    actor: Annotated[
        str | None, Query(pattern=CODE_PATTERN, description="Actor country/group code, e.g. PRK.")
    ] = None,
    recipient: Annotated[
        str | None, Query(pattern=CODE_PATTERN, description="Recipient country/group code.")
    ] = None,
    country: Annotated[
        str | None,
        Query(pattern=CODE_PATTERN, description="Either side, or the event's location."),
    ] = None,
    sector: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z]{2,6}$", description="Sector of any actor or recipient: GOV…"),
    ] = None,
    type: Annotated[
        list[str] | None,
        Query(description="PLOVER type(s); repeat or comma-separate: ACCUSE,REJECT."),
    ] = None,
    mode: Annotated[str | None, Query(max_length=40, description="PLOVER mode.")] = None,
    quad: Annotated[
        list[int] | None,
        Query(
            description="Quad class(es): 1 verbal coop., 2 material coop., 3 verbal "
            "conflict, 4 material conflict."
        ),
    ] = None,
    modality: Annotated[
        list[str] | None,
        Query(description="Modality(ies): " + ", ".join(_MODALITIES) + "."),
    ] = None,
    since: Annotated[date | None, Query(description="Events on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Events on or before (YYYY-MM-DD).")] = None,
    story: Annotated[str | None, Query(max_length=64, description="Story (or article) id.")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in the event's sentence.")
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> EventSearch:
    """The filters every event endpoint accepts (all optional, combined with AND)."""
    quads = tuple(dict.fromkeys(quad or ()))
    if any(not 1 <= value <= 4 for value in quads):
        raise ApiError(422, "query parameter 'quad': quad classes are 1, 2, 3 and 4")
    check_dates(since, until)
    return EventSearch(
        actor=actor,
        recipient=recipient,
        country=country,
        sector=sector,
        types=_checked(type, PLOVER_TYPES, "type"),
        mode=mode or None,
        quad_classes=quads,
        modalities=_checked(modality, _MODALITIES, "modality"),
        since=since,
        until=until,
        story=story or None,
        text=q or None,
        min_confidence=min_confidence,
    )


Filters = Annotated[EventSearch, Depends(event_filters)]


def check_dates(since: date | None, until: date | None) -> None:
    """Refuse (422) a date range that ends before it starts."""
    if since is not None and until is not None and since > until:
        raise ApiError(422, f"query parameter 'since' ({since}) is after 'until' ({until})")


def page_limit(request: Request, limit: int | None) -> int:
    """The page size: the default when absent, refused above the maximum."""
    config = settings(request)
    if limit is None:
        return config.default_page_size
    if not 0 <= limit <= config.max_page_size:
        raise ApiError(
            422, f"query parameter 'limit': must be between 0 and {config.max_page_size}"
        )
    return limit
