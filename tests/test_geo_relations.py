"""Relative-place expressions before a place name (pure text rules, no model needed)."""

import pytest

from sitrep.geo.relations import relation_before


@pytest.mark.parametrize(
    "text, relation",
    [
        ("a raid on a hideout near the western town of Rutba", "near"),
        ("a firefight near the dusty border town of Qaim", "near"),
        ("gunmen attacked a checkpoint near Rutba", "near"),
        ("a bomb exploded 30 km south of Kirkuk", "30 km south of"),
        ("clashes on the outskirts of the city of Mosul", "on the outskirts of"),
        ("villages in the western countryside of Tabqa", "in the western countryside of"),
        ("crops were looted in rural Tabqa", "in rural"),
        ("mortars were fired in the area of Donetskyi", "in the area of"),
        ("militants attacked the town of Rutba", None),
        ("militants attacked Rutba", None),
    ],
)
def test_relation_before_the_name(text, relation):
    name = text.split()[-1]
    assert relation_before(text, len(text) - len(name)) == relation


def test_relative_place_behind_descriptive_words_keeps_precision_2(extractor):
    from sitrep.geo.locate import locate_event
    from sitrep.geo.resolve import resolve_toponyms
    from sitrep.records import Article

    text = "Soldiers raided a hideout near the western town of Rutba on Monday."
    doc = extractor.nlp(text)
    article = Article(text=text)
    toponyms = resolve_toponyms(doc, article, extractor.gazetteer)
    [locations] = [locate_event(sent, toponyms, article, extractor.gazetteer) for sent in doc.sents]
    assert [(l.place.geonameid, l.geo_precision) for l in locations] == [(98677, 2)]
