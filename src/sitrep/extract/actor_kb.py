"""The actor knowledge base: ACLED-style names, aliases, inter codes and government periods.

Read from the shipped YAML files under `sitrep/data/` (actors.yaml, actor_generic.yaml,
state_forces.yaml), with user files merged over them. Resolution turns an alias, a country and
an event date into one ACLED name ("Military Forces of Iraq (2018-2020) Popular Mobilization
Forces"). Matching text against the KB lives in `actor_mentions`, role coding in `actor_coding`.
"""

from __future__ import annotations

import functools
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.datafiles import load_yaml
from sitrep.extract.actor_data import (
    ACTOR_TYPES,
    INTER_TYPES,
    STATE_KINDS,
    ActorEntry,
    GenericClass,
    as_date,
    ethnic_militias,
    name_variants,
    parse_actor,
    parse_generic,
    read_yaml,
)
from sitrep.extract.country_names import add_countries
from sitrep.records import ActorRef

__all__ = ["ACTOR_TYPES", "INTER_TYPES", "ActorEntry", "ActorKB", "GenericClass"]


class ActorKB:
    """Named actors, generic actor classes and government periods, with resolution by country and date."""

    def __init__(self) -> None:
        self.entries: list[ActorEntry] = []
        self.generic: dict[str, GenericClass] = {}
        self.militant_nouns: set[str] = set()
        self.gang_signs: set[str] = set()  # marks of a gang killing: an unnamed killer is a gang
        self.periods: dict[str, list[date]] = {}
        self.with_article: set[str] = set()
        self.spellings: dict[str, str] = {}
        self.countries: set[str] = set()
        self.demonyms: dict[str, str] = {}  # lower-case demonym or country name -> ACLED country
        self.alias_index: dict[str, list[int]] = {}  # lower-case alias -> entry indices, in priority order
        self.name_index: dict[str, list[int]] = {}
        self.ethnic: dict[tuple[str, str], ActorEntry] = {}  # (lower-case group, country) -> ethnic militia
        self.noun_classes: dict[str, list[GenericClass]] = {}  # lower-case generic noun -> its classes, in KB order
        self._matchers: dict[int, Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Pickles (for worker processes) without the spaCy matchers, rebuilt on first use."""
        state = self.__dict__.copy()
        state["_matchers"] = {}
        return state

    # ---- loading ------------------------------------------------------------------------
    @classmethod
    def load(cls, extra_files: list[Path] | None = None) -> "ActorKB":
        """The shipped KB with `extra_files` (user YAML) merged over it; cached per file set."""
        keys = tuple((str(Path(p).resolve()), _mtime(Path(p))) for p in (extra_files or []))
        return _load_cached(keys)

    def _add_file(self, path: Path | None, data: dict[str, Any], *, user: bool) -> None:
        where = str(path) if path else "shipped actor data"
        actors = data.get("actors", [])
        if not isinstance(actors, list):
            raise ValueError(f"{where}: 'actors' must be a list")
        new: list[ActorEntry] = []
        for i, raw in enumerate(actors):
            new.extend(parse_actor(raw, f"{where}: actor #{i + 1}", where))
        new.extend(ethnic_militias(data.get("ethnic_militias", {}), where))
        if user:  # a user entry replaces shipped entries of the same name and wins alias ties
            names = {(e.name, e.country) for e in new}
            self.entries = new + [e for e in self.entries if (e.name, e.country) not in names]
        else:
            self.entries.extend(new)
        generic = data.get("generic", {})
        if not isinstance(generic, dict):
            raise ValueError(f"{where}: 'generic' must be a mapping of class name to class")
        for key, raw in generic.items():
            self.generic[str(key)] = parse_generic(str(key), raw, where)
        self.militant_nouns.update(str(n).lower() for n in data.get("militant_nouns", []) or [])
        self.gang_signs.update(str(n).lower() for n in data.get("gang_signs", []) or [])
        countries = data.get("countries", {})
        if not isinstance(countries, dict):
            raise ValueError(f"{where}: 'countries' must map a country to a list of period start dates")
        for country, starts in countries.items():
            if not isinstance(starts, list) or not starts:
                raise ValueError(f"{where}: country {country!r}: periods must be a non-empty list of dates")
            days = [as_date(s, f"{where}: country {country!r}") for s in starts]
            if days != sorted(days):
                raise ValueError(f"{where}: country {country!r}: period start dates must be in order")
            self.periods[str(country)] = days  # type: ignore[assignment]
            self.countries.add(str(country))
        self.with_article.update(data.get("with_article", []) or [])
        self.spellings.update(data.get("spellings", {}) or {})

    def _index(self) -> None:
        self.alias_index.clear()
        self.name_index.clear()
        self.ethnic.clear()
        self.noun_classes.clear()
        for cls in self.generic.values():
            for noun in {n.lower() for n in cls.nouns}:
                self.noun_classes.setdefault(noun, []).append(cls)
        for i, entry in enumerate(self.entries):
            if entry.local_only and entry.country and entry.name.endswith(f" Ethnic Militia ({entry.country})"):
                group = entry.name[: -len(f" Ethnic Militia ({entry.country})")]
                self.ethnic.setdefault((group.lower(), entry.country), entry)
            self.name_index.setdefault(entry.name.lower(), []).append(i)
            for alias in self.entry_aliases(entry):
                if "{" in alias:
                    continue
                self.alias_index.setdefault(alias.lower(), []).append(i)
        self._matchers.clear()

    # ---- resolution ---------------------------------------------------------------------
    def period_label(self, country: str, on_date: date | None) -> str | None:
        """ACLED's government period for `country` on `on_date`: "2018-2020", or "2022-" for the current one;
        None before the first period the data knows (a 2009 event in Georgia, whose list starts in 2013)."""
        starts = self.periods.get(country)
        if not starts:
            return None
        index = len(starts) - 1
        if on_date is not None:
            if on_date < starts[0]:
                return None
            index = sum(1 for s in starts if s <= on_date) - 1
        if index + 1 < len(starts):
            return f"{starts[index].year}-{starts[index + 1].year}"
        return f"{starts[index].year}-"

    def state_name(self, kind: str, country: str, on_date: date | None) -> str:
        """The ACLED state name: "Military Forces of the Philippines (2016-2022)", "Police Forces of Iraq (2018-2020)"."""
        label = STATE_KINDS[kind]
        place = f"the {country}" if country in self.with_article else country
        period = self.period_label(country, on_date)
        return f"{label} of {place} ({period})" if period else f"{label} of {place}"

    def state_force(self, kind: str, country: str, on_date: date | None, event_country: str | None = None) -> ActorRef:
        """The state force of `country`; inter 8 (external) when it acts in another country."""
        inter = 1 if event_country in (None, country) else 8
        return ActorRef(self.state_name(kind, country, on_date), inter, country, INTER_TYPES[inter])

    def entry_ref(self, entry: ActorEntry, on_date: date | None, event_country: str | None = None) -> ActorRef:
        name = entry.name
        if entry.country and ("{military}" in name or "{police}" in name):
            name = name.replace("{military}", self.state_name("military", entry.country, on_date))
            name = name.replace("{police}", self.state_name("police", entry.country, on_date))
        inter = entry.inter
        if inter == 1 and event_country and entry.country and event_country != entry.country:
            inter = 8
        return ActorRef(name, inter, entry.country, INTER_TYPES[inter] if inter != entry.inter else entry.actor_type)

    @staticmethod
    def entry_aliases(entry: ActorEntry) -> list[str]:
        """Every written form of an entry: its name, its aliases, its name without the period."""
        return [entry.name, *entry.aliases, *name_variants(entry.name)]

    def candidates(self, alias: str) -> list[ActorEntry]:
        return [self.entries[i] for i in self.alias_index.get(alias.lower(), [])]

    def choose(self, entries: list[ActorEntry], country: str | None, on_date: date | None) -> ActorEntry | None:
        """Of the entries one alias fits: the event country's first, then the active one, then the first."""
        if not entries:
            return None
        active = [e for e in entries if e.active_on(on_date)] or entries
        local = [e for e in active if country and e.country == country]
        return (local or active)[0]

    def resolve(self, alias: str, country: str | None = None, on_date: date | None = None) -> ActorRef | None:
        """An alias or ACLED name to the ACLED actor for this country and date (None if unknown)."""
        entry = self.choose(self.candidates(alias), country, on_date)
        if entry is None:
            return None
        ref = self.entry_ref(entry, on_date, country)
        ref.mention = alias
        return ref

    def canonical(self, name_or_alias: str, country: str | None = None, on_date: date | None = None) -> str:
        """The ACLED name for an alias ("ISIS" -> "Islamic State (Iraq)"); an unknown string comes back trimmed."""
        text = " ".join(name_or_alias.split())
        if text.lower() in self.name_index:
            return self.entries[self.name_index[text.lower()][0]].name
        ref = self.resolve(text, country, on_date)
        return ref.name if ref else text

    def country_of(self, word: str) -> str | None:
        """The country a demonym or country name names ("Iraqi" -> "Iraq"), or None."""
        return self.demonyms.get(word.lower())

    def generic_ref(
        self, cls: GenericClass, country: str | None, on_date: date | None, event_country: str | None
    ) -> ActorRef:
        if cls.state and country:
            if cls.state == "government" and cls.role == "associate":
                return ActorRef(self.state_name("government", country, on_date), None, country, "associate")
            ref = self.state_force(cls.state, country, on_date, event_country)
            if cls.unit:
                ref.name = f"{ref.name} {cls.unit}"
            return ref
        if cls.state:  # a state force of no known country: ACLED has no name for it
            return ActorRef(f"{STATE_KINDS[cls.state]} (Unknown)", cls.inter, None, cls.actor_type)
        pattern = cls.name or ""
        name = pattern.replace("{country}", country) if country else pattern.replace(" ({country})", "")
        if cls.role == "associate":
            return ActorRef(name, None, country, "associate")
        return ActorRef(name, cls.inter, country, cls.actor_type)

    # ---- text matching (see actor_mentions) ----------------------------------------------
    def match_mentions(self, span: Any, country: str | None, on_date: date | None) -> list[ActorRef]:
        from sitrep.extract.actor_mentions import match_mentions

        return match_mentions(self, span, country, on_date)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


def _shipped_data() -> list[dict[str, Any]]:
    folder = resources.files("sitrep") / "data"
    return [
        load_yaml((folder / name).read_text(encoding="utf-8")) or {}
        for name in ("state_forces.yaml", "actors.yaml", "actor_generic.yaml")
    ]


@functools.lru_cache(maxsize=8)
def _load_cached(user_files: tuple[tuple[str, float], ...]) -> ActorKB:
    kb = ActorKB()
    for data in _shipped_data():
        kb._add_file(None, data, user=False)
    for path_text, _mtime_key in user_files:
        path = Path(path_text)
        kb._add_file(path, read_yaml(path), user=True)
    add_countries(kb)
    kb._index()
    return kb
