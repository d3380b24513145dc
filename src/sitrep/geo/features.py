"""Natural features and macro-regions for the gazetteer: seas, straits, lakes, rivers, deserts, ranges,
islands, peninsulas, valleys, "the Sahel", "the Horn of Africa" (`data/natural_features.yaml`).

GeoNames' cities and admin areas name none of these, yet conflict news names them constantly ("Houthi
attacks in the Red Sea", "Lake Chad", "the Euphrates"). Each entry becomes one gazetteer place (source
"natural_features") with its GeoNames feature class and code (H.SEA, T.MTS, L.RGN, ...), its usual
centre point and no population: an event placed on one is a large area (geo_precision 3), and its
admin1 is empty unless the entry names the one first-level area it lies in.

Two more facts are kept for resolution, in tables of their own:
- an importance prior by kind (an ocean or a macro-region like a city of millions, a valley like a
  town of 300,000), which `Gazetteer` gives as the candidate's population, so the Pacific Ocean wins
  over the village of Pacific, Missouri, on the existing population prior;
- the countries the feature lies in or borders: the gazetteer offers one reading per country
  ("Red Sea" in Yemen, in Egypt, ...), so the article's country focus picks the right one and an event
  on the Red Sea in a story about Yemen is coded to Yemen (with that country's admin1 when given).

Ids are stable (a hash of the name in a range GeoNames does not use), so stored events keep theirs
across rebuilds.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from sitrep.datafiles import load_yaml

# kind -> (GeoNames feature class, feature code, default importance prior)
KINDS: dict[str, tuple[str, str, int]] = {
    "ocean": ("H", "OCN", 100_000_000),
    "sea": ("H", "SEA", 3_000_000),
    "gulf": ("H", "GULF", 2_000_000),
    "bay": ("H", "BAY", 1_000_000),
    "strait": ("H", "STRT", 1_000_000),
    "channel": ("H", "CHN", 1_000_000),
    "canal": ("H", "CNL", 1_000_000),
    "lake": ("H", "LK", 500_000),
    "lakes": ("H", "LKS", 3_000_000),
    "river": ("H", "STM", 1_000_000),
    "shoal": ("H", "SHOL", 100_000),
    "glacier": ("H", "GLCR", 100_000),
    "desert": ("T", "DSRT", 1_000_000),
    "mountains": ("T", "MTS", 1_000_000),
    "mountain": ("T", "MT", 300_000),
    "plateau": ("T", "PLAT", 500_000),
    "plain": ("T", "PLN", 500_000),
    "island": ("T", "ISL", 500_000),
    "islands": ("T", "ISLS", 500_000),
    "peninsula": ("T", "PEN", 1_000_000),
    "valley": ("T", "VAL", 300_000),
    "delta": ("T", "DLTA", 300_000),
    "region": ("L", "RGN", 3_000_000),
    "continent": ("L", "CONT", 100_000_000),
}
SOURCE = "natural_features"
# GeoNames ids stay below 20 million; these sit far above them and below 2**31 (32-bit id columns).
ID_BASE = 1_900_000_000
ID_SPAN = 100_000_000

_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")  # "Java (island)": the bracket only tells entries apart in the file
_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


class FeatureFileError(ValueError):
    """The features file has an entry that cannot be used (unknown kind, bad coordinates, ...)."""


@dataclass(frozen=True)
class NaturalFeature:
    name: str  # as written in the file, possibly with a "(qualifier)"
    kind: str
    latitude: float
    longitude: float
    countries: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    admin1: dict[str, str] = field(default_factory=dict)  # country code -> first-level area name
    prior: int = 0

    @property
    def display_name(self) -> str:
        return _QUALIFIER.sub("", self.name)

    @property
    def feature_class(self) -> str:
        return KINDS[self.kind][0]

    @property
    def feature_code(self) -> str:
        return KINDS[self.kind][1]

    @property
    def geonameid(self) -> int:
        return ID_BASE + zlib.crc32(self.name.encode("utf-8")) % ID_SPAN

    def names(self) -> list[str]:
        """Every spelling to index: the name, the aliases, and each with and without a leading "the"."""
        found: dict[str, None] = {}
        for value in (self.display_name, *self.aliases):
            value = value.strip()
            bare = re.sub(r"^the\s+", "", value, flags=re.I)
            for spelling in (bare, f"the {bare}"):
                found.setdefault(spelling, None)
        return list(found)


def default_path() -> Path:
    return Path(str(resources.files("sitrep").joinpath("data", "natural_features.yaml")))


def file_digest(path: Path | None = None) -> str:
    """A short hash of the features file: kept in the gazetteer's meta so that editing the file rebuilds it."""
    import hashlib

    return hashlib.sha256((path or default_path()).read_bytes()).hexdigest()[:16]


def load_features(path: Path | None = None) -> list[NaturalFeature]:
    """The entries of the features file, checked (raises FeatureFileError naming the bad entry)."""
    path = path or default_path()
    data = load_yaml(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise FeatureFileError(f"{path}: expected a list of entries")
    features, seen = [], {}
    for number, entry in enumerate(data, start=1):
        feature = _feature(entry, f"{path.name}: entry {number}")
        if feature.geonameid in seen:
            raise FeatureFileError(f"{path.name}: entry {number} ({feature.name}): same id as {seen[feature.geonameid]}")
        seen[feature.geonameid] = feature.name
        features.append(feature)
    return features


def _feature(entry: object, where: str) -> NaturalFeature:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise FeatureFileError(f"{where}: an entry needs at least a name")
    where = f"{where} ({entry['name']})"
    kind = entry.get("kind")
    if kind not in KINDS:
        raise FeatureFileError(f"{where}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    try:
        lat, lon = float(entry["lat"]), float(entry["lon"])
    except (KeyError, TypeError, ValueError):
        raise FeatureFileError(f"{where}: lat and lon must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise FeatureFileError(f"{where}: ({lat}, {lon}) is not a point on Earth")
    countries = tuple(entry.get("countries") or ())
    bad = [c for c in countries if not isinstance(c, str) or not _COUNTRY_CODE.match(c)]
    if bad:
        raise FeatureFileError(f"{where}: not ISO 3166-1 alpha-2 codes: {bad}")
    admin1 = dict(entry.get("admin1") or {})
    if any(code not in countries for code in admin1):
        raise FeatureFileError(f"{where}: admin1 given for a country not in its countries")
    aliases = tuple(str(a) for a in entry.get("aliases") or ())
    prior = int(entry.get("prior") or KINDS[kind][2])
    return NaturalFeature(str(entry["name"]), kind, lat, lon, countries, aliases, admin1, prior)


# Kept beside `places` (see the module docstring); `sitrep.geo.schema` holds the tables every gazetteer has.
TABLES = """
CREATE TABLE IF NOT EXISTS feature_priors (
    geonameid INTEGER PRIMARY KEY,
    prior INTEGER NOT NULL          -- importance, used as the candidate's population
);
CREATE TABLE IF NOT EXISTS feature_countries (
    geonameid INTEGER NOT NULL,
    country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,      -- 0 for the country the feature is most associated with
    PRIMARY KEY (geonameid, country_code)
);
"""
