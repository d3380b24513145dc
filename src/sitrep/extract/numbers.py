"""Number words in news English: "two", "twenty-three", "a dozen", "1,200", "one hundred and five".

Shared by the date and casualty rules. `NUMBER_PATTERN` is a regular-expression fragment that matches
a cardinal written in digits or words; `parse_number` turns such a match into an int.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Counting nouns used as numbers: "a dozen", "a score of".
COLLECTIVES = {"dozen": 12, "score": 20, "couple": 2, "pair": 2}

_WORD = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen"
)
# "one hundred and five", "two thousand", "a hundred"; the longest forms first.
_WORD_NUMBER = (
    rf"(?:(?:{_WORD}|a)\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?(?:{_WORD}))?|(?:{_WORD}))"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s*(?:million|thousand))?"
# A cardinal in digits or words, or "a dozen" / "a couple of" (the caller decides what follows).
NUMBER_PATTERN = rf"(?:{_DIGITS}|(?:a\s+)?dozen|{_WORD_NUMBER})"

_NUMBER_RE = re.compile(rf"^(?:{NUMBER_PATTERN})$", re.IGNORECASE)


def parse_number(text: str) -> int | None:
    """The integer a cardinal stands for, or None when `text` is not one.

    >>> parse_number("twenty-three"), parse_number("1,200"), parse_number("a dozen"), parse_number("one hundred and five")
    (23, 1200, 12, 105)
    """
    cleaned = " ".join(text.lower().replace("-", " ").split())
    if not cleaned:
        return None
    digits = cleaned.replace(",", "")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|thousand)?", digits)
    if match:
        value = float(match.group(1)) * (SCALES[match.group(2)] if match.group(2) else 1)
        return int(value)
    total = 0
    current = 0
    seen = False
    for word in cleaned.split():
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in COLLECTIVES:
            current = max(current, 1) * COLLECTIVES[word]
        elif word in SCALES:
            scale = SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def is_number(text: str) -> bool:
    """True when `text` is a cardinal `parse_number` understands."""
    return bool(_NUMBER_RE.match(text.strip())) and parse_number(text) is not None
