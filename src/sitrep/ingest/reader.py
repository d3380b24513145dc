"""Dispatch inputs to the format readers (first version: plain text only, until the ingest work lands)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sitrep.records import Article, IngestProblem


def read_inputs(
    paths: list[str], *, published: date | None = None, jsonl_input: bool = False
) -> Iterator[Article | IngestProblem]:
    for raw in paths:
        if raw == "-":
            yield Article(text=sys.stdin.read(), published=published, source_path="<stdin>")
            continue
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                yield Article(text=file.read_text(encoding="utf-8"), published=published, source_path=str(file))
            except (OSError, UnicodeDecodeError) as exc:
                yield IngestProblem(str(file), str(exc))
