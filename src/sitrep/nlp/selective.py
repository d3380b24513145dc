"""Selective parsing: the parse components and the NER run only where events are read.

The tagger, parser, attribute ruler and lemmatizer (and the tok2vec they share) are about half of the
spaCy time on a long article and the NER (with its own tok2vec) most of the rest, but events only read
the parse and the names of the sentences that can hold them. With selective parsing the full pipeline
still tokenizes the whole article and sets the news sentence rules; the parse components run only on
the paragraphs that hold an event cue (the trigger lexicon of `sitrep.extract.triggers`) or, with
`speech`, a quotation or a speech verb; a paragraph longer than `LONG_PARAGRAPH_TOKENS` (a text that
lost its paragraph breaks) is chosen from in blocks of whole sentences instead. Each chosen range is
parsed as its own Doc with `CONTEXT` tokens on either side, so its tokens see the same neighbourhood as
in the whole article (the tok2vec window reaches four tokens), and its tags, lemmas, heads and
dependencies are copied back: downstream code sees an ordinary parsed Doc.

The other paragraphs get sentence boundaries from punctuation (after the news sentence rules), one flat
tree per sentence (first token the root, the others attached to it as "dep"), no tag and the lower-cased
form as lemma: nothing downstream finds an event there, and none was to be found.

The NER reads the paragraphs that hold a parsed range and the lead (headline and dateline: the
paragraphs starting in the first `LEAD_CHARS` characters); the character ranges it read go to
`doc.user_data[NAMED_RANGES]`, so that place detection, whose rules lean on the NER's other entities,
keeps to them. An event's place and the article's country focus then come from the event paragraphs
and the lead, not from places named in passing elsewhere: on the HRDsAttack dev articles region and
city agree with the gold more often than with the whole-article NER, the best event's country as often
(ACLED, CASE-2021 and MUC-4 figures are the same; `docs/performance.md`).

Quantity claims read the parse of every paragraph, so the component is also a per-call switch: called
with `full_parse=True` (`nlp.pipe(..., component_cfg={COMPONENT: {"full_parse": True}})`) it runs the
parse components over whole Docs, in the same batches as the plain pipeline, and the output is the full
pipeline's. A call that does not say gets the component's `full_parse` default (`Settings.selective_parse`:
None → full by default and selective when the Extractor extracts without claims; True → always selective).

`benchmarks/check_selective_parse.py` extracts a corpus both ways and lists the events that differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, ORTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from sitrep.nlp.doctext import doc_text

PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
CONTEXT = 8  # tokens of context either side of a parsed paragraph (the tok2vec window is 4 tokens)
# The NER's own tok2vec reaches four tokens either side, and an entity its range cut is dropped anyway: four
# tokens of context give the same entities as eight (300 HRDsAttack articles), 2.5% fewer tokens to read.
# The parse needs more: its transitions read the stack, which reaches into the context.
NER_CONTEXT = 4
COMPONENT = "sitrep_selective_parse"
# Paragraph sub-Docs per call of a parse component (default: all those of the batch of articles). The
# tok2vec is fastest on small batches (its matrices stay in cache), the parser on large ones.
SUB_BATCH = {"tok2vec": 8}
# The NER also reads the paragraphs that start in the first LEAD_CHARS characters: headline, dateline, lead.
LEAD_CHARS = 600
# A paragraph longer than this (news paragraphs run 40-80 tokens) is read in blocks of whole sentences
# of at least BLOCK_TOKENS: flattened texts would otherwise be parsed and named whole for one cue.
LONG_PARAGRAPH_TOKENS = 200
BLOCK_TOKENS = 60
Range = tuple[int, int]  # token offsets, end excluded
NAMED_RANGES = "sitrep_named_ranges"  # Doc.user_data key: character ranges the NER read (absent: the whole text)
_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
_SUB_DOC_ATTRS = [ORTH, SPACY, NORM, SENT_START]
_SENTENCE_END = {".", "!", "?"}
# Quotations and speech verbs (the inflected forms of quotes.SPEECH_VERBS' commonest members).
SPEECH = re.compile(
    r"[\"“”]|\b(?:sa(?:y|ys|id)|t(?:ell|ells|old)|add(?:s|ed)?|according|announc|claim|stat(?:e|es|ed)\b|"
    r"explain|warn|report|insist|not(?:e|es|ed)\b|confirm|den(?:y|ies|ied)|acknowledg|declar|wr(?:ote|ite)|"
    r"argu|alleg|recall|describ|repl|tweet|post|comment|admit|assert|estimat|predict|vow|threat|urg|accus|"
    r"stress|emphasi|indicat|ask|shout|testif|conclud|conced|observ|remark|answer|respond|caution|charg)",
    re.IGNORECASE,
)


def _has_event_cue(text: str, start: int, end: int) -> bool:
    # imported late: the extract stage builds on this one (and reads the same text's cues again, found once)
    from sitrep.extract.triggers import text_cues

    return text_cues(text).in_sentences(start, end)


class SelectiveParse:
    """Runs the parse components on the paragraphs that need them (or on whole Docs) and copies the result back."""

    def __init__(self, nlp: Language, speech: bool = False, context: int = CONTEXT, full_parse: bool = False,
                 ner: bool = False) -> None:
        self.nlp = nlp
        self.speech = speech
        self.context = context
        self.full_parse = full_parse  # what a call that does not choose gets
        self.ner = ner  # the NER runs from here too (on the paragraphs it reads, when selective)

    def wants(self, text: str, start: int, end: int) -> bool:
        """Does the paragraph `text[start:end]` need its parse?"""
        return _has_event_cue(text, start, end) or (self.speech and SPEECH.search(text, start, end) is not None)

    def __call__(self, doc: Doc, full_parse: bool | None = None) -> Doc:
        return next(iter(self.pipe([doc], batch_size=1, full_parse=full_parse)))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 8, full_parse: bool | None = None) -> Iterator[Doc]:
        if self.full_parse if full_parse is None else full_parse:
            # The parse components over whole Docs, batched as the plain pipeline batches them.
            for name in PARSE_PIPES + (("ner",) if self.ner else ()):
                if name in self.nlp.component_names:
                    docs = self.nlp.get_pipe(name).pipe(docs, batch_size=batch_size)
            yield from docs
        else:
            for batch in minibatch(docs, batch_size):
                yield from self.parse_selected(batch)

    def parse_selected(self, docs: list[Doc]) -> list[Doc]:
        """Parse the selected paragraphs of `docs` and copy the result back.

        The paragraphs of all the Docs go through each parse component together (the tok2vec in
        sub-batches of `SUB_BATCH`): the same annotations as article by article, 10% less time.
        """
        # Rule sentence starts, read once per Doc: they cut long paragraphs and fill the unparsed rest.
        starts = [_rule_sentence_starts(doc) for doc in docs]
        plans = [self._windows(doc, doc_starts) for doc, doc_starts in zip(docs, starts)]
        words = [_words_and_spaces(doc) for doc in docs]  # the parse leaves them as they are: read once for both passes
        subs = [sub for doc, (_, windows, _), doc_words in zip(docs, plans, words) for sub in _sub_docs(doc, windows, doc_words)]
        for name in PARSE_PIPES:
            if name in self.nlp.component_names and subs:
                subs = list(self.nlp.get_pipe(name).pipe(subs, batch_size=SUB_BATCH.get(name, len(subs))))
        done = 0
        for doc, (selected, windows, _), doc_starts in zip(docs, plans, starts):
            _copy_back(doc, selected, windows, subs[done : done + len(windows)], doc_starts)
            done += len(windows)
        if self.ner and "ner" in self.nlp.component_names:
            self._recognise_selected(docs, [ranges for _, _, ranges in plans], words)
        return docs

    def _recognise_selected(self, docs: list[Doc], ranges: list[list[tuple[int, int]]],
                            words: list[tuple[list[str], list[bool]]]) -> None:
        """The NER over the chosen token ranges (with context), its entities copied back, none elsewhere.

        The paragraphs of all the Docs go through the NER together. An entity the context window cut
        (one that reaches outside its range) is dropped; a paragraph break ends every entity anyway.
        """
        windows = [_widened(chosen, min(self.context, NER_CONTEXT), len(doc)) for doc, chosen in zip(docs, ranges)]
        subs = [sub for doc, doc_windows, doc_words in zip(docs, windows, words) for sub in _sub_docs(doc, doc_windows, doc_words)]
        subs = list(self.nlp.get_pipe("ner").pipe(subs, batch_size=SUB_BATCH.get("ner", max(1, len(subs)))))
        done = 0
        for doc, chosen, doc_windows in zip(docs, ranges, windows):
            entities = []
            for (s, e), (ws, _), sub in zip(chosen, doc_windows, subs[done : done + len(chosen)]):
                entities.extend(
                    Span(doc, ent.start + ws, ent.end + ws, label=ent.label)
                    for ent in sub.ents if ent.start + ws >= s and ent.end + ws <= e
                )
            done += len(chosen)
            doc.set_ents(entities, default="outside")
            doc.user_data[NAMED_RANGES] = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in chosen]

    def _windows(self, doc: Doc, starts: list[bool]) -> tuple[list[Range], list[Range], list[Range]]:
        """The token ranges to parse (merged neighbouring paragraphs), the same with their context, and
        the ranges the NER reads (the parsed ones and the lead)."""
        text = doc_text(doc)  # paragraphs sliced from the text read once (a Span's .text joins its tokens again)
        paragraphs = paragraph_ranges(doc)
        units = parse_units(doc, paragraphs, starts)
        wanted = [self.wants(text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e, _ in units]
        selected = _merge([(s, e) for (s, e, _), w in zip(units, wanted) if w])
        # The NER reads whole paragraphs: the names around a cue (in a flattened text, its whole body) are
        # the context that tells which Paris or Santa Clara the article is about.
        named_paragraphs = {p for (_, _, p), w in zip(units, wanted) if w}
        named = _merge([(s, e) for p, (s, e) in enumerate(paragraphs) if p in named_paragraphs or doc[s].idx < LEAD_CHARS])
        return selected, _widened(selected, self.context, len(doc)), named


def _widened(ranges: list[Range], context: int, length: int) -> list[Range]:
    """The token ranges with `context` tokens either side, within the Doc's `length`."""
    return [(max(0, s - context), min(length, e + context)) for s, e in ranges]


