"""The countries an article's actors imply ("Houthi forces", "Ukrainian troops"): a prior for toponym
resolution, so a village named in a report about a known group resolves in that group's country."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from sitrep.extract.actors import ActorKB

# "Military Forces of Iraq (2018-2020)" with no unit after it: a national army, deployed abroad too.
_NATIONAL_FORCES = re.compile(r"^(?:Military|Police) Forces of .+\(\d{4}-(?:\d{4})?\)$")


def actor_country_hints(actors: ActorKB, doc: Doc, published: date | None, country_codes: dict[str, str]) -> dict[str, float]:
    """Country code -> weight (capped at 2). A country's national forces also act abroad and count half;
    foreign forces (inter 8) not at all; a group active in several countries ("Boko Haram") shares its
    weight among them. `country_codes` maps ACLED country names to the gazetteer's codes."""
    hints: dict[str, float] = {}
    for ref in actors.match_mentions(doc, None, published):
        if ref.inter in (None, 8) or not ref.country:
            continue
        entries = actors.candidates(ref.mention or "")
        aliases = {a for e in entries for a in actors.entry_aliases(e)}
        if len(ref.mention or "") <= 5 and ref.mention not in aliases:
            continue  # a short alias written otherwise is a word: "Let" is not LeT
        if any(a == a.lower() and a == (ref.mention or "").lower() for a in aliases):
            continue  # a common noun phrase in the KB ("separatist fighters"), not a name
        countries = {e.country for e in entries if e.country} or {ref.country}
        weight = (0.5 if _NATIONAL_FORCES.match(ref.name) else 1.0) / len(countries)
        for country in countries:
            code = country_codes.get(country)
            if code:
                hints[code] = min(hints.get(code, 0.0) + weight, 2.0)
    return hints
