"""``POST /api/articles`` and ``DELETE /api/articles/{article_id}``: writes, behind a token.

Both need a configured API token (see :mod:`eventwire.serve.auth`); the store is opened
read-write for the one request (see :mod:`eventwire.serve.writes`).
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Annotated, cast

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel, ConfigDict, Field

from eventwire.errors import CodingError, InputError, StoreLockedError
from eventwire.ingest import read_article_text
from eventwire.serve.auth import require_token
from eventwire.serve.deps import pool
from eventwire.serve.errors import ApiError, not_found
from eventwire.serve.writes import ArticleWriter

router = APIRouter(prefix="/api/articles", tags=["articles"], dependencies=[Depends(require_token)])


class ArticleIn(BaseModel):
    """A posted article: wire-format text (with a ``date`` line), or plain text and ``date``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="Article text, wire format or plain.")
    date: datetime.date | None = Field(default=None, description="Date if the text has none.")
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)


class ArticleStored(BaseModel):
    article_id: str
    run_id: str
    events: int


class ArticleDeleted(BaseModel):
    article_id: str
    deleted: bool


def _writer(request: Request) -> ArticleWriter:
    return cast(ArticleWriter, request.app.state.writer)


def _locked(error: StoreLockedError) -> ApiError:
    return ApiError(409, f"{error}; retry when the writer is done", code="conflict")


@router.post("", status_code=201, response_model=ArticleStored, summary="Code and store")
def post_article(request: Request, body: ArticleIn) -> ArticleStored:
    """Code the article's text and store it with its events as one run."""
    try:
        article = read_article_text(body.text, source="api", date=body.date, require_date=False)
        article = dataclasses.replace(article, url=body.url, title=body.title or article.title)
        stored = _writer(request).code_and_store(article, command="POST /api/articles")
    except StoreLockedError as e:
        raise _locked(e) from e
    except (InputError, CodingError) as e:
        raise ApiError(422, f"{e.code}: {e}") from e
    pool(request).refresh()
    return ArticleStored(article_id=stored.article_id, run_id=stored.run_id, events=stored.events)


@router.delete("/{article_id}", response_model=ArticleDeleted, summary="Delete an article")
def delete_article(
    request: Request, article_id: Annotated[str, Path(max_length=64)]
) -> ArticleDeleted:
    """Remove the article with its events, actor mentions, quotes and failures."""
    try:
        deleted = _writer(request).delete(article_id)
    except StoreLockedError as e:
        raise _locked(e) from e
    if not deleted:
        raise not_found("article", article_id)
    pool(request).refresh()
    return ArticleDeleted(article_id=article_id, deleted=True)
