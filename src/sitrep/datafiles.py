"""Reading Sitrep's YAML data files (actors, conventions, lexicons, taxonomy, natural features).

libyaml's C loader when PyYAML has it: the pure-Python loader takes about 0.5 s on the natural-features
file alone, paid by every process before its first article.
"""

from __future__ import annotations

from typing import Any

import yaml

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The safe-loaded document (safe: data files may come from users)."""
    return yaml.load(text, Loader=YAML_LOADER)
