"""The ACLED event taxonomy (6 event types, 25 sub-event types), read from `data/taxonomy.yaml`.

One place answers "which event type does this sub-type belong to", "is this a real ACLED
label" and "what does CASE-2021 call it"; the extractor and the evaluators both use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitrep.datafiles import load_yaml

# Event type names as ACLED spells them.
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"


@dataclass(frozen=True)
class SubEventType:
    name: str
    event_type: str
    case2021: str
    definition: str


@dataclass(frozen=True)
class Taxonomy:
    event_types: tuple[str, ...]
    sub_event_types: tuple[SubEventType, ...]
    non_acled_case2021: tuple[str, ...]

    def event_type_of(self, sub_event_type: str) -> str:
        """The event type a sub-event type belongs to; KeyError for a name outside the taxonomy."""
        for sub in self.sub_event_types:
            if sub.name == sub_event_type:
                return sub.event_type
        raise KeyError(sub_event_type)

    def sub_types_of(self, event_type: str) -> list[str]:
        return [sub.name for sub in self.sub_event_types if sub.event_type == event_type]

    def by_case2021(self, code: str) -> SubEventType | None:
        for sub in self.sub_event_types:
            if sub.case2021 == code:
                return sub
        return None

    def case2021_of(self, sub_event_type: str) -> str:
        for sub in self.sub_event_types:
            if sub.name == sub_event_type:
                return sub.case2021
        raise KeyError(sub_event_type)

    def normalise_sub_type(self, name: str) -> str | None:
        """Match a sub-event type written loosely ("armed clash", "Air/Drone strike") to its ACLED name."""
        folded = " ".join(name.lower().split())
        for sub in self.sub_event_types:
            if sub.name.lower() == folded:
                return sub.name
        return None

    def normalise_event_type(self, name: str) -> str | None:
        folded = " ".join(name.lower().split())
        for event_type in self.event_types:
            if event_type.lower() == folded:
                return event_type
        return None


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The shipped taxonomy (cached: it never changes during a run)."""
    text = resources.files("sitrep").joinpath("data/taxonomy.yaml").read_text(encoding="utf-8")
    data = load_yaml(text)
    types: list[str] = []
    subs: list[SubEventType] = []
    for entry in data["event_types"]:
        types.append(entry["name"])
        for sub in entry["sub_event_types"]:
            subs.append(SubEventType(sub["name"], entry["name"], sub["case2021"], sub["definition"]))
    return Taxonomy(tuple(types), tuple(subs), tuple(data.get("non_acled_case2021", [])))
