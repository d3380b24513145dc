"""Equivalence and speed of selective parsing (Settings.selective_parse) against the full pipeline.

Usage:
  python benchmarks/check_selective_parse.py [--corpus PATH] [--limit N] [--claims] [--speech] [--forced]

Extracts the corpus twice in this process, once with the full spaCy pipeline (SITREP_SELECTIVE_PARSE=0)
and once with the default one (selective parsing unless claims are extracted: with --claims this checks
that the default gives the full pipeline's output) or, with --forced, with selective parsing for every
call (SITREP_SELECTIVE_PARSE=1), alternating batches of articles so that both see the same machine load,
and reports:
- events that differ, field by field (events are paired by article and evidence offsets);
- quotes and claims that differ (with --claims);
- the share of tokens that went through the parser, and the time of each way (model loads excluded).
--speech also parses paragraphs with a quotation or a speech verb (for quotes and claims; by default
only event paragraphs are parsed, as with SITREP_SELECTIVE_PARSE=1).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import DEFAULT_CORPUS, ROOT, load_articles  # noqa: E402

from sitrep.records import Event  # noqa: E402

# Every Event field but the ones derived from others (event_id) or compared through the pairing key.
SKIPPED = {"doc_id", "event_id", "evidence"}


def event_key(event) -> tuple:
    # By article and evidence only: an event placed elsewhere shows as a location difference, not as one
    # missing and one extra event (the NER reads fewer paragraphs without claims, so places can change).
    return (event.doc_id, tuple((e.start, e.end) for e in event.evidence))


def compare(full_results, selective_results, fields: tuple[str, ...]) -> tuple[Counter, list[str], int]:
    """Per-field difference counts, example lines, and the number of events in the full run."""
    differences: Counter = Counter()
    examples: list[str] = []
    total = 0
    for a, b in zip(full_results, selective_results):
        full = {event_key(e): e for e in a.events}
        selective = {event_key(e): e for e in b.events}
        total += len(full)
        for key in full.keys() - selective.keys():
            differences["missing with selective"] += 1
            examples.append(f"missing  {key[0]} {full[key].sub_event_type}: {full[key].notes[:100]}")
        for key in selective.keys() - full.keys():
            differences["extra with selective"] += 1
            examples.append(f"extra    {key[0]} {selective[key].sub_event_type}: {selective[key].notes[:100]}")
        for key in full.keys() & selective.keys():
            for name in fields:
                x, y = getattr(full[key], name, None), getattr(selective[key], name, None)
                if x != y:
                    differences[name] += 1
                    examples.append(f"{name:9s} {key[0]}: {x!r} -> {y!r}")
    return differences, examples, total


def claims_differences(full_results, selective_results) -> Counter:
    counts: Counter = Counter()
    for a, b in zip(full_results, selective_results):
        for kind in ("quotes", "claims"):
            x = [dataclasses.astuple(q) for q in getattr(a, kind)]
            y = [dataclasses.astuple(q) for q in getattr(b, kind)]
            counts[kind] += len(set(x) ^ set(y))
            counts[f"{kind} total"] += len(x)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else ROOT / "examples/articles")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--claims", action="store_true", help="also compare quotes and claims")
    parser.add_argument("--speech", action="store_true", help="also parse quotation and speech paragraphs")
    parser.add_argument("--forced", action="store_true", help="selective parsing even with --claims (SITREP_SELECTIVE_PARSE=1)")
    parser.add_argument("--batch", type=int, default=10, help="articles per alternating batch")
    parser.add_argument("--examples", type=int, default=15)
    args = parser.parse_args()

    from sitrep.nlp.selective import COMPONENT
    from sitrep.pipeline import Extractor
    from sitrep.settings import Settings

    articles = load_articles(args.corpus, args.limit, 1)
    full = Extractor(Settings(cascade=False, selective_parse=False))
    selective = Extractor(Settings(cascade=False, selective_parse=True if args.forced else None))
    selective.nlp.get_pipe(COMPONENT).speech = args.speech
    from sitrep.engines.local import WARM_UP

    for extractor in (full, selective):  # the lazily built parts (lexicons, matchers, indexes) before timing
        list(extractor.extract([WARM_UP], claims=args.claims))
    seconds = {"full": 0.0, "selective": 0.0}
    cpu = {"full": 0.0, "selective": 0.0}
    results: dict[str, list] = {"full": [], "selective": []}
    ways = [("full", full), ("selective", selective)]
    for number, start in enumerate(range(0, len(articles), args.batch)):
        batch = articles[start : start + args.batch]
        # Which way goes first alternates: the second extraction of a batch finds its texts in the
        # process's caches (date mentions, lemmas), which made a fixed order favour the second way.
        for name, extractor in ways if number % 2 == 0 else ways[::-1]:
            began, began_cpu = time.perf_counter(), time.process_time()
            results[name].extend(extractor.extract(batch, claims=args.claims))
            seconds[name] += time.perf_counter() - began
            cpu[name] += time.process_time() - began_cpu

    parsed = total_tokens = 0
    from sitrep.nlp.selective import parse_options

    for doc in selective.nlp.pipe((a.text for a in articles[:20]), **parse_options(selective.nlp, full_parse=False)):
        total_tokens += len(doc)
        parsed += sum(1 for t in doc if not (t.dep_ == "dep" and not t.tag_))
    fields = tuple(f.name for f in dataclasses.fields(Event) if f.name not in SKIPPED)
    differences, examples, total = compare(results["full"], results["selective"], fields)
    print(f"# corpus: {args.corpus} (first {len(articles)} articles), speech paragraphs parsed: {args.speech}, "
          f"claims: {args.claims}, second way: {'selective for every call' if args.forced else 'the default pipeline'}")
    print(f"tokens parsed (first 20 articles): {parsed}/{total_tokens} = {parsed / max(total_tokens, 1):.2f}")
    print(f"full:      {seconds['full']:.1f} s  {cpu['full']:.1f} CPU s  {len(articles) / seconds['full']:.2f} articles/s")
    print(f"selective: {seconds['selective']:.1f} s  {cpu['selective']:.1f} CPU s  {len(articles) / seconds['selective']:.2f} articles/s"
          f"  (x{seconds['full'] / seconds['selective']:.2f} wall, x{cpu['full'] / cpu['selective']:.2f} CPU)")
    print(f"events (full run): {total}; differing: {sum(differences.values())}")
    for name, count in differences.most_common():
        print(f"  {name}: {count}")
    if args.claims:
        for name, count in claims_differences(results["full"], results["selective"]).items():
            print(f"  {name}: {count}")
    for line in examples[: args.examples]:
        print("   ", line)


if __name__ == "__main__":
    main()
