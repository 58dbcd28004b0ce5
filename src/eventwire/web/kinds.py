"""What counts as a web input, without loading the web libraries: URL schemes and file suffixes.

``eventwire.ingest`` asks these questions for every input; only an input that is a web page or
a feed loads trafilatura, feedparser and urllib3 (through :mod:`eventwire.web.inputs`).
"""

from __future__ import annotations

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom"})
WEB_SUFFIXES = HTML_SUFFIXES | FEED_SUFFIXES
XML_SUFFIX = ".xml"


def is_web_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))
