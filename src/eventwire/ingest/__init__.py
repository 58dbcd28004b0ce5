"""The ingest stage: read files, directories, stdin and strings into ``Article`` records."""

from __future__ import annotations

from eventwire.ingest.ids import article_id
from eventwire.ingest.normalise import normalise_text
from eventwire.ingest.readers import iter_articles, read_article_text
from eventwire.ingest.wire import parse_wire

__all__ = ["article_id", "iter_articles", "normalise_text", "parse_wire", "read_article_text"]
