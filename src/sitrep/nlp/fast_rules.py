"""Array versions of the model's attribute ruler and rule lemmatizer: the same annotations, less Python.

spaCy's `attribute_ruler` runs a Matcher with all of its patterns over every token and then sets each
match's attributes token by token (en_core_web_sm: 179 patterns, a TAG -> POS/MORPH map and exceptions
on LOWER, TAG and DEP); the `lemmatizer` visits every token in Python. On a 9,000-character article
that is about a tenth of the whole extraction. These replacements read the same tables:

- `ArrayAttributeRuler` evaluates each pattern of the model's ruler as a mask over token arrays (TAG,
  LOWER, DEP, IS_SPACE), applies them in the ruler's order (a later pattern wins, as in spaCy, which
  sorts its matches by pattern number) and writes POS, MORPH, LEMMA, TAG and DEP back in one pass.
  Patterns it cannot evaluate (operators, other attributes) make it fall back to spaCy's ruler.
- `MemoLemmatizer` asks the model's lemmatizer once per (form, POS, morphology), the key of spaCy's own
  rule cache (its result depends on nothing else), and writes the lemmas as an array. A new word goes
  through a copy of spaCy's rule lookup that keeps each POS's word index as a set (spaCy's is a list:
  a quarter of a millisecond per new word); the copy is used only while spaCy's source is the one copied.

`tests/test_nlp_fast_rules.py` checks that both give exactly the model components' output.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

ATTRIBUTE_RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"
_READ = [TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA]  # columns of the token array
_COLUMN = {TAG: 0, LOWER: 1, DEP: 2, IS_SPACE: 3}
_OUT = {POS: 4, MORPH: 5, LEMMA: 6, TAG: 0, DEP: 2}  # the columns of the attributes a pattern may set


class Unsupported(ValueError):
    """A ruler pattern this module cannot evaluate as an array mask."""


def _token_test(vocab, spec: dict[str, Any]) -> list[tuple[int, str, Any]]:
    """(column, "eq" | "in" | "not_in" | "regex", value) tests for one Matcher token spec, compared as
    spaCy's Matcher compares them: string values by their hash ("" is 0, unset), IS_SPACE as 0/1."""
    tests: list[tuple[int, str, Any]] = []
    for key, value in spec.items():
        attr = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}.get(key.upper())
        if attr is None:
            raise Unsupported(f"attribute {key}")
        column = _COLUMN[attr]

        def encode(v: Any) -> int:
            if attr == IS_SPACE:
                if not isinstance(v, bool):
                    raise Unsupported(f"IS_SPACE value {v!r}")
                return int(v)
            if not isinstance(v, str):
                raise Unsupported(f"value {v!r}")
            return vocab.strings.add(v)

        if isinstance(value, dict):
            if len(value) != 1:
                raise Unsupported(f"predicate {value}")
            (predicate, argument), = value.items()
            if predicate in ("IN", "NOT_IN") and isinstance(argument, list):
                tests.append((column, predicate.lower(), numpy.array([encode(v) for v in argument], dtype="uint64")))
            elif predicate == "REGEX" and isinstance(argument, str) and attr != IS_SPACE:
                tests.append((column, "regex", re.compile(argument)))
            else:
                raise Unsupported(f"predicate {value}")
        else:
            tests.append((column, "eq", encode(value)))
    return tests


class ArrayAttributeRuler:
    """The model's attribute ruler, its patterns evaluated as masks over token arrays."""

    def __init__(self, original: Any = None) -> None:
        self.original: Any = None  # spaCy's ruler: the source of the patterns, and the fallback
        self.rules: list[tuple[list[list[list[tuple[int, str, Any]]]], int, list[tuple[int, int]]]] = []
        self._needs: list[list[set[tuple[int, int]]]] = []
        self._regex_hits: dict[str, dict[int, bool]] = {}  # pattern -> string hash -> found
        self.fallback = True
        if original is not None:
            self.adopt(original)

    def adopt(self, original: Any) -> None:
        """Take over the patterns of spaCy's ruler `original` (which stays the fallback)."""
        self.original = original
        self.rules = []
        try:
            self._compile(original)
        except Unsupported:
            self.rules, self.fallback = [], True
        else:
            self.fallback = False

    def _compile(self, ruler: Any) -> None:
        vocab = ruler.vocab
        for number, entry in enumerate(ruler.patterns):
            patterns = [[_token_test(vocab, spec) for spec in pattern] for pattern in entry["patterns"]]
            if any(not pattern for pattern in patterns):  # operators ("OP") already failed in _token_test
                raise Unsupported("empty pattern")
            values = []
            for attr, value in ruler.attrs[number].items():
                if attr not in _OUT:
                    raise Unsupported(f"sets attribute {attr}")
                values.append((_OUT[attr], int(value)))
            self.rules.append((patterns, int(entry["index"]), values))
        # Only the values a pattern compares for equality can be tested against the Doc's vocabulary first.
        self._needs = [
            [{(c, v) for token in pattern for c, op, v in token if op == "eq" and c in (0, 1)} for pattern in patterns]
            for patterns, _, _ in self.rules
        ]

    def __call__(self, doc: Doc) -> Doc:
        if self.fallback or len(doc) == 0:
            return self.original(doc) if self.original is not None else doc
        array = doc.to_array(_READ)
        before = array.copy()
        n = len(doc)
        present = {0: set(numpy.unique(array[:, 0]).tolist()), 1: set(numpy.unique(array[:, 1]).tolist())}
        for (patterns, index, values), needs in zip(self.rules, self._needs):
            for pattern, need in zip(patterns, needs):
                if any(v not in present[c] for c, v in need):
                    continue
                length = len(pattern)
                if length > n:
                    continue
                mask = numpy.ones(n - length + 1, dtype=bool)
                for offset, tests in enumerate(pattern):
                    # Tests read the annotations as they were before the ruler ran, as spaCy's Matcher does.
                    window = before[offset : offset + n - length + 1]
                    for column, op, value in tests:
                        mask &= self._test(doc, window[:, column], op, value)
                starts = numpy.flatnonzero(mask)
                if not len(starts):
                    continue
                targets = starts + (index if index >= 0 else length + index)
                for column, value in values:
                    array[targets, column] = value
        self._write(doc, array, before)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _test(self, doc: Doc, values: numpy.ndarray, op: str, argument: Any) -> numpy.ndarray:
        if op == "eq":
            return values == argument
        if op == "in":
            return numpy.isin(values, argument)
        if op == "not_in":
            return ~numpy.isin(values, argument)
        # REGEX: searched in the attribute's string, as the Matcher does; each distinct string once.
        known = self._regex_hits.setdefault(argument.pattern, {})
        strings = doc.vocab.strings
        hits = []
        for value in numpy.unique(values).tolist():
            hit = known.get(value)
            if hit is None:
                hit = known[value] = argument.search(strings[value]) is not None
            if hit:
                hits.append(value)
        return numpy.isin(values, numpy.array(hits, dtype="uint64"))

    @staticmethod
    def _write(doc: Doc, array: numpy.ndarray, before: numpy.ndarray) -> None:
        doc.from_array([POS, MORPH, LEMMA], array[:, 4:7])
        # TAG and DEP change on a few tokens at most (whitespace): set them one by one, so that from_array's
        # handling of those columns cannot touch anything else.
        for column, attr in ((0, "tag"), (2, "dep")):
            for i in numpy.flatnonzero(array[:, column] != before[:, column]).tolist():
                setattr(doc[i], attr, int(array[i, column]))


