"""`sitrep evaluate --format acled`: score the extractor against an ACLED export.

Conventions (docs/evaluation.md):
- each distinct `notes` text is one document, published two days after its (latest) gold event_date;
  a note coded as several events counts each of its rows;
- only current events are scored: predictions flagged `background` or `generic` are left out;
- within a document, predictions are paired with gold rows greedily by a place-first similarity
  (same location name: 4, else within 25 km: 3; same admin1: 2; same event_date: 1; same event_type: 0.5),
  each used once. Unpaired gold rows are "missed" and count as wrong in every field figure;
  unpaired predictions are "invented".
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sitrep.evaluate.scoring import (
    MISSING,
    accuracy,
    confusion,
    fmt,
    haversine_km,
    macro_f1,
    mean_absolute_error,
    ratio,
    render_confusion,
    weighted_f1,
)
from sitrep.records import Article, Event

REQUIRED = ("notes", "event_date", "event_type", "sub_event_type")
DATE_FORMATS = ("%Y-%m-%d", "%d-%b-%y", "%d-%b-%Y", "%d %B %Y", "%d %b %Y", "%d/%m/%Y", "%m/%d/%Y", "%Y/%m/%d", "%d-%B-%Y")
PUBLISHED_LAG_DAYS = 2


@dataclass
class GoldRow:
    line: int
    notes: str
    event_date: date
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    inter1: str
    inter2: str
    fatalities: int | None
    admin1: str
    location: str
    latitude: float | None
    longitude: float | None
    country: str = ""  # empty when the export has no country column
    geo_precision: int | None = None  # ACLED's 1 (the named town), 2 (near it, or a small area), 3 (a region)


def parse_date(value: str) -> date:
    """An ACLED date in any of the export's spellings: 9-May-20, 09 May 2020, 2020-05-09, ..."""
    text = value.strip()
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable event_date {value!r}")


# Exports since 2024 spell the inter codes out; older ones give the numbers.
INTER_LABELS = {
    "state forces": 1, "rebel group": 2, "rebel groups": 2, "political militia": 3, "political militias": 3,
    "identity militia": 4, "identity militias": 4, "rioters": 5, "protesters": 6, "civilians": 7,
    "external/other forces": 8, "other forces": 8,
}


def inter_number(value: str) -> int | None:
    """An inter code as its number, from '1' or from 'State forces'; None for no actor ('', '0')."""
    text = value.strip()
    if text.isdigit():
        return int(text) or None
    return INTER_LABELS.get(text.lower()) if text else None


def _number(value: str | None, kind: type) -> Any:
    if value is None or not str(value).strip():
        return None
    try:
        return kind(str(value).strip())
    except ValueError:
        return None


