"""Evaluate: score the event coder on the gold files in ``../shared/data/gold``.

Four sets, each scored the way the issue defines it:

* ConfliBERT class file: the first coded event of each sentence mapped to one of five classes
  (0 = roots 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13 and 16, 4 = 14, 15, 17-20); a sentence with no
  event counts as wrong. Accuracy, and precision/recall/F1 per class.
* PETR-2 validation XML: share of expected events coded (exact CAMEO code), the same with actor
  codes agreeing, extra events per sentence, and precision/recall/F1 per root.
* IndiaPoliceEvents sentences: every k-th article (deterministic), sentence-level
  precision/recall/F1 for police ARREST, FORCE and KILL.
* BBC sport and business articles (every k-th): material-conflict events per 1,000 sentences,
  the over-generation check for disasters, sport and business.

Figures are flat dotted names (``petr2.coded``) so a floors file can pin any of them; a floor is
``{"min": x}`` or ``{"max": x}``. Gold text is read at run time only; nothing is copied.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tealeaves.errors import InputError
from tealeaves.evaluate_base import (PRF, PetrSentence, Report, class_of_root, code_clean_documents, code_documents,
                                     first_event, need, read_conflibert, read_petr2, resolver_for)
from tealeaves.evaluate_wire import country_actor
from tealeaves.models import Document, Event, Mention
from tealeaves.settings import Settings, load_settings

log = logging.getLogger(__name__)

CONFLIBERT_CLASS = "conflibert-cameo-class-train.tsv"
CONFLIBERT_SPANS = "conflibert-cameo-spans-train.txt"
PETR2 = "petr2-gsr-validation.xml"
IPE = "indiapoliceevents-sents.jsonl"
BBC = "../corpus/bbc-news-2004-2005.jsonl"
IPE_EVERY = 8  # every 8th article of IndiaPoliceEvents
BBC_EVERY = 10  # every 10th sport/business article of the BBC corpus
POLICE_WORDS = re.compile(r"\b(police|policemen|policeman|cops?|constables?|officers?|sub-inspector|inspector|jawans?|crpf|rapid action force|raf|force)\b", re.I)


# ---- scorers -----------------------------------------------------------------------------------
def score_conflibert(rows: list[tuple[str, int]], settings: Settings, resolver: Any, report: Report) -> None:
    docs = [Document(id=f"cb{i}", text=t) for i, (t, _) in enumerate(rows)]
    per_class = {c: PRF() for c in range(5)}
    confusion: Counter[tuple[int, int]] = Counter()
    correct = coded = 0
    for (_doc, events), (_, gold) in zip(code_documents(docs, settings, resolver), rows):
        first = first_event(events)
        pred = class_of_root(first.root) if first else -1
        confusion[(gold, pred)] += 1
        if first is not None:
            coded += 1
        if pred == gold:
            correct += 1
            per_class[gold].tp += 1
        else:
            per_class[gold].fn += 1
            if pred >= 0:
                per_class[pred].fp += 1
    n = len(rows)
    report.figures["conflibert.accuracy"] = round(correct / n, 4) if n else 0.0
    report.figures["conflibert.coded_share"] = round(coded / n, 4) if n else 0.0
    report.figures["conflibert.accuracy_when_coded"] = round(correct / coded, 4) if coded else 0.0
    report.details["conflibert"] = {
        "sentences": n,
        "per_class": {str(c): prf.figures() for c, prf in per_class.items()},
        "confusion": {f"{g}->{p}": k for (g, p), k in sorted(confusion.items())},
    }


def _actor_agrees(expected: str, got: Mention | None) -> bool:
    if not expected:
        return got is None
    if got is None or not (got.code or got.sector):
        return False
    code = (got.code or f"---{got.sector}").upper()
    return code.startswith(expected[:3]) and (len(expected) <= 3 or expected[3:] in code[3:])


def _same_actor(gold: str, got: Mention | None) -> bool:
    if got is None:
        return False
    code = (got.code or "").upper()
    if gold.startswith("IGO"):
        return code.startswith(gold)
    return (got.country or code[:3]) == gold


def pair_events(expected: tuple[tuple[str, str, str], ...], events: list[Event]) -> list[tuple[int, int]]:
    """(gold index, event index) pairs: the same code first, then the same root, then the same
    quad class, then what is left. Each side is used at most once; within a step, pairs whose
    actors agree go first (so "A met B" lines up with the gold A->B, not with B->A)."""
    pairs: list[tuple[int, int]] = []
    free_g = list(range(len(expected)))
    free_e = list(range(len(events)))
    same: list[Callable[[str, Event], bool]] = [
        lambda g, e: e.cameo == g,
        lambda g, e: e.root == g[:2],
        lambda g, e: e.quad == _quad(g),
        lambda g, e: True,
    ]
    def agreement(gi: int, ei: int) -> int:
        _, src, tgt = expected[gi]
        e = events[ei]
        return sum(_same_actor(want, got) for want, got in ((country_actor(src), e.source), (country_actor(tgt), e.target)) if want)

    for test in same:
        cands = sorted(((gi, ei) for gi in free_g for ei in free_e if test(expected[gi][0], events[ei])),
                       key=lambda p: (-agreement(*p), p[1], p[0]))
        for gi, ei in cands:
            if gi in free_g and ei in free_e:
                pairs.append((gi, ei))
                free_g.remove(gi)
                free_e.remove(ei)
    return sorted(pairs)


def _quad(code: str) -> int:
    from tealeaves import ontology

    try:
        return ontology.lookup(code).quad
    except Exception:  # an unknown gold code pairs only on code or root
        return -1


def score_petr2(sents: list[PetrSentence], settings: Settings, resolver: Any, report: Report) -> None:
    docs = [Document(id=s.id, text=s.text, date=s.date) for s in sents]
    expected_n = coded_code = coded_full = coded_root = extra = 0
    roots: dict[str, PRF] = defaultdict(PRF)
    misses: list[dict[str, Any]] = []
    actor_n: Counter[str] = Counter()
    actor_ok: Counter[str] = Counter()
    actor_misses: list[dict[str, Any]] = []
    extras: list[dict[str, Any]] = []
    for (_doc, events), s in zip(code_documents(docs, settings, resolver), sents):
        # petrarch2's expected codes carry no modality and include planned and conditional events,
        # so every event but a negated one is compared
        counted = [e for e in events if e.modality != "negated"]
        expected_n += len(s.expected)
        got_codes = Counter(e.cameo for e in counted)
        matched: set[int] = set()
        for code, src, tgt in s.expected:
            hit = next((i for i, e in enumerate(counted) if i not in matched and e.cameo == code), None)
            if hit is not None:
                coded_code += 1
                matched.add(hit)
                e = counted[hit]
                if _actor_agrees(src, e.source) and _actor_agrees(tgt, e.target):
                    coded_full += 1
            else:
                misses.append({"id": s.id, "expected": code, "got": sorted(got_codes)})
        extra += sum(1 for i in range(len(counted)) if i not in matched)
        extras.extend({"id": s.id, "got": counted[i].cameo, "rule": counted[i].rule.split(" | ")[0]}
                      for i in range(len(counted)) if i not in matched)
        for gi, ei in pair_events(s.expected, counted):
            e = counted[ei]
            for role, gold_code, got in (("source", s.expected[gi][1], e.source), ("target", s.expected[gi][2], e.target)):
                want = country_actor(gold_code)
                if want is None:
                    continue
                ok = _same_actor(want, got)
                actor_n[role] += 1
                actor_ok[role] += ok
                if not ok:
                    actor_misses.append({"id": s.id, "role": role, "gold": gold_code, "event": e.cameo,
                                         "got": (got.code or got.sector) if got else None, "text": got.text if got else None})
        gold_roots = Counter(c[:2] for c, _, _ in s.expected)
        pred_roots = Counter(e.root for e in counted)
        for r in set(gold_roots) | set(pred_roots):
            tp = min(gold_roots[r], pred_roots[r])
            roots[r].tp += tp
            roots[r].fp += pred_roots[r] - tp
            roots[r].fn += gold_roots[r] - tp
        coded_root += sum(min(gold_roots[r], pred_roots[r]) for r in gold_roots)
    n = len(sents)
    micro = PRF(sum(p.tp for p in roots.values()), sum(p.fp for p in roots.values()), sum(p.fn for p in roots.values())).figures()
    report.figures["petr2.coded"] = round(coded_code / expected_n, 4) if expected_n else 0.0
    report.figures["petr2.coded_with_actors"] = round(coded_full / expected_n, 4) if expected_n else 0.0
    report.figures["petr2.extra_per_sentence"] = round(extra / n, 4) if n else 0.0
    report.figures["petr2.root_precision"] = micro["precision"]
    report.figures["petr2.root_recall"] = micro["recall"]
    report.figures["petr2.root_f1"] = micro["f1"]
    for role in ("source", "target"):
        report.figures[f"petr2.{role}_country_accuracy"] = round(actor_ok[role] / actor_n[role], 4) if actor_n[role] else 0.0
    report.details["petr2"] = {
        "sentences": n, "expected_events": expected_n,
        "per_root": {r: roots[r].figures() for r in sorted(roots)},
        "misses": misses,
        "actor_pairs": dict(actor_n), "actor_misses": actor_misses, "extras": extras,
    }


def score_spans(path: Path, settings: Settings, resolver: Any, report: Report) -> None:
    """Event-level actor accuracy on the ConfliBERT span file: for sentences with a gold source (S)
    span, does the first coded event's source mention overlap it; the same for target (T) spans.
    Shares are over sentences that got an event; ``spans.coded_share`` says how many did."""
    from tealeaves.evaluate_actors import read_spans

    sents = [s for s in read_spans(need(path)) if any(r in ("S", "T") for r, _, _ in s.spans)]
    docs = [Document(id=f"sp{i}", text=s.text) for i, s in enumerate(sents)]
    n = Counter[str]()
    ok = Counter[str]()
    coded = 0
    unaligned = 0
    for (cdoc, events), gold in zip(code_clean_documents(docs, settings, resolver), sents):
        first = first_event(events)
        if first is None:
            continue
        coded += 1
        base = cdoc.text.find(gold.text)
        if base < 0:
            unaligned += 1
            continue
        for role, got in (("S", first.source), ("T", first.target)):
            spans = [(a + base, b + base) for r, a, b in gold.spans if r == role]
            if not spans:
                continue
            n[role] += 1
            ok[role] += got is not None and any(got.start < b and a < got.end for a, b in spans)
    total = len(sents)
    report.figures["spans.coded_share"] = round(coded / total, 4) if total else 0.0
    report.figures["spans.source_accuracy"] = round(ok["S"] / n["S"], 4) if n["S"] else 0.0
    report.figures["spans.target_accuracy"] = round(ok["T"] / n["T"], 4) if n["T"] else 0.0
    report.details["spans"] = {"sentences": total, "coded": coded, "with_source": n["S"], "with_target": n["T"],
                               "source_correct": ok["S"], "target_correct": ok["T"], "unaligned": unaligned}


def police_labels(events: list[Event]) -> set[str]:
    """IndiaPoliceEvents labels implied by a sentence's events with a police source."""
    labels: set[str] = set()
    for e in events:
        if e.modality not in ("asserted", "reported"):
            continue
        if e.source is None:
            if e.cameo.startswith("173"):
                labels.add("ARREST")  # an arrest with no agent named is made by the police
            continue
        if not (POLICE_WORDS.search(e.source.text) or (e.source.sector or "").upper() in ("COP", "POL")):
            continue
        if e.cameo.startswith("173"):
            labels.add("ARREST")
        elif e.root in ("18", "19", "20") or e.cameo.startswith("175"):
            labels.add("FORCE")
            if e.cameo in ("186", "200", "202") or e.cameo.startswith("20") or "kill" in e.rule or "shoot" in e.rule:
                labels.add("KILL")
    return labels


