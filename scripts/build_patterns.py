"""Build tealeaves/data/events/patterns-petrarch2.tsv from petrarch2's CAMEO.2.0.txt verb dictionary.

petrarch2 groups synonymous verbs in blocks (``---  FREEZE  [---]  ---``), gives some verbs a
default code, and lists phrase patterns under them (``- * RELATIONS [160]``). This keeps a
deliberately small, precise subset in tealeaves's own one-pattern-per-line format:

* phrase patterns whose words are plain words or ``{multi word}`` nouns placed after the verb,
  optionally inside ``(PREP NOUN)`` groups, for the verb the pattern was written for (its
  ``# VERB`` comment, else the block's verb), never for the whole loose synonym block, and without
  expanding ``&SYNSET`` classes;
* bare verbs only from a reviewed list (``BARE_VERBS_KEEP``) and only where the block or the verb
  line carries one code (no ``042:043`` pairs);
* never the patterns reviewed as loose (``LOOSE``);
* never statements (root 01, the commonest false positive: "said"), never ``---`` (no-event) codes,
  never patterns with subject-side words, ``$``/``+`` role markers or ``%`` compounds.

Hand-written patterns in patterns.tsv win over these at equal specificity. The output carries the
petrarch2 snapshot it came from; the MIT notice ships beside it as LICENSE-petrarch2.txt.

    python scripts/build_patterns.py ../shared/data/reference/petrarch2
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent / "tealeaves" / "data" / "events"
OUT = OUT_DIR / "patterns-petrarch2.tsv"
SKIP_ROOTS = {"01"}
# Bare verbs (no object words) are kept only from this reviewed list: most of petrarch2's bare
# verbs ("express", "claim", "consider", "lead", "issue") code far too much on their own.
BARE_VERBS_KEEP = {
    "abduct", "accuse", "airlift", "ambush", "annex", "apologise", "apologize", "applaud", "apprehend", "arrest",
    "assassinate", "ban", "banish", "berate", "besiege", "blame", "boycott", "butcher", "castigate", "censure",
    "chastise", "chide", "commend", "condemn", "confiscate", "congratulate", "criticise", "criticize", "decry",
    "denounce", "deplore", "deport", "detain", "disparage", "donate", "evict", "exile", "expel", "extradite",
    "imprison", "indict", "invade", "jail", "kidnap", "lambaste", "laud", "loot", "massacre", "mobilise",
    "mobilize", "occupy", "outlaw", "praise", "raid", "rebuke", "reprimand", "riot", "slaughter", "stab", "storm",
    "torture", "behead", "bombard", "blockade", "extol", "felicitate", "ransack", "pillage", "plunder", "scold",
    "deride", "malign", "snub", "impeach", "evacuate", "rescue", "mediate", "overrun", "recapture", "snipe",
}
# Patterns reviewed on wire news as far looser than the event they were written for, left out:
# "announced plans for 1,000 homes" is no intent to cooperate with anyone (030), "launched a bid to
# clear his name" no cut in relations (160), "the truce held for two days" no detention (173), "flew
# to France for treatment" no aid (073), and calling an election at home accedes to no demand (0831).
LOOSE = {
    ("030", "announce plans"), ("160", "launch bid"), ("173", "hold for day"), ("073", "fly for treatment"),
    ("0831", "call election"),
}
CODE = re.compile(r"\[(~?[0-9]{2,4}|---)(?::[0-9-]+)?\]")


def _words(token: str, synsets: dict[str, list[str]]) -> list[list[str]] | None:
    """The word sequences a pattern token stands for, or None when it cannot be converted."""
    token = token.strip()
    if token.startswith("{") and token.endswith("}"):
        parts = token[1:-1].split()
        if any(not re.fullmatch(r"[A-Z][A-Z'-]*", p) for p in parts):
            return None
        return [[p.lower() for p in parts]]
    if re.fullmatch(r"[A-Z][A-Z'-]*", token):
        return [[token.lower()]]
    return None


def _pattern_tokens(body: str) -> list[str] | None:
    """Split '* WORD (PREP NOUN)' into tokens, keeping {..} and (..) groups; None if not convertible."""
    if not body.startswith("*") or any(ch in body for ch in "$+%^~<>|"):
        return None
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", body[1:].strip())


def known_codes() -> set[str]:
    """Codes of tealeaves's own ontology: petrarch2 has a few (176 cyber attack) the codebook lacks."""
    import csv

    path = OUT_DIR.parent / "ontology" / "cameo.csv"
    with path.open(encoding="utf-8") as fh:
        return {r["code"] for r in csv.DictReader(ln for ln in fh if not ln.startswith("#"))}


