"""Periods news names rather than counts: seasons, decades and the world wars.

Resolvers for `sitrep.extract.dates`, as in `date_resolvers`: each takes the match, the publication
date and the anchor and returns a precision-3 `DateWindow`. History told by a decade or a war ("sent
its troops into Lebanon in the 1970s", "arrested during World War Two") then falls outside the
background threshold, as a year would.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.extract.date_resolvers import _month_end, _opt, _window
from sitrep.records import DateWindow

# Meteorological seasons of the northern hemisphere (month of start, month of end): whole months, the
# way news uses them; "winter" starts in December of the year before.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def season(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    first_month, last_month = _SEASONS[(_opt(m, "season") or _opt(m, "season2")).lower()]
    rel = (_opt(m, "rel") or "").lower()
    if _opt(m, "year") or _opt(m, "year2"):
        year = int(_opt(m, "year") or _opt(m, "year2"))
        start_year = year - 1 if first_month == 12 else year
    else:
        # The latest season that has begun by publication; "last spring" when in spring: the one before.
        start_year = published.year - 1 if first_month == 12 and published.month < 12 else published.year
        if date(start_year, first_month, 1) > published and rel != "this":  # "this fall" said in July: the coming one
            start_year -= 1
        if rel == "last" and date(start_year, first_month, 1) <= published <= _season_end(start_year, first_month, last_month):
            start_year -= 1
    start = date(start_year, first_month, 1)
    return _window(start, _season_end(start_year, first_month, last_month), 3, m.group(0), published)


def _season_end(start_year: int, first_month: int, last_month: int) -> date:
    end_year = start_year + 1 if last_month < first_month else start_year
    return _month_end(end_year, last_month)


def decade(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    """"in the 1970s", "since the early 1990s", "the late '80s"."""
    first = int(m.group("decade").lstrip("'’"))
    if first < 100:  # "the '80s": the last such decade before publication
        first += published.year - published.year % 100 - (100 if first > published.year % 100 else 0)
    part = (_opt(m, "part") or "").lower().replace("-", " ").strip()
    start, end = date(first, 1, 1), date(first + 9, 12, 31)
    if part == "early":
        end = date(first + 3, 12, 31)
    elif part == "mid":
        start, end = date(first + 3, 1, 1), date(first + 6, 12, 31)
    elif part == "late":
        start = date(first + 6, 1, 1)
    if (_opt(m, "prep") or "").lower() == "since":
        return _window(start, published, 3, m.group(0), published)
    return _window(start, end, 3, m.group(0), published)


# The world wars by their names: "during World War Two", "in the Second World War", "WWII".
_WORLD_WARS = {1: (date(1914, 7, 28), date(1918, 11, 11)), 2: (date(1939, 9, 1), date(1945, 9, 2))}


def world_war(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    number = (m.group("war") or m.group("war2") or m.group("war3") or "").lower().strip()
    second = number in ("two", "ii", "2", "second")
    start, end = _WORLD_WARS[2 if second else 1]
    return _window(start, end, 3, m.group(0), published)