def _words_and_spaces(doc: Doc) -> tuple[list[str], list[bool]]:
    """Each token's text and whether a space follows it."""
    return [token.text for token in doc], [bool(token.whitespace_) for token in doc]


def _sub_docs(doc: Doc, windows: list[tuple[int, int]], words_and_spaces: tuple[list[str], list[bool]]) -> list[Doc]:
    """The windows as Docs of their own, with what the models read: words, spaces, norms ("n't" -> "not")
    and sentence starts. The Doc's words and spaces (`_words_and_spaces`, read once per Doc for the parse and
    the NER) and its array are read once, not per window: `Span.as_doc` reads the whole Doc's array, every
    attribute, for each span (a tenth of the extraction's time on long articles), and walks the span's
    tokens three times, once to average word vectors the models never read."""
    if not windows:
        return []
    array = doc.to_array(_SUB_DOC_ATTRS)  # read again for the NER: the parse set its sentence starts
    words, spaces = words_and_spaces
    subs = []
    for ws, we in windows:
        sub = Doc(doc.vocab, words=words[ws:we], spaces=spaces[ws:we])
        subs.append(sub.from_array(_SUB_DOC_ATTRS, array[ws:we]))
    return subs


def _copy_back(doc: Doc, selected: list[tuple[int, int]], windows: list[tuple[int, int]], subs: list[Doc],
               starts: list[bool]) -> None:
    """The parsed paragraphs' annotations into `doc`; rule sentences (`starts`) and flat trees everywhere else."""
    array = numpy.zeros((len(doc), len(_ATTRS)), dtype="uint64")
    covered = numpy.zeros(len(doc), dtype=bool)
    for (s, e), (ws, _), sub in zip(selected, windows, subs):
        rows = sub.to_array(_ATTRS)[s - ws : e - ws]
        heads = numpy.arange(e - s) + rows[:, 4].view(numpy.int64)  # HEAD: a signed offset stored as uint64
        outside = (heads < 0) | (heads >= e - s)  # never link across the paragraph (the context is not copied)
        rows[outside, 4] = 0
        rows[outside, 5] = doc.vocab.strings.add("ROOT")
        array[s:e] = rows
        covered[s:e] = True
    _flat_trees(doc, array, covered, starts)
    doc.from_array(_ATTRS, array)


