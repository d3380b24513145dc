"""`sitrep evaluate --format geo-xml`: score toponym resolution on LGL / GeoVirus style XML.

Metrics as in Gritta et al. ("What's missing in geographical parsing?", 2018; "A Pragmatic Guide
to Geoparsing Evaluation", 2019): accuracy@161km (share of gold toponyms resolved within 161 km,
i.e. 100 miles), mean and median error in km, and the AUC of the error curve: the sorted errors
as ln(1 + km), integrated with the trapezoid rule and divided by ln(20039) * (n - 1) (20,039 km is
half the Earth's circumference, the largest possible error). Lower AUC is better. A toponym left
unresolved counts as the largest error.

With gold spans (default) the gold toponym offsets are resolved; end to end (`--no-gold-spans`) the
system finds its own toponyms: span precision/recall/F1 are reported (exact offsets, and any
overlap), and the geocoding metrics are over the gold toponyms whose span was found (overlap).
"""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from sitrep.geo.detect import given_mentions
from sitrep.geo.hierarchy import km
from sitrep.geo.resolve import resolve_mentions, resolve_toponyms
from sitrep.records import Article, Place

MAX_ERROR_KM = 20039.0
ACCURACY_KM = 161.0


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    latitude: float | None
    longitude: float | None


@dataclass
class GoldArticle:
    doc_id: str
    text: str
    toponyms: list[GoldToponym]


def read_gold(path: Path) -> list[GoldArticle]:
    """LGL (`<toponym>` with `<gaztag><lat>`) and GeoVirus (`<location>` with `<lat>`) formats."""
    try:
        root = etree.parse(str(path), etree.XMLParser(huge_tree=True)).getroot()
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not well-formed XML ({exc})") from None
    articles = []
    for number, node in enumerate(root.iter("article"), start=1):
        text = node.findtext("text")
        if text is None:
            raise ValueError(f"article {number} has no <text>")
        toponyms = []
        for top in [*node.iter("toponym"), *node.iter("location")]:
            try:
                start, end = int(top.findtext("start")), int(top.findtext("end"))
            except (TypeError, ValueError):
                raise ValueError(f"article {number}: a toponym without numeric <start>/<end>") from None
            start, end = _align(text, start, end, top.findtext("phrase") or top.findtext("name"))
            lat = top.findtext("gaztag/lat") if top.find("gaztag") is not None else top.findtext("lat")
            lon = top.findtext("gaztag/lon") if top.find("gaztag") is not None else top.findtext("lon")
            toponyms.append(GoldToponym(start, end, text[start:end], _float(lat), _float(lon)))
        articles.append(GoldArticle(node.get("docid") or str(number), text, toponyms))
    if not articles:
        raise ValueError("no <article> elements")
    return articles


def evaluate(gold: Path, limit: int | None = None, gold_spans: bool = True) -> dict:
    from sitrep.geo.gazetteer import Gazetteer
    from sitrep.nlp.pipeline import load_pipeline
    from sitrep.settings import Settings

    articles = read_gold(gold)[: limit or None]
    settings = Settings()
    nlp = load_pipeline(settings)
    gazetteer = Gazetteer.open(settings)
    errors: list[float] = []
    unresolved = 0
    misses: list[dict] = []
    span_counts = {"gold": 0, "predicted": 0, "exact": 0, "overlap_gold": 0, "overlap_predicted": 0}
    started = time.perf_counter()
    for item in articles:
        article = Article(text=item.text, id=item.doc_id)
        doc = nlp(item.text)
        gold_tops = [g for g in item.toponyms if g.latitude is not None]
        if gold_spans:
            mentions = given_mentions(item.text, [(g.start, g.end) for g in gold_tops])
            toponyms = resolve_mentions(item.text, mentions, article, gazetteer, doc=doc)
            pairs = list(zip(gold_tops, toponyms))
        else:
            toponyms = resolve_toponyms(doc, article, gazetteer)
            _count_spans(item.toponyms, toponyms, span_counts)
            pairs = []
            for g in gold_tops:
                match = next((t for t in toponyms if t.start < g.end and g.start < t.end), None)
                if match is not None:
                    pairs.append((g, match))
        for g, predicted in pairs:
            error = _error(g, predicted.place)
            unresolved += error is None
            errors.append(MAX_ERROR_KM if error is None else error)
            if error is None or error >= ACCURACY_KM:
                misses.append(_miss(item.doc_id, g, predicted, error))
    report = {
        "gold": str(gold),
        "mode": "gold spans" if gold_spans else "end to end",
        "articles": len(articles),
        "toponyms_scored": len(errors),
        "unresolved": unresolved,
        "seconds": round(time.perf_counter() - started, 1),
        **geocoding_metrics(errors),
    }
    if not gold_spans:
        report["spans"] = span_metrics(span_counts)
    report["misses"] = misses  # for reading the errors (--report); not rendered
    return report


