"""Finding place names in an article: spaCy GPE/LOC/FAC entities, the dateline, and gazetteer-backed
rules for the names the small model misses or mislabels ("in Rutba" tagged PERSON, "near Hit" untagged;
the rules themselves are in `sitrep.geo.name_rules`).

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

from spacy.tokens import Doc, Span

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.mentions import PLACE_LABELS, Mention
from sitrep.geo.name_rules import name_runs, rule_mentions, widened
from sitrep.geo.names import US_STATE_ABBREVIATIONS
from sitrep.geo.relations import ADMIN_AFTER, relation_before
from sitrep.nlp.lines import line_words_around
from sitrep.nlp.selective import NAMED_RANGES
from sitrep.records import Article

_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING = re.compile(r"(?:'s|’s|'|’)$")
# A dateline at the start of the body: "QAIM, Iraq —", "BAGHDAD (Reuters) -", "Mosul, Iraq, July 3 —".
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z'’.\- ]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.\- ]{1,30}?))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s"
)




def find_mentions(doc: Doc, text: str, article: Article, gazetteer: Gazetteer) -> list[Mention]:
    """Place-name spans of the article (`text` is doc.text, passed since spaCy rebuilds it on each read)."""
    mentions = _dateline_mentions(text)
    entity_mentions = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            mention = _trim(ent, f"ner:{ent.label_}")
            if mention is not None and _KIND_WORD_AT_END.search(mention.text.lower()) and mention.text.split()[-1].islower():
                # "Hays city": a lower-case kind word is context, not the name ("Hays City" is Kansas' alternate name)
                mention = _without_kind_word(mention)
            parts = [mention] if mention is None or gazetteer.candidates(mention.text) else _split_unknown(mention)
            for part in parts:
                if part and (ent.label_ != "FAC" or gazetteer.candidates(part.text, exact_only=True)):
                    entity_mentions.append(part)
    runs = name_runs(text)
    entity_mentions = widened(entity_mentions, text, gazetteer, runs)
    features = _feature_mentions(doc, text, gazetteer)
    mentions.extend(features)  # before the model's entities: "Gulf of Aden" over its "Aden"
    mentions.extend(m for m in entity_mentions if not _yields_to_feature(m, features, gazetteer))
    surnames = _surnames(doc)
    mentions.extend(m for m in rule_mentions(doc, text, gazetteer, mentions, runs)
                    if m.text not in surnames or _big_place(m.text, gazetteer))
    # the model itself calls a person's surname alone a place ("Jennifer Fairfield ... Fairfield declined to plead")
    people = _surnames(doc, ("PERSON",))
    mentions = [m for m in mentions if not m.source.startswith("ner:") or m.text not in people
                or _big_place(m.text, gazetteer, 1_000_000)]
    named = doc.user_data.get(NAMED_RANGES)
    if named is not None:  # the rules tell names from places by the NER's other entities: only where it ran
        mentions = [m for m in mentions if m.source.startswith(("ner:", "dateline")) or any(s <= m.start and m.end <= e for s, e in named)]
    mentions = _without_overlaps(mentions)
    mentions = _without_overlaps(mentions + _repeated_names(mentions, doc, text, gazetteer, named))
    mentions = [m for m in mentions if not _NOT_A_PLACE_AFTER.match(text[m.end : m.end + 20])
                and not _NEWSPAPER_AFTER.match(text[m.end : m.end + 20]) and not _word_that_is_no_place(m, text)]
    if mentions:
        lower_words = set(_LOWER_WORD.findall(text))
        ends = {m.end for m in mentions}
        mentions = [m for m in mentions if not _a_word_not_a_place(m, text, lower_words, ends, gazetteer)]
    return mentions


def _repeated_names(mentions: list[Mention], doc: Doc, text: str, gazetteer: Gazetteer,
                    named: list[tuple[int, int]] | None) -> list[Mention]:
    """The other occurrences of a name the text writes as a place at least once ("near Holubivske", "in Bicester",
    "Murmansk, Russia"): a story means one place by one name, and the small model tags a town in one sentence but
    not the next ("Torrington firefighters", "the area of Holubivske [ORG], Luhansk"). An occurrence counts when the
    gazetteer knows the name as a place's own name or a place word stands before it too; never inside a longer name
    ("Luhansk People's Militia"), a person's name or a longer entity of another kind, nor where the model did not
    run. The model's lone mistakes ("Lincoln visited the capital", "the Olympic projects") are not repeated."""
    starts = {m.start for m in mentions}
    names = {m.text for m in mentions if _written_as_place(text, m.start, m.end, starts)}
    others = [(e.start_char, e.end_char) for e in doc.ents
              if e.label_ not in PLACE_LABELS and (e.label_ == "PERSON" or e.text not in names)]
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    for name in names:
        known = any(c.preferred for c in gazetteer.candidates(name, exact_only=True))
        for match in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’-])", text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken + others) or _in_longer_name(text, start, end):
                continue
            if named is not None and not any(s <= start and end <= e for s, e in named):
                continue
            if known or _written_as_place(text, start, end, starts):
                found.append(Mention(start, end, name, "repeat"))
    return found


