"""The resolve stage over a stream of extraction results: stories first, then canonical events.

Articles are resolved one at a time, in order, against everything resolved before them (the
store's stories and events, plus this run's), so the outcome does not depend on batch sizes or
on how many workers extracted the articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from sitrep.records import ArticleResult
from sitrep.resolve.canonical import CandidateSource, resolve_events
from sitrep.resolve.stories import StoryIndex, signature_bytes


class Resolver:
    def __init__(self, candidates: CandidateSource, stories: StoryIndex | None = None) -> None:
        self.candidates = candidates
        self.stories = stories if stories is not None else StoryIndex()

    def resolve(self, result: ArticleResult) -> ArticleResult:
        article = result.article
        story_id, minhash, _ = self.stories.assign(article.id or article.hash, article.text)
        result = replace(result, article=replace(article, story_id=story_id), story_signature=signature_bytes(minhash))
        return resolve_events(result, self.candidates)[0]

    def resolve_all(self, results: Iterable[ArticleResult]) -> Iterator[ArticleResult]:
        for result in results:
            yield self.resolve(result)
