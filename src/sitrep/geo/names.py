"""Place-name keys: ASCII folding and the loose key that absorbs Arabic-transliteration variants.

Two keys are stored for every name. `fold` is the name in lower-case ASCII with punctuation
removed ("Ar Ruţbah" -> "ar rutbah"); `loose` also drops the Arabic article and the spelling
habits that vary between transliterations ("Al-Qa'im", "Al Qā’im", "Qaim" -> "qaim";
"Ar Rutbah", "Rutba" -> "rutba"; "Baghouz", "Baghuz" -> "baghuz"). Lookups try `fold` first
and fall back to `loose`, so an exact spelling always wins over a variant.
"""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

# The Arabic article as English news writes it, assimilated or not: al-, el-, ar-, as-, ash- ...
ARABIC_ARTICLES = ("al", "el", "ar", "as", "ash", "ad", "adh", "at", "ath", "az", "an", "ad", "ez", "es", "er", "en", "et")
_ARTICLE_RE = re.compile(r"^(?:" + "|".join(sorted(set(ARABIC_ARTICLES), key=len, reverse=True)) + r")\s+(?=\w{3})")
_APOSTROPHES = "'’‘`ʿʾ´ʻ"
_NON_WORD = re.compile(r"[^a-z0-9]+")

# Words that name the kind of admin area, stripped to get the area's own name ("Anbar Province" -> "Anbar").
ADMIN_WORDS = (
    "governorate", "province", "provinz", "district", "region", "state", "prefecture", "oblast", "department",
    "departement", "municipality", "county", "parish", "qada", "qadha", "muhafazat", "muhafazah", "wilayah",
    "wilayat", "division", "territory", "emirate", "regional state", "local government area", "lga", "city of",
    "metropolitan",  # "Nelson Mandela Bay Metropolitan Municipality" -> "Nelson Mandela Bay"
)
_ADMIN_WORDS_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ADMIN_WORDS) + r")\b")


def fold(name: str) -> str:
    """Lower-case ASCII with punctuation folded to single spaces; apostrophes vanish ("Qa'im" -> "qaim")."""
    text = unicodedata.normalize("NFKC", name)
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    text = unidecode(text).lower().replace("'", "")
    return _NON_WORD.sub(" ", text).strip()


# Common Arabic name words written several ways: "Ein Issa" / "Ayn Issa", "Ras al-Ain" / "Ra's al 'Ayn",
# "Tal Abyad" / "Tell Abiad" / "Tall Abyad" (after the doubled letters are dropped).
_SAME_WORD = {"ayn": "ain", "aain": "ain", "tel": "tal", "til": "tal"}


def loose(name: str) -> str:
    """The variant-absorbing key: no Arabic article, no final -h after a vowel, ou->u, ee->i, a final -y after a
    consonant as -i, no doubled letters, one spelling of ain/ayn/ein and tal/tell/tall."""
    key = fold(name)
    key = _ARTICLE_RE.sub("", key)
    words = []
    for word in key.split():
        word = word.replace("ou", "u").replace("ee", "i").replace("ei", "ai").replace("dh", "d").replace("kh", "k")
        word = word.replace("q", "k")
        if len(word) > 3 and word.endswith("ah"):
            word = word[:-1]
        if len(word) > 4 and word.endswith("y") and word[-2] not in "aeiou":
            word = word[:-1] + "i"  # "Sangareddy" / "Sangareddi", "Kothapally" / "Kothapalli"
        word = re.sub(r"(.)\1+", r"\1", word)
        words.append(_SAME_WORD.get(word, word))
    return "".join(words)


def consonant_skeleton(name: str) -> str:
    """The name's consonants, for transliterations that differ in their vowels ("Budgam" / "Badgam", "Girishk" /
    "Gereshk", "Nahri Saraj" / "Nahr-e Saraj"): no article, kh/q/dh/ph/w as k/k/d/f/v, no vowels, no doubles.
    Too loose for a lookup on its own; `Gazetteer.variants_in_area` compares it inside a written parent only."""
    key = _ARTICLE_RE.sub("", fold(name))
    key = re.sub(r"[^a-z]", "", key)
    for written, spoken in (("kh", "k"), ("q", "k"), ("dh", "d"), ("ph", "f"), ("w", "v")):
        key = key.replace(written, spoken)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", key))


SKELETON_MIN_CONSONANTS = 4  # three consonants match too much ("Kirkuk", "Karak")


def skeleton_rows(rows) -> list[tuple[str, int]]:
    """(skeleton, geonameid) rows for the `skeletons` table from (folded key, geonameid) pairs."""
    found = {(consonant_skeleton(key), gid) for key, gid in rows}
    return [(skeleton, gid) for skeleton, gid in found if len(skeleton) >= SKELETON_MIN_CONSONANTS]


