"""Toponym resolution with context: which gazetteer entry each place name in an article refers to.

Each candidate is scored by its prior (population, feature type: a country name is the country)
plus the article's context: the dateline, the article's country focus (country names, demonyms,
unambiguous places, and the caller's country hints, e.g. the countries of the actors named), the
admin hierarchy written next to the name ("Diyala, in eastern Iraq", "Alexandria, La.", notes-style
"Muaja (Ancuabe, Cabo Delgado)", "Porak area of Pul I Alam district, Logar"), a kind-of-area word
("Anbar province") and nearness to the other places of the article. When no candidate exists, or
the text puts the place in an area none of its candidates lies in (a village the gazetteer lacks,
whose namesakes are elsewhere), the toponym keeps `place=None`: no silent country centroid. A country's
name is the country, not its capital's alternate name ("Mexico"), nor is a first-level area's name a village
("Wales"), an acronym a town ("EU"); former country names count ("Zaire").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from sitrep.geo.candidates import (
    exonym_of_big_city, mention_candidates, towns_named_like_parents, variants_in_parents, without_district_namesakes,
)
from sitrep.geo.detect import Mention, find_mentions
from sitrep.geo.gazetteer import FEATURE_CLASSES, Candidate, Gazetteer
from sitrep.geo.hierarchy import (
    NEAR_KM, WrittenHierarchy, contains, km, lists_of_areas, outside_parents, written_hierarchy,
)
from sitrep.geo.names import fold
from sitrep.geo.relations import (
    admin_word_after, is_city_context, is_village_context, names_a_facility_after, region_before, relation_before,
)
from sitrep.nlp.doctext import doc_text
from sitrep.records import Article, Toponym

_SUPPORT_KM = 60.0
_SUPPORT_CANDIDATES = 40
NEIGHBOUR_WEIGHT = 0.3
# A town that shares its name with the area around it is the bare name's reading only when it holds this share
# of the area's people ("Kirkuk"); a village named like its country or region is not ("Wales", Wales).
_TOWN_SHARE_OF_AREA = 0.05
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_VILLAGE_SHARE_OF_AREA = 0.01
_PARENT_TOWN_KM = 40.0
_DISTANCE_OR_SIDE = re.compile(r"\d|north|south|east|west|border|frontier|countryside|rural", re.I)
_VILLAGE_MAX_POPULATION = 250_000  # what a text calling a place a village may mean (news called Ranya, 114,000, one)


@dataclass
class _Context:
    explicit: Counter = field(default_factory=Counter)  # country code -> weight (dateline, country names, demonyms)
    focus: Counter = field(default_factory=Counter)  # country code -> weight, from the places chosen so far
    admin_focus: Counter = field(default_factory=Counter)  # (country code, admin1 name) -> weight
    # the same, from the mentions of each name: a name is no evidence for its own reading ("Tripoli ... Tripoli")
    focus_by_name: dict = field(default_factory=dict)
    admin_focus_by_name: dict = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # each mention's folded name, the key of the two above
    support: dict[tuple[int, int], float] = field(default_factory=dict)  # (mention, geonameid) -> share of other names nearby
    capitals: set[int] = field(default_factory=set)
    neighbours: dict[str, set[str]] = field(default_factory=dict)  # country code -> countries bordering it
    hierarchy: WrittenHierarchy = field(default_factory=WrittenHierarchy)  # parents the text gives the names
    parent_towns: dict[int, list] = field(default_factory=dict)  # mention -> seats named like its written parent area
    list_areas: dict[int, str] = field(default_factory=dict)  # mention in a list of one country's states -> that country
    # mention written as a parent -> its readings that hold a reading of a name written inside it ("Ropar (Punjab)": India's)
    holding_readings: dict[int, set[int]] = field(default_factory=dict)


def resolve_toponyms(
    doc: Doc, article: Article, gazetteer: Gazetteer, country_hints: Mapping[str, float] | None = None
) -> list[Toponym]:
    """Detect the place names of the article and resolve each with the article's context.

    `country_hints` maps ISO alpha-2 codes to weights the caller knows from elsewhere (the countries
    of the actors the article names: "Houthi forces" -> YE): a prior of the article's country, as
    strong as one country name in the text per unit of weight; the place names themselves still decide.
    """
    text = doc_text(doc)
    mentions = find_mentions(doc, text, article, gazetteer)
    return resolve_mentions(text, mentions, article, gazetteer, doc=doc, country_hints=country_hints)


def resolve_mentions(
    text: str, mentions: list[Mention], article: Article, gazetteer: Gazetteer, doc: Doc | None = None,
    country_hints: Mapping[str, float] | None = None,
) -> list[Toponym]:
    """Resolve given mentions (detected, gold, or user spans) against each other and the article.

    Three passes: priors and explicit context; then the country and first-level-area focus of
    the places chosen (weighted by confidence) and their nearness; then once more with that.
    """
    candidates = [mention_candidates(m, gazetteer) for m in mentions]
    context = _Context(capitals=gazetteer.capital_ids, neighbours=gazetteer.neighbours)
    for code, weight in (country_hints or {}).items():
        if code in gazetteer.countries and weight > 0:
            context.explicit[code] += weight
    _collect_support(mentions, candidates, context)
    _explicit_focus(mentions, candidates, article, gazetteer, context, doc)
    context.hierarchy = written_hierarchy(text, mentions, candidates)
    context.names = [fold(m.text) for m in mentions]
    context.list_areas = lists_of_areas(text, mentions, candidates)
    for index, parents in context.hierarchy.parents.items():
        context.parent_towns[index] = [t for t in towns_named_like_parents(parents, gazetteer)
                                       if fold(t.name) != fold(mentions[index].text)]  # "Santa Ana, the Santa Ana ..."
        if any(contains(p, c) for p in parents for c in candidates[index]):
            continue
        if not any(c.exact for c in candidates[index]):
            # "Nahri Saraj district, Helmand": no reading of the name as written, none in its written area, and a
            # place there with the same consonants (a name known as written elsewhere is rather a list: "New York, Ohio")
            inside = variants_in_parents(mentions[index], parents, gazetteer)
        elif outside_parents(candidates[index], parents, index, context.hierarchy):
            # "Benito Juarez, Nuevo Leon": a name of many places, none in the written area but Ciudad Benito Juarez;
            # "Mansura in the western countryside of Ar-Raqqa": Al Mansurah, a spelling the exact Mansuras hid
            inside = [c for c in gazetteer.lookup(mentions[index].text)
                      if c.place.latitude is not None and any(contains(p, c) for p in parents)]
            inside = inside or variants_in_parents(mentions[index], parents, gazetteer, skeletons=False)
        else:
            continue
        candidates[index] = without_district_namesakes(inside, mentions[index].text, gazetteer) or candidates[index]
    for index, children in context.hierarchy.children.items():
        # a name's readings under its own name say more than its alternate names ("Rupnagar" is a Pakistani village's too)
        inside = [c for child in children for c in ([c for c in candidates[child] if c.preferred] or candidates[child])]
        context.holding_readings[index] = {p.place.geonameid for p in candidates[index] if any(contains(p, c) for c in inside)}
    candidates = [_compass_readings(text, m, c, context) for m, c in zip(mentions, candidates)]  # explicit focus is set
    chosen = [_best(text, m, c, context, i, []) for i, (m, c) in enumerate(zip(mentions, candidates))]
    for _ in range(2):
        _focus_from(chosen, context)
        anchors = [(c, conf) for c, conf in chosen if c is not None and c.admin_level is None]
        chosen = [
            _best(text, m, c, context, i, [a for a in anchors if a[0] is not chosen[i][0]])
            for i, (m, c) in enumerate(zip(mentions, candidates))
        ]
    toponyms = []
    for mention, (candidate, score) in zip(mentions, chosen):
        relation = relation_before(text, mention.start) or region_before(text, mention.start)
        if relation and not _DISTANCE_OR_SIDE.search(relation) and names_a_facility_after(text, mention.end):
            relation = None  # "outside the Uitenhage Provincial Hospital"; "30 km south of Kirkuk city center" keeps its
        toponyms.append(
            Toponym(
                start=mention.start,
                end=mention.end,
                text=mention.text,
                place=candidate.place if candidate else None,
                score=round(score, 3),
                relation=relation,
            )
        )
    return toponyms


def _explicit_focus(mentions, candidates, article, gazetteer, context, doc) -> None:
    """What the article says outright about its country: dateline, country names, demonyms."""
    for mention, cands in zip(mentions, candidates):
        countries = [c for c in cands if c.is_country and c.exact]
        if countries and any(c.admin_level == 1 and c.exact and c.preferred for c in cands):
            continue  # "Georgia" may be the US state: the name alone says nothing about the article's country
        if countries:
            context.explicit[countries[0].place.country_code] += 3.0 if mention.source == "dateline" else 1.0
    if article.dateline:
        for part in article.dateline.split(","):
            for cand in gazetteer.candidates(part.strip(), exact_only=True):
                if cand.is_country:
                    context.explicit[cand.place.country_code] += 3.0
    if doc is not None:
        for token in doc:
            if token.ent_type_ == "NORP" or (token.pos_ in ("ADJ", "PROPN") and token.text[:1].isupper()):
                code = gazetteer.country_of_demonym(token.text)
                if code:
                    context.explicit[code] += 0.5


def _focus_from(chosen: list[tuple[Candidate | None, float]], context: _Context) -> None:
    """Country and first-level-area focus from the places chosen so far, weighted by confidence (and the
    share of each name in it, which that name's own mentions leave out)."""
    context.focus = Counter(context.explicit)
    context.admin_focus = Counter()
    context.focus_by_name, context.admin_focus_by_name = {}, {}
    for (cand, confidence), name in zip(chosen, context.names):
        if cand is None:
            continue
        context.focus[cand.place.country_code] += confidence
        context.focus_by_name.setdefault(name, Counter())[cand.place.country_code] += confidence
        if cand.admin_level != 0 and cand.place.admin1:
            area = (cand.place.country_code, cand.place.admin1)
            context.admin_focus[area] += confidence
            context.admin_focus_by_name.setdefault(name, Counter())[area] += confidence



# First-level areas named by a compass word alone (Cameroon's "North", Sri Lanka's "Northern"): the bare word is
# such an area only in a country the article names ("in Sri Lanka, particularly in the North" is no Cameroonian region).
_COMPASS_NAMES = {"north", "south", "east", "west", "centre", "center", "central", "northern", "southern", "eastern",
                  "western", "north east", "northeast", "north west", "northwest", "south east", "southeast",
                  "south west", "southwest", "far north", "extreme north"}  # folded: "North-East" is "north east"


def _compass_readings(text: str, mention: Mention, cands: list[Candidate], context: _Context) -> list[Candidate]:
    """A bare compass word's readings in the countries the article names; after "the" only areas ("the North" is a
    region, not North, South Carolina). Other names keep all their readings."""
    if fold(mention.text) not in _COMPASS_NAMES:
        return cands
    the_before = bool(_THE_BEFORE.search(text, max(0, mention.start - 5), mention.start))
    return [c for c in cands if context.explicit.get(c.place.country_code, 0) > 0 and (c.admin_level is not None or not the_before)]


def _best(text: str, mention: Mention, cands: list[Candidate], context: _Context, index: int, anchors: list):
    if not cands:
        return None, 0.0
    parents = context.hierarchy.parents.get(index)
    if parents and outside_parents(cands, parents, index, context.hierarchy):
        return None, 0.0  # "Pisky, Donetsk": a village the gazetteer lacks, not its namesake elsewhere
    if is_village_context(text, mention.start, mention.end):
        cands = [c for c in cands if c.admin_level is not None or c.population < _VILLAGE_MAX_POPULATION]
        if not cands:
            return None, 0.0  # "the village of Korogo" is not Korhogo, a city of 440,000 known by that alternate name
    city_context = is_city_context(text, mention.start, mention.end)
    biggest_areas = _biggest_area_by_country(cands)
    if not city_context:
        # (unless the text writes the village in an area that holds it: "La Libertad, Arequipa" is no Peruvian region;
        # a list of states is no hierarchy: "..., Virginia, Washington, West Virginia and Wyoming")
        written_in = parents if parents and index not in context.hierarchy.listed else []
        cands = [c for c in cands if not _named_like_bigger_area(c, biggest_areas, _VILLAGE_SHARE_OF_AREA)
                 or any(contains(p, c) for p in written_in)] or cands
    setting = _Setting.of(text, mention, cands, context, index, city_context, biggest_areas)
    scored = sorted(((_score(c, setting, context, index, anchors), c) for c in cands), key=lambda x: -x[0])
    best_score, best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else best_score - 2.0
    confidence = 1.0 / (1.0 + math.exp(-3.0 * (best_score - runner_up)))
    return best, confidence


@dataclass
class _Setting:
    """What `_score` asks of a mention and its candidate list, whatever the candidate: worked out once per
    mention rather than once per candidate ("Washington" has over a hundred)."""

    cands: list[Candidate]
    admin_word: str | None
    city_context: bool
    the_before: bool
    parents: list | None
    in_area_slot: bool
    focus: Counter
    focus_total: float
    admin_focus: Counter
    admin_total: float  # what an area's weight is divided by: all the places, not only those with an area (0: none)
    countries_named_exactly: set  # country codes of the exact, preferred country readings
    biggest_areas: dict  # see `_biggest_area_by_country`

    @classmethod
    def of(cls, text: str, mention: Mention, cands: list[Candidate], context: _Context, index: int,
           city_context: bool, biggest_areas: dict):
        name = context.names[index]
        own, own_areas = context.focus_by_name.get(name), context.admin_focus_by_name.get(name)
        focus = (context.focus - own if own else context.focus) or context.explicit
        admin_focus = context.admin_focus - own_areas if own_areas else context.admin_focus
        focus_total = sum(focus.values())
        return cls(
            cands=cands,
            admin_word=admin_word_after(text, mention.end),
            city_context=city_context,
            the_before=bool(_THE_BEFORE.search(text[max(0, mention.start - 5) : mention.start])),
            parents=context.hierarchy.parents.get(index),
            in_area_slot=index in context.hierarchy.area_slots,
            focus=focus,
            focus_total=focus_total,
            admin_focus=admin_focus,
            admin_total=max(sum(admin_focus.values()), focus_total) if admin_focus else 0.0,
            countries_named_exactly={c.place.country_code for c in cands if c.is_country and c.exact and c.preferred},
            biggest_areas=biggest_areas,
        )


def _biggest_area_by_country(cands: list[Candidate]) -> dict[str, int]:
    """Country code -> population of the largest first-level area among the exact, preferred readings."""
    biggest: dict[str, int] = {}
    for c in cands:
        if c.admin_level == 1 and c.exact and c.preferred:
            biggest[c.place.country_code] = max(biggest.get(c.place.country_code, 0), c.population)
    return biggest


def _named_like_bigger_area(cand: Candidate, biggest_areas: dict[str, int], share: float) -> bool:
    """"Wales" next to Sheffield is still Wales: a town named exactly like a first-level area of its country, with
    under `share` of the area's people, is hardly what the bare name means, however near the other places."""
    return cand.admin_level is None and cand.population < share * biggest_areas.get(cand.place.country_code, -1)


def _score(cand: Candidate, setting: _Setting, context: _Context, index: int, anchors: list) -> float:
    place = cand.place
    level = cand.admin_level
    cands = setting.cands
    population = cand.population if level in (None, 0) else cand.population // 4  # an area's sum overstates it
    score = 0.6 * min(math.log10(population + 1) / 7.0, 1.0)
    if level == 0:
        score += 0.6 if cand.exact else 0.3
        focus_now, total = setting.focus, setting.focus_total
        if total and focus_now.get(place.country_code, 0.0) < 0.2 * total and any(
            c.admin_level in (1, 2) and focus_now.get(c.place.country_code, 0.0) > 0.5 * total for c in cands
        ):
            score -= 0.6  # "Georgia" in an article about the US is the state
    elif level == 1:
        score += 0.1
    if place.geonameid in context.capitals:
        score += 0.3  # news names capitals far more often than their namesakes
    score += 0.1 * cand.exact + 0.25 * (cand.preferred or exonym_of_big_city(cand, cands, setting.focus))
    focus_total, focus = setting.focus_total, setting.focus
    if focus_total:
        score += 0.8 * focus.get(place.country_code, 0.0) / focus_total
        if level != 0:  # "Gaza" in news about Israel and Egypt: the neighbours of the focus count a little
            nearby = sum(focus.get(n, 0.0) for n in context.neighbours.get(place.country_code, ()))
            score += NEIGHBOUR_WEIGHT * nearby / focus_total
    if setting.admin_total and level != 0 and place.admin1:
        score += 0.6 * setting.admin_focus.get((place.country_code, place.admin1), 0.0) / setting.admin_total
    score += 0.8 * context.support.get((index, place.geonameid), 0.0)
    if setting.parents:
        score += 1.5 if any(contains(p, cand) for p in setting.parents) else -0.5
    if level == 1 and context.list_areas.get(index) == place.country_code:
        score += 0.5  # "..., Utah, Washington and Wisconsin": the state, not the capital
    if setting.in_area_slot and level in (1, 2):
        score += 0.4  # "(Al Qabbaytah, Lahij)": the governorate, not its town
    if place.geonameid in context.holding_readings.get(index, ()):
        score += 0.5  # "Rupnagar city (Punjab)": the Punjab that holds a Rupnagar
    admin_word = setting.admin_word
    if admin_word:
        score += 0.8 if level in (1, 2) else -0.3
    elif level in (1, 2) and any(
        c.admin_level is None and ((c.exact and c.preferred) or not cand.preferred) and c.place.country_code == place.country_code
        and c.place.admin1 == place.admin1 and c.population >= _TOWN_SHARE_OF_AREA * cand.population for c in cands
    ):  # (an area found by an alias, "Hodeidah", yields to its town under any spelling)
        score -= 0.3  # a bare name shared by a town and its area ("Kirkuk") is the town, unless a village ("Wales")
    if level is None and not cand.preferred and place.country_code in setting.countries_named_exactly:
        score -= 0.8  # "Mexico" is the country; only an alternate name of its capital
    elif level is None and not cand.preferred and place.country_code in setting.biggest_areas:
        score -= 0.4  # "Al Jawf" is the Yemeni governorate's own name, only an alternate one of an Abyan town
    if _named_like_bigger_area(cand, setting.biggest_areas, _TOWN_SHARE_OF_AREA):
        score -= 0.8  # a state's name, not a small town named after it
    if setting.city_context and level is None:
        score += 0.4
    if place.feature_class in FEATURE_CLASSES and not admin_word and setting.the_before:
        score += 2.0  # "the Pacific", "the Sahel": the ocean or the region, not the village of Pacific, Missouri
    towns = context.parent_towns.get(index)
    if towns and level is None and place.latitude is not None and any(km(place, t) < _PARENT_TOWN_KM for t in towns):
        score += 0.3  # "Vesele, Donetsk": of the oblast's villages of that name, the one by the city the name also means
    if anchors and place.latitude is not None and level is None:
        weight = sum(conf for _, conf in anchors)
        near = sum(conf for a, conf in anchors
                   if a.place.geonameid != place.geonameid and km(place, a.place) < NEAR_KM)
        score += 0.5 * near / weight if weight else 0.0
    return score


def _collect_support(mentions: list[Mention], candidates: list[list[Candidate]], context: _Context) -> None:
    """How many other names of the article have some reading near or around each candidate: "Athens"
    next to "Henderson County" and "Texas" is the Texan Athens even before either is settled."""
    texts = [m.text.lower() for m in mentions]
    distinct = {t: i for i, t in enumerate(texts)}
    others_by_text = {t: candidates[i][:_SUPPORT_CANDIDATES] for t, i in distinct.items()}
    shares_by_reading: dict[tuple, list[tuple[int, float]]] = {}  # a name said five times is weighed once
    for i, cands in enumerate(candidates):
        if len(cands) < 2:
            continue
        reading = (texts[i], tuple(c.place.geonameid for c in cands))
        if reading not in shares_by_reading:
            others = [c for t, c in others_by_text.items() if t != texts[i] and c]
            shares = []
            for cand in cands if others else ():
                hits = sum(1 for other in others if any(_supports(o, cand) for o in other))
                if hits:
                    shares.append((cand.place.geonameid, hits / len(others)))
            shares_by_reading[reading] = shares
        for geonameid, share in shares_by_reading[reading]:
            context.support[(i, geonameid)] = share


def _supports(other: Candidate, cand: Candidate) -> bool:
    if other.is_country or other.place.geonameid == cand.place.geonameid:
        return False
    if other.place.country_code != cand.place.country_code:
        return False
    if cand.admin_level == 1 and other.admin_level != 1:
        return other.place.admin1 == cand.place.admin1  # "Atlanta" supports the state "Georgia"
    if cand.admin_level == 2 and other.admin_level is None:
        return other.place.admin1 == cand.place.admin1 and other.place.admin2 == cand.place.admin2
    if other.admin_level == 1:
        return other.place.admin1 == cand.place.admin1
    if other.admin_level == 2:
        return bool(other.place.admin2) and other.place.admin2 == cand.place.admin2
    return km(other.place, cand.place) < _SUPPORT_KM

