"""`sitrep report` end to end: the real console script over a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixtures.report import report_store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture
def db(tmp_path) -> Path:
    """The store run_cli points SITREP_DB at, filled with the report fixture articles."""
    path = tmp_path / "sitrep.db"
    report_store.build(f"sqlite:///{path}")
    return path


def _error_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_default_report_is_markdown_for_the_last_week_with_events(run_cli, db):
    result = run_cli("report")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Situation report: all countries, 2024-03-04 to 2024-03-10\n")
    assert "5 events (+150% on the previous period's 2) and 17 reported fatalities (+240% on the previous period's 5)" in out
    assert "| 1 | South | Testland | 3 | 2 | new | Gamma, Delta |" in out
    assert "| Unidentified Armed Group (Testland) | 3 Political militias | 2 | 2 | 0 | 0 | 14 |" in out
    assert "sources disagree, reporting 12 to 15" in out
    assert "<script>" not in out


def test_html_report_to_a_file_is_escaped_and_rewritten_identically(run_cli, db, tmp_path):
    target = tmp_path / "week.html"
    first = run_cli("report", "--format", "html", "--output", str(target))
    assert first.returncode == 0, first.stderr
    assert first.stdout == ""
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    assert "We pushed them back &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert run_cli("report", "--format", "html", "--output", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == html
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".week")) == []  # no temp files left


def test_json_report_with_region_filter(run_cli, db):
    result = run_cli("report", "--format", "json", "--since", "2024-03-04", "--until", "2024-03-10", "--admin1", "North",
                     "--country", "Testland")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["scope"] == {"country": ["Testland"], "admin1": ["North"]}
    assert (data["totals"]["events"], data["totals"]["fatalities"]) == (2, 15)
    assert (data["totals"]["previous_events"], data["totals"]["previous_fatalities"]) == (2, 5)
    assert [n["event_id"] for n in data["notable_events"]] == ["EV-MARKET", "EV-BETA"]


def test_empty_period_is_a_report_saying_so(run_cli, db):
    result = run_cli("report", "--since", "2023-06-01", "--until", "2023-06-07")
    assert result.returncode == 0, result.stderr
    assert "## No events" in result.stdout
    assert "No events were recorded for all countries in this period" in result.stdout
    html = run_cli("report", "--since", "2023-06-01", "--until", "2023-06-07", "--format", "html")
    assert html.returncode == 0 and "No events were recorded" in html.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--since", "2024-13-01"), "--since: '2024-13-01' is not a date in YYYY-MM-DD form"),
        (("--until", "yesterday"), "--until: 'yesterday' is not a date in YYYY-MM-DD form"),
        (("--since", "2024-03-10", "--until", "2024-03-01"), "--since 2024-03-10 is after --until 2024-03-01"),
        (("--format", "pdf"), "--format: unknown format 'pdf'; choose md, html or json"),
        (("--output", "no/such/folder/r.md"), "--output: no/such/folder/r.md: folder no/such/folder does not exist"),
    ],
)
def test_bad_options_are_one_line_errors(run_cli, db, args, message):
    result = run_cli("report", *args)
    assert result.returncode == 2
    assert _error_line(result) == f"sitrep: error: {message}"
    assert result.stdout == ""


def test_missing_or_broken_database_is_a_one_line_error(run_cli, tmp_path):
    missing = run_cli("report", "--db", str(tmp_path / "nope.db"))
    assert missing.returncode == 2
    assert "nope.db: no such database" in _error_line(missing)
    assert not (tmp_path / "nope.db").exists()  # a report never creates a database
    broken = tmp_path / "broken.db"
    broken.write_text("this is not a database\n" * 100)
    result = run_cli("report", "--db", str(broken))
    assert result.returncode == 2
    assert str(broken) in _error_line(result)
    assert broken.read_text() == "this is not a database\n" * 100
    unreachable = run_cli("report", "--db", "postgresql://nobody@127.0.0.1:9/none")
    assert unreachable.returncode == 2
    _error_line(unreachable)


@pytest.mark.slow
def test_report_over_ingested_articles_matches_the_stored_events(run_cli):
    ingest = run_cli("ingest", str(EXAMPLES / "2021-09-14-nigeria-maiduguri-roadside-bomb.txt"))
    assert ingest.returncode == 0, ingest.stderr
    events = [json.loads(line) for line in run_cli("events", "--format", "jsonl").stdout.splitlines() if line.strip()]
    assert events
    report = run_cli("report", "--since", "2000-01-01", "--format", "json")
    assert report.returncode == 0, report.stderr
    data = json.loads(report.stdout)
    assert data["totals"]["events"] == len(events)
    assert data["totals"]["fatalities"] == sum(e["fatalities"] for e in events)
    assert data["coverage"]["source_articles"] == 1
    assert data["coverage"]["source_outlets"] == ["Lake Chad Ledger"]
    deadliest = data["notable_events"][0]
    evidence = deadliest["sources"][0]["evidence"]
    article_text = (EXAMPLES / "2021-09-14-nigeria-maiduguri-roadside-bomb.txt").read_text(encoding="utf-8")
    assert evidence and all(" ".join(sentence.split()) in " ".join(article_text.split()) for sentence in evidence)
