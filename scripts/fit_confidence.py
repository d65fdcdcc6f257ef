"""Refit the shipped confidence model (tealeaves/data/confidence/conf_lr.v3.json) on the project's gold.

Codes the wire-news gold (evaluation/wire-2004/gold.jsonl, text from ../shared), PETR-2 and the
ConfliBERT class file (../shared/data/gold; the last only with --conflibert-weight), fits on the tuning half (``tealeaves.calibration.fit``)
and prints the reliability table and figures of the check half with the new model. Rerun it after
the coder changes: the same gold and coder always give the same coefficients.

    python scripts/fit_confidence.py [--shared ../shared] [--out tealeaves/data/confidence/conf_lr.v3.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from tealeaves import calibration, evaluate
from tealeaves.coding.confidence import MODEL_NAME, Model

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared")
    ap.add_argument("--shared", default=str(shared), help="the shared folder holding data/gold and data/corpus")
    ap.add_argument("--gold", default=str(ROOT / "evaluation" / "wire-2004" / "gold.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "tealeaves" / "data" / "confidence" / f"{MODEL_NAME}.json"))
    ap.add_argument("--c", type=float, default=None, help="inverse L2 strength of the regression (default: chosen out of fold from calibration.C_GRID)")
    ap.add_argument("--conflibert-weight", type=float, default=calibration.SOURCE_WEIGHT["conflibert"],
                    help="weight of ConfliBERT class-labelled events (0: not coded; see docs/confidence.md)")
    ap.add_argument("--rows", default=None, help="also write the labelled rows (JSON Lines) here")
    ap.add_argument("--from-rows", default=None, help="fit on rows written by --rows instead of coding the gold again")
    args = ap.parse_args()
    shared = Path(args.shared)
    calibration.SOURCE_WEIGHT["conflibert"] = args.conflibert_weight
    corpus = shared / "data" / "corpus" / "agnews-world-2004-dev.jsonl"
    if args.from_rows:
        rows = [calibration.Labelled(**json.loads(line)) for line in open(args.from_rows, encoding="utf-8")]
    else:
        say = lambda s: print(s, file=sys.stderr)  # noqa: E731
        rows = calibration.collect([args.gold], corpus, say=say, source="wire")
        rows += evaluate.confidence_rows(shared / "data" / "gold", say=say, conflibert=args.conflibert_weight > 0)
    if args.rows:
        with open(args.rows, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r.__dict__) + "\n")
    model = calibration.fit(rows, MODEL_NAME, c=args.c)
    scored = [replace(r, confidence=model.probability(r.features)) for r in rows]
    wire = [r for r in scored if r.source == "wire"]
    figs, details = calibration.figures(wire, model.threshold)
    model = Model(model.name, model.weights, model.intercept, model.scale, model.shift, model.threshold,
                  {**(model.info or {}), "check": {k: v for k, v in figs.items() if ".check." in k or k == "confidence.ece"}})
    model.write(args.out)
    for half in ("tune", "check"):
        print(f"\n{half} half of the wire gold ({len([r for r in wire if r.half == half])} events):")
        print(calibration.render_reliability(details[half]["reliability"]))
    for k, v in figs.items():
        print(f"{k:45s} {v}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
