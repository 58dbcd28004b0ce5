"""Locating the shared evaluation data (never shipped with the package)."""

from __future__ import annotations

import os
from pathlib import Path

from eventwire.errors import GoldDataMissingError

DATA_ENV = "EVENTWIRE_DATA_DIR"


def find_data_dir(explicit: Path | None = None, *, cwd: Path | None = None) -> Path:
    """``explicit``, else ``$EVENTWIRE_DATA_DIR``, else ``../shared/data`` from the working dir."""
    candidates = []
    if explicit is not None:
        candidates.append(explicit)
    if os.environ.get(DATA_ENV):
        candidates.append(Path(os.environ[DATA_ENV]))
    here = cwd or Path.cwd()
    candidates += [here.parent / "shared" / "data", here / "shared" / "data"]
    for candidate in candidates:
        if (candidate / "seed").is_dir() or (candidate / "gold").is_dir():
            return candidate
    raise GoldDataMissingError(
        "evaluation data not found; pass --data-dir, set "
        f"{DATA_ENV}, or run from a checkout that has ../shared/data beside it"
    )
