"""The embedded gazetteer: a local SQLite file built on first use from packaged GeoNames data.

`Gazetteer.open(settings)` opens `settings.gazetteer_path`, building it first when it is missing
or was made by an older builder (about 20 s, once). Lookups are by folded name with a fallback
to the loose transliteration key (see `sitrep.geo.names`), and return `Candidate`s carrying a
ready `Place` (ACLED country spelling, admin1/admin2 names, the representative point of an area).
A natural feature or macro-region (`sitrep.geo.features`) comes as one candidate per country it
touches, each with the feature's importance prior as its population.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from sitrep.geo.names import SKELETON_MIN_CONSONANTS, consonant_skeleton, expansions, fold, loose
from sitrep.geo.schema import BUILDER_VERSION
from sitrep.records import Place
from sitrep.settings import Settings

_PLACE_COLUMNS = (
    "p.geonameid, p.name, p.latitude, p.longitude, p.feature_class, p.feature_code, "
    "p.country_code, p.admin1_code, p.admin2_code, p.population, p.seat_id"
)


# Words that tell apart a place from its namesake next to it ("New Badah", "Setharja Old", "Bagh Kalan", "Nueva Italia"),
# and kinds of settlement GeoNames keeps in a name that news leaves out ("Ciudad Benito Juarez", "Gasr Garabulli").
_QUALIFIERS = ("new", "old", "upper", "lower", "greater", "little", "nuevo", "nueva", "novo", "nova", "kalan", "khurd",
               "bala", "payin", "ciudad", "qasr", "gasr", "qaryat", "poselok")


# GeoNames feature classes of natural features and regions: water (H), relief (T), areas and regions (L).
FEATURE_CLASSES = frozenset({"H", "T", "L"})


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    place: Place
    population: int
    exact: bool  # matched the folded name (not only the loose transliteration key)
    preferred: bool  # matched the entry's own name rather than an alternate

    @cached_property  # (asked many times per candidate while scoring; cached_property writes past the freeze)
    def is_country(self) -> bool:
        return self.place.feature_code == "PCLI"

    @cached_property
    def admin_level(self) -> int | None:
        """1 or 2 for admin areas, 0 for countries, None for other features."""
        code = self.place.feature_code or ""
        if code == "PCLI":
            return 0
        if code.startswith("ADM") and code[3:4].isdigit():
            return int(code[3])
        return None


class GazetteerMissing(RuntimeError):
    pass


class Gazetteer:
    """Read access to the gazetteer file; cheap to open (under a second), safe to share in one process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.countries: dict[str, tuple[str, str | None, int | None, int | None]] = {
            cc: (acled, iso3, gid, capital)
            for cc, acled, iso3, gid, capital in self.conn.execute(
                "SELECT country_code, acled_name, iso3, geonameid, capital_id FROM countries"
            )
        }
        self.admin_names: dict[tuple[str, str, str], str] = {
            (cc, a1, a2): name for cc, a1, a2, name in self.conn.execute("SELECT country_code, admin1_code, admin2_code, name FROM admins")
        }
        self.demonyms: dict[str, str] = dict(self.conn.execute("SELECT key, country_code FROM demonyms"))
        self.capital_ids: set[int] = {info[3] for info in self.countries.values() if info[3]}
        self.neighbours: dict[str, set[str]] = {}
        try:
            for cc, neighbour in self.conn.execute("SELECT country_code, neighbour FROM borders"):
                self.neighbours.setdefault(cc, set()).add(neighbour)
        except sqlite3.OperationalError:  # a file from before borders were kept
            pass
        self.feature_priors: dict[int, int] = {}
        self.feature_countries: dict[int, list[tuple[str, str]]] = {}
        try:
            self.feature_priors = dict(self.conn.execute("SELECT geonameid, prior FROM feature_priors"))
            for gid, cc, a1 in self.conn.execute(
                "SELECT geonameid, country_code, admin1_code FROM feature_countries ORDER BY geonameid, position"
            ):
                self.feature_countries.setdefault(gid, []).append((cc, a1))
        except sqlite3.OperationalError:  # a file from before natural features were kept
            pass
        self._feature_spellings: dict[str, tuple[str, ...]] | None = None
        self.lookup = lru_cache(maxsize=50_000)(self._lookup)

    @classmethod
    def open(cls, settings: Settings, *, build: bool = True) -> "Gazetteer":
        """Open the gazetteer at settings.gazetteer_path, building it first if missing or outdated."""
        path = settings.gazetteer_path
        if not _is_current(path):
            if not build:
                raise GazetteerMissing(f"{path}: no gazetteer here; run `sitrep gazetteer build`")
            from sitrep.geo.build import build_gazetteer

            build_gazetteer(path)
        return cls(path)

    # --- lookups -------------------------------------------------------------------------------

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        key = fold(name)
        if len(key) < 2:
            return ()
        loose_key = loose(name) or key
        if len(loose_key) < 4:  # short names: variants are too often other words ("L.A." vs "La.")
            loose_key = "\x00"
        select = f"SELECT {_PLACE_COLUMNS}, n.preferred, n.key = ? FROM names n JOIN places p ON p.geonameid = n.geonameid"
        rows = self.conn.execute(
            f"{select} WHERE n.key = ? UNION ALL {select} WHERE n.loose = ? AND n.key != ?",
            (key, key, key, loose_key, key),
        ).fetchall()
        best: dict[tuple[int, str | None], Candidate] = {}
        for row in rows:
            for place in self._readings(row[:11]):
                population = max(int(row[9] or 0), self.feature_priors.get(place.geonameid, 0))
                candidate = Candidate(place, population, bool(row[12]), bool(row[11]))
                key = (place.geonameid, place.country_code)
                current = best.get(key)
                if current is None or (candidate.exact, candidate.preferred) > (current.exact, current.preferred):
                    best[key] = candidate
        # most populous first (callers may take the top few); a feature's countries stay in the file's order
        return tuple(sorted(best.values(), key=lambda c: -c.population))

    def _readings(self, row: tuple) -> list[Place]:
        """The place of a row; a natural feature once per country it touches (with that country's admin1)."""
        variants = self.feature_countries.get(row[0])
        if not variants or len(variants) < 2:
            return [self._place(row)]
        return [self._place((*row[:6], cc, a1, "", *row[9:])) for cc, a1 in variants]

    def candidates(self, name: str, *, exact_only: bool = False) -> list[Candidate]:
        """Entries the name may refer to (exact spellings first when there are any)."""
        found = self.lookup(name)
        if not any(c.exact for c in found):
            for spelled_out in expansions(name):  # "Loudon Co." -> "Loudon County"
                longer = self.lookup(spelled_out)
                if any(c.exact for c in longer):
                    found = longer
        if not any(c.exact for c in found):
            natural = _without_feature_word(name)  # "Euphrates River" -> the river "Euphrates"
            if natural:
                features = [c for c in self.lookup(natural) if c.exact and c.place.feature_class in FEATURE_CLASSES]
                found = features or found
        found = self._imported_over_curated(name, found)
        if exact_only or any(c.exact for c in found):
            exact = [c for c in found if c.exact]
            if exact and all(c.admin_level in (1, 2) and (not c.preferred or c.place.latitude is None) for c in exact):
                # "Hodeidah" is an alias of the governorate and a spelling of its town: keep the town in the running;
                # so with a district GeoNames gives no point ("Bossaso" district, Bosaso the town)
                areas = {(c.place.country_code, c.place.admin1) for c in exact}
                exact += [c for c in found if not c.exact and c.admin_level is None
                          and (c.place.country_code, c.place.admin1) in areas]
            if exact or exact_only:
                return exact
        return list(found)

    def _imported_over_curated(self, name: str, found) -> list[Candidate]:
        """A GeoNames entry for a feature (imported from a dump, "Euphrates" with its GeoNames id, or a packaged
        continent) replaces the curated entry of the same class that the name also finds, and takes over
        its importance prior: the real GeoNames id is worth more to users than Sitrep's stand-in."""
        curated = [c for c in found if c.place.geonameid in self.feature_priors]
        if not curated:
            return list(found)
        natural = _without_feature_word(name)
        pool = list(found) + ([c for c in self.lookup(natural) if c.exact] if natural else [])
        imported = [c for c in pool if c.exact and c.place.feature_class in FEATURE_CLASSES
                    and c.place.geonameid not in self.feature_priors]
        classes = {c.place.feature_class for c in imported}
        if not classes:
            return list(found)
        prior = max(c.population for c in curated if c.place.feature_class in classes) if any(
            c.place.feature_class in classes for c in curated) else 0
        kept = [c for c in found if not (c.place.geonameid in self.feature_priors and c.place.feature_class in classes)]
        seen = {c.place.geonameid for c in kept}
        for c in imported:
            if c.place.geonameid not in seen and prior:
                kept.append(Candidate(c.place, max(c.population, prior), True, c.preferred))
                seen.add(c.place.geonameid)
        return sorted(kept, key=lambda c: -c.population)

    def feature_spellings(self) -> dict[str, tuple[str, ...]]:
        """The written names of the natural features this gazetteer holds, by the letters that start them
        ("gulf" -> "Gulf of Aden", "Gulf of Oman", ...; longest first), for finding them in text."""
        if self._feature_spellings is None:
            by_first: dict[str, set[str]] = {}
            if self.feature_priors:
                from sitrep.geo.features import load_features

                for feature in load_features():
                    if feature.geonameid in self.feature_priors:
                        for spelling in feature.names():
                            if not spelling.lower().startswith("the ") and spelling[:1].isupper():
                                by_first.setdefault(first_letters(spelling), set()).add(spelling)
            self._feature_spellings = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}
        return self._feature_spellings

    def place(self, geonameid: int) -> Place | None:
        row = self.conn.execute(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.geonameid = ?", (geonameid,)).fetchone()
        return self._place(row) if row else None

    def variants_in_area(self, name: str, area: Place) -> list[Candidate]:
        """Places inside a first- or second-level area whose name (or an alternate) has the same consonants as
        `name` (`names.consonant_skeleton`): "Budgam district, J&K" is Badgam. The area keeps the loose key safe."""
        skeleton = consonant_skeleton(name)
        if len(skeleton) < SKELETON_MIN_CONSONANTS:
            return []
        return self._places_in_area(
            area, "FROM skeletons s JOIN places p ON p.geonameid = s.geonameid WHERE s.skeleton = ? "
            "AND p.feature_class IN ('P', 'A') AND p.geonameid != ?", (skeleton, area.geonameid))

    def qualified_in_area(self, name: str, area: Place) -> list[Candidate]:
        """Places inside a first- or second-level area named like `name` with a qualifier before or after it
        ("New Badah", "Setharja Old", "Chak Kalan"): the text's "Badah town (Larkana, Sindh)" when the area
        holds no plain Badah. The area keeps the looser match safe."""
        key = fold(name)
        if len(key) < 4:
            return []
        keys = [f"{q} {key}" for q in _QUALIFIERS] + [f"{key} {q}" for q in _QUALIFIERS]
        return self._places_in_area(
            area, f"FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.key IN ({', '.join('?' * len(keys))}) "
            "AND p.feature_class = 'P'", tuple(keys))

    def _places_in_area(self, area: Place, query: str, args: tuple) -> list[Candidate]:
        """The located places a `FROM ... WHERE ...` query finds inside a first- or second-level area."""
        if area.feature_code not in ("ADM1", "ADM2"):
            return []
        codes = self.conn.execute("SELECT country_code, admin1_code, admin2_code FROM places WHERE geonameid = ?",
                                  (area.geonameid,)).fetchone()
        if codes is None:
            return []
        cc, a1, a2 = codes
        same_area = "p.country_code = ? AND p.admin1_code = ?" + (" AND p.admin2_code = ?" if area.feature_code == "ADM2" else "")
        rows = self.conn.execute(
            f"SELECT DISTINCT {_PLACE_COLUMNS} {query} AND {same_area} AND p.latitude IS NOT NULL",
            (*args, cc, a1, *((a2,) if area.feature_code == "ADM2" else ())),
        ).fetchall()
        return [Candidate(place, place.population or 0, False, False) for place in map(self._place, rows)]

    def seat(self, area: Place) -> Place | None:
        """The admin area's representative town (its seat), as ACLED codes a region."""
        row = self.conn.execute("SELECT seat_id FROM places WHERE geonameid = ?", (area.geonameid,)).fetchone()
        return self.place(row[0]) if row and row[0] else None

    def country_place(self, country_code: str) -> Place | None:
        """The country as a place (feature code PCLI), located at its capital."""
        info = self.countries.get(country_code)
        return self.place(info[2]) if info and info[2] else None

    def country_of_demonym(self, word: str) -> str | None:
        """"Iraqi" -> "IQ", "Syrians" -> "SY"."""
        key = fold(word)
        return self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)

    def country_candidate(self, country_code: str) -> Candidate | None:
        """The country as a (non-exact) candidate, for a demonym written where a place is expected."""
        place = self.country_place(country_code)
        return Candidate(place, place.population or 0, False, False) if place else None

    def admin_name(self, country_code: str | None, admin1: str | None, admin2: str | None = "") -> str | None:
        if not country_code or not admin1:
            return None
        return self.admin_names.get((country_code, admin1, admin2 or ""))

    def info(self) -> dict:
        """What is loaded: counts by source and feature class, path, build metadata."""
        meta = dict(self.conn.execute("SELECT key, value FROM meta"))
        by_source = dict(self.conn.execute("SELECT source, COUNT(*) FROM places GROUP BY source ORDER BY 2 DESC"))
        by_class = dict(self.conn.execute("SELECT COALESCE(feature_class, '?'), COUNT(*) FROM places GROUP BY 1 ORDER BY 2 DESC"))
        names = self.conn.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return {"path": str(self.path), "size_bytes": self.path.stat().st_size, **meta,
                "places_by_source": by_source, "places_by_feature_class": by_class, "names": names}

    # --- rows to records ---------------------------------------------------------------------

    def _place(self, row: tuple) -> Place:
        gid, name, lat, lon, fclass, fcode, cc, a1, a2, population, _seat = row
        acled, iso3, _gid, _capital = self.countries.get(cc, (None, None, None, None))
        is_country = fcode == "PCLI"
        return Place(
            name=acled if is_country and acled else name,
            latitude=lat,
            longitude=lon,
            country=acled,
            country_code=cc,
            iso3=iso3,
            admin1=None if is_country else self.admin_name(cc, a1),
            admin2=self.admin_name(cc, a1, a2) if a2 else None,
            geonameid=gid,
            feature_class=fclass,
            feature_code=fcode,
            population=population,
        )


_FEATURE_WORDS = re.compile(r"^(?:lake|mount|mt|river|wadi|jebel|jabal)\s+(.{3,})$|^(.{3,}?)\s+(?:river|lake|mountains?|desert|valley|"
                            r"plains?|hills?|sea|gulf|bay|wadi|basin|plateau|region)$", re.I)




def first_letters(value: str) -> str:
    """The run of letters a name starts with, lower-cased: "Rub' al Khali" -> "rub", "Issyk-Kul" -> "issyk"."""
    match = re.match(r"[^\W\d_]+", value)
    return match.group(0).lower() if match else ""


def _without_feature_word(name: str) -> str | None:
    match = _FEATURE_WORDS.match(name.strip())
    return (match.group(1) or match.group(2)) if match else None


def _is_current(path: Path) -> bool:
    """Built by this builder version, from the natural-features file as it is now."""
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('builder_version', 'natural_features_digest')"))
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    if meta.get("builder_version") != BUILDER_VERSION:
        return False
    from sitrep.geo.features import file_digest

    return meta.get("natural_features_digest") == file_digest()
