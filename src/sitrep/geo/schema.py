"""The gazetteer's SQLite schema, shared by the builder and the GeoNames importer.

`places` holds every entry (GeoNames ids; admin areas and countries carry the coordinates of
their representative point, their seat or capital). `names` is the alias table: one row per
(folded name, place), with the loose key indexed for transliteration variants.
"""

from __future__ import annotations

import sqlite3

# Bump when the builder's output changes: an older file is rebuilt on open.
BUILDER_VERSION = "16"

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    feature_class TEXT,
    feature_code TEXT,
    country_code TEXT,
    admin1_code TEXT,
    admin2_code TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    seat_id INTEGER,            -- admin areas and countries: the place whose point represents them
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,          -- names.fold()
    loose TEXT NOT NULL,        -- names.loose()
    geonameid INTEGER NOT NULL,
    preferred INTEGER NOT NULL DEFAULT 0,  -- 1: the entry's own (or English) name, 0: an alternate
    source TEXT NOT NULL,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_loose ON names(loose);
CREATE INDEX IF NOT EXISTS names_geonameid ON names(geonameid);
CREATE TABLE IF NOT EXISTS skeletons (
    skeleton TEXT NOT NULL,     -- names.consonant_skeleton() of a name, 4+ consonants (looked up inside an area only)
    geonameid INTEGER NOT NULL,
    PRIMARY KEY (skeleton, geonameid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admins (
    country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL,
    admin2_code TEXT NOT NULL DEFAULT '',
    geonameid INTEGER,
    name TEXT NOT NULL,         -- the short English name, e.g. "Anbar" for "Al Anbār"
    PRIMARY KEY (country_code, admin1_code, admin2_code)
);
CREATE TABLE IF NOT EXISTS countries (
    country_code TEXT PRIMARY KEY,
    iso3 TEXT,
    name TEXT NOT NULL,
    acled_name TEXT NOT NULL,
    geonameid INTEGER,
    capital_id INTEGER,
    population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS demonyms (
    key TEXT PRIMARY KEY,       -- folded, e.g. "iraqi"
    country_code TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS borders (
    country_code TEXT NOT NULL,
    neighbour TEXT NOT NULL,    -- a country sharing a land border (countryinfo)
    PRIMARY KEY (country_code, neighbour)
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)