def _miss(doc_id: str, gold: GoldToponym, predicted, error: float | None) -> dict:
    """One gold toponym resolved over 161 km away (or not at all): what was chosen instead."""
    place = predicted.place
    return {
        "doc": doc_id, "start": gold.start, "text": gold.text, "gold_lat": gold.latitude, "gold_lon": gold.longitude,
        "error_km": None if error is None else round(error, 1),
        "name": place.name if place else None, "country_code": place.country_code if place else None,
        "feature_code": place.feature_code if place else None,
        "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
    }


def geocoding_metrics(errors: list[float]) -> dict:
    """accuracy@161km, mean/median error (km) and AUC of the ln(1 + km) error curve."""
    if not errors:
        return {"accuracy_161km": None, "mean_error_km": None, "median_error_km": None, "auc": None}
    logs = sorted(math.log(1.0 + e) for e in errors)
    if len(logs) > 1:
        area = sum((a + b) / 2.0 for a, b in zip(logs, logs[1:]))
        auc = area / (math.log(MAX_ERROR_KM) * (len(logs) - 1))
    else:
        auc = logs[0] / math.log(MAX_ERROR_KM)
    return {
        "accuracy_161km": round(sum(e < ACCURACY_KM for e in errors) / len(errors), 4),
        "mean_error_km": round(statistics.fmean(errors), 1),
        "median_error_km": round(statistics.median(errors), 1),
        "auc": round(auc, 4),
    }


def span_metrics(counts: dict[str, int]) -> dict:
    def prf(hit_p: int, hit_g: int) -> dict:
        p = hit_p / counts["predicted"] if counts["predicted"] else 0.0
        r = hit_g / counts["gold"] if counts["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    return {"gold": counts["gold"], "predicted": counts["predicted"],
            "exact": prf(counts["exact"], counts["exact"]),
            "overlap": prf(counts["overlap_predicted"], counts["overlap_gold"])}


def render(report: dict) -> str:
    lines = [
        f"geo-xml {report['gold']} ({report['mode']}): {report['articles']} articles, "
        f"{report['toponyms_scored']} toponyms scored, {report['unresolved']} unresolved, {report['seconds']} s",
        f"  accuracy@161km  {_fmt(report['accuracy_161km'])}",
        f"  mean error km   {_fmt(report['mean_error_km'])}",
        f"  median error km {_fmt(report['median_error_km'])}",
        f"  AUC (lower is better) {_fmt(report['auc'])}",
    ]
    spans = report.get("spans")
    if spans:
        for kind in ("exact", "overlap"):
            s = spans[kind]
            lines.append(f"  spans {kind:7s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                         f"(gold {spans['gold']}, predicted {spans['predicted']})")
    return "\n".join(lines)


def _count_spans(gold, predicted, counts) -> None:
    gold_spans = {(g.start, g.end) for g in gold}
    counts["gold"] += len(gold_spans)
    counts["predicted"] += len(predicted)
    counts["exact"] += sum((t.start, t.end) in gold_spans for t in predicted)
    counts["overlap_predicted"] += sum(any(t.start < e and s < t.end for s, e in gold_spans) for t in predicted)
    counts["overlap_gold"] += sum(any(t.start < e and s < t.end for t in predicted) for s, e in gold_spans)


def _error(gold: GoldToponym, place: Place | None) -> float | None:
    if place is None or place.latitude is None:
        return None
    return km(place, Place(name="gold", latitude=gold.latitude, longitude=gold.longitude))


def _align(text: str, start: int, end: int, name: str | None) -> tuple[int, int]:
    """Gold offsets that miss the written name by a character or two (GeoVirus counts from 1) are
    moved onto it; offsets that already fit, or a name not found nearby, are left as they are."""
    if not name or text[start:end] == name:
        return start, end
    for shift in (-1, 1, -2, 2, -3, 3):
        if text[start + shift : end + shift] == name:
            return start + shift, end + shift
    return start, end


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _fmt(value) -> str:
    return "-" if value is None else str(value)
