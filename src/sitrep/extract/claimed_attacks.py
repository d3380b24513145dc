"""A claimed attack's claimant is its perpetrator: ACLED codes "X claimed responsibility" with X as actor1.

Wires tell the attack first and the claim after it ("A car bomb exploded ..., police said. Al-Shabaab
claimed responsibility for the blast.", "JNIM claimed responsibility."): the claim is read in the event's
sentences and the next ones of their paragraphs, and names actor1 only when the report itself left the
attacker unidentified.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from spacy.tokens import Span

from sitrep.nlp.doctext import doc_text
from sitrep.records import ActorRef, Event

CLAIM = re.compile(
    r"\b(?:claimed|claims|claiming|has\s+claimed|have\s+claimed|took|has\s+taken|have\s+taken|accepted)\s+"
    r"(?:(?:full|sole)\s+)?(?:responsibility|credit)(?:\s+for\b|\s*(?:[.;]|,\s+(?:saying|stating|according)|$))"
    r"|\bclaimed\s+(?:the|an?|this|that)\s+(?:\w+\s+){0,2}(?:attack|bombing|blast|explosion|assault|raid|ambush|killing|kidnapping|abduction)s?\b",
    re.IGNORECASE,
)
# "No group has claimed responsibility", "nobody claimed the attack": no claimant.
_NO_CLAIMANT = re.compile(r"\b(?:no(?:\s+\w+)?|nobody|none|not\s+yet|yet\s+to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_CLAIMED_TYPES = {"Explosions/Remote violence", "Violence against civilians", "Battles"}
FOLLOWING_SENTENCES = 2


def _following(sentences: list[Span]) -> list[Span]:
    """The event's sentences and up to two more after each in its paragraph (an event's sentences may come from
    several paragraphs, the headline among them, in any order)."""
    doc = sentences[0].doc
    text = doc_text(doc)
    out = list(sentences)
    seen = {s.start for s in sentences}
    for sentence in sorted(sentences, key=lambda s: s.start):
        previous = sentence
        for _ in range(FOLLOWING_SENTENCES):
            if previous.end >= len(doc):
                break
            nxt = doc[previous.end].sent
            if "\n" in text[previous.end_char : nxt.start_char]:
                break
            if nxt.start not in seen:
                seen.add(nxt.start)
                out.append(nxt)
            previous = nxt
    return out


def claimant(kb: Any, sentences: list[Span], country: str | None, on_date: date | None) -> ActorRef | None:
    """The named non-state armed group that claims the event, if its paragraph says one does."""
    for sentence in _following(sentences):
        for claim in CLAIM.finditer(sentence.text):
            before = sentence.text[: claim.start()]
            if _NO_CLAIMANT.search(before):
                continue
            start = sentence.start_char + claim.start()
            named = [
                m
                for m in kb.match_mentions(sentence, country, on_date)
                if m.start is not None and m.start < start and m.inter in (2, 3, 4) and not m.name.startswith("Unidentified")
            ]
            if named:
                return named[-1]  # the nearest before the verb: its subject
    return None


def apply_claim(event: Event, sentences: list[Span], kb: Any) -> bool:
    """actor1 from a claim of responsibility when the report left the attacker unidentified."""
    if event.event_type not in _CLAIMED_TYPES or (event.actor1 and not event.actor1.startswith("Unidentified")):
        return False
    ref = claimant(kb, sentences, event.country, event.event_date)
    if ref is None or ref.name == event.actor2:
        return False
    event.actor1, event.inter1, event.assoc_actor_1 = ref.name, ref.inter, None
    return True
