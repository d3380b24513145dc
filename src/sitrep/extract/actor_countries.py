"""The countries and first-level areas an article's actors imply ("Houthi forces", "Ukrainian troops",
"Boko Haram"): priors for toponym resolution, so a village named in a report about a known group resolves in
that group's country and, among namesakes in that country, in the areas the group operates in.

A report from a front line of the actor conventions (a marker such as "OSCE SMM" before the front's end
date) implies the front's sides even when it names neither: their areas count as well."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from sitrep.extract.actor_conventions import conventions
from sitrep.extract.actor_data import ActorEntry, first_level_areas
from sitrep.extract.actors import ActorKB
from sitrep.nlp.doctext import doc_text
from sitrep.records import ActorRef

# "Military Forces of Iraq (2018-2020)" with no unit after it: a national army, deployed abroad too.
_NATIONAL_FORCES = re.compile(r"^(?:Military|Police) Forces of .+\(\d{4}-(?:\d{4})?\)$")


def actor_country_hints(actors: ActorKB, doc: Doc, published: date | None, country_codes: dict[str, str]) -> dict[str, float]:
    """Country code -> weight (capped at 2). A country's national forces also act abroad and count half;
    foreign forces (inter 8) not at all; a group active in several countries ("Boko Haram") shares its
    weight among them. `country_codes` maps ACLED country names to the gazetteer's codes."""
    return actor_hints(actors, doc, published, country_codes)[0]


def actor_hints(
    actors: ActorKB, doc: Doc, published: date | None, country_codes: dict[str, str]
) -> tuple[dict[str, float], dict[str, set[str]]]:
    """The country hints (`actor_country_hints`) and the operating areas (`actor_area_hints`) of one article,
    from a single pass of the actor matcher over its Doc."""
    hints: dict[str, float] = {}
    refs = _named_refs(actors, doc, published)
    for ref, entries in refs:
        countries = {e.country for e in entries if e.country} or {ref.country}
        weight = (0.5 if _NATIONAL_FORCES.match(ref.name) else 1.0) / len(countries)
        for country in countries:
            code = country_codes.get(country)
            if code:
                hints[code] = min(hints.get(code, 0.0) + weight, 2.0)
    return hints, _areas_of(actors, refs + _front_line_sides(actors, doc_text(doc), published), published)


def actor_area_hints(actors: ActorKB, doc: Doc, published: date | None) -> dict[str, set[str]]:
    """Country code -> GeoNames admin1 codes of the areas the article's actors operate in on `published`
    (the `areas` of their KB entries): NAF in 2020 -> {"UA": {"05", "14"}} (Donetsk, Luhansk). A national
    army named generically ("Ukrainian troops") takes the areas of its country's "{military}" entry; the
    sides of a front line the report is from count as named."""
    refs = _named_refs(actors, doc, published) + _front_line_sides(actors, doc_text(doc), published)
    return _areas_of(actors, refs, published)


def _front_line_sides(actors: ActorKB, text: str, published: date | None) -> list[tuple[ActorRef, list[ActorEntry]]]:
    """The sides of each front line whose markers the text holds ("OSCE SMM"), while the front is active."""
    fronts, _ = conventions()
    lowered = text.lower()
    sides = []
    for front in fronts:
        if (front.until and published and published >= front.until) or not any(m in lowered for m in front.markers):
            continue
        for holder in front.holders.values():
            if "state" in holder:
                ref = actors.state_force(holder["state"], front.country, published, front.country)
                sides.append((ref, []))
            else:
                entries = [e for e in actors.candidates(holder["actor"]) if e.country == front.country]
                sides.append((ActorRef(holder["actor"], 2, front.country, "rebel"), entries))
    return sides


def _named_refs(actors: ActorKB, doc: Doc, published: date | None) -> list[tuple[ActorRef, list[ActorEntry]]]:
    """The article's actors that say where it is, each with the KB entries its mention may mean."""
    found = []
    for ref in actors.match_mentions(doc, None, published):
        if ref.inter in (None, 8) or not ref.country:
            continue
        entries = actors.candidates(ref.mention or "")
        aliases = {a for e in entries for a in actors.entry_aliases(e)}
        if len(ref.mention or "") <= 5 and ref.mention not in aliases:
            continue  # a short alias written otherwise is a word: "Let" is not LeT
        if any(a == a.lower() and a == (ref.mention or "").lower() for a in aliases):
            continue  # a common noun phrase in the KB ("separatist fighters"), not a name
        found.append((ref, entries))
    return found


def _areas_of(actors: ActorKB, refs: list[tuple[ActorRef, list[ActorEntry]]], published: date | None) -> dict[str, set[str]]:
    table = first_level_areas()
    areas: dict[str, set[str]] = {}
    for ref, entries in refs:
        if not entries:  # a mention longer than any alias ("NAF forces"): the entry by its ACLED name
            entries = [e for e in actors.candidates(ref.name) if e.country == ref.country]
        if not entries and _NATIONAL_FORCES.match(ref.name):
            kind = "{military}" if ref.name.startswith("Military") else "{police}"
            entries = [e for e in actors.entries if e.name == kind and e.country == ref.country]
        for entry in entries:
            if not entry.active_on(published):
                continue
            for iso in entry.areas_on(published):
                country, code = table[iso]
                areas.setdefault(country, set()).add(code)
    return areas
