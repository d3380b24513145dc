"""Filling an event's fields from the other extractors: date window, place, actors, fatalities, attribution.

Each function takes the event's sentences (spaCy spans) and returns plain values, so event
assembly (events.py) reads as: find mentions, group them, fill the fields.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Span, Token

from sitrep.extract.actor_conventions import (
    apply_conventions, apply_drug_seizure, front_areas_elsewhere, front_line_region, place_key,
)
from sitrep.extract.actors import code_actors as _code_actors
from sitrep.extract.casualties import fatality_count, find_fatalities
from sitrep.extract.casualty_patterns import TOLL_SINCE
from sitrep.extract.claimed_attacks import apply_claim
from sitrep.extract.context import ExtractionContext
from sitrep.extract.dates import event_window, find_date_mentions
from sitrep.extract.taxonomy import PROTESTS, RIOTS
from sitrep.geo.admin_names import acled_admin1
from sitrep.geo.locate import apply_location, area_location, locate_event
from sitrep.geo.place_roles import is_actor_home
from sitrep.geo.written_places import KIND_WORDS
from sitrep.nlp.doctext import doc_text
from sitrep.records import DateWindow, Event, Location, Place, Toponym

_ATTRIBUTION = re.compile(
    r"\b(?:according to|citing|cited by|reported by)\s+(?P<who>[^,.;:\"“”]{3,80})", re.IGNORECASE
)
_SAID_BY = re.compile(r"[,\"”]\s*(?P<who>(?:the\s+)?[A-Z][^,.;\"“”]{2,60}?)\s+(?:said|says|reported|told)\b")
_SAID_AFTER = re.compile(r"\b(?:said|says|reported|told \w+)\s+(?P<who>(?:the\s+)?[^,.;\"“”]{3,60}?)(?:[,.;]|$)")
# A perfect with no date ("have been kidnapped"): sometime before publication, month-level at best.
_PERFECT = re.compile(r"\b(?:has|have|had)\s+been\b|\b(?:has|have)\s+\w+ed\b", re.IGNORECASE)
UNDATED_LOOKBACK_DAYS = 30


def sentence_dates(sentence: Span, published: date, elsewhere: Sequence[tuple[int, int]] = ()) -> list[DateWindow]:
    """The sentence's date windows, read with its paragraph before it so "within days" or "two days later"
    resolve against the date the paragraph gave first. Dates inside the `elsewhere` character ranges
    (phrases about another event: "after the protests of the previous week") are left out."""
    text = doc_text(sentence.doc)
    paragraph_start = text.rfind("\n", 0, sentence.start_char) + 1
    mentions = find_date_mentions(text[paragraph_start : sentence.end_char], published)
    inside = [
        m for m in mentions
        if m.start + paragraph_start >= sentence.start_char
        and not any(start <= m.start + paragraph_start < end for start, end in elsewhere)
    ]
    horizon = published + timedelta(days=2)
    return [m.window for m in inside if m.window.start <= horizon]


def date_window(sentences: list[Span], published: date, fallback: DateWindow | None,
                elsewhere: Sequence[tuple[int, int]] = ()) -> DateWindow:
    """The event's window: the most specific date of its sentences, else the fallback, else the ACLED default."""
    for sentence in sentences:
        windows = sentence_dates(sentence, published, elsewhere)
        if windows:
            # The most specific wins ("on 9 May" over "since 2017"), the earliest-written on ties.
            return min(windows, key=lambda w: (w.precision, (w.end - w.start).days))
    if fallback is not None:
        return fallback
    if any(_PERFECT.search(s.text) for s in sentences):
        start = published - timedelta(days=UNDATED_LOOKBACK_DAYS)
        return DateWindow(start=start, end=published, precision=3, text="")
    return event_window(sentences[0], published)


