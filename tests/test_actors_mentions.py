"""Finding actors in text with the real spaCy model: named aliases, generic nouns, countries."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.actors import ActorKB

DAY = date(2019, 7, 19)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def found(kb, nlp, text, country="Iraq", day=DAY, span=None):
    doc = nlp(text)
    refs = kb.match_mentions(doc[:] if span is None else span(doc), country, day)
    for ref in refs:  # offsets are character offsets into the text
        assert text[ref.start : ref.end] == ref.mention
    return [(ref.mention, ref.name, ref.inter) for ref in refs]


def test_named_aliases_and_transliterations(kb, nlp):
    refs = found(kb, nlp, "Daesh and ISIS fighters clashed with the Hashd al-Shaabi near Qaim.")
    assert refs == [
        ("Daesh", "Islamic State (Iraq)", 2),
        ("ISIS fighters", "Islamic State (Iraq)", 2),
        ("Hashd al-Shaabi", "Military Forces of Iraq (2018-2020) Popular Mobilization Forces", 1),
    ]


def test_short_acronym_matches_only_as_written(kb, nlp):
    assert found(kb, nlp, "This is where the road is closed.") == []
    assert [r[1] for r in found(kb, nlp, "IS claimed the attack.")] == ["Islamic State (Iraq)"]


def test_mixed_case_acronym_matches_only_as_written(kb, nlp):
    names = [r[1] for r in found(kb, nlp, "Let them go home, the mayor told the crowd.", country="Pakistan")]
    assert "LeT: Lashkar-e-Taiba" not in names
    assert "LeT: Lashkar-e-Taiba" in [r[1] for r in found(kb, nlp, "LeT militants attacked a post.", country="India")]


def test_generic_nouns_take_the_event_country(kb, nlp):
    refs = found(kb, nlp, "Unknown gunmen shot dead two shepherds and wounded a truffle hunter.")
    assert refs == [
        ("Unknown gunmen", "Unidentified Armed Group (Iraq)", 3),
        ("shepherds", "Civilians (Iraq)", 7),
        ("shepherds", "Pastoralists (Iraq)", None),
        ("truffle hunter", "Civilians (Iraq)", 7),
    ]


def test_demonym_gives_the_state_and_its_period(kb, nlp):
    refs = found(kb, nlp, "Iraqi security forces and Turkish troops were deployed.", country="Syria")
    assert refs == [
        ("Iraqi security forces", "Military Forces of Iraq (2018-2020)", 8),
        ("Turkish troops", "Military Forces of Turkey (2016-)", 8),
    ]
    refs = found(
        kb, nlp, "Moroccan policemen and soldiers of Chad were deployed.", country="Chad", day=date(2023, 2, 1)
    )
    assert refs == [
        ("Moroccan policemen", "Police Forces of Morocco (1999-)", 8),
        ("soldiers", "Military Forces of Chad (2021-)", 1),
    ]


def test_protesters_rioters_and_social_groups(kb, nlp):
    refs = found(kb, nlp, "Demonstrators and a mob of rioters gathered; journalists were beaten.", country="Lebanon")
    assert ("Demonstrators", "Protesters (Lebanon)", 6) in refs
    assert ("rioters", "Rioters (Lebanon)", 5) in refs
    assert ("journalists", "Civilians (Lebanon)", 7) in refs and ("journalists", "Journalists (Lebanon)", None) in refs


def test_militants_in_an_isis_article_are_isis(kb, nlp):
    text = "ISIS remains active in the desert. On Friday the militants attacked a village."
    refs = found(kb, nlp, text)
    assert refs[-1] == ("militants", "Islamic State (Iraq)", 2)
    # Without a named jihadist group the same words are an unidentified armed group.
    assert found(kb, nlp, "On Friday the militants attacked a village.")[0][1] == "Unidentified Armed Group (Iraq)"


def test_span_limits_the_mentions(kb, nlp):
    text = "Police arrested a man. Later, gunmen attacked a checkpoint."
    refs = found(kb, nlp, text, span=lambda doc: list(doc.sents)[1])
    assert [r[0] for r in refs] == ["gunmen", "checkpoint"]


def test_common_word_aliases_count_only_in_their_country(kb, nlp):
    # "settlers" names Israeli settlers in the West Bank, not in Kenya.
    assert found(kb, nlp, "Settlers attacked farmers near Nablus.", country="Palestine")[0][1] == "Settlers (Israel)"
    assert all(r[1] != "Settlers (Israel)" for r in found(kb, nlp, "Settlers attacked farmers.", country="Kenya"))


def test_ethnic_militias(kb, nlp):
    refs = found(kb, nlp, "Tiv militiamen attacked Fulani herders in Benue.", country="Nigeria")
    assert refs[0] == ("Tiv militiamen", "Tiv Ethnic Militia (Nigeria)", 4)


def test_anti_prefix_names_the_other_side(kb, nlp):
    refs = found(
        kb, nlp, "Anti-Houthi National Resistance forces shelled Hodeidah.", country="Yemen", day=date(2020, 5, 5)
    )
    assert refs == [("National Resistance forces", "National Resistance Forces", 3)]


def test_fighters_under_a_named_group_are_that_group(kb, nlp):
    refs = found(
        kb, nlp, "Opposition rebels under OPS looted crops near Ras al Ain.", country="Syria", day=date(2020, 5, 9)
    )
    assert refs[0] == ("Opposition rebels under OPS", "Operation Peace Spring", 2)
    refs = found(kb, nlp, "Gunmen loyal to Haftar attacked a checkpoint.", country="Libya", day=date(2020, 5, 9))
    assert refs[0] == ("Gunmen loyal to Haftar", "Military Forces of Libya (2014-) Haftar Faction", 1)


def test_forces_operating_together_under_a_named_group_are_that_group(kb, nlp):
    day = date(2020, 5, 9)
    text = "Turkish forces and JWS factions, operating under OPS, shelled QSD positions near Tal Tamer."
    assert found(kb, nlp, text, country="Syria", day=day)[:2] == [
        ("Turkish forces and JWS factions, operating under OPS", "Operation Peace Spring", 2),
        ("QSD positions", "QSD: Syrian Democratic Forces", 2),
    ]
    refs = found(kb, nlp, "Turkish forces and opposition rebels under OPS shelled Dardara.", country="Syria", day=day)
    assert refs == [("Turkish forces and opposition rebels under OPS", "Operation Peace Spring", 2)]
    # Forces that act on their own before a group named after "under" keep their names.
    refs = found(kb, nlp, "Turkish forces shelled villages held by rebels under OPS.", country="Syria", day=day)
    assert refs[0][1] == "Military Forces of Turkey (2016-)"


def test_coordinated_demonyms_give_one_actor_each(kb, nlp):
    refs = found(
        kb, nlp, "A joint patrol by Turkish and Russian forces took place.", country="Syria", day=date(2020, 5, 7)
    )
    assert refs == [
        ("Turkish", "Military Forces of Turkey (2016-)", 8),
        ("Russian forces", "Military Forces of Russia (2000-)", 8),
    ]
    refs = found(
        kb, nlp, "Military forces of India and Pakistan exchanged fire.", country="India", day=date(2020, 5, 9)
    )
    assert sorted(r[1] for r in refs) == ["Military Forces of India (2014-)", "Military Forces of Pakistan (2018-2022)"]


def test_tribes_and_clans_are_named_after_their_lineage(kb, nlp):
    refs = found(
        kb, nlp, "Government forces clashed with Al Bujayri tribes in Abyan.", country="Yemen", day=date(2020, 5, 8)
    )
    assert ("Al Bujayri tribes", "Al Bujayri Tribal Militia (Yemen)", 4) in refs
    refs = found(kb, nlp, "Militiamen from the Leelkayse clan exchanged fire.", country="Somalia", day=date(2020, 5, 8))
    assert refs == [("Militiamen from the Leelkayse clan", "Leelkayse Clan Militia (Somalia)", 4)]


def test_two_names_sharing_a_noun_stay_two_actors(kb, nlp):
    refs = found(kb, nlp, "GNA and LNA forces clashed in Tripoli.", country="Libya", day=date(2020, 5, 9))
    assert [r[1] for r in refs] == [
        "Military Forces of Libya (2016-2021) Government of National Accord",
        "Military Forces of Libya (2014-) Haftar Faction",
    ]


def test_craft_operated_by_a_group_is_that_groups_attack(kb, nlp):
    # The drones are not the army's: whoever controls them is the actor, here an unidentified group.
    refs = found(kb, nlp, "Drones controlled by an unidentified military group targeted Hama Airbase.", country="Syria")
    assert [name for _, name, _ in refs] == ["Unidentified Armed Group (Syria)"]
    # Drones alone are a state's (the craft noun stays an actor when no operator is written).
    plain = found(kb, nlp, "Drones targeted Hama Airbase.", country="Syria")
    assert [name for _, name, _ in plain] == ["Military Forces of Syria (2000-2024)"]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # written between the group's name and its noun, in brackets after it, or as "(X faction)"
        ("Mayi Mayi Kifuafua militiamen clashed with the FARDC.", "Mayi Mayi Kifuafua militiamen", "Mayi Mayi Militia (Kifuafua)"),
        ("Mayi-Mayi militiamen (Simba) clashed with FARDC soldiers.", "Mayi-Mayi militiamen", "Mayi Mayi Militia (Simba)"),
        ("Fishermen were abducted by Mayi Mayi militiamen (Charles faction).", "Mayi Mayi militiamen", "Mayi Mayi Militia (Charles)"),
        # a faction of its own in the KB, under another spelling
        ("Raiya Mutomboki rebels raped two women.", "Raiya Mutomboki rebels", "Mayi Mayi Militia (Raia Mutomboki)"),
        # no faction named: the group itself, under ACLED's spelling
        ("Mai-Mai militiamen attacked a convoy near Beni (North Kivu).", "Mai-Mai militiamen", "Mayi Mayi Militia"),
    ],
)
def test_acled_codes_a_mayi_mayi_faction_in_brackets(kb, nlp, text, mention, name):
    refs = found(kb, nlp, text, country="Democratic Republic of Congo", day=date(2020, 5, 6))
    assert (mention, name, 3) in refs


def test_a_faction_is_read_only_for_groups_whose_factions_acled_codes(kb, nlp):
    # "(Syria)" after Islamic State fighters is a country in passing, not a faction
    refs = found(kb, nlp, "Islamic State fighters (ISIS) attacked a checkpoint.", country="Syria", day=date(2020, 5, 6))
    assert all("(ISIS)" not in name for _, name, _ in refs)


def test_cli_extract_codes_the_faction_a_note_names(run_cli, tmp_path):
    import json

    note = tmp_path / "note.jsonl"
    note.write_text(json.dumps({"id": "drc", "published": "2020-05-08", "text": (
        "On 6 May 2020, Mayi Mayi Kifuafua militiamen clashed with the FARDC in Remeka village (Masisi, Nord-Kivu).")}) + "\n")
    done = run_cli("extract", "--jsonl-input", str(note))
    assert done.returncode == 0, done.stderr
    [event] = [json.loads(line) for line in done.stdout.splitlines()]
    assert (event["actor1"], event["inter1"]) == ("Mayi Mayi Militia (Kifuafua)", 3)


def test_the_stcs_armed_forces_are_security_belt_forces_and_the_council_itself_the_stc(kb, nlp):
    # ACLED's default for pro-STC forces whose unit the report does not name
    day = date(2020, 5, 3)
    forces = found(kb, nlp, "Pro-STC forces ambushed pro-Hadi forces in Abyan.", country="Yemen", day=day)
    assert ("Pro-STC forces", "Military Forces of Yemen (2012-) Security Belt Forces", 1) in forces
    council = found(kb, nlp, "The STC declared a curfew in Aden.", country="Yemen", day=day)
    assert ("STC", "STC: Southern Transitional Council", 3) in council
