"""Article metadata written in the text itself: bylines, author names, dates and datelines.

Pure functions over strings, shared by the text, HTML, feed and archive readers.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# "By LOUISA LOVELUCK AND MUSTAFA SALIM | The Washington Post | Published: July 21, 2019"
_BYLINE = re.compile(r"^\s*by\s+(?P<names>.+)$", re.IGNORECASE)
_DATE_LABEL = re.compile(r"^\s*(?:published|posted|updated|date|dated)\s*(?:on)?\s*:?\s*(?P<value>.+)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)
# Lower-case words that belong in names ("Ahmed al-Hashimi", "Ould Ahmed ag Intalla").
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "del", "della", "van", "von", "der", "du", "la", "le", "ould", "ag"}
# Name parts of a byline that are no person: wire agencies ("By Jane Doe, Reuters") and job titles.
_AGENCIES = {"reuters", "ap", "afp", "associated press", "agence france-presse", "the associated press", "xinhua"}
_ROLE_WORDS = {"staff", "writer", "correspondent", "reporter", "editor", "reporters", "contributor", "bureau", "chief"}

# A dateline opens the body: "QAIM, Iraq — ", "BAGHDAD (Reuters) - ", "MOGADISHU, Somalia, March 3 (AP) — ".
# The place is an ALL-CAPS word group, optionally followed by ", Region" / ", Country" parts.
_DATELINE = re.compile(
    r"""^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*)*   # QAIM / AL-QAIM / SÉGOU
         (?:,\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*)*)      # , Iraq / , Borno State
        (?P<extra>(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?        # , March 3
        \s*(?:\((?P<agency>[^)\n]{1,40})\))?)                  # (Reuters)
        \s*(?:—|–|--|-)\s+""",
    re.VERBOSE,
)
# Mixed-case datelines need a country part and a long dash: "Maiduguri, Nigeria — ".
_DATELINE_MIXED = re.compile(
    r"""^(?P<place>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’\-]+(?:\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’\-]+){0,3}
         (?:,\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*)+)
        (?P<extra>\s*(?:\((?P<agency>[^)\n]{1,40})\))?)
        \s*(?:—|–)\s+""",
    re.VERBOSE,
)
_MONTHS = {
    m.lower()
    for m in "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
}


def parse_byline(line: str) -> tuple[list[str], str | None, date | None] | None:
    """Authors, outlet and date from a byline line, or None when the line is not a byline.

    Accepts "By NAMES | Outlet | Published: Month D, YYYY" (any part order after the names),
    "By Jane Doe and John Roe", and "By Jane Doe, Reuters | March 3, 2021".
    """
    parts = [part.strip() for part in line.split("|")]
    match = _BYLINE.match(parts[0])
    if not match or len(line) > 300:
        return None
    authors = parse_authors(match.group("names"))
    if not authors:
        return None
    outlet: str | None = None
    published: date | None = None
    for part in parts[1:]:
        if not part:
            continue
        labelled = _DATE_LABEL.match(part)
        day = parse_date(labelled.group("value") if labelled else part) if (labelled or _looks_like_date(part)) else None
        if day is not None and published is None:
            published = day
        elif outlet is None and not labelled:
            outlet = part
    return authors, outlet, published


def parse_authors(names: str) -> list[str]:
    """'LOUISA LOVELUCK AND MUSTAFA SALIM' -> ['Louisa Loveluck', 'Mustafa Salim'] (order kept, no repeats).

    Returns [] when a part does not look like a person's name ("By the time the soldiers arrived").
    """
    authors: list[str] = []
    for chunk in _NAME_SPLIT.split(names.strip().rstrip(".")):
        words = chunk.split()
        if not words or any(word.lower().strip(".") in _ROLE_WORDS for word in words) or chunk.lower() in _AGENCIES:
            continue
        if len(words) > 5 or not all(_is_name_word(word) for word in words):
            return []
        name = title_case_name(" ".join(words))
        if name not in authors:
            authors.append(name)
    return authors


def _is_name_word(word: str) -> bool:
    head = word.lower().split("-")[0] if "-" in word else word.lower()
    return word[:1].isupper() or head in _NAME_PARTICLES


def title_case_name(name: str) -> str:
    """Title-case an ALL-CAPS name ("MUSTAFA AL-SALIM" -> "Mustafa Al-Salim"); mixed-case names are kept as written."""
    if name != name.upper():
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name.lower())


def parse_date(value: str | None) -> date | None:
    """A calendar day from an ISO date/datetime or a free-form date ("July 21, 2019"); None if no full date.

    A datetime keeps its own calendar day (no time-zone shift): the day the outlet printed.
    """
    if not value:
        return None
    value = value.strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)", value)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    if not re.search(r"(?<!\d)\d{4}(?!\d)", value):
        return None  # no year written: "Monday", "1 week ago" are not publication dates
    import dateparser  # slow to import; only needed for free-form dates

    parsed: datetime | None = dateparser.parse(
        value,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"},
    )
    return parsed.date() if parsed else None


def _looks_like_date(text: str) -> bool:
    words = {w.lower().strip(".,") for w in text.split()}
    return bool(words & _MONTHS) or bool(re.search(r"\d{4}", text))


def find_dateline(body: str) -> tuple[str, str | None] | None:
    """The dateline place at the start of the body ("QAIM, Iraq") and the agency in brackets, if any."""
    match = _DATELINE.match(body[:200]) or _DATELINE_MIXED.match(body[:200])
    if not match:
        return None
    parts = [p.strip() for p in match.group("place").split(",")]
    # Keep the place parts; drop a trailing date such as "March 3" that the pattern may have taken in.
    place_parts = [p for p in parts if p and p.split()[0].lower().strip(".") not in _MONTHS]
    first = place_parts[0] if place_parts else ""
    if len(first.replace(" ", "").replace(".", "")) < 2:
        return None  # "A - " or "I — " is not a dateline
    return ", ".join(place_parts), match.group("agency")