_COMMA = re.compile(r"\s*,\s*")


def _written_as_place(text: str, start: int, end: int, mention_starts: set[int]) -> bool:
    """A place word before the name ("in", "from", "near", "in the area of") or a place after its comma
    ("Holubivske, Luhansk")."""
    if _LOCATIVE_BEFORE.search(text, max(0, start - 25), start) or relation_before(text, start):
        return True
    comma = _COMMA.match(text, end)
    return comma is not None and comma.end() in mention_starts


def _a_word_not_a_place(mention: Mention, text: str, lower_words: set[str], ends: set[int], gazetteer: Gazetteer) -> bool:
    """Is this one-word name a masthead, an acronym or an ordinary word rather than a place? A dateline or a
    place locative before it ("in Hit" beside "was hit by", "in GAZA") keeps it whatever else it could be."""
    if not mention.text.isalpha() or mention.source.startswith("dateline"):
        return False
    if _PLACE_BEFORE.search(text, max(0, mention.start - 20), mention.start):
        return False
    return _masthead(mention, text) or _ordinary_word(mention, text, lower_words, ends, gazetteer)


_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_DATELINE_SHAPE = re.compile(r"\s*(?:,|\(|—|–|-|\x97|\x96)")  # \x97, \x96: cp1252 dashes read as Latin-1
_SENTENCE_ENDS_BEFORE = re.compile(r"[.!?]\s+$")


def _masthead(mention: Mention, text: str) -> bool:
    """Is this one capitalised word in running text ("told Sunday PUNCH that") a masthead or an acronym
    rather than a place (Poonch)? News writes places in capitals only in datelines and headlines."""
    word = mention.text
    if len(word) < 4 or not word.isupper():
        return False
    before, after = line_words_around(text, mention.start, mention.end, _WORD)
    line_start = text.rfind("\n", 0, mention.start) + 1
    if not before or _DATELINE_SHAPE.match(text, mention.end) or _SENTENCE_ENDS_BEFORE.search(text, line_start, mention.start):
        # a dateline further down, after a headline on the same line ("... in debt. MANSFIELD — The City Council"),
        # or at a line's start ("KAJANG, Sept 17 —"); a heading
        return False
    return sum(not w.isupper() for w in before + after) >= 2


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*[a-z]\b")
# A locative that makes the next name a place whatever else the word means: "in Hit", "near Nice".
_LOCATIVES = r"in|near|at|outside|inside|around|into|across|through|towards?"
_PLACE_BEFORE = re.compile(rf"\b(?:{_LOCATIVES})\s+(?:the\s+)?$", re.I)
_LOCATIVE_BEFORE = re.compile(rf"\b(?:{_LOCATIVES}|from)\s+(?:the\s+)?$", re.I)  # "from" too: a name written as a place
_LIST_BEFORE = re.compile(r"(?:,|\s+and|\s+or)\s+$")


def _ordinary_word(mention: Mention, text: str, lower_words: set[str], ends: set[int], gazetteer: Gazetteer) -> bool:
    """Is this one-word name an ordinary word the article also writes in lower case? "Detention of Gay and
    Transgender People" beside "gay people" names no town in Russia, nor "the Court on Human and People's
    Rights" beside "human rights" Uman (Humań). A place listed before it ("in Ramadi, Hit and Haditha") and a
    country's or first-level area's name keep it."""
    word = mention.text
    if word.lower() not in lower_words:
        return False
    listed = _LIST_BEFORE.search(text, max(0, mention.start - 6), mention.start)
    if listed and listed.start() in ends:
        return False
    return not any(c.place.feature_code.startswith(("PCL", "ADM1")) for c in gazetteer.candidates(word))


# A name that qualifies a currency ("the US dollar"), a disease ("Marburg virus", "Lassa fever": named after a place,
# found anywhere) or a newspaper ("the Washington Post reported") is no place of the story.
_NOT_A_PLACE_AFTER = re.compile(r"^\s+(?:dollars?|currency|virus(?:es)?|fever|(?:ha?emorrhagic|disease)\b)\b", re.I)
_NEWSPAPER_AFTER = re.compile(r"^\s+(?:Post|Times|Herald|Tribune|Gazette|Chronicle|Examiner|Star-Ledger|Dispatch)\b")
# A title abbreviation before a name ("Gen. Hlaing", "Col. Ahmed") is no place (Gen: Gennes-sur-Seiche), nor is a news
# outlet that opens the body like a dateline ("Al Jazeera — Ugandan activists say") or names itself anywhere.
_TITLE_ABBREVIATIONS = {"gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "brig", "cmdr", "gov", "sen",
                        "rep", "rev", "prof", "insp", "supt", "hon", "pres", "amb", "dr", "mr", "mrs", "ms", "messrs"}
