"""Plain-text articles, including the newspaper layout of the seed article:

    ISIS militants return to Iraq, continue fight                          <- headline

    By LOUISA LOVELUCK AND MUSTAFA SALIM | The Washington Post | Published: July 21, 2019

    QAIM, Iraq — Islamic State militants who escaped ...                   <- body, dateline kept

The headline and the metadata lines are taken off; the body starts at the dateline, so the
offsets of everything found later are offsets into the article as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sitrep.ingest.metadata import find_dateline, parse_byline, parse_date
from sitrep.records import Article

HEADLINE_MAX_CHARS = 200
_DATE_LINE = re.compile(r"^\s*(?:(?:published|posted|updated|date|dated)\s*(?:on)?\s*:?\s*)?(?P<value>.{6,60})$", re.IGNORECASE)


@dataclass
class TextLayout:
    """What the top of a plain-text article says about it, and where its body starts."""

    body: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: date | None = None


def read_text_article(text: str, source: str) -> Article:
    layout = parse_layout(text)
    dateline = find_dateline(layout.body)
    outlet = layout.outlet
    if dateline and dateline[1] and not outlet:
        outlet = dateline[1]  # "BAGHDAD (Reuters) — ": the wire agency is the source
    return Article(
        text=layout.body,
        title=layout.title,
        authors=layout.authors,
        outlet=outlet,
        published=layout.published,
        dateline=dateline[0] if dateline else None,
        source_path=source,
    )


def parse_layout(text: str) -> TextLayout:
    """Split the headline and byline/date lines off the top of a text; the rest is the body.

    A headline is taken only where it is plain that it is one: a short first line followed by a
    byline, or by a blank line, without the full stop that ends a sentence of the body.
    """
    lines = text.split("\n")
    index = _skip_blank(lines, 0)
    if index >= len(lines):
        return TextLayout(body="")
    layout = TextLayout(body="")
    first = lines[index].strip()
    after_first = _skip_blank(lines, index + 1)
    next_line = lines[after_first].strip() if after_first < len(lines) else ""

    if parse_byline(first):
        start = index  # no headline: the text opens with the byline
    elif parse_byline(next_line) or _is_headline(first, lines, index, after_first):
        layout.title = first
        start = after_first
    else:
        start = index
    start = _read_metadata_lines(lines, start, layout)
    layout.body = "\n".join(lines[start:]).strip()
    return layout


def _read_metadata_lines(lines: list[str], start: int, layout: TextLayout) -> int:
    """Consume a byline and/or a date line (at most three lines) and return where the body starts."""
    index = start
    for _ in range(3):
        if index >= len(lines):
            break
        line = lines[index].strip()
        byline = parse_byline(line) if not layout.authors else None
        if byline:
            layout.authors, outlet, day = byline
            layout.outlet = layout.outlet or outlet
            layout.published = layout.published or day
        elif layout.published is None and (day := _date_line(line)):
            layout.published = day
        else:
            break
        index = _skip_blank(lines, index + 1)
    return index


def _date_line(line: str) -> date | None:
    """A line that is only a date ("Published: July 21, 2019", "March 3, 2021")."""
    match = _DATE_LINE.match(line)
    if not match or not re.search(r"\d", line) or len(line.split()) > 8:
        return None
    return parse_date(match.group("value"))


def _is_headline(first: str, lines: list[str], index: int, after_first: int) -> bool:
    followed_by_blank = index + 1 < len(lines) and not lines[index + 1].strip()
    return (
        followed_by_blank
        and after_first < len(lines)
        and len(first) <= HEADLINE_MAX_CHARS
        and not first.endswith((".", ":", ";", ",", "”", '"'))
        and find_dateline(first + " ") is None
    )


def _skip_blank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index
