"""End to end through the real console script: extract --claims, ingest + claims, evaluate --format claims."""

from __future__ import annotations

import json
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "claims"
ARTICLE = FIXTURES / "article_valley.txt"


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_extract_claims_prints_quote_and_claim_records(run_cli):
    done = run_cli("extract", "--claims", "--published", "2019-07-21", str(ARTICLE))
    assert done.returncode == 0, done.stderr
    lines = records(done.stdout)
    quotes = [r for r in lines if r["record"] == "quote"]
    claims = [r for r in lines if r["record"] == "claim"]
    assert {"doc_id", "text", "start", "end", "speaker", "speaker_role", "anonymous", "direct"} <= quotes[0].keys()
    assert any(q["speaker"] == "Maj. Tariq Hassan" and q["text"].startswith("Look at these slopes") for q in quotes)
    (fighters,) = [c for c in claims if c["quantity"] == 400]
    assert fighters["speaker"] == "Nadia Qureshi"
    assert (fighters["unit"], fighters["period_start"], fighters["period_end"]) == ("fighters", "2019-02-21", "2019-07-21")
    # the ambush: the army's 4 and the separatists' 25 are claims beside the one event they disagree on
    events = {r["event_id"]: r for r in lines if r["record"] == "event"}
    (army,) = [c for c in claims if c["quantity"] == 4]
    (rebels,) = [c for c in claims if c["quantity"] == 25]
    assert army["speaker"] == "The army" and "Voice of the Valley" in rebels["speaker"]
    assert army["event_id"] and army["event_id"] == rebels["event_id"] and army["event_id"] in events
    ambush = events[army["event_id"]]
    assert "according to The army" in ambush["attribution"]
    assert ambush["sources"][0]["attribution"] == ambush["attribution"]


def test_extract_claims_needs_jsonl(run_cli):
    done = run_cli("extract", "--claims", "--format", "table", str(ARTICLE))
    assert done.returncode == 2 and "--claims needs --format jsonl" in done.stderr


def test_ingest_then_claims_filters_and_formats(run_cli):
    for _ in range(2):  # re-ingesting stores nothing twice
        done = run_cli("ingest", "--published", "2019-07-21", str(ARTICLE))
        assert done.returncode == 0, done.stderr
    everything = records(run_cli("claims", "--format", "jsonl").stdout)
    kinds = {r["record"] for r in everything}
    assert kinds == {"quote", "claim"}
    mehta = records(run_cli("claims", "--format", "jsonl", "--speaker", "mehta").stdout)
    assert len(mehta) == 3 and all(r["speaker"] == "Arjun Mehta" for r in mehta)
    only_claims = records(run_cli("claims", "--format", "jsonl", "--kind", "claim").stdout)
    assert only_claims and all(r["record"] == "claim" for r in only_claims)
    article_id = everything[0]["article_id"]
    assert len(records(run_cli("claims", "--format", "jsonl", "--article", article_id).stdout)) == len(everything)
    assert records(run_cli("claims", "--format", "jsonl", "--article", "no-such-article").stdout) == []
    table = run_cli("claims", "--speaker", "Hassan")
    assert table.returncode == 0 and "Maj. Tariq Hassan" in table.stdout and "Look at these slopes" in table.stdout


def test_claims_rejects_bad_options(run_cli):
    done = run_cli("claims", "--kind", "rumour")
    assert done.returncode == 2 and "--kind" in done.stderr
    done = run_cli("claims", "--format", "xml")
    assert done.returncode == 2 and "--format" in done.stderr


def test_evaluate_claims_scores_the_gold_set(run_cli, tmp_path):
    report = tmp_path / "report.json"
    done = run_cli("evaluate", "--format", "claims", "--gold", str(FIXTURES / "gold.jsonl"), "--limit", "12", "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert "quotes  span" in done.stdout and "claims  quantity" in done.stdout
    scores = json.loads(report.read_text())
    assert scores["items"] == 12
    assert scores["quotes"]["span"]["recall"] >= 0.8


def test_evaluate_claims_names_a_broken_gold_file(run_cli, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "He said \\"hi\\".", "quotes": [{"text": "missing words"}]}\n')
    done = run_cli("evaluate", "--format", "claims", "--gold", str(gold))
    assert done.returncode == 2
    assert str(gold) in done.stderr and "is not in the text" in done.stderr
