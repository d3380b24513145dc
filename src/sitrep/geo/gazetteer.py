"""The embedded gazetteer (placeholder until the geo work lands)."""

from __future__ import annotations

from sitrep.settings import Settings


class Gazetteer:
    @classmethod
    def open(cls, settings: Settings) -> "Gazetteer":
        return cls()
