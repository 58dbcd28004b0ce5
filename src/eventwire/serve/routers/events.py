"""``/api/events``: the filtered, paged event list, and one event with its evidence."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from eventwire.serve.deps import Db, Filters, page_limit
from eventwire.serve.errors import not_found
from eventwire.store import analytics
from eventwire.store.analytics_models import EventDetail, EventPage, SortKey

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", response_model=EventPage, summary="Events, filtered and paged")
def list_events(
    *,
    request: Request,
    con: Db,
    filters: Filters,
    sort: Annotated[
        SortKey, Query(description="Order: date, score or confidence; '-' = descending.")
    ] = "-date",
    limit: Annotated[int | None, Query(description="Page size (default 50).")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    total: Annotated[bool, Query(description="Count all matching events.")] = True,
) -> EventPage:
    """Events matching every given filter, newest first by default, with the total count."""
    search = replace(filters, sort=sort, limit=page_limit(request, limit), offset=offset)
    return analytics.search_events(con, search, with_total=total)


@router.get("/{event_id}", response_model=EventDetail, summary="One event with its evidence")
def get_event(con: Db, event_id: Annotated[str, Path(max_length=64)]) -> EventDetail:
    """The event, its sentence with trigger/actor/quote spans, explanation and article."""
    detail = analytics.get_event_detail(con, event_id)
    if detail is None:
        raise not_found("event", event_id)
    return detail
