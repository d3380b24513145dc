"""Finding place names in an article: spaCy GPE/LOC/FAC entities, the dateline, and gazetteer-backed
rules for the names the small model misses or mislabels ("in Rutba" tagged PERSON, "near Hit" untagged).

The rules only accept an exact gazetteer spelling after a locative preposition, or a large
or well-known place (a country, an admin area, a city of 50,000+), or an admin area where a
place's hierarchy is written ("Chatsworth (eThekwini, KwaZulu-Natal)"), to keep precision. The known
part of a longer capitalised name is not taken for a place ("Haram" of "Boko Haram"). An entity the
gazetteer does not know as a whole is split at commas and loses a trailing kind-of-area word ("Nis,
Serbia", "Diyala province"); a country name qualifying a currency ("the US dollar") is not a place.
Natural features and macro-regions the gazetteer holds ("the Gulf of Aden", "Lake Chad", "the Sahel")
are found by their written names, whatever the model made of them ("Aden" alone, "Red Sea coast"),
unless they are part of a longer name ("Black Sea Fleet", "Upper Nile", "Pacific Islands Forum").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sitrep.geo.gazetteer import FEATURE_CLASSES, Gazetteer
from sitrep.geo.relations import ADMIN_AFTER
from sitrep.nlp.selective import NAMED_RANGES
from sitrep.records import Article

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING = re.compile(r"(?:'s|’s|'|’)$")
_LOCATIVE = {"in", "near", "at", "outside", "from", "to", "into", "toward", "towards", "around", "across",
             "of", "between", "and", "through", "on", "via", "inside", "within", "reach", "entered", "captured",
             "off", "along", "beyond"}  # "a ship hit off Hodeidah", "along Tal Afar"
# A dateline at the start of the body: "QAIM, Iraq —", "BAGHDAD (Reuters) -", "Mosul, Iraq, July 3 —".
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z'’.\- ]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.\- ]{1,30}?))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s"
)
_RULE_MIN_POPULATION = 50_000
_WELL_KNOWN_POPULATION = 100_000
# Capitalised words that are place names in GeoNames but far more often something else in news.
_COMMON_WORDS = {
    "Police", "Army", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "March", "May",
    "June", "July", "August", "President", "Reuters", "Associated Press", "God", "Islamic", "State", "Many", "Most",
    "Media", "Mission", "Union", "Liberty", "Victoria", "Hope", "Unity", "Independence", "Progress", "Justice",
    "Security", "Officials", "Sunni", "Shia", "Shiite", "Kurdish", "Kurds", "Arab", "Arabs", "Christian", "Victory",
    "University", "Bank", "Square", "Hospital", "Court", "Molotov", "Central", "National", "Northern", "Southern",
    "Eastern", "Western", "North", "South", "East", "West",
}


@dataclass
class Mention:
    """A span of the article that names a place, before resolution."""

    start: int
    end: int
    text: str
    source: str  # "ner:GPE", "ner:LOC", "ner:FAC", "dateline", "rule", "given"


def find_mentions(doc: Doc, text: str, article: Article, gazetteer: Gazetteer) -> list[Mention]:
    """Place-name spans of the article (`text` is doc.text, passed since spaCy rebuilds it on each read)."""
    mentions = _dateline_mentions(text)
    entity_mentions = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            mention = _trim(ent, f"ner:{ent.label_}")
            parts = [mention] if mention is None or gazetteer.candidates(mention.text) else _split_unknown(mention)
            for part in parts:
                if part and (ent.label_ != "FAC" or gazetteer.candidates(part.text, exact_only=True)):
                    entity_mentions.append(part)
    entity_mentions = _widened(entity_mentions, text, gazetteer)
    features = _feature_mentions(doc, text, gazetteer)
    mentions.extend(features)  # before the model's entities: "Gulf of Aden" over its "Aden"
    mentions.extend(m for m in entity_mentions if not _yields_to_feature(m, features, gazetteer))
    mentions.extend(_rule_mentions(doc, text, gazetteer, mentions))
    named = doc.user_data.get(NAMED_RANGES)
    if named is not None:  # the rules tell names from places by the NER's other entities: only where it ran
        mentions = [m for m in mentions if m.source.startswith(("ner:", "dateline")) or any(s <= m.start and m.end <= e for s, e in named)]
    return [m for m in _without_overlaps(mentions) if not _NOT_A_PLACE_AFTER.match(text[m.end : m.end + 20])]


# "the US dollar", "the Lebanese pound": a country name that qualifies a currency is not a place.
_NOT_A_PLACE_AFTER = re.compile(r"^\s+(?:dollars?|currency)\b", re.I)
# A kind-of-area word the model took into the name: "Diyala province", "Piura city", "Zahle City".
_KIND_WORD_AT_END = re.compile(r"\s+(?:province|governorate|district|region|state|county|oblast|municipality|city|town|"
                               r"village|prefecture|department|division|area|camp|township|subdivision|tehsil|commune|"
                               r"sub-?district|locality)$", re.I)


# Entities a feature's name may be part of without being that feature: "Black Sea Fleet", "The Atlantic".
_OTHER_NAME_LABELS = {"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
# Capitalised words before a feature's name that still leave it the feature: "In the Red Sea", "Across Sahel".
_OPENERS = {"in", "on", "at", "near", "from", "to", "the", "and", "of", "across", "into", "off", "along", "beyond",
            "over", "under", "through", "throughout", "around", "inside", "within", "towards", "toward", "both", "but"}


def _feature_mentions(doc: Doc, text: str, gazetteer: Gazetteer) -> list[Mention]:
    """The written names of natural features and macro-regions (longest spelling at each place), not where
    they are part of a longer name: a capitalised word around them (other than a function word), a hyphen
    ("Trans-Pacific"), a kind-of-area word after ("Red Sea State"), or a non-place entity over them; and
    not a one-word name opening a sentence."""
    spellings = gazetteer.feature_spellings()
    if not spellings:
        return []
    others = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _OTHER_NAME_LABELS]
    sentence_starts = {sent.start_char for sent in doc.sents}
    found: list[Mention] = []
    end_of_last = 0
    for word in re.finditer(r"(?<![\w’'-])[^\W\d_]+", text):  # the letters a name starts with, as keyed
        start = word.start()
        if start < end_of_last or not text[start].isupper():
            continue
        for spelling in spellings.get(word.group(0).lower(), ()):
            end = start + len(spelling)
            if text[start:end].lower() != spelling.lower() or (end < len(text) and (text[end].isalnum() or text[end] == "-")):
                continue
            if _in_longer_name(text, start, end) or any(s < end and start < e for s, e in others):
                break  # the model saw a person or an organisation: "Rhodes said", "The Atlantic"
            if " " not in spelling and start in sentence_starts:
                break  # a capitalised sentence opener is too often something else
            found.append(Mention(start, end, text[start:end], "feature"))
            end_of_last = end
            break
    return found


def _widened(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """The model's part of a longer name, widened to the whole name when the gazetteer knows it as spelled:
    "Foz do Iguacu" for its "Foz", "Catole do Rocha" for "Rocha", "Martinez de la Torre" for "Martinez"
    (the small model cuts names at their particles, and the part is often a town abroad)."""
    if not mentions:
        return mentions
    runs = [run for run in _NAME_RUN.finditer(text) if " " in run.group(0) or "-" in run.group(0)]
    widened = []
    for mention in mentions:
        run = next((r for r in runs if r.start() <= mention.start and mention.end <= r.end()
                    and (r.start(), r.end()) != (mention.start, mention.end)), None)
        widened.append(_longest_known(mention, run, text, gazetteer) if run else mention)
    return widened


def _longest_known(mention: Mention, run: re.Match, text: str, gazetteer: Gazetteer) -> Mention:
    words = [(run.start() + w.start(), run.start() + w.end()) for w in re.finditer(r"[^\s]+", run.group(0))]
    spans = sorted(((s, e) for i, (s, _) in enumerate(words) for _, e in words[i:]
                    if s <= mention.start and mention.end <= e and (s, e) != (mention.start, mention.end)),
                   key=lambda span: span[0] - span[1])
    for start, end in spans:
        first, last = text[start:end].split()[0], text[start:end].split()[-1]
        if first.lower() in _PARTICLES or last.lower() in _PARTICLES or last.endswith(("'s", "’s")):
            continue
        added = (text[start : mention.start] + " " + text[mention.end : end]).replace("-", " ").split()
        if all(_run_word_key(word) in _RUN_EXTRA_WORDS for word in added):
            continue  # "Dublin City Manager": a kind or institution word is no part of the name
        if any(c.exact for c in gazetteer.candidates(text[start:end], exact_only=True)):
            return Mention(start, end, text[start:end], mention.source)
    return mention


def _in_longer_name(text: str, start: int, end: int) -> bool:
    before = re.search(r"([\w’'-]+)\s+$", text[max(0, start - 30) : start])
    if before and before.group(1)[:1].isupper() and before.group(1).lower() not in _OPENERS:
        return True  # "Upper Nile", "Blue Nile", "Greater Caucasus" (a hyphen: "Trans-Pacific" is no word start)
    after = re.match(r"\s+([\w’'-]+)", text[end : end + 40])
    if after and after.group(1)[:1].isupper():
        return True  # "Pacific Islands Forum", "Euphrates Shield", "Nile Hilton"
    admin = ADMIN_AFTER.match(text[end : end + 40])
    return bool(admin) and admin.group(1).lower() not in {"region", "territory"}  # "Red Sea governorate"


def _yields_to_feature(mention: Mention, features: list[Mention], gazetteer: Gazetteer) -> bool:
    """An entity inside a feature's name ("Aden" of "Gulf of Aden"), or one the gazetteer does not know
    that holds a feature's name ("Red Sea coast"), gives way to the feature."""
    for feature in features:
        if mention.end <= feature.start or mention.start >= feature.end:
            continue
        if feature.start <= mention.start and mention.end <= feature.end:
            return True
        if not gazetteer.candidates(mention.text):
            return True
    return False


