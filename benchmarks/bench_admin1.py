"""How well the events' admin1 names match an ACLED export's, and what renaming and alias-aware comparison bring.

    .venv/bin/python benchmarks/bench_admin1.py /work/shared/datasets/acled/acled-2020-05-dev.csv [--limit N]
        [--cache /tmp/admin1-preds.json]

Runs the real extractor (`sitrep.pipeline.Extractor`) on every distinct notes text as an Article
published on the latest gold event_date + 2 days, pairs current events with gold rows the way
`sitrep evaluate acled` does (`sitrep.evaluate.acled.match`), and for every gold row with a paired
event reports:

  (a) exact admin1 match today: the event's admin1 and the gold's fold to the same ASCII string;
  (b) exact match after `display_admin1` renames the event's admin1;
  (b') exact match after `acled_admin1` (display names + ACLED's admin level: Serbian and Ugandan districts);
  (c) `same_admin1` (alias- and spelling-tolerant) match of the `acled_admin1` name.

Mismatches left under (c) are put in categories: the event has no admin1 (country-level); the
event is in another country; the event's point is over 50 km from the gold's (the wrong place was
resolved); the gold admin1 is the event's admin2 (a level mismatch); else a naming difference.
`--cache` keeps the extractor's predictions so that re-scoring after a change to the names is quick.
The gold file is read for evaluation only; nothing in it feeds the shipped names.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path


def predictions(gold_path: Path, limit: int | None) -> list[dict]:
    from sitrep.evaluate.acled import documents, match, read_gold
    from sitrep.pipeline import Extractor

    rows = read_gold(gold_path)
    with gold_path.open(encoding="utf-8-sig", newline="") as handle:
        iso3_by_line = {line: (raw.get("iso3") or "").strip() for line, raw in enumerate(csv.DictReader(handle), start=2)}
    docs = documents(rows)[: limit or None]
    extractor = Extractor()
    started = time.perf_counter()
    results = {r.article.id: r for r in extractor.extract(article for article, _ in docs)}
    print(f"extracted {len(docs)} notes in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    out = []
    for article, gold in docs:
        current = [e for e in results[article.id].events if not e.background and not e.generic]
        pairs, _ = match(current, gold)
        for row, event in pairs:
            if event is None or not row.admin1:
                continue
            out.append({
                "line": row.line, "gold_admin1": row.admin1, "gold_iso3": iso3_by_line.get(row.line, ""),
                "gold_lat": row.latitude, "gold_lon": row.longitude, "gold_location": row.location,
                "admin1": event.admin1, "admin2": event.admin2, "iso3": event.iso3, "location": event.location,
                "lat": event.latitude, "lon": event.longitude,
            })
    return out


def category(p: dict) -> str:
    from sitrep.geo.admin_names import same_admin1
    from sitrep.geo.names import fold

    if not p["admin1"]:
        return "no admin1 (country-level event)"
    if p["iso3"] != p["gold_iso3"]:
        return "another country"
    if p["admin2"] and same_admin1(p["admin2"], p["gold_admin1"], None):
        return "level mismatch (gold admin1 = our admin2)"
    if None not in (p["lat"], p["lon"], p["gold_lat"], p["gold_lon"]) and _km(p) > 50:
        return "wrong place resolved (> 50 km off)"
    if fold(p["admin1"]) and p["location"] and same_admin1(p["location"], p["gold_admin1"], None):
        return "level mismatch (gold admin1 = our location)"
    return "naming (same area, other name) or neighbouring area"


def _km(p: dict) -> float:
    import math

    lat1, lon1, lat2, lon2 = map(math.radians, (p["lat"], p["lon"], p["gold_lat"], p["gold_lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N notes texts")
    parser.add_argument("--cache", type=Path, default=None, help="JSON file keeping the extractor's predictions")
    parser.add_argument("--show", type=int, default=15, help="how many mismatch examples per category to print")
    args = parser.parse_args()

    if args.cache and args.cache.exists():
        preds = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        preds = predictions(args.gold, args.limit)
        if args.cache:
            args.cache.write_text(json.dumps(preds), encoding="utf-8")

    from sitrep.geo.admin_names import acled_admin1, alpha2, display_admin1, same_admin1
    from sitrep.geo.names import fold

    started = time.perf_counter()
    n = len(preds)
    exact = renamed = levelled = alias = fuzzy = same_country = same_country_alias = 0
    from sitrep.evaluate.acled import same_place_name
    left: Counter[str] = Counter()
    examples: dict[str, Counter[str]] = {}
    for p in preds:
        cc = alpha2(p["iso3"] or "")
        ours = p["admin1"] or ""
        exact += bool(ours) and fold(ours) == fold(p["gold_admin1"])
        shown = display_admin1(cc, ours) if ours and cc else ours
        renamed += bool(shown) and fold(shown) == fold(p["gold_admin1"])
        acled = (acled_admin1(cc, ours, p["admin2"]) if cc else ours) or ""
        levelled += bool(acled) and fold(acled) == fold(p["gold_admin1"])
        fuzzy += same_place_name(ours, p["gold_admin1"])
        matched = bool(acled) and same_admin1(acled, p["gold_admin1"], cc)
        if ours and p["iso3"] == p["gold_iso3"]:
            same_country += 1
            same_country_alias += matched
        if matched:
            alias += 1
            continue
        kind = category(p)
        left[kind] += 1
        examples.setdefault(kind, Counter())[f"{p['gold_iso3']}: ours {ours!r} ({p['location']}) / gold {p['gold_admin1']!r}"] += 1
    per_call = (time.perf_counter() - started) / max(n, 1) * 1e6

    print(f"gold rows with a paired current event and a gold admin1: {n}")
    print(f"(a) exact admin1 match today          {exact / n:.3f}  ({exact}/{n})")
    print(f"(b) exact match after display_admin1  {renamed / n:.3f}  ({renamed}/{n})")
    print(f"(b') exact after acled_admin1         {levelled / n:.3f}  ({levelled}/{n})  (b + ACLED's level: Ugandan districts)")
    print(f"(c) same_admin1 match                 {alias / n:.3f}  ({alias}/{n})")
    print(f"(d) for reference: sitrep.evaluate.acled.same_place_name on today's names  {fuzzy / n:.3f}  ({fuzzy}/{n})")
    print(f"(c) among rows whose event has an admin1 in the gold's country: {same_country_alias / max(same_country, 1):.3f}"
          f"  ({same_country_alias}/{same_country})")
    print(f"scoring time {per_call:.0f} us per row (display + same + category)")
    print("\nremaining mismatches under (c):")
    for kind, count in left.most_common():
        print(f"  {count:5d}  {kind}")
        for example, times in examples[kind].most_common(args.show):
            print(f"         {times:3d} x {example}")


if __name__ == "__main__":
    main()
