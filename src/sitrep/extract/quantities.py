"""Quantitative claims: a number, what it counts (unit), its scope (what) and its period.

"About 1,000 fighters have crossed into Iraq during the past eight months" becomes quantity 1000,
approximate, unit "fighters", what "fighters have crossed into Iraq", period 2018-11-21..2019-07-21
(published 2019-07-21). Vague counts become ranges with `quantity` the lower bound: "dozens" 24..99,
"hundreds" 200..999, "thousands" 2,000..9,999, "tens of thousands" 20,000..99,999; an exact number
with "at least"/"more than"/"about" is kept with `approximate` set; "up to 30" has only a maximum.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from sitrep.extract.dates import DateMention, find_date_mentions
from sitrep.extract.numbers import parse_number

APPROXIMATE = {
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "estimated", "over",
    "more", "least", "than", "up", "to", "as", "many", "much", "fewer", "less", "under", "close",
    "an", "a", "at", "or", "so", "upwards", "of", "few", "just", "only", "exactly", "precisely",
}
_EXACT_WORDS = {"exactly", "precisely"}
_BOUND_ONLY_MAX = re.compile(r"\b(?:up to|as many as|no more than|at most|fewer than|less than|under)\b", re.I)
_RANGE = re.compile(
    r"(?:between\s+)?(?P<low>[\d,.]+|[a-z]+)\s*(?:and|to|-|–|or)\s*(?P<high>[\d,.]+(?:\s*(?:million|thousand))?|[a-z]+)",
    re.I,
)
# Vague counts as (lower bound, upper bound).
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}
_VAGUE_RE = re.compile(r"\b(tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions)\b", re.I)
_NUMBER_ENTS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
_WORD_ONE = {"one", "a", "an", "single"}
_UNIT_WORDS = re.compile(r"[A-Za-z][A-Za-z .'’/-]*")
# A weapon's calibre ("120mm mortars") describes the weapon, it counts nothing.
_SPEC_UNITS = {"mm", "millimeter", "millimetre", "caliber", "calibre"}
_TIME_WORDS = {
    "year", "month", "week", "day", "hour", "minute", "decade", "century", "old", "season", "night",
    "morning", "evening", "afternoon", "weekend", "spring", "summer", "autumn", "fall", "winter",
}


@dataclass
class Quantity:
    """A number phrase found in the text, before it is tied to a speaker."""

    start: int  # the claim's span: number, what it counts, the verb and the period
    end: int
    quantity: float | None
    quantity_max: float | None
    approximate: bool
    unit: str | None
    what: str | None
    period: DateMention | None
    number_start: int  # the number itself, to find whose statement holds it


def find_quantities(doc: Doc, published: date | None) -> list[Quantity]:
    dates = find_date_mentions(doc, published) if published else []
    found: list[Quantity] = []
    for phrase in _number_phrases(doc, dates):
        if any(m.start <= phrase.start_char < m.end for m in dates):
            continue  # "the past eight months" is a period, not a count
        quantity = _quantity(phrase, dates, published)
        if quantity is not None:
            found.append(quantity)
    return found


def _number_phrases(doc: Doc, dates: list[DateMention]) -> list[Span]:
    """Spans holding one number: number entities, stray numerals and vague counts."""
    spans: list[Span] = []
    covered: set[int] = set()
    for ent in doc.ents:
        # the tagger sometimes calls "Between 15 and 20" a DATE; the date rules know better
        mistaken_date = (
            ent.label_ == "DATE"
            and any(t.like_num for t in ent)
            and not any(t.lemma_.lower() in _TIME_WORDS or "-" in t.text for t in ent)
            and not any(m.start < ent.end_char and ent.start_char < m.end for m in dates)
        )
        if ent.label_ in _NUMBER_ENTS or mistaken_date:
            spans.append(ent)
            covered.update(range(ent.start, ent.end))
        elif ent.label_ in _SKIP_ENTS:
            covered.update(range(ent.start, ent.end))
    for token in doc:
        if token.i in covered:
            continue
        if (token.like_num and not token.is_punct) or token.lower_ in VAGUE:
            spans.append(doc[token.i : token.i + 1])
            covered.add(token.i)
    return sorted(spans, key=lambda s: s.start)


_NUMBER_WORDS = {"hundred", "thousand", "million", "billion", "dozen", "half", "quarter"}
_RANGE_WORDS = {"to", "and", "-", "–", "or", "between"}
_FRACTIONS = {"half": 0.5, "quarter": 0.25}


def _value(phrase: Span) -> tuple[float | None, float | None, bool] | None:
    """(quantity, quantity_max, approximate) of a number phrase, None when it is no count."""
    doc = phrase.doc
    qualifiers = {t.lower_ for t in phrase} | {t.lower_ for t in doc[max(0, phrase.start - 2) : phrase.start]}
    approximate = bool(qualifiers & (APPROXIMATE - _EXACT_WORDS - {"of", "a", "an", "to", "or"}))
    lowered = phrase.text.lower()
    vague = _VAGUE_RE.search(lowered)
    if vague and not re.search(r"\d", lowered):
        low, high = VAGUE[vague.group(1)]
        return float(low), float(high), True
    numeric = [t for t in phrase if t.like_num or t.lower_ in _NUMBER_WORDS or t.lower_ in _RANGE_WORDS or t.text in "$%"]
    while numeric and numeric[0].lower_ in _RANGE_WORDS:
        numeric.pop(0)
    while numeric and numeric[-1].lower_ in _RANGE_WORDS:
        numeric.pop()
    text = " ".join(t.text for t in numeric).replace(" - ", "-").replace(" – ", "-")
    if text.lower() in _FRACTIONS:
        return _FRACTIONS[text.lower()], None, approximate
    range_match = _RANGE.fullmatch(text)
    if range_match:
        low, high = _parse(range_match.group("low")), _parse(range_match.group("high"))
        if low is not None and high is not None and low < high:
            return low, high, approximate
    value = _parse(text)
    if value is None:
        return None
    before = doc[max(0, phrase.start - 3) : phrase.start].text + " " + phrase.text
    if _BOUND_ONLY_MAX.search(before):
        return None, value, True
    return value, None, approximate


def _parse(text: str) -> float | None:
    cleaned = text.strip().lower()
    match = re.fullmatch(r"([\d,]*\.?\d+)\s*(million|billion|thousand)?", cleaned.replace("$", "").replace("%", "").strip())
    if match:
        scale = {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get(match.group(2) or "", 1)
        return float(match.group(1).replace(",", "")) * scale
    value = parse_number(cleaned)
    return float(value) if value is not None else None


def _counted(phrase: Span) -> Token | None:
    """The noun the number counts or measures: "1,000 fighters", "370-mile", "tens of thousands of adherents"."""
    outside = [t for t in phrase if not phrase.start <= t.head.i < phrase.end]
    # "around 500-1000 workers": both "around" and "1000" hang on "workers"; the number leads
    root = next((t for t in outside if t.like_num), phrase.root)
    if phrase.label_ in ("PERCENT", "MONEY") or root.pos_ == "NOUN" and root.i in range(phrase.start, phrase.end):
        if root.lower_ in VAGUE or root.lower_ == "thousands":
            of = next((c for c in root.children if c.lower_ == "of" and c.dep_ == "prep"), None)
            objects = [c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"] if of is not None else []
            return objects[-1] if objects else None  # "thousands of ISIS's adherents": not the possessor
        return root
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
        while noun.dep_ == "compound" and noun.head.pos_ == "NOUN":  # "three weapons depots": depots
            noun = noun.head
        return noun
    return None


def _quantity(phrase: Span, dates: list[DateMention], published: date | None) -> Quantity | None:
    doc = phrase.doc
    if phrase.label_ == "" and phrase.root.lower_ in _WORD_ONE:
        return None
    if len(phrase) == 1 and phrase.root.dep_ in ("det",):
        return None
    value = _value(phrase)
    if value is None:
        return None
    quantity, quantity_max, approximate = value
    if quantity == 1 and phrase.root.lower_ in _WORD_ONE:  # "one abductee": an article, not a count
        return None
    noun = _counted(phrase)
    unit = _unit(phrase, noun)
    if unit is None or not _UNIT_WORDS.fullmatch(unit) or unit in _SPEC_UNITS:
        return None
    if phrase.end < len(doc) and doc[phrase.end].lower_ in _SPEC_UNITS:
        return None  # "120mm mortars"
    if any(t.text.endswith("=") or t.text == "[" for t in doc[max(0, phrase.start - 3) : phrase.start]):
        return None  # markup such as "[size=at least 30]", not prose
    if noun is not None and noun.pos_ == "PROPN" and not (phrase.start <= noun.i < phrase.end):
        return None  # "50 Street", "Route 66": a name with a number in it
    measured = noun is not None and noun.i < phrase.end and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i != noun.i
    scope_noun = noun.head if measured else noun  # "370-mile border": the border is what is measured
    verb = _governing_verb(scope_noun if scope_noun is not None else phrase.root)
    what_tokens = _what_tokens(phrase, scope_noun, verb, dates, keep_unit=not measured)
    what = _clean_join(what_tokens) or None
    period = _period(verb, phrase, dates, published)
    first = min([phrase.start] + [t.i for t in what_tokens])
    last = max([phrase.end - 1] + [t.i for t in what_tokens])
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    if period is not None:
        start, end = min(start, period.start), max(end, period.end)
    return Quantity(start, end, quantity, quantity_max, approximate, unit, what, period, phrase.start_char)


def _unit(phrase: Span, noun: Token | None) -> str | None:
    if phrase.label_ == "PERCENT" or "%" in phrase.text or "percent" in phrase.text.lower():
        return "percent"
    if phrase.label_ == "MONEY":
        return "USD" if "$" in phrase.text or "dollar" in phrase.text.lower() else phrase[-1].text
    if noun is None:
        return None
    if noun.i < phrase.end and noun.i >= phrase.start:  # "370-mile", "half square mile": the measure is in the phrase
        words = [t for t in phrase if not (t.like_num or t.is_punct or t.lower_ in _NUMBER_WORDS or t.lower_ in APPROXIMATE)]
        return " ".join([t.lower_ for t in words[:-1]] + [words[-1].lemma_.lower()]) if words else None
    return noun.text


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _what_tokens(
    phrase: Span, noun: Token | None, verb: Token | None, dates: list[DateMention], keep_unit: bool
) -> list[Token]:
    """The words saying what is counted: the noun phrase and, when it is the verb's subject, the predicate."""
    if noun is None:
        return []
    doc = phrase.doc
    number = {t.i for t in phrase if not keep_unit or t.like_num or t.is_punct or t.lower_ in _NUMBER_WORDS | APPROXIMATE}
    number |= {t.i for t in doc[max(0, phrase.start - 3) : phrase.start] if t.lower_ in APPROXIMATE}

    def keep(token: Token) -> bool:
        return token.i not in number and not any(m.start <= token.idx < m.end for m in dates)

    np = [t for t in doc[noun.left_edge.i : noun.i + 1] if keep(t)]
    for t in doc[noun.i + 1 : noun.right_edge.i + 1]:  # "with Syria", "in the Syrian village of Baghouz"
        if t.text in (",", ";", "—") or t.dep_ in ("relcl", "acl") and t.head.i == noun.i:
            break
        if keep(t):
            np.append(t)
    if verb is None or noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return np
    predicate = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")] + [verb]
    for child in verb.rights:
        if child.dep_ in ("prep", "dobj", "prt", "acomp", "attr", "agent", "xcomp") and child.i != noun.i:
            span = [t for t in doc[child.left_edge.i : child.right_edge.i + 1] if keep(t)]
            if span and len(span) == child.right_edge.i - child.left_edge.i + 1:
                predicate.extend(span)
                break
    if noun.dep_ == "dobj":
        return sorted([t for t in predicate if t.i < noun.left_edge.i] + np, key=lambda t: t.i)
    return sorted(np + predicate, key=lambda t: t.i)


