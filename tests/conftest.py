"""Shared fixtures: the spaCy-backed extractor is loaded once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def extractor(tmp_path_factory):
    from sitrep.pipeline import Extractor
    from sitrep.settings import Settings

    return Extractor(Settings(data_dir=tmp_path_factory.getbasetemp() / "sitrep-data"))


@pytest.fixture
def run_cli(tmp_path):
    """Run the real `sitrep` console script in a subprocess; returns CompletedProcess."""

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None, cwd: Path | None = None):
        full_env = {**os.environ, "SITREP_DB": str(tmp_path / "sitrep.db"), **(env or {})}
        exe = Path(sys.executable).with_name("sitrep")
        return subprocess.run(
            [str(exe), *args], input=input, capture_output=True, text=True, env=full_env, cwd=cwd or tmp_path, timeout=600
        )

    return run


@pytest.fixture
def extract_note(run_cli, tmp_path):
    """`sitrep extract` run on one note written to a file; returns the event rows it prints."""

    def run(text: str, published: str) -> list[dict]:
        import json

        note = tmp_path / "note.txt"
        note.write_text(text, encoding="utf-8")
        result = run_cli("extract", str(note), "--published", published)
        assert result.returncode == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]

    return run


@pytest.fixture(scope="session", autouse=True)
def _shared_test_gazetteer():
    """The gazetteer takes ~20 s to build: tests share one, cached under .cache/ and rebuilt only when
    the builder changes (SITREP_GAZETTEER reaches the session extractor and the CLI subprocesses)."""
    from sitrep.geo.build import cached_gazetteer

    os.environ["SITREP_GAZETTEER"] = str(cached_gazetteer(ROOT / ".cache" / "test-gazetteer"))
