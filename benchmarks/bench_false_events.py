"""False events on news that reports no conflict: how many events Sitrep extracts from it.

Usage:
  python benchmarks/bench_false_events.py [XML ...] [--no-cascade] [--show N] [--report OUT.json]

Reads the <text> elements of geoparsing XML files (default: `../shared/datasets/geoparsing/lgl.xml`
and `geovirus.xml`: local US news and epidemic news, which the cascade benchmark uses as non-conflict
news) and runs `sitrep extract`'s Extractor over them (cascade on unless --no-cascade). Every
current event (not background, not generic) found there is counted as a false event: sports results,
illness "fought", fires "destroyed", court reports of ordinary crime. A few of these articles do
report political violence in passing (a soldier killed in Helmand); the count is an upper bound
on the false events, read with the samples that --show prints.

Prints the articles, the events per 100 articles, the articles with any event, the counts by event
type and sub-event type, and N sample evidence sentences.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_XML = [ROOT.parent / "shared/datasets/geoparsing/lgl.xml", ROOT.parent / "shared/datasets/geoparsing/geovirus.xml"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("xml", nargs="*", type=Path, default=DEFAULT_XML)
    parser.add_argument("--no-cascade", action="store_true", help="every article gets the NLP pass")
    parser.add_argument("--show", type=int, default=0, help="print this many sample evidence sentences")
    parser.add_argument("--report", type=Path, help="write the counts and every event's evidence as JSON")
    args = parser.parse_args()

    from sitrep.pipeline import Extractor
    from sitrep.records import Article
    from sitrep.settings import Settings

    articles = []
    for path in args.xml:
        if not path.exists():
            print(f"{path}: no such file", file=sys.stderr)
            return 1
        articles += [Article(text=el.text or "", id=f"{path.stem}-{i}") for i, el in enumerate(ET.parse(path).iter("text"))]
    started = time.perf_counter()
    extractor = Extractor(settings=Settings(cascade=not args.no_cascade))
    found = []
    for result in extractor.extract(articles):
        for event in result.events:
            if not event.background and not event.generic:
                found.append((result.article.id, event))
    seconds = time.perf_counter() - started

    by_type = Counter(e.event_type for _, e in found)
    by_sub = Counter(e.sub_event_type for _, e in found)
    with_events = len({doc for doc, _ in found})
    print(f"# {', '.join(p.name for p in args.xml)}: {len(articles)} articles, cascade {'off' if args.no_cascade else 'on'}, {seconds:.1f} s")
    print(f"events {len(found)} ({100 * len(found) / max(1, len(articles)):.1f} per 100 articles); "
          f"articles with an event {with_events} ({with_events / max(1, len(articles)):.3f})")
    for name, count in by_type.most_common():
        print(f"  {name:32s} {count}")
    print("sub-event types: " + ", ".join(f"{name} {count}" for name, count in by_sub.most_common()))
    samples = random.Random(0).sample(found, min(args.show, len(found)))
    for doc, event in samples:
        evidence = event.evidence[0].text if event.evidence else ""
        print(f"- {doc} {event.sub_event_type}: {' '.join(evidence.split())[:200]}")
    if args.report:
        args.report.write_text(json.dumps({
            "articles": len(articles), "events": len(found), "articles_with_events": with_events,
            "by_type": dict(by_type), "by_sub_event_type": dict(by_sub),
            "events_listed": [{"doc": doc, "sub_event_type": e.sub_event_type,
                               "evidence": [s.text for s in e.evidence]} for doc, e in found],
        }, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
