"""Event extraction: the sentences of an article that report ACLED events, assembled into events.

Reads as the data flows:
1. `_mentions`: each sentence's event cues (triggers.py), minus those that are negated, threats,
   plans, denials or conditionals (flags.py); cues of separate clauses with incompatible kinds
   ("found bomb factories and said militants had been killed") become separate mentions.
2. `event_groups.group_mentions`: a mention joins the event before it when it names no new place or
   date and its kind is compatible ("Police dispersed them" after a protest; "Two soldiers died" after
   a clash; "The militants withdrew" after a fight, its outcome) - ACLED's one event per location per day.
3. `_build`: each group is typed by the classifier over its cues (an outcome's left out), then dated (dates.py),
   located (geo) - one event per distinct place -, given actors and fatalities, and flagged
   `background` (told as past context) or `generic` (a habit, not a countable event).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from sitrep.extract import event_fields
from sitrep.extract.classifier import Classification, Classifier, Report, default_classifier
from sitrep.extract.context import ExtractionContext
from sitrep.extract.dates import is_background
from sitrep.extract.event_groups import Mention, group_mentions, headline_into_lead, names_a_crowd
from sitrep.extract.flags import HABITUAL, cue_token, generic_reason, unreal_reason
from sitrep.extract.roles import roles_of
from sitrep.extract.sentences import inside, quoted_ranges, sentences_of
from sitrep.extract.taxonomy import PROTESTS, RIOTS, STRATEGIC
from sitrep.extract.triggers import CORE_CUES, CueMatch, dropped_as_out_of_scope, story_scope, text_cues
from sitrep.nlp.doctext import doc_text
from sitrep.records import Event, Evidence, SourceReport

_CLASSIFIER: Classifier | None = None
BACKGROUND_VAGUE_DAYS = 31
# From this many sentences on a text is a feature or narrative article: its undated present-tense and bare
# plural descriptions are patterns. Shorter texts (wires, leads, snippets) report the news itself.
NARRATIVE_SENTENCES = 6
# Deaths told over a span longer than a year ("22,000 people were killed from 2001 to 2019", "in the past three
# years") are a toll of many events, not one event's dead.
TOLL_SPAN_DAYS = 366
# Sub-types that carry no deaths by definition (ACLED codes deaths in a protest as another sub-type).
_NO_DEATHS = frozenset({"Peaceful protest", "Protest with intervention", "Agreement", "Headquarters or base established",
                        "Non-violent transfer of territory", "Change to group/activity", "Arrests", "Other"})


def classifier() -> Classifier:
    global _CLASSIFIER
    if _CLASSIFIER is None:
        _CLASSIFIER = default_classifier()
    return _CLASSIFIER


def set_classifier(new: Classifier | None) -> None:
    """Swap the classifier used by `extract_events` (None restores the default rules)."""
    global _CLASSIFIER
    _CLASSIFIER = new


def extract_events(doc: Doc, context: ExtractionContext) -> list[Event]:
    published = context.article.published or date.today()
    mentions = _mentions(doc, context, published)
    events: list[Event] = []
    all_sentences = sentences_of(doc)
    groups = headline_into_lead(group_mentions(mentions), all_sentences)
    for index, group in enumerate(groups):
        following = groups[index + 1][0].sentence.start if index + 1 < len(groups) else len(doc)
        tail = _tail(group, all_sentences, following)
        events.extend(_build(group, tail, doc, context, published))
    return _merge_same_place_day(events)


# ------------------------------------------------------------------------------------ 1. mentions


def _mentions(doc: Doc, context: ExtractionContext, published: date) -> list[Mention]:
    found: list[Mention] = []
    paragraph = 0
    last_end = 0
    text = doc_text(doc)
    quoted = quoted_ranges(text)
    article_cues = text_cues(text)
    sentences = sentences_of(doc)
    narrative = len(sentences) >= NARRATIVE_SENTENCES
    # An accident, disaster or crime story is out of scope as a whole ("19 killed when their bus plunged ... the
    # accident", "Man found fatally shot ... charged with murder").
    disaster, crime = story_scope(text)
    for sentence in sentences:
        paragraph += text.count("\n", last_end, sentence.start_char)
        last_end = sentence.start_char
        # Direct speech is commentary ("These are tough fights"), not the reporter's account of an event.
        cues = [c for c in article_cues.within(sentence.start_char, sentence.end_char) if not inside(c.start, quoted)]
        if not any(c.cue in CORE_CUES for c in cues):
            # "Police intervened." completes the event before it in the paragraph.
            if cues and found and found[-1].paragraph == paragraph:
                found[-1].cues.extend(c for c in cues if not unreal_reason(sentence, c))
            continue
        if dropped_as_out_of_scope(sentence.text, cues, disaster, crime):
            continue
        verdicts = [(c, unreal_reason(sentence, c) if c.cue in CORE_CUES else None) for c in cues]
        real = [c for c, why in verdicts if why is None]
        if not any(c.cue in CORE_CUES for c in real):
            continue
        # A date inside a phrase about another event ("after the protests in the previous week") is that event's.
        elsewhere = [span for c, why in verdicts if why == "reference" for span in _phrase(sentence, c)]
        armed = _armed_actor_words(sentence, context, published)
        for clause_cues in _split_clauses(sentence, real):
            mention = _mention(sentence, clause_cues, paragraph, armed)
            if mention is None:
                continue
            mention.elsewhere = elsewhere
            mention.dates = {(w.start, w.end) for w in event_fields.sentence_dates(sentence, published, elsewhere)}
            mention.has_date = bool(mention.dates)
            mention.has_place = event_fields.own_places(sentence, context)
            mention.places = event_fields.place_names(sentence, context)
            if mention.generic == HABITUAL and (mention.has_date or not narrative):
                # A dated report is about one occasion whatever the tense; a short wire or lead in the
                # present is headline style ("Bombers blow themselves up"), not a habit.
                mention.generic = None
            if narrative and not mention.generic and not mention.has_date and not mention.has_place and _plural_pattern(mention):
                mention.generic = "plural, undated and unplaced"
            mention.split = len(clause_cues) < len(real)
            found.append(mention)
    return found


def _phrase(sentence: Span, cue: CueMatch) -> list[tuple[int, int]]:
    """The character range of the cue word's phrase (its subtree), if the cue has a token."""
    token = cue_token(sentence, cue)
    if token is None:
        return []
    return [(token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text))]


