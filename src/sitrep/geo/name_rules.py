"""Gazetteer-backed rules for the place names the small model misses or mislabels ("in Rutba" tagged
PERSON, "near Hit" untagged), over capitalised name runs, particles included ("Deir ez-Zor", "Al-Qaim").

A run (or its longest known part) is a place only with an exact gazetteer spelling and a clue: a locative
word before it, a kind of place after or before it ("Mbouda subdivision", "the town of Hasbaya"), a
direction before "of" ("east of Tubas"), a place where a hierarchy is written ("(eThekwini,
KwaZulu-Natal)"), or a large or well-known entry (a country, an admin area, a city of 50,000+). The known
part of a longer capitalised name is not a place ("Haram" of "Boko Haram"). `widened` gives the model's
part of a longer known name its whole ("Foz do Iguacu" for "Foz").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from sitrep.geo.gazetteer import FEATURE_CLASSES, Gazetteer
from sitrep.geo.hierarchy import km
from sitrep.geo.mentions import PLACE_LABELS, Mention
from sitrep.geo.parent_slots import has_written_parent, is_hierarchy_parent, known_in_area_after
from sitrep.geo.relations import ADMIN_AFTER, list_closed_by_place_word

_LOCATIVE = {"in", "near", "at", "outside", "from", "to", "into", "toward", "towards", "around", "across",
             "of", "between", "and", "through", "on", "via", "inside", "within", "reach", "entered", "captured",
             "off", "along", "beyond"}  # "a ship hit off Hodeidah", "along Tal Afar"

_RULE_MIN_POPULATION = 50_000
_WELL_KNOWN_POPULATION = 100_000
_WELL_KNOWN_ALTERNATE_POPULATION = 250_000  # a big town under a former or other-language name
# Capitalised words that are place names in GeoNames but far more often something else in news.
_COMMON_WORDS = {
    "Police", "Army", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "March", "May",
    "June", "July", "August", "President", "Reuters", "Associated Press", "God", "Islamic", "State", "Many", "Most", "Can",
    "Lot",
    "Media", "Mission", "Union", "Liberty", "Victoria", "Hope", "Unity", "Independence", "Progress", "Justice",
    "Security", "Officials", "Sunni", "Shia", "Shiite", "Kurdish", "Kurds", "Arab", "Arabs", "Christian", "Victory",
    "University", "Bank", "Square", "Hospital", "Court", "Molotov", "Central", "National", "Northern", "Southern",
    "Eastern", "Western", "North", "South", "East", "West", "Colonia", "Barrio",  # "Colonia San Jeronimo": a neighbourhood
}


def name_runs(text: str) -> list[re.Match]:
    """The capitalised name runs of the text, read once for `widened` and `rule_mentions`. A run followed by a
    lower-case word is taken with it when the text spells the whole capitalised elsewhere: "(Mirpur khas, Sindh)"
    after "Mirpur Khas city" is Mirpur Khas, not Mirpur of Kashmir."""
    runs = list(_NAME_RUN.finditer(text))
    spelled = {run.group(0).lower() for run in runs if " " in run.group(0)}
    if not spelled:
        return runs
    result = []
    for run in runs:
        after = _LOWER_WORD_AFTER.match(text, run.end())
        if after and (run.group(0) + after.group(0)).lower() in spelled:
            run = _WHOLE.match(text, run.start(), after.end()) or run
        result.append(run)
    return result


_LOWER_WORD_AFTER = re.compile(r" [a-z][\w'’-]*[a-z]")
_WHOLE = re.compile(r".+", re.S)


def widened(mentions: list[Mention], text: str, gazetteer: Gazetteer, runs: list[re.Match]) -> list[Mention]:
    """The model's part of a longer name, widened to the whole name when the gazetteer knows it as spelled:
    "Foz do Iguacu" for its "Foz", "Catole do Rocha" for "Rocha", "Martinez de la Torre" for "Martinez"
    (the small model cuts names at their particles, and the part is often a town abroad)."""
    if not mentions:
        return mentions
    runs = [run for run in runs if " " in run.group(0) or "-" in run.group(0)]
    result = []
    for mention in mentions:
        run = next((r for r in runs if r.start() <= mention.start and mention.end <= r.end()
                    and (r.start(), r.end()) != (mention.start, mention.end)), None)
        result.append(_joined_area(_longest_known(mention, run, text, gazetteer) if run else mention, text, gazetteer))
    return result


# "Sistan and Baluchestan", "Kohgiluyeh and Boyer-Ahmad": an area named by two names joined with "and" (or "/":
# "Tunapuna/Piarco", whose "Tunapuna" alone is the town).
_AND_AFTER = re.compile(r"(?: and |/)[A-Z][\w-]+(?: [A-Z][\w-]+)?")
_AND_BEFORE = re.compile(r"(?:[A-Z][\w-]+ )?[A-Z][\w-]+ and $")


def _joined_area(mention: Mention, text: str, gazetteer: Gazetteer) -> Mention:
    """The mention with the other half of an area or country named "X and Y" or "X/Y", when the gazetteer knows
    the whole as an area or a country (a list of two places stays two places)."""
    after = _AND_AFTER.match(text, mention.end)
    before = _AND_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    spans = ([(mention.start, after.end())] if after else []) + ([(before.start(), mention.end)] if before else [])
    for start, end in spans:
        found = gazetteer.candidates(text[start:end], exact_only=True)
        if any(c.exact and (c.admin_level is not None or c.is_country) for c in found):
            return Mention(start, end, text[start:end], mention.source)
    return mention


def _longest_known(mention: Mention, run: re.Match, text: str, gazetteer: Gazetteer) -> Mention:
    words = [(run.start() + w.start(), run.start() + w.end()) for w in re.finditer(r"[^\s]+", run.group(0))]
    spans = sorted(((s, e) for i, (s, _) in enumerate(words) for _, e in words[i:]
                    if s <= mention.start and mention.end <= e and (s, e) != (mention.start, mention.end)),
                   key=lambda span: span[0] - span[1])
    for start, end in spans:
        # A capitalised article may open the name ("Los Angeles Tetela", "Al Bab"); a particle does not end one.
        last = text[start:end].split()[-1]
        if last.lower() in _PARTICLES or last.endswith(("'s", "’s")):
            continue
        added = (text[start : mention.start] + " " + text[mention.end : end]).replace("-", " ").split()
        if all(_run_word_key(word) in _RUN_EXTRA_WORDS for word in added):
            continue  # "Dublin City Manager": a kind or institution word is no part of the name
        if any(c.exact for c in gazetteer.candidates(text[start:end], exact_only=True)):
            return Mention(start, end, text[start:end], mention.source)
    return mention


# Capitalised word runs, with the lower-case particles of transliterated names: "Deir ez-Zor", "Al-Qaim".
_NAME_RUN = re.compile(  # (or initials joined by "&": "J&K")
    r"\b[A-Z]&[A-Z]\b|\b[A-Z][\w’'‘-]*[\w](?:[ -](?:(?:al|el|ez|az|ad|as|ar|ash|an|at|ed|es|de|du|la|le|al-|el-|del|della|di|da|do|dos|das|wa|"
    r"los|las|imeni|e)[ -]){0,2}[A-Z][\w’'‘-]*[\w]){0,3}"
)
# Words a longer capitalised run may hold around a place name without being part of it: "In Mosul",
# "Anbar Province", "Baghdad Operations Command", "Walker County Sheriff's Office". Any other word makes
# the run another name ("Boko Haram", "Imam Sahib", "Mocimboa Da Praia"), whose known part counts only
# when it starts the run and is a country, a first-level area, a named county or a city of 100,000+
# ("Texas Tech", "Dallas Morning News"), not "Haram", "Sahib" or "Praia".
_RUN_EXTRA_WORDS = {
    # function words (a capitalised sentence opener or headline word)
    "in", "on", "at", "near", "from", "to", "the", "and", "of", "by", "for", "with", "as", "but", "after", "before",
    "while", "when", "during", "outside", "inside", "across", "into", "if", "since", "until", "between", "around",
    # kinds of area
    "province", "governorate", "district", "region", "state", "county", "city", "town", "village", "municipality",
    "oblast", "lga", "payam", "department", "prefecture", "division", "area", "valley", "township", "borough",
    # places and institutions named after a place
    "airport", "airbase", "airfield", "air", "university", "college", "school", "schools", "high", "operations", "command", "police", "army",
    "military", "forces", "council", "government", "authorities", "officials", "residents", "people", "border",
    "camp", "base", "mosque", "church", "hospital", "medical", "health", "prison", "court", "superior", "hall",
    "bridge", "road", "highway", "street", "drive", "avenue", "lane", "boulevard", "square", "market", "stadium",
    "crossing", "checkpoint", "station", "plant", "factory", "port", "dam", "mine", "refinery", "front", "frontline",
    "fire", "volunteer", "sheriff", "sheriffs", "library", "center", "centre", "club", "company", "office", "board",
    "news", "times", "herald", "journal", "tribune", "daily", "chamber", "commerce", "museum", "park", "zoo",
    "community", "public", "memorial", "regional", "national", "international", "association", "society", "water",
    "riding",
}
_PARTICLES = {"al", "el", "ez", "az", "ad", "as", "ar", "ash", "an", "at", "ed", "es", "de", "du", "la", "le", "al-", "el-", "wa",
              "del", "della", "di", "da", "do", "dos", "das", "los", "las", "imeni", "e"}
# Verbs whose object is usually a place: "shelled Palmyra", "stormed Baghouz".
_PLACE_VERBS = {"shelled", "bombed", "stormed", "seized", "captured", "recaptured", "besieged", "liberated", "overran",
                "hit", "struck", "raided", "entered", "reached", "evacuated"}


def rule_mentions(doc: Doc, text: str, gazetteer: Gazetteer, found: list[Mention], runs: list[re.Match]) -> list[Mention]:
    """Capitalised names the model did not tag as places but the gazetteer knows, with a locative clue or a large place
    behind them (or, for a country the text names, any own-name entry: cities500 gives many villages no population).
    The longest known sub-run wins ("Deir ez-Zor" over "Deir")."""
    taken = [(m.start, m.end) for m in found]
    other_entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ not in PLACE_LABELS]
    sentence_starts = {sent.start for sent in doc.sents}
    named_countries = {c.place.country_code for m in found for c in gazetteer.candidates(m.text, exact_only=True) if c.is_country}
    result = []
    for run in runs:
        words = list(re.finditer(r"\S+", run.group(0)))
        for size in range(len(words), 0, -1):
            hit = None
            for first in range(0, len(words) - size + 1):
                inside = words[first : first + size]
                if all(_run_word_key(w.group(0)) in _RUN_EXTRA_WORDS for w in inside):
                    continue  # "County" of "Walker County Sheriff" is no name
                outside = [w.group(0) for w in words[:first] + words[first + size:]]
                in_other_name = any(_run_word_key(w) not in _RUN_EXTRA_WORDS and w not in _COMMON_WORDS for w in outside)
                if in_other_name and (
                    any(_run_word_key(w.group(0)) not in _RUN_EXTRA_WORDS for w in words[:first])
                    or (first + size < len(words) and words[first + size].group(0).lower() in _PARTICLES)
                ):
                    continue  # "Mocimboa Da Praia", "Maaret Alia", "San Pedro de Ycuamandiyu": one longer name
                start = run.start() + words[first].start()
                end = run.start() + words[first + size - 1].end()
                if in_other_name and _longer_name_known(words, first, run.start(), text, gazetteer):
                    continue  # "Ain" of "Ain Issa" (Ayn Isa, Syria) is not the French department
                mention = _rule_mention(doc, text, gazetteer, start, end, taken, other_entities, sentence_starts,
                                        named_countries, well_known_only=in_other_name)
                if mention:
                    hit = mention
                    break
            if hit:
                result.append(hit)
                taken.append((hit.start, hit.end))
                break
    return result


def _another_place_with_kind_word(name: str, kind_word: str, gazetteer: Gazetteer) -> bool:
    """The name with its capitalised kind word is another place than the bare name: "Denham Town" (Jamaica) is not
    Denham (England); "Dublin City" and "Kansas City" are, or lie by, what their bare names also name."""
    whole = [c for c in gazetteer.candidates(name + kind_word, exact_only=True) if c.preferred]  # not Warsaw's "Phoenix City"
    bare = gazetteer.candidates(name, exact_only=True)
    return bool(whole) and not any(_same_place(w, b) for w in whole for b in bare)


def _same_place(whole, bare) -> bool:
    """Two readings that may be one place, or the bare one the area holding the other ("Kansas City, Kansas"): in
    one country, and close where both have a point (an area without one, as GeoNames gives some districts, may
    hold the other)."""
    a, b = whole.place, bare.place
    if a.country_code != b.country_code:
        return False
    if bare.admin_level == 0 or (bare.admin_level == 1 and a.admin1 == b.admin1):
        return True
    return a.latitude is None or b.latitude is None or km(a, b) < _SAME_PLACE_KM


def _longer_name_known(words: list[re.Match], first: int, offset: int, text: str, gazetteer: Gazetteer) -> bool:
    """The name from word `first` to the run's last name word is itself a place under some spelling."""
    last = max(i for i, w in enumerate(words) if _run_word_key(w.group(0)) not in _RUN_EXTRA_WORDS)
    if last <= first:
        return False
    return bool(gazetteer.candidates(text[offset + words[first].start() : offset + words[last].end()]))


