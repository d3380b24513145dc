"""The resolvers behind `sitrep.extract.dates`: one function per kind of date expression.

Each takes the regular-expression match, the publication date and the anchor (the window of the
previous date in the text, for "two days later") and returns a `DateWindow` or None. Everything
resolves into the past from the publication date, the way news tells time.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from sitrep.extract.numbers import NUMBER_PATTERN, parse_number
from sitrep.records import DateWindow

RECENT_DAYS = 30  # "recently", "a recent raid": the past month
RECENT_WEEKS_DAYS = 30  # "in recent weeks"
RECENT_MONTHS_DAYS = 180  # "in recent months"
FUTURE_GRACE_DAYS = 1  # "May 9" in an article dated 8 May (time zones) is still this year's

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]  # fmt: skip
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

def _name_alternatives(names: list[str]) -> str:
    """Title Case and UPPER CASE only (case-sensitive): "may" the verb and "march" the verb stay out."""
    forms = [form for name in names for form in (name.title(), name.upper())]
    return "(?-i:(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![A-Za-z]))"


MONTH = _name_alternatives(_MONTHS + [f"{abbr}." for abbr in _MONTH_ABBR] + list(_MONTH_ABBR))
WEEKDAY = _name_alternatives(_WEEKDAYS)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
DAYPART = r"(?:\s+(?:morning|afternoon|evening|night))?"
NUM = rf"(?:{NUMBER_PATTERN}|a\s+few|few|several|a|an)"


# ---------------------------------------------------------------------------------------------- helpers


def _opt(m: re.Match[str], key: str) -> str | None:
    """A named group's text, None when the group did not take part or the pattern lacks it."""
    return m.groupdict().get(key)


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.index(key) + 1 if key in _MONTHS else _MONTH_ABBR[key]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _past_year(month: int, day: int, published: date) -> int:
    """The year that puts day/month on or before publication (news tells the past)."""
    try:
        candidate = date(published.year, month, day)
    except ValueError:
        return published.year - 1
    return published.year if candidate <= published + timedelta(days=FUTURE_GRACE_DAYS) else published.year - 1


def _year(text: str | None, month: int, day: int, published: date) -> int:
    if not text:
        return _past_year(month, day, published)
    value = int(text)
    if value >= 100:
        return value
    century = published.year - published.year % 100  # "9-May-20", "3 JAN 90": the latest such year not ahead
    return century + value if century + value <= published.year + 1 else century - 100 + value


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _window(start: date, end: date, precision: int, text: str, published: date | None = None) -> DateWindow:
    """A window, its end clipped to publication when the period is still running ("this month")."""
    if published is not None and start <= published < end:
        end = published
    return DateWindow(start=start, end=end, precision=precision, text=text)


def _span_precision(start: date, end: date) -> int:
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def _count(text: str | None, default: int = 1) -> int:
    if not text:
        return default
    lowered = " ".join(text.lower().split())
    if lowered in ("a few", "few"):
        return 3
    if lowered == "several":
        return 3
    return parse_number(lowered) or default


# ------------------------------------------------------------------------------------------- resolvers
# Each resolver takes the match, the publication date and the anchor (the window of the previous
# date in the text, for "days later"), and returns a window or None.

Resolver = Callable[[re.Match[str], date, DateWindow | None], DateWindow | None]


