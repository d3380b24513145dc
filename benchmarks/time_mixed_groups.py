"""Where a mixed feed's CPU goes, warm: the conflict articles the cascade passes, the news texts it passes
and the texts it stops, each group extracted twice in one process by one Extractor (best pass, CPU s).

  python benchmarks/time_mixed_groups.py [--limit 100] [--mixed-count 817]

The feed is `bench_extract.py`'s: the first HRDsAttack training articles interleaved with LGL and
GeoVirus texts (needs ../shared/datasets). A fresh process pays more than the best pass (the model
load, and the first sight of every word, which spaCy's vocabulary and the place caches keep).
"""

from __future__ import annotations

import argparse
import time

from bench_extract import DEFAULT_CORPUS, load_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--mixed-count", type=int, default=817)
    args = parser.parse_args()
    from sitrep.extract.relevance import check_relevance, could_report_event
    from sitrep.pipeline import Extractor

    geo = DEFAULT_CORPUS.parent.parent / "geoparsing"
    articles = load_articles(DEFAULT_CORPUS, args.limit, 1, [geo / "lgl.xml", geo / "geovirus.xml"], args.mixed_count)
    extractor = Extractor()
    list(extractor.extract(articles[:3]))  # lazily built parts
    passing = {a.id for a in articles if check_relevance(a).relevant and could_report_event(a)}
    groups = {
        "conflict articles passed": [a for a in articles if a.id in passing and a.id.startswith("hrd")],
        "news texts passed": [a for a in articles if a.id in passing and not a.id.startswith("hrd")],
        "texts stopped": [a for a in articles if a.id not in passing],
    }
    for name, group in groups.items():
        passes = []
        for _ in range(2):
            start = time.process_time()
            events = sum(len(result.events) for result in extractor.extract(group))
            passes.append(time.process_time() - start)
        print(f"{name:26} {len(group):4} texts  {events:5} events  {min(passes):6.2f} CPU s")


if __name__ == "__main__":
    main()
