"""`sitrep evaluate --format muc4`: MUC-4 terrorism templates (JSONL: docid, doctext, templates).

Mapping from Sitrep events to MUC-4 templates (docs/evaluation.md):
- incident type: Explosions/Remote violence with a bomb, IED, suicide bomb or grenade -> "bombing";
  Abduction/forced disappearance -> "kidnapping"; Looting/property destruction -> "arson" when the
  evidence burns something, else "robbery"; every other Battles, Explosions (air strike, shelling,
  chemical), Violence against civilians and Riots/Mob violence event -> "attack"; Protests and the
  other Strategic developments have no MUC template.
- PerpInd/PerpOrg: the words that name who acted (the subjects/agents of the event's cue verbs);
  Victim: the words for who was harmed (objects and passive subjects); Target: the same phrases when
  they name a thing rather than a person; Weapon: the weapon words of the cues ("bomb", "grenade", "rifles").
- A gold role filler (an entity with its coreferent mentions) is found when a predicted phrase
  contains one of its mentions, or one of its mentions contains a predicted phrase's head word.

Dates are not scored (the documents carry none), so background events count as well.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from sitrep.evaluate.scoring import fmt, mention_f1, ratio
from sitrep.extract.taxonomy import BATTLES, EXPLOSIONS, RIOTS, VIOLENCE_AGAINST_CIVILIANS
from sitrep.records import Article, Event

ROLES = ("PerpInd", "PerpOrg", "Victim", "Target", "Weapon")
_BOMB_SUBTYPES = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}
_FIRE = re.compile(r"\b(?:burn|burned|burnt|set fire|torch|arson|fire)\w*", re.IGNORECASE)
_WEAPON = re.compile(
    r"\b(?:bombs?|car bombs?|explosives?|explosive devices?|dynamite(?: sticks?)?|grenades?|mortars?|rockets?|missiles?|"
    r"rifles?|machine ?guns?|guns?|firearms?|pistols?|mines?|ak-47s?|m-16s?|bullets|knives|machetes?|tnt|artillery|"
    r"car bomb|incendiary devices?|molotov cocktails?)\b",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"\b(?:people|persons?|civilians?|m[ae]n|wom[ae]n|child(?:ren)?|peasants?|students?|priests?|jesuits?|soldiers?|officers?|"
    r"policem[ae]n|guards?|mayors?|judges?|leaders?|members?|workers?|journalists?|minister|president|candidate|"
    r"[a-z]+ists?|[a-z]+ers?)\b",
    re.IGNORECASE,
)


def incident_type(event: Event) -> str | None:
    if event.sub_event_type == "Abduction/forced disappearance":
        return "kidnapping"
    if event.event_type == EXPLOSIONS and event.sub_event_type in _BOMB_SUBTYPES:
        return "bombing"
    if event.sub_event_type == "Looting/property destruction":
        return "arson" if _FIRE.search(event.notes) else "robbery"
    if event.event_type in (BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS) or event.sub_event_type == "Mob violence":
        return "attack"
    if event.event_type == RIOTS:
        return "attack"
    return None


def read_gold(path: Path) -> list[dict]:
    docs = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"line {number}: not JSON ({exc.msg})") from None
                if not isinstance(record, dict) or "doctext" not in record or "templates" not in record:
                    raise ValueError(f"line {number}: not a MUC-4 record (needs doctext and templates)")
                docs.append(record)
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({exc.reason})") from exc
    if not docs:
        raise ValueError("no documents")
    return docs


def _gold_type(template: dict) -> str:
    return str(template.get("incident_type", "")).split("/")[0].strip().lower()


def _gold_entities(templates: list[dict], role: str) -> list[list[str]]:
    """Distinct gold entities of a role in a document, each as its list of mention strings."""
    seen: dict[str, list[str]] = {}
    for template in templates:
        for entity in template.get(role) or []:
            mentions = [m[0].lower() for m in entity if m]
            if mentions:
                seen.setdefault(mentions[0], mentions)
    return list(seen.values())


def _found(entity: list[str], predicted: list[str]) -> bool:
    for phrase in predicted:
        head = phrase.split()[-1] if phrase.split() else ""
        if any(m in phrase or (head and re.search(rf"\b{re.escape(head)}\b", m)) for m in entity):
            return True
    return False


def _role_sets(gold: list[list[str]], predicted: list[str]) -> tuple[set[str], set[str]]:
    """Gold entity keys and predicted keys, aligned so that mention_f1's set intersection counts matches."""
    gold_keys = {e[0] for e in gold}
    pred_keys: set[str] = set()
    for phrase in dict.fromkeys(predicted):
        entity = next((e for e in gold if _found(e, [phrase])), None)
        pred_keys.add(entity[0] if entity else f"~{phrase}")
    return gold_keys, pred_keys


