"""Who is speaking: speaker mentions, roles, anonymous sources, pronouns and short names.

A speaker mention is the subject of a speech verb ("said Col. Saad Mohammed"), the object of
"according to" ("according to security officials") or a pronoun ("he said"). `speaker_from_token`
turns the head token of such a mention into a `Speaker`; `Discourse` remembers who has been
mentioned so that "he" goes to the nearest compatible antecedent and "Heller" to the
"Sam Heller" named earlier. Speakers are kept only as the attribution of what they said:
there is no directory of people.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_PLURAL = {"they", "them", "we"}
PRONOUNS_THING = {"it"}
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_THING

# Titles written before a name; they belong to how the article names the speaker.
TITLES = {
    "col", "col.", "colonel", "gen", "gen.", "general", "lt", "lt.", "lieutenant", "maj", "maj.", "major",
    "capt", "capt.", "captain", "sgt", "sgt.", "brig", "brig.", "adm", "adm.", "cmdr", "cmdr.", "sheikh",
    "shaikh", "imam", "mullah", "president", "minister", "prime", "gov", "gov.", "governor", "mayor",
    "sen", "sen.", "senator", "rep", "rep.", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "prof", "prof.", "ayatollah", "bishop", "father", "rev", "rev.", "judge", "ambassador", "commander",
}
# Nouns naming institutions rather than people: an unnamed institution is not an anonymous source.
INSTITUTIONS = {
    "army", "military", "police", "government", "ministry", "forces", "force", "agency", "group",
    "council", "office", "command", "coalition", "administration", "department", "militia", "movement",
    "organization", "organisation", "committee", "court", "parliament", "media", "channel", "newspaper",
    "outlet", "statement", "spokesperson's office", "cabinet", "presidency", "embassy", "navy", "unit",
    "battalion", "brigade", "division", "authority", "company", "state", "regime", "party", "front",
}
_ORG_ENTS = {"ORG", "GPE", "NORP", "FAC"}
# Collective parties to a conflict: "the rebels said" speaks for the group, like "the army said".
PARTY_NOUNS = {"rebel", "militant", "insurgent", "jihadist", "separatist", "militia", "guerrilla", "taliban", "troop"}
# Common nouns for people: an unnamed subject is a candidate antecedent of "he"/"they" only if it is
# one of these (or a named person, or an institution) - "the convoy" never says anything.
PEOPLE_NOUNS = {
    "official", "officer", "commander", "soldier", "fighter", "militant", "rebel", "insurgent", "resident",
    "witness", "analyst", "expert", "spokesman", "spokeswoman", "spokesperson", "source", "diplomat", "elder",
    "leader", "minister", "governor", "mayor", "president", "general", "colonel", "captain", "sergeant",
    "doctor", "nurse", "medic", "teacher", "farmer", "trader", "shopkeeper", "survivor", "victim", "villager",
    "activist", "protester", "journalist", "reporter", "researcher", "investigator", "monitor", "worker",
    "driver", "student", "man", "woman", "men", "women", "father", "mother", "son", "daughter", "brother",
    "sister", "relative", "neighbour", "neighbor", "member", "lawmaker", "politician", "envoy", "ambassador",
    "negotiator", "mediator", "chief", "head", "director", "coordinator", "representative", "abductee",
    "hostage", "detainee", "prisoner", "refugee", "narrator", "pastor", "priest", "imam", "cleric", "sheikh",
    "tribesman", "militiaman", "policeman", "guard", "pilot", "lawyer", "judge", "prosecutor", "citizen",
    "people", "person", "civilian", "veteran", "recruit", "defector", "informant", "employee", "staff",
    "volunteer", "engineer", "scholar", "professor", "fellow", "observer", "critic", "supporter",
}
_NAME_PARTS = {"compound", "flat", "poss", "case", "nmod", "amod"}


@dataclass
class Speaker:
    name: str  # as the article names them: "Col. Saad Mohammed", "an Iraqi military commander"
    role: str | None = None  # the description given with the name: "a security analyst who advises ..."
    anonymous: bool = False  # a person or people the article does not name
    kind: str = "person"  # person | organisation
    plural: bool = False
    start: int = 0  # the mention in the article
    end: int = 0


def speaker_from_token(head: Token, discourse: "Discourse | None" = None, coordinated: bool = True) -> Speaker | None:
    """The speaker a mention headed by `head` stands for; None when it names nobody."""
    if head.lower_ in PRONOUNS:
        return discourse.resolve_pronoun(head) if discourse else None
    if head.pos_ not in ("NOUN", "PROPN") and not head.ent_type_:
        return None
    conjuncts = [c for c in head.children if c.dep_ == "conj"]
    if conjuncts and coordinated:
        return _coordinated(head, conjuncts)
    if _title_before_name(head):  # "recalled Sgt. Maria Lopez" parsed with "Sgt" as the head
        name = next(t for t in head.doc[head.i + 1 : head.i + 3] if t.pos_ == "PROPN")
        head = next((t for t in head.doc[name.i : name.i + 4] if t.dep_ != "compound"), name)
    appositive_name = next((c for c in head.subtree if _naming_appositive(c, head)), None)
    if not _is_named(head) and appositive_name is not None:  # "an analyst, Sam Heller, said"
        person = _named(appositive_name, discourse)
        return replace(person, role=person.role or _description(head, stop_at=appositive_name))
    if _is_named(head):
        return _named(head, discourse)
    return _described(head)


def fronted_description(subject: Token) -> str | None:
    """"A veteran of the campaign that defeated the caliphate, Mohammed said ...": a noun phrase
    opening the sentence, set off by a comma right before the speaker, describes the speaker."""
    verb = subject.head
    for child in verb.lefts:
        if child.i >= subject.i or child.pos_ != "NOUN" or child.dep_ not in ("dep", "npadvmod", "appos", "nsubj"):
            continue
        between = subject.doc[child.right_edge.i + 1 : subject.left_edge.i]
        if [t.text for t in between] == [","] and child.left_edge.i == child.sent.start:
            return _clean(subject.doc[child.left_edge.i : child.right_edge.i + 1].text)
    return None


def _title_before_name(token: Token) -> bool:
    if not token.is_title or (token.lower_ not in TITLES and token.lower_ + "." not in TITLES):
        return False
    following = [t for t in token.doc[token.i + 1 : token.i + 3] if t.text != "."]
    return bool(following) and following[0].pos_ == "PROPN"


def _naming_appositive(token: Token, head: Token) -> bool:
    """A name in apposition to the head or to its prepositional phrase ("The spokesman for the coalition,
    Col. Brian Hart"), not one inside a relative clause ("a protester who gave his first name, Ali")."""
    if token.dep_ != "appos" or token.i < head.i or not _is_named(token):
        return False
    current = token.head
    while current.i != head.i:
        if current.dep_ in ("relcl", "acl", "ccomp", "advcl", "xcomp") or current.head.i == current.i:
            return False
        current = current.head
    return True


def _is_named(token: Token) -> bool:
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG"):
        return True
    # "the group's Amaq news agency": a common noun named by a proper compound
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts)


