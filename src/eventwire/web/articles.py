"""Articles from web text: the record every web reader builds, and the Failure for an error."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventwire.errors import EmptyInputError, InputError, MissingDateError, WebInputError
from eventwire.ingest.failures import input_failure
from eventwire.ingest.ids import article_id, make_source_key
from eventwire.ingest.normalise import normalise_text
from eventwire.records import Article, Failure, HeaderField


@dataclass(frozen=True, slots=True)
class PageHints:
    """What is known about a page before reading it (from its feed item or the sources file).

    Hints win over what the page says about itself: a feed item's date is the publication date.
    """

    title: str | None = None
    author: str | None = None
    published: date | None = None
    agency: str | None = None
    default_date: date | None = None


@dataclass(frozen=True, slots=True)
class WebText:
    """Text and metadata read from a page or a feed item, before it becomes an Article."""

    text: str
    url: str | None
    title: str | None = None
    author: str | None = None
    published: date | None = None
    sitename: str | None = None


def build_article(found: WebText, *, source: str, hints: PageHints) -> Article:
    """The Article of a page or feed item; its ``text`` is what evidence offsets index.

    Raises:
        EmptyInputError: no text.
        MissingDateError: neither the hints, the page nor the default give a date.
    """
    text = normalise_text(found.text).strip()
    title = _clean(hints.title) or _clean(found.title)
    first, _, rest = text.partition("\n")
    if " ".join(first.split()) in {title, _clean(found.title)}:
        text = rest.lstrip()  # the headline repeated as the first line
    if not text:
        raise EmptyInputError(f"{source}: the page has a title but no article text")
    published = hints.published or found.published or hints.default_date
    if published is None:
        raise MissingDateError(
            f"{source}: no publication date in the page or its feed item; pass --date "
            "YYYY-MM-DD to date it yourself"
        )
    agency = _clean(hints.agency) or _clean(found.sitename)
    byline = _clean(hints.author) or _clean(found.author)
    header = tuple(
        HeaderField(name, value)
        for name, value in (
            ("url", found.url),
            ("title", title),
            ("author", byline),
            ("date", published.isoformat()),
            ("sitename", agency),
        )
        if value
    )
    return Article(
        id=article_id(make_source_key(url=found.url, source=agency), text),
        text=text,
        source=source,
        published=published,
        url=found.url,
        title=title,
        byline=byline,
        agency=agency,
        header=header,
    )


def stripped(value: object) -> str | None:
    """A string field of a page or feed, stripped; None when absent, empty or not a string."""
    return value.strip() or None if isinstance(value, str) else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(normalise_text(value).split())
    return cleaned or None


def web_failure(error: InputError, *, source: str, stage: str, excerpt: str = "") -> Failure:
    """The Failure record of a web error: the URL (or file) as source, the message says why."""
    if isinstance(error, WebInputError) and not source:
        source = error.url
    return input_failure(source, error, text=excerpt, stage=stage)
