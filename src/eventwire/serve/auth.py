"""The write endpoints' guard: a configured API token, sent as ``Authorization: Bearer``.

Without a configured token every write is refused (403); with one, the request's token is
compared in constant time (:func:`hmac.compare_digest`), and a missing or wrong one gets 401.
"""

from __future__ import annotations

import hmac
import os
from pathlib import Path

from fastapi import Request

from eventwire.errors import ApiTokenError
from eventwire.serve.deps import settings
from eventwire.serve.errors import ApiError

TOKEN_ENV = "EVENTWIRE_API_TOKEN"
MIN_TOKEN_CHARS = 16


def load_token(*, token_file: Path | None, environ: dict[str, str] | None = None) -> str | None:
    """The API token: the first line of ``token_file``, else ``$EVENTWIRE_API_TOKEN``, else None.

    Raises:
        ApiTokenError: the file cannot be read, or the token is shorter than 16 characters.
    """
    if token_file is not None:
        try:
            lines = token_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise ApiTokenError(f"cannot read the API token file {token_file}: {e}") from e
        token = lines[0].strip() if lines else ""
    else:
        token = (os.environ if environ is None else environ).get(TOKEN_ENV, "").strip()
        if not token:
            return None
    if len(token) < MIN_TOKEN_CHARS:
        raise ApiTokenError(
            f"the API token has {len(token)} characters; use at least {MIN_TOKEN_CHARS} random "
            "ones, e.g. `python -c 'import secrets; print(secrets.token_urlsafe(32))'`"
        )
    return token


def require_token(request: Request) -> None:
    """A dependency of every write endpoint: 403 when writes are off, 401 on a bad token."""
    expected = settings(request).api_token
    if not expected:
        raise ApiError(
            403,
            "this server is read-only: writes need an API token, configured with "
            f"${TOKEN_ENV} or `eventwire serve --token-file FILE`",
            code="forbidden",
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8"), expected.encode("utf-8")
    ):
        raise ApiError(
            401,
            "missing or wrong API token; send 'Authorization: Bearer <token>'",
            code="unauthorized",
        )