def _split_unknown(mention: Mention) -> list[Mention]:
    """An entity the gazetteer does not know as a whole: "Nis, Serbia" is two names, "Diyala province"
    is "Diyala" (the kind word stays in the text as context)."""
    parts, offset = [], 0
    for piece in mention.text.split(","):
        lead = len(piece) - len(piece.lstrip())
        value = piece.strip()
        if len(value) >= 2 and value[0].isupper():
            start = mention.start + offset + lead
            parts.append(_without_kind_word(Mention(start, start + len(value), value, mention.source)))
        offset += len(piece) + 1
    return parts


def _without_kind_word(mention: Mention) -> Mention:
    match = _KIND_WORD_AT_END.search(mention.text)
    if not match or match.start() < 2:
        return mention
    return Mention(mention.start, mention.start + match.start(), mention.text[: match.start()], mention.source)


def given_mentions(text: str, spans: list[tuple[int, int]]) -> list[Mention]:
    """Mentions at given offsets (gold spans, or `spans` of a JSONL input line)."""
    return [Mention(start, end, text[start:end], "given") for start, end in spans]


def _trim(span: Span, source: str) -> Mention | None:
    """Drop a leading article and a trailing possessive: "the Euphrates" -> "Euphrates", "Iraq's" -> "Iraq"."""
    start, end = span.start_char, span.end_char
    value = span.text
    lead = _LEADING.match(value)
    if lead:
        start += lead.end()
        value = value[lead.end():]
    trail = _TRAILING.search(value)
    if trail:
        end -= len(trail.group(0))
        value = value[: -len(trail.group(0))]
    value_stripped = value.rstrip(" .,")
    end -= len(value) - len(value_stripped)
    if len(value_stripped) < 2 or not value_stripped[0].isupper():
        return None
    return Mention(start, end, value_stripped, source)