def read_gold(path: Path) -> list[GoldRow]:
    """The rows of an ACLED export; ValueError naming the problem for a file that is not one."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ValueError(f"cannot read: {exc.strerror}") from exc
    with handle:
        try:
            reader = csv.DictReader(handle)
            header = [h.strip().lower() for h in (reader.fieldnames or [])]
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ValueError(f"not a readable CSV file ({exc})") from exc
        missing = [column for column in REQUIRED if column not in header]
        if missing:
            raise ValueError(f"not an ACLED export: missing column(s) {', '.join(missing)}")
        rows: list[GoldRow] = []
        try:
            for line, raw in enumerate(reader, start=2):
                row = {(k or "").strip().lower(): (v or "") for k, v in raw.items() if k is not None}
                if not row.get("notes", "").strip():
                    continue
                try:
                    day = parse_date(row["event_date"])
                except ValueError as exc:
                    raise ValueError(f"line {line}: {exc}") from None
                rows.append(
                    GoldRow(
                        line=line, notes=row["notes"].strip(), event_date=day, event_type=row["event_type"].strip(),
                        sub_event_type=row["sub_event_type"].strip(), actor1=row.get("actor1", "").strip(),
                        actor2=row.get("actor2", "").strip(), inter1=row.get("inter1", "").strip(),
                        inter2=row.get("inter2", "").strip(), fatalities=_number(row.get("fatalities"), int),
                        admin1=row.get("admin1", "").strip(), location=row.get("location", "").strip(),
                        latitude=_number(row.get("latitude"), float), longitude=_number(row.get("longitude"), float),
                        country=row.get("country", "").strip(), geo_precision=_number(row.get("geo_precision"), int),
                    )
                )
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ValueError(f"not a readable CSV file ({exc})") from exc
    if not rows:
        raise ValueError("no rows with a notes text")
    return rows


def documents(rows: list[GoldRow]) -> list[tuple[Article, list[GoldRow]]]:
    """One article per distinct notes text, in file order, with its gold rows."""
    by_notes: dict[str, list[GoldRow]] = {}
    for row in rows:
        by_notes.setdefault(row.notes, []).append(row)
    docs = []
    for notes, gold in by_notes.items():
        published = max(r.event_date for r in gold) + timedelta(days=PUBLISHED_LAG_DAYS)
        doc_id = "acled-" + hashlib.sha1(notes.encode("utf-8")).hexdigest()[:12]
        docs.append((Article(text=notes, id=doc_id, published=published), gold))
    return docs


def same_place_name(predicted: str | None, gold: str | None) -> bool:
    """Place names that spell the same place: transliteration variants ("Idlib"/"Idleb", "Arīḩā"/"Ariha")
    and kind-of-area words ("Nairobi City"/"Nairobi", "Anbar Province"/"Anbar") are absorbed."""
    from rapidfuzz import fuzz

    from sitrep.geo.names import loose, strip_admin_words

    if not predicted or not gold:
        return False
    a, b = loose(strip_admin_words(predicted)), loose(strip_admin_words(gold))
    if not a or not b:
        return False
    if a == b or (a[0] == b[0] and fuzz.ratio(a, b) >= 80):
        return True
    # Same consonant skeleton: vowels are what transliterations disagree on ("Hasakah"/"Hasakeh").
    skeleton_a, skeleton_b = re.sub(r"[aeiouyh]", "", a), re.sub(r"[aeiouyh]", "", b)
    if skeleton_a == skeleton_b and (len(skeleton_a) >= 3 or (len(skeleton_a) == 2 and a[0] == b[0] and min(len(a), len(b)) >= 6)):
        return True
    words_a, words_b = set(strip_admin_words(predicted).split()), set(strip_admin_words(gold).split())
    shorter = min(words_a, words_b, key=len)
    return bool(shorter) and shorter <= (words_a | words_b) and (shorter <= words_a and shorter <= words_b) and len("".join(shorter)) >= 4


def same_admin1_of(event: Event, row: GoldRow) -> bool:
    """The event's admin1 names the gold row's area: aliases of the area in the event's country
    ("Nineveh"/"Ninewa", "Ciudad de Mexico"/"Distrito Federal") and spelling variants (sitrep.geo.admin_names),
    in the gold row's country when the export gives one (Nord-Ouest of Haiti is not Nord-Ouest of Cameroon)."""
    from sitrep.geo.admin_names import alpha2, same_admin1
    from sitrep.geo.names import fold

    if row.country and fold(event.country or "") != fold(row.country):
        return False
    return same_admin1(event.admin1, row.admin1, alpha2(event.iso3 or "") or None)


def _distance(event: Event, row: GoldRow) -> float | None:
    if None in (event.latitude, event.longitude, row.latitude, row.longitude):
        return None
    return haversine_km(row.latitude, row.longitude, event.latitude, event.longitude)  # type: ignore[arg-type]


def _similarity(event: Event, row: GoldRow) -> float:
    score = 0.0
    distance = _distance(event, row)
    if same_place_name(event.location, row.location):
        score += 4
    elif distance is not None and distance <= 25:
        score += 3
    if same_admin1_of(event, row):
        score += 2
    if event.event_date == row.event_date:
        score += 1
    if event.event_type == row.event_type:
        score += 0.5
    return score


