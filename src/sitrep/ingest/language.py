"""Offline language identification with py3langid (a maintained fork of langid.py; the model ships in the wheel).

Only English articles go on to extraction; the others are reported and skipped.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The written languages news arrives in. py3langid also knows many creoles and regional varieties
# (e.g. Nigerian Pidgin, Luxembourgish) that short English news about their regions gets mistaken for;
# leaving them out keeps "Boko Haram insurgents attacked Konduga" English.
NEWS_LANGUAGES = (
    "af am ar az be bg bn bs ca cs cy da de el en es et eu fa fi fr ga gl gu ha he hi hr hu hy id ig is it "
    "ja ka kk km kn ko ku ky lo lt lv mg mk ml mn mr ms mt my ne nl no om pa pl ps pt ro ru rw si sk sl so "
    "sq sr sv sw ta te tg th tl tr uk ur uz vi xh yo zh zu"
).split()

_LETTER = re.compile(r"[^\W\d_]")
SAMPLE_CHARS = 1500  # the start of an article decides its language: a few sentences are enough and fast
MIN_LETTERS = 12  # below this there is nothing to identify
SURE = 0.5  # a non-English answer must be at least this probable to skip an article
# English prose full of foreign names (a Tagalog union's name, Somali clan names) can score
# as another language; its function words still show it is English.
ENGLISH_WORD_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a an on at by for from with was were is are be been has have had that this these those "
    "it its as or but not no after before during against over into about while which who whom whose they "
    "their them he she his her we our said says than then there near".split()
)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(NEWS_LANGUAGES)
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or the answer unsure.

    English among the top three counts as English when the best answer is unsure (short items full
    of foreign place names score low on every language) or when English function words are common.
    """
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample, endpos=SAMPLE_CHARS)) < MIN_LETTERS:
        return None
    ranked = _identifier().rank(sample)
    best, probability = ranked[0]
    english_ranked = any(code == "en" for code, _ in ranked[:3])
    if best == "en":
        return best
    if english_ranked and (probability < SURE or english_word_share(sample) >= ENGLISH_WORD_SHARE):
        return "en"
    return best if probability >= SURE else None


def english_word_share(text: str) -> float:
    """Share of the words that are English function words (about 0.4 in English prose, near 0 in others)."""
    words = _WORD.findall(text.lower())
    return sum(word in _ENGLISH_FUNCTION_WORDS for word in words) / len(words) if words else 0.0
