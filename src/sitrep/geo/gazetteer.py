"""The embedded gazetteer: a local SQLite file built on first use from packaged GeoNames data.

`Gazetteer.open(settings)` opens `settings.gazetteer_path`, building it first when it is missing
or was made by an older builder (about 20 s, once). Lookups are by folded name with a fallback
to the loose transliteration key (see `sitrep.geo.names`), and return `Candidate`s carrying a
ready `Place` (ACLED country spelling, admin1/admin2 names, the representative point of an area).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.geo.names import expansions, fold, loose
from sitrep.geo.schema import BUILDER_VERSION
from sitrep.records import Place
from sitrep.settings import Settings

_PLACE_COLUMNS = (
    "p.geonameid, p.name, p.latitude, p.longitude, p.feature_class, p.feature_code, "
    "p.country_code, p.admin1_code, p.admin2_code, p.population, p.seat_id"
)


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    place: Place
    population: int
    exact: bool  # matched the folded name (not only the loose transliteration key)
    preferred: bool  # matched the entry's own name rather than an alternate

    @property
    def is_country(self) -> bool:
        return self.place.feature_code == "PCLI"

    @property
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
        best: dict[int, Candidate] = {}
        rows.sort(key=lambda r: -(r[9] or 0))  # most populous first: callers may take the top few
        for row in rows:
            candidate = Candidate(self._place(row[:11]), int(row[9] or 0), bool(row[12]), bool(row[11]))
            current = best.get(candidate.place.geonameid)
            if current is None or (candidate.exact, candidate.preferred) > (current.exact, current.preferred):
                best[candidate.place.geonameid] = candidate
        return tuple(best.values())

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
                features = [c for c in self.lookup(natural) if c.exact and c.place.feature_class in {"H", "T", "L"}]
                found = features or found
        if exact_only or any(c.exact for c in found):
            exact = [c for c in found if c.exact]
            if exact or exact_only:
                return exact
        return list(found)

    def place(self, geonameid: int) -> Place | None:
        row = self.conn.execute(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.geonameid = ?", (geonameid,)).fetchone()
        return self._place(row) if row else None

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


def _without_feature_word(name: str) -> str | None:
    match = _FEATURE_WORDS.match(name.strip())
    return (match.group(1) or match.group(2)) if match else None


def _is_current(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'builder_version'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == BUILDER_VERSION