def dateline_extent(text: str) -> int:
    """Where the dateline ("QAIM, Iraq —") ends at the start of the body, or 0 when there is none."""
    match = _DATELINE.match(text[:120])
    return match.end() if match else 0


def _dateline_mentions(text: str) -> list[Mention]:
    match = _DATELINE.match(text[:120])
    if not match:
        return []
    result = []
    for group in ("place", "region"):
        value = match.group(group)
        if value and value.strip():
            start = match.start(group)
            stripped = value.strip().rstrip(".")
            result.append(Mention(start, start + len(stripped), stripped, "dateline"))
    return result


# Capitalised word runs, with the lower-case particles of transliterated names: "Deir ez-Zor", "Al-Qaim".
_NAME_RUN = re.compile(
    r"\b[A-Z][\w’'‘-]*[\w](?:[ -](?:(?:al|el|ez|az|ad|as|ar|ash|an|at|ed|es|de|du|la|le|al-|el-|del|della|di|da|do|dos|das|"
    r"los|las|imeni)[ -]){0,2}[A-Z][\w’'‘-]*[\w]){0,3}"
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
    "airport", "university", "college", "school", "schools", "high", "operations", "command", "police", "army",
    "military", "forces", "council", "government", "authorities", "officials", "residents", "people", "border",
    "camp", "base", "mosque", "church", "hospital", "medical", "health", "prison", "court", "superior", "hall",
    "bridge", "road", "highway", "street", "drive", "avenue", "lane", "boulevard", "square", "market", "stadium",
    "crossing", "checkpoint", "station", "plant", "factory", "port", "dam", "mine", "refinery", "front", "frontline",
    "fire", "volunteer", "sheriff", "sheriffs", "library", "center", "centre", "club", "company", "office", "board",
    "news", "times", "herald", "journal", "tribune", "daily", "chamber", "commerce", "museum", "park", "zoo",
    "community", "public", "memorial", "regional", "national", "international", "association", "society", "water",
    "riding",
}
_PARTICLES = {"al", "el", "ez", "az", "ad", "as", "ar", "ash", "an", "at", "ed", "es", "de", "du", "la", "le", "al-", "el-",
              "del", "della", "di", "da", "do", "dos", "das", "los", "las", "imeni"}
