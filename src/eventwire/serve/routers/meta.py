"""``/api/meta`` and ``/api/health``: what the store holds, and whether the server is up."""

from __future__ import annotations

from typing import cast

from fastapi import APIRouter
from pydantic import BaseModel

from eventwire import __version__
from eventwire.knowledge.ontology import PLOVER_TYPES, QUAD_CLASS
from eventwire.records import Modality
from eventwire.serve.deps import Db, Pool
from eventwire.store import aggregates
from eventwire.store.analytics_models import Overview

router = APIRouter(prefix="/api", tags=["meta"])

QUAD_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


class Meta(BaseModel):
    eventwire_version: str
    schema_version: int
    store: str
    overview: Overview
    plover_types: list[str]
    quad_of_type: dict[str, int]
    quad_labels: dict[int, str]
    modalities: list[str]


class Health(BaseModel):
    status: str


@router.get("/meta", response_model=Meta, summary="What the store holds")
def meta(pool: Pool, con: Db) -> Meta:
    """Row counts, the date range, types/modes/modalities present, versions."""
    found = cast(Overview, pool.memo(con, ("overview",), lambda: aggregates.overview(con)))
    return Meta(
        eventwire_version=__version__,
        schema_version=pool.schema_version,
        store=pool.path.name,
        overview=found,
        plover_types=list(PLOVER_TYPES),
        quad_of_type=dict(QUAD_CLASS),
        quad_labels=QUAD_LABELS,
        modalities=[m.value for m in Modality],
    )


@router.get("/health", response_model=Health, summary="Liveness check")
def health(con: Db) -> Health:
    con.execute("SELECT 1").fetchone()
    return Health(status="ok")