# Knowledge-base actor types that bear arms: an attack on them is a fight to ACLED, not violence against civilians.
_ARMED_TYPES = frozenset({"state", "external", "rebel", "political_militia", "identity_militia"})
_GENERIC_NAMES = ("Unidentified", "Government")


def _armed_actor_words(sentence: Span, context: ExtractionContext, published: date) -> list[str]:
    """The words of the sentence that name an armed actor of the knowledge base ("NDS members", "a CV member"):
    the classifier's target words know forces and militants by their nouns, not each group by its name. Generic
    actors ("gunmen", "the government") are left to those words."""
    return [ref.mention for ref in context.actors.match_mentions(sentence, None, published)
            if ref.actor_type in _ARMED_TYPES and ref.mention and "Unknown" not in ref.name
            and not ref.name.startswith(_GENERIC_NAMES)]


# Words that open a modifier of the victim: a group named after one is not the victim ("a mosque in North Sinai province").
_MODIFIER_WORDS = frozenset({"in", "at", "near", "from", "on", "by", "with", "to", "for", "outside", "inside", "after", "during"})


def _names_the_victim(phrase: str, words: str) -> bool:
    """Does the victim phrase name the actor `words` as the victim itself ("2 NDS members", "members of the CV"),
    not in a modifier of it?"""
    at = phrase.find(words)
    return at >= 0 and not _MODIFIER_WORDS.intersection(phrase[:at].lower().split())


