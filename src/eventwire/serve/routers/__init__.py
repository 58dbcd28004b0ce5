"""The API's routers, one per resource."""

from __future__ import annotations

from fastapi import APIRouter

from eventwire.serve.routers import (
    actors,
    article_writes,
    articles,
    dyads,
    events,
    meta,
    network,
    runs,
)

ROUTERS: tuple[APIRouter, ...] = (
    meta.router,
    events.router,
    actors.router,
    dyads.router,
    network.router,
    articles.router,
    article_writes.router,
    runs.router,
)

__all__ = ["ROUTERS"]
