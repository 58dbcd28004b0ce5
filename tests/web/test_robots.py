"""robots.txt rules (RFC 9309): parsed rules, 4xx means none, 5xx or no answer forbids all."""

from __future__ import annotations

from eventwire.web.robots import robots_url, rules_for_status, unreachable

AGENT = "eventwire/0.1.0 (+https://example.org)"
TEXT = b"""User-agent: eventwire
Disallow: /drafts/
Crawl-delay: 3

User-agent: *
Disallow: /
"""


def test_rules_for_eventwire_and_its_crawl_delay() -> None:
    rules = rules_for_status(200, TEXT)
    assert rules.allows("https://a.example/news/1.html", AGENT)
    assert not rules.allows("https://a.example/drafts/1.html", AGENT)
    assert not rules.allows("https://a.example/news/1.html", "otherbot/1.0")
    assert rules.crawl_delay(AGENT) == 3.0


def test_status_rules() -> None:
    assert rules_for_status(404, b"").allows("https://a.example/x", AGENT)
    assert rules_for_status(403, b"").allows("https://a.example/x", AGENT)
    server_error = rules_for_status(503, b"")
    assert not server_error.allows("https://a.example/x", AGENT)
    assert "HTTP 503" in server_error.reason
    down = unreachable("connection refused")
    assert not down.allows("https://a.example/x", AGENT) and "connection refused" in down.reason


def test_robots_url_keeps_scheme_host_and_port() -> None:
    assert robots_url("http://127.0.0.1:8080/a/b.html?q=1") == "http://127.0.0.1:8080/robots.txt"
