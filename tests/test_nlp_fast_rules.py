"""The array attribute ruler and memoised lemmatizer give exactly the model components' annotations."""

from __future__ import annotations

import pytest
import spacy

from sitrep.nlp.fast_rules import ArrayAttributeRuler, MemoLemmatizer, use_array_rules
from sitrep.nlp.pipeline import load_pipeline, model_name
from sitrep.settings import Settings

# Written to reach the ruler's exceptions: pronoun lemmas and case, modal morphology, "ai n't", "gon na",
# "let 's", "y' all", expletive "there is", "but" as an adverb, auxiliaries, "that" as a pronoun,
# subordinating "if/because", whitespace tokens (tag _SP, dep "dep") and odd spacing.
SENTENCES = [
    "I told them we'd be gone by noon, but she said it ain't over and they're gonna stay.",
    "Let's go, y'all: there is nothing to fear and there were no soldiers at the gate.",
    "He could have left if the police had not arrested him because of something he wrote.",
    "That is what they did; those who fled say that the militia burned everything.\n\nThe army, however,\tdenied it.",
    "Nobody knows who did it.  Anyone who saw the attack on 3 May should call us, she added.",
    "Gunmen killed five people and wounded twelve in an attack on a market near Gao on Monday.",
    "Do you think he has any choice? It does not matter, I said to myself, and got ta run.",
    "\n \n",
    "",
]


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    name = model_name(Settings())
    return spacy.load(name), load_pipeline(Settings())


def test_the_array_components_replace_the_models_under_the_same_names(pipelines):
    _, ours = pipelines
    ruler, lemmatizer = ours.get_pipe("attribute_ruler"), ours.get_pipe("lemmatizer")
    assert isinstance(ruler, ArrayAttributeRuler) and not ruler.fallback  # every model pattern compiled
    assert isinstance(lemmatizer, MemoLemmatizer) and lemmatizer.exact
    assert len(ruler.rules) == len(ruler.original.patterns)


def test_same_tags_pos_morphology_lemmas_and_dependencies_as_spacy(pipelines):
    model, ours = pipelines
    for text in SENTENCES:
        assert annotations(ours(text)) == annotations(model(text)), text


def test_same_annotations_in_a_batch_and_with_a_warm_memo(pipelines):
    model, ours = pipelines
    texts = SENTENCES * 2  # the second round reads the lemma memo
    for a, b in zip(model.pipe(texts), ours.pipe(texts)):
        assert annotations(a) == annotations(b)


def test_a_later_ruler_pattern_wins_as_in_spacy():
    def pipeline(array: bool):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "bank"}]], {"POS": "NOUN", "LEMMA": "bank"})
        ruler.add([[{"LOWER": "the"}, {"LOWER": "bank"}]], {"POS": "PROPN"}, index=-1)
        ruler.add([[{"LOWER": {"REGEX": "^ban"}}]], {"MORPH": "Number=Sing"})
        ruler.add([[{"LOWER": {"NOT_IN": ["bank", "the"]}}]], {"POS": "X"})
        if array:
            use_array_rules(nlp)
        return nlp

    text = "The bank and a bank banned banks"
    spacy_doc, array_doc = pipeline(False)(text), pipeline(True)(text)
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in array_doc] == [(t.pos_, t.lemma_, str(t.morph)) for t in spacy_doc]
    # "the bank" makes its "bank" PROPN over the earlier NOUN rule; the lone "bank" stays NOUN.
    assert [t.pos_ for t in array_doc] == ["", "PROPN", "X", "X", "NOUN", "X", "X"]
    assert [str(t.morph) for t in array_doc][1:7:2] == ["Number=Sing", "", "Number=Sing"]


def test_new_words_get_spacys_rule_lemma(pipelines):
    model, ours = pipelines
    text = ("The militiamen were ambushing convoys, looted warehouses and torched the villagers' huts; "
            "worse still, the best-armed fighters fled faster, leaving wounded hostages behind.")
    lemmatizer = ours.get_pipe("lemmatizer")
    assert lemmatizer._own_rules  # the copied lookup is in use with the installed spaCy
    spacy_lemmatizer = model.get_pipe("lemmatizer")
    doc = model(text)
    for token in doc:
        spacy_lemmatizer.cache.clear()
        assert lemmatizer._lemma(token) == spacy_lemmatizer.rule_lemmatize(token)[0], token.text


def test_the_rule_copy_is_not_used_for_other_spacy_code(monkeypatch, pipelines):
    import sitrep.nlp.fast_rules as fast_rules

    model, _ = pipelines
    monkeypatch.setattr(fast_rules, "RULE_LEMMATIZE_DIGEST", "0" * 16)
    lemmatizer = MemoLemmatizer(model.get_pipe("lemmatizer"))
    assert lemmatizer.exact and not lemmatizer._own_rules
    doc = model("Soldiers looted the houses.")
    assert [lemmatizer._lemma(t) for t in doc] == [t.lemma_ for t in doc]


def test_the_setting_keeps_spacys_components(monkeypatch):
    from spacy.pipeline import AttributeRuler

    monkeypatch.setenv("SITREP_ARRAY_RULES", "0")
    assert Settings().array_rules is False
    nlp = load_pipeline(Settings())
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
    assert not isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)
