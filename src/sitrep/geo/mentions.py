"""A place-name span found in an article, before resolution (shared by detection and its rules)."""

from __future__ import annotations

from dataclasses import dataclass

PLACE_LABELS = {"GPE", "LOC", "FAC"}  # the spaCy entity labels that name places


@dataclass
class Mention:
    """A span of the article that names a place, before resolution."""

    start: int
    end: int
    text: str
    source: str  # "ner:GPE", "ner:LOC", "ner:FAC", "dateline", "rule", "given"