# Verbs whose object is usually a place: "shelled Palmyra", "stormed Baghouz".
_PLACE_VERBS = {"shelled", "bombed", "stormed", "seized", "captured", "recaptured", "besieged", "liberated", "overran",
                "hit", "struck", "raided", "entered", "reached", "evacuated"}


def _rule_mentions(doc: Doc, text: str, gazetteer: Gazetteer, found: list[Mention]) -> list[Mention]:
    """Capitalised names the model did not tag as places but the gazetteer knows, with a locative clue
    or a large place behind them. The longest known sub-run wins ("Deir ez-Zor" over "Deir")."""
    taken = [(m.start, m.end) for m in found]
    other_entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ not in PLACE_LABELS]
    sentence_starts = {sent.start for sent in doc.sents}
    result = []
    for run in _NAME_RUN.finditer(text):
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
                mention = _rule_mention(doc, text, gazetteer, start, end, taken, other_entities, sentence_starts,
                                        well_known_only=in_other_name)
                if mention:
                    hit = mention
                    break
            if hit:
                result.append(hit)
                taken.append((hit.start, hit.end))
                break
    return result


def _run_word_key(word: str) -> str:
    return re.sub(r"['’]s$", "", word.lower()).strip("’'‘-")


def _rule_mention(doc, text, gazetteer, start, end, taken, other_entities, sentence_starts,
                  well_known_only: bool = False) -> Mention | None:
    name = text[start:end]
    if name in _COMMON_WORDS or len(name) < 3 or any(s < end and start < e for s, e in taken):
        return None
    if name.endswith(("'s", "’s")):
        return None  # folded, "America’s" would be the Americas (and "Paul's" a Paul)
    place_word_after = bool(_PLACE_WORD_AFTER.match(text[end : end + 25]))
    found = gazetteer.candidates(name, exact_only=not place_word_after)
    if not found and len(name) >= 6:
        # "in Ar-Raqqa", "off Hodeidah": an area, a country or a city under another transliteration
        after_locative = _after_locative(text, start)
        found = [c for c in gazetteer.candidates(name)
                 if c.admin_level in (0, 1) or (after_locative and c.population >= _VARIANT_CITY_POPULATION)]
    candidates = [c for c in found if c.place.latitude is not None or c.is_country]
    if well_known_only:  # part of another name: "Texas" of "Texas Tech" is a place, "Haram" of "Boko Haram" is not
        with_kind = bool(ADMIN_AFTER.match(" " + name.split()[-1])) if " " in name else False  # "Walker County"
        candidates = [c for c in candidates if c.admin_level in (0, 1) or c.population >= _WELL_KNOWN_POPULATION
                      or (with_kind and c.admin_level == 2)]
    if not candidates:
        return None
    prefix = _ARTICLE_PREFIX.search(text, max(0, start - 4), start)
    if prefix and not any(s < end and prefix.start() < e for s, e in taken):
        start, name = prefix.start(), text[prefix.start() : end]  # "in al-Hasakeh": the article is part of the name
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    before = span.start - 1
    if before >= 0 and doc[before].lower_ == "the":  # "on the Euphrates"
        before -= 1
    previous = doc[before].lower_ if before >= 0 else ""
    labels = {label for s, e, label in other_entities if s < end and start < e}
    if labels & {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}:
        return None
    admin_after = bool(ADMIN_AFTER.match(text[end : end + 30]))
    locative = previous in _LOCATIVE or previous in _PLACE_VERBS or admin_after
    if _is_hierarchy_parent(text, start, candidates):
        return Mention(start, end, name, "rule")
    big = any(c.admin_level is not None or c.population >= _RULE_MIN_POPULATION for c in candidates)
    sizeable = any(c.admin_level is not None or c.population >= 1_000 or c.place.feature_class in FEATURE_CLASSES
                   for c in candidates)
    if span.start in sentence_starts and not locative:
        return None  # a capitalised sentence opener is too often something else
    if labels:  # the model saw a person or an organisation: only a clear locative clue overrides it
        if place_word_after and not well_known_only:
            return Mention(start, end, name, "rule")  # "close to Ghazni city", "in Ar-Raqqa countryside"
        if sizeable and not well_known_only and _RELATIVE_OF.search(text, max(0, start - 40), start):
            return Mention(start, end, name, "rule")  # "east of Tubas", "the northern countryside of Aleppo"
        if not well_known_only and _KIND_OF.search(text, max(0, start - 30), start):
            return Mention(start, end, name, "rule")  # "the town of Hasbaya"
        if not (locative and sizeable and previous not in {"of", "and", "from", "to"}):
            return None
    elif not (locative or big):
        return None
    return Mention(start, end, name, "rule")


