"""Records to JSON-ready dicts (dates as ISO strings, enums as values)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from enum import Enum
from typing import Any


def to_jsonable(value: Any) -> Any:
    """Recursively turn records, tuples, dates and enums into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return [to_jsonable(v) for v in items]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def dumps(value: Any) -> str:
    """One JSON line, keys in a stable order."""
    return json.dumps(to_jsonable(value), ensure_ascii=False, sort_keys=True)
