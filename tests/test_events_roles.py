"""Victim and perpetrator phrases around an event's cue words (roles.py)."""

from __future__ import annotations

import pytest

from sitrep.extract.flags import cue_token
from sitrep.extract.roles import roles_of
from sitrep.extract.triggers import CORE_CUES, find_cues


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def roles(nlp, text: str):
    doc = nlp(text)
    span = doc[:]
    tokens = [t for t in (cue_token(span, c) for c in find_cues(text) if c.cue in CORE_CUES) if t is not None]
    return roles_of(tokens)


def test_a_date_after_on_is_not_a_victim(nlp):
    victims, perpetrators = roles(nlp, "On 29 April 2020, the gunmen shot and killed a farmer near the river.")
    assert not any("April" in v for v in victims)
    assert "a farmer" in victims
    assert any("gunmen" in p for p in perpetrators)
