"""Finding actors in text: named groups by alias, and generic nouns ("gunmen", "Iraqi soldiers").

One spaCy PhraseMatcher pass per Doc (cached on the Doc) finds every alias and generic noun;
`match_mentions` then keeps the longest non-overlapping hits inside the asked span, gives
generic nouns their country (a demonym in the phrase, else the event country) and, for
"militants" / "jihadists" in an article naming a jihadist group, that group.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from sitrep.extract.actor_nouns import Hit, coordinated_countries, generic_refs, place
from sitrep.records import ActorRef

if TYPE_CHECKING:
    from sitrep.extract.actor_kb import ActorEntry, ActorKB

_CACHE_KEY = "sitrep_actor_hits"
MATCH_CONTEXT_KEY = "sitrep_actor_match"  # the KB and event date mentions were last matched with
_NATIONAL = {"{military}", "{police}"}
_STATE_OF = re.compile(r"^(Military|Police) Forces of (?:the )?(.+?) \(")
_ARMED_CLASSES = {"military", "police", "unidentified_armed_group", "islamist_militia", "gang"}


def _is_case_sensitive(alias: str) -> bool:
    """Short acronyms must match as written: all capitals ("IS", "AA", "CV"), or mixed like "LeT" and
    "JeM" (two capitals or more in five letters or fewer), or "is" would be ISIS and "Let" Lashkar-e-Taiba."""
    letters = alias.replace(".", "").replace("-", "")
    capitals = sum(ch.isupper() for ch in letters)
    return (letters.isupper() and len(letters) <= 4) or (len(letters) <= 5 and capitals >= 2)


def _matchers(kb: "ActorKB", vocab) -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    cached = kb._matchers.get(id(vocab))
    if cached and cached[0] is vocab:
        return cached[1]
    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    named_lower = PhraseMatcher(vocab, attr="LOWER")
    named_orth = PhraseMatcher(vocab, attr="ORTH")
    generic = PhraseMatcher(vocab, attr="LOWER")
    lower_aliases, orth_aliases = [], []
    for entry in kb.entries:
        for alias in kb.entry_aliases(entry):
            if "{" in alias:
                continue
            (orth_aliases if _is_case_sensitive(alias) else lower_aliases).append(alias)
    for alias in sorted(set(lower_aliases)):
        named_lower.add(alias.lower(), [tokenizer(alias)])
    for alias in sorted(set(orth_aliases)):
        named_orth.add(alias.lower(), [tokenizer(alias)])
    nouns = {n for cls in kb.generic.values() for n in cls.nouns} | kb.militant_nouns
    for noun in sorted(nouns):
        generic.add(noun.lower(), [tokenizer(noun)])
    result = (named_lower, named_orth, generic)
    kb._matchers[id(vocab)] = (vocab, result)
    return result


def _doc_hits(kb: "ActorKB", doc: Doc, country: str | None) -> list[Hit]:
    """Alias and generic-noun hits in the Doc, longest first, without overlaps; cached on the Doc.

    Aliases that do not count in `country` (see `_named_allowed`) are dropped before overlaps
    are resolved, so the generic words inside them still count.
    """
    cache = doc.user_data.setdefault(_CACHE_KEY, {})
    cached = cache.get(country)
    if cached is not None and cached[0] is kb:
        return cached[1]
    named_lower, named_orth, generic = _matchers(kb, doc.vocab)
    strings = doc.vocab.strings
    raw: list[Hit] = []
    for matcher, kind in ((named_lower, "named"), (named_orth, "named"), (generic, "generic")):
        for match_id, start, end in matcher(doc):
            key = strings[match_id]
            if kind == "named" and not _named_allowed(key, doc[start:end].text, kb.candidates(key), country):
                continue
            if kind == "named" and _opposed(doc, start):
                continue  # "anti-Houthi forces" are not the Houthis
            raw.append(Hit(start, end, kind, key))
    raw.sort(key=lambda h: (-(h.end - h.start), h.kind != "named", h.start))
    taken: set[int] = set()
    hits: list[Hit] = []
    for hit in raw:
        if taken.isdisjoint(range(hit.start, hit.end)):
            hits.append(hit)
            taken.update(range(hit.start, hit.end))
    hits.sort(key=lambda h: h.start)
    cache[country] = (kb, hits)
    return hits


def _opposed(doc: Doc, start: int) -> bool:
    """A name after "anti-" ("anti-Houthi", "counter-ISIS") names the other side."""
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("anti", "counter"):
        return True
    return doc[start].lower_.startswith(("anti-", "counter-"))


# "opposition rebels under OPS", "militiamen loyal to Haftar": the group after the link is the actor.
_AFFILIATION = {
    ("under",),
    ("under", "the"),
    ("loyal", "to"),
    ("affiliated", "with"),
    ("affiliated", "to"),
    ("belonging", "to"),
    ("linked", "to"),
    ("allied", "with"),
    ("allied", "to"),
    ("of",),
    ("of", "the"),
}
_NAMED_AFFILIATION = {link for link in _AFFILIATION if link[0] != "of"}


# "drones controlled by an unidentified military group", "warplanes operated by the army": the craft is not the actor,
# whoever flies it is (the next actor mention).
_CRAFT_NOUNS = {"drones", "drone", "warplanes", "warplane", "jets", "fighter jets", "helicopters", "helicopter gunships",
                "military aircraft"}
_OPERATED_BY = {("controlled", "by"), ("operated", "by"), ("flown", "by"), ("launched", "by"), ("belonging", "to")}


def _craft_of_next(doc: Doc, hits: list[Hit], n: int, hi: int) -> bool:
    hit, nxt = hits[n], (hits[n + 1] if n + 1 < len(hits) else None)
    if hit.kind != "generic" or hit.key not in _CRAFT_NOUNS or nxt is None or nxt.end > hi:
        return False
    link = [t.lower_ for t in doc[hit.end : nxt.start] if t.lower_ not in ("a", "an", "the")]
    return tuple(link) in _OPERATED_BY


# "al Qaeda-linked al-Shabaab militants", "Iran-backed Houthis": the first name only qualifies the group after it.
_QUALIFYING = {"linked", "affiliated", "backed", "aligned", "allied", "inspired", "supported", "sponsored", "funded"}


def _qualifies_next(doc: Doc, hits: list[Hit], n: int, hi: int) -> bool:
    hit, nxt = hits[n], (hits[n + 1] if n + 1 < len(hits) else None)
    if hit.kind != "named" or nxt is None or nxt.end > hi:
        return False
    link = [t.lower_ for t in doc[hit.end : nxt.start] if t.text != "-"]
    return len(link) == 1 and link[0] in _QUALIFYING  # ("regime forces supported by QSD" are the actor)


def _affiliated(kb: "ActorKB", doc: Doc, hits: list[Hit], n: int, hi: int) -> Hit | None:
    """The named group that hit `n` is said to belong to, if the next hit is one."""
    hit, nxt = hits[n], (hits[n + 1] if n + 1 < len(hits) else None)
    if nxt is None or nxt.kind != "named" or nxt.end > hi:
        return None
    link = tuple(t.lower_ for t in doc[hit.end : nxt.start])
    if hit.kind == "named":
        return nxt if link in _NAMED_AFFILIATION else None
    return nxt if link in _AFFILIATION and _is_armed_noun(kb, hit.key) else None


# "Turkish forces and JWS factions, operating under OPS": the operation or coalition after "under" is the actor of
# every force coordinated before it, as ACLED codes it (not its first member).
_UMBRELLA_VERBS = {"operating", "fighting", "acting", "working", "deployed"}
_UMBRELLA_REACH = 10  # tokens from the first force to "under"


def _umbrella(kb: "ActorKB", doc: Doc, hits: list[Hit], n: int, hi: int) -> Hit | None:
    """The named group the forces coordinated from hit `n` are said to operate under, if any."""
    hit = hits[n]
    if hit.kind == "generic" and not _is_armed_noun(kb, hit.key):
        return None
    under = next((t.i for t in doc[hit.end : min(hi, hit.end + _UMBRELLA_REACH)] if t.lower_ == "under"), None)
    if under is None:
        return None
    owner_start = under + 2 if under + 1 < hi and doc[under + 1].lower_ == "the" else under + 1
    owner = next((h for h in hits if h.start == owner_start and h.kind == "named" and h.end <= hi), None)
    if owner is None:
        return None
    link = list(doc[hit.end : under])
    if link and link[-1].lower_ in _UMBRELLA_VERBS:
        link.pop()
        if link and link[-1].text == ",":
            link.pop()
    if not link or link[0].lower_ != "and" or len(link) < 2:
        return None  # a force alone is `_affiliated`'s
    if any(t.is_punct and t.text != "-" for t in link) or any(t.pos_ in ("VERB", "AUX") for t in link):
        return None  # "Turkish forces shelled villages held by rebels under OPS"
    return owner


def _named_allowed(key: str, written: str, entries: list["ActorEntry"], country: str | None) -> bool:
    """Common-word aliases ("settlers", written lower-case in the KB), short acronyms, ethnic
    militias and state sub-units count only in their own country."""
    if country is None or any(e.country == country for e in entries):
        return True
    if all(e.local_only for e in entries):
        return False
    common = any(a == a.lower() and a == key for e in entries for a in e.aliases)
    if common or all("{" in e.name and e.name not in _NATIONAL for e in entries):
        return False
    letters = written.replace(".", "").replace("-", "")
    return not (letters.isupper() and len(letters) <= 3 and not any(e.jihadist for e in entries))


def match_mentions(kb: "ActorKB", span: Span | Doc, country: str | None, on_date: date | None) -> list[ActorRef]:
    """Actors mentioned in `span` (a sentence or the whole Doc), in text order, with char offsets.

    A generic noun that is also a social group ("journalists", "farmers") yields its primary
    actor (Civilians) followed by an associate ref (inter None, actor_type "associate") with the
    same offsets; `code_actors` turns those into associated actors.
    """
    doc = span.doc if isinstance(span, Span) else span
    lo, hi = (span.start, span.end) if isinstance(span, Span) else (0, len(doc))
    hits = _doc_hits(kb, doc, country)
    doc.user_data[MATCH_CONTEXT_KEY] = (kb, on_date)  # code_actors' defaults when not told
    refs: list[ActorRef] = []
    merged_until = -1
    for n, hit in enumerate(hits):
        if hit.start < lo or hit.end > hi or hit.start < merged_until:
            continue
        end = hit.end
        if _craft_of_next(doc, hits, n, hi) or _qualifies_next(doc, hits, n, hi):
            continue
        owner = _affiliated(kb, doc, hits, n, hi) or _umbrella(kb, doc, hits, n, hi)
        if owner is not None:
            entry = kb.choose(kb.candidates(owner.key), country, on_date)
            if entry is not None:
                merged_until = owner.end
                refs.append(place(kb.entry_ref(entry, on_date, country), doc, hit.start, owner.end))
                continue
        if hit.kind == "named":
            entry = kb.choose(kb.candidates(hit.key), country, on_date)
            if entry is None:
                continue
            end = merged_until = _extend_to_head(kb, doc, hits, n, hi)
            ref = kb.entry_ref(entry, on_date, country)
            if entry.factions:
                faction, end = _faction(kb, doc, hit.end, end, hi)
                merged_until = end
                if faction:
                    ref = replace(ref, name=f"{ref.name} ({faction})")
            state = _STATE_OF.match(ref.name)
            if state and ref.inter in (1, 8):  # "Turkish and Russian forces", "Burundian and Rwandan soldiers"
                kind = "military" if state.group(1) == "Military" else "police"
                for other, tok_i in coordinated_countries(kb, doc, hit, hit.start, state.group(2)):
                    refs.append(place(kb.state_force(kind, other, on_date, country), doc, tok_i, tok_i + 1))
            refs.append(place(ref, doc, hit.start, end))
            continue
        found = generic_refs(kb, doc, hits, hit, country, on_date)
        for ref in found:  # a phrase that grew past its noun ("militiamen from the X clan") swallows later hits
            span_end = doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if span_end is not None and span_end.end > hit.end:
                merged_until = max(merged_until, span_end.end)
        refs.extend(found)
    return refs


# Nouns a group name can modify and still name the group: "Taliban commander", "AA positions".
_GROUP_NOUNS = {
    "position",
    "member",
    "commander",
    "unit",
    "base",
    "stronghold",
    "hideout",
    "camp",
    "cell",
    "element",
    "operative",
    "leader",
    "convoy",
    "vehicle",
    "patrol",
    "post",
    "checkpoint",
    "faction",
}


def _faction(kb: "ActorKB", doc: Doc, name_end: int, end: int, hi: int) -> tuple[str | None, int]:
    """The faction named with a group whose factions ACLED codes apart, and where the mention ends: capitalised
    words between the group's name and its noun ("Mayi Mayi Kifuafua militiamen", which the noun then closes),
    or in brackets after the mention ("Mayi-Mayi militiamen (Simba)", "(Charles faction)")."""
    words = [t.text for t in doc[name_end:end] if t.is_alpha and t.text[0].isupper()]
    if not words and end == name_end:
        after = name_end
        while after < min(hi, name_end + 3) and doc[after].is_alpha and doc[after].text[0].isupper():
            after += 1
        if name_end < after < hi and (doc[after].lower_ in kb.noun_classes or doc[after].lower_ in kb.militant_nouns):
            return " ".join(t.text for t in doc[name_end:after]), after + 1
    if not words and end + 2 < hi and doc[end].text == "(":
        close = next((t.i for t in doc[end + 1 : min(hi, end + 6)] if t.text == ")"), None)
        inside = [t for t in doc[end + 1 : close or end + 1]]
        if inside and inside[-1].lower_ == "faction":
            inside = inside[:-1]
        if inside and all(t.is_alpha and t.text[0].isupper() for t in inside):
            words = [t.text for t in inside]
    return " ".join(words) or None, end


def _extend_to_head(kb: "ActorKB", doc: Doc, hits: list[Hit], n: int, hi: int) -> int:
    """End of the mention of named hit `n`, taking in the noun it modifies ("NAF rebel forces")."""
    hit = hits[n]
    root = doc[hit.start : hit.end].root
    head = root.head
    if any(h.kind == "named" and hit.end <= h.start <= head.i for h in hits):
        return hit.end  # "GNA and LNA forces": the noun belongs to the next name
    if (
        root.dep_ in ("compound", "amod", "nmod")
        and hit.end <= head.i < min(hi, hit.end + 3)
        and head.pos_ in ("NOUN", "PROPN")
    ):
        generic_here = next((h for h in hits if h.kind == "generic" and h.start <= head.i < h.end), None)
        if generic_here and generic_here.end <= hi:
            return generic_here.end  # "NAF rebel forces"
        if head.lemma_.lower() in _GROUP_NOUNS:
            return head.i + 1  # "AA positions"
    nxt = hits[n + 1] if n + 1 < len(hits) else None
    if nxt and nxt.kind == "generic" and nxt.start == hit.end and nxt.end <= hi and _is_armed_noun(kb, nxt.key):
        return nxt.end  # "Taliban militants", "Houthi gunmen"
    return hit.end


def _is_armed_noun(kb: "ActorKB", noun: str) -> bool:
    return noun in kb.militant_nouns or any(c.key in _ARMED_CLASSES for c in kb.noun_classes.get(noun, ()))
