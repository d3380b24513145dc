"""Metrics shared by the evaluators: accuracy, macro/weighted F1, confusion tables, distances, mention F1.

Every figure is returned with its counts ({"value": 0.91, "correct": 91, "total": 100}) so a
report says what it rests on.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

MISSING = "(none)"  # the label of "no event predicted" in confusion tables


def ratio(correct: int, total: int) -> dict[str, float | int | None]:
    return {"value": round(correct / total, 4) if total else None, "correct": correct, "total": total}


def accuracy(pairs: Iterable[tuple[object, object]]) -> dict[str, float | int | None]:
    pairs = list(pairs)
    return ratio(sum(1 for gold, pred in pairs if gold == pred), len(pairs))


def per_label_f1(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, float | int]]:
    """Precision, recall, F1 and support of every gold label (predicted-only labels get support 0)."""
    labels = sorted(set(gold) | set(pred) - {MISSING})
    out: dict[str, dict[str, float | int]] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "support": tp + fn}
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    """Unweighted mean F1 over the labels present in the gold."""
    table = per_label_f1(gold, pred)
    scores = [row["f1"] for label, row in table.items() if row["support"]]
    return round(sum(scores) / len(scores), 4) if scores else None


def weighted_f1(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    """Mean F1 over gold labels weighted by their support (the CASE-2021 and ACLED sub-type figure)."""
    table = per_label_f1(gold, pred)
    total = sum(row["support"] for row in table.values())
    if not total:
        return None
    return round(sum(row["f1"] * row["support"] for row in table.values()) / total, 4)


def confusion(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, int]]:
    """gold label -> {predicted label: count}."""
    table: dict[str, Counter] = {}
    for g, p in zip(gold, pred):
        table.setdefault(g, Counter())[p] += 1
    return {g: dict(counts.most_common()) for g, counts in sorted(table.items())}


def render_confusion(table: dict[str, dict[str, int]], top: int = 3) -> str:
    """One line per gold label: its count and the most frequent predictions."""
    lines = []
    width = max((len(g) for g in table), default=10)
    for gold, preds in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        total = sum(preds.values())
        shown = ", ".join(f"{label} {count}" for label, count in list(preds.items())[:top])
        lines.append(f"  {gold:<{width}}  n={total:<5} -> {shown}")
    return "\n".join(lines)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def mean_absolute_error(pairs: Iterable[tuple[float, float]]) -> float | None:
    pairs = list(pairs)
    return round(sum(abs(g - p) for g, p in pairs) / len(pairs), 4) if pairs else None


def mention_f1(gold: Sequence[set[str]], pred: Sequence[set[str]]) -> dict[str, float | int]:
    """Micro precision/recall/F1 of string sets, one set per document (MUC-4 role fillers)."""
    tp = sum(len(g & p) for g, p in zip(gold, pred))
    n_gold = sum(len(g) for g in gold)
    n_pred = sum(len(p) for p in pred)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "tp": tp, "gold": n_gold, "predicted": n_pred}


def fmt(score: dict | float | None) -> str:
    """A score as printed: "0.912 (91/100)"."""
    if score is None:
        return "n/a"
    if isinstance(score, dict):
        if score.get("value") is None:
            return f"n/a (0/{score.get('total', 0)})"
        return f"{score['value']:.3f} ({score['correct']}/{score['total']})"
    return f"{score:.3f}"