def paragraph_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs: a blank line ends one (its whitespace token stays with it)."""
    ranges, start = [], 0
    for token in doc:
        if token.is_space and token.text.count("\n") >= 2 and token.i + 1 < len(doc):
            ranges.append((start, token.i + 1))
            start = token.i + 1
    if start < len(doc):
        ranges.append((start, len(doc)))
    return ranges


def parse_units(doc: Doc, paragraphs: list[Range], starts: list[bool] | None = None) -> list[tuple[int, int, int]]:
    """The units the parse is chosen by, as (start, end, paragraph index): the paragraphs, with each one
    longer than LONG_PARAGRAPH_TOKENS cut into blocks of whole rule sentences of at least BLOCK_TOKENS.
    A text that lost its paragraph breaks (a flattened archive, a wire dump) then has only the sentences
    around its event cues parsed, as a paragraphed one has. `starts`: the Doc's rule sentence starts, if
    already read."""
    units: list[tuple[int, int, int]] = []
    for number, (s, e) in enumerate(paragraphs):
        if e - s <= LONG_PARAGRAPH_TOKENS:
            units.append((s, e, number))
            continue
        starts = starts or _rule_sentence_starts(doc)
        block = s
        for i in range(s + 1, e):
            if starts[i] and i - block >= BLOCK_TOKENS and e - i >= BLOCK_TOKENS // 2:
                units.append((block, i, number))
                block = i
        units.append((block, e, number))
    return units


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in ranges:
        if merged and merged[-1][1] == s:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _rule_sentence_starts(doc: Doc) -> list[bool]:
    """Sentence starts from punctuation, respecting the boundaries the news sentence rules set or forbade."""
    starts = [True] + [False] * (len(doc) - 1)
    for token in doc[1:]:
        preset = token.is_sent_start
        if preset is not None:
            starts[token.i] = preset
            continue
        previous = doc[token.i - 1]
        starts[token.i] = not token.is_space and (previous.text in _SENTENCE_END or (previous.is_space and token.i > 1 and doc[token.i - 2].text in _SENTENCE_END))
    return starts


def _flat_trees(doc: Doc, array: numpy.ndarray, covered: numpy.ndarray, starts: list[bool]) -> None:
    """Unparsed tokens: one flat tree per rule sentence, lemma = lower-cased form."""
    root_label, dep_label = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    root = -1
    for token in doc:
        i = token.i
        if covered[i]:
            root = -1
            continue
        if root < 0 or starts[i]:
            root = i
        array[i, 3] = doc.vocab.strings.add(token.lower_)
        if i == root:
            array[i, 4], array[i, 5] = 0, root_label
        else:
            array[i, 4], array[i, 5] = numpy.int64(root - i).astype(numpy.uint64), dep_label


@Language.factory(COMPONENT, default_config={"speech": False, "context": CONTEXT, "full_parse": False, "ner": False})
def make_selective_parse(nlp: Language, name: str, speech: bool, context: int, full_parse: bool, ner: bool) -> SelectiveParse:
    return SelectiveParse(nlp, speech=speech, context=context, full_parse=full_parse, ner=ner)


def enable_selective_parse(nlp: Language, *, speech: bool = False, full_parse: bool = False) -> None:
    """Switch `nlp` to selective parsing: the parse components and the NER are disabled and run from the new one.

    `full_parse`: whether calls that do not choose (`parse_options`) get the full parse.
    """
    if COMPONENT in nlp.pipe_names:
        return
    present = [name for name in PARSE_PIPES if name in nlp.pipe_names]
    if "parser" not in present:
        return
    anchor = {"after": "sitrep_news_sentences"} if "sitrep_news_sentences" in nlp.pipe_names else {"before": "parser"}
    ner = "ner" in nlp.pipe_names
    nlp.add_pipe(COMPONENT, config={"speech": speech, "full_parse": full_parse, "ner": ner}, **anchor)
    for name in present + (["ner"] if ner else []):
        nlp.disable_pipe(name)


def parse_options(nlp: Language, *, full_parse: bool) -> dict:
    """Keyword arguments for `nlp.pipe` that choose the full or the selective parse for that call."""
    if COMPONENT not in nlp.pipe_names:
        return {}  # no selective component: always the full parse
    return {"component_cfg": {COMPONENT: {"full_parse": full_parse}}}
