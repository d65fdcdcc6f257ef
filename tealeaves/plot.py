"""Charts of the readout, drawn with matplotlib's Agg backend (no display needed).

* ``dyad_chart``: the verbal track above the material track of a dyad, cooperation as bars above the
  axis and conflict below, contact and rhetoric lines over the verbal track, strongest events noted.
* ``network_chart``: actors (country-level codes) as nodes on a circle, an edge per pair that
  interacted in the period, its colour the mean Goldstein score and its width the number of events.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from pathlib import Path
from typing import Any

from tealeaves.errors import InputError
from tealeaves.readout import SayDo, StrongEvent, next_period, period_start, say_vs_do

COOP, CONFLICT = "#2b8cbe", "#d7301f"


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _save(fig: Any, path: str | Path) -> Path:
    target = Path(path)
    if not target.parent.exists():
        raise InputError(f"cannot write {target}: folder {target.parent} does not exist")
    fig.savefig(target, dpi=120, bbox_inches="tight")
    _pyplot().close(fig)
    return target


def period_range(label: str) -> tuple[dt.date, dt.date]:
    """'2016' -> the year, '2016-10' -> the month, '2016-10-04' -> the day (first and last day)."""
    parts = label.strip().split("-")
    try:
        if len(parts) == 1:
            y = int(parts[0])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        d = dt.date.fromisoformat(label.strip())
        return d, d
    except ValueError:
        raise InputError(f"period {label!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None


def _label(e: StrongEvent) -> str:
    from tealeaves import ontology

    name = ontology.codes().get(e.cameo)
    what = name.name if name else e.cameo
    n = len(e.outlets)
    return f"{e.source}→{e.target}: {what}\n({n} outlet{'s' if n != 1 else ''})"


def dyad_chart(con: Any, a: str, b: str, path: str | Path, period: str = "week", start: str | None = None,
               end: str | None = None, data: SayDo | None = None, min_confidence: float | None = None) -> Path:
    """Draw a dyad's say-versus-do chart to ``path`` (PNG, SVG or PDF by suffix)."""
    sd = data or say_vs_do(con, a, b, period, start, end, min_conf=min_confidence)
    plt = _pyplot()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7), sharex=True)
    if not sd.points:
        for ax in (top, bottom):
            ax.text(0.5, 0.5, "no events for this dyad and period", ha="center", va="center", transform=ax.transAxes)
        top.set_title(f"{sd.a} and {sd.b}: what they say and what they do")
        return _save(fig, path)
    xs = [p.start for p in sd.points]
    width = {"day": 0.8, "week": 5.0, "month": 22.0}[sd.period]
    top.bar(xs, [p.verbal_cooperation for p in sd.points], width, color=COOP, label="verbal cooperation")
    top.bar(xs, [-p.verbal_conflict for p in sd.points], width, color=CONFLICT, label="verbal conflict")
    top.plot(xs, [p.contact for p in sd.points], "o-", color="#238b45", label="contact (talks, visits, meetings)")
    top.plot(xs, [-p.rhetoric for p in sd.points], "s--", color="#7a0177", label="rhetoric (threats, accusations, demands)")
    bottom.bar(xs, [p.material_cooperation for p in sd.points], width, color=COOP, label="material cooperation")
    bottom.bar(xs, [-p.material_conflict for p in sd.points], width, color=CONFLICT, label="material conflict")
    for ax, title, events in ((top, "say: verbal track", sd.verbal), (bottom, "do: material track", sd.material)):
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_ylabel("events\n(cooperation up, conflict down)", fontsize=8)
        ax.set_title(title, loc="left", fontsize=10)
        lo, hi = ax.get_ylim()
        ax.set_ylim(min(lo, -1.5) * 2.2, max(hi, 1.5) * 2.2)
        heights = {p.start: {1: p.verbal_cooperation, 2: p.material_cooperation, 3: -p.verbal_conflict, 4: -p.material_conflict}
                   for p in sd.points}
        for i, e in enumerate(events):
            if e.date is None:
                continue
            x = period_start(e.date, sd.period)
            y = heights.get(x, {}).get(e.quad, 0)
            up = e.quad in (1, 2)
            ax.annotate(_label(e), xy=(x, y), xytext=(40 * (i - 1), (12 + 26 * i) * (1 if up else -1)), textcoords="offset points",
                        fontsize=7, ha="center", va="bottom" if up else "top",
                        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "grey", "alpha": 0.9},
                        arrowprops={"arrowstyle": "-", "color": "grey", "linewidth": 0.6})
        ax.legend(fontsize=7, loc="lower right")
    for f in sd.flags:
        top.axvspan(f.start - dt.timedelta(days=width / 2), next_period(f.start, sd.period) - dt.timedelta(days=width / 2),
                    color="#fee391", alpha=0.5, zorder=0)
    fig.suptitle(f"{sd.a} and {sd.b}: what they say and what they do"
                 + (" (shaded: flagged periods)" if sd.flags else ""), fontsize=12)
    fig.autofmt_xdate()
    return _save(fig, path)


