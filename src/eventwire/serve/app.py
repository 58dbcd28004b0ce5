"""The app factory: the JSON API under ``/api`` and the analyst page at ``/``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire import __version__
from eventwire.serve.errors import install_error_handlers
from eventwire.serve.limits import RequestLimits
from eventwire.serve.pool import ReadPool
from eventwire.serve.routers import ROUTERS
from eventwire.serve.settings import ServeSettings
from eventwire.serve.source import ensure_snapshot
from eventwire.serve.writes import ArticleWriter

STATIC_DIR = Path(__file__).parent / "static"
# The page loads nothing from elsewhere: no CDN, no inline script.
_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


class SecurityHeaders:
    """Adds the headers above to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(store_path: str | Path, *, settings: ServeSettings | None = None) -> FastAPI:
    """The eventwire web app over the store at ``store_path``, opened read-only.

    With ``settings.snapshot_only`` (or an ``api_token``) it reads the store's snapshot,
    publishing a first one if there is none and no writer holds the store.

    Raises:
        StoreError: the store is missing, not an eventwire store, locked by a writer that has
            published no snapshot, or of another schema version (checked before any request).
    """
    config = settings or ServeSettings()
    path = Path(store_path)
    snapshot_only = config.snapshot_only or config.api_token is not None
    if snapshot_only:
        ensure_snapshot(path)
    pool = ReadPool(
        path,
        size=config.pool_size,
        timeout=config.pool_timeout,
        snapshot_only=snapshot_only,
        check_seconds=config.snapshot_check_seconds,
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="eventwire",
        version=__version__,
        summary="Political events coded from news text: read-only API over one store.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; the page must not
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.state.settings = config
    app.state.writer = ArticleWriter(path)
    install_error_handlers(app)
    app.add_middleware(
        RequestLimits, max_body_bytes=config.max_body_bytes, max_url_chars=config.max_url_chars
    )
    app.add_middleware(SecurityHeaders)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers={"cache-control": "no-cache"})

    return app
