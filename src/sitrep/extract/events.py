"""Event extraction (placeholder until the events work lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.extract.context import ExtractionContext
from sitrep.records import Event


def extract_events(doc: Doc, context: ExtractionContext) -> list[Event]:
    return []
