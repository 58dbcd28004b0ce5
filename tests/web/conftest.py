"""A loopback news site (127.0.0.1 only) serving invented wire stories, feeds and bad endpoints.

Pages carry navigation, ads, comments and related links around the article. ``/feeds/world.rss``
holds summary-only items and changes when ``site.version`` becomes 2; ``/feeds/features.atom``
carries full texts and answers conditional requests with 304. Bad endpoints: a 404, a slow page
(longer than the tests' read timeout), a 50 MB page (streamed, never held in memory), a redirect
loop, a page robots.txt forbids, a page with no article text and a failing server (500).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.web.fetch import FetchSettings

HUGE_BYTES = 50 * 1024 * 1024
SLOW_SECONDS = 2.0
ROBOTS = "User-agent: *\nDisallow: /private/\n"


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    author: str
    published: str  # ISO date
    paragraphs: tuple[str, ...]


STORIES = {
    story.slug: story
    for story in (
        Story(
            "border-talks",
            "Armenia and Azerbaijan agree to resume border talks",
            "Maria Lopez",
            "2024-05-16",
            (
                "GENEVA (Loopback Wire) - Armenia and Azerbaijan agreed on Thursday to resume "
                "border talks next month, the Swiss Foreign Ministry said.",
                "The two delegations met in Geneva for six hours of negotiations mediated by "
                "the European Union. Azerbaijani Foreign Minister Jeyhun Bayramov said his "
                "government was ready to sign a peace treaty within weeks.",
                "Russia criticized the talks, saying the European Union was interfering in the "
                "region.",
            ),
        ),
        Story(
            "drone-sanctions",
            "United States imposes new sanctions on Iran",
            "James Okafor",
            "2023-11-09",
            (
                "WASHINGTON (Loopback Wire) - The United States imposed new sanctions on Iran on "
                "Wednesday over its drone exports, the Treasury Department said.",
                "Iran condemned the sanctions and threatened to restrict inspections by the "
                "International Atomic Energy Agency.",
                "The European Union urged both sides to return to negotiations.",
            ),
        ),
        Story(
            "drone-sanctions-update",
            "US sanctions Iran over drone exports",
            "James Okafor",
            "2023-11-09",
            (
                "WASHINGTON (Loopback Wire) - The United States imposed new sanctions on Iran on "
                "Wednesday over its drone exports, the Treasury Department said in a statement.",
                "Iran condemned the sanctions and threatened to restrict inspections by the "
                "International Atomic Energy Agency.",
                "The European Union urged both sides to return to negotiations. Britain said it "
                "supported the measures.",
            ),
        ),
        Story(
            "missile-launch",
            "South Korea condemns North Korean missile launch",
            "Hana Park",
            "2024-06-03",
            (
                "SEOUL (Loopback Wire) - South Korea condemned North Korea on Monday after it "
                "fired a ballistic missile into the sea off its east coast, the Joint Chiefs of "
                "Staff said.",
                "Japan protested the launch through diplomatic channels in Beijing.",
                "The United States urged North Korea to return to talks without preconditions.",
            ),
        ),
    )
}
ATOM_ENTRIES = (
    (
        "nairobi-protest",
        "Police arrest protesters in Nairobi",
        "2024-04-02T09:30:00+03:00",
        (
            "NAIROBI (Loopback Wire) - Kenyan police arrested dozens of protesters in Nairobi on "
            "Tuesday during a demonstration against tax increases, witnesses said.",
            "Opposition leaders accused the government of using excessive force and demanded "
            "the release of those detained.",
        ),
    ),
    (
        "defence-pact",
        "Germany and France sign defence agreement",
        "2024-03-14T23:15:00-05:00",
        (
            "BERLIN (Loopback Wire) - Germany and France signed an agreement on defence "
            "cooperation on Thursday, the German Defence Ministry said.",
            "Poland welcomed the agreement and said it would consider joining it.",
        ),
    ),
)


def page_html(story: Story, *, canonical: str | None = None) -> str:
    """An article page as news sites make them: menus, ads, comments, related links."""
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(story.title)} | Loopback Wire</title>
<meta name="author" content="{escape(story.author)}">
<meta property="og:site_name" content="Loopback Wire">
<meta property="og:title" content="{escape(story.title)}">
<meta property="article:published_time" content="{story.published}T08:00:00Z">
{link}
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="advert">ADVERTISEMENT: Cheap flights to anywhere! Book now and save 50 percent.</div>
<main><article>
<h1>{escape(story.title)}</h1>
<p class="byline">By {escape(story.author)}</p>
{paragraphs}
</article>
<section id="comments"><h2>Comments</h2>
<div class="comment"><p>reader42: The government should resign over this scandal.</p></div>
<div class="comment"><p>anon: First! Click here to win a prize.</p></div></section>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/news/markets.html">Markets fall as oil prices climb</a></li>
<li><a href="/news/weather.html">Storm warning issued for the coast</a></li></ul></aside>
</main>
<footer><p>Copyright Loopback Wire. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


EMPTY_PAGE = """<!DOCTYPE html><html><head><title>Loopback Wire - Index</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="advert">ADVERTISEMENT</div><footer>Copyright Loopback Wire</footer></body></html>"""


def _rfc822(iso_day: str) -> str:
    return (
        f"{time.strftime('%a', time.strptime(iso_day, '%Y-%m-%d'))}, "
        + time.strftime("%d %b %Y", time.strptime(iso_day, "%Y-%m-%d"))
        + " 08:00:00 +0000"
    )


def world_feed(base: str, version: int) -> str:
    """RSS 2.0 with summary-only items: each page must be fetched. Version 2 adds a story, an
    exact copy of an earlier story under another URL, and a rewritten copy of another."""
    items: list[tuple[str, str, str]] = [
        (f"{base}/news/border-talks.html", STORIES["border-talks"].title, "2024-05-16"),
        (f"{base}/news/drone-sanctions.html", STORIES["drone-sanctions"].title, "2023-11-09"),
        (f"{base}/news/gone.html", "A story that was taken down", "2024-05-17"),
        (f"{base}/private/embargoed.html", "Embargoed story", "2024-05-17"),
        (f"{base}/slow.html", "A slow page", "2024-05-17"),
        (f"{base}/huge.html", "A very large page", "2024-05-17"),
        (f"{base}/loop/a", "A page that redirects in a loop", "2024-05-17"),
        (f"{base}/index.html", "An index page without an article", "2024-05-17"),
    ]
    if version >= 2:
        items.insert(
            0, (f"{base}/news/missile-launch.html", STORIES["missile-launch"].title, "2024-06-03")
        )
        items.append(
            (f"{base}/mirror/border-talks.html", "Republished: border talks", "2024-05-16")
        )
        items.append(
            (
                f"{base}/news/drone-sanctions-update.html",
                STORIES["drone-sanctions-update"].title,
                "2023-11-09",
            )
        )
    rendered = "\n".join(
        f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{_rfc822(day)}</pubDate>"
        f"<description>{escape(title)}. Read the full story on our site.</description></item>"
        for link, title, day in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Loopback Wire - World</title><link>{base}/world</link>
<description>World news</description>
{rendered}
</channel></rss>"""