# sha256 of the source of spacy.pipeline.Lemmatizer.rule_lemmatize that `MemoLemmatizer._lemma` copies (spaCy 3.8).
RULE_LEMMATIZE_DIGEST = "dde726af5978c777"


def _source_digest(function: Any) -> str | None:
    try:
        return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]
    except (OSError, TypeError):
        return None


class MemoLemmatizer:
    """The model's rule lemmatizer, asked once per (form, POS, morphology) and written as an array."""

    def __init__(self, original: Any = None) -> None:
        self.original: Any = None
        self.memo: dict[tuple[int, int, int], int] = {}
        self.exact = False
        if original is not None:
            self.adopt(original)

    def adopt(self, original: Any) -> None:
        """Stand in for spaCy's lemmatizer `original`: memoised when it is a rule lemmatizer that keeps set lemmas."""
        self.original, self.memo, self._index = original, {}, {}
        self.exact = getattr(original, "mode", None) == "rule" and getattr(original, "overwrite", True) is False
        # Our copy of spaCy's rule lookup (below) stands in only for the spaCy code it was copied from, not
        # for a language's override or another spaCy version's.
        self._own_rules = (
            self.exact
            and getattr(type(original), "rule_lemmatize", None) is Lemmatizer.rule_lemmatize
            and _source_digest(Lemmatizer.rule_lemmatize) == RULE_LEMMATIZE_DIGEST
        )

    def _lemma(self, token: Any) -> str:
        """spaCy's `Lemmatizer.rule_lemmatize(token)[0]` (spaCy 3.8), with the word index of each POS as
        a set: spaCy keeps it as a list (57,528 nouns) and tests membership in it twice per rule, about
        a quarter of a millisecond per new word."""
        if not self._own_rules:
            return self.original.lemmatize(token)[0]
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space") or self.original.is_base_form(token):
            return self.original.rule_lemmatize(token)[0]  # the plain cases, and spaCy's warning for no POS
        lookups = self.original.lookups
        index = self._index.get(univ_pos)
        if index is None:
            index = self._index[univ_pos] = frozenset(lookups.get_table("lemma_index", {}).get(univ_pos, ()))
        exceptions = lookups.get_table("lemma_exc", {}).get(univ_pos, {})
        rules = lookups.get_table("lemma_rules", {}).get(univ_pos, {})
        if not (index or exceptions or rules):
            return string if univ_pos == "propn" else string.lower()
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms[0]

    def __call__(self, doc: Doc) -> Doc:
        if not self.exact or len(doc) == 0:
            return self.original(doc) if self.original is not None else doc
        if not self.original._validated:
            self.original._validate_tables()
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3]
        strings = doc.vocab.strings
        memo = self.memo
        lemmatize = self._lemma
        for i in numpy.flatnonzero(lemmas == 0).tolist():
            key = (int(array[i, 0]), int(array[i, 1]), int(array[i, 2]))
            lemma = memo.get(key)
            if lemma is None:
                lemma = memo[key] = strings.add(lemmatize(doc[i]))
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


# Built empty by replace_pipe; `use_array_rules` then hands them the model's components.
@Language.factory("sitrep_array_attribute_ruler")
def _make_attribute_ruler(nlp: Language, name: str) -> ArrayAttributeRuler:
    return ArrayAttributeRuler()


@Language.factory("sitrep_memo_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer()


def use_array_rules(nlp: Language) -> None:
    """Swap the model's attribute ruler and lemmatizer for the array versions (same names, same output)."""
    for name, factory, kind in ((ATTRIBUTE_RULER, "sitrep_array_attribute_ruler", ArrayAttributeRuler),
                                (LEMMATIZER, "sitrep_memo_lemmatizer", MemoLemmatizer)):  # fmt: skip
        if name not in nlp.component_names:
            continue
        original = nlp.get_pipe(name)
        if isinstance(original, kind):
            continue
        nlp.replace_pipe(name, factory).adopt(original)  # type: ignore[attr-defined]
