"""The actor knowledge base: shipped data, aliases, periods, user files, name comparison."""

from __future__ import annotations

from collections import Counter
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
import yaml

from sitrep.extract import actor_kb
from sitrep.extract.actors import INTER_TYPES, ActorKB, actor_matches, split_actor_name

FIXTURES = Path(__file__).parent / "fixtures" / "actors"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


# ---- the shipped files ------------------------------------------------------------------


def test_shipped_actor_file_is_valid(kb):
    raw = yaml.safe_load((resources.files("sitrep") / "data" / "actors.yaml").read_text(encoding="utf-8"))
    assert set(raw) <= {"version", "actors", "ethnic_militias"}
    for item in raw["actors"]:
        assert set(item) <= {
            "name",
            "country",
            "countries",
            "inter",
            "type",
            "aliases",
            "since",
            "until",
            "jihadist",
            "local_only",
            "factions",
            "areas",
            "areas_since",
            "areas_until",
        }, item["name"]
        assert item["inter"] in range(1, 9), item["name"]
        assert item.get("type", INTER_TYPES[item["inter"]]) in INTER_TYPES.values()
        assert item.get("aliases"), f"{item['name']} has no aliases"
    # One entry per (name, country) and period: no accidental duplicates.
    keys = Counter((e.name, e.country, e.since, e.until) for e in kb.entries)
    assert [k for k, n in keys.items() if n > 1] == []
    assert all(1 <= e.inter <= 8 for e in kb.entries)
    assert all(e.actor_type in INTER_TYPES.values() for e in kb.entries)
    # State forces abroad must be external (8), state forces at home state (1).
    assert all(e.actor_type == "state" for e in kb.entries if e.inter == 1)


def test_every_country_with_periods_is_an_acled_country(kb):
    assert {"Iraq", "Democratic Republic of Congo", "Ivory Coast", "Palestine"} <= kb.countries
    for country, starts in kb.periods.items():
        assert starts == sorted(starts), country


def test_main_conflicts_are_covered(kb):
    for alias, country in [
        ("Houthis", "Yemen"),
        ("al-Shabaab", "Somalia"),
        ("Boko Haram", "Nigeria"),
        ("ISWAP", "Nigeria"),
        ("JNIM", "Mali"),
        ("Taliban", "Afghanistan"),
        ("TTP", "Pakistan"),
        ("PKK", "Turkey"),
        ("HTS", "Syria"),
        ("SDF", "Syria"),
        ("YPG", "Syria"),
        ("PMF", "Iraq"),
        ("Wagner", "Libya"),
        ("RSF", "Sudan"),
        ("M23", "Democratic Republic of Congo"),
        ("Fano", "Ethiopia"),
        ("TPLF", "Ethiopia"),
        ("Arakan Army", "Myanmar"),
        ("PDF", "Myanmar"),
        ("ELN", "Colombia"),
        ("FARC dissidents", "Colombia"),
        ("Clan del Golfo", "Colombia"),
        ("CJNG", "Mexico"),
        ("Sinaloa Cartel", "Mexico"),
        ("Hezbollah", "Lebanon"),
        ("Hamas", "Palestine"),
        ("NPA", "Philippines"),
        ("Ambazonian separatists", "Cameroon"),
    ]:
        assert kb.resolve(alias, country, date(2024, 3, 1)) is not None, alias


# ---- aliases and transliterations ---------------------------------------------------------


@pytest.mark.parametrize(
    "alias", ["IS", "ISIS", "ISIL", "Islamic State", "Daesh", "islamic state of iraq and the levant"]
)
def test_islamic_state_aliases_are_one_actor_named_by_country(kb, alias):
    assert kb.canonical(alias, "Iraq") == "Islamic State (Iraq)"
    assert kb.canonical(alias, "Syria") == "Islamic State (Syria)"
    assert kb.resolve(alias, "Syria").inter == 2


@pytest.mark.parametrize("alias", ["al-Shabaab", "Al Shabaab", "al-Shabab", "Harakat al-Shabaab al-Mujahideen", "HSM"])
def test_al_shabaab_transliterations(kb, alias):
    assert kb.canonical(alias, "Somalia") == "Al Shabaab"


def test_same_alias_resolves_by_country(kb):
    # Mozambique's insurgents are locally called al-Shabaab too, but are another group.
    assert kb.canonical("al-Shabaab", "Mozambique") == "Islamic State (Mozambique)"
    assert kb.canonical("IS", "Nigeria") == "Islamic State (West Africa)"