def _places_written(sentence: Span, context: ExtractionContext) -> list[Toponym]:
    """The toponyms written in the sentence, less those that are part of an actor's name ("Puntland forces");
    origins stay ("rioters from Tripoli")."""
    text = doc_text(sentence.doc)
    return [t for t in context.toponyms
            if t.start >= sentence.start_char and t.end <= sentence.end_char and not is_actor_home(text, t)]


def own_places(sentence: Span, context: ExtractionContext) -> bool:
    """Does the sentence itself name a place below country level?"""
    return any(t.place is not None and t.place.feature_code != "PCLI" for t in _places_written(sentence, context))


def place_names(sentence: Span, context: ExtractionContext) -> set[str]:
    """Folded names of the places written in the sentence ("the withdrawal of Puntland forces" names none)."""
    return {" ".join(t.text.lower().split()) for t in _places_written(sentence, context)}


_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# "Jabal al Kirsh front (Al Qabbaytah, Lahij) and Bab Ghaliq": a kind of place may close the item before "and"
# ("Bafut town, Bamenda subdivision" is a town and its area, no list).
_COORDINATION = re.compile(rf"^\s*(?:,|(?:(?:{KIND_WORDS})\s*)?(?:and|&|or|as well as|,\s*and|;))\s*(?:in\s+|at\s+|near\s+)?(?:the\s+)?$",
                           re.IGNORECASE)


def coordinated(found: list[Location], text: str) -> list[Location]:
    """One event per place only for places listed together ("shelled Ariha and Saraqib"); a place named
    further on ("in Celaya ... in Colonia Las Aves") is detail of the first, not another event."""
    if len(found) < 2:
        return found
    found = sorted(found, key=lambda loc: loc.toponym.start if loc.toponym is not None else 1 << 30)
    kept = [found[0]]
    for location in found[1:]:
        previous, current = kept[-1].toponym, location.toponym
        if previous is None or current is None or current.start < previous.end:
            continue
        # "Sirwah (Marib), Nihm (Sanaa), and Al Jawf": the admin areas in brackets are not in the way.
        gap = _BRACKETS.sub("", text[previous.end : current.start])
        if _COORDINATION.match(gap) and not _qualifies(kept[-1], location, text):
            kept.append(location)
    return kept


def _qualifies(previous: Location, current: Location, text: str) -> bool:
    """"near Avdiivka, Donetsk": a name right after a comma that is the region of the place before it (or
    is named like a region) says where that place lies, it is not a second place."""
    if current.toponym is None or previous.toponym is None or text[previous.toponym.end : current.toponym.start].strip() != ",":
        return False
    written = text[current.toponym.start : current.toponym.end].lower()
    # ... also under its conventional name: "Veracruz" for "Veracruz de Ignacio de la Llave"
    conventional = acled_admin1(previous.place.country_code, previous.place.admin1, previous.place.admin2)
    regions = {(name or "").lower() for name in (previous.place.admin1, previous.place.admin2, conventional)} - {""}
    # ... or a name the place after the comma shares with its own region ("Orikhove, Luhansk", "Apodaca, Jalisco")
    own_region = (current.place.admin1 or "").lower()
    return written in regions or (current.place.name or "").lower() in regions or written == own_region


def locations(sentences: list[Span], context: ExtractionContext) -> list[Location]:
    """The event's places: those of the first sentence naming one, else geo's context fallback."""
    for sentence in sentences:
        if own_places(sentence, context):
            return locate_event(sentence, context.toponyms, context.article, context.gazetteer, context.actor_areas)
    return locate_event(sentences[0], context.toponyms, context.article, context.gazetteer, context.actor_areas)


def place_event(event: Event, location: Location | None) -> None:
    if location is not None:
        apply_location(event, location)


