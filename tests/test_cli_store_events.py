"""`sitrep events`, `export` and `articles` through the real console script, over a store filled with records."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from store_helpers import make_result, pg_url  # noqa: F401  (fixture)

from sitrep.store import Store

RESULTS = [
    ("KIRKUK, Iraq - A roadside bomb killed two soldiers in Kirkuk.", {}),
    ("MOSUL, Iraq - Islamic State fighters clashed with the army west of Mosul.", dict(
        event_date=date(2019, 7, 20), event_type="Battles", sub_event_type="Armed clash", actor1="Islamic State (Iraq)",
        inter1=2, admin1="Ninewa", location="Mosul", latitude=36.34, longitude=43.13, fatalities=5)),
    ("ALEPPO, Syria - Shelling hit Aleppo in 2016, residents recalled.", dict(
        event_date=date(2016, 12, 1), country="Syria", iso3="SYR", admin1="Aleppo", location="Aleppo",
        latitude=36.2, longitude=37.16, fatalities=9, background=True)),
]


def fill(url: str) -> None:
    with Store.open(url) as store:
        for text, fields in RESULTS:
            store.save_result(make_result(text, events=[fields]))


@pytest.fixture
def db(tmp_path) -> str:
    path = tmp_path / "sitrep.db"  # the run_cli fixture's SITREP_DB
    fill(f"sqlite:///{path}")
    return str(path)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_events_jsonl_with_filters(run_cli, db):
    result = run_cli("events", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = jsonl(result.stdout)
    assert [e["location"] for e in events] == ["Mosul", "Kirkuk"]  # newest first, background left out
    assert events[0]["sources"][0]["article_id"] == events[0]["doc_id"] and events[0]["evidence"]
    cases = {
        ("--type", "Battles"): ["Mosul"],
        ("--since", "2019-07-16"): ["Mosul"],
        ("--until", "2019-07-16"): ["Kirkuk"],
        ("--country", "Syria", "--include-background"): ["Aleppo"],
        ("--admin1", "Kirkuk"): ["Kirkuk"],
        ("--sub-type", "Armed clash"): ["Mosul"],
        ("--actor", "islamic state"): ["Mosul"],
        ("--text", "WEST OF MOSUL"): ["Mosul"],
        ("--bbox", "43,34,45,36"): ["Kirkuk"],
        ("--limit", "1", "--offset", "1"): ["Kirkuk"],
        ("--db", db, "--include-background", "--include-generic"): ["Mosul", "Kirkuk", "Aleppo"],
    }
    for args, expected in cases.items():
        found = run_cli("events", "--format", "jsonl", *args)
        assert found.returncode == 0, found.stderr
        assert [e["location"] for e in jsonl(found.stdout)] == expected, args


def test_events_table_csv_and_geojson(run_cli, db):
    table = run_cli("events")
    assert table.returncode == 0 and "Battles / Armed clash" in table.stdout and "Kirkuk" in table.stdout
    rows = list(csv.DictReader(io.StringIO(run_cli("events", "--format", "acled-csv").stdout)))
    assert [r["location"] for r in rows] == ["Mosul", "Kirkuk"]
    assert rows[0]["interaction"] == "12" and rows[1]["fatalities"] == "2" and rows[1]["iso3"] == "IRQ"
    assert list(rows[0])[:5] == ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type"]
    assert rows[1]["iso"] == "368" and rows[1]["region"] == "Middle East"
    assert rows[0]["disorder_type"] == "Political violence"
    geo = json.loads(run_cli("events", "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection"
    assert [f["geometry"]["coordinates"] for f in geo["features"]] == [[43.13, 36.34], [44.3922, 35.4681]]


def test_export_writes_each_format_atomically(run_cli, db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for fmt, name in (("jsonl", "e.jsonl"), ("acled-csv", "e.csv"), ("geojson", "e.geojson")):
        result = run_cli("export", "--format", fmt, "--output", str(out / name), "--include-background")
        assert result.returncode == 0, result.stderr
        assert "wrote 3 events" in result.stderr
    assert len(jsonl((out / "e.jsonl").read_text())) == 3
    assert len(list(csv.DictReader((out / "e.csv").open()))) == 3
    assert len(json.loads((out / "e.geojson").read_text())["features"]) == 3
    filtered = run_cli("export", "--format", "jsonl", "-o", str(out / "iraq.jsonl"), "--country", "IRQ", "--type", "Battles")
    assert filtered.returncode == 0 and [e["location"] for e in jsonl((out / "iraq.jsonl").read_text())] == ["Mosul"]
    assert sorted(p.name for p in out.iterdir()) == ["e.csv", "e.geojson", "e.jsonl", "iraq.jsonl"]  # no temp files left


def test_a_failed_export_leaves_the_old_file_alone(run_cli, db, tmp_path):
    target = tmp_path / "keep.csv"
    target.write_text("previous export\n")
    for args in (["--db", "foo://nowhere"], ["--since", "yesterday"], ["--format", "xml"], ["--bbox", "1,2,3"]):
        result = run_cli("export", "--format", "acled-csv", "--output", str(target), *args)
        assert result.returncode == 2 and result.stderr.startswith("sitrep: error:"), args
        assert target.read_text() == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".keep")) == []
    missing = run_cli("export", "--format", "jsonl", "--output", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_articles_table_and_jsonl(run_cli, db):
    listed = jsonl(run_cli("articles", "--format", "jsonl").stdout)
    assert len(listed) == 3 and {a["events"] for a in listed} == {1}
    assert all("text" not in a and a["outlet"] == "Test Wire" for a in listed)
    assert len(jsonl(run_cli("articles", "--format", "jsonl", "--limit", "2").stdout)) == 2
    table = run_cli("articles")
    assert table.returncode == 0 and "Test Wire" in table.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["events", "--since", "2019-02-30"], "--since"),
        (["events", "--until", "soon"], "--until"),
        (["events", "--format", "xml"], "--format"),
        (["events", "--bbox", "200,0,210,10"], "--bbox"),
        (["articles", "--format", "csv"], "--format"),
        (["events", "--db", "postgresql://nobody@127.0.0.1:1/none"], "cannot open the database"),
    ],
)
def test_bad_options_one_line_exit_2(run_cli, db, args, message):
    result = run_cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_a_newer_database_is_refused_and_left_alone(run_cli, db):
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    result = run_cli("events")
    assert result.returncode == 2 and "newer Sitrep" in result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0999",)
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (3,)


@pytest.mark.postgres
def test_events_from_postgresql(run_cli, pg_url):
    fill(pg_url)
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    result = run_cli("events", "--db", plain, "--format", "jsonl", "--include-background")
    assert result.returncode == 0, result.stderr
    assert [e["location"] for e in jsonl(result.stdout)] == ["Mosul", "Kirkuk", "Aleppo"]
