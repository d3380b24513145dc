"""The words beside a span of plain text, on its line.

No spaCy here: the relevance cascade reads names and headings this way before any parse, in a process
(the local engine's screening process) that never loads the model.
"""

from __future__ import annotations

import re


def line_words_around(text: str, start: int, end: int, word: re.Pattern[str], *, count: int = 4, reach: int = 60,
                      skip: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """The last `count` words before `text[start:end]` and the first `count` after it, on its line and
    within `reach` characters (matches of `word`, less those whose lower-case form is in `skip`): what a
    name or a heading is read against. A line break ends the context: a headline on its own line is read alone."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = [w for w in word.findall(text, max(line_start, start - reach), start) if w.lower() not in skip]
    after = [w for w in word.findall(text, end, min(line_end, end + reach)) if w.lower() not in skip]
    return before[-count:], after[:count]
