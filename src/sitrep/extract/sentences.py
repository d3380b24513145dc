"""The text units event extraction works on: sentences cut at paragraph breaks, and direct speech."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the relevance cascade reads quotations here without loading spaCy
    from spacy.tokens import Doc, Span, Token


def sentences_of(doc: Doc) -> list[Span]:
    """spaCy's sentences, cut again at line breaks (a paragraph always ends a sentence), whitespace trimmed."""
    out: list[Span] = []
    for sentence in doc.sents:
        pieces: list[list[Token]] = [[]]
        for token in sentence:
            if not token.text.strip():
                if "\n" in token.text:
                    pieces.append([])
                continue
            pieces[-1].append(token)
        out.extend(doc[piece[0].i : piece[-1].i + 1] for piece in pieces if piece)
    return out


_QUOTE_PAIRS = (("\u201c", "\u201d"), ('"', '"'))


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for opening, closing in _QUOTE_PAIRS:
        position = 0
        while True:
            start = text.find(opening, position)
            if start < 0:
                break
            end = text.find(closing, start + 1)
            if end < 0:
                break
            # Only speech: a quoted name or term ("mokhtars", "Santo Tomas" farm) is not speech.
            if len(text[start:end].split()) >= 4:
                ranges.append((start, end))
            position = end + 1
    return ranges


def inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in ranges)
