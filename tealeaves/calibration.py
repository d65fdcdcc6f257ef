"""Is the confidence honest? Label coded events against gold, fit the confidence model, and show
how well its scores are calibrated.

* ``wire_labels`` / ``petr_labels`` / ``class_labels``: each coded event of a gold item, right or
  wrong. On the wire-news gold (and any gold in the ``docs/annotation.md`` format, a user's
  corrections included) an event is right when it pairs one to one with an expected event on root,
  source country and target country, as ``tealeaves.evaluate_wire`` pairs them (counted events
  first, then the others against what is left). PETR-2 sentences are labelled the same way; a
  ConfliBERT sentence gives only its five-way class, so its events are labelled on the class.
* ``fit``: logistic regression (scikit-learn, only here) over ``confidence.features``, then a
  Platt scaling fitted on out-of-fold scores of the event-gold rows alone, so the probabilities
  mean "right in the sense of the event gold".
* ``reliability`` / ``ece`` / ``curve``: the reliability table, the expected calibration error,
  and precision and recall against the threshold; ``plot_curve`` draws the last.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tealeaves.coding.confidence import MODEL_NAME, Model, document_features
from tealeaves.errors import InputError
from tealeaves.evaluate_wire import COUNTED, GoldEvent, GoldItem, actor_key, half_of, event_key, pair_flags
from tealeaves.models import Document, Event
from tealeaves.settings import Settings, load_settings

log = logging.getLogger(__name__)

BINS = 10
TARGET_PRECISION = 0.9
# ConfliBERT's class-only labels ("the root class is right") disagree with "fully right": with
# them in the regression the out-of-fold AUC on the wire tuning half fell from 0.73 to 0.54-0.67,
# so by default they are not used (docs/confidence.md)
SOURCE_WEIGHT = {"wire": 1.0, "petr2": 1.0, "conflibert": 0.0}


@dataclass(frozen=True)
class Labelled:
    """One coded event with what the gold says of it."""

    item: str
    half: str  # tune | check
    source: str  # wire | petr2 | conflibert | the gold file's name
    right: bool
    counted: bool  # asserted or reported: what precision and recall count
    confidence: float | None
    features: dict[str, float]


# ---- labels -------------------------------------------------------------------------------------
def pair_labels(gold: Sequence[GoldEvent], events: Sequence[Event]) -> list[bool]:
    """For each event, whether it pairs with an expected event (root and both countries): counted
    events first, in order, as the wire scorer pairs them; then the others with what is left."""
    order = [i for i, e in enumerate(events) if e.modality in COUNTED] + [i for i, e in enumerate(events) if e.modality not in COUNTED]
    flags = pair_flags(list(gold), [event_key(events[i]) for i in order])
    out = [False] * len(events)
    for i, ok in zip(order, flags):
        out[i] = ok
    return out


def wire_labels(item: GoldItem, events: Sequence[Event], feats: Sequence[dict[str, float]], source: str = "wire") -> list[Labelled]:
    half = half_of(item.id)
    return [Labelled(item.id, half, source, ok, e.modality in COUNTED, e.confidence, f)
            for e, f, ok in zip(events, feats, pair_labels(item.events, events))]


def petr_labels(sent_id: str, expected: Sequence[tuple[str, str, str]], events: Sequence[Event],
                feats: Sequence[dict[str, float]]) -> list[Labelled]:
    gold = [GoldEvent(c[:2], actor_key(s), actor_key(t), c) for c, s, t in expected]
    return [Labelled(sent_id, half_of(sent_id), "petr2", ok, e.modality in COUNTED, e.confidence, f)
            for e, f, ok in zip(events, feats, pair_labels(gold, events))]


def class_labels(sent_id: str, gold_class: int, events: Sequence[Event], feats: Sequence[dict[str, float]],
                 class_of: Callable[[str], int]) -> list[Labelled]:
    return [Labelled(sent_id, half_of(sent_id), "conflibert", class_of(e.root) == gold_class, e.modality in COUNTED,
                     e.confidence, f) for e, f in zip(events, feats)]


# ---- coding the gold ----------------------------------------------------------------------------
def code_with_features(docs: Iterable[Document], settings: Settings) -> Iterator[tuple[str, list[Event], list[dict[str, float]]]]:
    """(document id, events, their features) for each document, coded as the evaluation codes it."""
    from tealeaves import clean, nlp, registry

    resolver, coder = registry.actor_resolver(settings), registry.coder(settings)
    for cdoc, sentences in nlp.parse((clean.clean(d) for d in docs), settings.model, settings.batch_size, settings.prefilter,
                                     user_actors=settings.user_actors_path):
        events = coder.code_document(cdoc, sentences, resolver.resolve_document(cdoc, sentences))
        yield cdoc.document.id, events, document_features(events, cdoc, sentences)


def collect(event_gold: Sequence[str | Path] = (), corpus: str | Path | None = None, settings: Settings | None = None,
            say: Callable[[str], None] = lambda s: None, source: str | None = None) -> list[Labelled]:
    """Labelled events from event gold files (``docs/annotation.md`` format), each row's source
    named ``source`` (else its file's name). The shared gold folder's PETR-2 and ConfliBERT files
    are read by ``tealeaves.evaluate.confidence_rows``."""
    from tealeaves import evaluate_wire as wire

    settings = settings or load_settings()
    rows: list[Labelled] = []
    for path in event_gold:
        items = wire.attach_text(wire.read_gold(path), corpus)
        say(f"coding {len(items)} items of {path} ...")
        by_id = {i.id: i for i in items}
        for doc_id, events, feats in code_with_features(wire.documents(items), settings):
            rows += wire_labels(by_id[doc_id], events, feats, source or Path(path).stem)
    return rows


# ---- fitting ------------------------------------------------------------------------------------
def _matrix(rows: Sequence[Labelled], names: Sequence[str]) -> Any:
    import numpy as np

    return np.array([[r.features.get(n, 0.0) for n in names] for r in rows], dtype=float)


C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)  # inverse L2 strengths tried when ``fit`` chooses its own


def fit(rows: Sequence[Labelled], name: str = MODEL_NAME, calibrate_on: str | None = "wire", c: float | None = None,
        folds: int = 5) -> Model:
    """A confidence model fitted on the tuning-half rows (scikit-learn is needed here, not to score).

    Every tuning row trains the regression (weighted by ``SOURCE_WEIGHT``); the Platt scaling is
    fitted on out-of-fold logits of the ``calibrate_on`` rows, so the probabilities are calibrated
    to that gold's meaning of right. Without ``c`` the regularisation is the one of ``C_GRID`` whose
    calibrated out-of-fold scores have the lowest log loss on those rows (a proper score: it rewards
    calibration and ranking together; the check half plays no part). Deterministic: fixed folds by a
    hash of the item id."""
    try:
        import numpy as np
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise InputError("fitting a confidence model needs scikit-learn: pip install scikit-learn") from None

    train = [r for r in rows if r.half == "tune" and SOURCE_WEIGHT.get(r.source, 1.0) > 0]
    if len({r.right for r in train}) < 2:
        raise InputError("the tuning rows need both right and wrong events to fit a model; add more gold")
    names = sorted({k for r in train for k in r.features})
    x, y = _matrix(train, names), np.array([int(r.right) for r in train])
    w = np.array([SOURCE_WEIGHT.get(r.source, 1.0) for r in train])

    def regression(mask: Any, strength: float) -> Any:
        return LogisticRegression(C=strength, max_iter=2000).fit(x[mask], y[mask], sample_weight=w[mask])

    calib = np.array([r.source == calibrate_on for r in train]) if any(r.source == calibrate_on for r in train) \
        else np.ones(len(train), dtype=bool)  # None (or a source not there): calibrate on every row
    fold = np.array([int(hashlib.sha1(r.item.encode()).hexdigest()[:8], 16) % folds for r in train])

    def out_of_fold(strength: float) -> tuple[Any, float, float, float]:
        """Out-of-fold logits, the Platt scale and shift fitted on them, and their log loss."""
        logits = np.zeros(len(train))
        for k in range(folds):
            held = fold == k
            if held.any() and len(set(y[~held])) == 2:
                logits[held] = regression(~held, strength).decision_function(x[held])
        scale, shift = 1.0, 0.0
        if len(set(y[calib])) == 2:
            platt = LogisticRegression(C=1e4, max_iter=2000).fit(logits[calib].reshape(-1, 1), y[calib])
            scale, shift = float(platt.coef_[0][0]), float(platt.intercept_[0])
        p = np.clip(1.0 / (1.0 + np.exp(-(scale * logits[calib] + shift))), 1e-6, 1 - 1e-6)
        loss = float(-np.mean(y[calib] * np.log(p) + (1 - y[calib]) * np.log(1 - p)))
        return logits, scale, shift, loss

    tried = {strength: out_of_fold(strength) for strength in ((c,) if c is not None else C_GRID)}
    c = min(tried, key=lambda k: (tried[k][3], k))
    logits, scale, shift, _ = tried[c]
    base = regression(np.ones(len(train), dtype=bool), c)
    weights = {n: round(float(v), 6) for n, v in zip(names, base.coef_[0]) if abs(v) > 1e-9}
    model = Model(name, weights, round(float(base.intercept_[0]), 6), round(scale, 6), round(shift, 6))
    tuned = [r for r, keep in zip(train, calib) if keep]
    probs = [model.probability(r.features) for r in tuned]
    # the suggested threshold comes from the tuning rows (in-sample for the regression, which a
    # strong L2 penalty keeps close to the out-of-fold figures)
    threshold = suggest_threshold(probs, [r.right for r in tuned], [r.counted for r in tuned])
    oof = [1.0 / (1.0 + float(np.exp(-(scale * z + shift)))) for z in logits[calib]]
    oof_right = [bool(v) for v in y[calib]]
    info = {"rows": len(train), "right": int(y.sum()), "by_source": _counts(train), "features": len(names),
            "regularization_c": c, "log_loss_by_c": {str(k): round(v[3], 4) for k, v in tried.items()},
            "calibrated_on": calibrate_on, "folds": folds,
            "out_of_fold": {"ece": ece(reliability(oof, oof_right)), "auc": _auc(oof, oof_right)}}
    return Model(name, weights, model.intercept, model.scale, model.shift, threshold, info)


def refit(gold: Sequence[str | Path], output: str | Path, corpus: str | Path | None = None, all_items: bool = False,
          settings: Settings | None = None, say: Callable[[str], None] = lambda s: None) -> tuple[Model, str]:
    """Fit a model on event gold files (a user's exported corrections) and write it to ``output``;
    returns it with a report of its calibration (on the check half, unless ``all_items``)."""
    from dataclasses import replace

    rows = collect(gold, corpus, settings, say)
    if all_items:
        rows = [replace(r, half="tune") for r in rows]
    digest = hashlib.sha1(b"".join(Path(g).read_bytes() for g in gold)).hexdigest()[:8]
    model = fit(rows, f"conf_lr.user-{digest}", calibrate_on=None)
    model.write(output)
    scored = [replace(r, confidence=model.probability(r.features)) for r in rows]
    figs, details = figures(scored, model.threshold)
    half = "check" if "check" in details else "tune"
    lines = [f"{len(rows)} events ({sum(r.right for r in rows)} right) from {len(gold)} gold file(s); "
             f"fitted on the {'whole' if all_items else 'tuning half'}", f"reliability, {half} half:",
             render_reliability(details[half]["reliability"])]
    lines += [f"{k:45s} {v}" for k, v in figs.items()]
    return model, "\n".join(lines)


def _auc(probs: Sequence[float], right: Sequence[bool]) -> float:
    """The chance that a right event outscores a wrong one (ties count half)."""
    pos = [p for p, r in zip(probs, right) if r]
    neg = [p for p, r in zip(probs, right) if not r]
    if not pos or not neg:
        return 0.0
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return round(wins / (len(pos) * len(neg)), 4)


def _counts(rows: Sequence[Labelled]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for r in rows:
        n = out.setdefault(r.source, [0, 0])
        n[0] += 1
        n[1] += int(r.right)
    return out


def suggest_threshold(probs: Sequence[float], right: Sequence[bool], counted: Sequence[bool],
                      target: float = TARGET_PRECISION) -> float:
    """The lowest threshold whose counted events reach ``target`` precision while keeping at least
    one right event; else the one with the best F1 of precision and kept right events."""
    pts = curve(probs, right, counted)
    ok = [p for p in pts if p["precision"] >= target and p["right_kept"] > 0]
    if ok:
        return min(p["threshold"] for p in ok)
    best = max(pts, key=lambda p: (2 * p["precision"] * p["kept"] / (p["precision"] + p["kept"]) if p["precision"] + p["kept"] else 0.0,
                                   -p["threshold"]))
    return float(best["threshold"])


# ---- calibration figures ------------------------------------------------------------------------
def reliability(probs: Sequence[float], right: Sequence[bool], bins: int = BINS) -> list[dict[str, float]]:
    """Per equal-width bin of confidence: events, mean confidence, share right."""
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not idx:
            out.append({"low": lo, "high": hi, "events": 0, "confidence": 0.0, "right": 0.0})
            continue
        out.append({"low": lo, "high": hi, "events": len(idx), "confidence": round(sum(probs[i] for i in idx) / len(idx), 4),
                    "right": round(sum(right[i] for i in idx) / len(idx), 4)})
    return out


def ece_noise(probs: Sequence[float], draws: int = 500, seed: int = 0) -> float:
    """The ECE a perfectly calibrated model would show on these confidences by chance: the median
    over ``draws`` simulated outcomes (each event right with its own confidence). With a few hundred
    events this floor is several points, so an ECE near it is as good as this gold can tell."""
    import random

    if not probs:
        return 0.0
    rnd = random.Random(seed)
    sims = sorted(ece(reliability(probs, [rnd.random() < p for p in probs])) for _ in range(draws))
    return round(sims[len(sims) // 2], 4)


def ece(table: Sequence[dict[str, float]]) -> float:
    """Expected calibration error: the events-weighted mean gap between confidence and share right."""
    n = sum(b["events"] for b in table)
    return round(sum(b["events"] * abs(b["confidence"] - b["right"]) for b in table) / n, 4) if n else 0.0


def curve(probs: Sequence[float], right: Sequence[bool], counted: Sequence[bool], steps: int = 20) -> list[dict[str, float]]:
    """Precision and recall of the counted events kept at each threshold 0, 1/steps, ..., 1:
    ``precision`` right among kept, ``kept`` share of the right events kept, ``events`` kept."""
    pairs = [(p, r) for p, r, c in zip(probs, right, counted) if c]
    total_right = sum(r for _, r in pairs)
    out = []
    for k in range(steps + 1):
        t = round(k / steps, 4)
        kept = [r for p, r in pairs if p >= t]
        hits = sum(kept)
        out.append({"threshold": t, "events": len(kept), "right_kept": hits,
                    "precision": round(hits / len(kept), 4) if kept else 0.0,
                    "kept": round(hits / total_right, 4) if total_right else 0.0})
    return out


def figures(rows: Sequence[Labelled], threshold: float, prefix: str = "confidence") -> tuple[dict[str, float], dict[str, Any]]:
    """Calibration figures of scored rows per half: ``confidence.ece`` (check half), per-half ECE,
    and precision and kept share of right events at ``threshold``; details hold the tables."""
    figs: dict[str, float] = {}
    details: dict[str, Any] = {"threshold": threshold}
    for half in ("tune", "check"):
        hr = [r for r in rows if r.half == half and r.confidence is not None]
        if not hr:
            continue
        probs = [float(r.confidence or 0.0) for r in hr]
        right = [r.right for r in hr]
        table = reliability(probs, right)
        pts = curve(probs, right, [r.counted for r in hr], steps=100)
        at = min(pts, key=lambda p: abs(p["threshold"] - threshold))
        figs[f"{prefix}.{half}.ece"] = ece(table)
        figs[f"{prefix}.{half}.ece_noise"] = ece_noise(probs)
        figs[f"{prefix}.{half}.events"] = float(len(hr))
        figs[f"{prefix}.{half}.precision_at_threshold"] = at["precision"]
        figs[f"{prefix}.{half}.kept_at_threshold"] = at["kept"]
        details[half] = {"reliability": table, "curve": curve(probs, right, [r.counted for r in hr])}
    if f"{prefix}.check.ece" in figs:
        figs[f"{prefix}.ece"] = figs[f"{prefix}.check.ece"]
        figs[f"{prefix}.ece_noise"] = figs[f"{prefix}.check.ece_noise"]
    figs[f"{prefix}.threshold"] = threshold
    return figs, details


def render_reliability(table: Sequence[dict[str, float]]) -> str:
    lines = ["confidence   events  mean conf  share right"]
    for b in table:
        if b["events"]:
            lines.append(f"{b['low']:.1f}-{b['high']:.1f}   {int(b['events']):6d}  {b['confidence']:9.3f}  {b['right']:11.3f}")
    lines.append(f"ECE {ece(table):.4f}")
    return "\n".join(lines)


def plot_curve(points: Sequence[dict[str, float]], path: str | Path, title: str = "precision and recall against the threshold",
               threshold: float | None = None) -> Path:
    """Precision and the kept share of right events (recall) against the threshold, as an image."""
    from tealeaves.plot import _pyplot, _save

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ts = [p["threshold"] for p in points]
    ax.plot(ts, [p["precision"] for p in points], label="precision (right among kept)", color="#1b7837")
    ax.plot(ts, [p["kept"] for p in points], label="recall (right events kept)", color="#762a83")
    if threshold is not None:
        ax.axvline(threshold, color="grey", linestyle="--", linewidth=1, label=f"threshold {threshold:.2f}")
    ax.set_xlabel("minimum confidence")
    ax.set_ylim(0, 1.02)
    ax.set_xlim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="lower left")
    ax.set_title(title, fontsize=10)
    return _save(fig, path)


__all__ = ["Labelled", "class_labels", "code_with_features", "collect", "curve", "ece", "figures", "fit", "pair_labels",
           "petr_labels", "plot_curve", "ece_noise", "refit", "reliability", "render_reliability", "suggest_threshold", "wire_labels"]
