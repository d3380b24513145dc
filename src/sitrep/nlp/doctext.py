"""The text of a spaCy Doc, read once.

`Doc.text` is not stored: spaCy joins every token's text on each read, so reading it per sentence or per
event makes a long article quadratic (a 9,000-character article: ~0.4 ms a read, thousands of reads).
`doc_text` keeps the first read on `doc.user_data`; a Doc's text never changes (retokenizing keeps it).
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "sitrep_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
