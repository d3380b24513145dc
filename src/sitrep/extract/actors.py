"""Actor knowledge base and actor coding (placeholder until the actors work lands)."""

from __future__ import annotations

from pathlib import Path


class ActorKB:
    @classmethod
    def load(cls, extra_files: list[Path] | None = None) -> "ActorKB":
        return cls()
