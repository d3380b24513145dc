"""The checks every article passes before it goes on: not empty, not too large, English; date fallback."""

from __future__ import annotations

from datetime import date
from itertools import islice

from sitrep.ingest.language import MIN_LETTERS, detect_language
from sitrep.records import Article, IngestProblem

SUPPORTED_LANGUAGE = "en"


def check_article(article: Article, *, published: date | None, max_chars: int) -> Article | IngestProblem:
    """The article ready for extraction, or why it is skipped.

    `published` (from --published) only fills a missing date: a date the input carries wins.
    """
    source = article.source_path or "<input>"
    letters = sum(1 for _ in islice((ch for ch in article.text if ch.isalpha()), MIN_LETTERS))
    if not letters:
        return IngestProblem(source, "empty: no article text")
    if letters < MIN_LETTERS:
        return IngestProblem(source, f"too short to be an article: {article.text.strip()[:40]!r}")
    if len(article.text) > max_chars:
        return IngestProblem(
            source, f"too large: {len(article.text):,} characters, over the limit of {max_chars:,} (max_article_chars)"
        )
    language = detect_language(article.text)
    if language is not None and language != SUPPORTED_LANGUAGE:
        return IngestProblem(source, f"language {language!r} is not supported (English only)")
    article.language = language
    if article.published is None:
        article.published = published
    return article
