"""GET /api/articles and GET /api/articles/{id}."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, HTTPException, Query, Request, status

from sitrep.serve.auth import require_read
from sitrep.serve.params import Page, invalid, page
from sitrep.serve.serialize import article_json
from sitrep.store.repository import Store
from sitrep.store.schema import articles

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", summary="List articles", dependencies=[Depends(require_read)])
def list_articles(
    request: Request,
    paging: Annotated[Page, Depends(page)],
    since: Annotated[date | None, Query(description="First publication date, inclusive.")] = None,
    until: Annotated[date | None, Query(description="Last publication date, inclusive.")] = None,
) -> dict[str, Any]:
    """Stored articles, most recently ingested first, each with how many events it is a source of."""
    if since and until and since > until:
        raise invalid(f"since {since.isoformat()} is after until {until.isoformat()}")
    store = request.app.state.store
    summaries = store.list_articles(limit=paging.limit, offset=paging.offset, since=since, until=until)
    total = store.count_articles() if since is None and until is None else _count_published(store, since, until)
    return {
        "total": total,
        "limit": paging.limit,
        "offset": paging.offset,
        "links": paging.links(request, total),
        "articles": [s.to_dict() for s in summaries],
    }


def _count_published(store: Store, since: date | None, until: date | None) -> int:
    query = sa.select(sa.func.count()).select_from(articles)
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until)
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


@router.get("/{article_id}", summary="One article", dependencies=[Depends(require_read)])
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """The article's text and metadata, its events, and its annotations: toponyms, quotes and claims."""
    result = request.app.state.store.get_article(article_id)
    if result is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no article with id {article_id!r}")
    return article_json(result)