def evaluate(gold: Path, limit: int | None = None) -> dict:
    from sitrep.extract.roles import event_roles
    from sitrep.pipeline import Extractor

    docs = read_gold(gold)
    if limit:
        docs = docs[:limit]
    extractor = Extractor()
    articles = [Article(text=d["doctext"], id=f"muc4-{i}") for i, d in enumerate(docs)]
    type_pairs: list[tuple[str, str]] = []
    template_gold: Counter = Counter()
    template_pred: Counter = Counter()
    template_tp = 0
    role_gold: dict[str, list[set[str]]] = {r: [] for r in ROLES}
    role_pred: dict[str, list[set[str]]] = {r: [] for r in ROLES}
    results = {r.article.id: r for r in extractor.extract(articles)}
    for record, article in zip(docs, articles):
        result = results[article.id]
        templates = record["templates"]
        events = [e for e in result.events if not e.generic and incident_type(e)]
        gold_types = Counter(_gold_type(t) for t in templates)
        pred_types = Counter(incident_type(e) for e in events)
        type_pairs.append((_gold_type(templates[0]) if templates else "none", incident_type(events[0]) if events else "none"))
        template_gold.update(gold_types)
        template_pred.update(pred_types)
        template_tp += sum((gold_types & pred_types).values())
        roles = event_roles(extractor.nlp, events)
        for role in ROLES:
            gold_entities = _gold_entities(templates, role)
            predicted = roles["perpetrators"] if role.startswith("Perp") else roles["weapons"] if role == "Weapon" else (
                [p for p in roles["victims"] if _PERSON.search(p)] if role == "Victim" else [p for p in roles["victims"] if not _PERSON.search(p)]
            )
            gold_keys, pred_keys = _role_sets(gold_entities, [p.lower() for p in predicted])
            role_gold[role].append(gold_keys)
            role_pred[role].append(pred_keys)
    n_pred, n_gold = sum(template_pred.values()), sum(template_gold.values())
    precision = template_tp / n_pred if n_pred else 0.0
    recall = template_tp / n_gold if n_gold else 0.0
    return {
        "gold_file": str(gold),
        "documents": len(docs),
        "incident_type_accuracy": ratio(sum(1 for g, p in type_pairs if g == p), len(type_pairs)),
        "relevance_accuracy": ratio(sum(1 for g, p in type_pairs if (g == "none") == (p == "none")), len(type_pairs)),
        "incident_templates": {
            "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "gold": n_gold, "predicted": n_pred, "matched": template_tp,
        },
        "roles": {role: mention_f1(role_gold[role], role_pred[role]) for role in ROLES},
    }


def render(report: dict) -> str:
    t = report["incident_templates"]
    lines = [
        f"MUC-4 evaluation: {report['gold_file']}",
        f"documents {report['documents']}",
        f"  incident type accuracy (first template vs first event, 'none' when empty) {fmt(report['incident_type_accuracy'])}",
        f"  relevant/irrelevant document accuracy  {fmt(report['relevance_accuracy'])}",
        f"  incident templates by type: P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f} "
        f"(gold {t['gold']}, predicted {t['predicted']}, matched {t['matched']})",
        "role fillers (micro P / R / F1, gold, predicted):",
    ]
    for role, row in report["roles"].items():
        lines.append(f"  {role:<8} {row['precision']:.3f} / {row['recall']:.3f} / {row['f1']:.3f}  gold {row['gold']}, predicted {row['predicted']}")
    return "\n".join(lines)
