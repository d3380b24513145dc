"""What geocoding adds to extraction time: `Extractor.extract` over the same articles with and without it.

Usage:
  python benchmarks/bench_geo.py [--corpus PATH] [--limit N] [--rounds R]

--corpus is a folder of articles (any format `sitrep ingest` reads) or the HRDsAttack JSON
(`../shared/datasets/hrdsattack/train.json`, real-length news; the default when present, else
`examples/articles`). One process, model and gazetteer loaded once (load times printed apart);
the two modes alternate for R rounds so machine load hits both alike, and the best round counts:

  with-geo     the full pipeline: toponym detection + resolution, event location
  without-geo  the same with resolve_toponyms replaced by an empty result (so no event is located)

Also prints the time spent inside resolve_toponyms and locate_event during the with-geo rounds.
The target (issue 4): geocoding adds no more than 20% to extract time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared/datasets/hrdsattack/train.json"


def load_articles(corpus: Path, limit: int):
    from sitrep.ingest import read_inputs
    from sitrep.records import Article

    if corpus.suffix == ".json":
        items = json.loads(corpus.read_text(encoding="utf-8"))
        articles = []
        for i, item in enumerate(items):
            html = item["sample"].get("Input.article_interface") or ""
            articles.append(Article(text=html.replace("</p>", "\n\n").replace("<p>", ""), id=f"hrd{i}"))
    else:
        articles = [a for a in read_inputs([str(corpus)]) if isinstance(a, Article)]
    return articles[:limit]


class Timer:
    """Wraps a function and adds up the time spent in it."""

    def __init__(self, function) -> None:
        self.function = function
        self.seconds = 0.0
        self.calls = 0

    def __call__(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else ROOT / "examples/articles")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import sitrep.geo.locate as locate_module
    import sitrep.pipeline as pipeline
    from sitrep.pipeline import Extractor  # imports the events stage, which imports locate_event

    articles = load_articles(args.corpus, args.limit)
    chars = sum(len(a.text) for a in articles)
    started = time.perf_counter()
    extractor = Extractor()
    print(f"corpus {args.corpus} | {len(articles)} articles, {chars / 1000:.0f}k chars | "
          f"model + gazetteer + actors loaded in {time.perf_counter() - started:.1f} s")

    real_resolve = pipeline.resolve_toponyms
    resolve_timer = Timer(real_resolve)
    locate_timer = Timer(locate_module.locate_event)
    # every module that imported locate_event by name (the events stage does) gets the timed one
    patched_locate = [m for m in list(sys.modules.values())
                      if getattr(m, "locate_event", None) is locate_module.locate_event]

    def run(with_geo: bool) -> tuple[float, int]:
        pipeline.resolve_toponyms = resolve_timer if with_geo else (lambda doc, article, gazetteer, **hints: [])
        for module in patched_locate:
            module.locate_event = locate_timer if with_geo else locate_timer.function
        started = time.perf_counter()
        events = sum(len(r.events) for r in extractor.extract(articles))
        return time.perf_counter() - started, events

    run(True)  # warm-up: caches, lazy imports
    resolve_timer.seconds = locate_timer.seconds = 0.0
    best = {True: float("inf"), False: float("inf")}
    events = {}
    for _ in range(args.rounds):
        for mode in (False, True):
            seconds, events[mode] = run(mode)
            best[mode] = min(best[mode], seconds)
    pipeline.resolve_toponyms = real_resolve
    for module in patched_locate:
        module.locate_event = locate_timer.function

    overhead = (best[True] - best[False]) / best[False] * 100
    per_round = (resolve_timer.seconds + locate_timer.seconds) / args.rounds
    print(f"without-geo  {best[False]:7.2f} s  {len(articles) / best[False]:6.1f} articles/s  {events[False]} events")
    print(f"with-geo     {best[True]:7.2f} s  {len(articles) / best[True]:6.1f} articles/s  {events[True]} events")
    print(f"geocoding adds {overhead:+.1f}% to extract time (target <= 20%); inside it per round: "
          f"resolve_toponyms {resolve_timer.seconds / args.rounds:.2f} s, locate_event {locate_timer.seconds / args.rounds:.2f} s "
          f"= {per_round / best[True] * 100:.1f}% of the with-geo time")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
