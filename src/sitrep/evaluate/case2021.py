"""`sitrep evaluate --format case2021`: CASE-2021 task 2 snippets (id, EventSnippet, SubType; tab-separated).

Each snippet is one document with no publication date. Its predicted label is the sub-event type
of its first-told non-generic event (background is not used: the snippets carry no date
context), mapped to the CASE code; no event gives "(none)". Scores: accuracy and weighted-F1 over
the snippets labelled with one of the 25 ACLED sub-types, and the share of non-ACLED snippets
(ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB) that give no event.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sitrep.evaluate.scoring import MISSING, accuracy, confusion, fmt, per_label_f1, ratio, render_confusion, weighted_f1
from sitrep.extract.taxonomy import load_taxonomy
from sitrep.records import Article, Event

TEXT_COLUMNS = ("eventsnippet", "text", "snippet", "sentence")
LABEL_COLUMNS = ("subtype", "label", "sub_event_type")


def read_gold(path: Path) -> list[tuple[str, str, str]]:
    """(id, text, label) rows; ValueError naming the problem for a file that is not CASE-2021 TSV."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = {(h or "").strip().lower(): h for h in reader.fieldnames or []}
            text_col = next((header[c] for c in TEXT_COLUMNS if c in header), None)
            label_col = next((header[c] for c in LABEL_COLUMNS if c in header), None)
            if text_col is None or label_col is None:
                raise ValueError("not a CASE-2021 TSV: needs tab-separated columns EventSnippet and SubType")
            id_col = header.get("id")
            rows = []
            for number, row in enumerate(reader, start=2):
                text = (row.get(text_col) or "").strip()
                label = (row.get(label_col) or "").strip()
                if not text or not label:
                    raise ValueError(f"line {number}: empty snippet or label")
                rows.append(((row.get(id_col) or str(number)) if id_col else str(number), text, label))
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise ValueError(f"cannot read: {exc.strerror}") from exc
    if not rows:
        raise ValueError("no snippets")
    return rows


def predicted_label(events: list[Event]) -> str:
    taxonomy = load_taxonomy()
    candidates = [e for e in events if not e.generic]
    if not candidates:
        return MISSING
    # The lead event: news puts the main event first.
    best = min(candidates, key=lambda e: e.evidence[0].start if e.evidence else 0)
    return taxonomy.case2021_of(best.sub_event_type)


def evaluate(gold: Path, limit: int | None = None) -> dict:
    from sitrep.pipeline import Extractor

    rows = read_gold(gold)
    if limit:
        rows = rows[:limit]
    extractor = Extractor()
    articles = [Article(text=text, id=f"case2021-{index}") for index, (_, text, _) in enumerate(rows)]
    results = {r.article.id: r for r in extractor.extract(articles)}
    predictions = [predicted_label(results[article.id].events) for article in articles]
    return score([label for _, _, label in rows], predictions, str(gold))


def score(gold: list[str], pred: list[str], gold_path: str) -> dict:
    taxonomy = load_taxonomy()
    acled_codes = {sub.case2021 for sub in taxonomy.sub_event_types}
    in_scope = [(g, p) for g, p in zip(gold, pred) if g in acled_codes]
    out_scope = [(g, p) for g, p in zip(gold, pred) if g not in acled_codes]
    gold_in, pred_in = [g for g, _ in in_scope], [p for _, p in in_scope]
    by_label: dict[str, list[int]] = {}
    for g, p in out_scope:
        by_label.setdefault(g, [0, 0])
        by_label[g][0] += p == MISSING
        by_label[g][1] += 1
    return {
        "gold_file": gold_path,
        "snippets": len(gold),
        "acled_snippets": len(in_scope),
        "accuracy": accuracy(in_scope),
        "weighted_f1": weighted_f1(gold_in, pred_in),
        "per_label": per_label_f1(gold_in, pred_in),
        "confusion": confusion(gold_in, pred_in),
        "acled_snippets_without_event": ratio(sum(1 for _, p in in_scope if p == MISSING), len(in_scope)),
        "non_acled_no_event": ratio(sum(1 for _, p in out_scope if p == MISSING), len(out_scope)),
        "non_acled_by_label": {label: ratio(*counts) for label, counts in sorted(by_label.items())},
    }


def render(report: dict) -> str:
    lines = [
        f"CASE-2021 evaluation: {report['gold_file']}",
        f"snippets {report['snippets']}, with an ACLED sub-type {report['acled_snippets']}",
        f"  sub-type accuracy     {fmt(report['accuracy'])}",
        f"  sub-type weighted-F1  {fmt(report['weighted_f1'])}",
        f"  ACLED snippets giving no event  {fmt(report['acled_snippets_without_event'])}",
        f"  non-ACLED snippets giving no event  {fmt(report['non_acled_no_event'])}",
    ]
    for label, value in report["non_acled_by_label"].items():
        lines.append(f"    {label:<18} {fmt(value)}")
    lines.append("per label (precision / recall / F1, support):")
    for label, row in sorted(report["per_label"].items(), key=lambda kv: -kv[1]["support"]):
        lines.append(f"  {label:<30} {row['precision']:.2f} / {row['recall']:.2f} / {row['f1']:.2f}  n={row['support']}")
    lines.append("confusion (gold -> predicted):")
    lines.append(render_confusion(report["confusion"]))
    return "\n".join(lines)
