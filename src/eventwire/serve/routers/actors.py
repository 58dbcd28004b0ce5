"""``/api/actors``: countries and groups with their event counts, and one actor's profile."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel

from eventwire.serve.deps import CODE_PATTERN, Db, Filters, Pool
from eventwire.serve.errors import not_found
from eventwire.store import aggregates
from eventwire.store.analytics_models import ActorProfile, ActorSummary

router = APIRouter(prefix="/api/actors", tags=["actors"])


class ActorList(BaseModel):
    actors: list[ActorSummary]
    total: int


@router.get("", response_model=ActorList, summary="Actors with event counts")
def list_actors(
    pool: Pool,
    con: Db,
    filters: Filters,
    match: Annotated[
        str | None, Query(max_length=60, description="Part of a code or name, e.g. 'korea'.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> ActorList:
    """Every country or group code in the filtered events, busiest first."""
    found: tuple[ActorSummary, ...] = pool.memo(
        con, ("actors", filters), lambda: aggregates.actors(con, filters)
    )
    if match:
        needle = match.lower()
        found = tuple(
            a for a in found if needle in a.code.lower() or needle in (a.name or "").lower()
        )
    return ActorList(actors=list(found[:limit]), total=len(found))


@router.get("/{code}", response_model=ActorProfile, summary="One actor's profile")
def get_actor(con: Db, code: Annotated[str, Path(pattern=CODE_PATTERN)]) -> ActorProfile:
    """Totals, event types as actor and as recipient, main partners and mention texts."""
    profile = aggregates.actor_profile(con, code)
    if profile is None:
        raise not_found("actor", code.upper())
    return profile
