"""``/api/dyads``: the busiest actor -> recipient pairs, and one dyad's time series."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from eventwire.serve.deps import Db, Filters, Pool
from eventwire.serve.errors import ApiError
from eventwire.store import aggregates
from eventwire.store.aggregates import country_name
from eventwire.store.analytics_models import DyadSeries, Interval

router = APIRouter(prefix="/api/dyads", tags=["dyads"])


class Dyad(BaseModel):
    actor: str
    recipient: str
    actor_name: str | None
    recipient_name: str | None
    events: int


class DyadList(BaseModel):
    dyads: list[Dyad]


@router.get("", response_model=DyadList, summary="The busiest dyads")
def top_dyads(
    pool: Pool, con: Db, filters: Filters, limit: Annotated[int, Query(ge=1, le=200)] = 20
) -> DyadList:
    """Actor -> recipient pairs with the most events (compound actors expanded)."""
    rows = pool.memo(
        con, ("top_dyads", filters, limit), lambda: aggregates.top_dyads(con, filters, limit=limit)
    )
    return DyadList(
        dyads=[
            Dyad(
                actor=a,
                recipient=r,
                actor_name=country_name(a),
                recipient_name=country_name(r),
                events=n,
            )
            for a, r, n in rows
        ]
    )


@router.get("/series", response_model=DyadSeries, summary="A dyad's time series")
def dyad_series(
    pool: Pool,
    con: Db,
    filters: Filters,
    interval: Annotated[Interval, Query(description="Period: day, week, month or year.")] = "month",
) -> DyadSeries:
    """Events from ``actor`` to ``recipient`` per period: counts per quad class, cooperation
    vs conflict, mean PLOVER score and Goldstein. Give at least one of actor and recipient."""
    if not filters.actor and not filters.recipient:
        raise ApiError(422, "give 'actor', 'recipient' or both for a dyad time series")
    found: DyadSeries = pool.memo(
        con,
        ("dyad_series", filters, interval),
        lambda: aggregates.dyad_series(con, filters, interval=interval),
    )
    return found