def convert(path: Path) -> tuple[list[tuple[str, str]], int]:
    known = known_codes()
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for ln in lines:
        s = ln.split("#", 1)[0].strip()
        if s.startswith("&"):
            current = s[1:].split()[0]
            synsets[current] = []
        elif s.startswith("+") and current:
            synsets[current].append(s[1:].split()[0])
        elif s.startswith("---"):
            break
        elif not s:
            current = None
    out: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    block_code: str | None = None
    block_verb = ""
    verbs: list[str] = []
    skipped = 0

    def add(code: str, text: str) -> None:
        if code[:2] in SKIP_ROOTS or (code, text) in seen or code not in known or (code, text) in LOOSE:
            return
        seen.add((code, text))
        out.append((code, text))

    in_verbs = False
    for raw in lines:
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not in_verbs:
            continue
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block_code = m.group(2) if re.fullmatch(r"[0-9]{2,4}", m.group(2)) else None
            block_verb = m.group(1).lower().replace("_", " ")
            verbs = []
            continue
        if line.startswith("- "):
            cm = CODE.search(line)
            if not cm or cm.group(1) == "---" or ":" in cm.group(0):
                skipped += 1
                continue
            code = cm.group(1).lstrip("~")
            toks = _pattern_tokens(line[2:cm.start()].strip())
            if toks is None or not verbs:
                skipped += 1
                continue
            seqs: list[list[str]] = [[]]
            ok = True
            for t in toks:
                if t.startswith("("):
                    inner = t[1:-1].split()
                    if len(inner) != 2 or not re.fullmatch(r"[A-Z]+", inner[0]):
                        ok = False
                        break
                    alts = _words(inner[1], synsets)
                    if alts is None:
                        ok = False
                        break
                    seqs = [s + [inner[0].lower()] + a for s in seqs for a in alts]
                else:
                    alts = _words(t, synsets)
                    if alts is None:
                        ok = False
                        break
                    seqs = [s + a for s in seqs for a in alts]
            if not ok or not seqs or not seqs[0]:
                skipped += 1
                continue
            comment = raw.split("#", 1)[1].strip().split() if "#" in raw else []
            owner = comment[0].lower().replace("_", " ") if comment and re.fullmatch(r"[A-Z_]+", comment[0]) else block_verb
            if owner not in verbs:
                owner = block_verb
            for seq in seqs:
                add(code, " ".join([owner, *seq]))
            continue
        vm = re.match(r"^\s*(\+?)([A-Z][A-Z_'-]*)\b(.*)$", line)
        if vm:
            compound, word, rest = vm.group(1), vm.group(2), vm.group(3)
            if compound and "_" not in word:
                continue
            parts = word.lower().split("_")
            if any(p in ("and", "or", "{}") or not p for p in parts):
                continue
            verbs.append(" ".join(parts))
            own = CODE.search(rest)
            code = own.group(1) if own and own.group(1) != "---" and ":" not in own.group(0) else block_code
            if code and len(parts) == 1 and parts[0] in BARE_VERBS_KEEP:
                add(code, parts[0])
            elif code and len(parts) > 1:
                add(code, " ".join(parts))
    return out, skipped


def main(src: str) -> None:
    base = Path(src)
    rows, skipped = convert(base / "CAMEO.2.0.txt")
    snapshot = (base / "SNAPSHOT").read_text(encoding="utf-8").split()[0] if (base / "SNAPSHOT").exists() else "unknown"
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# Derived from petrarch2 CAMEO.2.0.txt (Open Event Data Alliance, MIT; see LICENSE-petrarch2.txt)\n")
        fh.write(f"# petrarch2 snapshot: {snapshot}. Built by scripts/build_patterns.py; edit patterns.tsv, not this file.\n")
        fh.write("# Same grammar as patterns.tsv: code <TAB> head lemma and the words that must hang off it.\n")
        for code, text in sorted(rows, key=lambda r: (r[1].split()[0], r[1], r[0])):
            fh.write(f"{code}\t{text}\n")
    lic = base / "LICENSE"
    if lic.exists():
        shutil.copyfile(lic, OUT_DIR / "LICENSE-petrarch2.txt")
    print(f"wrote {len(rows)} patterns to {OUT} ({skipped} petrarch2 patterns not convertible or not kept)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/reference/petrarch2")