def score_ipe(path: Path, settings: Settings, resolver: Any, report: Report, every: int = IPE_EVERY) -> None:
    by_doc: dict[int, list[dict[str, Any]]] = defaultdict(list)
    with need(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                by_doc[rec["doc_id"]].append(rec)
    keep = sorted(by_doc)[::every]
    recs = [r for d in keep for r in by_doc[d]]
    docs = [Document(id=f"ipe{r['doc_id']}-{r['sent_id']}", text=" ".join(r["sent_text"].split()) or ".") for r in recs]
    scores = {k: PRF() for k in ("ARREST", "FORCE", "KILL")}
    for (_doc, events), r in zip(code_documents(docs, settings, resolver), recs):
        got = police_labels(events)
        gold = set(r.get("sent_labels") or ()) & set(scores)
        if "KILL" in gold:
            gold.add("FORCE")  # police killing is police force too
        for k, prf in scores.items():
            if k in got and k in gold:
                prf.tp += 1
            elif k in got:
                prf.fp += 1
            elif k in gold:
                prf.fn += 1
    for k, prf in scores.items():
        f = prf.figures()
        report.figures[f"ipe.{k.lower()}.precision"] = f["precision"]
        report.figures[f"ipe.{k.lower()}.recall"] = f["recall"]
        report.figures[f"ipe.{k.lower()}.f1"] = f["f1"]
    report.details["ipe"] = {"articles": len(keep), "sentences": len(recs), "sample": f"every {every}th article by doc_id",
                             "per_label": {k: p.figures() for k, p in scores.items()}}


def score_offtopic(path: Path, settings: Settings, resolver: Any, report: Report, every: int = BBC_EVERY) -> None:
    recs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("category") in ("sport", "business"):
                recs.append(rec)
    recs = recs[::every]
    docs = [Document(id=str(r["id"]), text=r["text"]) for r in recs]
    sentences = material = 0
    examples: list[str] = []
    for (_doc, events) in code_documents(docs, settings, resolver):
        mat = [e for e in events if e.quad == 4 and e.modality in settings.default_modalities]
        material += len(mat)
        examples.extend(f"{e.cameo} {e.text[:140]}" for e in mat[:2])
    # sentence count from a cheap split keeps the figure a rate without a second parse
    sentences = sum(len(re.findall(r"[.!?](?:\s|$)", r["text"])) or 1 for r in recs)
    report.figures["offtopic.material_conflict_per_1000_sentences"] = round(1000 * material / sentences, 2) if sentences else 0.0
    report.details["offtopic"] = {"articles": len(recs), "sentences_approx": sentences, "material_conflict_events": material,
                                  "sample": f"every {every}th BBC sport/business article", "examples": examples[:20]}


def score_actor_helper(gold: Path, report: Report) -> None:
    """Actor accuracy from the actors stage's own scorers, when that stage provides them."""
    fn_spans: Callable[[Path], Any] | None = None
    fn_petr: Callable[[Path], Any] | None = None
    for modname in ("tealeaves.evaluate_actors",):
        try:
            mod = __import__(modname, fromlist=["_"])
        except ImportError:
            continue
        fn_spans = fn_spans or getattr(mod, "score_spans", None)
        fn_petr = fn_petr or getattr(mod, "score_petr", None)
    if fn_spans is None and fn_petr is None:
        report.notes.append("actor scoring not available (no score_spans/score_petr in tealeaves.evaluate_actors)")
        return
    for key, fn, fname in (("actors.spans", fn_spans, CONFLIBERT_SPANS), ("actors.petr2", fn_petr, PETR2)):
        if fn is None or not (gold / fname).exists():
            continue
        res = fn(gold / fname)
        report.details[key] = res
        if isinstance(res, dict):
            for k, v in res.items():
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    report.figures[f"{key}.{k}"] = round(float(v), 4)


def score_wire(path: Path, corpus: Path | None, settings: Settings, resolver: Any, report: Report) -> None:
    """Figures on an event gold file (``docs/annotation.md``) per half, and the agreement of a
    second reading (``second-reading.jsonl`` beside it) when there is one."""
    from tealeaves import evaluate_wire as wire

    items = wire.attach_text(wire.read_gold(path), corpus)
    coded = {doc.id: events for doc, events in code_documents(wire.documents(items), settings, resolver)}
    for half, figs in wire.score(items, coded).items():
        for k, v in figs.items():
            report.figures[f"wire.{half}.{k}"] = v
    score_confidence(items, coded, settings, report)
    second = path.with_name("second-reading.jsonl")
    if second.is_file():
        for k, v in wire.agreement(items, wire.read_gold(second)).items():
            report.figures[f"wire.agreement.{k}"] = v


def score_confidence(items: list[Any], coded: dict[str, list[Event]], settings: Settings, report: Report) -> None:
    """Calibration of the events' confidence per half of an event gold file (``tealeaves.calibration``):
    ``confidence.ece`` on the check half, and precision and kept right events at the threshold (the
    settings' ``min_confidence``, else the model's suggested one)."""
    from tealeaves import calibration, registry

    rows = [r for i in items for r in calibration.wire_labels(i, coded.get(i.id, []), [{}] * len(coded.get(i.id, [])))]
    threshold = settings.min_confidence or registry.confidence_model(settings).threshold
    figs, details = calibration.figures(rows, threshold)
    report.figures.update(figs)
    report.details["confidence"] = details


def confidence_rows(gold: str | Path, settings: Settings | None = None, say: Callable[[str], None] = lambda s: None,
                    conflibert: bool = False) -> list[Any]:
    """Labelled events (``tealeaves.calibration.Labelled``) from the shared gold folder's PETR-2
    sentences and, when ``conflibert``, its ConfliBERT class file, for fitting the confidence model."""
    from tealeaves import calibration

    settings = settings or load_settings()
    base = Path(gold)
    rows: list[Any] = []
    if (base / PETR2).exists():
        sents = read_petr2(base / PETR2)
        say(f"coding {len(sents)} PETR-2 sentences ...")
        by_id = {s.id: s for s in sents}
        docs = [Document(id=s.id, text=s.text, date=s.date) for s in sents]
        for doc_id, events, feats in calibration.code_with_features(docs, settings):
            rows += calibration.petr_labels(doc_id, by_id[doc_id].expected, events, feats)
    if conflibert and (base / CONFLIBERT_CLASS).exists():
        cb = read_conflibert(base / CONFLIBERT_CLASS)
        say(f"coding {len(cb)} ConfliBERT sentences ...")
        docs = [Document(id=f"cb{i}", text=t) for i, (t, _) in enumerate(cb)]
        for doc_id, events, feats in calibration.code_with_features(docs, settings):
            rows += calibration.class_labels(doc_id, cb[int(doc_id[2:])][1], events, feats, class_of_root)
    return rows


def evaluate_file(gold: str | Path, corpus: str | Path | None = None, settings: Settings | None = None,
                  resolver: Any = None) -> Report:
    """Score the coder on one event gold file (a user's corrections, or the wire-news gold)."""
    settings = settings or load_settings()
    if resolver is None:
        resolver, _ = resolver_for(settings)
    report = Report()
    score_wire(Path(gold), Path(corpus) if corpus else None, settings, resolver, report)
    return report


def evaluate(gold: str | Path, settings: Settings | None = None, progress: Callable[[str], None] | None = None,
             resolver: Any = None, wire: str | Path | None = None, corpus: str | Path | None = None) -> Report:
    """Score the coder on every gold file found under ``gold`` (``resolver`` overrides the actor stage),
    and on the event gold file ``wire`` with its text from ``corpus`` when given."""
    settings = settings or load_settings()
    base = Path(gold)
    if not base.is_dir():
        raise InputError(f"no gold data at {base}; evaluation needs ../shared/data/gold (pass --gold DIR)")
    say = progress or (lambda s: None)
    report = Report()
    if resolver is None:
        resolver, rname = resolver_for(settings)
    else:
        rname = getattr(resolver, "name", type(resolver).__name__)
    from tealeaves.coding.patterns import dictionary_version

    report.details["coder"] = settings.coder
    report.details["dictionary"] = dictionary_version()
    report.details["actor_resolver"] = rname
    timings: dict[str, float] = {}
    steps: list[tuple[str, Callable[[], None]]] = [
        ("conflibert", lambda: score_conflibert(read_conflibert(base / CONFLIBERT_CLASS), settings, resolver, report)),
        ("petr2", lambda: score_petr2(read_petr2(base / PETR2), settings, resolver, report)),
        ("ipe", lambda: score_ipe(base / IPE, settings, resolver, report)),
        ("spans", lambda: score_spans(base / CONFLIBERT_SPANS, settings, resolver, report)),
    ]
    if (base / BBC).exists():
        steps.append(("offtopic", lambda: score_offtopic(base / BBC, settings, resolver, report)))
    else:
        report.notes.append("BBC corpus not found next to the gold folder: off-topic check skipped")
    files = {"conflibert": CONFLIBERT_CLASS, "petr2": PETR2, "ipe": IPE, "spans": CONFLIBERT_SPANS}
    if not any((base / f).exists() for f in files.values()):
        raise InputError(f"no gold files in {base}; expected {', '.join(files.values())}")
    for name, step in steps:
        if name in files and not (base / files[name]).exists():
            report.notes.append(f"{files[name]} not found in {base}: {name} not scored")
            continue
        t0 = time.perf_counter()
        say(f"scoring {name} ...")
        step()
        timings[name] = round(time.perf_counter() - t0, 1)
    if wire is not None:
        t0 = time.perf_counter()
        say("scoring the wire-news gold ...")
        score_wire(Path(wire), Path(corpus) if corpus else None, settings, resolver, report)
        timings["wire"] = round(time.perf_counter() - t0, 1)
    score_actor_helper(base, report)
    report.details["seconds"] = timings
    return report


def check_floors(report: Report, floors: dict[str, Any]) -> list[str]:
    """Messages for every figure that is below its ``min`` or above its ``max`` (or missing)."""
    failures = []
    for name, rule in floors.items():
        if name.startswith("_"):
            continue
        if name not in report.figures:
            failures.append(f"{name}: not measured")
            continue
        got = report.figures[name]
        if isinstance(rule, (int, float)):
            rule = {"min": rule}
        if "min" in rule and got < rule["min"]:
            failures.append(f"{name} = {got} is below its floor {rule['min']}")
        if "max" in rule and got > rule["max"]:
            failures.append(f"{name} = {got} is above its ceiling {rule['max']}")
    return failures


def load_floors(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"floors file {p} not found") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"floors file {p} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InputError(f"floors file {p} must hold a JSON object of figure -> {{min|max}}")
    return data
