"""Wording shared by the situation-report renderers (Markdown and HTML): changes, dates, actors.

These return plain text; each renderer escapes it for its own markup.
"""

from __future__ import annotations

from sitrep.report.situation_model import INTER_LABELS, Figure, SituationReport, TimelineBin
from sitrep.report.situation_sources import NotableEvent, SourceCitation, Statement

_PRECISION = {1: "", 2: " (approximate: within a week)", 3: " (approximate: within a month or vaguer)"}


def change(now: int, before: int) -> str:
    """'+25%', '-10%', 'new' (nothing before), or '=' (no change)."""
    if before == 0:
        return "new" if now else "="
    if now == before:
        return "="
    pct = 100.0 * (now - before) / before
    return f"{pct:+.0f}%"


def headline(report: SituationReport) -> str:
    t = report.totals
    return (
        f"{t.events} event{'s' if t.events != 1 else ''} ({versus(t.events, t.previous_events)}) and "
        f"{t.fatalities} reported fatalit{'ies' if t.fatalities != 1 else 'y'} ({versus(t.fatalities, t.previous_fatalities)})"
    )


def versus(now: int, before: int) -> str:
    """The comparison with the previous period in words."""
    if before == 0:
        return "none in the previous period" + (" either" if now == 0 else "")
    if now == before:
        return f"unchanged from the previous period's {before}"
    return f"{change(now, before)} on the previous period's {before}"


def figure_row(figure: Figure) -> list[str]:
    return [
        str(figure.events), str(figure.previous_events), change(figure.events, figure.previous_events),
        str(figure.fatalities), str(figure.previous_fatalities), change(figure.fatalities, figure.previous_fatalities),
    ]


def inter(code: int | None) -> str:
    if code is None:
        return ""
    return f"{code} {INTER_LABELS.get(code, '')}".strip()


def actor(name: str | None, code: int | None) -> str:
    if not name:
        return ""
    return f"{name} (inter {code})" if code is not None else name


def actors_line(event: NotableEvent) -> str:
    """'A (inter 3) against B (inter 1); with C' — ACLED's actor1 / actor2 / associated actors."""
    text = actor(event.actor1, event.inter1) or "unidentified actor"
    if event.actor2:
        text += f" against {actor(event.actor2, event.inter2)}"
    associated = [a for a in (event.assoc_actor_1, event.assoc_actor_2) if a]
    if associated:
        text += f"; with {'; '.join(associated)}"
    return text


def event_date(event: NotableEvent) -> str:
    day = event.event_date.isoformat() if event.event_date else "undated"
    return day + _PRECISION.get(event.time_precision, "")


def event_kind(event: NotableEvent) -> str:
    return f"{event.event_type} / {event.sub_event_type}" if event.sub_event_type else event.event_type


def fatalities_line(event: NotableEvent) -> str:
    """The coded figure, and the sources' range when they disagree."""
    text = f"{event.fatalities} (coded, conservative)"
    figures = event.reported_fatalities
    if event.sources_disagree:
        per_source = ", ".join(f"{source_name(s)}: {s.fatalities}" for s in event.sources if s.fatalities is not None)
        text += f"; sources disagree, reporting {figures[0]} to {figures[-1]} ({per_source})"
    return text


def reasons(event: NotableEvent) -> str:
    words = []
    for reason in event.reasons:
        words.append(f"best-sourced ({len(event.sources)} sources)" if reason == "best-sourced" else reason)
    return ", ".join(words)


def source_name(source: SourceCitation) -> str:
    return source.article.outlet or source.article.title or source.article.id


def citation(source: SourceCitation) -> str:
    """'Outlet, "Title", 2019-07-21' (without the URL, which renderers link)."""
    a = source.article
    parts = [a.outlet or "unknown outlet"]
    if a.title:
        parts.append(f"\u201c{a.title}\u201d")
    if a.published:
        parts.append(a.published.isoformat())
    return ", ".join(parts)


def speaker(statement: Statement) -> str:
    who = statement.speaker or "unnamed source"
    if statement.speaker_role and statement.speaker_role.lower() not in who.lower():
        who += f" ({statement.speaker_role})"
    return who


def statement_kind(statement: Statement) -> str:
    if statement.kind == "claim":
        return f"claim: {statement.amount}" if statement.amount else "claim"
    return "quote" if statement.direct else "reported speech"


def bin_label(b: TimelineBin, unit: str) -> str:
    if unit == "day":
        return b.start.isoformat()
    if unit == "month":
        return b.start.strftime("%Y-%m")
    if unit == "year":
        return str(b.start.year)
    return f"{b.start.isoformat()} to {b.end.isoformat()}"


UNIT_TITLES = {"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly"}
