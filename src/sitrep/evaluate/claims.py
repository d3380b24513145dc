"""Scoring quotes and claims against a gold set (`sitrep evaluate --format claims`).

The gold file is JSONL, one short text per line:
{"id", "text", "published": "YYYY-MM-DD", "quotes": [{"text", "speaker", "anonymous", "direct"}],
 "claims": [{"quantity", "quantity_max", "unit", "speaker", optional "period_start", "period_end", "approximate"}]}
A gold quote's "text" is a substring of the text (its words, without the quotation marks).

Quotes: a predicted quote matches a gold quote when their spans overlap by at least half of
each (one-to-one, best overlap first). Reported are span precision/recall, then for matched
quotes whether the speaker, the anonymous flag and direct/reported agree, and end to end
(span and speaker both right) precision/recall. Claims match on quantity and quantity_max; for
matched claims unit, period and speaker agreement are reported.
Speakers agree when the words they are known by agree (`speaker_key`: "Col. Saad Mohammed" =
"Saad Mohammed", "a mother of three" = "a mother"), after titles and determiners are dropped.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.records import Article, Claim, Quote

_DROP = {"a", "an", "the", "one", "mr", "mrs", "ms", "dr", "col", "lt", "gen", "maj", "capt", "sgt", "sheikh"}


def load_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    items = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {number}: not JSON ({exc.msg})") from None
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError(f"line {number}: needs an object with a \"text\" string")
            for quote in item.get("quotes", []):
                if quote.get("text") not in item["text"]:
                    raise ValueError(f"line {number}: quote {quote.get('text')!r} is not in the text")
            items.append(item)
            if limit is not None and len(items) >= limit:
                break
    return items


def extract_item(extractor: Any, text: str, published: date | None, doc_id: str = "gold") -> tuple[list[Quote], list[Claim]]:
    """Quotes and claims of one text, straight through the claims stage (no relevance filter)."""
    from sitrep.extract.claims import extract_quotes_and_claims
    from sitrep.extract.context import ExtractionContext

    article = Article(text=text, id=doc_id, published=published)
    context = ExtractionContext(article=article, gazetteer=extractor.gazetteer, actors=extractor.actors)
    return extract_quotes_and_claims(extractor.nlp(text), context, [])


def speaker_key(name: str | None) -> str | None:
    """The word a speaker is known by: the last word before any "of"/"for"/"with" phrase, titles
    and determiners dropped ("a mother of three" -> mother, "Col. Saad Mohammed" -> mohammed)."""
    if not name:
        return None
    head = re.split(r"\s(?:of|for|with|from|at|in|who)\s", name.lower().replace("’", "'"))[0]
    words = [w for w in re.findall(r"[\w-]+", head) if w not in _DROP]
    return words[-1] if words else None


def same_speaker(gold: str | None, predicted: str | None) -> bool:
    return speaker_key(gold) == speaker_key(predicted)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    if shared <= 0:
        return 0.0
    return min(shared / (a[1] - a[0]), shared / (b[1] - b[0]))


def _match_quotes(text: str, gold: list[dict], predicted: list[Quote]) -> list[tuple[dict, Quote]]:
    spans = [(text.find(g["text"]), text.find(g["text"]) + len(g["text"])) for g in gold]
    pairs = sorted(
        ((_overlap(spans[i], (p.start, p.end)), i, j) for i in range(len(gold)) for j, p in enumerate(predicted)),
        reverse=True,
    )
    used_gold, used_pred, matched = set(), set(), []
    for score, i, j in pairs:
        if score >= 0.5 and i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            matched.append((gold[i], predicted[j]))
    return matched


def _match_claims(gold: list[dict], predicted: list[Claim]) -> list[tuple[dict, Claim]]:
    matched, used = [], set()
    for g in gold:
        for j, p in enumerate(predicted):
            if j not in used and p.quantity == g.get("quantity") and p.quantity_max == g.get("quantity_max"):
                used.add(j)
                matched.append((g, p))
                break
    return matched


def _unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    word = unit.lower().split()[-1]
    return word[:-1] if word.endswith("s") else word


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float | int]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "correct": correct, "predicted": predicted, "gold": gold}


def _share(good: int, total: int) -> dict[str, float | int]:
    return {"accuracy": round(good / total, 3) if total else 0.0, "correct": good, "total": total}


def evaluate(gold: Path, limit: int | None = None) -> dict[str, Any]:
    from sitrep.pipeline import Extractor

    items = load_gold(gold, limit)
    extractor = Extractor()
    counts = {k: 0 for k in (
        "gold_quotes", "pred_quotes", "span", "speaker", "anonymous", "direct", "end_to_end",
        "gold_claims", "pred_claims", "value", "unit", "period", "claim_speaker", "claim_end_to_end",
    )}
    misses: list[dict[str, Any]] = []
    claim_misses: list[dict[str, Any]] = []
    for item in items:
        published = date.fromisoformat(item["published"]) if item.get("published") else None
        quotes, claims = extract_item(extractor, item["text"], published, item.get("id", "gold"))
        gold_quotes, gold_claims = item.get("quotes", []), item.get("claims", [])
        counts["gold_quotes"] += len(gold_quotes)
        counts["pred_quotes"] += len(quotes)
        matched = _match_quotes(item["text"], gold_quotes, quotes)
        counts["span"] += len(matched)
        for g, p in matched:
            speaker_ok = same_speaker(g.get("speaker"), p.speaker)
            counts["speaker"] += speaker_ok
            counts["anonymous"] += bool(g.get("anonymous")) == p.anonymous
            counts["direct"] += bool(g.get("direct", True)) == p.direct
            counts["end_to_end"] += speaker_ok
            if not speaker_ok or bool(g.get("anonymous")) != p.anonymous:
                misses.append({"id": item.get("id"), "quote": g["text"], "gold": g.get("speaker"), "predicted": p.speaker,
                               "gold_anonymous": bool(g.get("anonymous")), "predicted_anonymous": p.anonymous})
        counts["gold_claims"] += len(gold_claims)
        counts["pred_claims"] += len(claims)
        claim_pairs = _match_claims(gold_claims, claims)
        paired = {id(p) for _, p in claim_pairs}
        missed = [g for g in gold_claims if all(g is not pair[0] for pair in claim_pairs)]
        extra = [f"{p.quantity}..{p.quantity_max} {p.unit}" for p in claims if id(p) not in paired]
        if missed or extra:
            claim_misses.append({"id": item.get("id"), "missed": missed, "extra": extra})
        for g, p in claim_pairs:
            counts["value"] += 1
            unit_ok = _unit_key(g.get("unit")) == _unit_key(p.unit)
            period_ok = (g.get("period_start"), g.get("period_end")) == (
                p.period_start.isoformat() if p.period_start else None, p.period_end.isoformat() if p.period_end else None)
            speaker_ok = same_speaker(g.get("speaker"), p.speaker)
            counts["unit"] += unit_ok
            counts["period"] += period_ok
            counts["claim_speaker"] += speaker_ok
            counts["claim_end_to_end"] += unit_ok and period_ok and speaker_ok
    return {
        "items": len(items),
        "quotes": {
            "span": _prf(counts["span"], counts["pred_quotes"], counts["gold_quotes"]),
            "speaker_on_matched": _share(counts["speaker"], counts["span"]),
            "anonymous_on_matched": _share(counts["anonymous"], counts["span"]),
            "direct_on_matched": _share(counts["direct"], counts["span"]),
            "span_and_speaker": _prf(counts["end_to_end"], counts["pred_quotes"], counts["gold_quotes"]),
        },
        "claims": {
            "quantity": _prf(counts["value"], counts["pred_claims"], counts["gold_claims"]),
            "unit_on_matched": _share(counts["unit"], counts["value"]),
            "period_on_matched": _share(counts["period"], counts["value"]),
            "speaker_on_matched": _share(counts["claim_speaker"], counts["value"]),
            "all_fields": _prf(counts["claim_end_to_end"], counts["pred_claims"], counts["gold_claims"]),
        },
        "speaker_misses": misses,
        "claim_misses": claim_misses,
    }


def render(report: dict[str, Any]) -> str:
    lines = [f"claims gold set: {report['items']} items"]
    for group in ("quotes", "claims"):
        for name, score in report[group].items():
            if "precision" in score:
                lines.append(
                    f"  {group:<7} {name:<20} P {score['precision']:.3f}  R {score['recall']:.3f}  F1 {score['f1']:.3f}"
                    f"  ({score['correct']} correct / {score['predicted']} predicted / {score['gold']} gold)"
                )
            else:
                lines.append(f"  {group:<7} {name:<20} {score['accuracy']:.3f}  ({score['correct']}/{score['total']})")
    return "\n".join(lines)
