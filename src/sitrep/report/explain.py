"""`sitrep events --explain ID`: one canonical event, every source's account, and why they were merged."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from sitrep.records import Article, Event, EventMerge


def write_explanation(
    event: Event, merges: list[EventMerge], article_of: Callable[[str], Article | None], out: IO[str]
) -> None:
    e = event
    out.write(f"event {e.event_id}: {e.event_type} / {e.sub_event_type}\n")
    out.write(f"  date      {e.event_date} (window {e.date_start}..{e.date_end}, time_precision {e.time_precision})\n")
    out.write(f"  place     {e.location}, {e.admin1}, {e.country} (geo_precision {e.geo_precision}; {e.latitude}, {e.longitude})\n")
    out.write(f"  actors    {e.actor1 or '-'} [{e.inter1 or '-'}] vs {e.actor2 or '-'} [{e.inter2 or '-'}]\n")
    out.write(f"  fatalities {e.fatalities} (the lowest figure any source reported, as ACLED codes conflicting reports)\n")
    out.write(f"\nsources ({len(e.sources)}):\n")
    for source in e.sources:
        article = article_of(source.article_id)
        label = " | ".join(part for part in (article.outlet, article.title, str(article.published or "")) if part) if article else ""
        figure = "no figure" if source.fatalities is None else f"{source.fatalities} killed"
        out.write(f"  - {source.article_id}: {label} ({figure})\n")
        if source.attribution:
            out.write(f"      attribution: {source.attribution}\n")
        for span in source.evidence:
            out.write(f"      [{span.start}:{span.end}] {span.text}\n")
    out.write(f"\nmerges ({len(merges)}):\n")
    if not merges:
        out.write("  none: every source above reported this event under this ID itself\n")
    for merge in merges:
        out.write(f"  - report {merge.source_event_id} from {merge.article_id} joined with score {merge.score:.2f}:\n")
        for reason in merge.reasons:
            out.write(f"      {reason}\n")