def _well_known_within_name(cand, name: str) -> bool:
    """A reading a name keeps inside a longer name: a country, a big first-level area or town under its own name
    ("Texas Tech") or a very big one under another ("Uitenhage Provincial Hospital", Kariega), or a county written
    with its kind word ("Walker County Sheriff"). Not an alternate name of a mid-sized town ("Bir" of "Bir Hasan"
    is not Beed, India) nor a small country's municipality ("Bar" of "Bar Elias")."""
    if cand.admin_level == 0:
        return True
    if " " in name and cand.admin_level == 2 and ADMIN_AFTER.match(" " + name.split()[-1]):
        return True
    return cand.population >= (_WELL_KNOWN_POPULATION if cand.preferred else _WELL_KNOWN_ALTERNATE_POPULATION)


def _run_word_key(word: str) -> str:
    return re.sub(r"['’]s$", "", word.lower()).strip("’'‘-")


def _rule_mention(doc, text, gazetteer, start, end, taken, other_entities, sentence_starts, named_countries,
                  well_known_only=False) -> Mention | None:
    name = text[start:end]
    if name in _COMMON_WORDS or len(name) < 3 or any(s < end and start < e for s, e in taken):
        return None
    if name.endswith(("'s", "’s")):
        return None  # folded, "America’s" would be the Americas (and "Paul's" a Paul)
    place_word = _PLACE_WORD_AFTER.match(text[end : end + 25])
    place_word_after = bool(place_word) or list_closed_by_place_word(text, end)
    if place_word and place_word.group(0).strip()[:1].isupper() and _another_place_with_kind_word(
            name, place_word.group(0), gazetteer):
        place_word_after = False  # "Denham Town" (Kingston, Jamaica) is a name of its own, not Denham with its kind word
    found = gazetteer.candidates(name, exact_only=not place_word_after)
    # A lower-case Arabic article before the run is part of the name ("in al-Hasakeh"), unless already taken.
    article = _ARTICLE_PREFIX.search(text, max(0, start - 4), start)
    if article and any(s < end and article.start() < e for s, e in taken):
        article = None
    if not found and article:
        found = gazetteer.candidates(text[article.start() : end], exact_only=not place_word_after)
        if found:  # "the IRGC in al-Bukamal": known only with its article
            start, name = article.start(), text[article.start() : end]
    # "the western countryside of Tell Abiad", "in rural Ras al Ain": an anchor place, whatever its size, unless
    # "the" stands before the name ("in the vicinity of the Marsh home")
    relative_of = bool(_RELATIVE_OF.search(text, max(0, start - 40), start))
    relative = relative_of and not text[max(0, start - 4) : start].lower().endswith("the ")
    kind_of = bool(_KIND_OF.search(text, max(0, start - 30), start))  # "the town of Tal Tamer", "Mail area of Spin Boldak"
    if not found and len(name) >= 6:
        # "in Ar-Raqqa", "off Hodeidah": an area, a country or a city under another transliteration
        after_locative = _after_locative(text, start)
        after_place_verb = _after_place_verb(text, start)  # "shelled Tall Refaat" (Tall Rif'at)
        found = [c for c in gazetteer.candidates(name)
                 if c.admin_level in (0, 1) or (after_locative and c.population >= _VARIANT_CITY_POPULATION)
                 or (after_place_verb and c.place.feature_class == "P" and c.population >= _VARIANT_TOWN_POPULATION)
                 or ((relative or kind_of) and c.place.feature_class == "P")]
    candidates = [c for c in found if c.place.latitude is not None or c.is_country]
    if not well_known_only and is_hierarchy_parent(text, start, [c for c in found if c.admin_level in (1, 2)], end):
        return Mention(start, end, name, "rule")  # "(Nyabihanga, Mwaro)": a district GeoNames gives no point still is one
    if well_known_only:  # part of another name: "Texas" of "Texas Tech" is a place, "Haram" of "Boko Haram" is not
        candidates = [c for c in candidates if _well_known_within_name(c, name)]
    if not candidates:
        if not well_known_only and known_in_area_after(text, end, name, gazetteer):
            return Mention(start, end, name, "rule")  # "Zap (Amadiya) region of Dahuk", "Nahri Saraj district, Helmand"
        return None
    if article and article.start() < start:
        start, name = article.start(), text[article.start() : end]  # "in al-Hasakeh": the article is part of the name
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    before = span.start - 1
    if before >= 0 and doc[before].lower_ == "the":  # "on the Euphrates"
        before -= 1
    previous = doc[before].lower_ if before >= 0 else ""
    # The small model calls unknown names products or works of art ("near Svitlodarsk"): no evidence either way.
    labels = {label for s, e, label in other_entities if s < end and start < e} - _WEAK_LABELS
    if labels & {"DATE", "TIME"} and not any(ch.isdigit() for ch in name) and any(
            c.exact and c.preferred and (c.admin_level in (0, 1) or c.population >= _RULE_MIN_POPULATION) for c in candidates):
        labels -= {"DATE", "TIME"}  # "region of Dahuk": the model's date without a digit, an area's own name
    if labels & {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}:
        return None
    if labels == {"NORP"} and gazetteer.country_of_demonym(name) is None and any(
            c.exact and c.preferred and (c.admin_level is not None or c.population >= _VARIANT_TOWN_POPULATION) for c in candidates):
        labels = set()  # "from Tindouf camps": the model's group of people is a town of that name, not a demonym
    admin_after = bool(ADMIN_AFTER.match(text[end : end + 30]))
    locative = previous in _LOCATIVE or previous in _PLACE_VERBS or admin_after
    if is_hierarchy_parent(text, start, candidates, end):
        return Mention(start, end, name, "rule")
    if not well_known_only and has_written_parent(text, end, candidates, gazetteer):
        return Mention(start, end, name, "rule")  # "Caripe, Monagas state": a place of the area written after it
    big = any(c.admin_level is not None or c.population >= _RULE_MIN_POPULATION for c in candidates)
    sizeable = any(c.admin_level is not None or c.population >= 1_000 or c.place.feature_class in FEATURE_CLASSES
                   or (c.exact and c.preferred and c.place.country_code in named_countries) for c in candidates)
    if span.start in sentence_starts and not locative:
        return None  # a capitalised sentence opener is too often something else
    if labels:  # the model saw a person or an organisation: only a clear locative clue overrides it
        # and, after a weak one, only for a place under its own name or a big one: "between Taliban militants"
        # is no Turkish village that has "Taliban" among its alternate names ("shelled Avdiivka" is strong)
        sizeable = sizeable and (previous in _STRONG_LOCATIVE or previous in _PLACE_VERBS or any(
            c.preferred or c.admin_level is not None or c.population >= _RULE_MIN_POPULATION for c in candidates))
        if place_word_after and not well_known_only:
            return Mention(start, end, name, "rule")  # "close to Ghazni city", "in Ar-Raqqa countryside"
        if not well_known_only and (relative or (sizeable and relative_of)):
            return Mention(start, end, name, "rule")  # "east of Tubas", "the northern countryside of Aleppo"
        if not well_known_only and kind_of:
            return Mention(start, end, name, "rule")  # "the town of Hasbaya"
        if not well_known_only and sizeable and _route_end(text, start, end, previous, candidates, gazetteer):
            return Mention(start, end, name, "rule")  # "the area stretching from Al Mayadin to Al-Bukamal"
        if not (locative and sizeable and previous not in {"of", "and", "from", "to"}):
            return None
    elif not (locative or big or relative):
        return None
    return Mention(start, end, name, "rule")


