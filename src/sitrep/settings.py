"""One settings object, read from the environment and overridden by CLI options.

Options travel down the calls as this object, never as global flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_data_dir() -> Path:
    """Where built artefacts (the gazetteer database) live: SITREP_DATA_DIR, else ~/.cache/sitrep."""
    env = os.environ.get("SITREP_DATA_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "sitrep"


def db_url_from(value: str | None) -> str:
    """Turn `--db` / SITREP_DB (a path or a SQLAlchemy URL) into a URL; default ./sitrep.db."""
    value = value or os.environ.get("SITREP_DB") or "sitrep.db"
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _tristate(value: str | None) -> bool | None:
    """"1" → True, "0" → False, unset or anything else → None (the default behaviour)."""
    return {"1": True, "0": False}.get((value or "").strip())


@dataclass
class Settings:
    db_url: str = field(default_factory=lambda: db_url_from(None))
    data_dir: Path = field(default_factory=default_data_dir)
    # Extra actor knowledge-base files (YAML) merged over the shipped one; SITREP_ACTORS is a
    # colon-separated list of paths.
    actor_files: list[Path] = field(
        default_factory=lambda: [Path(p) for p in os.environ.get("SITREP_ACTORS", "").split(os.pathsep) if p]
    )
    spacy_model: str | None = field(default_factory=lambda: os.environ.get("SITREP_SPACY_MODEL"))  # None: official en_core_web_sm, else the re-upload
    # Articles per nlp.pipe batch: 8 keeps peak memory a third lower than 32 for the same CPU time
    # on long articles (docs/performance.md).
    batch_size: int = 8
    # Skip the full NLP pass for articles whose headline and lead have no conflict vocabulary.
    cascade: bool = field(default_factory=lambda: os.environ.get("SITREP_CASCADE", "1") != "0")
    workers: int = 1
    # Parse (tok2vec/tagger/parser/lemmas) only the paragraphs that can hold an event (sitrep.nlp.selective).
    # None (default): selectively when the Extractor extracts without claims, in full with claims (quantity
    # claims read every paragraph's parse); True (SITREP_SELECTIVE_PARSE=1): always selectively;
    # False (SITREP_SELECTIVE_PARSE=0): always in full.
    selective_parse: bool | None = field(default_factory=lambda: _tristate(os.environ.get("SITREP_SELECTIVE_PARSE")))
    max_article_chars: int = 1_000_000
    # The model's attribute ruler and lemmatizer as array code (sitrep.nlp.fast_rules): the same
    # annotations in a tenth of the time. SITREP_ARRAY_RULES=0 keeps spaCy's components (to compare).
    array_rules: bool = field(default_factory=lambda: os.environ.get("SITREP_ARRAY_RULES", "1") != "0")

    @property
    def gazetteer_path(self) -> Path:
        return Path(os.environ.get("SITREP_GAZETTEER") or self.data_dir / "gazetteer.sqlite")
