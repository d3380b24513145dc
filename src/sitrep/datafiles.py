"""Reading Sitrep's data files (actors, conventions, lexicons, taxonomy, natural features), and caching
lookups built from them.

YAML goes through libyaml's C loader when PyYAML has it: the pure-Python loader takes about 0.5 s on the
natural-features file alone, paid by every process before its first article.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

import yaml

from sitrep.settings import default_data_dir

T = TypeVar("T")

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The safe-loaded document (safe: data files may come from users)."""
    return yaml.load(text, Loader=YAML_LOADER)


@lru_cache(maxsize=1)
def acled_regions() -> dict[str, str]:
    """ACLED's world region of each country by ISO 3166-1 alpha-3 code (data/acled_regions.yaml): the export's
    `region` column, and the scope of a desk's conventions."""
    text = resources.files("sitrep").joinpath("data/acled_regions.yaml").read_text(encoding="utf-8")
    return {code: region for region, codes in load_yaml(text).items() for code in codes}


def cached_pickle(name: str, sources: list[bytes], build: Callable[[], T], kind: type[T]) -> T:
    """`build()`'s result, kept in the data directory (SITREP_DATA_DIR, else ~/.cache/sitrep) under a file named
    by `name` and a digest of `sources` (the code and data it is built from), so a change to either builds it
    afresh. Best effort: an unreadable, broken or foreign file is ignored and a read-only directory only
    costs the build. The file is the user's own, as the gazetteer database is."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(hashlib.sha256(source).digest())
    path = default_data_dir() / f"{name}-{digest.hexdigest()[:16]}.pickle"
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, kind):
            return cached
    except (OSError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError, pickle.UnpicklingError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=path.name, suffix=".tmp", delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)  # atomic: a concurrent reader sees the old file or the whole new one
    except OSError:
        pass
    return value
