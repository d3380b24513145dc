"""Actors: the knowledge base, mention matching, actor coding and name comparison.

The public face of the actor stage; the work is split by job:
`actor_kb` (YAML knowledge base, resolution by country and date), `actor_mentions`
(finding actors in a spaCy Doc) and `actor_coding` (actor1/actor2 for one event).
"""

from __future__ import annotations

import re

from sitrep.extract.actor_coding import ActorCoding, code_actors
from sitrep.extract.actor_kb import INTER_TYPES, ActorEntry, ActorKB, GenericClass

__all__ = [
    "INTER_TYPES",
    "ActorCoding",
    "ActorEntry",
    "ActorKB",
    "GenericClass",
    "actor_matches",
    "code_actors",
    "split_actor_name",
]

_PERIOD = re.compile(r"^(?P<base>.*?)\s*\((?P<start>\d{4})-(?P<end>\d{4})?\)\s*(?P<unit>.*)$")


def split_actor_name(name: str) -> tuple[str, int | None, str]:
    """Split an ACLED name into base, period start year and sub-unit.

    "Military Forces of Yemen (2016-) Supreme Political Council"
    -> ("Military Forces of Yemen", 2016, "Supreme Political Council")
    """
    match = _PERIOD.match(" ".join(name.split()))
    if not match:
        return " ".join(name.split()), None, ""
    return match["base"], int(match["start"]), match["unit"]


def actor_matches(predicted: str | None, gold: str | None, kb: ActorKB | None = None, *, loose: bool = False) -> bool:
    """Whether a predicted actor name counts as the gold one (for evaluation).

    Both sides are alias-normalised with the KB (an alias on the predicted side is read in the
    gold actor's country: "Daesh" matches "Islamic State (Syria)") and compared without case. A government period
    matches when it starts in the same year ("(2018-)" = "(2018-2020)": the same government,
    named before and after it ended); a different start year is a different government and
    does not match, unless `loose`. A sub-unit ("... Popular Mobilization Forces") matches its
    parent state force when the other side names no unit; two different units do not match.
    Two empty sides match; one empty side does not.
    """
    if not predicted or not gold:
        return not predicted and not gold
    kb = kb or ActorKB.load()
    gold_ref = kb.resolve(gold)
    country = gold_ref.country if gold_ref else None  # an alias is read in the gold actor's country
    pred_base, pred_start, pred_unit = split_actor_name(kb.canonical(predicted, country))
    gold_base, gold_start, gold_unit = split_actor_name(kb.canonical(gold))
    if pred_base.lower() != gold_base.lower():
        return False
    if not loose and pred_start != gold_start and None not in (pred_start, gold_start):
        return False
    return not pred_unit or not gold_unit or pred_unit.lower() == gold_unit.lower()