_OUTLETS = {"al jazeera", "aljazeera", "al arabiya", "alarabiya", "reuters", "xinhua", "afp", "ians", "pti",  # not "AP": Andhra Pradesh
            "anadolu", "anadolu agency", "bernama", "efe", "ansa", "dpa", "tass", "ria novosti", "sputnik", "irna"}


def _surnames(doc: Doc, labels: tuple[str, ...] = ("PERSON", "ORG")) -> set[str]:
    """The last words of the article's names of people ("Chelsea Manning", which the small model may call an
    organisation): the word alone later is that person ("Because of Manning, Assange and WikiLeaks"), not Manning,
    South Carolina. Names with "of" are institutions ("University of Mosul")."""
    return {ent[-1].text for ent in doc.ents if ent.label_ in labels and 2 <= len(ent) <= 3
            and all(t.text[:1].isupper() for t in ent) and not any(t.lower_ == "of" for t in ent)}


def _big_place(name: str, gazetteer: Gazetteer, population: int = 100_000) -> bool:
    """A country, a first-level area or a city of `population`+ under its own name: "Jordan" stays a place ("Scott
    County" is no reading of "Scott")."""
    return any(c.preferred and (c.admin_level in (0, 1) or (c.admin_level is None and c.population >= population))
               for c in gazetteer.candidates(name, exact_only=True))


# A state's AP-style abbreviation is one only with its full stop: "Jackson, Miss." but not "the Miss category";
# and a contraction is no abbreviation at all ("I'll" folds to Ill., Illinois).
_WORDLIKE_ABBREVIATIONS = {a.rstrip(".") for names in US_STATE_ABBREVIATIONS.values() for a in names if "." not in a.rstrip(".")}
_CONTRACTION = re.compile(r"^\w+['’](?:ll|d|m|ve|re|s|t)$", re.IGNORECASE)


def _word_that_is_no_place(mention: Mention, text: str) -> bool:
    """A title, an outlet, a contraction, or a state abbreviation written without its full stop."""
    key = mention.text.lower().replace("-", " ").replace("  ", " ")
    stop_after = text[mention.end : mention.end + 1] == "."
    return ((key in _TITLE_ABBREVIATIONS and stop_after) or key in _OUTLETS or bool(_CONTRACTION.match(mention.text))
            or (mention.text in _WORDLIKE_ABBREVIATIONS and not stop_after))


# A kind-of-area word the model took into the name: "Diyala province", "Piura city", "Zahle City".
_KIND_WORD_AT_END = re.compile(r"\s+(?:province|governorate|district|region|state|county|oblast|municipality|city|town|"
                               r"village|prefecture|department|division|area|camp|township|subdivision|tehsil|commune|"
                               r"sub-?district|locality|ward)$", re.I)
# A military or air facility named after its town, which the model took as one place name: "Hama Airbase",
# "Kandahar Air Field", "Menagh Military Airport" are at (or by) Hama, Kandahar, Menagh.
_FACILITY_AT_END = re.compile(r"\s+(?:(?:military|international|army|naval)\s+)?(?:air\s?base|air\s?port|air\s?field|"
                              r"air\s?strip|(?:military\s+)?base|barracks)$", re.I)


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


def _in_longer_name(text: str, start: int, end: int) -> bool:
    before = re.search(r"([\w’'-]+)\s+$", text[max(0, start - 30) : start])
    if before and before.group(1)[:1].isupper() and before.group(1).lower() not in _OPENERS:
        return True  # "Upper Nile", "Blue Nile", "Greater Caucasus" (a hyphen: "Trans-Pacific" is no word start)
    after = re.match(r"\s+(?:(?:do|da|de|del|dos|das|di)\s+)?([\w’'-]+)", text[end : end + 40])
    if after and after.group(1)[:1].isupper():
        return True  # "Pacific Islands Forum", "Euphrates Shield", "Nile Hilton", "Rio Grande do Sul"
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


# A kind-of-area word and "of" the model took into the name: "Municipality of Allende", "District of Columbia" being
# known whole (only names the gazetteer does not know whole lose it).
_KIND_OF_AT_START = re.compile(r"^(?:municipality|district|province|governorate|county|department|region|state|city|town|"
                               r"village|commune|prefecture|oblast)\s+of\s+(?=[A-Z])", re.I)


# A part-of-area adjective the model took into a name the gazetteer does not know whole: "Northern Iraq" is
# Iraq ("North Korea", "South Sudan", "Western Sahara" are known whole and keep it).
_DIRECTION_AT_START = re.compile(r"^(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
                                 r"south-?western|central)\s+(?=[A-Z])", re.I)


def _without_kind_word(mention: Mention) -> Mention:
    lead = _KIND_OF_AT_START.match(mention.text) or _DIRECTION_AT_START.match(mention.text)
    if lead:
        mention = Mention(mention.start + lead.end(), mention.end, mention.text[lead.end():], mention.source)
    match = _KIND_WORD_AT_END.search(mention.text) or _FACILITY_AT_END.search(mention.text)
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


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the earlier-listed mention where two overlap (dateline, then NER, then rules)."""
    kept: list[Mention] = []
    for mention in mentions:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
