"""`sitrep gazetteer import|info|build` on a copy of the test gazetteer, through the real CLI."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "geo"


@pytest.fixture
def gazetteer_copy(tmp_path) -> dict[str, str]:
    """A private copy of the session gazetteer, since import writes to it."""
    copy = tmp_path / "gazetteer.sqlite"
    shutil.copy(os.environ["SITREP_GAZETTEER"], copy)
    return {"SITREP_GAZETTEER": str(copy)}


def _info(run_cli, env) -> dict:
    result = run_cli("gazetteer", "info", "--json", env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_import_adds_villages_rivers_deserts_and_is_idempotent(run_cli, gazetteer_copy):
    before = _info(run_cli, gazetteer_copy)
    files = [str(FIXTURES / "geonames-sample.txt"), str(FIXTURES / "alternateNames-sample.txt")]
    first = run_cli("gazetteer", "import", *files, env=gazetteer_copy)
    assert first.returncode == 0, first.stderr
    assert "imported 6 places" in first.stdout  # the hotel (class S) is skipped
    after = _info(run_cli, gazetteer_copy)
    assert after["places_by_source"]["geonames:geonames-sample.txt"] == 6
    assert after["places_by_feature_class"].get("H", 0) == before["places_by_feature_class"].get("H", 0) + 1
    assert after["places_by_feature_class"].get("T", 0) == before["places_by_feature_class"].get("T", 0) + 1

    again = run_cli("gazetteer", "import", *files, env=gazetteer_copy)
    assert again.returncode == 0, again.stderr
    assert _info(run_cli, gazetteer_copy) | {"size_bytes": 0} == after | {"size_bytes": 0}


def test_imported_places_are_resolved_in_context(run_cli, gazetteer_copy):
    assert run_cli("gazetteer", "import", str(FIXTURES / "geonames-sample.txt"), env=gazetteer_copy).returncode == 0
    text = "Fighting continued in Baghouz, on the Euphrates, as the last fighters hid in the Syrian Desert."
    result = run_cli("geoparse", "-", input=text, env=gazetteer_copy)
    assert result.returncode == 0, result.stderr
    rows = {row["text"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert rows["Baghouz"]["geonameid"] == 99000001 and rows["Baghouz"]["country_code"] == "SY"
    assert rows["Euphrates"]["feature_class"] == "H"
    assert rows["Syrian Desert"]["feature_code"] == "DSRT"


def test_imported_names_are_found_under_another_vowel_spelling_in_their_area(run_cli, gazetteer_copy):
    assert run_cli("gazetteer", "import", str(FIXTURES / "geonames-sample.txt"), env=gazetteer_copy).returncode == 0
    result = run_cli("geoparse", "-", input="Clashes erupted in Bighooz, Deir ez-Zor, on Sunday.", env=gazetteer_copy)
    assert result.returncode == 0, result.stderr
    rows = {row["text"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert rows["Bighooz"]["geonameid"] == 99000001


def test_import_makes_the_dump_capital_the_seat(run_cli, gazetteer_copy):
    import sqlite3

    assert run_cli("gazetteer", "import", str(FIXTURES / "geonames-sample.txt"), env=gazetteer_copy).returncode == 0
    conn = sqlite3.connect(gazetteer_copy["SITREP_GAZETTEER"])
    seat, lat = conn.execute("SELECT seat_id, latitude FROM places WHERE geonameid = 99592").fetchone()
    assert seat == 98717  # Ramadi (PPLA) represents Anbar
    assert lat == pytest.approx(32.8)  # GeoNames' own point for the area


def test_malformed_file_is_a_one_line_error_and_changes_nothing(run_cli, gazetteer_copy):
    before = _info(run_cli, gazetteer_copy)
    bad = FIXTURES / "geonames-malformed.txt"
    result = run_cli("gazetteer", "import", str(bad), env=gazetteer_copy)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and "line 2" in lines[0]
    assert _info(run_cli, gazetteer_copy) == before  # the good first line was rolled back too


def test_missing_file_is_a_one_line_error(run_cli, gazetteer_copy, tmp_path):
    result = run_cli("gazetteer", "import", str(tmp_path / "IQ.zip"), env=gazetteer_copy)
    assert result.returncode != 0 and "IQ.zip" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_zip_dump_is_read(run_cli, gazetteer_copy, tmp_path):
    import zipfile

    archive = tmp_path / "IQ.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(FIXTURES / "geonames-sample.txt", "IQ.txt")
        zf.writestr("readme.txt", "not data\n")
    result = run_cli("gazetteer", "import", str(archive), env=gazetteer_copy)
    assert result.returncode == 0, result.stderr
    assert "imported 6 places" in result.stdout


def test_info_text_and_build_when_current(run_cli, gazetteer_copy):
    info = run_cli("gazetteer", "info", env=gazetteer_copy)
    assert info.returncode == 0 and "places by feature class" in info.stdout and "path:" in info.stdout
    build = run_cli("gazetteer", "build", env=gazetteer_copy)
    assert build.returncode == 0 and "already built" in build.stdout


def test_info_without_gazetteer_says_how_to_build(run_cli, tmp_path):
    result = run_cli("gazetteer", "info", env={"SITREP_GAZETTEER": str(tmp_path / "none.sqlite")})
    assert result.returncode != 0 and "sitrep gazetteer build" in result.stderr


def test_feature_word_variants_find_imported_features(run_cli, gazetteer_copy):
    assert run_cli("gazetteer", "import", str(FIXTURES / "geonames-sample.txt"), env=gazetteer_copy).returncode == 0
    text = "Militants crossed the Euphrates River near Baghouz."
    result = run_cli("geoparse", "-", input=text, env=gazetteer_copy)
    rows = {row["text"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert rows["Euphrates River"]["geonameid"] == 99000002
