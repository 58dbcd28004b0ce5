"""A web page to an Article: main text, title, author, date and site name via trafilatura.

Navigation, ads, comments and related-links blocks are left out. The extracted text becomes
``Article.text`` itself, so evidence offsets index exactly what was coded.
"""

from __future__ import annotations

from datetime import date

import trafilatura

from eventwire.errors import InputError, NoArticleTextError, WebInputError
from eventwire.records import Article, Failure
from eventwire.web.articles import PageHints, WebText, build_article, stripped, web_failure
from eventwire.web.fetch import Fetcher

MIN_WORDS = 15  # less than this is a menu, a caption or an ad, not an article


def extract_text(html: bytes | str, *, url: str | None, source: str) -> WebText:
    """The main text and metadata of a page.

    Raises:
        NoArticleTextError: the page has no article text (an index page, a login wall, a page
            built by JavaScript).
    """
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    text = getattr(document, "text", None) if document is not None else None
    words = len(text.split()) if isinstance(text, str) else 0
    if not isinstance(text, str) or words < MIN_WORDS:
        raise NoArticleTextError(
            f"{source}: no article text found in the page ({words} words outside menus and "
            "ads; it may be an index page, need JavaScript, or sit behind a login); give the "
            "URL of an article page",
            url=url or source,
        )
    return WebText(
        text=text,
        url=url or stripped(getattr(document, "url", None)),
        title=stripped(getattr(document, "title", None)),
        author=stripped(getattr(document, "author", None)),
        published=_date(getattr(document, "date", None)),
        sitename=stripped(getattr(document, "sitename", None)),
    )


def extract_article(
    html: bytes | str, *, url: str | None, source: str, hints: PageHints | None = None
) -> Article:
    """The Article of a page: ``url`` is the page's address (None for a saved file, whose
    canonical link is used when it has one).

    Raises:
        NoArticleTextError: no article text in the page.
        MissingDateError: no date in the page, its hints or the default date.
    """
    found = extract_text(html, url=url, source=source)
    return build_article(found, source=source, hints=hints or PageHints())


def page_article(
    html: bytes | str, *, url: str | None, source: str, hints: PageHints | None = None
) -> Article | Failure:
    """:func:`extract_article`, with a Failure (stage ``extract``) saying why when it fails."""
    try:
        return extract_article(html, url=url, source=source, hints=hints)
    except InputError as e:
        return web_failure(e, source=source, stage="extract")


def fetch_article(
    fetcher: Fetcher,
    url: str,
    *,
    source: str,
    hints: PageHints | None = None,
    respect_robots: bool | None = None,
) -> Article | Failure:
    """Fetch a page and extract its article; a Failure (stage ``fetch`` or ``extract``) names
    the URL and the reason when either step fails."""
    try:
        page = fetcher.fetch(url, respect_robots=respect_robots)
    except WebInputError as e:
        return web_failure(e, source=source, stage="fetch")
    return page_article(page.body, url=url, source=source, hints=hints)


def _date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
