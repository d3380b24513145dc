"""Quotes and quantitative claims (placeholder until the claims work lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.extract.context import ExtractionContext
from sitrep.records import Claim, Event, Quote


def extract_quotes_and_claims(
    doc: Doc, context: ExtractionContext, events: list[Event]
) -> tuple[list[Quote], list[Claim]]:
    return [], []
