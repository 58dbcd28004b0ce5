"""``eventwire ingest`` inputs from the web: URLs of pages and feeds, saved pages, feed files."""

from __future__ import annotations

from datetime import date

from eventwire.ingest import iter_articles
from eventwire.records import Article, Failure


def test_urls_of_pages_and_feeds(site, fetch_settings) -> None:
    items = list(
        iter_articles(
            [site.url("/news/border-talks.html"), site.url("/feeds/features.atom")],
            fetch=fetch_settings,
        )
    )
    assert all(isinstance(item, Article) for item in items)
    assert [item.url for item in items if isinstance(item, Article)] == [
        site.url("/news/border-talks.html"),
        site.url("/features/nairobi-protest.html"),
        site.url("/features/defence-pact.html"),
    ]


def test_a_url_that_fails_is_a_failure_and_reading_goes_on(site, fetch_settings) -> None:
    items = list(
        iter_articles(
            [
                site.url("/news/gone.html"),
                site.url("/index.html"),
                site.url("/moved/drone-sanctions"),
            ],
            fetch=fetch_settings,
        )
    )
    gone, index, moved = items
    assert isinstance(gone, Failure) and (gone.stage, gone.code) == ("fetch", "E111")
    assert isinstance(index, Failure) and (index.stage, index.code) == ("extract", "E117")
    assert isinstance(moved, Article) and moved.url == site.url("/moved/drone-sanctions")


def test_saved_pages_and_feed_files_in_a_directory(tmp_path, pages, site, fetch_settings) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "talks.html").write_text(pages["border-talks"], encoding="utf-8")
    undated = "\n".join(
        line for line in pages["drone-sanctions"].splitlines() if "published" not in line
    )
    (folder / "undated.htm").write_text(undated, encoding="utf-8")
    atom = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>'
    entry = (
        '<entry><title>Talks</title><id>1</id><link href="{link}"/>'
        "<updated>2024-05-16T10:00:00Z</updated><summary>Short.</summary></entry>"
    )
    (folder / "world.atom").write_text(
        atom + entry.format(link=site.url("/news/border-talks.html")) + "</feed>", "utf-8"
    )
    (folder / "list.xml").write_text(
        atom + entry.format(link=site.url("/news/gone.html")) + "</feed>", "utf-8"
    )
    (folder / "notes.xml").write_text(
        "date 2024-05-16\n\nNorth Korea rejected the offer.\n", "utf-8"
    )
    explicit = [str(folder / "notes.xml"), str(folder / "list.xml")]
    items = list(
        iter_articles([folder, *explicit], fetch=fetch_settings, default_date=date(2020, 1, 1))
    )
    sources = [item.source for item in items]
    assert sources == [
        str(folder / "talks.html"),
        str(folder / "undated.htm"),
        site.url("/news/border-talks.html"),
        str(folder / "notes.xml"),
        site.url("/news/gone.html"),
    ]
    talks, undated_article, from_feed, notes, gone = items
    assert isinstance(talks, Article) and talks.published == date(2024, 5, 16)
    assert talks.url is None and talks.title.startswith("Armenia and Azerbaijan")
    assert isinstance(undated_article, Article) and undated_article.published == date(2020, 1, 1)
    assert isinstance(from_feed, Article) and from_feed.text.startswith("GENEVA")
    assert isinstance(notes, Article) and notes.text == "North Korea rejected the offer."
    assert isinstance(gone, Failure) and "HTTP 404" in gone.message


def test_nothing_is_fetched_for_local_files_with_full_text(tmp_path, pages) -> None:
    (tmp_path / "a.html").write_text(pages["missile-launch"], encoding="utf-8")
    items = list(iter_articles([tmp_path / "a.html"]))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert items[0].agency == "Loopback Wire"