def place_on_front_line(event: Event, sentences: list[Span], context: ExtractionContext) -> None:
    """A place of a front-line report that lies off the front is read as its namesake on the front; a
    front-line village the gazetteer lacks (or has only far away) puts the event in its region."""
    text = " ".join(s.text for s in sentences)
    elsewhere = front_areas_elsewhere(event, text) if event.location else None
    # Another place of the report in the same area corroborates it ("Novoselivka, 30 km from Izmail").
    if elsewhere is not None and any(
        t.place is not None and t.place.name != event.location
        and acled_admin1(t.place.country_code, t.place.admin1, t.place.admin2) == event.admin1 for t in context.toponyms
    ):
        elsewhere = None
    if elsewhere is not None:
        country, regions = elsewhere
        inside = [c.place for c in context.gazetteer.candidates(event.location) if c.place.country == country
                  and place_key(c.place.admin1 or "") in regions and c.place.latitude is not None]
        if inside:
            apply_location(event, Location(place=max(inside, key=lambda p: p.population or 0),
                                           geo_precision=event.geo_precision or 1))
            return
    found = front_line_region(event, text)
    location = area_location(found[1], found[0], context.gazetteer) if found else None
    if location is not None:
        apply_location(event, location)
    elif elsewhere is not None and event.country == elsewhere[0]:
        # A namesake far off the front, and the front has no village of that name the gazetteer knows: the report's
        # village is somewhere on the front. No point rather than one hundreds of kilometres away.
        apply_location(event, Location(place=Place(name=event.country, country=event.country, iso3=event.iso3,
                                                   feature_code="PCLI"), geo_precision=3))


# Deaths a crowd protests or riots over are no deaths of the protest: "set ablaze a rehab facility over the
# death of a patient", "attacked police officers after two children were killed by gunmen".
_CAUSE_BEFORE = re.compile(
    r"\b(?:(?:over|against|condemning|protesting|mourning|denouncing|justice for)\s+(?:the\s+)?|(?:after|following)\s+(?:[\w'-]+\s+){0,3})$",
    re.IGNORECASE)


