"""The text of a spaCy Doc, read once.

`Doc.text` is not stored: spaCy joins every token's text on each read, so reading it per sentence or per
event makes a long article quadratic (a 9,000-character article: ~0.4 ms a read, thousands of reads).
`doc_text` keeps the first read on `doc.user_data`; a Doc's text never changes (retokenizing keeps it).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

_KEY = "sitrep_text"


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
    text = getattr(source, "text", None)
    if not isinstance(text, str):
        raise TypeError(f"expected a str, Doc or Span, got {type(source).__name__}")
    return text, int(getattr(source, "start_char", 0))
