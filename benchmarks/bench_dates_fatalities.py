"""Measure the date and fatality rules on an ACLED export (a gold set the user supplies).

    .venv/bin/python benchmarks/bench_dates_fatalities.py ../shared/datasets/acled/acled-2020-05-dev.csv [--errors N]
    .venv/bin/python benchmarks/bench_dates_fatalities.py --throughput article.txt [--copies 20]

Each note is read with its publication date set to the gold event_date + 2 days (the project's
scoring convention). Prints the share of rows whose gold `fatalities` equals
`fatality_count(find_fatalities(note))`, the share whose gold `event_date` equals
`event_window(note, published).best`, and the time_precision agreement. Reads the file only; copies nothing.
With --throughput it instead times the spaCy pipeline (load, `nlp.pipe` articles/s, with and without
Sitrep's rule components) and the date and fatality rules on copies of one article.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sitrep.extract.casualties import fatality_count, find_fatalities
from sitrep.extract.dates import event_window


def parse_acled_date(value: str) -> date:
    for fmt in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d", "%d-%B-%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unrecognised event_date {value!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="?", help="ACLED CSV export with notes, event_date, fatalities")
    parser.add_argument("--errors", type=int, default=0, help="print this many mismatches of each kind")
    parser.add_argument("--throughput", type=Path, help="time the pipeline and rules on copies of this article")
    parser.add_argument("--copies", type=int, default=20, help="copies of the article for --throughput")
    args = parser.parse_args(argv)
    if args.throughput:
        return throughput(args.throughput, args.copies)
    if args.gold is None:
        parser.error("give an ACLED CSV path, or --throughput ARTICLE")
    if not args.gold.is_file():
        print(f"{args.gold}: no such file", file=sys.stderr)
        return 2
    with args.gold.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"notes", "event_date", "fatalities"} - set(reader.fieldnames or [])
        if missing:
            print(f"{args.gold}: not an ACLED export, missing column(s) {', '.join(sorted(missing))}", file=sys.stderr)
            return 2
        rows = list(reader)
    if not rows:
        print(f"{args.gold}: no rows", file=sys.stderr)
        return 2
    fatal_ok = date_ok = precision_ok = 0
    fatal_errors: list[str] = []
    date_errors: list[str] = []
    started = time.perf_counter()
    for row in rows:
        gold_date = parse_acled_date(row["event_date"])
        published = gold_date + timedelta(days=2)
        note = row["notes"]
        predicted = fatality_count(find_fatalities(note))
        if predicted == int(row["fatalities"]):
            fatal_ok += 1
        elif len(fatal_errors) < args.errors:
            fatal_errors.append(f"gold {row['fatalities']} got {predicted}: {note}")
        window = event_window(note, published)
        if window.best == gold_date:
            date_ok += 1
        elif len(date_errors) < args.errors:
            date_errors.append(f"gold {gold_date} got {window.best} ({window.text!r}): {note[:200]}")
        if str(window.precision) == row.get("time_precision", "").strip():
            precision_ok += 1
    elapsed = time.perf_counter() - started
    n = len(rows)
    print(f"rows: {n}  ({elapsed:.1f} s, {n / elapsed:.0f} notes/s)")
    print(f"fatalities exact match: {fatal_ok / n:.3f} ({fatal_ok}/{n})")
    print(f"event_date exact match: {date_ok / n:.3f} ({date_ok}/{n})")
    print(f"time_precision match:   {precision_ok / n:.3f} ({precision_ok}/{n})")
    for line in fatal_errors:
        print("FATAL", line)
    for line in date_errors:
        print("DATE ", line)
    return 0


def throughput(path: Path, copies: int) -> int:
    if not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 2
    from sitrep.nlp.pipeline import load_pipeline
    from sitrep.settings import Settings

    text = path.read_text(encoding="utf-8")
    texts = [text] * copies
    started = time.perf_counter()
    nlp = load_pipeline(Settings())
    print(f"model load: {time.perf_counter() - started:.2f} s ({', '.join(nlp.pipe_names)})")
    for label, disabled in (("with rule components", []), ("bare model", ["sitrep_news_sentences", "sitrep_dateline"])):
        with nlp.select_pipes(disable=[name for name in disabled if name in nlp.pipe_names]):
            started = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=8):
                pass
            elapsed = time.perf_counter() - started
        print(f"nlp.pipe {label}: {copies / elapsed:.2f} articles/s ({len(text)} characters each)")
    published = date.today()
    started = time.perf_counter()
    for item in texts:
        event_window(item, published)
        fatality_count(find_fatalities(item))
    print(f"date + fatality rules: {copies / (time.perf_counter() - started):.1f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