# A perfect before a death count, or in it: "where clashes have killed 300", "300 people have died" (an "'s" may
# be a possessive; beside a toll's "since" the count is a toll either way).
_PERFECT_NEAR_COUNT = re.compile(r"\b(?:has|have|had)\b|['’](?:s|ve)\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)


def _toll_over_time(text: str, start: int, end: int) -> bool:
    """Is the death count at text[start:end] a toll kept since a long-ago point (`TOLL_SINCE`), told in the
    perfect, within its sentence? "Gunmen killed 12 people in Tripoli, where clashes have killed 300 since 2019":
    the 300 are not the event's dead."""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    sentence_end = min(p for p in (text.find(". ", end), text.find("\n", end), len(text)) if p >= 0)
    since = [m for m in _SINCE.finditer(text, max(sentence_start, start - 80), min(sentence_end, end + 50))
             if TOLL_SINCE.match(text, m.start())]
    return bool(since) and _PERFECT_NEAR_COUNT.search(text, max(sentence_start, start - 25), end) is not None


def fatalities(sentences: list[Span], places: int = 1, crowd: bool = False) -> list[int]:
    """The event's dead, one figure per place it is split into. ACLED splits a toll across the places of a
    list, the remainder to the first ones (8 across 3: 3, 3, 2); a note that states its own split ("coded
    as 10 and split between 2 locations") already gives each event's share. For a crowd's event (`crowd`:
    a protest or a riot) the deaths told as its cause do not count."""
    mentions = [m for s in sentences for m in find_fatalities(s)]
    if mentions:
        text = doc_text(sentences[0].doc)
        mentions = [m for m in mentions if not _toll_over_time(text, m.start, m.end)]
    if crowd and mentions:
        mentions = [m for m in mentions if not _CAUSE_BEFORE.search(text, max(0, m.start - 30), m.start)]
    count = fatality_count(mentions)
    if places <= 1 or any(m.kind == "split" for m in mentions):
        return [count] * max(places, 1)
    share, rest = divmod(count, places)
    return [share + (1 if i < rest else 0) for i in range(places)]


def code_actors(event: Event, sentences: list[Span], trigger: Token | None, context: ExtractionContext,
                tail: list[Span] = ()) -> None:
    """Fill actor1/2, associates and inter codes from the actors stage (`tail`: the sentences told after the event
    with no event of their own, "The victim had charges against him for drug trafficking", read by the conventions)."""
    if trigger is None:
        return
    span = next((s for s in sentences if s.start <= trigger.i < s.end), sentences[0])  # the trigger's sentence
    kb: Any = context.actors
    # When the sentence names its actors by a pronoun, the sentence before is context, as it is to a
    # coder: "Iraqi forces launched a campaign. Within days, they reported the discovery of bomb
    # factories" - "they" are the forces.
    before = _previous_sentence(span) if _pronoun_subject(span) else None
    # A crowd's event: the force that broke it up may be told after it ("Demonstrators damaged property. Police used
    # teargas to disperse the crowd."), a side to read when the event's own sentences name none.
    scope = sentences + list(tail) if event.event_type in (PROTESTS, RIOTS) else sentences
    mentions = _actor_mentions(kb, span, before, scope, event.country, event.event_date)
    if not mentions and before is None and event.event_type == "Battles":
        # "Police raided the district. A shoot-out broke out ...": a fight told without its sides has them
        # in the sentence before, in its paragraph (a bomb or a killing told alone stays unattributed).
        before = _previous_in_paragraph(span)
        if before is not None:
            mentions = _actor_mentions(kb, span, before, sentences, event.country, event.event_date)
    country = event.country
    if country is None and (country := _mentioned_country(mentions)) is not None:
        mentions = _actor_mentions(kb, span, before, sentences, country, event.event_date)
    coding = _code_actors(span, trigger, mentions, country, event.event_type, event.sub_event_type)
    event.actor1, event.assoc_actor_1, event.inter1 = coding.actor1, coding.assoc_actor_1, coding.inter1
    event.actor2, event.assoc_actor_2, event.inter2 = coding.actor2, coding.assoc_actor_2, coding.inter2
    _force_named_before(event, span, kb)
    _counter_protesters(event, sentences, tail)
    # An attacker the report leaves unnamed is the group its paragraph says claimed it.
    if apply_claim(event, sentences, kb):
        return
    # Where the report names no one, ACLED's country conventions name the actors (front lines, gang killings).
    apply_conventions(event, " ".join(s.text for s in ([before] if before is not None else []) + sentences + list(tail)), kb,
                      report=doc_text(span.doc))
    if event.sub_event_type == "Arrests":  # the only events the drug-seizure convention recodes: read its text then
        # An arrest told after the seizure it came with ("... dismantled a cocaine lab. A man was arrested.").
        previous = _previous_in_paragraph(span)
        apply_drug_seizure(event, " ".join(s.text for s in ([previous] if previous is not None else []) + sentences))


# A counter-protest told with a protest: "A counterprotest in support of the government was also organized".
_COUNTER_PROTEST = re.compile(r"\bcounter[- ]?(?:protest|demonstrat|rall(?:y|ies)|march)\w*", re.IGNORECASE)


def _counter_protesters(event: Event, sentences: list[Span], tail: Sequence[Span]) -> None:
    """A peaceful protest met by a counter-protest is ACLED's protesters against protesters (interaction 66): the
    counter-protesters are actor2, unless a force that intervened already is."""
    if event.event_type != PROTESTS or event.actor2 or not (event.actor1 or "").startswith("Protesters"):
        return
    if any(_COUNTER_PROTEST.search(s.text) for s in [*sentences, *tail]):
        event.actor2, event.assoc_actor_2, event.inter2 = event.actor1, None, event.inter1


# A state force by its country only ("Police Forces of Brazil (2019-2023)"; matched from the start, also one with
# its branch after it: "Military Forces of Brazil (2019-2023) Military Police").
NATIONAL_FORCE = re.compile(r"(?:Military|Police) Forces of (?:the )?(.+?) \(\d{4}-(?:\d{4})?\)")


def _force_named_before(event: Event, span: Span, kb: Any) -> None:
    """"Military Police officers went to the neighbourhood ... Officers were attacked": a state force the sentence
    calls by a generic noun (or leaves unnamed) is the branch of it its paragraph named before, when it named one."""
    before = None
    for slot in ("actor1", "actor2"):
        national = NATIONAL_FORCE.fullmatch(getattr(event, slot) or "")
        if national is None:
            continue
        if before is None:
            text = doc_text(span.doc)
            before = span.doc.char_span(text.rfind("\n", 0, span.start_char) + 1, span.start_char, alignment_mode="contract")
            if before is None or not len(before):
                return
        branches = {(ref.name, ref.inter) for ref in kb.match_mentions(before, event.country, event.event_date)
                    if (m := NATIONAL_FORCE.match(ref.name)) and m.group(1) == national.group(1) and m.end() < len(ref.name)
                    and _policing(ref.name) == _policing(national.group(0))}
        if len(branches) == 1:
            name, inter = branches.pop()
            setattr(event, slot, name)
            setattr(event, "inter" + slot[-1], inter)


def _policing(force: str) -> bool:
    """A police force, or a military branch that polices ("Military Forces of Brazil (2019-) Military Police")."""
    return force.startswith("Police") or force.endswith("Police")


def _actor_mentions(kb: Any, span: Span, before: Span | None, sentences: list[Span], country: str | None, on_date: date | None) -> list[Any]:
    """The actors named in the event's sentences (and the context sentence before them), less labels and descriptors."""
    scope = ([before] if before is not None else []) + sentences
    mentions = [m for s in scope for m in kb.match_mentions(s, country, on_date)]
    return [m for m in mentions if not _in_heading(m, span) and not _descriptor(m, span)]


# A label before the report ("Movement of forces: On 4 May, ..."): a kicker naming the kind of news.
_HEADING = re.compile(r"^\s*[A-Z][\w ,/&-]{2,40}:\s")


def _in_heading(mention: Any, sentence: Span) -> bool:
    """Is the actor mention inside the sentence's leading label? ("forces" in "Movement of forces: ...")"""
    heading = _HEADING.match(sentence.text)
    return bool(heading) and mention.start is not None and sentence.start_char <= mention.start < sentence.start_char + heading.end()


def _mentioned_country(mentions: list[Any]) -> str | None:
    """For an event geo could not place: the one country its named actors belong to ("a QSD member" -> Syria),
    so that its unnamed actors are still "Unidentified Armed Group (Syria)", "Civilians (Syria)"."""
    countries = {m.country for m in mentions if m.country and m.inter is not None}
    return countries.pop() if len(countries) == 1 else None


def _descriptor(mention: Any, sentence: Span) -> bool:
    """"military" describing a thing ("military reinforcements", "military vehicles") names no actor."""
    if mention.start is None or (mention.mention or "").lower() != "military":
        return False
    words = sentence.doc.char_span(mention.start, mention.end or mention.start, alignment_mode="expand")
    return words is not None and len(words) == 1 and words[0].dep_ == "amod"


def _pronoun_subject(sentence: Span) -> bool:
    """The sentence's actors are named by a pronoun ("they reported", "he said"): look one sentence back."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("they", "he", "she", "we") for t in sentence)


def _previous_sentence(sentence: Span) -> Span | None:
    if sentence.start == 0:
        return None
    return sentence.doc[sentence.start - 1].sent


def _previous_in_paragraph(sentence: Span) -> Span | None:
    """The sentence before, when no line break parts them."""
    previous = _previous_sentence(sentence)
    if previous is None or "\n" in doc_text(sentence.doc)[previous.end_char : sentence.start_char]:
        return None
    return previous


def attribution(sentences: list[Span]) -> str | None:
    """Who the report rests on ("security officials", "the Syrian Observatory"), when the text says."""
    for sentence in sentences:
        for pattern in (_ATTRIBUTION, _SAID_BY, _SAID_AFTER):
            match = pattern.search(sentence.text)
            if match:
                return " ".join(match.group("who").split()).rstrip(" .")
    return None
