"""Several server processes (``eventwire serve --workers N``): the settings they share.

A server process runs Python on one core at a time (the GIL), so under load one process uses
one core however many the machine has. Uvicorn's workers are separate processes, each with its
own app built by :func:`app_from_environment`, which reads the store path and the settings that
:func:`worker_environment` wrote (the API token travels as ``$EVENTWIRE_API_TOKEN``, never in
the settings variable). Every worker opens the store (or its snapshot) read-only; DuckDB lets
any number of processes read one file.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from fastapi import FastAPI

from eventwire.errors import EventwireError
from eventwire.serve.app import create_app
from eventwire.serve.auth import TOKEN_ENV
from eventwire.serve.settings import ServeSettings

SETTINGS_ENV = "EVENTWIRE_SERVE_SETTINGS"
APP_FACTORY = "eventwire.serve.workers:app_from_environment"


class WorkerSettingsError(EventwireError):
    """A worker process found no (or unreadable) settings in its environment."""

    code = "E711"


def worker_environment(store_path: Path, settings: ServeSettings) -> dict[str, str]:
    """The environment variables that tell each worker process what to serve, and how."""
    fields = dataclasses.asdict(settings)
    token = fields.pop("api_token")
    variables = {SETTINGS_ENV: json.dumps({"db": str(store_path), **fields})}
    if token is not None:
        variables[TOKEN_ENV] = token
    return variables


def app_from_environment() -> FastAPI:
    """The app of one worker process, from the variables :func:`worker_environment` made.

    Raises:
        WorkerSettingsError: the settings variable is missing or malformed.
        StoreError: the store cannot be served (see :func:`~eventwire.serve.app.create_app`).
    """
    raw = os.environ.get(SETTINGS_ENV)
    if raw is None:
        raise WorkerSettingsError(
            f"${SETTINGS_ENV} is not set; start workers with `eventwire serve --workers N`"
        )
    try:
        fields = json.loads(raw)
        store_path = Path(fields.pop("db"))
        token = os.environ.get(TOKEN_ENV) or None
        settings = ServeSettings(**fields, api_token=token)
    except (ValueError, TypeError, KeyError) as e:
        raise WorkerSettingsError(f"${SETTINGS_ENV} is malformed: {e}") from e
    return create_app(store_path, settings=settings)
