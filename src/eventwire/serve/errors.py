"""One JSON envelope for every error the API returns, and the handlers that produce it.

``{"error": {"code": "not_found", "message": "no event 'x'", "status": 404}}`` — for 404s,
validation errors (422), method errors, busy pools (503) and unexpected failures (500, with
no internal detail: the traceback goes to the server log only).
"""

from __future__ import annotations

import logging
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.errors import StoreError
from eventwire.serve.pool import PoolBusyError

logger = logging.getLogger("eventwire.serve")

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error a route raises on purpose: it becomes the envelope as given."""

    def __init__(self, status: int, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, f"http_{status}")
        self.message = message


def not_found(what: str, key: str) -> ApiError:
    return ApiError(404, f"no {what} {key!r} in this store")


def envelope(status: int, code: str, message: str) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "status": status}}
    return JSONResponse(body, status_code=status)


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for error in errors[:3]:
        loc = [str(x) for x in error.get("loc", ())]
        where = f"{loc[0]} parameter '{'.'.join(loc[1:])}'" if len(loc) > 1 else ".".join(loc)
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    return "; ".join(parts) + more if parts else "invalid request"


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return envelope(exc.status, exc.code, exc.message)


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return envelope(422, "invalid_request", _validation_message(list(exc.errors())))


async def _http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    message = str(exc.detail) if exc.detail else "error"
    if status == 404 and message == "Not Found":
        message = "no such page or endpoint; the API is under /api (see /api/openapi.json)"
    response = envelope(status, _CODES.get(status, f"http_{status}"), message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _store(_: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, PoolBusyError):
        return envelope(503, "unavailable", str(exc))
    return envelope(422, "invalid_request", str(exc))


async def _database(request: Request, exc: Exception) -> JSONResponse:
    logger.error("database error on %s %s", request.method, request.url.path, exc_info=exc)
    return envelope(500, "internal_error", "the query failed; see the server log for details")


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return envelope(500, "internal_error", "internal error; see the server log for details")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(StoreError, _store)
    app.add_exception_handler(duckdb.Error, _database)
    app.add_exception_handler(Exception, _unexpected)
