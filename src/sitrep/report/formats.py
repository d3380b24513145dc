"""Renderers for event records: one query, many outputs (JSONL, ACLED CSV, GeoJSON, a terminal table)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from sitrep.records import Event, SourceReport
from sitrep.streams import chunked
from sitrep.report.acled_fields import acled_region, civilian_targeting, disorder_type, iso_numeric

FORMATS = ("jsonl", "acled-csv", "geojson", "table")

# Every column of an ACLED export, in ACLED's order, then Sitrep's own. Columns Sitrep cannot know
# stay empty: admin3, source_scale (how ACLED rates its sources), tags, timestamp (ACLED's edit time).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
SITREP_COLUMNS = ["iso3", "doc_id", "date_start", "date_end", "background", "generic", "confidence", "evidence", "source_ids"]


def interaction_code(inter1: int | None, inter2: int | None) -> str:
    """ACLED's interaction: the two inter codes, lower first (10*low+high); a lone actor is inter1*10."""
    if not inter1:
        return ""
    if not inter2:
        return str(inter1 * 10)
    low, high = sorted((inter1, inter2))
    return str(low * 10 + high)


def acled_row(event: Event) -> dict[str, object]:
    sources = event.sources or [SourceReport(article_id=event.doc_id)]
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": event.assoc_actor_1 or "",
        "inter1": event.inter1 if event.inter1 is not None else "",
        "actor2": event.actor2 or "",
        "assoc_actor_2": event.assoc_actor_2 or "",
        "inter2": event.inter2 if event.inter2 is not None else "",
        "interaction": interaction_code(event.inter1, event.inter2),
        "civilian_targeting": civilian_targeting(event),
        "iso": iso_numeric(event.iso3),
        "region": acled_region(event.iso3),
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "admin2": event.admin2 or "",
        "admin3": "",
        "location": event.location or "",
        "latitude": "" if event.latitude is None else f"{event.latitude:.4f}",
        "longitude": "" if event.longitude is None else f"{event.longitude:.4f}",
        "geo_precision": event.geo_precision or "",
        # ACLED names the outlets; an article whose outlet is unknown is named by its id.
        "source": "; ".join(dict.fromkeys(s.outlet or s.article_id for s in sources)),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": "",
        "timestamp": "",
        "iso3": event.iso3 or "",
        "doc_id": event.doc_id,
        "date_start": event.date_start.isoformat() if event.date_start else "",
        "date_end": event.date_end.isoformat() if event.date_end else "",
        "background": int(event.background),
        "generic": int(event.generic),
        "confidence": f"{event.confidence:.2f}",
        "evidence": " | ".join(e.text for e in event.evidence),
        "source_ids": "; ".join(sorted({s.article_id for s in sources})),
    }


# Formats that can be written a batch of events at a time (the terminal table cannot).
STREAMED_FORMATS = ("jsonl", "acled-csv", "geojson")
_BATCH = 500


def stream_events(events: Iterable[Event], fmt: str) -> Iterator[str]:
    """The rendered output in pieces of up to 500 events, so a large selection is never held whole."""
    batches = chunked(events, _BATCH)
    if fmt == "jsonl":
        for batch in batches:
            yield "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in batch)
    elif fmt == "acled-csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS + SITREP_COLUMNS, lineterminator="\n")
        writer.writeheader()
        yield buffer.getvalue()
        for batch in batches:
            buffer.seek(0)
            buffer.truncate()
            writer.writerows(acled_row(e) for e in batch)
            yield buffer.getvalue()
    elif fmt == "geojson":
        yield '{"type": "FeatureCollection", "features": ['
        separator = ""
        for batch in batches:
            yield separator + ", ".join(json.dumps(geojson_feature(e), ensure_ascii=False) for e in batch)
            separator = ", "
        yield "]}\n"
    else:
        raise ValueError(f"format {fmt!r} cannot be streamed; choose one of {', '.join(STREAMED_FORMATS)}")


def geojson_feature(event: Event) -> dict[str, object]:
    properties = event.to_dict()
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": properties}


def _write_streamed(fmt: str) -> Callable[[Iterable[Event], IO[str]], int]:
    def write(events: Iterable[Event], out: IO[str]) -> int:
        count = 0

        def counted() -> Iterator[Event]:
            nonlocal count
            for event in events:
                count += 1
                yield event

        for piece in stream_events(counted(), fmt):
            out.write(piece)
        return count

    return write


write_jsonl = _write_streamed("jsonl")
write_acled_csv = _write_streamed("acled-csv")
write_geojson = _write_streamed("geojson")


def write_table(events: Iterable[Event], out: IO[str]) -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("date", "type / sub-type", "actor1", "actor2", "location", "fat.", "flags"):
        table.add_column(column)
    count = 0
    for e in events:
        flags = ",".join(f for f, on in (("background", e.background), ("generic", e.generic)) if on)
        table.add_row(
            f"{e.event_date or ''} (p{e.time_precision})",
            f"{e.event_type} / {e.sub_event_type}",
            e.actor1 or "",
            e.actor2 or "",
            f"{e.location or ''}, {e.admin1 or ''}, {e.country or ''} (p{e.geo_precision or '-'})",
            str(e.fatalities),
            flags,
        )
        count += 1
    Console(file=out, width=200 if not out.isatty() else None).print(table)
    return count


WRITERS = {"jsonl": write_jsonl, "acled-csv": write_acled_csv, "geojson": write_geojson, "table": write_table}


def write_events(events: Iterable[Event], fmt: str, out: IO[str]) -> int:
    """Write events in one of FORMATS; returns how many were written."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(events, out)
