"""Who told of an event, as opposed to who took part in it: "..., police said", "according to officials".

A reporter's source is named in almost every sentence of a full article. Its words ("police",
"soldiers", "the army") must not make a killing a fight with the police, nor the police its perpetrator:
`without_sources` drops the attribution clauses before the classifier looks for armed words.
"""

from __future__ import annotations

import re

_SPEECH = r"(?:said|says|say|told\s+[\w.]+(?:\s+[\w.]+)?|reported|report|added|confirmed|stated|announced|explained|noted)"
# "..., police said.", "..., a police spokesman told AFP on Tuesday." (to the end of the sentence)
_SAID_AFTER = re.compile(rf",\s*(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){{0,5}}?{_SPEECH}\b[^.;!?]*(?=[.;!?]|$)", re.IGNORECASE)
# "according to police", "citing security officials" (to the next comma or the end)
_ACCORDING = re.compile(r",?\s*\b(?:according\s+to|citing)\s+[^,.;!?]{2,80}", re.IGNORECASE)
# "Police said (on Monday) (that) ..." at the start of a sentence.
_SAID_BEFORE = re.compile(
    rf"(?:(?<=^)|(?<=[.!?]\s))(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){{0,5}}?{_SPEECH}\s+(?:on\s+\w+\s+)?(?:that\s+)?",
    re.IGNORECASE,
)
_LEFT_COMMA = re.compile(r"(^|[.!?]\s+)\s*,\s*")


def without_sources(text: str) -> str:
    """The text less its attribution clauses ("..., police said" / "according to officials" / "Police said that")."""
    text = _SAID_AFTER.sub("", text)
    text = _ACCORDING.sub("", text)
    text = _LEFT_COMMA.sub(r"\1", text)  # "According to the army, the convoy ..." leaves ", the convoy ..."
    return _SAID_BEFORE.sub("", text)
