"""How many died: fatality mentions in news text and the ACLED count they add up to.

`find_fatalities` finds each statement of deaths ("killing 6 civilians", "two people were killed",
"the death toll rose to 12", "12 bodies were found", "no one was killed", "3 fatalities") with its
count; `fatality_count` applies ACLED's conventions to turn them into one number for the event:

- the most conservative figure when reports differ or give a range ("at least 5", "10 to 15" -> 5, 10);
- vague figures as the ACLED codebook and FAQ code them (`VAGUE_COUNTS`): "dozens" 12, "hundreds" 100,
  "tens" 10, and "several"/"many"/an unspecified plural 10;
- injuries are never fatalities; a stated "no casualties" is 0;
- suicide attackers who die in their attack are counted (ACLED counts all reported deaths).

See docs/dates-and-fatalities.md for the citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sitrep.extract.casualty_patterns import (
    BOMBER_INCLUDED,
    CODED_AS,
    COMPILED_RULES,
    GENERIC_VICTIMS,
    NEGATIONS,
    NOT_A_HEAD,
    NOT_PEOPLE,
    OBJECT_FOLLOWS,
    NEAR_MISS_BEFORE,
    ONE_PERSON_DEAD,
    ONE_PERSON_DIED,
    ONE_PERSON_KILLED,
    ONE_PERSON_KILLING,
    PREPOSITIONS,
    PRONOUN_VICTIM,
    REACTION_BEFORE,
    SPLIT,
    SUICIDE,
    VAGUE_COUNTS,
    VICTIM_SIDES,
)
from sitrep.extract.numbers import parse_number
from sitrep.nlp.doctext import text_and_offset


@dataclass
class FatalityMention:
    """A statement of deaths: the count it gives and where it is (character offsets into the article)."""

    count: int
    start: int
    end: int
    text: str
    approximate: bool = False  # a vague word, a range, "at least", "more than"
    victim: str | None = None  # the head noun of the dead when written ("soldiers", "civilians")
    kind: str = "killed"  # killed | toll | bodies | fatalities | none | perpetrator | coded | split
    additional: bool = False  # "another soldier", "2 other policemen": more dead, not a restatement


def find_fatalities(source: Any) -> list[FatalityMention]:
    """Every statement of deaths in `source` (a str, or a spaCy Doc or Span; offsets into the article text)."""
    text, offset = text_and_offset(source)
    candidates: list[tuple[int, int, list[FatalityMention]]] = []
    for region_start, region_end in _regions_with_deaths(text):
        for kind, pattern in COMPILED_RULES:
            position = region_start
            while (match := pattern.search(text, position, region_end)) is not None:
                found = [] if kind == "subject" and _is_active_clause(text, match) else _mentions_from(
                    match, kind, text, offset)
                if found:
                    candidates.append((match.start(), match.end(), found))
                    position = match.end()
                else:  # a rejected match must not hide a good one starting inside it
                    position = match.start() + 1
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, list[FatalityMention]]] = []
    for cand in candidates:
        if all(cand[1] <= t[0] or cand[0] >= t[1] for t in taken):
            taken.append(cand)
    mentions = [m for _, _, found in taken for m in found]
    mentions.extend(_special_mentions(text, offset, mentions))
    mentions.sort(key=lambda m: m.start)
    return mentions


def fatality_count(mentions: list[FatalityMention]) -> int:
    """One ACLED fatality figure from the mentions of one event (or one text).

    Precedence: an explicit coding note ("coded as 10") or summary ("3 fatalities") over a death
    toll over individual statements. Among competing figures for the same people, the lowest (ACLED
    uses the most conservative estimate); figures for different victim groups ("two soldiers and three
    civilians") add up; a total for "people" covers its subgroups. A stated "no casualties" gives 0 only
    when nothing else reports deaths. Suicide attackers who died are added. "split between 3 events"
    divides (rounding down: conservative).
    """
    if not mentions:
        return 0
    split = [m.count for m in mentions if m.kind == "split" and m.count > 0]
    total = _base_count(mentions)
    if total is None:
        return 0
    bombers = [m for m in mentions if m.kind == "perpetrator"]
    if bombers and not any(m.kind in ("coded", "fatalities") for m in mentions):
        total += sum(m.count for m in bombers)
    if split:
        total //= split[0]
    return total


# ------------------------------------------------------------------------------------------- private


# Sentence-like regions; the rules run only on those that speak of death (a long article has few).
_REGION_END = re.compile(r"[.!?]['\"”’)]*\s+(?=[A-Z0-9\"“‘(\[])|\n\s*\n")
_DEATH_WORD = re.compile(
    r"kil+|dead|death|died|dies|bod(?:y|ies)|corpse|fatal|toll|slain|slaughter|massacr|execut|behead|murder"
    r"|lynch|perish|lives|life|assassinat",
    re.IGNORECASE,
)


def _regions_with_deaths(text: str) -> list[tuple[int, int]]:
    regions = []
    start = 0
    for boundary in _REGION_END.finditer(text):
        regions.append((start, boundary.start() + 1))
        start = boundary.end()
    regions.append((start, len(text)))
    return [(a, b) for a, b in regions if _DEATH_WORD.search(text, a, b)]


def _base_count(mentions: list[FatalityMention]) -> int | None:
    for kind in ("coded", "fatalities", "toll"):
        per_statement: dict[int, int] = {}  # "2 rebel and 1 military fatality" adds up within one statement
        for m in mentions:
            if m.kind == kind:
                per_statement[m.start] = per_statement.get(m.start, 0) + m.count
        if per_statement:
            return min(per_statement.values())
    reports = [m for m in mentions if m.kind in ("killed", "bodies")]
    if any(m.victim != PRONOUN_VICTIM for m in reports):  # "he was killed" is someone already counted
        reports = [m for m in reports if m.victim != PRONOUN_VICTIM]
    if not reports:
        return 0 if any(m.kind in ("none", "perpetrator") for m in mentions) else None
    generic = [m.count for m in reports if m.victim in GENERIC_VICTIMS and not m.additional]
    # Per side ("security", "militant", "civilian", else the noun), the total of each statement.
    statements: dict[str, dict[int, tuple[set[str], int]]] = {}
    for m in reports:
        if m.victim in GENERIC_VICTIMS or m.additional:
            continue
        side = statements.setdefault(VICTIM_SIDES.get(m.victim, m.victim), {})  # type: ignore[arg-type]
        nouns, total = side.get(m.start, (set(), 0))
        side[m.start] = (nouns | {m.victim}, total + m.count)  # type: ignore[operator]
    specific = 0
    for side in statements.values():
        nouns_seen = [nouns for nouns, _ in side.values()]
        totals = [total for _, total in side.values()]
        # The same words again: competing reports, the lowest. Other words, same side, same figure: a
        # retelling ("nine tribesmen were killed ... nine leaders died"). Otherwise more dead: they add up.
        if all(nouns == nouns_seen[0] for nouns in nouns_seen):
            specific += min(totals)
        elif len(set(totals)) == 1:
            specific += totals[0]
        else:
            specific += sum(totals)
    further = sum(m.count for m in reports if m.additional)
    return (max(min(generic), specific) if generic else specific) + further


def _is_active_clause(text: str, match: re.Match[str]) -> bool:
    after = text[match.end():match.end() + 40]
    verb_region = text[match.end("items"):match.end()]
    has_aux = re.search(r"\b(?:were|was|are|is|been|being|got)\b", verb_region) is not None
    return not has_aux and OBJECT_FOLLOWS.match(after) is not None


_ACTING_VERB = re.compile(r"\b(?:(?:shot|fired) (?:back|at|into|towards?)|opened fire|returned fire|responded|retaliated)\b", re.IGNORECASE)


# A fraction before "a million", "a thousand", "a hundred", "a dozen", in quarters.
_FRACTIONS = {"quarter": 1, "half": 2, "three quarters": 3, "three-quarters": 3}
_FRACTION_BEFORE = re.compile(r"\b(quarter|half|three[ -]quarters)(?: of)?\s+$", re.IGNORECASE)


def _read_count(match: re.Match[str], name: str) -> tuple[int, bool] | None:
    groups = match.groupdict()
    qualifier = (groups.get(f"{name}q") or "").strip().lower()
    approximate = bool(qualifier) and qualifier not in ("a total of", "a further", "another", "only", "just")
    vague = groups.get(f"{name}v")
    if vague:
        key = " ".join(vague.lower().split())
        return VAGUE_COUNTS.get(key, VAGUE_COUNTS.get(key.removesuffix(" of"), 10)), True
    number = groups.get(name)
    if number:
        value = parse_number(number)
        if value is None:
            return None
        fraction = _FRACTION_BEFORE.search(match.string, max(0, match.start(name) - 20), match.start(name))
        if fraction and value in (12, 100, 1000, 1_000_000):  # "a quarter of a million people": 250,000, not a million
            value = value * _FRACTIONS[fraction.group(1).lower()] // 4
        high = groups.get(f"{name}hi")
        if high and parse_number(high) is not None:
            return min(value, parse_number(high) or value), True  # a range: the lowest figure
        return value, approximate
    if groups.get(f"{name}a") or groups.get(f"{name}d") or groups.get(f"{name}p"):
        return 1, approximate
    return None


def _head_word(group: str) -> str:
    """The last word of who died, before any preposition: "livestock before being repelled" -> livestock."""
    words = re.findall(r"[A-Za-z]+", group)
    cut = next((i for i, word in enumerate(words) if i and word.lower() in PREPOSITIONS), len(words))
    return (words[:cut] or [""])[-1].lower()


def _victim(match: re.Match[str], key: str) -> str | None:
    """The head noun of who died, singular: "leaders in Tapaz town" -> leader."""
    head = _head_word(match.groupdict().get(key) or "")
    if not head:
        return None
    if head in ("people", "persons", "dead", "lives", "others", "victims", "bodies", "corpses", "fatalities", "deaths"):
        return head
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def _mentions_from(match: re.Match[str], kind: str, text: str, offset: int) -> list[FatalityMention]:
    items = []
    listed = any(match.groupdict().get(g) for g in ("s1q", "s1v", "s1", "s1a", "s1d", "s1p"))
    for name, victim_key in (("s0", "v0"), ("s1", "v1"), ("s2", "v2"), ("t0", "")):
        if _is_year(match, name, text):
            continue
        read = _read_count(match, name)
        if read is None:
            continue
        count, approximate = read
        victim = _victim(match, victim_key) if victim_key else None
        gap_words = len(re.findall(r"\S+", match.groupdict().get(victim_key) or "")) if victim_key else 0
        head = _head_word(match.groupdict().get(victim_key) or "")
        if head in NOT_PEOPLE or head in NOT_A_HEAD or (head.endswith("ly") and match.groupdict().get(f"{name}d")):
            continue  # "killed 15 livestock", "the identities of the dead", "his voice eventually died"
        if match.groupdict().get(f"{name}d"):
            # "the driver", "his wife": one person; a plural head ("the militants") gives no count.
            if victim is None or head.endswith("s") or victim in GENERIC_VICTIMS or gap_words > 4:
                continue
            before = text[max(0, match.start(f"{name}d") - 12):match.start(f"{name}d")].lower().split()
            if kind == "subject" and before and before[-1] in PREPOSITIONS:
                continue  # "in the ambush": a place or occasion, not who died
        if kind == "fatalities" and match.groupdict().get(f"{name}a") and "death" in match.group(0).lower().split()[-1]:
            continue  # "a coronavirus death": a cause of death named, not a count
        if match.groupdict().get(f"{name}p"):
            victim = None  # "killed him": a pronoun for someone counted elsewhere or alone
        if (name == "s0" and kind == "subject" and listed and match.groupdict().get("s0a")
                and (gap_words > 2 or _comma_after(match, text))):
            continue  # "A shoot-out broke out and two suspects died", "After a heavy fight, five ...": a clause
        if kind == "subject" and _ACTING_VERB.search(match.groupdict().get(victim_key) or ""):
            continue  # "The police shot back and two armed men were killed": a clause of its own, not a victim
        if name != "s0" and match.groupdict().get(f"{name}d") and _comma_before(match, name, text):
            continue  # "killing a man, the school's director": an apposition, the same person
        additional = (match.groupdict().get(f"{name}a") or "").lower() == "another" or bool(
            re.match(r"\s*(?:other|more|further)\b", match.groupdict().get(victim_key) or "", re.IGNORECASE)
        ) or (match.groupdict().get(f"{name}q") or "").strip().lower() in ("another", "a further")
        items.append((count, approximate, victim, additional))
    record_kind = {"subject": "killed", "object": "killed", "left": "killed", "death_of": "killed",
                   "to_death": "killed"}.get(kind, kind)
    if record_kind == "fatalities" or record_kind == "bodies":
        items = [(c, a, None, extra) for c, a, _, extra in items]
    return [
        FatalityMention(count=c, start=offset + match.start(), end=offset + match.end(), text=match.group(0),
                        approximate=a, victim=v, kind=record_kind, additional=extra)
        for c, a, v, extra in items
    ]


def _comma_after(match: re.Match[str], text: str) -> bool:
    """True when the first listed item is followed by a comma (not "and"): "a heavy fight, five militants"."""
    end = match.end("v0")
    starts = [match.start(g) for g in ("s1q", "s1v", "s1", "s1a", "s1d", "s1p") if match.groupdict().get(g)]
    return bool(starts) and "and" not in text[end:min(starts)]


def _comma_before(match: re.Match[str], name: str, text: str) -> bool:
    start = match.start(f"{name}d")
    return text[max(0, start - 3):start].strip().endswith(",")


def _is_year(match: re.Match[str], name: str, text: str) -> bool:
    """"On 8 May 2020, 5 soldiers were killed": 2020 is the year of a date, not a count."""
    number = match.groupdict().get(name)
    if not number or not re.fullmatch(r"(?:19|20)\d\d", number):
        return False
    before = text[max(0, match.start(name) - 12):match.start(name)]
    return bool(re.search(r"(?:[A-Z][a-z]{2,8}\.?|\d{1,2})[\s,-]+$", before)) or not text[match.end(name):].startswith(" ")


def _special_mentions(text: str, offset: int, found: list[FatalityMention]) -> list[FatalityMention]:
    extra: list[FatalityMention] = []
    for match in NEGATIONS.finditer(text):
        extra.append(FatalityMention(0, offset + match.start(), offset + match.end(), match.group(0), kind="none"))
    for match in CODED_AS.finditer(text):
        value = parse_number(match["n"])
        if value is not None:
            extra.append(FatalityMention(value, offset + match.start(), offset + match.end(), match.group(0), kind="coded"))
    for match in SPLIT.finditer(text):
        value = parse_number(match["k"])
        if value:
            extra.append(FatalityMention(value, offset + match.start(), offset + match.end(), match.group(0), kind="split"))
    died = ONE_PERSON_DIED.finditer(text) if "died" in text.lower() else ()  # (a name-first pattern: costly to scan)
    for match in [*ONE_PERSON_DEAD.finditer(text), *ONE_PERSON_KILLED.finditer(text), *died, *ONE_PERSON_KILLING.finditer(text)]:
        start, end = offset + match.start(), offset + match.end()
        if any(m.start < end and start < m.end for m in found):
            continue  # already read by a counting rule
        if match.re is ONE_PERSON_KILLED and NEAR_MISS_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            continue
        if match.re is ONE_PERSON_KILLING and REACTION_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue  # "protested over the killing of X": the reason for another event, not its deaths
        # One civilian-side death: a later "the activist was killed" about the same person is a retelling.
        # A pronoun ("he was shot dead") counts only when nothing else in the event reports deaths.
        pronoun = match.re is ONE_PERSON_DEAD and bool(match.group("pronoun"))
        extra.append(FatalityMention(1, start, end, match.group(0), victim=PRONOUN_VICTIM if pronoun else "civilian", kind="killed"))
    if not BOMBER_INCLUDED.search(text):
        for match in SUICIDE.finditer(text):
            bombers = parse_number(match["n"]) if match["n"] else 1
            extra.append(FatalityMention(bombers or 1, offset + match.start(), offset + match.end(), match.group(0),
                                         victim="bomber", kind="perpetrator"))
    return extra
