"""Same output before and after a speed change: events, toponyms, quotes and claims, article by article.

Usage:
  python benchmarks/check_output_identity.py dump OUT.json [--corpus PATH] [--limit N] [--claims] [--parse default|full|selective]
  python benchmarks/check_output_identity.py reference REF_SRC [--files F ...]
  python benchmarks/check_output_identity.py compare A.json B.json

`dump` extracts the corpus in this process (cascade off, so every article is parsed) and writes every
result as JSON; `--parse` picks Settings.selective_parse (default: None, the default pipeline; full:
False; selective: True). `reference REF_SRC` builds a reference source tree: a copy of `src/` with the given
files (default: the speed-owned modules) taken from git HEAD, so that a dump run with
`PYTHONPATH=REF_SRC` differs from the working tree only by those files (with `--source SNAPSHOT`, from a
copy of `src/` taken at the same moment, so that other helpers' edits reach both sides alike).
`compare` prints the results that differ (by article and kind) and exits 1 if any do.

Both trees open the gazetteer of SITREP_DATA_DIR and rebuild it when its builder version is not theirs:
run a snapshot with a private SITREP_DATA_DIR (a copy of ~/.cache/sitrep) so that it never rebuilds the
one other processes use.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import DEFAULT_CORPUS, ROOT, load_articles  # noqa: E402

SPEED_FILES = [
    "src/sitrep/nlp/pipeline.py", "src/sitrep/nlp/components.py", "src/sitrep/nlp/selective.py",
    "src/sitrep/nlp/doctext.py", "src/sitrep/extract/triggers.py", "src/sitrep/extract/dates.py",
    "src/sitrep/extract/date_resolvers.py", "src/sitrep/extract/quotes.py", "src/sitrep/extract/attribution.py",
    "src/sitrep/extract/quantities.py", "src/sitrep/extract/claims.py",
    "src/sitrep/engines/local.py", "src/sitrep/settings.py", "src/sitrep/pipeline.py", "src/sitrep/streams.py",
]  # fmt: skip


PARSE_MODES = {"default": None, "full": False, "selective": True}  # Settings.selective_parse


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def dump(out: Path, corpus: Path, limit: int, claims: bool, selective: bool | None) -> None:
    from sitrep.pipeline import Extractor
    from sitrep.settings import Settings

    articles = load_articles(corpus, limit, 1)
    extractor = Extractor(Settings(cascade=False, selective_parse=selective))
    rows = []
    for result in extractor.extract(articles, claims=claims):
        rows.append({
            "id": result.article.id,
            "events": _plain(result.events),
            "toponyms": _plain(result.toponyms),
            "quotes": _plain(result.quotes),
            "claims": _plain(result.claims),
        })  # fmt: skip
    out.write_text(json.dumps(rows, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(rows)} articles, {sum(len(r['events']) for r in rows)} events -> {out}")


def reference(target: Path, files: list[str], source: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in files:
        original = subprocess.run(["git", "show", f"HEAD:{name}"], cwd=ROOT, capture_output=True, check=True).stdout
        (target / Path(name).relative_to("src")).write_bytes(original)
    print(f"reference tree {target}: src/ with {len(files)} files from git HEAD")


def compare(a: Path, b: Path) -> int:
    left = json.loads(a.read_text(encoding="utf-8"))
    right = json.loads(b.read_text(encoding="utf-8"))
    differing = 0
    totals = {kind: 0 for kind in ("events", "toponyms", "quotes", "claims")}
    for x, y in zip(left, right, strict=True):
        assert x["id"] == y["id"]
        for kind in totals:
            totals[kind] += len(x[kind])
            if x[kind] != y[kind]:
                differing += 1
                print(f"{x['id']} {kind}: {len(x[kind])} vs {len(y[kind])}")
                for i, (p, q) in enumerate(zip(x[kind], y[kind])):
                    if p != q:
                        changed = {k: (p.get(k), q.get(k)) for k in p if p.get(k) != q.get(k)}
                        print(f"   #{i}: {json.dumps(changed)[:400]}")
    print(f"{len(left)} articles; totals {totals}; differing article/kind pairs: {differing}")
    return 1 if differing else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else ROOT / "examples/articles")
    d.add_argument("--limit", type=int, default=50)
    d.add_argument("--claims", action="store_true")
    d.add_argument("--parse", choices=list(PARSE_MODES), default="default")
    r = sub.add_parser("reference")
    r.add_argument("target", type=Path)
    r.add_argument("--files", nargs="+", default=SPEED_FILES)
    r.add_argument("--source", type=Path, default=ROOT / "src", help="the tree to copy (a snapshot of src/)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.corpus, args.limit, args.claims, PARSE_MODES[args.parse])
    elif args.command == "reference":
        reference(args.target, args.files, args.source)
    else:
        sys.exit(compare(args.a, args.b))


if __name__ == "__main__":
    main()
