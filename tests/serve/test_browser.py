"""The analyst page in a real browser: Debian's headless Chromium driven by Playwright.

Nothing is installed at run time; the test is skipped (with the reason) when
``/usr/bin/chromium`` or the ``playwright`` package is missing. CI installs chromium with apt.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.serve import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} not found (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def base_url(coded_store: Path) -> Iterator[str]:
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(coded_store), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        tab = browser.new_page(viewport={"width": 1440, "height": 900})
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.errors = errors
        yield tab
        browser.close()


def wait_rows(page: Any) -> None:
    page.wait_for_selector("table.events tbody tr")


def test_filter_open_event_and_see_the_highlight(page: Any, base_url: str, sql: Any) -> None:
    page.goto(base_url + "/#/events")
    wait_rows(page)
    total = sql("SELECT count(*) FROM events")[0][0]
    assert page.locator(".results-head .count").inner_text() == f"{total} events"

    # Filter by type: the table reloads with that type only, and the count follows.
    accuse = sql("SELECT count(*) FROM events WHERE type = 'ACCUSE'")[0][0]
    assert accuse > 0
    page.select_option("select[name=type]", "ACCUSE")
    page.wait_for_function("location.hash.includes('type=ACCUSE')")
    page.wait_for_selector(f".results-head .count:text-is('{accuse} events')")
    chips = page.locator("table.events tbody .type-chip").all_inner_texts()
    assert chips and set(chips) == {"ACCUSE"}

    # Narrow with a text search (Enter submits the filter form).
    word = sql("SELECT trigger_text FROM events WHERE type = 'ACCUSE' ORDER BY event_id LIMIT 1")[
        0
    ][0]
    page.fill("input[name=q]", word)
    page.press("input[name=q]", "Enter")
    page.wait_for_function("location.hash.includes('q=')")
    wait_rows(page)

    # Open the first event: its trigger is highlighted inside the sentence.
    row = page.locator("table.events tbody tr").first
    event_id = row.get_attribute("data-event-id")
    trigger, sentence = sql(
        "SELECT trigger_text, sentence_text FROM events WHERE event_id = ?", event_id
    )[0]
    row.click()
    page.wait_for_selector("#evidence mark.hl-trigger")
    assert page.locator("#evidence mark.hl-trigger").inner_text() == trigger
    assert page.locator("#evidence").inner_text().strip() == sentence.strip()
    assert page.locator("#evidence mark.hl-actor").count() >= 1
    assert page.url.endswith(f"#/event/{event_id}")

    # Back to the list keeps the filters.
    page.click("a.back")
    page.wait_for_function("location.hash.includes('type=ACCUSE')")
    wait_rows(page)
    assert not page.errors


def test_timeline_and_network_draw(page: Any, base_url: str, sql: Any) -> None:
    actor, recipient = sql(
        "SELECT a, r FROM (SELECT unnest(actor_countries) AS a, recipient_countries "
        "FROM events), unnest(recipient_countries) AS t(r) WHERE a <> r "
        "GROUP BY a, r ORDER BY count(*) DESC, a, r LIMIT 1"
    )[0]
    page.goto(f"{base_url}/#/timeline?actor={actor}&recipient={recipient}&interval=day")
    page.wait_for_selector(".chart svg .bars rect")
    assert page.locator(".stat .value").first.inner_text() != "0"

    page.goto(f"{base_url}/#/network")
    page.wait_for_selector(".graph svg .node")
    assert page.locator(".graph svg .edge").count() >= 1
    page.locator(f".graph svg .node[data-code='{actor}']").click()
    page.wait_for_selector(".layout-network .card-head h2:has-text('" + actor + "')")
    assert not page.errors
