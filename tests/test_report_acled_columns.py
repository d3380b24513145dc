"""The ACLED export columns derived from an event's coding: disorder type, civilian targeting, ISO number,
region, and the outlets named in `source`."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from sitrep.records import Event, SourceReport
from sitrep.report.acled_fields import acled_region, civilian_targeting, disorder_type, iso_numeric
from sitrep.report.formats import ACLED_COLUMNS, write_acled_csv


def event(**fields) -> Event:
    base = dict(doc_id="a1", event_id="e1", event_date=date(2023, 3, 14), event_type="Battles", sub_event_type="Armed clash")
    base.update(fields)
    return Event(**base)


@pytest.mark.parametrize(
    "event_type, sub_event_type, expected",
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
        ("Violence against civilians", "Abduction/forced disappearance", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Protest with intervention", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Arrests", "Strategic developments"),
    ],
)
def test_disorder_type_follows_the_codebook(event_type, sub_event_type, expected):
    assert disorder_type(event(event_type=event_type, sub_event_type=sub_event_type)) == expected


def test_civilian_targeting_marks_violence_whose_target_is_civilians():
    shelling = event(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                     actor1="Military Forces of Russia (2000-)", actor2="Civilians (Ukraine)")
    assert civilian_targeting(shelling) == "Civilian targeting"
    assert civilian_targeting(event(actor1="Al Shabaab", actor2="Military Forces of Somalia (2022-)")) == ""
    # A protest by civilians is not an attack on them.
    assert civilian_targeting(event(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Kenya)",
                                    actor2="Civilians (Kenya)")) == ""
    assert civilian_targeting(event(event_type="Riots", sub_event_type="Mob violence", actor1="Rioters (India)",
                                    assoc_actor_2="Civilians (India)")) == "Civilian targeting"


@pytest.mark.parametrize(
    "iso3, region, number",
    [("IRQ", "Middle East", "368"), ("AFG", "Caucasus and Central Asia", "4"), ("MEX", "Central America", "484"),
     ("RUS", "Europe", "643"), ("ZWE", "Southern Africa", "716"), ("SDN", "Northern Africa", "729"),
     ("MMR", "South-Eastern Asia", "104"), ("HTI", "Caribbean", "332"), ("USA", "North America", "840")],
)
def test_region_and_iso_number_by_iso3(iso3, region, number):
    assert acled_region(iso3) == region and iso_numeric(iso3) == number


def test_unknown_country_leaves_region_and_number_empty():
    assert acled_region(None) == iso_numeric(None) == acled_region("XXX") == iso_numeric("XXX") == ""


def test_csv_names_each_outlet_once_and_keeps_article_ids_apart():
    merged = event(
        iso3="SOM", country="Somalia",
        sources=[SourceReport("w1", 5, outlet="Horn Wire Service"), SourceReport("w2", 5, outlet="Horn Wire Service"),
                 SourceReport("l1", 9, outlet="Banadir Local News"), SourceReport("x9", None)],
    )
    out = io.StringIO()
    write_acled_csv([merged, event(event_id="e2", doc_id="lonely")], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0])[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert rows[0]["source"] == "Horn Wire Service; Banadir Local News; x9"
    assert rows[0]["source_ids"] == "l1; w1; w2; x9"
    assert rows[0]["region"] == "Eastern Africa" and rows[0]["iso"] == "706"
    assert rows[1]["source"] == "lonely"  # no sources recorded: the article itself