def features_feed(base: str) -> str:
    """Atom with full texts (``content``): no page is fetched for these entries."""
    entries = "\n".join(
        f"""<entry><title>{escape(title)}</title><id>urn:loopback:{slug}</id>
<link href="{base}/features/{slug}.html"/><updated>{stamp}</updated><published>{stamp}</published>
<author><name>Loopback Wire staff</name></author>
<summary>{escape(title)}</summary>
<content type="html">{escape("".join(f"<p>{p}</p>" for p in paragraphs))}</content></entry>"""
        for slug, title, stamp, paragraphs in ATOM_ENTRIES
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback Wire - Features</title>
<id>urn:loopback:features</id><updated>2024-04-02T09:30:00Z</updated>
{entries}
</feed>"""


@dataclass
class Site:
    """The served site's state: its base URL, the feed version, and every request received."""

    base: str = ""
    version: int = 1
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.version = 1
            self.requests.clear()

    def hits(self, path: str) -> int:
        with self.lock:
            return sum(1 for seen, _ in self.requests if seen == path)

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            with site.lock:
                site.requests.append((self.path, dict(self.headers.items())))
            path = self.path.split("?")[0]
            if path == "/robots.txt":
                self._send(200, ROBOTS, "text/plain")
            elif path.startswith("/news/") and path.removesuffix(".html")[6:] in STORIES:
                self._send(200, page_html(STORIES[path.removesuffix(".html")[6:]]), "text/html")
            elif path == "/news/late.html" and site.version >= 2:
                self._send(200, page_html(STORIES["drone-sanctions-update"]), "text/html")
            elif path == "/mirror/border-talks.html":
                self._send(200, page_html(STORIES["border-talks"]), "text/html")
            elif path == "/private/embargoed.html":
                self._send(200, page_html(STORIES["missile-launch"]), "text/html")
            elif path == "/saved/border-talks.html":
                self._send(200, page_html(STORIES["border-talks"]), "text/html")
            elif path == "/index.html":
                self._send(200, EMPTY_PAGE, "text/html")
            elif path == "/feeds/world.rss":
                self._conditional(
                    world_feed(site.base, site.version),
                    f'"world-{site.version}"',
                    "application/rss+xml",
                )
            elif path == "/feeds/features.atom":
                self._conditional(features_feed(site.base), '"features-1"', "application/atom+xml")
            elif path == "/slow.html":
                time.sleep(SLOW_SECONDS)
                self._send(200, page_html(STORIES["border-talks"]), "text/html")
            elif path == "/huge.html":
                self._huge()
            elif path == "/trickle.html":
                self._trickle()
            elif path == "/loop/a":
                self._redirect("/loop/b")
            elif path == "/loop/b":
                self._redirect("/loop/a")
            elif path == "/moved/drone-sanctions":
                self._redirect("/news/drone-sanctions.html")
            elif path == "/broken.html":
                self._send(500, "internal error", "text/plain")
            else:
                self._send(404, "not found", "text/plain")

        def _send(
            self, status: int, body: str, kind: str, headers: dict[str, str] | None = None
        ) -> None:
            data = body.encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def _conditional(self, body: str, etag: str, kind: str) -> None:
            modified = formatdate(1_700_000_000, usegmt=True)
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self._send(200, body, kind, {"ETag": etag, "Last-Modified": modified})

        def _redirect(self, target: str) -> None:
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _huge(self) -> None:
            """50 MB of page, generated while sent, without a Content-Length."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            chunk = b"<p>" + b"filler text " * 5000 + b"</p>\n"
            sent = 0
            try:
                while sent < HUGE_BYTES:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                return

        def _trickle(self) -> None:
            """A page that drips a few bytes every 0.1 s: each read is quick, the whole is not."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            try:
                for _ in range(100):
                    self.wfile.write(b"<p>drip</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                return

    return Handler


@pytest.fixture(scope="session")
def news_site() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(news_site: Site) -> Site:
    news_site.reset()
    return news_site


@pytest.fixture
def fetch_settings(tmp_path: Path) -> FetchSettings:
    """Fast, polite-enough settings for loopback tests: no waits, short timeouts, small limit."""
    return FetchSettings(
        cache_dir=tmp_path / "http-cache",
        min_interval=0.0,
        connect_timeout=2.0,
        read_timeout=0.4,
        total_timeout=5.0,
        retries=0,
        backoff=0.0,
        max_bytes=1_000_000,
    )


@pytest.fixture(scope="session")
def pages() -> dict[str, str]:
    """Each story's page HTML by slug, plus ``index`` (a page without an article)."""
    return {slug: page_html(story) for slug, story in STORIES.items()} | {"index": EMPTY_PAGE}


@pytest.fixture(scope="session")
def canonical_page() -> str:
    """A saved page whose canonical link gives its URL."""
    return page_html(STORIES["drone-sanctions"], canonical="https://wire.example/drone.html")
