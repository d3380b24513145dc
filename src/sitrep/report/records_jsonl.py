"""JSONL of events plus quotes and claims (`sitrep extract --claims`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from typing import IO

from sitrep.records import ArticleResult


def _jsonable(value):
    return value.isoformat() if isinstance(value, date) else value


def write_results_jsonl(results: Iterable[ArticleResult], out: IO[str]) -> int:
    count = 0
    for result in results:
        for event in result.events:
            out.write(json.dumps({"record": "event", **event.to_dict()}, ensure_ascii=False) + "\n")
            count += 1
        for kind, items in (("quote", result.quotes), ("claim", result.claims)):
            for item in items:
                data = {k: _jsonable(v) for k, v in asdict(item).items()}
                out.write(json.dumps({"record": kind, **data}, ensure_ascii=False) + "\n")
                count += 1
    return count