def network_edges(con: Any, start: dt.date, end: dt.date, include_all_modalities: bool = False,
                  min_confidence: float | None = None) -> list[tuple[str, str, int, float]]:
    """(actor, actor, events, mean Goldstein) for each pair of country-level codes that interacted,
    counting the settings' default modalities unless ``include_all_modalities``."""
    from tealeaves.cluster import ensure_readout
    from tealeaves import readout

    ensure_readout(con)
    counted = readout.counted_modalities(include_all_modalities)
    modal = "" if counted is None else "AND list_contains(?, modality)"
    threshold = readout.min_confidence(min_confidence)
    rows = con.execute(
        f"""SELECT least(left(source_code, 3), left(target_code, 3)) AS a, greatest(left(source_code, 3), left(target_code, 3)) AS b,
                   count(*), avg(goldstein)
            FROM clusters WHERE date BETWEEN ? AND ? AND source_code IS NOT NULL AND target_code IS NOT NULL {modal}
              AND left(source_code, 3) <> left(target_code, 3) AND coalesce(confidence, 1.0) >= ?
            GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2""", [start, end] + ([list(counted)] if counted is not None else []) + [threshold]).fetchall()
    return [(r[0], r[1], int(r[2]), float(r[3] or 0.0)) for r in rows]


def network_chart(con: Any, period: str, path: str | Path, include_all_modalities: bool = False,
                  min_confidence: float | None = None) -> Path:
    """Draw the actor network of a period ('2016-10') to ``path``."""
    start, end = period_range(period)
    edges = network_edges(con, start, end, include_all_modalities, min_confidence)
    plt = _pyplot()
    from matplotlib import cm, colors

    fig, ax = plt.subplots(figsize=(8, 8))
    ax.set_axis_off()
    ax.set_title(f"who dealt with whom, {period} (edge colour: mean Goldstein, width: events)")
    if not edges:
        ax.text(0.5, 0.5, "no events between actors in this period", ha="center", va="center", transform=ax.transAxes)
        return _save(fig, path)
    degree: dict[str, int] = {}
    for a, b, n, _ in edges:
        degree[a] = degree.get(a, 0) + n
        degree[b] = degree.get(b, 0) + n
    nodes = sorted(degree, key=lambda k: (-degree[k], k))
    pos = {k: (math.cos(2 * math.pi * i / len(nodes)), math.sin(2 * math.pi * i / len(nodes))) for i, k in enumerate(nodes)}
    norm = colors.Normalize(vmin=-10, vmax=10)
    cmap = plt.get_cmap("RdYlGn")
    top = max(n for *_, n, _ in edges)
    for a, b, n, g in edges:
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.plot([x0, x1], [y0, y1], color=cmap(norm(g)), linewidth=1 + 6 * n / top, alpha=0.85, zorder=1)
    for k in nodes:
        x, y = pos[k]
        ax.scatter([x], [y], s=200 + 60 * degree[k], color="#f0f0f0", edgecolor="black", zorder=2)
        ax.annotate(k, (x, y), ha="center", va="center", fontsize=9, zorder=3)
    fig.colorbar(cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6, label="mean Goldstein score")
    ax.set_xlim(-1.3, 1.3)
    ax.set_ylim(-1.3, 1.3)
    return _save(fig, path)