def _entity_around(doc: Doc, i: int) -> tuple[int, int] | None:
    """Token range of the entity holding token i, read from the IOB tags the way `doc.ents` reads them
    (which builds every entity of the Doc on each access)."""
    if doc[i].ent_iob not in (1, 3):  # 1: inside, 3: begins
        return None
    first = i
    while first > 0 and doc[first].ent_iob == 1:
        first -= 1
    if doc[first].ent_iob != 3:
        return None
    last = i + 1
    while last < len(doc) and doc[last].ent_iob == 1:
        last += 1
    return first, last


def _name_span(head: Token) -> tuple[int, int]:
    """Token range of the name: the head with its compounds, titles and possessor."""
    doc = head.doc
    first = head.i
    for child in head.lefts:
        if child.dep_ in _NAME_PARTS and (child.pos_ == "PROPN" or child.dep_ in ("compound", "poss", "case") or child.ent_type_):
            first = min(first, child.left_edge.i)
    last = head.i + 1
    if head.ent_type_:  # the whole entity, e.g. "Hisham al-Hashimi", "the Ministry of Defence"
        ent = _entity_around(doc, head.i)
        if ent is not None:
            first, last = min(first, ent[0]), max(last, ent[1])
    while first > 0 and doc[first - 1].lower_ in TITLES and doc[first - 1].is_title:
        first -= 1  # "Col." may be tagged outside the compound
    while first < head.i and doc[first].dep_ == "det":
        first += 1  # "the" is not part of a name
    while last > head.i + 1 and (doc[last - 1].is_punct or doc[last - 1].dep_ == "case"):
        last -= 1
    return first, last