def strip_admin_words(name: str) -> str:
    """"Anbar Province" -> "anbar": the folded name without the words for the kind of area."""
    key = _ADMIN_WORDS_RE.sub(" ", fold(name))
    return " ".join(key.split())


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (other scripts fold to nonsense: 'ميادين' -> 'mydyn')."""
    for char in name:
        if char.isalpha() and not ("LATIN" in unicodedata.name(char, "")):
            return False
    return True


def is_usable_alias(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised (GeoNames' lower-case ones are machine
    transliterations such as 'alrtbt'), not an airport or other code in capitals."""
    name = name.strip()
    if len(name) < 3 or not is_latin(name):
        return False
    if not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO codes such as "BGW", "KIK"
        return False
    return True


# ACLED spells some countries differently from GeoNames (keyed by ISO 3166-1 alpha-2).
ACLED_COUNTRY_NAMES = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "NL": "Netherlands",
    "PS": "Palestine",
    "SZ": "eSwatini",
    "TL": "East Timor",
    "VA": "Vatican City",
    "BQ": "Caribbean Netherlands",
    "BL": "Saint-Barthelemy",
    "MF": "Saint-Martin",
    "VI": "Virgin Islands, U.S.",
    "FM": "Micronesia",
    "MK": "North Macedonia",
    "KR": "South Korea",
    "KP": "North Korea",
    "LA": "Laos",
}

# Common short or old names that the packaged lists lack, as news writes them.
EXTRA_COUNTRY_ALIASES = {
    "US": ["US", "U.S", "USA", "U.S.", "U.S.A.", "United States of America", "America", "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "AE": ["UAE", "U.A.E."],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "PS": ["Palestine", "Palestinian Territories", "West Bank and Gaza"],
    "MM": ["Burma"],
    "SZ": ["Swaziland", "eSwatini"],
    "TL": ["East Timor", "Timor-Leste"],
    "CZ": ["Czech Republic"],
    "MK": ["Macedonia"],
    "TR": ["Turkiye", "Türkiye"],
    "CV": ["Cape Verde"],
    "NL": ["Netherlands", "Holland"],
}

# Former names of countries that news still uses, above all in history and health reporting ("the Zaire
# strain of Ebola"). Resolution reads them at run time (the gazetteer file needs no rebuild for them).
FORMER_COUNTRY_NAMES = {
    "CD": ["Zaire", "Zaïre"], "BJ": ["Dahomey"], "BF": ["Upper Volta"], "LK": ["Ceylon"], "ZW": ["Rhodesia"],
    "TH": ["Siam"], "KH": ["Kampuchea"], "BW": ["Bechuanaland"], "MW": ["Nyasaland"], "ZM": ["Northern Rhodesia"],
}
FORMER_COUNTRY_CODES = {fold(name): code for code, names in FORMER_COUNTRY_NAMES.items() for name in names}

# AP-style abbreviations of US states (keyed by GeoNames admin1 code, which is the postal code).
US_STATE_ABBREVIATIONS = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."], "CO": ["Colo."], "CT": ["Conn."],
    "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."],
    "KY": ["Ky."], "LA": ["La."], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."],
    "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D.", "N.Dak."], "OK": ["Okla."],
    "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D.", "S.Dak."],
    "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."], "WV": ["W.Va.", "W.Va"],
    "WI": ["Wis.", "Wisc."], "WY": ["Wyo."], "DC": ["D.C."],
}

# Canadian Press, Australian, Indian and Pakistani abbreviations of provinces and states, by GeoNames admin1
# code; the ones that are also common words, first names or other bodies' initials ("Man.", "Vic.", "ACT",
# "WA"; "UP", "MP", "AP", "TN", "KP": Union Parishad, Member of Parliament, Associated Press, Tennessee) are left out.
OTHER_ADMIN1_ABBREVIATIONS = {
    ("IN", "12"): ["J&K"], ("PK", "03"): ["KPK"], ("PK", "06"): ["AJK"],
    ("CA", "01"): ["Alta."], ("CA", "02"): ["B.C."], ("CA", "04"): ["N.B."], ("CA", "05"): ["Nfld."],
    ("CA", "07"): ["N.S."], ("CA", "08"): ["Ont."], ("CA", "09"): ["P.E.I.", "PEI"], ("CA", "10"): ["Que."],
    ("CA", "11"): ["Sask."], ("CA", "13"): ["N.W.T.", "NWT"],
    ("AU", "02"): ["NSW", "N.S.W."], ("AU", "04"): ["Qld", "QLD"], ("AU", "06"): ["Tas."],
}

# Abbreviations inside names, expanded when a name is not found as written: "Loudon Co." -> "Loudon County".
NAME_ABBREVIATIONS = {"co": "county", "st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point",
                      "twp": "township", "is": "island", "prov": "province", "gov": "governorate"}


def expansions(name: str) -> list[str]:
    """Spellings of `name` with its abbreviated words written out (none when nothing is abbreviated)."""
    words = fold(name).split()
    expanded = [NAME_ABBREVIATIONS.get(w, w) for w in words]
    return [" ".join(expanded)] if expanded != words else []
