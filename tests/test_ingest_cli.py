"""End to end through the real `sitrep` command: bad inputs are reported one line each, the good ones go on."""

from __future__ import annotations

import shutil

import pytest

from conftest import EXAMPLES, FIXTURES

pytestmark = pytest.mark.slow  # each test starts the real command, which loads the spaCy model

INGEST = FIXTURES / "ingest"


def _skipped_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("sitrep: skipped ")]


def test_extract_on_a_mixed_folder_reports_each_bad_file_and_exits_1(run_cli, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in ("seed_layout.txt", "page.html", "feed_rss.xml", "french.txt", "empty.txt", "broken_feed.xml", "no_text_column.csv"):
        shutil.copyfile(INGEST / name, batch / name)
    (batch / "scan.pdf").write_bytes(b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj\n")
    (batch / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: not read, not reported
    result = run_cli("extract", str(batch))
    assert result.returncode == 1, result.stderr
    assert _skipped_lines(result.stderr) == [
        f"sitrep: skipped {batch / 'broken_feed.xml'}: not a readable RSS/Atom feed: no element found (line 8)",
        f"sitrep: skipped {batch / 'empty.txt'}: empty: no article text",
        f"sitrep: skipped {batch / 'french.txt'}: language 'fr' is not supported (English only)",
        f'sitrep: skipped {batch / "no_text_column.csv"}: CSV has no "text" column (columns: id, headline, body)',
        f"sitrep: skipped {batch / 'scan.pdf'}: binary file (a PDF file), not text",
    ]
    assert "Traceback" not in result.stderr


def test_extract_names_archive_lines_and_missing_files(run_cli, tmp_path):
    result = run_cli("extract", str(INGEST / "archive.jsonl"), str(tmp_path / "missing.txt"), str(INGEST / "plain.txt"))
    assert result.returncode == 1
    skipped = _skipped_lines(result.stderr)
    assert len(skipped) == 7
    assert skipped[0].startswith(f"sitrep: skipped {INGEST / 'archive.jsonl'}:4: invalid JSON")
    assert skipped[-1] == f"sitrep: skipped {tmp_path / 'missing.txt'}: no such file or directory"


def test_extract_reads_stdin_and_jsonl_input(run_cli):
    french = (INGEST / "french.txt").read_text(encoding="utf-8")
    result = run_cli("extract", "-", input=french)
    assert result.returncode == 1
    assert _skipped_lines(result.stderr) == ["sitrep: skipped <stdin>: language 'fr' is not supported (English only)"]

    lines = '{"text": "Gunmen attacked a bus near Gao on Monday, killing six passengers, officials said."}\n{"title": "no text"}\n'
    result = run_cli("extract", "--jsonl-input", input=lines)
    assert result.returncode == 1
    assert _skipped_lines(result.stderr) == ['sitrep: skipped <stdin>:2: no "text" field']


def test_extract_on_the_sample_articles_skips_nothing(run_cli):
    result = run_cli("extract", str(EXAMPLES), "--published", "2020-01-01")
    assert result.returncode == 0, result.stderr
    assert _skipped_lines(result.stderr) == []