def _named(head: Token, discourse: "Discourse | None") -> Speaker:
    doc = head.doc
    first, last = _name_span(head)
    name = doc[first:last].text
    role = None
    appositive = next((c for c in head.children if c.dep_ == "appos"), None)
    if appositive is not None:
        role = _clean(doc[appositive.left_edge.i : appositive.right_edge.i + 1].text)
    tokens = {t.lower_ for t in doc[first:last]}
    is_person = head.ent_type_ == "PERSON" or bool(tokens & TITLES)
    is_org = head.ent_type_ in _ORG_ENTS or head.lower_ in INSTITUTIONS
    if is_org and not is_person:
        kind = "organisation"
    else:
        kind = "person"
    speaker = Speaker(
        name=name, role=role, kind=kind, plural=head.tag_ in ("NNS", "NNPS") and kind == "person",
        start=doc[first].idx, end=doc[last - 1].idx + len(doc[last - 1]),
    )
    if discourse is not None and kind == "person" and last - first == 1 and not role:
        known = discourse.full_name(name)  # "Heller" after "Sam Heller, an expert ..."
        if known is not None:
            return replace(known, start=speaker.start, end=speaker.end)
    return speaker


def _described(head: Token) -> Speaker:
    """An unnamed speaker: "an Iraqi military commander", "security officials", "the army"."""
    doc = head.doc
    first = head.left_edge.i
    name = doc[first : head.i + 1].text
    description = _description(head)
    institution = head.lemma_.lower() in INSTITUTIONS or head.lower_ in INSTITUTIONS
    definite = any(c.lower_ == "the" or c.dep_ == "poss" for c in head.lefts)
    plural = head.tag_ == "NNS"
    # "the governor", "the country's president": one person known by office, not an anonymous source;
    # "the rebels": a party to the conflict speaking as one.
    identified = definite and (not plural or head.lemma_.lower() in PARTY_NOUNS)
    institution = institution or (definite and plural and head.lemma_.lower() in PARTY_NOUNS)
    return Speaker(
        name=name,
        role=description if description != name else None,
        anonymous=not institution and not identified,
        kind="organisation" if institution else "person",
        plural=plural,
        start=doc[first].idx,
        end=head.idx + len(head),
    )


def _description(head: Token, stop_at: Token | None = None) -> str:
    """The mention with its modifiers, cut at the first comma after the head."""
    doc = head.doc
    end = head.right_edge.i + 1
    for token in doc[head.i + 1 : end]:
        if token.text in (",", ";", "(", "—", "–") or (stop_at is not None and token.i >= stop_at.left_edge.i):
            end = token.i
            break
    return _clean(doc[head.left_edge.i : end].text)


def _coordinated(head: Token, conjuncts: list[Token]) -> Speaker:
    """"Iraq's Defense Ministry and analysts tracking the group": one source of several parties."""
    doc = head.doc
    parts = [speaker_from_token(t, None, coordinated=False) for t in [head, *conjuncts]]
    first, last = head.left_edge.i, max(c.right_edge.i for c in conjuncts) + 1
    return Speaker(
        name=_clean(doc[first:last].text),
        anonymous=all(p is not None and p.anonymous for p in parts),
        kind="organisation" if any(p is not None and p.kind == "organisation" for p in parts) else "person",
        plural=True,
        start=doc[first].idx,
        end=doc[last - 1].idx + len(doc[last - 1]),
    )


