"""The text of a spaCy Doc, read once.

`Doc.text` is not stored: spaCy joins every token's text on each read, so reading it per sentence or per
event makes a long article quadratic (a 9,000-character article: ~0.4 ms a read, thousands of reads).
`doc_text` keeps the first read on `doc.user_data`; a Doc's text never changes (retokenizing keeps it).
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc, Span

_KEY = "sitrep_text"
_STARTS = "sitrep_token_starts"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def text_and_offset(source: Any) -> tuple[str, int]:
    """The text of a str, Doc or Span and where it starts in the article (0 for a str or a Doc)."""
    if isinstance(source, str):
        return source, 0
    # Sliced from the Doc's text read once: the same string as `.text`, without joining the tokens again.
    if isinstance(source, Doc):
        return doc_text(source), 0
    if isinstance(source, Span):
        return doc_text(source.doc)[source.start_char : source.end_char], source.start_char
    text = getattr(source, "text", None)
    if not isinstance(text, str):
        raise TypeError(f"expected a str, Doc or Span, got {type(source).__name__}")
    return text, int(getattr(source, "start_char", 0))


def token_starts(doc: Doc) -> numpy.ndarray:
    """Each token's character offset (`token.idx`, increasing), read once per Doc."""
    starts = doc.user_data.get(_STARTS)
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data[_STARTS] = doc.to_array([IDX]).astype(numpy.int64)
    return starts


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The token indices [first, last) of the tokens that begin at a character in [start, end)."""
    starts = token_starts(doc)
    return int(numpy.searchsorted(starts, start, "left")), int(numpy.searchsorted(starts, max(start, end), "left"))