# "Chatsworth (eThekwini, KwaZulu-Natal)", "Porak area of Pul I Alam district, Logar", "Hit, Anbar":
# after a comma or an opening bracket that follows a name or a kind-of-area word.
_PARENT_SLOT = re.compile(r"(?:[A-Z][\w'’-]*|\b(?:province|governorate|district|region|county|oblast|municipality|"
                          r"city|town|village|area|commune|department|prefecture|state|zone|woreda|payam|lga|tehsil|"
                          r"sub-?district|township|locality|sector|neighbou?rhood|camp))\s*(?:,|\()\s*$")


# A lower-case Arabic article written before a name the run starts after: "in al-Hasakeh", "near ar-Rutba".
_ARTICLE_PREFIX = re.compile(r"(?<![\w-])(?:al|el|ar|as|ash|ad|an|az|at|ad|ez)-$")
# A direction or an edge before "of": the name after it is an anchor place ("east of Tubas", "the northern
# countryside of Aleppo", "on the outskirts of Gao"), whatever the model tagged it; and so is a name after a
# kind of place and "of" ("the town of Hasbaya", a village GeoNames gives no population).
_RELATIVE_OF = re.compile(r"\b(?:(?:north|south)(?:-?(?:east|west))?|east|west|(?:north|south)?(?:eastern|western)|northern|"
                          r"southern|outskirts|countryside|suburbs?|vicinity|environs)\s+of\s+(?:the\s+)?$", re.I)
_KIND_OF = re.compile(r"\b(?:the|a)\s+(?:town|village|city|district|province|governorate|municipality|commune|camp)\s+of\s+$", re.I)

_VARIANT_CITY_POPULATION = 100_000
_STRONG_LOCATIVE = {"in", "near", "off", "outside", "inside", "around"}


def _after_locative(text: str, start: int) -> bool:
    """Is the name right after "in", "near", "off" ...: a place however it is spelled ("off Hodeidah")?"""
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1].lower() in _STRONG_LOCATIVE


_PLACE_WORD_AFTER = re.compile(r"^\s+(?:city|town|village|countryside|district|province|governorate|municipality|"
                               r"township|subdivision|tehsil|commune|sub-?district)\b", re.I)


def _is_hierarchy_parent(text: str, start: int, candidates) -> bool:
    """An admin area (or a country) named where the admin hierarchy of a place is written: inside brackets
    ("(Rutshuru, Nord-Kivu)") or after a comma ("Pul I Alam district, Logar", "Cabanatuan, Nueva Ecija")."""
    window = text[max(0, start - 40) : start]
    if not _PARENT_SLOT.search(window):
        return False
    return any(c.admin_level is not None for c in candidates)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the earlier-listed mention where two overlap (dateline, then NER, then rules)."""
    kept: list[Mention] = []
    for mention in mentions:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