def test_unknown_name_comes_back_trimmed(kb):
    assert kb.canonical("  Some   Local Group ") == "Some Local Group"
    assert kb.resolve("Some Local Group") is None


# ---- government periods ------------------------------------------------------------------


def test_state_force_period_follows_the_event_date(kb):
    assert kb.state_name("military", "Iraq", date(2016, 6, 1)) == "Military Forces of Iraq (2014-2018)"
    assert kb.state_name("military", "Iraq", date(2019, 5, 1)) == "Military Forces of Iraq (2018-2020)"
    assert kb.state_name("police", "Iraq", date(2023, 1, 1)) == "Police Forces of Iraq (2022-)"
    assert kb.state_name("military", "Iraq", None) == "Military Forces of Iraq (2022-)"
    assert (
        kb.state_name("military", "Philippines", date(2020, 1, 1)) == "Military Forces of the Philippines (2016-2022)"
    )
    # A country with no known periods still gets the ACLED pattern.
    assert kb.state_name("police", "Iceland", date(2020, 1, 1)) == "Police Forces of Iceland"
    # Before the first period the data knows, no period rather than a later government's.
    assert kb.state_name("police", "Georgia", date(2009, 3, 16)) == "Police Forces of Georgia"
    assert kb.state_name("police", "Georgia", date(2014, 3, 16)) == "Police Forces of Georgia (2013-)"


def test_rival_governments_and_changed_status_pick_by_date(kb):
    assert kb.canonical("Houthis", "Yemen", date(2015, 6, 1)) == "Houthi Movement"
    assert (
        kb.canonical("Houthis", "Yemen", date(2020, 5, 1))
        == "Military Forces of Yemen (2016-) Supreme Political Council"
    )
    assert kb.canonical("Hadi forces", "Yemen", date(2020, 5, 1)) == "Military Forces of Yemen (2012-)"
    assert kb.canonical("RSF", "Sudan", date(2020, 1, 1)) == "Military Forces of Sudan (2019-) Rapid Support Forces"
    assert kb.canonical("RSF", "Sudan", date(2024, 1, 1)) == "Rapid Support Forces"
    assert kb.resolve("RSF", "Sudan", date(2024, 1, 1)).inter == 2


def test_sub_unit_takes_the_period_of_its_state(kb):
    ref = kb.resolve("Hashd al-Shaabi", "Iraq", date(2019, 3, 1))
    assert ref.name == "Military Forces of Iraq (2018-2020) Popular Mobilization Forces"
    assert ref.inter == 1


def test_state_force_abroad_is_external(kb):
    assert kb.resolve("Turkish army", "Syria", date(2020, 1, 1)).inter == 8
    assert kb.resolve("Turkish army", "Turkey", date(2020, 1, 1)).inter == 1


# ---- comparing names (evaluation) ----------------------------------------------------------


def test_split_actor_name():
    assert split_actor_name("Military Forces of Yemen (2016-) Supreme Political Council") == (
        "Military Forces of Yemen",
        2016,
        "Supreme Political Council",
    )
    assert split_actor_name("Civilians (Iraq)") == ("Civilians (Iraq)", None, "")


def test_actor_matches(kb):
    assert actor_matches("Daesh", "Islamic State (Syria)", kb)
    assert actor_matches("islamic state (iraq)", "Islamic State (Iraq)", kb)
    assert not actor_matches("Islamic State (Iraq)", "Islamic State (Syria)", kb)
    assert not actor_matches("Taliban", "Islamic State (Afghanistan)", kb)
    assert actor_matches("Military Forces of Iraq (2018-2020)", "Military Forces of Iraq (2018-)", kb)
    assert not actor_matches("Military Forces of Iraq (2014-2018)", "Military Forces of Iraq (2018-)", kb)
    assert actor_matches("Military Forces of Iraq (2014-2018)", "Military Forces of Iraq (2018-)", kb, loose=True)
    assert actor_matches(
        "Military Forces of Iraq (2018-) Popular Mobilization Forces", "Military Forces of Iraq (2018-)", kb
    )
    assert not actor_matches(
        "Military Forces of Yemen (2016-) Supreme Political Council", "Military Forces of Yemen (2012-)", kb
    )
    assert not actor_matches(
        "Military Forces of Libya (2014-) Haftar Faction",
        "Military Forces of Libya (2016-2021) Government of National Accord",
        kb,
        loose=True,
    )
    assert actor_matches(None, None, kb) and not actor_matches("Civilians (Iraq)", None, kb)


# ---- loading, user files -----------------------------------------------------------------