def match(events: list[Event], gold: list[GoldRow]) -> tuple[list[tuple[GoldRow, Event | None]], list[Event]]:
    """Pair predictions with gold rows (greedy, best similarity first); returns pairs and unpaired predictions."""
    candidates = sorted(
        ((_similarity(e, g), -ei, -gi, ei, gi) for ei, e in enumerate(events) for gi, g in enumerate(gold)), reverse=True
    )
    used_e: set[int] = set()
    paired: dict[int, Event] = {}
    for _, _, _, ei, gi in candidates:
        if ei in used_e or gi in paired:
            continue
        used_e.add(ei)
        paired[gi] = events[ei]
    pairs = [(g, paired.get(gi)) for gi, g in enumerate(gold)]
    return pairs, [e for ei, e in enumerate(events) if ei not in used_e]


def evaluate(gold: Path, limit: int | None = None) -> dict:
    from sitrep.extract.actor_kb import ActorKB
    from sitrep.extract.actors import actor_matches
    from sitrep.pipeline import Extractor

    docs = documents(read_gold(gold))
    if limit:
        docs = docs[:limit]
    extractor = Extractor()
    kb = ActorKB.load()
    pairs: list[tuple[GoldRow, Event | None]] = []
    invented: list[Event] = []
    docs_without_event = 0
    results = {r.article.id: r for r in extractor.extract(article for article, _ in docs)}
    for article, rows in docs:
        result = results[article.id]
        current = [e for e in result.events if not e.background and not e.generic]
        if not current:
            docs_without_event += 1
        doc_pairs, extra = match(current, rows)
        pairs.extend(doc_pairs)
        invented.extend(extra)
    return score(pairs, invented, docs_without_event, len(docs), gold, kb, actor_matches)


def score(pairs, invented, docs_without_event, n_docs, gold_path, kb, actor_matches) -> dict:
    matched = [(g, e) for g, e in pairs if e is not None]
    gold_types = [g.event_type for g, _ in pairs]
    pred_types = [e.event_type if e else MISSING for _, e in pairs]
    gold_subs = [g.sub_event_type for g, _ in pairs]
    pred_subs = [e.sub_event_type if e else MISSING for _, e in pairs]
    located = [(g, e) for g, e in pairs if g.latitude is not None and g.longitude is not None]
    distances = [(_distance(e, g) if e else None) for g, e in located]
    fatal = [(g, e) for g, e in pairs if g.fatalities is not None]

    def within(g: GoldRow, e: Event | None) -> bool:
        return bool(e and e.date_start and e.date_end and e.date_start <= g.event_date <= e.date_end)

    def inter_ok(gold_code: str, pred_code: int | None) -> bool:
        gold_number = inter_number(gold_code)
        return (gold_number is None and not pred_code) or (gold_number is not None and pred_code == gold_number)

    report = {
        "gold_file": str(gold_path),
        "documents": n_docs,
        "gold_events": len(pairs),
        "matching": "greedy per document: same place name 4 (else within 25 km 3), same admin1 2, same event_date 1, same event_type 0.5",
        "relevance": {
            "gold_missed": ratio(sum(1 for _, e in pairs if e is None), len(pairs)),
            "predicted_current_events": len(matched) + len(invented),
            "invented": len(invented),
            "documents_without_event": ratio(docs_without_event, n_docs),
        },
        "event_type": {"accuracy": accuracy(zip(gold_types, pred_types)), "macro_f1": macro_f1(gold_types, pred_types)},
        "sub_event_type": {
            "accuracy": accuracy(zip(gold_subs, pred_subs)),
            "weighted_f1": weighted_f1(gold_subs, pred_subs),
            "confusion": confusion(gold_subs, pred_subs),
        },
        "actor1": ratio(sum(1 for g, e in pairs if e and actor_matches(e.actor1, g.actor1 or None, kb)), len(pairs)),
        "actor2": ratio(sum(1 for g, e in pairs if e and actor_matches(e.actor2, g.actor2 or None, kb)), len(pairs)),
        "inter1": ratio(sum(1 for g, e in pairs if e and inter_ok(g.inter1, e.inter1)), len(pairs)),
        "inter2": ratio(sum(1 for g, e in pairs if e and inter_ok(g.inter2, e.inter2)), len(pairs)),
        "fatalities": {
            "exact": ratio(sum(1 for g, e in fatal if e and e.fatalities == g.fatalities), len(fatal)),
            "mae_matched": mean_absolute_error((g.fatalities, e.fatalities) for g, e in fatal if e),
        },
        "event_date": {
            "exact": ratio(sum(1 for g, e in pairs if e and e.event_date == g.event_date), len(pairs)),
            "within_window": ratio(sum(1 for g, e in pairs if within(g, e)), len(pairs)),
        },
        "admin1": ratio(sum(1 for g, e in pairs if e and same_admin1_of(e, g)), sum(1 for g, _ in pairs if g.admin1)),
        "within_25km": ratio(sum(1 for d in distances if d is not None and d <= 25), len(located)),
        "within_100km": ratio(sum(1 for d in distances if d is not None and d <= 100), len(located)),
        # Comparable where the event sits where the gold row does; elsewhere precision 2 or 3 is often right
        # for our place even when ACLED's village has precision 1.
        "geo_precision": {
            "matched": accuracy((g.geo_precision, e.geo_precision) for g, e in matched if g.geo_precision and e.geo_precision),
            "matched_within_25km": accuracy(
                (g.geo_precision, e.geo_precision) for (g, e), d in zip(located, distances)
                if e and g.geo_precision and e.geo_precision and d is not None and d <= 25
            ),
        },
        "matched_only": {
            "events": len(matched),
            "event_type": accuracy((g.event_type, e.event_type) for g, e in matched),
            "sub_event_type": accuracy((g.sub_event_type, e.sub_event_type) for g, e in matched),
            "fatalities_exact": accuracy((g.fatalities, e.fatalities) for g, e in matched if g.fatalities is not None),
            "event_date_exact": accuracy((g.event_date, e.event_date) for g, e in matched),
        },
    }
    return report


