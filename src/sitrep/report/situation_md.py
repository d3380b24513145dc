"""A situation report as Markdown (CommonMark with GitHub tables).

Article-derived text (titles, outlets, actors, places, quotes) is escaped so it can never turn
into markup: emphasis, links, table cells or raw HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from sitrep.report import situation_format as fmt
from sitrep.report.situation_model import SituationReport, methods_notes
from sitrep.report.situation_sources import ArticleRef, NotableEvent, Statement

# CommonMark's backslash-escapable punctuation that can start markup inline or in a table cell.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def md(text: object) -> str:
    """Plain text made safe to put inside Markdown: one line, markup characters escaped."""
    folded = " ".join(str(text if text is not None else "").split())
    return _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", folded))


def md_link(label: str, ref: ArticleRef) -> str:
    """`[label](url)` when the article has a web URL, else the escaped label alone."""
    if not ref.link:
        return md(label)
    # Percent-encode what would end or break the link destination.
    url = quote(ref.link, safe=":/?#[]@!$&'*+,;=%~-._")
    url = url.replace("[", "%5B").replace("]", "%5D").replace("'", "%27").replace("*", "%2A")
    return f"[{md(label)}](<{url}>)"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> list[str]:
    aligns = ["---:" if i in numeric else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(aligns) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_markdown(report: SituationReport) -> str:
    out = [f"# {md(report.title)}", ""]
    p, prev = report.period, report.previous
    out += [
        f"Period: {p.since.isoformat()} to {p.until.isoformat()} ({p.days} day{'s' if p.days != 1 else ''}), "
        f"compared with {prev.since.isoformat()} to {prev.until.isoformat()}. Scope: {md(report.scope)}.",
        "",
    ]
    if report.empty:
        out += ["## No events", "", f"No events were recorded for {md(report.scope)} in this period "
                f"(the previous period had {report.totals.previous_events} event(s) and "
                f"{report.totals.previous_fatalities} fatalities).", ""]
        out += _methods(report)
        return "\n".join(out)
    out += _headline(report) + _hotspots(report) + _actors(report) + _timeline(report)
    out += _notable(report.notable) + _statements(report.statements) + _methods(report)
    return "\n".join(out)


def _headline(report: SituationReport) -> list[str]:
    rows = [[md(t.event_type or "(untyped)"), *fmt.figure_row(t)] for t in report.by_type]
    rows.append(["**Total**", *[f"**{cell}**" for cell in fmt.figure_row(report.totals)]])
    header = ["Event type", "Events", "Previous", "Change", "Fatalities", "Previous", "Change"]
    return ["## Headline figures", "", md(fmt.headline(report)) + ".", "", *_table(header, rows, range(1, 7)), ""]


def _hotspots(report: SituationReport) -> list[str]:
    rows = [
        [str(i), md(h.admin1), md(h.country or ""), str(h.events), str(h.fatalities), fmt.change(h.events, h.previous_events),
         md(", ".join(h.locations))]
        for i, h in enumerate(report.hotspots, 1)
    ]
    out = ["## Hotspots", "", "First-level admin areas ranked by events, then fatalities.", ""]
    out += _table(["#", "Admin1", "Country", "Events", "Fatalities", "Change in events", "Main locations"], rows, (0, 3, 4, 5))
    if report.locations:
        rows = [
            [str(i), md(loc.location), md(loc.admin1 or ""), md(loc.country or ""), str(loc.events), str(loc.fatalities)]
            for i, loc in enumerate(report.locations, 1)
        ]
        out += ["", "### Locations", "", *_table(["#", "Location", "Admin1", "Country", "Events", "Fatalities"], rows, (0, 4, 5))]
    return out + [""]


def _actors(report: SituationReport) -> list[str]:
    rows = [
        [md(a.name), md(fmt.inter(a.inter)), str(a.events), str(a.as_actor1), str(a.as_actor2), str(a.associated), str(a.fatalities)]
        for a in report.actors
    ]
    header = ["Actor", "Inter code", "Events", "As actor 1", "As actor 2", "Associated", "Fatalities"]
    return ["## Main actors", "", "Fatalities are those of the events the actor took part in, on any side.", "",
            *_table(header, rows, range(2, 7)), ""]


def _timeline(report: SituationReport) -> list[str]:
    rows = [[fmt.bin_label(b, report.timeline_unit), str(b.events), str(b.fatalities)] for b in report.timeline]
    title = fmt.UNIT_TITLES[report.timeline_unit]
    return [f"## Timeline ({title})", "", *_table([report.timeline_unit.capitalize(), "Events", "Fatalities"], rows, (1, 2)), ""]


def _notable(events: list[NotableEvent]) -> list[str]:
    out = ["## Notable events", ""]
    if not events:
        return out + ["No event in the period was deadly or reported by more than one source.", ""]
    if not any("best-sourced" in e.reasons for e in events):  # the deadliest are listed alone
        out += ["No event in the period was reported by more than one source.", ""]
    for i, event in enumerate(events, 1):
        out += [
            f"### {i}. {md(fmt.event_kind(event))} in {md(event.place)}, {md(event.event_date.isoformat() if event.event_date else 'undated')}",
            "",
            f"- Why notable: {md(fmt.reasons(event))}",
            f"- Date: {md(fmt.event_date(event))}",
            f"- Actors: {md(fmt.actors_line(event))}",
            f"- Fatalities: {md(fmt.fatalities_line(event))}",
            f"- Event ID: {md(event.event_id)}",
            "",
            "What the sources say:",
            "",
        ]
        for source in event.sources:
            figure = f", reports {source.fatalities} killed" if source.fatalities is not None else ""
            sentences = " … ".join(f"\u201c{s}\u201d" for s in source.evidence) or "(no evidence sentence stored)"
            attribution = f", {source.attribution}" if source.attribution else ""
            out += [f"> {md(sentences)}", ">", f"> — {md_link(fmt.citation(source), source.article)}{md(figure + attribution)}", ""]
    return out


def _statements(statements: list[Statement]) -> list[str]:
    if not statements:
        return []
    out = ["## What sources said", ""]
    for s in statements:
        who = md(fmt.speaker(s)) + (" *\\[anonymous source\\]*" if s.anonymous else "")
        linked = f"; on event {md(', '.join(s.event_ids[:3]))}" if s.event_ids else ""
        where = md_link(f"{s.article.outlet or 'unknown outlet'}" + (f", \u201c{s.article.title}\u201d" if s.article.title else ""), s.article)
        out.append(f"- **{who}**, {md(fmt.statement_kind(s))}: \u201c{md(s.text)}\u201d — {where}{linked}")
    return out + [""]


def _methods(report: SituationReport) -> list[str]:
    out = ["## Methods and coverage", ""]
    out += [f"- {md(note)}" for note in methods_notes(report)]
    outlets = report.coverage.source_outlets
    if outlets:
        out.append(f"- Outlets cited: {md(', '.join(outlets))}.")
    out.append(f"- Database: {md(report.database)}.")
    return out + [""]
