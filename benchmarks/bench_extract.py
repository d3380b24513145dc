"""Extraction speed and memory beside a raw spaCy pass over the same texts, in the same run.

Usage:
  python benchmarks/bench_extract.py [--corpus PATH] [--limit N] [--workers 1 2] [--repeat-corpus K]

--corpus is a folder of articles (any format `sitrep ingest` reads) or the HRDsAttack JSON
(`../shared/datasets/hrdsattack/train.json`, real-length news articles; the default when present,
else `examples/articles`). Each measurement runs in a fresh subprocess so that its wall time
includes the model load and its peak RSS is its own:

  raw-spacy      en_core_web_sm, all components, nlp.pipe over the texts (one process)
  extract        sitrep's Extractor (relevance cascade, spaCy, geo, events), per worker count
  extract-nocascade   the same with the cascade off (every article gets the full pass)

Prints one line per measurement: articles, seconds, articles/s and peak RSS in MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared/datasets/hrdsattack/train.json"


def load_articles(corpus: Path, limit: int, repeat: int):
    from sitrep.ingest import read_inputs
    from sitrep.records import Article

    if corpus.suffix == ".json":
        items = json.loads(corpus.read_text(encoding="utf-8"))
        articles = []
        for i, item in enumerate(items):
            sample = item["sample"]
            html = sample.get("Input.article_interface") or ""
            text = html.replace("</p>", "\n\n").replace("<p>", "")
            articles.append(Article(text=text, title=sample.get("Input.title"), id=f"hrd{i}"))
    else:
        articles = [a for a in read_inputs([str(corpus)]) if isinstance(a, Article)]
    articles = articles[:limit]
    # Repeating the corpus (with fresh ids) checks that memory stays flat as the corpus grows.
    return [Article(text=a.text, title=a.title, id=f"{a.id}-{k}", published=a.published) for k in range(repeat) for a in articles]


def child(mode: str, corpus: Path, limit: int, workers: int, repeat: int) -> None:
    start = time.perf_counter()
    articles = load_articles(corpus, limit, repeat)
    load_done = time.perf_counter()
    if mode == "raw-spacy":
        from sitrep.nlp.pipeline import model_name
        from sitrep.settings import Settings
        import spacy

        nlp = spacy.load(model_name(Settings()))
        count = sum(1 for _ in nlp.pipe((a.text for a in articles), batch_size=32))
        events = 0
    else:
        from sitrep.engines.local import extract_parallel
        from sitrep.settings import Settings

        settings = Settings(cascade=(mode == "extract"))
        count = events = 0
        for result in extract_parallel(articles, settings, workers=workers):
            count += 1
            events += len(result.events)
    seconds = time.perf_counter() - load_done
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({
        "mode": mode, "workers": workers, "articles": count, "events": events,
        "seconds": round(seconds, 2), "articles_per_s": round(count / seconds, 2),
        "peak_rss_mib": round(max(own, children)), "reading_s": round(load_done - start, 2),
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else ROOT / "examples/articles")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat-corpus", type=int, nargs="+", default=[1])
    parser.add_argument("--modes", nargs="+", default=["raw-spacy", "extract", "extract-nocascade"])
    parser.add_argument("--child", nargs=4, metavar=("MODE", "LIMIT", "WORKERS", "REPEAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, limit, workers, repeat = args.child
        child(mode, args.corpus, int(limit), int(workers), int(repeat))
        return

    print(f"# machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"# corpus: {args.corpus} (first {args.limit} articles)")
    for repeat in args.repeat_corpus:
        for mode in args.modes:
            for workers in [1] if mode == "raw-spacy" else args.workers:
                out = subprocess.run(
                    [sys.executable, __file__, "--corpus", str(args.corpus), "--child", mode, str(args.limit), str(workers), str(repeat)],
                    capture_output=True, text=True, check=True,
                )
                print(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
