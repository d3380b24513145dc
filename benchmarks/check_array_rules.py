"""The array attribute ruler and memoised lemmatizer (sitrep.nlp.fast_rules) against spaCy's components.

Usage:
  python benchmarks/check_array_rules.py [--corpus PATH] [--limit N]

Runs the model twice over the corpus, once as shipped and once with `use_array_rules`, and counts the
tokens whose tag, POS, morphology, lemma, dependency or head differ (expected: 0), then times each
component alone on the same parsed Docs (the lemmatizers twice: cold, then with their caches warm).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import DEFAULT_CORPUS, ROOT, load_articles  # noqa: E402


def annotations(doc) -> list[tuple]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else ROOT / "examples/articles")
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()

    import spacy

    from sitrep.nlp.fast_rules import use_array_rules
    from sitrep.nlp.pipeline import model_name
    from sitrep.settings import Settings

    texts = [a.text for a in load_articles(args.corpus, args.limit, 1)]
    shipped = spacy.load(model_name(Settings()))
    array = spacy.load(model_name(Settings()))
    use_array_rules(array)
    tokens = differing = 0
    for a, b in zip(shipped.pipe(texts), array.pipe(texts)):
        tokens += len(a)
        differing += sum(x != y for x, y in zip(annotations(a), annotations(b)))
    print(f"# corpus: {args.corpus} (first {len(texts)} articles)")
    print(f"tokens: {tokens}; differing annotations: {differing}")

    # Timed on fresh pipelines, so that the first lemmatizer round starts with empty caches.
    shipped = spacy.load(model_name(Settings()))
    array = spacy.load(model_name(Settings()))
    use_array_rules(array)
    parsed = list(shipped.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))
    for name in ("attribute_ruler", "lemmatizer"):
        for nlp, label in ((shipped, "spaCy"), (array, "array")):
            component = nlp.get_pipe(name)
            rounds = []
            for _ in range(2 if name == "lemmatizer" else 1):
                docs = [doc.copy() for doc in parsed]
                if name == "lemmatizer":  # the lemmatizer reads the ruler's POS and morphology
                    docs = [nlp.get_pipe("attribute_ruler")(doc) for doc in docs]
                began = time.process_time()
                for doc in docs:
                    component(doc)
                rounds.append((time.process_time() - began) / len(docs) * 1000)
            print(f"{name:16s} {label:6s} " + "  ".join(f"{ms:.1f} ms/article" for ms in rounds))


if __name__ == "__main__":
    main()
