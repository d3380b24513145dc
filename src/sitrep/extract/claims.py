"""Quotes, reported speech and quantitative claims of one article, each with its source.

Reads as the data flows: quoted passages by their marks -> the statements (direct quotes, reported
speech, "according to") -> speakers resolved in text order, so "he said" finds the nearest
compatible speaker before it -> quantities tied to the statement that holds them -> the events
of the article take the attribution of the statements their evidence overlaps.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from sitrep.extract.attribution import PRONOUNS, Discourse, Speaker, fronted_description, speaker_from_token
from sitrep.extract.context import ExtractionContext
from sitrep.extract.quantities import Quantity, find_quantities
from sitrep.extract.quotes import (
    SPEECH_VERBS,
    Statement,
    according_to_statements,
    direct_statements,
    find_quoted_passages,
    paragraph_bounds,
    reported_statements,
)
from sitrep.nlp.doctext import doc_text
from sitrep.records import Claim, Event, Quote

_ANONYMITY = re.compile(
    r"condition of anonymity|conditions of anonymity|not authori[sz]ed to (?:speak|talk|brief)|"
    r"asked not to be (?:named|identified)|declined to be (?:named|identified)|requested anonymity|"
    r"speaking anonymously|spoke anonymously|insisted on anonymity",
    re.IGNORECASE,
)


def extract_quotes_and_claims(
    doc: Doc, context: ExtractionContext, events: list[Event]
) -> tuple[list[Quote], list[Claim]]:
    article = context.article
    statements = find_statements(doc)
    # A quote with a cue verb is kept even when its speaker stays unknown; a cue-less quoted phrase
    # that continues nobody's quote is a title or a scare quote ("the gate of death").
    quotes = [_quote(article.id or "", doc_text(doc), s) for s in statements if s.speaker is not None or (s.direct and not s.inherited)]
    quantities = [q for q in find_quantities(doc, article.published) if not _counts_speakers(doc, q)]
    claims = [_claim(article.id or "", doc_text(doc), q, statements) for q in quantities]
    attribute_events(events, statements, claims, article.id or "")
    return quotes, claims


def find_statements(doc: Doc) -> list[Statement]:
    """All statements of the article in text order, each with its speaker resolved."""
    passages = find_quoted_passages(doc_text(doc))
    direct = direct_statements(doc, passages)
    kept = {(s.start, s.end) for s in direct}
    # quoted names and scare quotes may sit inside reported speech; real quotes are statements of their own
    quoted = [(p.open_mark, p.close_mark) for p in passages if (p.start, p.end) in kept]
    cue_verbs = {s.cue_token for s in direct if s.cue_token is not None}  # "said" of “…,” said X
    statements = direct + reported_statements(doc, quoted, cue_verbs) + according_to_statements(doc, quoted)
    statements.sort(key=lambda s: min(s.start, _mention_offset(doc, s)))
    _resolve_speakers(doc, statements, quoted)
    _mark_anonymous(doc, statements)
    return statements


def _mention_offset(doc: Doc, statement: Statement) -> int:
    return doc[statement.speaker_token].idx if statement.speaker_token is not None else statement.start


def _resolve_speakers(doc: Doc, statements: list[Statement], quoted: list[tuple[int, int]]) -> None:
    discourse = Discourse(doc, quoted)
    paragraphs = paragraph_bounds(doc_text(doc))
    previous: Statement | None = None
    for statement in statements:
        if statement.speaker_token is not None:
            subject = doc[statement.speaker_token]
            statement.speaker = speaker_from_token(subject, discourse)
            if statement.speaker is not None and not statement.speaker.role and subject.lower_ not in PRONOUNS:
                statement.speaker = replace(statement.speaker, role=fronted_description(subject))
            if statement.speaker is not None:
                mention = doc[statement.speaker_token]
                discourse.add(replace(statement.speaker, start=mention.idx, end=mention.idx + len(mention)))
        elif previous is not None and previous.direct and _continues(paragraphs, previous, statement):
            statement.speaker = previous.speaker  # the second half of a split quote
        if statement.direct:
            previous = statement


def _continues(paragraphs: list[tuple[int, int]], previous: Statement, statement: Statement) -> bool:
    """A cue-less quote continues the previous quote in its paragraph, or opens the next paragraph."""

    def paragraph_of(offset: int) -> int:
        return next((n for n, (s, e) in enumerate(paragraphs) if s <= offset < e), -1)

    here = paragraph_of(statement.start)
    gap = here - paragraph_of(previous.start)
    return gap == 0 or (gap == 1 and statement.scope_start == paragraphs[here][0])


def _mark_anonymous(doc: Doc, statements: list[Statement]) -> None:
    """"Both officers spoke on the condition of anonymity": their unnamed quotes stay anonymous,
    and a speaker the article names only by pronoun there is marked anonymous too."""
    for match in _ANONYMITY.finditer(doc_text(doc)):
        paragraph = next(((s, e) for s, e in paragraph_bounds(doc_text(doc)) if s <= match.start() < e), (0, len(doc_text(doc))))
        for statement in statements:
            speaker = statement.speaker
            if speaker is None or not (paragraph[0] <= statement.scope_start < paragraph[1]):
                continue
            if speaker.kind == "person" and _unnamed(speaker):
                statement.speaker = replace(speaker, anonymous=True)


def _unnamed(speaker: Speaker) -> bool:
    return speaker.anonymous or not any(w[:1].isupper() for w in speaker.name.split()[1:])


def _quote(doc_id: str, text: str, statement: Statement) -> Quote:
    speaker = statement.speaker
    return Quote(
        doc_id=doc_id,
        text=text[statement.start : statement.end],
        start=statement.start,
        end=statement.end,
        speaker=speaker.name if speaker else None,
        speaker_role=speaker.role if speaker else None,
        anonymous=speaker.anonymous if speaker else False,
        direct=statement.direct,
    )


def _counts_speakers(doc: Doc, quantity: Quantity) -> bool:
    """"Two diplomats said ...", "Both officers spoke ...": how many sources, not a claim they make."""
    span = doc.char_span(quantity.number_start, quantity.number_start + 1, alignment_mode="expand")
    if span is None:
        return False
    noun = span.root.head if span.root.dep_ in ("nummod", "quantmod") else span.root
    return noun.dep_ in ("nsubj", "nsubjpass") and (
        noun.head.lemma_.lower() in SPEECH_VERBS or noun.head.lemma_.lower() in ("speak", "talk")
    )


def _holder(offset: int, statements: list[Statement]) -> Statement | None:
    """The innermost statement whose words contain `offset` (a claim within a claim keeps its own source)."""
    holding = [s for s in statements if s.speaker is not None and s.start <= offset < s.end]
    return min(holding, key=lambda s: s.end - s.start) if holding else None


def _claim(doc_id: str, text: str, quantity: Quantity, statements: list[Statement]) -> Claim:
    holder = _holder(quantity.number_start, statements)
    speaker = holder.speaker if holder else None
    return Claim(
        doc_id=doc_id,
        text=text[quantity.start : quantity.end],
        start=quantity.start,
        end=quantity.end,
        quantity=quantity.quantity,
        quantity_max=quantity.quantity_max,
        approximate=quantity.approximate,
        unit=quantity.unit,
        what=quantity.what,
        period_start=quantity.period.window.start if quantity.period else None,
        period_end=quantity.period.window.end if quantity.period else None,
        speaker=speaker.name if speaker else None,
        speaker_role=speaker.role if speaker else None,
        anonymous=speaker.anonymous if speaker else False,
    )


def attribute_events(events: list[Event], statements: list[Statement], claims: list[Claim], article_id: str) -> None:
    """Events told in an attributed sentence carry its source; claims inside an event's evidence
    are linked to it (the event keeps its own conservative fatality count)."""
    for event in events:
        spans = [(e.start, e.end) for e in event.evidence]
        if not spans:
            continue
        sources = [
            s for s in statements
            if s.speaker is not None and any(s.scope_start < end and start < s.scope_end for start, end in spans)
        ]
        if sources:  # the resolved speaker replaces the event extractor's pattern-based guess
            event.attribution = "; ".join(dict.fromkeys(_attribution_text(s) for s in sources))
            for report in event.sources:
                if report.article_id in (article_id, event.doc_id):
                    report.attribution = event.attribution
        for claim in claims:
            if claim.event_id is None and any(start <= claim.start < end for start, end in spans):
                claim.event_id = event.event_id or None


def _attribution_text(statement: Statement) -> str:
    speaker = statement.speaker
    assert speaker is not None
    name = speaker.name if not speaker.role or not speaker.anonymous else speaker.role
    return f"according to {name}"
