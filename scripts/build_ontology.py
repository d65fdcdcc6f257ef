"""Build tealeaves/data/ontology/cameo.csv from the shared CAMEO and CAMEO-to-PLOVER tables.

Takes the facts (code, name, Goldstein value, root, PLOVER type/mode/context); descriptions are
tealeaves's own and live in the package file, so a re-run keeps any description already written.
So are the coder's flags (``FLAGS``): a re-run keeps them, and a code new to the file takes the
flags of its nearest parent already there (``flags_for``). PLOVER for roots 01/02: see ``plover_for``.

    python scripts/build_ontology.py ../shared/data/ontology
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tealeaves" / "data" / "ontology" / "cameo.csv"
GOLDSTEIN_VERSION = "goldstein-1992 (CAMEO codebook 1.1b3 tabulation)"
# per-code flags read by the event coder (tealeaves.coding), 1 or 0
FLAGS = ("reciprocal", "agentless", "verbal", "accusable")


def quad(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def plover_for(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    """PLOVER (type, mode, context) for a CAMEO code.

    The 2021 table has no rows for roots 01 and 02. Root 01 (public statements) has no PLOVER
    event type (PLOVER drops bare statements), so it stays empty. Root 02 (appeals) is PLOVER's
    REQUEST, which covers "requests, demands and orders": each 02x code takes the row of the
    parallel demand code 10x (021 appeal for material cooperation -> 101 demand material
    cooperation: REQUEST/assist), since CAMEO built the two roots with the same sub-codes.
    """
    if code.startswith("01"):
        return ("", "", "")
    if code.startswith("02"):
        code = "10" + code[2:]
    return table.get(code) or table.get(code[:3]) or table.get(code[:2]) or ("", "", "")


def flags_for(code: str, old: dict[str, dict[str, str]]) -> dict[str, str]:
    """The flags of ``code`` as the file has them, else those of its three-digit parent or root."""
    for key in (code, code[:3], code[:2]):
        if key in old and all(old[key].get(f) for f in FLAGS):
            return {f: old[key][f] for f in FLAGS}
    return {f: "0" for f in FLAGS}


def main(src: str) -> None:
    base = Path(src)
    plover: dict[str, tuple[str, str, str]] = {}
    for line in (base / "cameo-to-plover-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z_]+)\s*(?:,\s*([^,#]*))?(?:,\s*([^#]*))?", line)
        if m:
            plover[m.group(1)] = (m.group(2).strip(), (m.group(3) or "").strip(), (m.group(4) or "").strip())
    old: dict[str, dict[str, str]] = {}
    if OUT.exists():
        with OUT.open(encoding="utf-8") as fh:
            old = {r["code"]: r for r in csv.DictReader(line for line in fh if not line.startswith("#"))}
    rows = []
    with (base / "cameo-codes.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = r["code"].strip()
            p = plover_for(code, plover)
            rows.append({
                "code": code, "name": r["name"].strip(), "root": r["root_code"].strip(),
                "quad": quad(r["root_code"]), "goldstein": r["goldstein"].strip(),
                "plover": p[0], "plover_mode": p[1], "plover_context": p[2],
                **flags_for(code, old),
                "description": old.get(code, {}).get("description", ""),
            })
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# CAMEO ontology for tealeaves. goldstein_version: {GOLDSTEIN_VERSION}\n")
        fh.write("# Codes, names and Goldstein values: CAMEO codebook (public). PLOVER mapping: openeventdata/PLOVER 2021 (CC BY-SA 4.0).\n")
        fh.write("# PLOVER: root 01 (statements) has no PLOVER type and stays empty; root 02 (appeals) is REQUEST, each 02x taking the row of its parallel demand code 10x.\n")
        fh.write("# Descriptions are tealeaves's own short wording; scripts/build_ontology.py keeps them on a re-run.\n")
        fh.write("# Flags (1/0) for the event coder: reciprocal = conjoined sources act on each other when no target is named;"
                 " agentless = coded from a passive that names no agent; verbal = needs a coded or political source;"
                 " accusable = a party's report of it is an accusation.\n")
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ontology")
