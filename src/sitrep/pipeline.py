"""The extraction pipeline: articles in, events (and toponyms, quotes, claims) out. No database.

Reads as the data flows: a cheap relevance check on headline and lead (without claims, also: does the text hold any
event cue at all), the spaCy pass over a batch of articles, then per article the
toponyms, the events and, on request, the quotes and claims. Heavy resources (model,
gazetteer, actor knowledge base) are loaded once per `Extractor`. Without claims the spaCy pass parses
only the paragraphs that can hold an event (`sitrep.nlp.selective`, same events); with claims it parses
every paragraph, in the same loaded pipeline (`Settings.selective_parse` overrides both ways).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sitrep.extract.actor_countries import actor_hints
from sitrep.extract.actors import ActorKB
from sitrep.extract.claims import extract_quotes_and_claims
from sitrep.extract.context import ExtractionContext
from sitrep.extract.events import extract_events
from sitrep.extract.relevance import passes_cascade
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.resolve import resolve_toponyms
from sitrep.nlp.pipeline import load_pipeline
from sitrep.nlp.selective import parse_options
from sitrep.records import Article, ArticleResult
from sitrep.settings import Settings
from sitrep.streams import chunked


class Extractor:
    """Loads the model, gazetteer and actor knowledge base once; extracts from batches of articles."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = load_pipeline(self.settings)
        self.gazetteer = Gazetteer.open(self.settings)
        self.actors = ActorKB.load(self.settings.actor_files)
        self._country_codes = {acled: cc for cc, (acled, *_rest) in self.gazetteer.countries.items()}

    def extract(self, articles: Iterable[Article], *, claims: bool = False, screened: bool = False) -> Iterator[ArticleResult]:
        """One result per article, in input order; articles the relevance cascade skips come back without events.
        `screened`: the articles have passed the cascade already (in the local engine's screening process)."""
        for batch in chunked(articles, self.settings.batch_size):
            relevant = [a for a in batch if screened or not self.settings.cascade or passes_cascade(a, claims=claims)]
            done = iter(self._extract_relevant(relevant, claims=claims))
            chosen = {id(a) for a in relevant}
            for article in batch:
                yield next(done) if id(article) in chosen else ArticleResult(article=article, relevant=False)

    def _extract_relevant(self, articles: list[Article], *, claims: bool) -> Iterator[ArticleResult]:
        pairs = ((article.text, article) for article in articles)
        # Events read only the parse of their paragraphs; quantity claims read every paragraph's.
        parse = parse_options(self.nlp, full_parse=claims and self.settings.selective_parse is None)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size, **parse):
            hints, areas = actor_hints(self.actors, doc, article.published, self._country_codes)
            toponyms = resolve_toponyms(doc, article, self.gazetteer, country_hints=hints)
            context = ExtractionContext(
                article=article, gazetteer=self.gazetteer, actors=self.actors, toponyms=toponyms, actor_areas=areas
            )
            result = ArticleResult(article=article, toponyms=toponyms)
            result.events = extract_events(doc, context)
            if claims:
                result.quotes, result.claims = extract_quotes_and_claims(doc, context, result.events)
            yield result

    def extract_one(self, article: Article, *, claims: bool = False) -> ArticleResult:
        return next(self.extract([article], claims=claims))
