"""Selective parsing: the parse components run only on paragraphs that can hold an event, and those
paragraphs come out exactly as from the full pipeline; the rest get rule sentences and flat trees.
The NER reads the same paragraphs and the lead. By default the same pipeline parses in full when a
call asks for it (claims) and selectively otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.nlp.doctext import doc_text
from sitrep.nlp.pipeline import load_pipeline
from sitrep.nlp.selective import COMPONENT, LEAD_CHARS, NAMED_RANGES, PARSE_PIPES, paragraph_ranges, parse_options
from sitrep.records import Article
from sitrep.settings import Settings

ARTICLE = (Path(__file__).parent / "fixtures/nlp/mixed_paragraphs.txt").read_text(encoding="utf-8")
CAMPS = "The ministry said 40,000 people now live in camps near the town, up from 25,000 in January.\n"


@pytest.fixture(scope="module")
def pipelines():
    return load_pipeline(Settings(selective_parse=False)), load_pipeline(Settings(selective_parse=True))


@pytest.fixture(scope="module")
def docs(pipelines):
    full, selective = pipelines
    return full(ARTICLE), selective(ARTICLE)


def _paragraph(doc, needle: str):
    start = ARTICLE.index(needle)
    return next((s, e) for s, e in paragraph_ranges(doc) if doc[s].idx <= start < doc[e - 1].idx + len(doc[e - 1]))


def test_setting_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("SITREP_SELECTIVE_PARSE", raising=False)
    assert Settings().selective_parse is None  # the default: selective unless the call extracts claims
    monkeypatch.setenv("SITREP_SELECTIVE_PARSE", "1")
    assert Settings().selective_parse is True
    monkeypatch.setenv("SITREP_SELECTIVE_PARSE", "0")
    assert Settings().selective_parse is False


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in doc]


def test_default_pipeline_parses_in_full_unless_a_call_asks_for_selective(pipelines):
    full, selective = pipelines
    default = load_pipeline(Settings(selective_parse=None))
    assert COMPONENT in default.pipe_names and not set(PARSE_PIPES) & set(default.pipe_names)
    expected_full = _annotations(full(ARTICLE))
    assert _annotations(default(ARTICLE)) == expected_full  # a plain call: the full parse
    texts = [ARTICLE, ARTICLE.replace("Gao", "Kidal")]
    as_full = [_annotations(d) for d in default.pipe(texts, **parse_options(default, full_parse=True))]
    assert as_full == [_annotations(d) for d in full.pipe(texts)]
    as_selective = [_annotations(d) for d in default.pipe(texts, **parse_options(default, full_parse=False))]
    assert as_selective == [_annotations(d) for d in selective.pipe(texts)]
    assert as_selective != as_full


def test_forced_settings_ignore_the_call(pipelines):
    full, selective = pipelines
    assert parse_options(full, full_parse=False) == {}  # SITREP_SELECTIVE_PARSE=0: no selective component
    assert _annotations(selective(ARTICLE)) == _annotations(next(selective.pipe([ARTICLE])))
    assert _annotations(selective(ARTICLE)) != _annotations(full(ARTICLE))


def test_parse_components_move_behind_the_selective_one(pipelines):
    full, selective = pipelines
    assert COMPONENT not in full.pipe_names
    assert COMPONENT in selective.pipe_names and "sitrep_dateline" in selective.pipe_names
    assert not (set(PARSE_PIPES) | {"ner"}) & set(selective.pipe_names)
    assert set(PARSE_PIPES) | {"ner"} <= set(selective.component_names)  # still there, run from the component


def test_event_paragraphs_have_the_full_pipelines_parse(docs):
    full, selective = docs
    for needle in ("Gunmen on motorcycles", "Soldiers arrived", "hundreds of residents marched"):
        s, e = _paragraph(full, needle)
        for a, b in zip(full[s:e], selective[s:e]):
            assert (a.text, a.tag_, a.pos_, a.lemma_, a.dep_, a.head.i) == (b.text, b.tag_, b.pos_, b.lemma_, b.dep_, b.head.i)
        assert [(x.start, x.end) for x in full[s:e].sents] == [(x.start, x.end) for x in selective[s:e].sents]


def test_other_paragraphs_get_rule_sentences_and_flat_trees(docs):
    _, selective = docs
    s, e = _paragraph(selective, "The town council")
    sentences = list(selective[s:e].sents)
    assert [x.text.strip() for x in sentences] == [
        "The town council will meet next month to discuss the budget for schools and roads.",
        "Teachers hope for new classrooms before the rainy season.",
    ]
    for sentence in sentences:
        assert all(t.head.i == sentence.start for t in sentence)
        assert {t.dep_ for t in sentence[1:]} == {"dep"} and sentence[0].dep_ == "ROOT"
    assert selective[s].lemma_ == "the" and selective[s].tag_ == ""


# A place and a person named in passing, in paragraphs without an event cue, far from the lead.
PASSING = ("\n\nThe governor, Amadou Diallo, studied in Dakar and Paris before he entered politics in the 1990s."
           "\n\nThe region's mango harvest is sold in Bamako and Abidjan.")
LATER_EVENT = "\n\nGunmen killed two guards in Mopti on Sunday.\n"


def _entities(doc, start=0, end=None):
    return [(x.start_char, x.end_char, x.label_) for x in doc.ents if x.start_char >= start and (end is None or x.end_char <= end)]


def test_text_is_untouched_and_entities_are_the_full_pipelines_where_the_ner_reads(pipelines):
    full, selective = pipelines
    text = ARTICLE + PASSING + LATER_EVENT
    whole, chosen = full(text), selective(text)
    assert chosen.text == text
    assert NAMED_RANGES not in whole.user_data  # the full pipeline reads everything
    # Read: the paragraphs that start in the lead (the fixture's up to "The town council") and the event
    # paragraphs ("On Thursday ... marched", "Gunmen killed"); not the two paragraphs in passing.
    assert text.index("The town council") < LEAD_CHARS < text.index("On Thursday, hundreds")
    assert [text[s:e].strip() for s, e in chosen.user_data[NAMED_RANGES]] == [ARTICLE.strip(), LATER_EVENT.strip()]
    for s, e in chosen.user_data[NAMED_RANGES]:
        assert _entities(chosen, s, e) == _entities(whole, s, e)
    assert sum(len(_entities(chosen, s, e)) for s, e in chosen.user_data[NAMED_RANGES]) == len(chosen.ents)
    assert {"Dakar", "Abidjan", "Amadou Diallo", "Mopti"} <= {x.text for x in whole.ents}
    assert not {"Dakar", "Abidjan", "Amadou Diallo"} & {x.text for x in chosen.ents} and "Mopti" in {x.text for x in chosen.ents}
    passing = chosen.char_span(len(ARTICLE), len(ARTICLE) + len(PASSING), alignment_mode="expand")
    assert all(t.ent_iob_ == "O" for t in passing)


def test_place_detection_keeps_to_what_the_ner_read(pipelines, extractor):
    from sitrep.geo.resolve import resolve_toponyms

    full, selective = pipelines
    text = ARTICLE + PASSING + LATER_EVENT
    article = Article(text=text, id="gao")
    everywhere = {t.text for t in resolve_toponyms(full(text), article, extractor.gazetteer)}
    where_read = {t.text for t in resolve_toponyms(selective(text), article, extractor.gazetteer)}
    assert {"Dakar", "Abidjan", "Gao", "Bamako", "Mopti"} <= everywhere
    # "Dakar" (which the model takes for a person) comes from the locative rule ("studied in Dakar"),
    # which keeps to the paragraphs the NER read as well.
    assert {"Gao", "Mopti"} <= where_read and not {"Dakar", "Paris", "Abidjan"} & where_read


def test_extracted_events_are_the_same(extractor, tmp_path_factory):
    from sitrep.pipeline import Extractor

    data_dir = tmp_path_factory.getbasetemp() / "sitrep-data"
    full = Extractor(Settings(data_dir=data_dir, selective_parse=False))
    selective = Extractor(Settings(data_dir=data_dir, selective_parse=True))
    article = Article(text=ARTICLE, id="gao")

    def events(ex, claims=False):
        return [(e.sub_event_type, e.location, e.fatalities, e.event_date, e.actor1, e.notes)
                for e in ex.extract_one(article, claims=claims).events]

    expected = events(full)
    assert expected and events(selective) == expected
    assert extractor.settings.selective_parse is None and events(extractor) == expected  # the default
    # With claims the default extractor parses in full: the same quotes and claims as the full pipeline,
    # including a quantity claim in a paragraph without an event cue, which selective parsing misses.
    article = Article(text=ARTICLE + "\n\n" + CAMPS, id="gao")
    with_claims, reference = extractor.extract_one(article, claims=True), full.extract_one(article, claims=True)
    assert any("40,000" in c.text for c in reference.claims) and with_claims.quotes
    assert (with_claims.quotes, with_claims.claims) == (reference.quotes, reference.claims)
    assert selective.extract_one(article, claims=True).claims != reference.claims


def test_doc_text_is_read_once(pipelines):
    doc = pipelines[0].make_doc(ARTICLE)
    assert doc_text(doc) == ARTICLE
    assert doc_text(doc) is doc_text(doc)


def test_cli_extract_with_selective_parse_prints_the_same_events(run_cli, tmp_path):
    article = tmp_path / "gao.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    full = run_cli("extract", str(article), "--published", "2024-03-07", env={"SITREP_SELECTIVE_PARSE": "0"})
    selective = run_cli("extract", str(article), "--published", "2024-03-07")  # the default: selective
    assert full.returncode == 0 and selective.returncode == 0, full.stderr + selective.stderr
    assert full.stdout.strip() and selective.stdout == full.stdout


def test_paragraphs_of_a_batch_are_parsed_together_with_the_same_result(pipelines):
    _, selective = pipelines
    texts = [ARTICLE, ARTICLE.replace("Gao", "Kidal"), "No event here.\n\nGunmen killed two guards in Mopti on Sunday."]
    one_by_one = [_annotations(selective(t)) for t in texts]
    assert [_annotations(d) for d in selective.pipe(texts, batch_size=3)] == one_by_one


# A text that lost its paragraph breaks: one long paragraph, one event cue in the middle of it.
FLAT_BEFORE = (
    "The town council will meet next month to discuss the budget for schools and roads. "
    "Teachers hope for new classrooms before the rainy season. "
    "The region's mango harvest is sold in Bamako and Abidjan. "
    "Traders say prices rose after the harvest was smaller than last year. "
    "The governor, Amadou Diallo, studied in Dakar and Paris before he entered politics in the 1990s. "
    "A new bridge over the river is due to open in the spring, the ministry of works said. "
    "Farmers in the valley grow rice, millet and onions for the markets of the capital. "
    "The school year begins in October and ends in June, with a break in the hottest months. "
)
FLAT_EVENT = "Gunmen killed two guards in Mopti on Sunday. "
FLAT_AFTER = (
    "The mayor opened a new market hall in the old quarter last year. "
    "Fishermen on the lake sell their catch in Sevare and Djenne every week. "
    "The clinic in the town centre has two doctors and eleven nurses. "
    "Tourists used to visit the mosque and the old port before the roads were closed. "
    "A football tournament for schools will be held in the stadium in August. "
    "The radio station broadcasts in French, Bambara and Fulfulde from a studio near the port. "
    "Rains were late this year, and the river was low until September."
)
FLAT = FLAT_BEFORE + FLAT_EVENT + FLAT_AFTER


def test_long_paragraph_is_parsed_in_blocks_of_whole_sentences(pipelines):
    from sitrep.nlp.selective import BLOCK_TOKENS, LONG_PARAGRAPH_TOKENS, parse_units

    full, _ = pipelines
    doc = full(FLAT)
    (paragraph,) = paragraph_ranges(doc)
    assert paragraph[1] - paragraph[0] > LONG_PARAGRAPH_TOKENS
    units = parse_units(doc, [paragraph])
    assert len(units) > 2 and units[0][0] == 0 and units[-1][1] == len(doc)
    assert all(a[1] == b[0] for a, b in zip(units, units[1:]))  # the blocks tile the paragraph
    assert all(doc[s].is_sent_start for s, _, _ in units)  # and cut it only between sentences
    assert all(e - s >= BLOCK_TOKENS for s, e, _ in units[:-1])
    # A paragraph of news length stays one unit.
    short = full(FLAT_EVENT + FLAT_AFTER[:120])
    assert parse_units(short, paragraph_ranges(short)) == [(0, len(short), 0)]


def test_flattened_text_is_parsed_around_its_cue_and_named_whole(pipelines):
    full, selective = pipelines
    whole, chosen = full(FLAT), selective(FLAT)
    event = chosen.char_span(len(FLAT_BEFORE), len(FLAT_BEFORE) + len(FLAT_EVENT.strip()))
    reference = whole[event.start : event.end]
    assert [(t.tag_, t.dep_, t.head.i) for t in event] == [(t.tag_, t.dep_, t.head.i) for t in reference]
    assert event.root.lemma_ == "kill"
    # The first and last sentences are far from the cue: rule sentences and flat trees, no tags.
    first, last = list(chosen.sents)[0], list(chosen.sents)[-1]
    assert first.text.startswith("The town council") and last.text.startswith("Rains were late")
    assert all(t.tag_ == "" for t in [*first, *last])
    # The NER still reads the whole paragraph: its names are the context of the event's place.
    assert [FLAT[s:e] for s, e in chosen.user_data[NAMED_RANGES]] == [FLAT]
    assert _entities(chosen) == _entities(whole)
    assert {"Dakar", "Sevare"} <= {x.text for x in chosen.ents}


def test_sub_docs_carry_what_the_models_read(pipelines):
    """The windows the parse and the NER read: the words, spaces, norms and sentence starts of each window,
    as `Span.as_doc` would give them, without its per-window passes over the whole Doc."""
    from spacy.attrs import NORM, ORTH, SENT_START, SPACY

    from sitrep.nlp.selective import _sub_docs, _words_and_spaces

    full, _ = pipelines
    doc = full("Gunmen didn't stop.  They fired at the U.S. embassy in Kabul.\n\nPolice arrived later.")
    windows = [(0, 6), (3, len(doc) - 2), (len(doc) - 3, len(doc))]
    attrs = [ORTH, SPACY, NORM, SENT_START]
    for (ws, we), sub in zip(windows, _sub_docs(doc, windows, _words_and_spaces(doc)), strict=True):
        expected = doc[ws:we].as_doc(array_head=attrs)
        assert sub.text == expected.text == doc[ws:we].text_with_ws
        assert (sub.to_array(attrs) == expected.to_array(attrs)).all()
        assert [t.norm_ for t in sub] == [t.norm_ for t in doc[ws:we]]
    assert _sub_docs(doc, [], _words_and_spaces(doc)) == []
