"""What `sitrep ingest` needs to show progress: a rate column and a cheap count of the inputs."""

from __future__ import annotations

import os
from itertools import chain
from pathlib import Path

from rich.progress import ProgressColumn, Task
from rich.text import Text

# Inputs holding one article per line (their header line, for CSV, is not counted away: an ETA
# one article off is fine).
LINE_ARCHIVES = (".jsonl", ".csv", ".tsv")
# Inputs whose article count is not known without parsing them: no ETA.
UNCOUNTABLE = (".gz", ".xml", ".rss", ".atom")


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} articles/s")


def count_inputs(paths: list[str]) -> int | None:
    """How many articles the inputs hold, or None when that cannot be known cheaply (stdin, feeds, gzip)."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = _walk(path) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in UNCOUNTABLE:
                return None
            if suffix in LINE_ARCHIVES:
                try:
                    with open(file, "rb") as f:
                        total += sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
                except OSError:
                    pass
            else:
                total += 1
    return total


def _walk(folder: Path):
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        yield from (Path(root) / name for name in chain(files) if not name.startswith("."))