# A lower-case Arabic article written before a name the run starts after: "in al-Hasakeh", "near ar-Rutba".
_ARTICLE_PREFIX = re.compile(r"(?<![\w-])(?:al|el|ar|as|ash|ad|an|az|at|ez)-$")
# A direction or an edge before "of": the name after it is an anchor place ("east of Tubas", "the northern
# countryside of Aleppo", "on the outskirts of Gao"), whatever the model tagged it; and so is a name after a
# kind of place and "of" ("the town of Hasbaya", a village GeoNames gives no population).
_RELATIVE_OF = re.compile(r"\b(?:(?:north|south)(?:-?(?:east|west))?|east|west|(?:north|south)?(?:eastern|western)|northern|"
                          r"southern|outskirts|countryside|suburbs?|vicinity|environs)\s+of\s+(?:the\s+)?$|\brural\s+$", re.I)
_KIND_OF = re.compile(r"\b(?:the|a)\s+(?:town|village|city|district|province|governorate|municipality|commune|camp|state|"
                      r"region|island)\s+of\s+$|\b(?-i:[A-Z])[\w'’-]*\s+(?:area|region)\s+of\s+$", re.I)

_VARIANT_CITY_POPULATION = 100_000
_VARIANT_TOWN_POPULATION = 10_000  # after a verb whose object is a place
_WEAK_LABELS = {"PRODUCT", "WORK_OF_ART", "LANGUAGE"}  # not LAW: "Section 6 of the act"
_STRONG_LOCATIVE = {"in", "near", "off", "outside", "inside", "around"}


