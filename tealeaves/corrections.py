"""An analyst's corrections: an event marked right or wrong, or given another code, source or target.

Each correction is a row of ``corrections`` (the event as coded, what it became, who, when). The
latest correction of an event overrides the coder's output in the ``events`` table itself, so
counts, charts and exports read it with no extra join: a wrong event is removed; a right or
corrected one keeps its id, takes the new code and actors, is marked in ``events.review`` and
scored 1. A correction stores every column it sets (``after``), so ``store.apply_corrections``
needs nothing but SQL; ``store.write`` runs it for the documents it writes, so a re-code
(``ingest --recode``) brings the corrections back for the events it codes again. A correction
also keeps where its event was (sentence and evidence span): when a changed coder gives the event
there another id, a correction still applies to it as long as it speaks of the same reading (see
``store.apply_corrections``).

``export_gold`` writes the corrected documents as event gold (``docs/annotation.md``), so a user's
judgements can score the coder (``tealeaves evaluate --gold``) and refit the confidence model.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from tealeaves import ontology
from tealeaves.errors import InputError
from tealeaves.ids import _digest
from tealeaves.types import Connection

VERDICTS = ("right", "wrong", "corrected")


class NoSuchEvent(InputError):
    """The event to correct is not stored."""


def _actor(code: str | None) -> dict[str, Any]:
    """Store columns for an actor code such as ``RUSGOV`` (country: its first three letters when they are one)."""
    from tealeaves.evaluate_wire import NON_COUNTRY

    if code is None or code == "":
        return {"code": None, "country": None, "sector": None}
    c = code.strip().upper()
    if not c.isalnum() or len(c) > 32:
        raise InputError(f"actor code {code!r} is not a code such as RUS or RUSGOV")
    country = c[:3] if len(c) >= 3 and c[:3] not in NON_COUNTRY else None
    return {"code": c, "country": country, "sector": c[3:6] or None}


def correct(con: Connection, event_id: str, verdict: str, cameo: str | None = None, source: str | None = None,
            target: str | None = None, author: str | None = None, now: dt.datetime | None = None) -> dict[str, Any]:
    """Record one correction and apply it (with the readout of its document); returns the correction.
    ``cameo``, ``source`` and ``target`` are the new values for ``corrected`` ("" clears an actor)."""
    from tealeaves import store
    from tealeaves.cluster import update_readout

    if verdict not in VERDICTS:
        raise InputError(f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
    cur = con.execute("SELECT doc_id, cameo, source_code, target_code, confidence, sentence, evidence_start, evidence_end "
                      "FROM events WHERE id = ?", [event_id])
    row = cur.fetchone()
    if row is None:
        raise NoSuchEvent(f"no event with id {event_id!r} (a wrong one is already gone)")
    doc_id, old_cameo, old_src, old_tgt, conf, sentence, ev_start, ev_end = row
    before = {"cameo": old_cameo, "source": old_src, "target": old_tgt, "confidence": conf}
    after: dict[str, Any] | None = None
    if verdict == "corrected":
        new_cameo = (cameo or old_cameo or "").strip()
        if new_cameo not in ontology.codes():
            raise InputError(f"{new_cameo!r} is not a CAMEO code")
        after = {"cameo": new_cameo,
                 "source": _actor(source)["code"] if source is not None else old_src,
                 "target": _actor(target)["code"] if target is not None else old_tgt}
        if after == {"cameo": old_cameo, "source": old_src, "target": old_tgt}:
            verdict, after = "right", None
        else:
            info = ontology.lookup(new_cameo)
            s, t = _actor(after["source"]), _actor(after["target"])
            after["columns"] = {"cameo": new_cameo, "root": info.root, "quad": info.quad, "goldstein": info.goldstein,
                                "plover": info.plover, "source_code": s["code"], "source_country": s["country"],
                                "source_sector": s["sector"], "target_code": t["code"], "target_country": t["country"],
                                "target_sector": t["sector"]}
    elif verdict == "right":
        after = None
    when = now or dt.datetime.now()
    cid = "k" + _digest(f"{event_id}|{when.isoformat()}|{verdict}|{json.dumps(after, sort_keys=True)}")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("INSERT INTO corrections (id, event_id, doc_id, verdict, before, after, author, made_at, sentence, "
                    "evidence_start, evidence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [cid, event_id, doc_id, verdict, json.dumps(before), json.dumps(after) if after else None, author, when,
                     sentence, ev_start, ev_end])
        store.apply_corrections(con, [doc_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    update_readout(con, [doc_id])  # its own transaction (DuckDB has no nested ones)
    shown = {k: v for k, v in after.items() if k != "columns"} if after else None
    return {"id": cid, "event_id": event_id, "doc_id": doc_id, "verdict": verdict, "before": before, "after": shown,
            "author": author, "made_at": when.isoformat()}


def listing(con: Connection) -> list[dict[str, Any]]:
    """Every correction, oldest first."""
    cur = con.execute("SELECT * FROM corrections ORDER BY made_at, id")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def gold_items(con: Connection) -> list[dict[str, Any]]:
    """One gold item per corrected document: its title and text, and as expected events the events
    the analyst marked right or corrected (an event left unreviewed is not expected)."""
    docs = [r[0] for r in con.execute("SELECT DISTINCT doc_id FROM corrections ORDER BY 1").fetchall()]
    out = []
    for doc_id in docs:
        d = con.execute("SELECT title, text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if d is None:
            continue
        evs = con.execute("SELECT cameo, source_code, target_code, modality FROM events WHERE doc_id = ? AND review IS NOT NULL "
                          "ORDER BY sentence, evidence_start, id", [doc_id]).fetchall()
        authors = sorted({r[0] for r in con.execute("SELECT author FROM corrections WHERE doc_id = ? AND author IS NOT NULL",
                                                    [doc_id]).fetchall()})
        out.append({"id": doc_id, "annotator": ", ".join(authors) or "tealeaves-review", "title": d[0], "text": d[1],
                    "events": [{"code": c, "source": s or "---", "target": t or "---", "modality": m} for c, s, t, m in evs],
                    "notes": "from tealeaves corrections: the events an analyst marked right or corrected"})
    return out


def export_gold(con: Connection, path: str | Path) -> int:
    """Write the corrections as an event gold file (JSON Lines, docs/annotation.md); returns items written."""
    items = gold_items(con)
    try:
        with Path(path).open("w", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    return len(items)


__all__ = ["VERDICTS", "NoSuchEvent", "correct", "export_gold", "gold_items", "listing"]
