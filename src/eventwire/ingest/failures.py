"""The failure record of an input that could not be read: where, which code, why, and the
start of its text."""

from __future__ import annotations

from eventwire.errors import InputError
from eventwire.ingest.normalise import normalise_text
from eventwire.records import Failure

EXCERPT_CHARS = 120


def excerpt_of(text: str) -> str:
    """The first ~120 characters of ``text``, whitespace runs made single spaces."""
    return " ".join(normalise_text(text[: EXCERPT_CHARS * 4]).split())[:EXCERPT_CHARS]


def input_failure(
    source: str, error: InputError, *, text: str = "", stage: str = "ingest"
) -> Failure:
    """A failure of ``stage`` for ``source``: the error's code and message, an excerpt."""
    return Failure(
        source=source, stage=stage, code=error.code, message=str(error), excerpt=excerpt_of(text)
    )
