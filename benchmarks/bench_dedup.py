"""Cross-source merge precision and recall on a test set of paraphrased reports.

Usage: python benchmarks/bench_dedup.py [benchmarks/data/dedup_reports.jsonl]

The test set (written for Sitrep, see docs/scale.md) has reports of the same real-world event
from different "outlets" (one `cluster` per event: different wording, figures and detail) and
distractors that share a place, a date or a type with a cluster but are different events.
Every report is extracted with the real pipeline and resolved against a real SQLite store, in
file order, exactly as `sitrep ingest` does. A pair of reports counts as merged when one of the
events of each ends up as the same stored event. Precision and recall are over report pairs.
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path

from sitrep.pipeline import Extractor
from sitrep.records import Article
from sitrep.resolve.canonical import resolve_events
from sitrep.store import Store
from sitrep.store.merge import StoreCandidates

DEFAULT = Path(__file__).resolve().parent / "data" / "dedup_reports.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [
        Article(text=r["text"], id=r["id"], title=r.get("title"), outlet=r.get("source"), published=date.fromisoformat(r["published"]))
        for r in rows
    ]
    cluster = {r["id"]: r["cluster"] for r in rows}
    events_of: dict[str, set[str]] = defaultdict(set)
    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/dedup.db") as store:
        for result in Extractor().extract(articles):
            resolved, _ = resolve_events(result, StoreCandidates(store))
            store.save_result(resolved)
            events_of[result.article.id] = {e.event_id for e in resolved.events if not (e.background or e.generic)}

    tp = fp = fn = 0
    for a, b in itertools.combinations(cluster, 2):
        merged = bool(events_of[a] & events_of[b])
        same = cluster[a] == cluster[b]
        tp += merged and same
        fp += merged and not same
        fn += same and not merged
        if merged != same:
            print(f"{'false merge' if merged else 'missed merge'}: {a} / {b}")
    without_events = sorted(a for a in cluster if not events_of[a])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"reports: {len(rows)} in {len(set(cluster.values()))} events; reports with no event extracted: {without_events or 'none'}")
    print(f"pairs merged correctly {tp}, wrongly {fp}, missed {fn}: precision {precision:.3f}, recall {recall:.3f}")


if __name__ == "__main__":
    main()
