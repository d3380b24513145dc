"""Where a text writes a place's admin hierarchy: the parent slot after a comma or a bracket ("Chatsworth
(eThekwini, KwaZulu-Natal)", "Hit, Anbar") and the areas written right after a name ("Caripe, Monagas state").
Detection (`name_rules`) reads a name in such a slot as a place whatever the model tagged it.
"""

from __future__ import annotations

import re

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.hierarchy import contains

# "Chatsworth (eThekwini, KwaZulu-Natal)", "Porak area of Pul I Alam district, Logar", "Hit, Anbar":
# after a comma or an opening bracket that follows a name or a kind-of-area word.
_PARENT_SLOT = re.compile(r"(?:[A-Z][\w'’-]*|\b(?:provinces?|governorates?|districts?|regions?|count(?:y|ies)|oblasts?|"
                          r"municipalit(?:y|ies)|cit(?:y|ies)|towns?|villages?|areas?|communes?|departments?|prefectures?|"
                          r"states?|zones?|woredas?|payams?|lgas?|tehsils?|sub-?districts?|townships?|localit(?:y|ies)|sectors?|"
                          r"neighbou?rhoods?|camps?|cent(?:er|re)))\s*(?:,|\()\s*$")  # "in Zari district center, Balkh"


# A name's parent written right after it: "Caripe, Monagas state", "Tieba (Bankass, Mopti)", "Daret Azza in Aleppo",
# "Nahri Sarah (Girishk) district, Helmand"; a kind word may stand between ("Escobedo and Monterrey municipalities,
# Nuevo Leon") or "region of" ("Zap (Amadiya) region of Dahuk", "the Tigray region of Ethiopia").
_PARENT_AFTER = re.compile(r"\s*(?:\)\s*)?(?:(?:municipalit(?:y|ies)|cit(?:y|ies)|towns?|villages?|districts?|provinces?)\s*)?"
                           r"(?:,|\(|\s+in\s+|\)?\s*\b(?:region|district|area|province|governorate)\s+of\s+)"
                           r"\s*([A-Z][\w'’.&-]*(?:[ -](?:(?:de|del|do|da)[ -])?[A-Z][\w'’.&-]*){0,2})")


def has_written_parent(text: str, end: int, candidates, gazetteer: Gazetteer) -> bool:
    """Is the name followed by the country or admin area that one of its exact readings lies in?
    The hierarchy says it is a place, whatever the model tagged it."""
    parents = parents_after(text, end, gazetteer)
    return any(contains(p, c) for p in parents for c in candidates if c.exact and c.admin_level != 0)


def parents_after(text: str, end: int, gazetteer: Gazetteer) -> list:
    """The admin areas (or countries) of the parent written right after a name, read with as many of its words
    as the gazetteer knows ("Negros Oriental. Police said": Negros Oriental)."""
    match = _PARENT_AFTER.match(text, end)
    if not match:
        return []
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        parents = [c for c in gazetteer.candidates(" ".join(words[:size]).rstrip("."), exact_only=True) if c.admin_level is not None]
        if parents:
            return parents
    return []


def known_in_area_after(text: str, end: int, name: str, gazetteer: Gazetteer) -> bool:
    """Is a name with no reading as written a place of the first- or second-level area written after it:
    a reading under another transliteration ("Zap (Amadiya) region of Dahuk": Al 'Amadiyah; such readings count
    elsewhere only for areas and big cities), or a place there with the name's consonants ("Budgam district, J&K":
    Badgam, then the name's reading in `resolve`) or with a qualifier ("Setharja town (Khairpur, Sindh)": Setharja Old)?"""
    areas = [p for p in parents_after(text, end, gazetteer) if p.admin_level in (1, 2)]
    if not areas:
        return False
    if any(contains(p, c) for c in gazetteer.candidates(name) if c.admin_level != 0 for p in areas):
        return True
    return any(gazetteer.variants_in_area(name, p.place) or gazetteer.qualified_in_area(name, p.place) for p in areas)


def is_hierarchy_parent(text: str, start: int, candidates, end: int | None = None) -> bool:
    """An admin area (or a country) named where the admin hierarchy of a place is written: inside brackets
    ("(Rutshuru, Nord-Kivu)") or after a comma ("Pul I Alam district, Logar", "Cabanatuan, Nueva Ecija"); or a town
    closing such brackets after a comma ("(Nyabihanga, Mwaro)": a province GeoNames knows only as its town)."""
    window = text[max(0, start - 40) : start]
    if not _PARENT_SLOT.search(window):
        return False
    closes = end is not None and text[end : end + 1] == ")" and window.rstrip().endswith(",") and "(" in window
    return any(c.admin_level is not None or (closes and c.place.feature_class == "P") for c in candidates)
