"""JSONL of events plus quotes and claims (`sitrep extract --claims`, `sitrep claims --format jsonl`).

Every line has a "record" field ("event", "quote" or "claim"). Quotes and claims carry doc_id,
text, start, end (offsets into the article text), speaker, speaker_role, anonymous and, for
quotes, direct; claims add quantity, quantity_max, approximate, unit, what, period_start,
period_end (ISO dates) and event_id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from typing import IO, Any

from sitrep.records import ArticleResult, Claim, Quote


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def statement_record(kind: str, item: Quote | Claim, **extra: Any) -> dict[str, Any]:
    """The JSON-ready form of one quote or claim: {"record": kind, ...fields}."""
    return {"record": kind, **{k: _jsonable(v) for k, v in asdict(item).items()}, **extra}


def write_statement_line(out: IO[str], kind: str, item: Quote | Claim, **extra: Any) -> None:
    out.write(json.dumps(statement_record(kind, item, **extra), ensure_ascii=False) + "\n")


def write_results_jsonl(results: Iterable[ArticleResult], out: IO[str]) -> int:
    count = 0
    for result in results:
        for event in result.events:
            out.write(json.dumps({"record": "event", **event.to_dict()}, ensure_ascii=False) + "\n")
            count += 1
        for kind, items in (("quote", result.quotes), ("claim", result.claims)):
            for item in items:
                write_statement_line(out, kind, item)
                count += 1
    return count
