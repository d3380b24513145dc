"""A one-word place name the article also writes in lower case as an ordinary word is that word ("Gay" in a
heading beside "gay people", "Human" of "the Court on Human and People's Rights" beside "human rights", an
alternate name of Uman), unless a place locative, a list of places or a country's name says otherwise."""

from __future__ import annotations

import pytest

from sitrep.geo.resolve import resolve_toponyms
from sitrep.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def toponyms(extractor):
    def run(text: str) -> list[tuple[str, str | None]]:
        """(name, country code) of each toponym found, in text order."""
        doc = extractor.nlp(text)
        found = resolve_toponyms(doc, Article(text=text), extractor.gazetteer)
        return [(t.text, t.place.country_code if t.place else None) for t in found]

    return run


def test_a_heading_word_the_text_writes_in_lower_case_is_no_place(toponyms):
    found = toponyms("Detention of Gay and Transgender People\n\nThe nine transgender or gay people were detained "
                     "at Gikondo in Kigali between December 2020 and April 2021.")
    assert ("Kigali", "RW") in found and "Gay" not in dict(found)


def test_a_word_of_an_organisation_is_no_other_language_name(toponyms):
    found = toponyms("On 4 December 2020, the African Court on Human and People's Rights held that such laws "
                     "violate human rights law. Police detained 20 people in Kigali.")
    assert "Human" not in dict(found) and ("Kigali", "RW") in found


def test_the_same_name_after_a_place_locative_or_in_a_list_of_places_stays(toponyms):
    found = toponyms("A car was hit by an IED in Hit, Anbar. Clashes also erupted in Ramadi, Hit and Haditha.")
    assert [name for name, country in found if country == "IQ"] == ["Hit", "Anbar", "Ramadi", "Hit", "Haditha"]


def test_a_name_the_text_never_writes_in_lower_case_stays(toponyms):
    assert ("Gay", "RU") in toponyms("Gunmen attacked a checkpoint outside Gay, in Orenburg region, on Monday.")


def test_a_capitalised_masthead_in_running_text_is_no_place(toponyms):
    found = toponyms("A source at the state police command told Sunday PUNCH that the abduction in Lagos was the "
                     "work of a kidnap gang.")
    assert "PUNCH" not in dict(found) and ("Lagos", "NG") in found


def test_a_dateline_down_the_text_stays_a_place(toponyms):
    found = toponyms("Follow us on Instagram for the latest updates.\n\nKAJANG, Sept 17 — Four men were charged "
                     "today with abducting a Bangladeshi man.")
    assert ("KAJANG", "MY") in found


def test_a_dateline_after_a_headline_on_the_same_line_is_no_masthead():
    from sitrep.geo.detect import _a_word_not_a_place
    from sitrep.geo.mentions import Mention

    def masthead(text: str, word: str) -> bool:
        start = text.index(word)  # no lower-case twin in these texts: only the masthead reading applies
        return _a_word_not_a_place(Mention(start, start + len(word), word, "ner:GPE"), text, set(), set(), None)

    assert masthead("A source told Sunday PUNCH that the gang was back.", "PUNCH")
    assert not masthead("Mansfield OKs refinancing in debt. MANSFIELD — The City Council voted on Monday.", "MANSFIELD")
    assert not masthead("By KENT MALLETT Advocate Reporter March 30, 2009 NEWARK \x97 Wess Henry lost his home.", "NEWARK")
    assert not masthead("Rebels attacked the town in GAZA on Monday, officials said.", "GAZA")  # after a place locative


def test_a_name_known_with_its_capitalised_kind_word_is_not_the_bare_name(toponyms):
    # "Denham Town" is a neighbourhood of Kingston, Jamaica (the model calls it a person): not Denham, England,
    # which would have taken Kingston to Kingston upon Thames
    found = toponyms("On 6 May 2020, in Kingston city, inhabitants of Denham Town attacked police officers after two "
                     "children were killed by gunmen in this neighbourhood.")
    assert ("Kingston", "JM") in found and ("Denham", "GB") not in found


def test_a_name_whose_kind_word_names_the_same_place_keeps_it(toponyms):
    # "Dublin City" is Dublin; Kansas City lies in the Kansas its bare name reads (which places Manhattan there)
    assert ("Dublin", "IE") in toponyms("The appointments began a discussion among Dublin City Council members.")
    found = toponyms("A flight to Manhattan costs about $40 more than a flight from Kansas City International to Dallas.")
    assert ("Kansas", "US") in found and ("Manhattan", "US") in found


def test_cli_extract_places_a_kingston_riot_in_jamaica(extract_note):
    events = extract_note("On 6 May 2020, in Kingston city, inhabitants of Denham Town attacked police officers after two "
                          "children were killed by gunmen in this neighbourhood.", "2020-05-10")
    assert events and {e["country"] for e in events} == {"Jamaica"}
