"""The shipped ACLED taxonomy: 6 event types, 25 sub-event types, their CASE-2021 codes."""

from __future__ import annotations

import pytest

from sitrep.extract.taxonomy import load_taxonomy


def test_six_types_and_their_sub_types():
    taxonomy = load_taxonomy()
    assert taxonomy.event_types == (
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments",
    )  # fmt: skip
    counts = {t: len(taxonomy.sub_types_of(t)) for t in taxonomy.event_types}
    assert counts == {
        "Battles": 3, "Explosions/Remote violence": 6, "Violence against civilians": 3, "Protests": 3, "Riots": 2,
        "Strategic developments": 8,
    }  # fmt: skip
    assert taxonomy.event_type_of("Grenade") == "Explosions/Remote violence"
    assert taxonomy.event_type_of("Looting/property destruction") == "Strategic developments"
    with pytest.raises(KeyError):
        taxonomy.event_type_of("Bank robbery")


def test_case2021_codes_map_both_ways():
    taxonomy = load_taxonomy()
    assert taxonomy.case2021_of("Shelling/artillery/missile attack") == "ART_MISS_ATTACK"
    assert taxonomy.by_case2021("ABDUCT_DISSAP").name == "Abduction/forced disappearance"
    assert taxonomy.by_case2021("ORG_CRIME") is None
    assert set(taxonomy.non_acled_case2021) == {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
    assert len({sub.case2021 for sub in taxonomy.sub_event_types}) == 25


def test_loose_spellings_normalise_to_acled_names():
    taxonomy = load_taxonomy()
    assert taxonomy.normalise_sub_type("air/drone  STRIKE") == "Air/drone strike"
    assert taxonomy.normalise_event_type("riots") == "Riots"
    assert taxonomy.normalise_sub_type("skirmish") is None
    assert all(sub.definition for sub in taxonomy.sub_event_types)