def render(report: dict) -> str:
    rel = report["relevance"]
    lines = [
        f"ACLED evaluation: {report['gold_file']}",
        f"documents {report['documents']}, gold events {report['gold_events']}, "
        f"predicted current events {rel['predicted_current_events']}",
        f"matching: {report['matching']}",
        "field scores over all gold events (a missed event counts as wrong):",
        f"  event_type       accuracy {fmt(report['event_type']['accuracy'])}   macro-F1 {fmt(report['event_type']['macro_f1'])}",
        f"  sub_event_type   accuracy {fmt(report['sub_event_type']['accuracy'])}   weighted-F1 {fmt(report['sub_event_type']['weighted_f1'])}",
        f"  actor1           match {fmt(report['actor1'])}",
        f"  actor2           match {fmt(report['actor2'])}",
        f"  inter1           match {fmt(report['inter1'])}",
        f"  inter2           match {fmt(report['inter2'])}",
        f"  fatalities       exact {fmt(report['fatalities']['exact'])}   MAE (matched) {fmt(report['fatalities']['mae_matched'])}",
        f"  event_date       exact {fmt(report['event_date']['exact'])}   within window {fmt(report['event_date']['within_window'])}",
        f"  admin1           match {fmt(report['admin1'])}",
        f"  coordinates      within 25 km {fmt(report['within_25km'])}   within 100 km {fmt(report['within_100km'])}",
        f"  geo_precision    same as gold (matched events) {fmt(report['geo_precision']['matched'])}   "
        f"(matched within 25 km) {fmt(report['geo_precision']['matched_within_25km'])}",
        "relevance:",
        f"  gold events missed        {fmt(rel['gold_missed'])}",
        f"  invented (unmatched) predictions {rel['invented']}",
        f"  documents with no current event {fmt(rel['documents_without_event'])}",
        f"matched events only ({report['matched_only']['events']}): event_type {fmt(report['matched_only']['event_type'])}, "
        f"sub_event_type {fmt(report['matched_only']['sub_event_type'])}, fatalities {fmt(report['matched_only']['fatalities_exact'])}, "
        f"event_date {fmt(report['matched_only']['event_date_exact'])}",
        "sub_event_type confusion (gold -> predicted):",
        render_confusion(report["sub_event_type"]["confusion"]),
    ]
    return "\n".join(lines)
