"""POST /api/articles: ingest one article or a batch through the real extractor into the store.

The same contract and checks as `sitrep ingest --jsonl-input`: records are validated first (a bad
one rejects the whole request with 422 and nothing is stored), articles already stored are
skipped before any NLP work, and each new article is saved in its own transaction.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from sitrep.ingest.archives import record_to_article
from sitrep.ingest.checks import check_article
from sitrep.records import Article, IngestProblem
from sitrep.serve.auth import require_write
from sitrep.settings import Settings

router = APIRouter(prefix="/api/articles", tags=["ingest"])


class ArticleIn(BaseModel):
    """One article, as in a `sitrep ingest --jsonl-input` line."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={
        "example": {"id": "wp-2019-07-21", "title": "…", "published": "2019-07-21", "source": "The Washington Post",
                    "url": "https://example.org/article", "text": "QAIM, Iraq — …"},
    })

    text: str = Field(description="The article body (dateline included).")
    id: str | None = Field(None, description="Your id for the article; default: derived from the content hash.")
    title: str | None = None
    published: str | None = Field(None, description="Publication date, e.g. 2019-07-21.")
    url: str | None = None
    source: str | None = Field(None, description="The outlet, e.g. Reuters.")
    authors: list[str] | str | None = None


class Extraction:
    """The extractor, loaded on the first write (a read-only server never pays for the model) and
    used by one request at a time: spaCy pipelines are not safe to share between threads."""

    def __init__(self, extractor: Any = None) -> None:
        self._lock = threading.Lock()
        self._extractor = extractor

    def run(self, articles: list[Article]) -> list[Any]:
        with self._lock:
            if self._extractor is None:
                from sitrep.pipeline import Extractor

                self._extractor = Extractor(Settings())
            return list(self._extractor.extract(articles, claims=True))


def _articles_from(payload: list[ArticleIn], max_chars: int) -> list[Article]:
    articles: list[Article] = []
    problems: list[str] = []
    for index, record in enumerate(payload):
        where = f"article[{index}]" + (f" (id {record.id!r})" if record.id else "")
        item: Article | IngestProblem = record_to_article(record.model_dump(), where)
        if isinstance(item, Article):
            item = check_article(item, published=None, max_chars=max_chars)
        if isinstance(item, IngestProblem):
            problems.append(str(item))
        else:
            item.source_path = "POST /api/articles"
            articles.append(item)
    if problems:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "; ".join(problems) + "; nothing was stored")
    return articles


@router.post(
    "",
    summary="Ingest articles",
    dependencies=[Depends(require_write)],
    responses={
        201: {"description": "At least one article was new and stored."},
        401: {"description": "Missing or wrong bearer token."},
        403: {"description": "Writes are disabled: the server has no SITREP_TOKEN."},
        413: {"description": "Request body too large."},
        503: {"description": "The database refused some articles (each has an `error`); the others are stored."},
    },
)
def post_articles(
    request: Request,
    payload: Annotated[ArticleIn | list[ArticleIn], Body(description="One article or a list of articles.")],
) -> JSONResponse:
    """Extract events, quotes and claims from the articles and store them (idempotent by content hash)."""
    settings = request.app.state.settings
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > settings.max_body_bytes:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"request body over {settings.max_body_bytes:,} bytes")
    records = payload if isinstance(payload, list) else [payload]
    if not records:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "the list of articles is empty")
    if len(records) > settings.max_batch_articles:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"{len(records)} articles in one request; at most {settings.max_batch_articles} (send several requests)",
        )
    articles = _articles_from(records, Settings().max_article_chars)

    store = request.app.state.store
    results: list[dict[str, Any] | None] = [None] * len(articles)
    new: list[tuple[int, Article]] = []
    seen: dict[str, int] = {}
    for index, article in enumerate(articles):
        if article.hash in seen or store.has_article(article.hash):
            results[index] = {"id": article.id, "hash": article.hash, "stored": False, "already_stored": True, "events": 0, "merged": 0}
        else:
            seen[article.hash] = index
            new.append((index, article))
    if new:
        for (index, _), outcome in zip(new, store.save_results(request.app.state.extraction.run([a for _, a in new]))):
            results[index] = {
                "id": outcome.article_id, "hash": outcome.hash, "stored": outcome.stored,
                "already_stored": outcome.already_stored, "events": outcome.events, "merged": outcome.merged,
                **({"error": outcome.error} if outcome.error else {}),
            }
    stored = sum(1 for r in results if r and r["stored"])
    body = {
        "stored": stored,
        "already_stored": sum(1 for r in results if r and r["already_stored"]),
        "events": sum(r["events"] + r["merged"] for r in results if r),
        "articles": results,
    }
    if any(r and r.get("error") for r in results):  # the database refused: the others are stored
        return JSONResponse(body, status_code=status.HTTP_503_SERVICE_UNAVAILABLE)
    return JSONResponse(body, status_code=status.HTTP_201_CREATED if stored else status.HTTP_200_OK)
