"""A whole article written like a conflict news story: every quote with its speaker, the key claim."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.records import Article

ARTICLE = Path(__file__).parent / "fixtures" / "claims" / "article_valley.txt"


@pytest.fixture(scope="module")
def result(extractor):
    article = Article(text=ARTICLE.read_text(encoding="utf-8"), published=date(2019, 7, 21))
    return extractor.extract_one(article, claims=True)


def speakers_of(result, fragment: str) -> set[str | None]:
    found = {q.speaker for q in result.quotes if fragment in q.text}
    assert found, f"no quote with {fragment!r}"
    return found


@pytest.mark.parametrize(
    "fragment, speaker",
    [
        ("I tell every chief", "one hostage"),
        ("Look at these slopes", "Maj. Tariq Hassan"),
        ("How many men would it take", "Maj. Tariq Hassan"),
        ("he had served in every campaign", "Maj. Tariq Hassan"),
        ("At night they own the roads", "a border police officer"),
        ("his men had been fired on", "another senior army officer"),
        ("They knew the ground better", "another senior army officer"),
        ("do not need the people to love them", "Arjun Mehta"),
        ("Five years ago", "Arjun Mehta"),
        ("Now the same families", "Arjun Mehta"),
        ("will not go back to the old days", "Elder Hamid Rahimi"),
        ("The war is only beginning", "the narrator"),
        ("You will hear from us", "the narrator"),
    ],
)
def test_every_quote_has_its_speaker(result, fragment, speaker):
    assert speakers_of(result, fragment) == {speaker}


def test_anonymous_sources_are_marked(result):
    anonymous = {q.speaker for q in result.quotes if q.anonymous}
    assert {"one hostage", "a border police officer", "another senior army officer", "local officials"} <= anonymous
    assert not any(q.anonymous for q in result.quotes if q.speaker in ("Arjun Mehta", "Maj. Tariq Hassan"))


def test_roles_are_kept(result):
    roles = {q.speaker: q.speaker_role for q in result.quotes}
    assert roles["Arjun Mehta"] == "an analyst with the Regional Security Network"
    assert roles["Elder Hamid Rahimi"] == "a village head"


def test_the_researchers_figure_is_a_claim_with_her_as_source(result):
    (claim,) = [c for c in result.claims if c.quantity == 400]
    assert claim.approximate and claim.unit == "fighters"
    assert (claim.period_start, claim.period_end) == (date(2019, 2, 21), date(2019, 7, 21))
    assert claim.speaker == "Nadia Qureshi"
    assert claim.speaker_role.startswith("a researcher who studies the insurgency")


def test_offsets_point_into_the_article(result):
    text = result.article.text
    for item in [*result.quotes, *result.claims]:
        assert text[item.start : item.end] == item.text
