"""Actor coverage and actor coding accuracy on an ACLED export.

    .venv/bin/python benchmarks/bench_actors.py ../shared/datasets/acled/acled-2020-05-dev.csv [--limit N] [--errors FILE]

1. KB coverage: the share of gold actor1/actor2 names the knowledge base can produce for the
   row's country and date (exact name, and the same name modulo the government period).
2. Coding: runs the mention matcher and `code_actors` over each row's note, with the gold
   event type, sub-event type and country, and the trigger taken as the first verb of an
   event word list (the events stage is not used here), and reports how often actor1 /
   actor2 / inter1 match the gold (`actor_matches`, strict and loose on periods).
Reads the gold file only; writes nothing unless --errors is given (a local error listing).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from datetime import date, datetime

from sitrep.extract.actors import ActorKB, actor_matches, code_actors, split_actor_name

TRIGGER_LEMMAS = {
    "attack",
    "kill",
    "clash",
    "fight",
    "shell",
    "strike",
    "bomb",
    "explode",
    "detonate",
    "fire",
    "shoot",
    "ambush",
    "raid",
    "abduct",
    "kidnap",
    "arrest",
    "detain",
    "protest",
    "demonstrate",
    "rally",
    "march",
    "gather",
    "riot",
    "storm",
    "burn",
    "loot",
    "torch",
    "target",
    "launch",
    "assault",
    "beat",
    "lynch",
    "stab",
    "hack",
    "rape",
    "seize",
    "capture",
    "take",
    "retake",
    "destroy",
    "hit",
    "wound",
    "injure",
    "execute",
    "behead",
    "torture",
    "intercept",
    "defuse",
    "strike",
    "block",
    "engage",
    "repel",
    "use",
}


def producible(kb: ActorKB, country: str, on: date) -> set[str]:
    names = {kb.entry_ref(e, on, country).name for e in kb.entries if e.active_on(on) or e.country == country}
    for state in kb.countries:  # any country's forces can act here (inter 8 abroad)
        for kind in ("military", "police", "government"):
            names.add(kb.state_name(kind, state, on))
    for cls in kb.generic.values():
        names.add(kb.generic_ref(cls, country, on, country).name)
    for pattern in ("Protesters", "Rioters", "Civilians", "Unidentified Armed Group"):
        names.add(f"{pattern} ({country})")
    return names


def _loose_key(name: str) -> tuple[str, str]:
    base, _start, unit = split_actor_name(name)
    return base.lower(), unit.lower()


def _government_key(name: str) -> tuple[str, int | None, str]:
    """Same name and same government (period start year): "(2018-)" and "(2018-2020)" agree."""
    base, start, unit = split_actor_name(name)
    return base.lower(), start, unit.lower()


def trigger_of(sent):
    for tok in sent:
        if tok.lemma_.lower() in TRIGGER_LEMMAS and tok.pos_ in ("VERB", "NOUN"):
            return tok
    return sent.root


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", help="write mismatches (tab-separated) to this file")
    args = parser.parse_args(argv)
    with open(args.gold, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if args.limit:
        rows = rows[: args.limit]
    kb = ActorKB.load()

    cover = Counter()
    for row in rows:
        on = datetime.strptime(row["event_date"], "%d-%b-%y").date()
        names = producible(kb, row["country"], on)
        loose = {_loose_key(n) for n in names}
        governments = {_government_key(n) for n in names}
        for slot in ("actor1", "actor2"):
            gold = row[slot]
            if not gold:
                continue
            cover[f"{slot}_n"] += 1
            cover[f"{slot}_exact"] += gold in names
            cover[f"{slot}_government"] += _government_key(gold) in governments
            cover[f"{slot}_loose"] += _loose_key(gold) in loose

    from sitrep.nlp.pipeline import load_pipeline
    from sitrep.settings import Settings

    nlp = load_pipeline(Settings())
    score = Counter()
    errors = []
    notes = [(row["notes"], row) for row in rows]
    for doc, row in nlp.pipe(notes, as_tuples=True, batch_size=64):
        on = datetime.strptime(row["event_date"], "%d-%b-%y").date()
        country = row["country"]
        mentions = kb.match_mentions(doc, country, on)
        sents = list(doc.sents)
        sent = next(
            (s for s in sents if any(m.start is not None and s.start_char <= m.start < s.end_char for m in mentions)),
            sents[0],
        )
        sent = next((s for s in sents if trigger_of(s).lemma_.lower() in TRIGGER_LEMMAS), sent)
        coding = code_actors(
            sent, trigger_of(sent), mentions, country, row["event_type"], row["sub_event_type"], kb=kb, on_date=on
        )
        score["n"] += 1
        for slot in ("actor1", "actor2"):
            gold, pred = row[slot] or None, getattr(coding, slot)
            score[f"{slot}_strict"] += actor_matches(pred, gold, kb)
            score[f"{slot}_loose"] += actor_matches(pred, gold, kb, loose=True)
        score["inter1"] += str(coding.inter1 or "") == row["inter1"]
        for slot in ("actor1", "actor2"):
            if args.errors and not actor_matches(getattr(coding, slot), row[slot] or None, kb, loose=True):
                errors.append((slot, row["event_type"], row[slot], getattr(coding, slot) or "", row["notes"][:200]))

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "n/a"

    print(f"rows: {len(rows)}")
    for slot in ("actor1", "actor2"):
        n = cover[f"{slot}_n"]
        print(
            f"KB can produce gold {slot}: exact {pct(cover[f'{slot}_exact'], n)}, "
            f"same government {pct(cover[f'{slot}_government'], n)}, modulo period {pct(cover[f'{slot}_loose'], n)}"
        )
    n = score["n"]
    for slot in ("actor1", "actor2"):
        print(
            f"coded {slot} = gold: strict {pct(score[f'{slot}_strict'], n)}, "
            f"loose on periods {pct(score[f'{slot}_loose'], n)}"
        )
    print(f"coded inter1 = gold: {pct(score['inter1'], n)}")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as out:
            for err in errors:
                out.write("\t".join(err) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
