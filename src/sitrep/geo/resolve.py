"""Toponym resolution (placeholder until the geo work lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.geo.gazetteer import Gazetteer
from sitrep.records import Article, Toponym


def resolve_toponyms(doc: Doc, article: Article, gazetteer: Gazetteer) -> list[Toponym]:
    return []
