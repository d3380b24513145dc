"""Selective parsing: the parse components run only on paragraphs that can hold an event, and those
paragraphs come out exactly as from the full pipeline; the rest get rule sentences and flat trees."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.nlp.doctext import doc_text
from sitrep.nlp.pipeline import load_pipeline
from sitrep.nlp.selective import COMPONENT, PARSE_PIPES, paragraph_ranges
from sitrep.records import Article
from sitrep.settings import Settings

ARTICLE = (Path(__file__).parent / "fixtures/nlp/mixed_paragraphs.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pipelines():
    return load_pipeline(Settings()), load_pipeline(Settings(selective_parse=True))


@pytest.fixture(scope="module")
def docs(pipelines):
    full, selective = pipelines
    return full(ARTICLE), selective(ARTICLE)


def _paragraph(doc, needle: str):
    start = ARTICLE.index(needle)
    return next((s, e) for s, e in paragraph_ranges(doc) if doc[s].idx <= start < doc[e - 1].idx + len(doc[e - 1]))


def test_setting_comes_from_the_environment(monkeypatch):
    assert Settings().selective_parse is False
    monkeypatch.setenv("SITREP_SELECTIVE_PARSE", "1")
    assert Settings().selective_parse is True


def test_parse_components_move_behind_the_selective_one(pipelines):
    full, selective = pipelines
    assert COMPONENT not in full.pipe_names
    assert COMPONENT in selective.pipe_names and "ner" in selective.pipe_names
    assert not set(PARSE_PIPES) & set(selective.pipe_names)
    assert set(PARSE_PIPES) <= set(selective.component_names)  # still there, run from the component


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


def test_entities_and_text_are_untouched(docs):
    full, selective = docs
    assert selective.text == ARTICLE
    assert [(x.start, x.end, x.label_) for x in full.ents] == [(x.start, x.end, x.label_) for x in selective.ents]


def test_extracted_events_are_the_same(extractor, tmp_path_factory):
    from sitrep.pipeline import Extractor

    selective = Extractor(Settings(data_dir=tmp_path_factory.getbasetemp() / "sitrep-data", selective_parse=True))
    article = Article(text=ARTICLE, id="gao")

    def events(ex):
        return [(e.sub_event_type, e.location, e.fatalities, e.event_date, e.actor1, e.notes) for e in ex.extract_one(article).events]

    expected = events(extractor)
    assert expected and events(selective) == expected


def test_doc_text_is_read_once(pipelines):
    doc = pipelines[0].make_doc(ARTICLE)
    assert doc_text(doc) == ARTICLE
    assert doc_text(doc) is doc_text(doc)


def test_cli_extract_with_selective_parse_prints_the_same_events(run_cli, tmp_path):
    article = tmp_path / "gao.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    full = run_cli("extract", str(article), "--published", "2024-03-07")
    selective = run_cli("extract", str(article), "--published", "2024-03-07", env={"SITREP_SELECTIVE_PARSE": "1"})
    assert full.returncode == 0 and selective.returncode == 0, full.stderr + selective.stderr
    assert full.stdout.strip() and selective.stdout == full.stdout
