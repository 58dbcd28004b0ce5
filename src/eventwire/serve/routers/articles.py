"""``/api/articles``: stored articles, and one article with its text, events and quotes."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from eventwire.serve.deps import Db, check_dates, page_limit
from eventwire.serve.errors import not_found
from eventwire.store import catalog
from eventwire.store.analytics_models import ArticleDetail, ArticlePage

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", response_model=ArticlePage, summary="Articles, newest first")
def list_articles(
    *,
    request: Request,
    con: Db,
    q: Annotated[str | None, Query(max_length=200, description="Text in title or source.")] = None,
    since: Annotated[date | None, Query(description="Published on or after.")] = None,
    until: Annotated[date | None, Query(description="Published on or before.")] = None,
    limit: Annotated[int | None, Query(description="Page size (default 50).")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ArticlePage:
    check_dates(since, until)
    return catalog.search_articles(
        con, text=q, since=since, until=until, limit=page_limit(request, limit), offset=offset
    )


@router.get("/{article_id}", response_model=ArticleDetail, summary="One article")
def get_article(con: Db, article_id: Annotated[str, Path(max_length=64)]) -> ArticleDetail:
    """The article's metadata and text, its events in text order and its quotes."""
    article = catalog.get_article(con, article_id)
    if article is None:
        raise not_found("article", article_id)
    return article
