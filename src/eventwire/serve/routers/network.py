"""``/api/network``: the actor network, nodes and weighted directed edges."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from eventwire.serve.deps import CODE_PATTERN, Db, Filters, Pool, Settings
from eventwire.serve.errors import ApiError
from eventwire.store import aggregates
from eventwire.store.analytics_models import Network

router = APIRouter(prefix="/api/network", tags=["network"])


@router.get("", response_model=Network, summary="The actor network")
def get_network(
    *,
    pool: Pool,
    con: Db,
    config: Settings,
    filters: Filters,
    focus: Annotated[
        str | None, Query(pattern=CODE_PATTERN, description="Only edges touching this code.")
    ] = None,
    min_weight: Annotated[int, Query(ge=1, description="Drop edges with fewer events.")] = 1,
    max_edges: Annotated[int, Query(ge=1, description="Keep the heaviest edges.")] = 150,
) -> Network:
    """Directed actor -> recipient edges weighted by event count, with counts by cooperation
    vs conflict and by PLOVER type; nodes carry their in and out weights (cached per file)."""
    if max_edges > config.max_network_edges:
        raise ApiError(422, f"query parameter 'max_edges': at most {config.max_network_edges}")
    found: Network = pool.memo(
        con,
        ("network", filters, focus, min_weight, max_edges),
        lambda: aggregates.network(
            con, filters, focus=focus, min_weight=min_weight, max_edges=max_edges
        ),
    )
    return found