def full_date(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    month = month_number(_opt(m, "month"))
    day = _day(_opt(m, "day"))
    written_year = _opt(m, "year") or _opt(m, "year2")
    try:
        if not written_year and anchor is not None:
            when = _nearest(month, day, anchor.start)  # the date with a written year before it (`dates`)
        else:
            when = date(_year(written_year, month, day, published), month, day)
    except ValueError:
        return None
    return DateWindow(when, when, 1, m.group(0))


def _nearest(month: int, day: int, near: date) -> date:
    """The day/month nearest `near` (the date the text gave before it), in its year or the next or last."""
    options = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        raise ValueError(f"no {day}/{month}")
    return min(options, key=lambda when: abs((when - near).days))


def iso_date(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    try:
        when = date(int(_opt(m, "year")), int(_opt(m, "month")), int(_opt(m, "day")))
    except ValueError:
        return None
    return DateWindow(when, when, 1, m.group(0))


def day_range(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    month2 = month_number(_opt(m, "month2"))
    month1 = month_number(_opt(m, "month1")) if _opt(m, "month1") else month2
    day1, day2 = _day(_opt(m, "day1")), _day(_opt(m, "day2"))
    year2 = _year(_opt(m, "year2"), month2, day2, published)
    year1 = int(_opt(m, "year1")) if _opt(m, "year1") else (year2 - 1 if month1 > month2 else year2)
    try:
        start, end = date(year1, month1, day1), date(year2, month2, day2)
    except ValueError:
        return None
    if end < start:
        return None
    return DateWindow(start, end, _span_precision(start, end), m.group(0))


def month_range_us(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    month = month_number(_opt(m, "month"))
    day1, day2 = _day(_opt(m, "day1")), _day(_opt(m, "day2"))
    year = _year(_opt(m, "year"), month, day2, published)
    try:
        start, end = date(year, month, day1), date(year, month, day2)
    except ValueError:
        return None
    if end < start:
        return None
    return DateWindow(start, end, _span_precision(start, end), m.group(0))


def _part_of_month(part: str | None, year: int, month: int) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]
    part = (part or "").lower().replace("-", " ").strip()
    if part in ("early", "beginning of", "start of", "the beginning of", "the start of"):
        return date(year, month, 1), date(year, month, 10)
    if part in ("mid", "the middle of", "middle of"):
        return date(year, month, 11), date(year, month, 20)
    if part in ("late", "end of", "the end of"):
        return date(year, month, 21), date(year, month, last)
    return date(year, month, 1), date(year, month, last)


def month(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    month = month_number(_opt(m, "month"))
    rel = (_opt(m, "rel") or "").lower()
    if _opt(m, "year"):
        year = int(_opt(m, "year"))
    elif rel == "last":  # "last March": the latest March that is over
        year = published.year if month < published.month else published.year - 1
    else:
        year = published.year if month <= published.month else published.year - 1
    start, end = _part_of_month(_opt(m, "part"), year, month)
    return _window(start, end, 3, m.group(0), published)


def year_only(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    year = int(_opt(m, "year"))
    part = (_opt(m, "part") or "").lower().replace("-", " ").strip()
    last_year = int(_opt(m, "year_end") or year)  # "in 2013 and 2014", "in 2013-14"
    if last_year < 100:
        last_year += year - year % 100
    prep = (_opt(m, "prep") or "").lower()
    if (_opt(m, "joint") or "").lower() == "and" and last_year - year > 1 and prep != "between":
        last_year = year  # "in 2014 and 2019": two years, not the span between; the first governs
    start, end = date(year, 1, 1), date(max(year, last_year), 12, 31)
    if part == "early":
        end = date(year, 4, 30)
    elif part == "mid":
        start, end = date(year, 5, 1), date(year, 8, 31)
    elif part == "late":
        start = date(year, 9, 1)
    if prep == "since":
        return _window(start, published, 3, m.group(0), published)
    return _window(start, end, 3, m.group(0), published)


def day_word(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    word = " ".join(m.group(0).lower().split())
    if "before yesterday" in word:
        back = 2
    elif "yesterday" in word or "last night" in word:
        back = 1
    elif "overnight" in word:
        # The night before the report: coded to the day it began.
        day = published - timedelta(days=1)
        return DateWindow(day, published, 1, m.group(0))
    else:  # today, tonight, this morning, earlier today
        back = 0
    day = published - timedelta(days=back)
    return DateWindow(day, day, 1, m.group(0))


def ago(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    n = _count(_opt(m, "n"))
    unit = _opt(m, "unit").lower()
    vague = _opt(m, "n").lower() in ("a few", "few", "several")
    anniversary_of = None if vague else (_opt(m, "today") or "").lower()  # "15 years ago today", "... this week"
    if unit.startswith("day"):
        day = published - timedelta(days=n)
        if vague:
            return DateWindow(published - timedelta(days=7), published - timedelta(days=2), 2, m.group(0))
        return DateWindow(day, day, 1, m.group(0))
    if unit.startswith("week"):
        start = published - timedelta(days=7 * n + published.weekday())
        return DateWindow(start, start + timedelta(days=6), 2 if not vague else 3, m.group(0))
    if unit.startswith("month"):
        first = _shift_months(published.replace(day=1), -n)
        if not anniversary_of:
            return DateWindow(first, _month_end(first.year, first.month), 3, m.group(0))
        anniversary = first.replace(day=min(published.day, _month_end(first.year, first.month).day))
    else:
        year = published.year - n * (10 if unit.startswith("decade") else 1)
        if not anniversary_of:
            return DateWindow(date(year, 1, 1), date(year, 12, 31), 3, m.group(0))
        # 29 February in a year without one is the 28th
        anniversary = date(year, published.month, min(published.day, _month_end(year, published.month).day))
    if anniversary_of == "today":
        return DateWindow(anniversary, anniversary, 1, m.group(0))
    start = anniversary - timedelta(days=anniversary.weekday())  # "... ago this week": that week
    return DateWindow(start, start + timedelta(days=6), 2, m.group(0))


def weekday(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    target = _WEEKDAYS.index(_opt(m, "weekday").lower())
    back = (published.weekday() - target) % 7
    if back == 0 and (_opt(m, "rel") or "").lower() == "last":
        back = 7
    day = published - timedelta(days=back)
    return DateWindow(day, day, 1, m.group(0))


def relative_period(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    rel = _opt(m, "rel").lower()
    unit = _opt(m, "unit").lower()
    if rel == "past" and unit != "weekend":  # "this past year", "past month": the span up to publication
        start = {"week": published - timedelta(days=7), "month": _shift_months(published, -1)}.get(
            unit, _shift_months(published, -12))
        return DateWindow(start, published, 2 if unit == "week" else 3, m.group(0))
    previous = rel in ("last", "previous")
    if unit == "weekend":
        # The latest Saturday-Sunday on or before publication ("last weekend" when published on one: the one before).
        back = (published.weekday() - 5) % 7
        if previous and back <= 1:
            back += 7
        saturday = published - timedelta(days=back)
        return _window(saturday, saturday + timedelta(days=1), 2, m.group(0), published)
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        if previous:
            monday -= timedelta(days=7)
        return _window(monday, monday + timedelta(days=6), 2, m.group(0), published)
    if unit == "month":
        first = published.replace(day=1)
        if previous:
            first = _shift_months(first, -1)
        return _window(first, _month_end(first.year, first.month), 3, m.group(0), published)
    year = published.year - 1 if previous else published.year
    return _window(date(year, 1, 1), date(year, 12, 31), 3, m.group(0), published)


def weekend(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    back = (published.weekday() - 5) % 7
    saturday = published - timedelta(days=back)
    return _window(saturday, saturday + timedelta(days=1), 2, m.group(0), published)


def recent(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    unit = (_opt(m, "unit") or "").lower()
    if unit == "days":
        return DateWindow(published - timedelta(days=7), published, 2, m.group(0))
    days = {"weeks": RECENT_WEEKS_DAYS, "months": RECENT_MONTHS_DAYS}.get(unit, RECENT_DAYS)
    return DateWindow(published - timedelta(days=days), published, 3, m.group(0))


def past_period(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    n = _count(_opt(m, "n")) if _opt(m, "n") else 1
    unit = _opt(m, "unit").lower().rstrip("s")
    if unit == "day":
        start = published - timedelta(days=n)
    elif unit == "week":
        start = published - timedelta(days=7 * n)
    elif unit == "month":
        start = _shift_months(published, -n)
    else:
        start = published.replace(year=published.year - n) if not (published.month == 2 and published.day == 29) else date(published.year - n, 2, 28)
    return DateWindow(start, published, _span_precision(start, published), m.group(0))


def since_month(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    window = month(m, published, anchor)
    if window is None:
        return None
    return DateWindow(window.start, published, 3, m.group(0))


def later(m: re.Match[str], published: date, anchor: DateWindow | None) -> DateWindow | None:
    """Told relative to the previous date in the text ("two days later", "within days").

    From a vague anchor ("earlier this month") the count runs from its start: the later event must
    still fall before publication. Windows are clipped to the publication date.
    """
    base = (anchor.start if anchor.precision == 3 else anchor.end) if anchor else published
    word = " ".join(m.group(0).lower().split())
    if "hours later" in word or "same day" in word or "that day" in word:
        return DateWindow(base, base, anchor.precision if anchor else 2, m.group(0))
    if _opt(m, "n") and _opt(m, "unit"):
        n = _count(_opt(m, "n"))
        unit = _opt(m, "unit").lower()
        if unit.startswith("day") and _opt(m, "n").lower() not in ("a few", "few", "several"):
            day = base + timedelta(days=n)
            return DateWindow(day, day, 1, m.group(0))
        span = 7 * n if unit.startswith("week") else 3 if unit.startswith("day") else 30 * n
        return _window(base + timedelta(days=1), base + timedelta(days=span + 3), 3 if span > 7 else 2, m.group(0), published)
    if "within days" in word or "days later" in word:
        return _window(base, base + timedelta(days=7), 2, m.group(0), published)
    day = base + timedelta(days=1)  # the next day, the following day, a day later
    return DateWindow(day, day, 1, m.group(0))


