"""Stable article ids: the same article gets the same id whichever file or path it came from."""

from __future__ import annotations

import hashlib

from eventwire.ingest.normalise import normalise_text

ID_LENGTH = 20


def make_source_key(*, url: str | None = None, source: str | None = None) -> str:
    """The id namespace of an article: its URL if known, else its agency/source lower-cased."""
    if url and url.strip():
        return url.strip()
    if source and source.strip():
        return source.strip().lower()
    return ""


def article_id(source_key: str, text: str) -> str:
    """First 20 hex digits of sha256(source_key, US, normalised text).

    Runs of whitespace count as one space, so CRLF and re-wrapped copies get the same id.
    """
    payload = source_key + "\x1f" + " ".join(normalise_text(text).split())
    digest = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:ID_LENGTH]
