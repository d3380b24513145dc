"""End to end: the date/fatality measuring script run as a program on an ACLED-style CSV."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "bench_dates_fatalities.py"
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "dates" / "acled_sample.csv"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def test_bench_reports_shares_on_a_sample(tmp_path):
    result = run(str(SAMPLE), "--errors", "5")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "rows: 5" in out
    assert "fatalities exact match: 1.000 (5/5)" in out
    # The last row's gold date disagrees with its note (9 vs 10 March): one date miss, printed.
    assert "event_date exact match: 0.800 (4/5)" in out
    assert "DATE  gold 2021-03-10 got 2021-03-09" in out


def test_bench_missing_file_is_a_one_line_error(tmp_path):
    missing = tmp_path / "nope.csv"
    result = run(str(missing))
    assert result.returncode == 2
    assert result.stderr.strip() == f"{missing}: no such file"


def test_bench_wrong_csv_is_a_one_line_error(tmp_path):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("id,text\n1,hello\n", encoding="utf-8")
    result = run(str(wrong))
    assert result.returncode == 2
    assert "missing column(s) event_date, fatalities, notes" in result.stderr


def test_bench_throughput_mode_times_pipeline_and_rules():
    article = Path(__file__).resolve().parent / "fixtures" / "dates" / "baidoa_attack.txt"
    result = run("--throughput", str(article), "--copies", "2")
    assert result.returncode == 0, result.stderr
    assert "sitrep_news_sentences" in result.stdout and "sitrep_dateline" in result.stdout
    assert "nlp.pipe with rule components:" in result.stdout
    assert "date + fatality rules:" in result.stdout
