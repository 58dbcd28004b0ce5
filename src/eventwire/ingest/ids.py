"""Stable article ids: the same article gets the same id whichever file or path it came from."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from eventwire.ingest.normalise import normalise_text

ID_LENGTH = 20
_PIECE_CHARS = 1 << 20
_SPACE = re.compile(r"\s")  # the characters str.split() splits on


def make_source_key(*, url: str | None = None, source: str | None = None) -> str:
    """The id namespace of an article: its URL if known, else its agency/source lower-cased."""
    if url and url.strip():
        return url.strip()
    if source and source.strip():
        return source.strip().lower()
    return ""


def article_id(source_key: str, text: str) -> str:
    """First 20 hex digits of sha256(source_key, US, normalised text).

    Runs of whitespace count as one space, so CRLF and re-wrapped copies get the same id. The
    text is hashed in pieces of about a megabyte, so a huge text never becomes a list of words.
    """
    digest = hashlib.sha256((source_key + "\x1f").encode("utf-8", "surrogatepass"))
    first = True
    for piece in _joined_words(text):
        digest.update(
            piece.encode("utf-8", "surrogatepass")
            if first
            else b" " + piece.encode("utf-8", "surrogatepass")
        )
        first = False
    return digest.hexdigest()[:ID_LENGTH]


def _joined_words(text: str, size: int = _PIECE_CHARS) -> Iterator[str]:
    """``" ".join(normalise_text(text).split())``, in non-empty pieces cut at whitespace."""
    start = 0
    while start < len(text):
        end = len(text)
        if start + size < end:
            space = _SPACE.search(text, start + size)
            end = space.start() if space else end
        piece = " ".join(normalise_text(text[start:end]).split())
        if piece:
            yield piece
        start = end + 1 if end < len(text) else end
