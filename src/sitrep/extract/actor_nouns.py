"""Generic nouns as actors: "Iraqi soldiers", "gunmen", "Fellata and Rizeigat communal militias".

A generic noun takes its country from a demonym in the phrase (else the event's), and may
refer back to a group the article named: "the militants" to the jihadist group named before,
"police officers" to the police unit named before. Used by `actor_mentions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from sitrep.records import ActorRef

if TYPE_CHECKING:
    from sitrep.extract.actor_kb import ActorEntry, ActorKB

_COMMUNAL = {
    "communal_militia",
    "tribal_militia",
    "clan_militia",
}  # a national army or police by its own name, valid abroad


@dataclass
class Hit:
    start: int  # token indices in the Doc
    end: int
    kind: str  # "named" | "generic"
    key: str  # lower-case alias or noun


def _phrase_country(kb: "ActorKB", doc: Doc, start: int, end: int) -> tuple[str | None, int]:
    """A country named inside the phrase ("the army of Iraq", "Iraqi soldiers", "Iraq's army"),
    with the first token of the mention including it."""
    root = doc[start:end].root
    window = [t for t in root.lefts if t.i < start]
    for tok in reversed(doc[max(0, start - 3) : start]):
        if tok.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "CCONJ") and tok.text != "-":
            break
        window.append(tok)
    for tok in window:
        country = country_word(kb, tok)
        if country:
            first = tok.i - 1 if kb.country_of(f"{doc[tok.i - 1].text} {tok.text}" if tok.i else "") else tok.i
            between = doc[first:start]
            if not any(t.pos_ in ("CCONJ", "PUNCT", "VERB") and t.text != "-" for t in between) and start - 3 <= first:
                return country, first
            break
    for prep in (t for t in root.rights if t.dep_ == "prep" and t.lower_ == "of"):
        for tok in prep.children:
            country = country_word(kb, tok)
            if country:
                return country, start
    for tok in window:  # a demonym shared across a coordination: "Iraqi police and soldiers"
        country = country_word(kb, tok)
        if country:
            return country, start
    return None, start


def coordinated_countries(kb: "ActorKB", doc: Doc, hit: Hit, first: int, found: str | None) -> list[tuple[str, int]]:
    """Other countries coordinated with the one found: "Turkish and Russian forces", "forces of India and Pakistan"."""
    if not found:
        return []
    extra = []
    tok_i = first - 1
    while tok_i >= 1 and doc[tok_i].pos_ in ("CCONJ", "PUNCT") and doc[tok_i].text in ("and", ",", "or", "&"):
        country = country_word(kb, doc[tok_i - 1])
        if not country or country == found:
            break
        extra.append((country, tok_i - 1))
        tok_i -= 2
    root = doc[hit.start : hit.end].root
    for prep in (t for t in root.rights if t.dep_ == "prep" and t.lower_ == "of"):
        for pobj in prep.children:
            for conj in pobj.conjuncts:
                country = country_word(kb, conj)
                if country and country != found:
                    extra.append((country, conj.i))
    return extra


def country_word(kb: "ActorKB", tok) -> str | None:
    """The country a capitalised demonym or country name names, one or two words ("South Sudanese")."""
    texts = [tok.text] + ([f"{tok.nbor(-1).text} {tok.text}"] if tok.i > 0 else [])
    for text in reversed(texts):
        if text[:1].isupper():
            country = kb.country_of(text)
            if country:
                return country
    return None


def _jihadist_before(kb: "ActorKB", doc: Doc, hits: list[Hit], at: int, country, on_date) -> "ActorEntry | None":
    """The jihadist group the article named last before token `at` (else first after it)."""
    best, after = None, None
    for hit in hits:
        if hit.kind != "named":
            continue
        entries = [e for e in kb.candidates(hit.key) if e.jihadist]
        if not entries:
            continue
        if hit.start < at:
            best = entries
        elif after is None:
            after = entries
    chosen = best or after
    return kb.choose(chosen, country, on_date) if chosen else None


def generic_refs(kb: "ActorKB", doc: Doc, hits: list[Hit], hit: Hit, country, on_date) -> list[ActorRef]:
    classes = kb.noun_classes.get(hit.key, [])
    phrase_country, first = _phrase_country(kb, doc, hit.start, hit.end)
    actor_country = phrase_country or country
    primary = next((c for c in classes if c.role == "primary"), None)
    refs: list[ActorRef] = []
    if primary is not None and primary.key in _COMMUNAL and actor_country:
        ethnic = _ethnic_refs(kb, doc, hit, actor_country, on_date, country)
        if ethnic:
            return ethnic
        named = _named_lineage(doc, hit, primary.key, actor_country)
        if named is not None:
            return [place(named, doc, named.start, named.end)]
    if primary is not None and primary.state in ("military", "police") and actor_country == country:
        unit = _unit_before(kb, doc, hits, hit, country, on_date)
        if unit is not None:
            return [place(kb.entry_ref(unit, on_date, country), doc, first, hit.end)]
    if hit.key in kb.militant_nouns and not phrase_country:
        entry = _jihadist_before(kb, doc, hits, hit.start, country, on_date)
        if entry is not None:
            return [place(kb.entry_ref(entry, on_date, country), doc, hit.start, hit.end)]
        if primary is None:
            primary = kb.generic.get("unidentified_armed_group")
    if primary is None and "civilians" in kb.generic:
        primary = kb.generic["civilians"]
    if primary is not None:
        for other_country, tok_i in coordinated_countries(kb, doc, hit, first, phrase_country):
            # "Turkish and Russian forces": one actor per country, the earlier at its demonym
            refs.append(place(kb.generic_ref(primary, other_country, on_date, country), doc, tok_i, tok_i + 1))
        refs.append(place(kb.generic_ref(primary, actor_country, on_date, country), doc, first, hit.end))
    for cls in classes:
        if cls.role == "associate":
            refs.append(place(kb.generic_ref(cls, actor_country, on_date, country), doc, first, hit.end))
    return refs


def _ethnic_refs(kb: "ActorKB", doc: Doc, hit: Hit, country: str, on_date, event_country) -> list[ActorRef]:
    """One ethnic militia per group named before the noun: "Fellata and Rizeigat communal militias"."""
    found = []
    for tok in reversed(doc[max(0, hit.start - 6) : hit.start]):
        if tok.pos_ in ("VERB", "AUX", "ADP") or (tok.pos_ == "PUNCT" and tok.text != ","):
            break
        pair = f"{doc[tok.i - 1].lower_} {tok.lower_}" if tok.i else ""
        entry = kb.ethnic.get((pair, country)) or kb.ethnic.get((tok.lower_, country))
        if entry is not None and tok.text[:1].isupper():
            found.append((tok.i - (1 if (pair, country) in kb.ethnic else 0), tok.i + 1, entry))
    refs = []
    for n, (start, end, entry) in enumerate(reversed(found)):
        last = n == len(found) - 1
        refs.append(place(kb.entry_ref(entry, on_date, event_country), doc, start, hit.end if last else end))
    return refs


_LINEAGE = {
    "tribal_militia": ("Tribal Militia", {"tribe", "tribes", "tribesmen"}),
    "clan_militia": ("Clan Militia", {"clan", "clans", "sub-clan", "sub-clans", "subclan", "clansmen"}),
}


def _named_lineage(doc: Doc, hit: Hit, key: str, country: str) -> ActorRef | None:
    """ACLED names tribe and clan militias after the lineage: "Al Bujayri tribes" -> "Al Bujayri Tribal
    Militia (Yemen)"; "militiamen from the Leelkayse clan" -> "Leelkayse Clan Militia (Somalia)"."""
    words: list = []
    head_noun = doc[hit.start : hit.end].root
    label = _LINEAGE.get(key, ("", set()))[0]
    if key == "communal_militia":  # "militiamen from the X clan"
        for prep in (t for t in head_noun.rights if t.dep_ == "prep" and t.lower_ in ("from", "of")):
            for pobj in prep.children:
                for lineage_key, (lineage_label, lemmas) in _LINEAGE.items():
                    if pobj.lower_ in lemmas:
                        words, label, head_noun = [t for t in pobj.lefts if t.pos_ == "PROPN"], lineage_label, pobj
    elif key in _LINEAGE:
        tok_i = hit.start - 1
        while tok_i >= 0 and doc[tok_i].pos_ == "PROPN" and doc[tok_i].text[:1].isupper():
            words.insert(0, doc[tok_i])
            tok_i -= 1
    if not words or not label:
        return None
    name = " ".join(t.text for t in words)
    start = min(words[0].i, hit.start)
    end = max(hit.end, head_noun.i + 1)
    ref = ActorRef(f"{name} {label} ({country})", 4, country, "identity_militia")
    ref.start, ref.end = start, end  # token offsets until place() turns them into characters
    return ref


