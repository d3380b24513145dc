"""`sitrep serve` end to end: the real console script in a subprocess, answering on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from fixtures.serve.fixture_store import VISIBLE_EVENTS, build_store
from fixtures.serve.live_server import free_port

SITREP = str(Path(sys.executable).with_name("sitrep"))


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"sitrep serve exited with {process.returncode}: {process.stderr.read()}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"sitrep serve did not answer on {url}")


@pytest.fixture
def served(tmp_path):
    db = tmp_path / "events.db"
    build_store(f"sqlite:///{db}").close()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("SITREP_TOKEN", "SITREP_REQUIRE_TOKEN_FOR_READS")}
    process = subprocess.Popen(
        [SITREP, "serve", "--db", str(db), "--port", str(port), "--log-level", "warning"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/api/config", process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_serve_answers_reads_and_refuses_writes_without_a_token(served):
    events = httpx.get(f"{served}/api/events").json()
    assert events["total"] == VISIBLE_EVENTS
    assert httpx.get(f"{served}/").status_code == 200
    assert httpx.get(f"{served}/docs").status_code == 200
    response = httpx.post(f"{served}/api/articles", json={"text": "Gunmen attacked a checkpoint."})
    assert response.status_code == 403


def test_token_for_reads_without_a_token_fails_in_one_line(run_cli):
    result = run_cli("serve", "--require-token-for-reads", env={"SITREP_TOKEN": ""})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("sitrep: error:") and "SITREP_TOKEN" in result.stderr


def test_unusable_database_fails_in_one_line(run_cli, tmp_path):
    result = run_cli("serve", "--db", str(tmp_path / "missing-folder" / "x.db"))
    assert result.returncode == 2
    assert "missing-folder" in result.stderr and "Traceback" not in result.stderr


def test_busy_port_fails_with_a_message(run_cli):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = run_cli("serve", "--port", str(port))
    assert result.returncode != 0
    assert str(port) in result.stderr and "Traceback" not in result.stderr
