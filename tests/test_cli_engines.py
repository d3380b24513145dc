"""`sitrep ingest --engine dask` on a real LocalCluster stores exactly what the local engine stores."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES


def stored(run_cli, db):
    events = [json.loads(line) for line in run_cli("events", "--db", str(db), "--format", "jsonl", "--include-background", "--include-generic").stdout.splitlines()]
    return sorted((e["event_id"], e["sub_event_type"], e["fatalities"], len(e["sources"])) for e in events)


@pytest.mark.slow
def test_dask_local_cluster_and_process_pool_store_the_same_events(run_cli, tmp_path):
    local_db, dask_db = tmp_path / "local.db", tmp_path / "dask.db"
    local = run_cli("ingest", str(EXAMPLES), "--db", str(local_db), "--workers", "2")
    assert local.returncode == 0, local.stderr
    dask = run_cli("ingest", str(EXAMPLES), "--db", str(dask_db), "--engine", "dask", "--workers", "2")
    assert dask.returncode == 0, dask.stderr
    assert stored(run_cli, dask_db) == stored(run_cli, local_db) != []
    # Exactly once: a second Dask run stores nothing new.
    again = run_cli("ingest", str(EXAMPLES), "--db", str(dask_db), "--engine", "dask", "--workers", "2")
    assert again.returncode == 0 and " 0 new" in again.stderr


def test_engine_options_are_checked(run_cli):
    assert "unknown engine" in run_cli("ingest", str(EXAMPLES), "--engine", "spark").stderr
    bad = run_cli("ingest", str(EXAMPLES), "--scheduler", "tcp://127.0.0.1:1")
    assert bad.returncode == 2 and "--scheduler needs --engine dask" in bad.stderr
