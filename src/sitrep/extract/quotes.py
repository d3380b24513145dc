"""Finding quoted passages by their quotation marks, before any parsing.

Works on characters, not tokens, because the tagger often splits sentences inside a quote
(“Look at where they’re hiding. It’s deserts,” said ...). Handles curly and straight double
marks, guillemets, a quote inside a quote (inner marks are part of the outer passage) and the
newspaper habit of leaving a quote open at the end of a paragraph when the next paragraph
continues it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from sitrep.nlp.doctext import doc_text, token_range

if TYPE_CHECKING:
    from sitrep.extract.attribution import Speaker

OPENING = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[“\"«])")


@dataclass
class QuotedPassage:
    """The words between one pair of quotation marks (marks excluded, trailing comma dropped)."""

    start: int  # first character inside the marks
    end: int  # one past the last kept character
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset one past the closing mark (paragraph end when left open)
    closed: bool = True

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank-line separated, or a new line opening a quote."""
    bounds, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def _straight_opens(text: str, i: int) -> bool:
    """A straight mark opens when it starts the text or follows a space or opening bracket/dash,
    or follows the end of a sentence with a capital after it (texts with sentences run together)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-:" or (before in ".?!;" and after.isupper())


def find_quoted_passages(text: str) -> list[QuotedPassage]:
    passages: list[QuotedPassage] = []
    for para_start, para_end in paragraph_bounds(text):
        passages.extend(_scan_paragraph(text, para_start, para_end))
    return passages


def _scan_paragraph(text: str, start: int, end: int) -> list[QuotedPassage]:
    found: list[QuotedPassage] = []
    open_at: int | None = None
    closer = ""
    depth = 0  # inner quotes using the same marks as the outer one
    i = start
    while i < end:
        ch = text[i]
        if open_at is None:
            if ch in OPENING:
                open_at, closer, depth = i, OPENING[ch], 0
            elif ch == STRAIGHT and _straight_opens(text, i):
                open_at, closer, depth = i, STRAIGHT, 0
        elif closer == STRAIGHT and ch == STRAIGHT:
            if _straight_opens(text, i) and text[i - 1].isspace():
                depth += 1  # "he said "no" to them": an inner quote
            elif depth:
                depth -= 1
            else:
                found.append(_passage(text, open_at, i, i + 1, True))
                open_at = None
        elif ch == closer:
            if depth:
                depth -= 1
            else:
                found.append(_passage(text, open_at, i, i + 1, True))
                open_at = None
        elif closer != STRAIGHT and ch in OPENING and OPENING[ch] == closer:
            depth += 1
        i += 1
    if open_at is not None:  # left open: the quote runs on into the next paragraph
        found.append(_passage(text, open_at, end, end, False))
    return [p for p in found if p.end > p.start]


def _passage(text: str, open_mark: int, inner_end: int, close_mark: int, closed: bool) -> QuotedPassage:
    start = open_mark + 1
    end = inner_end
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return QuotedPassage(start=start, end=end, open_mark=open_mark, close_mark=close_mark, closed=closed)


# --- who said it -------------------------------------------------------------------------

SPEECH_VERBS = {
    "say", "tell", "add", "announce", "claim", "state", "explain", "warn", "report", "insist", "note",
    "confirm", "deny", "acknowledge", "declare", "write", "argue", "allege", "recall", "describe",
    "reply", "tweet", "post", "comment", "admit", "assert", "estimate", "predict", "vow", "threaten",
    "urge", "accuse", "stress", "emphasize", "emphasise", "indicate", "ask", "shout", "testify",
    "continue", "conclude", "concede", "observe", "remark", "answer", "respond", "caution", "charge",
}
# Cues for a direct quote that do not report anything when they govern a clause ("asking that his
# name not be used", "urged that talks resume", "continued to fight").
NOT_REPORTING = {"ask", "urge", "continue", "shout", "answer", "reply", "respond"}
# Verbs whose object (not only a clause) is the thing reported: "announced the start of a campaign".
OBJECT_REPORTING_VERBS = {"announce", "report", "claim", "confirm", "deny", "acknowledge", "declare", "admit", "estimate"}
_MIN_UNCUED_WORDS = 4  # an uncued quoted word or two is a scare quote ("mokhtars"), not speech


@dataclass
class Statement:
    """What someone said (directly quoted or reported) and the words that attribute it."""

    start: int  # the content: quoted words, or the reported clause
    end: int
    direct: bool
    cue: str  # the attributing words as written: "said", "according to", "warn"
    speaker_token: int | None = None  # token index of the speaker mention (None: inherited)
    speaker: "Speaker | None" = None
    scope_start: int = 0  # the whole attributed passage: content plus attribution
    scope_end: int = 0
    inherited: bool = False  # no cue verb: the speaker is carried over from the previous quote
    cue_token: int | None = None  # token index of the cue verb


def _speech_verb(token: Token) -> bool:
    return token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX")


def speech_subject(verb: Token, quoted: tuple[int, int] = (0, 0)) -> Token | None:
    """The mention of who speaks: the verb's subject, its inverted subject or a shared subject;
    never a word inside the quote itself (`quoted`, character offsets)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not quoted[0] <= c.idx < quoted[1]]
    if subjects:  # "A veteran of ..., Hassan said" parsed with two subjects: the nearer one speaks
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return speech_subject(verb.head, quoted)  # "reported ... and said ...", "defends it, saying ..."
    after = [c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "dep") and c.pos_ in ("PROPN", "NOUN")]
    if after and after[0].i == verb.i + 1 + sum(1 for t in verb.doc[verb.i + 1 : after[0].left_edge.i] if t.is_punct):
        return after[0]  # "said Col. X" parsed with X as an object
    return None


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that begin at a character in [start, end)."""
    first, last = token_range(doc, start, end)
    return [doc[i] for i in range(first, last)]


def _clause_after(doc: Doc, passage: QuotedPassage, limit: int) -> list[Token]:
    """Tokens after the closing mark up to the end of that sentence, the next quote or `limit`."""
    tokens = []
    for token in _tokens_between(doc, passage.close_mark, limit):
        if token.text == "." and tokens and _abbreviation(tokens[-1]):
            tokens.append(token)  # "Capt. Joseph Mensah said"
            continue
        if token.text in (".", "?", "!", ";") or token.text in OPENING or token.text == STRAIGHT:
            break
        tokens.append(token)
    return tokens


def _abbreviation(token: Token) -> bool:
    from sitrep.extract.attribution import TITLES

    return token.lower_ + "." in TITLES or (len(token.text) == 1 and token.is_upper)


def _clause_before(doc: Doc, passage: QuotedPassage, floor: int) -> list[Token]:
    """Tokens from the start of the sentence that leads into the opening mark."""
    tokens = _tokens_between(doc, floor, passage.open_mark)
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].text in (".", "?", "!", "”", STRAIGHT) or tokens[k].text in OPENING:
            return tokens[k + 1 :]
    return tokens


def direct_statements(doc: Doc, passages: list[QuotedPassage]) -> list[Statement]:
    """One statement per quoted passage with its cue verb; cue-less passages inherit later."""
    text = doc_text(doc)
    paragraphs = paragraph_bounds(text)
    statements: list[Statement] = []
    for k, passage in enumerate(passages):
        para_start, para_end = next(((s, e) for s, e in paragraphs if s <= passage.open_mark < e), (0, len(text)))
        next_open = passages[k + 1].open_mark if k + 1 < len(passages) else len(text)
        prev_close = passages[k - 1].close_mark if k > 0 else 0
        after = _clause_after(doc, passage, min(para_end, next_open)) if _open_to_the_right(text, passage) else []
        before = _clause_before(doc, passage, max(para_start, prev_close))
        verb = next((t for t in after if _speech_verb(t)), None)
        scope = (passage.open_mark, after[-1].idx + len(after[-1]) if after else passage.close_mark)
        if verb is None:
            verb = next((t for t in reversed(before) if _speech_verb(t)), None)
            if verb is None and before and before[-1].text == ":":  # "Petrenko put it bluntly: “...”"
                verb = next((t for t in before if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
            scope = (before[0].idx if before else passage.open_mark, passage.close_mark)
        words = passage.text(text).split()
        follows_quote = k > 0 and passages[k - 1].close_mark >= para_start
        if verb is None and len(words) < _MIN_UNCUED_WORDS and not (follows_quote and _starts_sentence(text, passage, para_start)):
            continue  # a short uncued phrase is a scare quote, unless it continues a quote ("We are not.")
        if _is_a_name(words) and not _starts_sentence(text, passage, para_start):
            continue  # 'the name "Robert Kling"', 'the film “Return to Aleppo”'

        subject = speech_subject(verb, (passage.open_mark, passage.close_mark)) if verb is not None else None
        if subject is None and not _starts_sentence(text, passage, para_start):
            continue  # a phrase quoted mid-sentence with no speaker ("what he hails as “the communal state”")
        if verb is not None and subject is not None and not (passage.open_mark <= subject.idx < passage.close_mark):
            statements.append(Statement(
                passage.start, passage.end, True, verb.text, subject.i, scope_start=scope[0], scope_end=scope[1],
                cue_token=verb.i,
            ))
        else:
            statements.append(Statement(
                passage.start, passage.end, True, verb.text if verb is not None else "", None,
                scope_start=passage.open_mark, scope_end=passage.close_mark, inherited=True,
                cue_token=verb.i if verb is not None else None,
            ))
    return statements


def _is_a_name(words: list[str]) -> bool:
    """“Robert Kling”, “Return to Aleppo”: capitalised words (and small joining words), at most four."""
    content = [w.strip(".,;:") for w in words if w.strip(".,;:")]
    small = {"of", "the", "to", "and", "in", "a", "for", "on", "al", "el", "de"}
    if not content or len(content) > 4 or not content[0][:1].isupper() or content[-1].endswith(("!", "?")):
        return False
    return all(w[:1].isupper() or w.lower() in small for w in content)


def _open_to_the_right(text: str, passage: QuotedPassage) -> bool:
    """Whether words after the closing mark can attribute the quote: not when the quote ended its
    sentence with a period (“... they have.” Next sentence), and after ?/! only in lower case
    (“Why?” he asked)."""
    inner = text[passage.start : passage.end].rstrip()
    if not inner or not passage.closed:
        return passage.closed
    if inner[-1] == ".":
        return False
    if inner[-1] in "?!":
        rest = text[passage.close_mark : passage.close_mark + 40].lstrip(" ,")
        return bool(rest) and rest[0].islower()
    return True


def _starts_sentence(text: str, passage: QuotedPassage, para_start: int) -> bool:
    before = text[para_start : passage.open_mark].rstrip()
    return not before or before[-1] in ".?!:”\"" or before.endswith("—")


def inside_any(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def reported_statements(doc: Doc, quoted: list[tuple[int, int]], cue_verbs: set[int]) -> list[Statement]:
    """Reported speech: "X said (that) ...", "..., soldiers said, ...", "X announced the start of ..."."""
    statements = []
    for verb in doc:
        if not _speech_verb(verb) or verb.lemma_.lower() in NOT_REPORTING or verb.i in cue_verbs or inside_any(verb.idx, quoted):
            continue
        if verb.dep_ in ("acl", "amod", "relcl") and verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in verb.children):
            continue  # "elements said to be linked", "it was reported": no one is speaking
        if doc[verb.i + 1 : verb.i + 3].text.lower() in ("to be", "to have"):
            continue  # "said to be linked" parsed as a main verb
        subject = speech_subject(verb)
        if subject is None or _negated(verb, subject):
            continue  # "He did not acknowledge ...", "no group claimed ...": nothing was said
        content = _reported_content(verb)
        if content is None:
            continue
        start, end = content
        if any(start < q_end and q_start < end for q_start, q_end in quoted):
            continue  # the clause holds a direct quote: that quote is the statement
        sentence = verb.sent
        statements.append(Statement(
            start, end, False, verb.text, subject.i,
            scope_start=min(start, sentence.start_char), scope_end=max(end, sentence.end_char),
        ))
    return statements


def _negated(verb: Token, subject: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return subject.lower_ in ("nobody", "none", "no-one") or any(c.lower_ == "no" for c in subject.children)


def _reported_content(verb: Token) -> tuple[int, int] | None:
    doc = verb.doc
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None and verb.lemma_.lower() in OBJECT_REPORTING_VERBS:
        clause = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if clause is not None:
        first, last = clause.left_edge.i, clause.right_edge.i + 1
        while first <= clause.i and doc[first].dep_ == "mark":
            first += 1  # drop "that"
        for child in clause.rights:  # "..., while the group's agency claimed that ...": another source's claim
            if child.dep_ in ("advcl", "conj") and any(_speech_verb(t) and speech_subject(t) for t in child.subtree):
                last = min(last, child.left_edge.i)
        return _trimmed(doc, first, last)
    if verb.dep_ == "parataxis":  # "The Euphrates trembled ..., soldiers said, and ..."
        head = verb.head
        before = [t for t in doc[head.left_edge.i : verb.left_edge.i] if not t.is_punct]
        after = [t for t in doc[verb.right_edge.i + 1 : head.right_edge.i + 1] if not t.is_punct]
        if before and after and before[-1].i < head.i:  # "Leaders ..., critics say, are loyalists": keep it whole
            return _trimmed(doc, head.left_edge.i, head.right_edge.i + 1)
        if before:
            return _trimmed(doc, head.left_edge.i, verb.left_edge.i)
        return _trimmed(doc, verb.right_edge.i + 1, head.right_edge.i + 1)
    return None


def _trimmed(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > first and ((doc[last - 1].is_punct and doc[last - 1].text not in ")]") or doc[last - 1].is_space):
        last -= 1
    if last - first < 2:
        return None
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1])


def according_to_statements(doc: Doc, quoted: list[tuple[int, int]]) -> list[Statement]:
    """"..., according to security officials": the clause it qualifies, attributed to its object."""
    statements = []
    paragraphs = paragraph_bounds(doc_text(doc))
    for token in doc:
        if token.lower_ != "according" or inside_any(token.idx, quoted):
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None:
            continue
        phrase_first, phrase_last = token.i, max(to.right_edge.i, token.right_edge.i) + 1
        sentence = token.sent
        head = token.head if token.head.i != token.i else sentence.root
        first, last = min(head.left_edge.i, sentence.start), max(head.right_edge.i + 1, sentence.end)
        para_start, para_end = next(((s, e) for s, e in paragraphs if s <= token.idx < e), (0, len(doc_text(doc))))
        while first < token.i and doc[first].idx < para_start:
            first += 1  # never reach back over a paragraph break (headline, byline)
        dash = next((t.i for t in doc[first : min(first + 8, token.i)] if t.text in ("—", "–", "--")), None)
        if dash is not None and all(t.is_title or t.is_upper or t.is_punct for t in doc[first:dash]):
            first = dash + 1  # "QAIM, Iraq — ...": the dateline is not part of what was said
        while last > phrase_last and doc[last - 1].idx >= para_end:
            last -= 1
        later_clauses = [c.left_edge.i for c in head.children if c.dep_ == "conj" and c.i >= phrase_last]
        if later_clauses:  # "..., according to X, but others say ...": the source covers the first clause
            last = min(last, min(later_clauses))
            while last > phrase_last and (doc[last - 1].dep_ == "cc" or doc[last - 1].is_punct):
                last -= 1
        if phrase_first - first >= last - phrase_last:  # the phrase closes the clause
            content = _trimmed(doc, first, phrase_first)
        else:  # "According to X, ..."
            content = _trimmed(doc, phrase_last, last)
        if content is None:
            continue
        statements.append(Statement(
            content[0], content[1], False, "according to", source.i,
            scope_start=sentence.start_char, scope_end=sentence.end_char,
        ))
    return statements
