"""ACLED's country conventions for events whose report names no actor (data/actor_conventions.yaml).

Applied to an event after role coding (event_fields.code_actors), only where the coder left an
actor unnamed or generic:
- front lines: a ceasefire violation "near" a settlement of a frozen front (Donbas 2014-2022) is
  coded to the side facing the one that holds the settlement; an exchange of fire there is an
  armed clash of that side (actor1) against the holder (actor2); a settlement the gazetteer lacks, or
  has only far from the front, places the event in the settlement's region (`front_line_region`);
- gang context (Latin America and the Caribbean, the desks that name gangs): an unnamed armed side in a report
  about the drug trade, or on the mainland an unnamed killer whose killing bears the marks of organised crime, is
  "Unidentified Gang (X)", and an attack on a victim the report tells as a drug trafficker or gang member is an
  armed clash with that gang;
- unnamed perpetrators: a country's sign of a kind of killing ("drive-by" in Brazil) names ACLED's
  actor for it ("Unidentified Gang and/or Police Militia");
- drug seizures: in the regions whose desks code them so, an arrest by state forces told with drugs seized or a
  drug lab dismantled is the gang's property destroyed ("Looting/property destruction").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from sitrep.datafiles import acled_regions, load_yaml
from sitrep.extract.actor_data import as_date
from sitrep.geo.names import fold, loose
from sitrep.records import Event

_GENERIC_PREFIXES = ("Unidentified Armed Group", "Unidentified Gang", "Military Forces (Unknown)", "Police Forces (Unknown)")
_MAX_WORDS = 3  # longest settlement name, in words


@dataclass
class FrontLine:
    country: str
    until: date | None
    regions: set[str]  # place keys of the front's regions: a mention of one alone says nothing of the side
    holders: dict[str, dict[str, str]]  # side -> {"state": kind} or {"actor": ACLED name}
    markers: list[str] = field(default_factory=list)  # lower-case words that place a report on the front
    sides: dict[str, str] = field(default_factory=dict)  # place key -> side holding it
    settlement_regions: dict[str, str] = field(default_factory=dict)  # place key -> its region, as written


@dataclass
class UnnamedPerpetrator:
    country: str
    signs: list[str]
    replaces: set[str]
    name: str
    inter: int


_STATE_INTER = 1  # ACLED's inter code of state forces


@dataclass
class StateFight:
    country: str
    state_first: bool  # the state force is actor1 whoever the report says fired first
    unnamed: set[str]  # the names of an unnamed armed side ...
    name: str  # ... and what the country's desk codes it
    inter: int


@functools.lru_cache(maxsize=1)
def state_fights() -> list[StateFight]:
    return [
        StateFight(str(r["country"]), bool(r.get("state_first")), set(r.get("unnamed") or []), str(r["name"]), int(r["inter"]))
        for r in _data().get("state_fights", []) or []
    ]


def place_key(name: str) -> str:
    """A settlement-name key absorbing Ukrainian/Russian transliteration variants
    ("Khutir Vilny"/"Khutir Vilnyi", "Zolote 5"/"Zolote-5")."""
    key = loose(name).replace("gh", "h").replace("y", "i")
    key = re.sub(r"i+", "i", key).replace("iv", "ov")  # Ukrainian i for Russian o: "Holubivske"/"Holubovske"
    # Endings are where the Russian and Ukrainian forms differ: "Kashtanovoye"/"Kashtanove", "Kalinovo"/"Kalynove".
    stem = re.sub(r"[aeiou]+$", "", key)
    return stem if len(stem) >= 4 else key


@dataclass
class GangContext:
    signs: list[str]
    replaces: str  # generic name pattern, without its "(Country)"
    name: str
    countries: frozenset[str] | None = None  # ISO3 codes of the regions whose desks name gangs so (None: any)
    killing_mark_countries: frozenset[str] | None = None  # ... and of those that read a killing's marks alone so


@functools.lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = (resources.files("sitrep") / "data" / "actor_conventions.yaml").read_text(encoding="utf-8")
    return load_yaml(text) or {}


@functools.lru_cache(maxsize=1)
def gang_context() -> GangContext | None:
    raw = _data().get("gang_context")
    if not raw:
        return None
    regions, mark_regions = raw.get("regions"), raw.get("killing_mark_regions")
    return GangContext([str(s).lower() for s in raw["signs"]], str(raw["replaces"]), str(raw["name"]),
                       None if regions is None else _countries_of(regions),
                       None if mark_regions is None else _countries_of(mark_regions))


def _countries_of(regions: list[str]) -> frozenset[str]:
    """The ISO3 codes of the countries in these ACLED regions (the scope of a desk's convention)."""
    return frozenset(code for code, region in acled_regions().items() if region in regions)


@functools.lru_cache(maxsize=1)
def conventions() -> tuple[list[FrontLine], list[UnnamedPerpetrator]]:
    data = _data()
    fronts = []
    for raw in data.get("front_lines", []) or []:
        front = FrontLine(
            country=str(raw["country"]),
            until=as_date(raw["until"], "front line") if raw.get("until") else None,
            regions={place_key(r) for r in raw.get("regions", [])},
            holders={str(k): dict(v) for k, v in raw["holders"].items()},
            markers=[str(m).lower() for m in raw.get("markers", []) or []],
        )
        for side, places in raw["places"].items():
            by_region = places.items() if isinstance(places, dict) else [(None, places)]
            for region, names in by_region:
                for place in names:
                    front.sides.setdefault(place_key(str(place)), str(side))
                    if region:
                        front.settlement_regions.setdefault(place_key(str(place)), str(region))
        fronts.append(front)
    unnamed = [
        UnnamedPerpetrator(str(r["country"]), [str(s).lower() for s in r["signs"]], set(r["replaces"]), str(r["name"]), int(r["inter"]))
        for r in data.get("unnamed_perpetrators", []) or []
    ]
    return fronts, unnamed


def _generic(name: str | None) -> bool:
    return not name or name.startswith(_GENERIC_PREFIXES)


def _names_in(text: str, front: FrontLine) -> list[str]:
    """Keys of the front's settlements written in the text, in text order (1-3 word names)."""
    words = fold(text).split()
    found = []
    i = 0
    while i < len(words):
        for size in range(_MAX_WORDS, 0, -1):
            key = place_key(" ".join(words[i : i + size]))
            if key in front.sides or key in front.regions:
                found.append(key)
                i += size - 1
                break
        i += 1
    return found


def holder_of(front: FrontLine, location: str | None, text: str) -> str | None:
    """The side holding the event's place: its located settlement, else the first settlement the report names."""
    if location and place_key(location) in front.sides and place_key(location) not in front.regions:
        return front.sides[place_key(location)]
    for key in _names_in(text, front):
        if key in front.sides and key not in front.regions:
            return front.sides[key]
    return None


def _front_of(event: Event, text: str) -> FrontLine | None:
    fronts, _ = conventions()
    for front in fronts:
        if front.until and event.event_date and event.event_date >= front.until:
            continue
        if event.country == front.country:
            return front
        if event.country is None and (
            any(m in text.lower() for m in front.markers) or any(k in front.regions for k in _names_in(text, front))
        ):
            return front  # a place too small for the gazetteer, in a report from the front
    return None


def _holder_actor(front: FrontLine, side: str, kb: Any, on_date: date | None) -> tuple[str, int]:
    holder = front.holders[side]
    if "state" in holder:
        ref = kb.state_force(holder["state"], front.country, on_date, front.country)
        return ref.name, ref.inter
    ref = kb.resolve(holder["actor"], front.country, on_date)
    return (ref.name, ref.inter) if ref else (holder["actor"], 2)


def apply_front_line(event: Event, text: str, kb: Any) -> bool:
    """Code an unattributed shelling or exchange of fire on a front line; True when it did."""
    if event.sub_event_type not in ("Armed clash", "Shelling/artillery/missile attack"):
        return False
    front = _front_of(event, text)
    if front is None:
        return False
    side = holder_of(front, event.location, text)
    if side is None:
        return False
    other = next((s for s in front.holders if s != side), None)
    if other is None:
        return False
    attacker, attacker_inter = _holder_actor(front, other, kb, event.event_date)
    holder, holder_inter = _holder_actor(front, side, kb, event.event_date)
    clash = event.sub_event_type == "Armed clash"
    if not _generic(event.actor1) and (not clash or not _generic(event.actor2)):
        return False  # the report names the sides
    if _generic(event.actor1):
        event.actor1, event.inter1, event.assoc_actor_1 = attacker, attacker_inter, None
    if clash and _generic(event.actor2):
        first_is_holder = event.actor1 == holder
        event.actor2, event.inter2 = (attacker, attacker_inter) if first_is_holder else (holder, holder_inter)
        event.assoc_actor_2 = None
    return True


_FRONT_EVENT_TYPES = {"Battles", "Explosions/Remote violence"}


def front_areas_elsewhere(event: Event, text: str) -> tuple[str, set[str]] | None:
    """(country, the front's region keys) when a report from the front puts its event at a place outside
    the front ("near Viktorivka" at the Viktorivka of Odesa oblast, "near Komsomolets" at one in Russia):
    the place is then more likely a namesake inside. None when the event lies on the front, when the
    report itself names the event's region, or when it is no report from a front."""
    fronts, _ = conventions()
    lowered = text.lower()
    for front in fronts:
        if front.until and event.event_date and event.event_date >= front.until:
            continue
        marked = any(m in lowered for m in front.markers)
        if not marked and (event.country != front.country or event.event_type not in _FRONT_EVENT_TYPES):
            continue  # a protest in Poltava oblast is no front report; shelling in Ukraine before 2022 is
        if not event.admin1 or place_key(event.admin1) in front.regions or fold(event.admin1) in fold(text):
            return None
        return front.country, front.regions
    return None


def front_line_region(event: Event, text: str) -> tuple[str, str] | None:
    """(country, region) of the front-line settlement an event is at, when the event is not placed there: a
    village the gazetteer lacks ("near Lozove", OSCE SMM) or has only as a namesake far from the front (Lozove
    in Crimea). None when the event already lies in that region, or names no settlement of the front."""
    front = _front_of(event, text)
    if front is None:
        return None
    own = place_key(event.location) if event.location else None
    if own is not None and own not in front.settlement_regions:
        return None  # placed at a town of its own that is no front settlement
    key = own or next((k for k in _names_in(text, front) if k in front.settlement_regions), None)
    region = front.settlement_regions.get(key or "")
    if region is None or (event.admin1 and place_key(event.admin1) == place_key(region)):
        return None
    if own is not None and event.admin1 and place_key(event.admin1) in front.regions:
        return None  # a town of its own on the front already: "near Luhanske" (Donetsk oblast) is not Luhansk
    if event.admin1 and fold(event.admin1) in fold(text):
        return None  # the report itself puts the place elsewhere ("Lozove in Crimea")
    return front.country, region


def apply_unnamed_perpetrator(event: Event, text: str) -> bool:
    """Rename an unnamed perpetrator by the country's sign of a kind of killing; True when it did."""
    _, rules = conventions()
    lowered = text.lower()
    for rule in rules:
        if event.country != rule.country or event.actor1 not in rule.replaces:
            continue
        if any(sign in lowered for sign in rule.signs):
            event.actor1, event.inter1 = rule.name, rule.inter
            return True
    return False


def apply_gang_context(event: Event, text: str, kb: Any = None, report: str | None = None) -> bool:
    """An unnamed armed side in a drug-trade report, or an unnamed killer whose killing bears the marks of
    organised crime (`gang_signs` of actor_generic.yaml: a drive-by, tied hands; read in the whole `report` when
    given), is a gang where the desk codes it so: "Unidentified Armed Group (Brazil)" -> "Unidentified Gang
    (Brazil)"; True when it renamed one."""
    rule = gang_context()
    if rule is None or (rule.countries is not None and event.iso3 not in rule.countries):
        return False
    marks = (kb is not None and event.event_type == "Violence against civilians"
             and (rule.killing_mark_countries is None or event.iso3 in rule.killing_mark_countries))
    lowered = text.lower()
    if not any(sign in lowered for sign in rule.signs):
        if not marks:
            return False
        whole = (report or text).lower()  # lowered once, not once per sign
        if not any(sign in whole for sign in getattr(kb, "gang_signs", ())):
            return False
    changed = False
    for slot in ("actor1", "actor2"):
        name = getattr(event, slot)
        if name and (name == rule.replaces or name.startswith(rule.replaces + " (")):
            setattr(event, slot, rule.name + name[len(rule.replaces):])
            changed = True
    return changed


# The victim told as a gang member or drug trafficker: "The victim had charges against him for drug trafficking",
# "he was a known drug dealer", "the victim had been convicted of drug trafficking".
_GANG_VICTIM = re.compile(
    r"\b(?:victims?|he|she|they|both)\b[^.]{0,40}?\b(?:had|has|have)\b[^.]{0,40}?\b(?:charges?|records?|convicted|"
    r"arrest warrants?)\b[^.]{0,60}?\bdrugs?\b"
    r"|\b(?:victims?|he|she)\b[^.]{0,30}?\b(?:was|were)\b(?: an?| a known| allegedly an?)? (?:drug traffickers?|drug dealers?|"
    r"gang members?|members? of (?:a |the )?(?:gang|cartel|drug faction))\b",
    re.IGNORECASE,
)


def apply_gang_victim(event: Event, text: str) -> bool:
    """Violence against a gang member is a fight between armed groups to ACLED: an attack on "civilians" whose
    victim the report tells as a drug trafficker or gang member is an armed clash with "Unidentified Gang (X)"."""
    if event.sub_event_type != "Attack" or not (event.actor2 or "").startswith("Civilians") or not _GANG_VICTIM.search(text):
        return False
    event.event_type, event.sub_event_type = "Battles", "Armed clash"
    event.actor2 = "Unidentified Gang" + event.actor2[len("Civilians"):]
    event.assoc_actor_2, event.inter2 = None, 3
    return True


def apply_state_fight(event: Event) -> bool:
    """A country's way of coding a fight with its state forces (`state_fights`): the unnamed side renamed and the
    state force put first; True when it changed the event."""
    if event.event_type != "Battles":
        return False
    rule = next((r for r in state_fights() if r.country == event.country), None)
    if rule is None or _STATE_INTER not in (event.inter1, event.inter2) or event.inter1 == event.inter2:
        return False
    changed = False
    for slot in ("actor1", "actor2"):
        if getattr(event, slot) in rule.unnamed:
            setattr(event, slot, rule.name)
            setattr(event, "inter" + slot[-1], rule.inter)
            changed = True
    if rule.state_first and event.inter2 == _STATE_INTER:
        event.actor1, event.actor2 = event.actor2, event.actor1
        event.assoc_actor_1, event.assoc_actor_2 = event.assoc_actor_2, event.assoc_actor_1
        event.inter1, event.inter2 = event.inter2, event.inter1
        changed = True
    return changed


# Drugs or contraband seized, found or destroyed, or a drug lab dismantled: "seized 3 tons of marijuana hidden in a
# truck", "discovered nearly 4000 kilograms of marihuana", "dismantled a crack lab", "seized 685,000 packs of
# smuggled cigarettes".
_DRUGS = r"(?:marijuana|marihuana|cannabis|cocaine|crack|heroin|methamphetamine|drugs|narcotics|opium|coca paste|smuggled cigarettes|contraband)"
_DRUG_SEIZURE = re.compile(
    rf"\b(?:seiz|confiscat|discover|destroy|burn|incinerat|dismantl|found)\w*\b(?:(?!\.\s)[^;]){{0,60}}?\b{_DRUGS}\b"
    rf"|\b(?:seiz|confiscat|discover|destroy|dismantl)\w*\b(?:(?!\.\s)[^;]){{0,40}}?\b(?:drug|cocaine|crack|marijuana|meth\w*) "
    r"(?:processing )?(?:lab|labs|laboratory|laboratories)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1)
def _drug_seizure_countries() -> tuple[frozenset[str], str, int] | None:
    raw = _data().get("drug_seizures")
    if not raw:
        return None
    return _countries_of(raw["regions"]), str(raw["name"]), int(raw["inter"])


def apply_drug_seizure(event: Event, text: str) -> bool:
    """An arrest by state forces told with drugs seized or a drug lab dismantled, where the desk codes it so
    (`drug_seizures`), is the gang's property destroyed; True when it recoded the event."""
    rule = _drug_seizure_countries()
    if rule is None or event.sub_event_type != "Arrests" or event.inter1 != _STATE_INTER or event.iso3 not in rule[0]:
        return False
    if not _DRUG_SEIZURE.search(text):
        return False
    event.sub_event_type = "Looting/property destruction"
    event.actor2, event.assoc_actor_2, event.inter2 = f"{rule[1]} ({event.country})", None, rule[2]
    return True


def apply_conventions(event: Event, text: str, kb: Any, report: str | None = None) -> None:
    """The country conventions for an event already coded by roles (`text`: the sentences that tell it; `report`:
    the whole text, where the marks of a killing are read)."""
    if not apply_front_line(event, text, kb):
        apply_gang_victim(event, text)
        apply_state_fight(event)
        apply_gang_context(event, text, kb, report)
        apply_unnamed_perpetrator(event, text)