# Words too common to tie a generic noun to a named unit ("forces" is not the PMF).
_UNIT_STOPWORDS = {
    "forces",
    "force",
    "security",
    "personnel",
    "officers",
    "officer",
    "units",
    "unit",
    "troops",
    "army",
    "military",
    "men",
    "members",
    "agents",
    "of",
    "the",
    "and",
    "special",
}


def _unit_before(kb: "ActorKB", doc: Doc, hits: list[Hit], hit: Hit, country, on_date) -> "ActorEntry | None":
    """A named state unit the article mentioned earlier that this generic noun refers back to:
    "the Military Police carried out an operation ... police officers were shot"."""
    words = {t.lower_ for t in doc[hit.start : hit.end]} - _UNIT_STOPWORDS
    if not words:
        return None
    best = None
    for other in hits:
        if other.start >= hit.start:
            break
        if other.kind != "named":
            continue
        for entry in kb.candidates(other.key):
            if entry.country == country and "{" in entry.name and entry.name not in ("{military}", "{police}"):
                alias_words = {w for a in kb.entry_aliases(entry) for w in a.lower().split()}
                if words & alias_words and entry.active_on(on_date):
                    best = entry
    return best


def place(ref: ActorRef, doc: Doc, start: int, end: int) -> ActorRef:
    span = doc[start:end]
    ref.mention, ref.start, ref.end = span.text, span.start_char, span.end_char
    return ref