def _mention(sentence: Span, cues: list[CueMatch], paragraph: int, armed_words: Sequence[str] = ()) -> Mention | None:
    core = [c for c in cues if c.cue in CORE_CUES]
    if not core:
        return None
    tokens = [t for t in (cue_token(sentence, c) for c in core) if t is not None]
    victims, perpetrators = roles_of(tokens)
    armed = [v for v in victims if any(_names_the_victim(v, words) for words in armed_words)]
    kind = classifier().classify(Report(sentence.text, cues, victims, perpetrators, armed))
    if kind is None:
        return None
    trigger = tokens[0] if tokens else None
    reasons = [generic_reason(sentence, c) for c in core]
    generic = reasons[0] if reasons and all(reasons) else None
    return Mention(sentence, cues, kind, trigger, generic, paragraph, victims=victims, perpetrators=perpetrators,
                   armed_victims=armed)


def _actors_mention(group: list[Mention], kind: Classification) -> Mention:
    """The mention whose cue the actors are read around: the first, except that a transfer of territory is
    coded to whoever gains it ("The army withdrew from Kidal. Rebels then took control of the town.")."""
    if kind.sub_event_type == "Non-violent transfer of territory":
        taker = next((m for m in group if any(c.cue in ("overtakes", "gov_regains") for c in m.cues)), None)
        if taker is not None:
            return taker
    return group[0]


def _actor_trigger(mention: Mention) -> Token | None:
    """The cue the actors are read around: not a cue that is itself the subject of the act ("Israeli warplanes
    carried out raids" - the warplanes name the attacker, the raids, the verb's object, are the act)."""
    subject = mention.trigger
    if subject is None or subject.dep_ != "nsubj":
        return subject
    tokens = [t for t in (cue_token(mention.sentence, c) for c in mention.cues if c.cue in CORE_CUES) if t is not None]
    acts = [t for t in tokens if t.dep_ == "dobj" and t.head.i == subject.head.i]
    return acts[0] if acts else subject


def _plural_pattern(mention: Mention) -> bool:
    """Bare plural event nouns ("fought grinding battles", "reduced to rubble by airstrikes") with no number:
    a pattern, not one event. A cue verb counts when its object is such a noun."""
    tokens = [t for t in (cue_token(mention.sentence, c) for c in mention.cues if c.cue in CORE_CUES) if t is not None]
    if not tokens:
        return False
    nouns = {t.i for t in tokens if t.tag_ == "NNS" and not any(c.dep_ == "nummod" or c.like_num for c in t.children)}
    if not nouns:
        return False
    for token in tokens:
        if token.i in nouns:
            continue
        if not any(token.i < i <= token.right_edge.i for i in nouns):
            return False
    return True


