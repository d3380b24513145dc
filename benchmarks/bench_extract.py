"""Extraction speed and memory beside a raw spaCy pass over the same texts, in the same run.

Usage:
  python benchmarks/bench_extract.py [--corpus PATH] [--limit N] [--workers 1 2] [--repeat-corpus K]
                                     [--modes raw-spacy extract ...] [--mixed-with XML ... [--mixed-count M]]

--corpus is a folder of articles (any format `sitrep ingest` reads) or the HRDsAttack JSON
(`../shared/datasets/hrdsattack/train.json`, real-length news articles; the default when present,
else `examples/articles`). Each measurement runs in a fresh subprocess so that its wall time
includes the model load and its peak RSS is its own:

  raw-spacy      en_core_web_sm, all components, nlp.pipe over the texts (one process)
  raw-ner        the same with only tok2vec and ner (the issue's "raw tok2vec+ner" calibration pass; not run by default)
  extract        sitrep's Extractor (relevance cascade, spaCy, geo, events; default settings, i.e. selective
                 parsing since no claims are extracted), per worker count
  extract-nocascade   the same with the cascade off (every article gets the NLP pass)
  extract-full        the cascade on and the full parse (SITREP_SELECTIVE_PARSE=0; not run by default)
  extract-selective   the cascade on and selective parsing forced (SITREP_SELECTIVE_PARSE=1; not run by default)
  extract-claims      the default settings, extracting quotes and claims too (as `sitrep ingest`; not run by default)

--mixed-with adds non-conflict news to the corpus, interleaved: the <text> elements of geoparsing XML
files (`../shared/datasets/geoparsing/lgl.xml`, `geovirus.xml`: local US news and epidemic news),
--mixed-count of them (default: as many as there are conflict articles x 3). That is the "mixed feed"
on which the relevance cascade earns its keep.

Prints one line per measurement: articles, seconds, articles/s, CPU seconds (this process and its
workers) and articles per CPU second, the parent's own CPU seconds (with workers: load, warm-up and
collecting), the seconds to the first result, and peak RSS in MiB (the largest single process). Times include
the model load. On a shared machine compare modes by articles per CPU second, or in the same run.
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


def load_articles(corpus: Path, limit: int, repeat: int, mixed_with: list[Path] | None = None, mixed_count: int | None = None):
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
    if mixed_with:
        import xml.etree.ElementTree as ET

        others = [el.text or "" for path in mixed_with for el in ET.parse(path).iter("text")]
        others = [Article(text=t, id=f"news{i}") for i, t in enumerate(others[: mixed_count or 3 * len(articles)])]
        ratio = max(1, round(len(others) / max(len(articles), 1)))
        mixed = []
        for i, article in enumerate(articles):
            mixed.append(article)
            mixed.extend(others[i * ratio : (i + 1) * ratio])
        mixed.extend(others[len(articles) * ratio :])
        articles = mixed
    # Repeating the corpus (with fresh ids) checks that memory stays flat as the corpus grows.
    return [Article(text=a.text, title=a.title, id=f"{a.id}-{k}", published=a.published) for k in range(repeat) for a in articles]


def child(mode: str, corpus: Path, limit: int, workers: int, repeat: int, mixed_with, mixed_count) -> None:
    start = time.perf_counter()
    articles = load_articles(corpus, limit, repeat, mixed_with, mixed_count)
    load_done = time.perf_counter()
    cpu_before = sum(getattr(resource.getrusage(resource.RUSAGE_SELF), f) for f in ("ru_utime", "ru_stime"))
    if mode in ("raw-spacy", "raw-ner"):
        import spacy

        from sitrep.nlp.pipeline import model_name
        from sitrep.settings import Settings

        nlp = spacy.load(model_name(Settings()))
        if mode == "raw-ner":
            nlp.select_pipes(enable=["tok2vec", "ner"])
        first = 0.0
        count = sum(1 for _ in nlp.pipe((a.text for a in articles), batch_size=32))
        events = 0
    else:
        from sitrep.engines.local import extract_parallel
        from sitrep.settings import Settings

        selective = {"extract-full": False, "extract-selective": True}.get(mode)  # None: the default
        settings = Settings(cascade=(mode != "extract-nocascade"), selective_parse=selective)
        count = events = 0
        first = 0.0
        for result in extract_parallel(articles, settings, workers=workers, claims=(mode == "extract-claims")):
            if not count:
                first = time.perf_counter() - load_done  # start-up: model load (and fork) plus the first chunk
            count += 1
            events += len(result.events)
    seconds = time.perf_counter() - load_done
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # CPU seconds of this process and its workers: on a shared machine the wall time depends on the
    # neighbours, articles per CPU second much less.
    cpu = sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for field in ("ru_utime", "ru_stime")) - cpu_before
    # This process alone: with workers, the parent's share (model load, warm-up, collecting results).
    parent_cpu = sum(getattr(resource.getrusage(resource.RUSAGE_SELF), f) for f in ("ru_utime", "ru_stime")) - cpu_before
    print(json.dumps({
        "mode": mode, "workers": workers, "articles": count, "events": events,
        "seconds": round(seconds, 2), "articles_per_s": round(count / seconds, 2),
        "cpu_s": round(cpu, 2), "articles_per_cpu_s": round(count / cpu, 2), "parent_cpu_s": round(parent_cpu, 2),
        "peak_rss_mib": round(max(own, children)), "reading_s": round(load_done - start, 2),
        "first_result_s": round(first, 2),
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else ROOT / "examples/articles")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat-corpus", type=int, nargs="+", default=[1])
    parser.add_argument("--modes", nargs="+", default=["raw-spacy", "extract", "extract-nocascade"],
                        choices=["raw-spacy", "raw-ner", "extract", "extract-nocascade", "extract-full", "extract-selective", "extract-claims"])
    parser.add_argument("--mixed-with", type=Path, nargs="+", help="geoparsing XML files of non-conflict news to mix in")
    parser.add_argument("--mixed-count", type=int, help="how many of their texts (default 3 x the conflict articles)")
    parser.add_argument("--child", nargs=4, metavar=("MODE", "LIMIT", "WORKERS", "REPEAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, limit, workers, repeat = args.child
        child(mode, args.corpus, int(limit), int(workers), int(repeat), args.mixed_with, args.mixed_count)
        return

    print(f"# machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"# corpus: {args.corpus} (first {args.limit} articles)"
          + (f" mixed with {args.mixed_count or '3 x as many'} texts of {', '.join(str(p) for p in args.mixed_with)}" if args.mixed_with else ""))
    mixed = (["--mixed-with", *map(str, args.mixed_with)] if args.mixed_with else []) + (
        ["--mixed-count", str(args.mixed_count)] if args.mixed_count else [])
    for repeat in args.repeat_corpus:
        for mode in args.modes:
            for workers in [1] if mode.startswith("raw-") else args.workers:
                out = subprocess.run(
                    [sys.executable, __file__, "--corpus", str(args.corpus), *mixed, "--child", mode, str(args.limit), str(workers), str(repeat)],
                    capture_output=True, text=True, check=True,
                )
                print(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
