"""The data directory's pickle cache for lookups built from code and data (`sitrep.datafiles.cached_pickle`)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sitrep.datafiles import cached_pickle


@pytest.fixture()
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_DATA_DIR", str(tmp_path))
    return tmp_path


def test_a_value_is_built_once_then_read_back(data_dir):
    calls = []

    def build():
        calls.append(1)
        return {"Shida Kartli": "Inner Kartli"}

    assert cached_pickle("names", [b"v1"], build, dict) == {"Shida Kartli": "Inner Kartli"}
    assert cached_pickle("names", [b"v1"], build, dict) == {"Shida Kartli": "Inner Kartli"}
    assert len(calls) == 1 and len(list(data_dir.glob("names-*.pickle"))) == 1
    # Another version of the sources is another file, built afresh.
    assert cached_pickle("names", [b"v2"], lambda: {"changed": True}, dict) == {"changed": True}
    assert len(list(data_dir.glob("names-*.pickle"))) == 2


def test_a_broken_or_foreign_file_is_rebuilt_and_replaced(data_dir):
    cached_pickle("names", [b"v1"], lambda: {"a": 1}, dict)
    [path] = data_dir.glob("names-*.pickle")
    path.write_bytes(b"\x80\x05not a pickle")
    assert cached_pickle("names", [b"v1"], lambda: {"a": 2}, dict) == {"a": 2}
    assert cached_pickle("names", [b"v1"], lambda: {"a": 3}, dict) == {"a": 2}  # the rebuilt file was written
    # A file holding something of another type is not trusted either.
    path.write_bytes(__import__("pickle").dumps(["a list"]))
    assert cached_pickle("names", [b"v1"], lambda: {"a": 4}, dict) == {"a": 4}


def test_an_unwritable_data_directory_only_costs_the_build(tmp_path, monkeypatch):
    # A data directory under a regular file cannot be created, whoever runs the test.
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv("SITREP_DATA_DIR", str(blocker / "sitrep"))
    assert cached_pickle("names", [b"v1"], lambda: {"a": 1}, dict) == {"a": 1}
    assert cached_pickle("names", [b"v1"], lambda: {"a": 2}, dict) == {"a": 2}  # nothing was kept


def test_the_admin1_names_are_cached_for_the_next_process(data_dir):
    code = "from sitrep.geo.admin_names import display_admin1; print(display_admin1('GE', 'Shida Kartli'))"
    env = {**os.environ, "SITREP_DATA_DIR": str(data_dir)}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "Inner Kartli" and len(list(data_dir.glob("admin1-names-*.pickle"))) == 1
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert second.stdout.strip() == "Inner Kartli"