def _clause_head(token: Token) -> int:
    """The verb heading the token's coordinated clause (the root or a conjoined verb)."""
    node = token
    for _ in range(40):
        if node.dep_ == "ROOT" or (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")):
            return node.i
        node = node.head
    return node.i


def _split_clauses(sentence: Span, cues: list[CueMatch]) -> list[list[CueMatch]]:
    """Cues grouped by coordinated clause when the clauses report different kinds of event, else one group."""
    by_clause: dict[int, list[CueMatch]] = {}
    for cue in cues:
        token = cue_token(sentence, cue)
        by_clause.setdefault(_clause_head(token) if token is not None else -1, []).append(cue)
    if len(by_clause) < 2:
        return [cues]
    kinds = []
    for group in by_clause.values():
        kind = classifier().classify(Report(sentence.text, group)) if any(c.cue in CORE_CUES for c in group) else None
        kinds.append(kind)
    real_kinds = [k for k in kinds if k is not None]
    strategic = [k for k in real_kinds if k.event_type == STRATEGIC]
    violent = [k for k in real_kinds if k.event_type not in (STRATEGIC, PROTESTS, RIOTS)]
    if not (strategic and violent):
        return [cues]
    crowd_acts = any(c.cue in ("protest", "mob") for c in cues) or (
        any(c.cue == "riot" for c in cues) and names_a_crowd(sentence.text))  # "They set fire to the village": no crowd
    # Looting and burning told with violence are part of its event ("attacked the office and looted it", "killed one
    # civilian, and shops were pillaged": ACLED codes the attack), and do not recode it; so are weapons the attack
    # destroyed ("airstrikes targeted pro-Houthi forces, ... destroying heavy weapons").
    outcome = {id(c) for group, k in zip(by_clause.values(), kinds) if k is not None and _damage_of_the_attack(k, group)
               for c in group if c.cue in CORE_CUES}
    if outcome and not crowd_acts:  # (a crowd's burning is what makes its protest or riot violent: it stays)
        return [[c for c in cues if id(c) not in outcome]]
    if any(k.sub_event_type == "Arrests" for k in strategic):
        return [cues]  # "killed two and arrested five": one event, typed over all its cues
    # Other developments are events of their own. Colour cues (no core cue of their own) stay with every clause.
    colour = [c for c in cues if c.cue not in CORE_CUES]
    return [group + [c for c in colour if c not in group] for group, k in zip(by_clause.values(), kinds) if k is not None]


def _damage_of_the_attack(kind: Classification, group: list[CueMatch]) -> bool:
    """A clause of looting or burning, or of weapons destroyed: what an attack told beside it did, not an event."""
    if kind.sub_event_type == "Looting/property destruction":
        return True
    return kind.sub_event_type == "Disrupted weapons use" and all(
        c.text.lower().startswith("destroy") for c in group if c.cue == "disrupted")


# ------------------------------------------------------------------------------------ 3. events


def _tail(group: list[Mention], sentences: list[Span], stop: int) -> list[Span]:
    """The sentences after the group's last one, in its paragraph and before the next event, that report no
    event of their own ("The man died. 1 fatality."): they count for deaths."""
    last = max(m.sentence.end for m in group)
    paragraph = group[-1].paragraph
    tail = []
    for sentence in sentences:
        if sentence.start < last or sentence.start >= stop:
            continue
        if "\n" in doc_text(sentence.doc)[group[-1].sentence.end_char : sentence.start_char] and paragraph is not None:
            break
        tail.append(sentence)
    return tail


def _build(group: list[Mention], tail: list[Span], doc: Doc, context: ExtractionContext, published: date) -> list[Event]:
    sentences: list[Span] = []
    for mention in group:
        if all(s.start != mention.sentence.start for s in sentences):
            sentences.append(mention.sentence)
    coded = [m for m in group if not m.outcome]
    cues = [c for m in coded for c in m.cues]
    victims = [v for m in coded for v in m.victims]
    perpetrators = [p for m in coded for p in m.perpetrators]
    armed = [v for m in coded for v in m.armed_victims]
    text = " ".join(s.text for s in sentences)
    kind = classifier().classify(Report(text, cues, victims, perpetrators, armed))
    if kind is None:
        kind = group[0].kind
    elsewhere = [span for m in group for span in m.elsewhere]
    window = event_fields.date_window(sentences, published, _fallback_window(group, doc, published), elsewhere)
    evidence = [Evidence(s.start_char, s.end_char, s.text) for s in sentences]
    attribution = event_fields.attribution(sentences)
    generic = group[0].generic
    places = event_fields.coordinated(event_fields.locations(sentences, context), doc_text(doc)) or [None]
    no_deaths = kind.sub_event_type in _NO_DEATHS or (kind.event_type == STRATEGIC and group[0].split)
    deaths = [0] * len(places) if no_deaths else event_fields.fatalities(sentences + tail, len(places),
                                                                         crowd=kind.event_type in (PROTESTS, RIOTS))
    if not generic and any(deaths) and (window.end - window.start).days > TOLL_SPAN_DAYS:
        generic = "toll over years"
    events = []
    for place, place_deaths in zip(places, deaths):
        event = Event(
            doc_id=context.article.id or "",
            event_date=window.best,
            date_start=window.start,
            date_end=window.end,
            time_precision=window.precision,
            event_type=kind.event_type,
            sub_event_type=kind.sub_event_type,
            fatalities=place_deaths,
            notes=text,
            evidence=evidence,
            background=_is_background(window, published),
            generic=bool(generic),
            confidence=_confidence(kind, group, window.precision),
            attribution=attribution,
        )
        event_fields.place_event(event, place)
        event_fields.place_on_front_line(event, sentences, context)
        event_fields.code_actors(event, sentences, _actor_trigger(_actors_mention(group, kind)), context, tail)
        _territory_taker(event)
        event.sources = [SourceReport(article_id=event.doc_id, fatalities=event.fatalities, evidence=evidence, attribution=attribution,
                                      outlet=context.article.outlet)]
        event.event_id = event_id(event)
        events.append(event)
    return events


def _territory_taker(event: Event) -> None:
    """State forces do not overtake territory, they regain it: the classifier read the side from the words, the coded
    actor1 knows it. Only a national force with no faction after its period: a rival authority's forces ("(2016-)
    Supreme Political Council", "(2014-) Haftar Faction") are coded as state forces, yet their gains are often
    reported as a non-state side's."""
    if event.sub_event_type == "Non-state actor overtakes territory" and event_fields.NATIONAL_FORCE.fullmatch(event.actor1 or ""):
        event.sub_event_type = "Government regains territory"


def _is_background(window, published: date) -> bool:
    """Told as past context: dates.is_background, or a month-or-vaguer window that ended over a month before
    publication ("this spring" in July): news reports the last weeks; older vague periods are history."""
    if is_background(window, published):
        return True
    return window.precision >= 3 and (published - window.end).days > BACKGROUND_VAGUE_DAYS


def _fallback_window(group: list[Mention], doc: Doc, published: date):
    """An undated mention inherits the date of the paragraph's earlier sentences ("Within days, ...")."""
    first = group[0].sentence
    paragraph_start = doc_text(doc).rfind("\n", 0, first.start_char) + 1
    if paragraph_start >= first.start_char:
        return None
    from sitrep.extract.dates import find_date_mentions

    earlier = find_date_mentions(doc_text(doc)[paragraph_start:first.start_char], published)
    return earlier[-1].window if earlier else None


def _confidence(kind: Classification, group: list[Mention], precision: int) -> float:
    score = kind.confidence + 0.05 * min(len(group) - 1, 2) - 0.05 * (precision - 1)
    return round(max(0.05, min(score, 0.99)), 2)


def event_id(event: Event) -> str:
    """Stable id: the same article processed again gives the same id."""
    first = event.evidence[0].start if event.evidence else 0
    key = "|".join(
        [event.doc_id, event.event_date.isoformat() if event.event_date else "", event.sub_event_type, event.location or event.country or "", str(first)]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _merge_same_place_day(events: list[Event]) -> list[Event]:
    """ACLED's one event per location per day: same place, day and sub-type in one article is one event
    (only when the day is known: two undated reports may be two events)."""
    merged: list[Event] = []
    for event in events:
        twin = next(
            (
                e
                for e in merged
                if e.location and e.location == event.location and e.event_date == event.event_date
                and e.time_precision == event.time_precision == 1
                and e.sub_event_type == event.sub_event_type and e.background == event.background and e.generic == event.generic
            ),
            None,
        )
        if twin is None:
            merged.append(event)
            continue
        twin.evidence.extend(event.evidence)
        twin.notes = f"{twin.notes} {event.notes}"
        twin.fatalities = max(twin.fatalities, event.fatalities)
        twin.sources[0].evidence = twin.evidence
        twin.sources[0].fatalities = twin.fatalities
        twin.confidence = max(twin.confidence, event.confidence)
    return merged


