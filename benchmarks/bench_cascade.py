"""Relevance cascade: recall on gold events and pass rate on non-conflict news.

Usage: python benchmarks/bench_cascade.py [DATASETS_DIR]   (default ../shared/datasets)

Recall: share of gold events whose text passes the cheap first pass (ACLED dev notes, one per
row; CASE-2021 snippets with an ACLED sub-type; HRDsAttack articles), then the share that also passes
the second check (`could_report_event`: a core event cue in a sentence the events stage would not drop
as out of scope), which is what `sitrep extract` sends to the NLP pass. A text the second check
drops gives no event even when parsed, so its gold event was lost to the events stage, not to the
cascade. Pass rate: share of LGL (local US news) and GeoVirus (epidemics) articles that still go to
the full NLP pass, after each check.
"""

from __future__ import annotations

import csv
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from sitrep.extract.relevance import check_relevance, could_report_event
from sitrep.records import Article

NON_ACLED = {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets")
    gold: dict[str, list[str]] = {"acled": [], "case2021": [], "hrdsattack": []}
    with open(root / "acled/acled-2020-05-dev.csv", newline="", encoding="utf-8") as f:
        gold["acled"] = [row["notes"] for row in csv.DictReader(f)]
    with open(root / "case2021-task2/dev.tsv", newline="", encoding="utf-8") as f:
        gold["case2021"] = [r["EventSnippet"] for r in csv.DictReader(f, delimiter="\t") if r["SubType"] not in NON_ACLED]
    for item in json.loads((root / "hrdsattack/dev.json").read_text(encoding="utf-8")):
        sample = item["sample"]
        gold["hrdsattack"].append(f"{sample.get('Input.title', '')}\n{sample.get('Input.article_interface', '')}")
    for name, texts in gold.items():
        first, both = _passes(texts)
        print(f"recall {name:10s} {first}/{len(texts)} = {first / len(texts):.3f}, both checks {both}/{len(texts)} = {both / len(texts):.3f}")
    for name in ("lgl", "geovirus"):
        texts = [el.text or "" for el in ET.parse(root / f"geoparsing/{name}.xml").iter("text")]
        first, both = _passes(texts)
        print(f"pass rate {name:9s} {first}/{len(texts)} = {first / len(texts):.3f}, both checks {both}/{len(texts)} = {both / len(texts):.3f}")


def _passes(texts: list[str]) -> tuple[int, int]:
    """How many texts pass the first check, and how many pass both."""
    first = [Article(text=t) for t in texts if check_relevance(Article(text=t)).relevant]
    return len(first), sum(could_report_event(a) for a in first)


if __name__ == "__main__":
    main()
