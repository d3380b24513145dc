"""What every extractor of one article needs besides its spaCy Doc."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.records import Article, Toponym

if TYPE_CHECKING:  # imported for types only: keeps extract free of a hard geo import at module load
    from sitrep.extract.actors import ActorKB
    from sitrep.geo.gazetteer import Gazetteer


@dataclass
class ExtractionContext:
    article: Article
    gazetteer: "Gazetteer"
    actors: "ActorKB"
    toponyms: list[Toponym] = field(default_factory=list)
    # first-level areas the article's actors operate in, {country code: {GeoNames admin1 code}}
    actor_areas: dict[str, set[str]] = field(default_factory=dict)
