"""List the wire-news gold items of one half with the expected events beside what the coder made.

    .venv/bin/python scripts/wire_errors.py [--half tune] [--only-wrong] [--ids agw-0010,agw-0014]

Tune rules on the tuning half only; the check half is for reporting (``tealeaves evaluate``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tealeaves import evaluate_wire as wire
from tealeaves.evaluate_base import code_documents
from tealeaves.registry import actor_resolver
from tealeaves.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT / "evaluation/wire-2004/gold.jsonl"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/data/corpus/agnews-world-2004-dev.jsonl"))
    ap.add_argument("--half", default="tune", choices=("tune", "check"))
    ap.add_argument("--only-wrong", action="store_true", help="skip items where every event is fully right and none is missing")
    ap.add_argument("--ids", default="", help="comma-separated ids to show")
    args = ap.parse_args()
    items = wire.attach_text(wire.read_gold(args.gold), args.corpus)
    wanted = set(filter(None, args.ids.split(",")))
    items = [i for i in items if (i.id in wanted) if wanted] or [i for i in items if wire.half_of(i.id) == args.half]
    settings = load_settings()
    for doc, events in code_documents(wire.documents(items), settings, actor_resolver(settings)):
        item = next(i for i in items if i.id == doc.id)
        gold = [(g.code, g.source or "---", g.target or "---") for g in item.events]
        got = [(e.cameo, e.modality, wire.mention_key(e.source) or "---", wire.mention_key(e.target) or "---", e.rule) for e in events]
        counted = [(c[:2], s, t) for c, m, s, t, _ in got if m in wire.COUNTED]
        right = wire.score([item], {doc.id: events})["all"]
        if not gold and not got:
            continue
        if args.only_wrong and right["precision"] == 1.0 and right["recall"] == 1.0:
            continue
        print(f"== {doc.id} | {doc.title} | {doc.text[:300]}")
        print(f"   expected: {gold}")
        for c, m, s, t, rule in got:
            print(f"   coded:    {c} {m} {s}->{t}   [{rule[:70]}]")
        print(f"   counted root/source/target: {counted}")


if __name__ == "__main__":
    main()