def test_load_is_cached():
    # Speed is for the benchmarks to measure (a timed test fails on a busy machine); here: one load per process.
    actor_kb._load_cached.cache_clear()
    first = ActorKB.load()
    assert ActorKB.load() is first
    assert actor_kb._load_cached.cache_info().misses == 1


def test_user_file_adds_and_overrides(kb):
    user = ActorKB.load([FIXTURES / "user_actors.yaml"])
    assert user.canonical("VDC fighters", "Iraq") == "Valley Defence Committee"
    assert user.resolve("valley committee", "Iraq").inter == 4
    # The user's "Al Shabaab" for Somalia replaced the shipped one (same name and country);
    # the Kenya and Ethiopia variants stay.
    assert user.resolve("the Youth", "Somalia").country == "Somalia"
    somalia = [e for e in user.entries if e.name == "Al Shabaab" and e.country == "Somalia"]
    assert [e.aliases for e in somalia] == [["Al Shabaab", "al-Shabaab", "the Youth"]]
    assert user.resolve("Harakat al-Shabaab al-Mujahideen", "Somalia").country != "Somalia"
    assert user.state_name("military", "Freedonia", date(2022, 1, 1)) == "Military Forces of Freedonia (2021-)"
    # The shipped KB is untouched.
    assert kb.resolve("Harakat al-Shabaab al-Mujahideen", "Somalia").name == "Al Shabaab"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("bad_yaml.yaml", "not valid YAML"),
        ("bad_inter.yaml", "'inter' must be an ACLED inter code 1-8"),
        ("bad_top.yaml", "top level must be a mapping"),
        ("bad_aliases.yaml", "'aliases' must be a list"),
        ("bad_period.yaml", "must be in order"),
        ("missing.yaml", "not found"),
    ],
)
def test_malformed_user_file_is_a_one_line_error_naming_it(name, problem):
    with pytest.raises(ValueError) as error:
        ActorKB.load([FIXTURES / name])
    message = str(error.value)
    assert name in message and problem in message and "\n" not in message


def test_kb_pickles_for_worker_processes(kb):
    import pickle

    copy = pickle.loads(pickle.dumps(kb))
    assert copy.canonical("Daesh", "Syria") == "Islamic State (Syria)"


def test_shipped_generic_classes_are_valid(kb):
    assert {"civilians", "protesters", "rioters", "unidentified_armed_group", "military", "police"} <= set(kb.generic)
    for cls in kb.generic.values():
        assert cls.nouns, cls.key
        if cls.role == "primary":
            assert cls.inter in range(1, 9), cls.key
        else:  # associates take the inter code of the actor they stand beside
            assert cls.inter is None and cls.name and "{country}" in cls.name or cls.state == "government", cls.key
    assert kb.militant_nouns and kb.gang_signs


def test_plain_boko_haram_after_the_iswap_split_is_either_faction(kb):
    either = "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"
    jas = "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"
    assert kb.resolve("Boko Haram", "Nigeria", date(2015, 3, 1)).name == jas
    assert kb.resolve("Boko Haram", "Cameroon", date(2020, 5, 1)).name == either
    assert kb.resolve("Shekau faction", "Nigeria", date(2020, 5, 1)).name == jas
    assert kb.resolve("ISWAP", "Nigeria", date(2020, 5, 1)).name == "Islamic State (West Africa)"


def test_either_of_two_named_groups_is_acleds_and_or_actor(kb):
    either = "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    assert kb.resolve("JNIM or ISGS", "Burkina Faso", date(2020, 5, 1)).name == either
    assert kb.resolve("ISGS or JNIM", "Mali", date(2021, 1, 1)).name == either
    assert kb.resolve("JNIM", "Mali", date(2020, 5, 1)).name == "JNIM: Group for Support of Islam and Muslims"


def test_a_user_file_with_a_bad_area_code_names_file_entry_and_code(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text('actors:\n  - {name: "Valley Front", country: Ukraine, inter: 2, aliases: [VF], areas: [UA-14, XX-1]}\n')
    with pytest.raises(ValueError, match=r"mine.yaml: actor #1 \(Valley Front\): unknown first-level area code\(s\) XX-1"):
        ActorKB.load([path])


def test_a_user_entry_carries_its_areas(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text('actors:\n  - {name: "Valley Front", country: Cameroon, inter: 2, aliases: [VF], areas: [CM-NW]}\n')
    (entry,) = [e for e in ActorKB.load([path]).entries if e.name == "Valley Front"]
    assert entry.areas == ("CM-NW",) and entry.areas_on(None) == ("CM-NW",)
