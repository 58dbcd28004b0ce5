"""``/api/runs`` and ``/api/failures``: what each coding run did, and what it could not read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel

from eventwire.serve.deps import Db, page_limit
from eventwire.serve.errors import not_found
from eventwire.store import catalog, queries
from eventwire.store.analytics_models import FailurePage
from eventwire.store.models import RunSummary

router = APIRouter(prefix="/api", tags=["runs"])


class RunList(BaseModel):
    runs: list[RunSummary]


@router.get("/runs", response_model=RunList, summary="Coding runs, oldest first")
def list_runs(con: Db) -> RunList:
    return RunList(runs=queries.runs(con))


@router.get("/runs/{run_id}", response_model=RunSummary, summary="One coding run")
def get_run(con: Db, run_id: Annotated[str, Path(max_length=64)]) -> RunSummary:
    run = queries.get_run(con, run_id)
    if run is None:
        raise not_found("run", run_id)
    return run


@router.get("/failures", response_model=FailurePage, summary="Inputs that could not be coded")
def list_failures(
    *,
    request: Request,
    con: Db,
    run: Annotated[str | None, Query(max_length=64, description="Run id.")] = None,
    code: Annotated[str | None, Query(max_length=16, description="Error code, e.g. E103.")] = None,
    stage: Annotated[str | None, Query(max_length=32, description="Stage, e.g. ingest.")] = None,
    limit: Annotated[int | None, Query(description="Page size (default 50).")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> FailurePage:
    return catalog.search_failures(
        con,
        run_id=run,
        code=code,
        stage=stage,
        limit=page_limit(request, limit),
        offset=offset,
    )