_SALIENT_REACH = 600  # characters: about three sentences back


def _subject_like(token: Token) -> bool:
    """A subject, or a name in apposition to one ("Her neighbour, Paul Otieno, disagreed")."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass")


def _can_speak(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ == "PROPN" or lemma in PEOPLE_NOUNS or token.lower_ in PEOPLE_NOUNS or lemma in INSTITUTIONS


def _clean(text: str) -> str:
    return text.strip().strip(",;:—– ").strip()


class Discourse:
    """Who has been mentioned so far, in text order, for pronouns and short names."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]) -> None:
        self.mentions: list[Speaker] = []
        self._people: dict[str, Speaker] = {}
        self._quoted = quoted
        self._salient: set[tuple[int, int]] = set()  # speakers and subjects: the likelier antecedents
        for ent in doc.ents:  # people named anywhere outside quotes are candidate antecedents
            if ent.label_ == "PERSON" and not self._inside_quote(ent.start_char):
                person = _named(ent.root, None)
                if person.kind == "person":
                    self._remember_name(person)
                    self.mentions.append(person)
                    if _subject_like(ent.root):
                        self._salient.add((person.start, person.end))
        for token in doc:  # so are the subjects of sentences: "Village elders met ... they said"
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN") and not token.ent_type_ == "PERSON":
                if not self._inside_quote(token.idx) and _can_speak(token):
                    mention = speaker_from_token(token, None)
                    if mention is not None:
                        self.mentions.append(mention)
                        self._salient.add((mention.start, mention.end))
        self.mentions.sort(key=lambda s: s.start)

    def _inside_quote(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self._quoted)

    def _remember_name(self, person: Speaker) -> None:
        words = [w for w in person.name.split() if w.lower().strip(".") + "." not in TITLES and w.lower() not in TITLES]
        if len(words) >= 2:
            surname = words[-1]
            known = self._people.get(surname)
            if known is None or (person.role and not known.role):
                self._people[surname] = person
            self._people.setdefault(words[0], person)  # "Chen" for "Chen Wei", family name first

    def full_name(self, surname: str) -> Speaker | None:
        return self._people.get(surname)

    def add(self, speaker: Speaker) -> None:
        """Record a speaker as a mention; later mentions of a surname pick up the fuller record."""
        if speaker.kind == "person" and not speaker.anonymous:
            self._remember_name(speaker)
        self.mentions = [m for m in self.mentions if (m.start, m.end) != (speaker.start, speaker.end)]
        self.mentions.append(speaker)
        self._salient.add((speaker.start, speaker.end))
        self.mentions.sort(key=lambda s: s.start)

    def resolve_pronoun(self, pronoun: Token) -> Speaker | None:
        """The nearest mention before the pronoun that agrees with it in number and kind: first
        among recent speakers and subjects ("The friend said ... “...,” he told the BBC" is the
        friend, not the preacher named as an object in between), then among all mentions."""
        recent = [m for m in self.mentions if (m.start, m.end) in self._salient and pronoun.idx - m.end < _SALIENT_REACH]
        return self._agreeing(pronoun, recent) or self._agreeing(pronoun, self.mentions)

    def _agreeing(self, pronoun: Token, mentions: list[Speaker]) -> Speaker | None:
        word = pronoun.lower_
        for mention in reversed(mentions):
            if mention.end > pronoun.idx:
                continue
            if word in PRONOUNS_PERSON and mention.kind == "person" and not mention.plural:
                return mention
            if word in PRONOUNS_PLURAL and (mention.plural or mention.kind == "organisation"):
                return mention
            if word in PRONOUNS_THING and mention.kind == "organisation" and not mention.plural:
                return mention
        return None