# "from X to Y": the name at the other end, and how far apart the two may lie.
_ROUTE_NAME = r"((?-i:[A-Z])[\w'’-]*(?:[ -](?-i:[A-Z])[\w'’-]*){0,2})"
_TO_PLACE_AFTER = re.compile(r"\s+to\s+(?:the\s+)?" + _ROUTE_NAME, re.I)
_FROM_PLACE_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?" + _ROUTE_NAME + r"\s+to\s+$", re.I)
_ROUTE_KM = 300.0


def _route_end(text: str, start: int, end: int, previous: str, candidates, gazetteer: Gazetteer) -> bool:
    """"from X to Y" with Y a town the gazetteer knows as written and within `_ROUTE_KM` of a reading of X:
    both are places ("from Al Mayadin to Al-Bukamal"; "from Ali to Hassan" are a town near Delhi and one
    in Karnataka, and people)."""
    if previous == "from":
        other = _TO_PLACE_AFTER.match(text, end)
    elif previous == "to":
        other = _FROM_PLACE_BEFORE.search(text, max(0, start - 60), start)
    else:
        return False
    if other is None:
        return False
    ends = [c for c in gazetteer.candidates(other.group(1), exact_only=True)
            if c.exact and c.admin_level is None and c.population >= 1_000 and c.place.latitude is not None]
    return any(km(c.place, e.place) <= _ROUTE_KM for c in candidates if c.place.latitude is not None for e in ends)


def _after_place_verb(text: str, start: int) -> bool:
    words = text[max(0, start - 15) : start].split()
    return bool(words) and words[-1].lower() in _PLACE_VERBS


def _after_locative(text: str, start: int) -> bool:
    """Is the name right after "in", "near", "off" ...: a place however it is spelled ("off Hodeidah")?"""
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1].lower() in _STRONG_LOCATIVE


_SAME_PLACE_KM = 50  # a name with and without its kind word read this close: one place ("Kansas City", "Dublin City")
# (plural after the last name of a list: "in Kabul, Ghor, Laghman, and Balkh provinces"; "the Al Jawf frontlines")
_PLACE_WORD_AFTER = re.compile(r"^\s+(?:city|town|village|countryside|district|province|governorate|municipality|township|"
                               r"subdivision|tehsil|commune|sub-?district|lga|woreda|payam|cities|towns|villages|districts|"
                               r"provinces|governorates|municipalities|(?-i:front(?:line)?s?)|(?:military\s+)?air\s?(?:base|port|field|strip))\b",
                               re.I)  # not "Popular Front"; "Hama Airbase" is at Hama
