"""`sitrep gazetteer import`: load a GeoNames dump into the gazetteer.

Reads the GeoNames "geoname" table format (allCountries.txt/.zip or a country file such as
IQ.zip/IQ.txt: 19 tab-separated columns) and, optionally, alternateNamesV2.txt/.zip (10 columns).
Adds villages, rivers, deserts and mountains (feature classes P, A, H, T, L, V) that the
packaged cities500 lacks. Idempotent: entries are keyed by geonameid, names by (name, geonameid).
A malformed line aborts the whole import (one transaction) with the file and line named.
GeoNames coordinates replace the built ones; an admin area keeps its seat, and a first-/second-level capital in the dump
(feature code PPLA/PPLA2/PPLC) becomes the area's seat.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitrep.geo.names import fold, is_usable_alias, loose, skeleton_rows
from sitrep.geo.schema import create_schema

KEEP_CLASSES = {"P", "A", "H", "T", "L", "V"}
_GEONAME_COLUMNS = 19
_ALTNAME_COLUMNS = (8, 10)
_SKIP_LANGUAGES = {"link", "post", "iata", "icao", "faac", "fr_1793", "unlc", "wkdt", "tcid", "phon", "piny"}
_BATCH = 20_000


class GeoNamesFormatError(ValueError):
    """A line that is not in the GeoNames format; str() names the file and line."""


def import_geonames(gazetteer_path: Path, files: list[Path]) -> dict[str, int]:
    """Import GeoNames dump files into the gazetteer at `gazetteer_path`; returns counts."""
    conn = sqlite3.connect(gazetteer_path)
    counts = {"places": 0, "names": 0, "alternate_names": 0, "seats": 0}
    try:
        create_schema(conn)
        with conn:  # one transaction: a bad line leaves the gazetteer as it was
            ordered = sorted(files, key=lambda f: "alternatename" in f.name.lower())  # places first
            for file in ordered:
                with _open_lines(file) as (label, lines):
                    if "alternatename" in file.name.lower():
                        counts["alternate_names"] += _import_alternate_names(conn, label, lines)
                    else:
                        places, names = _import_geonames(conn, label, lines, source=f"geonames:{file.name}")
                        counts["places"] += places
                        counts["names"] += names
            counts["seats"] = _update_seats(conn)
            _add_admin_names(conn)
    finally:
        conn.close()
    return counts


@contextmanager
def _open_lines(file: Path) -> Iterator[tuple[str, Iterator[str]]]:
    """Lines of a .txt file or of the data file inside a GeoNames .zip (not its readme)."""
    if not file.is_file():
        raise GeoNamesFormatError(f"{file}: no such file")
    if file.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(file)
        except zipfile.BadZipFile as exc:
            raise GeoNamesFormatError(f"{file}: not a zip archive ({exc})") from None
        with archive:
            members = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()
                       and "iso-languagecodes" not in n.lower()]
            if not members:
                raise GeoNamesFormatError(f"{file}: no GeoNames .txt file inside")
            with archive.open(members[0]) as raw:
                yield f"{file}!{members[0]}", io.TextIOWrapper(raw, encoding="utf-8")
        return
    with open(file, encoding="utf-8") as handle:
        yield str(file), handle


def _import_geonames(conn: sqlite3.Connection, label: str, lines, source: str) -> tuple[int, int]:
    places, names = [], []
    place_count = name_count = 0
    for line_no, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != _GEONAME_COLUMNS:
            raise GeoNamesFormatError(f"{label}: line {line_no}: expected {_GEONAME_COLUMNS} tab-separated columns "
                                      f"(GeoNames geoname format), found {len(cols)}")
        try:
            gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError:
            raise GeoNamesFormatError(f"{label}: line {line_no}: geonameid, latitude, longitude or population is not a number") from None
        if cols[6] not in KEEP_CLASSES:
            continue
        places.append((gid, cols[1], lat, lon, cols[6], cols[7], cols[8], cols[10], cols[11], population, None, source))
        preferred = {cols[1], cols[2]}
        for name in preferred:
            names.append((fold(name), loose(name) or fold(name), gid, 1, source))
        for alt in cols[3].split(","):
            if alt and alt not in preferred and is_usable_alias(alt):
                names.append((fold(alt), loose(alt) or fold(alt), gid, 0, source))
        if len(places) >= _BATCH:
            place_count += _write_places(conn, places)
            name_count += _write_names(conn, names)
            places, names = [], []
    place_count += _write_places(conn, places)
    name_count += _write_names(conn, names)
    return place_count, name_count


def _write_places(conn: sqlite3.Connection, rows: list[tuple]) -> int:
    # GeoNames' own point wins; an area's representative point for events is its seat, kept apart.
    conn.executemany(
        """INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
           ON CONFLICT(geonameid) DO UPDATE SET
             name = excluded.name, feature_class = excluded.feature_class,
             country_code = excluded.country_code, admin1_code = excluded.admin1_code,
             admin2_code = CASE WHEN excluded.admin2_code != '' THEN excluded.admin2_code ELSE places.admin2_code END,
             population = MAX(places.population, excluded.population),
             latitude = excluded.latitude, longitude = excluded.longitude,
             feature_code = CASE WHEN places.feature_code = 'PCLI' THEN 'PCLI' ELSE excluded.feature_code END,
             source = excluded.source""",
        rows,
    )
    return len(rows)


def _write_names(conn: sqlite3.Connection, rows: list[tuple]) -> int:
    rows = [r for r in rows if len(r[0]) >= 2]
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT OR IGNORE INTO skeletons VALUES (?, ?)", skeleton_rows((r[0], r[2]) for r in rows))
    return len(rows)


def _import_alternate_names(conn: sqlite3.Connection, label: str, lines) -> int:
    known = {row[0] for row in conn.execute("SELECT geonameid FROM places")}
    rows, count = [], 0
    for line_no, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) not in _ALTNAME_COLUMNS:
            raise GeoNamesFormatError(f"{label}: line {line_no}: expected 10 tab-separated columns "
                                      f"(GeoNames alternateNamesV2 format), found {len(cols)}")
        if not cols[1].isdigit():
            raise GeoNamesFormatError(f"{label}: line {line_no}: geonameid {cols[1]!r} is not a number")
        gid = int(cols[1])
        name = cols[3]
        if gid not in known or cols[2] in _SKIP_LANGUAGES or (len(cols) > 7 and cols[7] == "1") or not is_usable_alias(name):
            continue
        rows.append((fold(name), loose(name) or fold(name), gid, int(cols[4] == "1" and cols[2] in ("en", "")), "geonames:alternateNames"))
        if len(rows) >= _BATCH:
            count += _write_names(conn, rows)
            rows = []
    return count + _write_names(conn, rows)


def _update_seats(conn: sqlite3.Connection) -> int:
    """Capitals in the dump (PPLA for first-level areas, PPLA2 for second-level) become the areas' seats."""
    updated = 0
    for level, code in (("ADM1", "PPLA"), ("ADM2", "PPLA2")):
        join_admin2 = "AND c.admin2_code = a.admin2_code" if level == "ADM2" else ""
        rows = conn.execute(
            f"""SELECT a.geonameid, c.geonameid FROM places a
                JOIN places c ON c.country_code = a.country_code AND c.admin1_code = a.admin1_code {join_admin2}
                WHERE a.feature_code = ? AND c.feature_code IN (?, 'PPLC')
                  AND (a.seat_id IS NULL OR a.seat_id != c.geonameid)
                ORDER BY c.population""",
            (level, code),
        ).fetchall()
        for area, seat in rows:  # the most populous capital is written last and wins
            conn.execute("UPDATE places SET seat_id = ? WHERE geonameid = ?", (seat, area))
            updated += 1
    return updated


def _add_admin_names(conn: sqlite3.Connection) -> None:
    """Admin areas new to the gazetteer get an entry in `admins`, so places inside them can name them."""
    conn.execute(
        """INSERT OR IGNORE INTO admins (country_code, admin1_code, admin2_code, geonameid, name)
           SELECT country_code, admin1_code, CASE WHEN feature_code = 'ADM2' THEN admin2_code ELSE '' END, geonameid, name
           FROM places WHERE feature_code IN ('ADM1', 'ADM2') AND admin1_code != ''"""
    )
