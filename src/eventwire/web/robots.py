"""robots.txt: whether eventwire may fetch a URL, following RFC 9309.

A robots.txt that exists is obeyed for eventwire's user-agent token (``eventwire``). A 4xx
answer means no rules (everything allowed); a 5xx answer or no answer at all means the site
cannot say, so everything on it is treated as forbidden until the next fetcher asks again.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The rules of one host for one user agent; ``reason`` says why when nothing is allowed."""

    parser: RobotFileParser | None
    allow_all: bool = False
    reason: str = ""

    def allows(self, url: str, user_agent: str) -> bool:
        if self.allow_all:
            return True
        if self.parser is None:
            return False
        return self.parser.can_fetch(user_agent, url)

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return None if delay is None else float(delay)


def robots_url(url: str) -> str:
    """The robots.txt URL of ``url``'s scheme, host and port."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def parse_robots(text: str) -> RobotsRules:
    """Rules from the text of a robots.txt."""
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return RobotsRules(parser)


def rules_for_status(status: int, body: bytes) -> RobotsRules:
    """Rules from a robots.txt answer: 2xx parsed, 4xx no rules, anything else forbids all."""
    if 200 <= status < 300:
        return parse_robots(body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace"))
    if 400 <= status < 500:
        return RobotsRules(None, allow_all=True)
    return RobotsRules(None, reason=f"its robots.txt answered HTTP {status}")


def unreachable(reason: str) -> RobotsRules:
    """Rules when robots.txt could not be fetched at all: everything forbidden, with the reason."""
    return RobotsRules(None, reason=f"its robots.txt could not be fetched ({reason})")