def _clean_join(tokens: list[Token]) -> str:
    parts = []
    for k, token in enumerate(tokens):
        gap = k + 1 < len(tokens) and tokens[k + 1].i != token.i + 1  # words left out: keep a space
        parts.append(token.text + (" " if gap else token.whitespace_))
    text = "".join(parts).strip()
    return re.sub(r"\s+", " ", re.sub(r"\s*-\s*$", "", text)).strip(" ,-.;:")


def _period(verb: Token | None, phrase: Span, dates: list[DateMention], published: date | None) -> DateMention | None:
    """The date expression that bounds the count: the one attached closest to its verb. Inside a
    "since ..." clause ("since the protests began in July") the period runs on to publication."""
    sentence = phrase.sent
    candidates = [m for m in dates if sentence.start_char <= m.start < sentence.end_char]
    if not candidates or verb is None:
        return None
    best, best_steps, since = None, 99, False
    for mention in candidates:
        span = phrase.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        current, steps, through_since = span.root, 0, False
        while current.i != verb.i and current.head.i != current.i and steps < 5:
            through_since = through_since or any(c.lower_ == "since" and c.dep_ in ("mark", "prep") for c in current.children)
            current, steps = current.head, steps + 1
        if current.i == verb.i and steps < best_steps:
            best, best_steps, since = mention, steps, through_since
    if best is not None and since and published is not None and best.window.end < published:
        window = replace(best.window, end=published, text=f"since {best.window.text}")
        return replace(best, window=window)
    return best
