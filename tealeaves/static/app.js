// tealeaves dashboard: plain JavaScript over the JSON API; Chart.js draws the timeline.
"use strict";

const QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const $ = (id) => document.getElementById(id);
const FLAG_KINDS = {
  hostile_rhetoric_with_contact: "hostile words while still meeting",
  warm_words_falling_contact: "warm words while contact falls",
};
const tl = window.tl = { chart: null, lines: null, a: null, b: null, range: null, filter: null, cursor: null, points: [], saydo: null, flags: {} };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

async function api(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

function modalities() { return $("all-modalities").checked ? null : "asserted,reported"; }
function minConfidence() { return $("min-confidence").value; }

function addDays(iso, n) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function periodEnd(start, period) {
  if (period === "day") return start;
  if (period === "week") return addDays(start, 6);
  const d = new Date(start + "T00:00:00Z");
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

function showError(where, err) { where.replaceChildren(el("p", {class: "empty"}, "Could not load: " + err.message)); }

// ---- start-up: store summary, busiest pairs, actor suggestions -------------------------------
async function init() {
  const stats = await api("/api/stats");
  $("store-summary").textContent = `${stats.events} events from ${stats.documents} documents` +
    (stats.first_date ? `, ${stats.first_date} to ${stats.last_date}` : "");
  const sel = $("dyad-select");
  for (const d of stats.top_dyads) sel.append(el("option", {value: `${d.a},${d.b}`}, `${d.a} – ${d.b} (${d.events})`));
  sel.addEventListener("change", () => {
    if (!sel.value) return;
    const [a, b] = sel.value.split(",");
    $("code-a").value = a; $("code-b").value = b;
    show();
  });
  for (const id of ["code-a", "code-b"]) $(id).addEventListener("input", suggest);
  $("show-btn").addEventListener("click", show);
  $("period").addEventListener("change", () => tl.a && show());
  $("all-modalities").addEventListener("change", () => tl.a && show());
  const slider = $("min-confidence");
  slider.value = stats.min_confidence || 0;
  $("min-confidence-value").textContent = Number(slider.value).toFixed(2);
  slider.addEventListener("input", () => { $("min-confidence-value").textContent = Number(slider.value).toFixed(2); });
  slider.addEventListener("change", () => (tl.a ? refresh() : drawNetwork(null)));
  $("review-token").value = sessionStorage.getItem("tealeaves-token") || "";
  $("more-btn").addEventListener("click", () => listEvents(tl.filter, true));
  $("search-form").addEventListener("submit", (ev) => { ev.preventDefault(); search(); });
  drawNetwork(null);
  tl.ready = true;
}

let suggestTimer = null;
function suggest(ev) {
  clearTimeout(suggestTimer);
  const q = ev.target.value.trim();
  if (q.length < 2) return;
  suggestTimer = setTimeout(async () => {
    const res = await api("/api/actors", {q, limit: 12});
    $("actor-list").replaceChildren(...res.items.map((a) => el("option", {value: a.code}, `${a.name || a.code} (${a.events})`)));
  }, 200);
}

async function resolve(text) {
  const q = text.trim();
  if (!q) return null;
  if (/^[A-Z0-9]{3,12}$/.test(q)) return q;
  const res = await api("/api/actors", {q, limit: 1});
  if (!res.items.length) throw new Error(`no actor matches "${q}"`);
  return res.items[0].code;
}

// ---- the say-versus-do timeline --------------------------------------------------------------
async function show() {
  let a, b;
  try {
    a = await resolve($("code-a").value);
    b = await resolve($("code-b").value);
  } catch (err) { showError($("event-list").tBodies[0], err); return; }
  if (!a) return;
  tl.a = a; tl.b = b; tl.range = null;
  const filter = b ? {dyad: `${a},${b}`} : {actor: a};
  if (b) await drawTimeline(a, b);
  else {
    if (tl.chart) { tl.chart.destroy(); tl.chart = null; }
    clearSayDo("Pick two actors to compare their contact and rhetoric.");
    $("timeline-title").textContent = `Say versus do: type a second actor to see ${a}'s timeline with it`;
  }
  $("events-title").textContent = b ? `Events between ${a} and ${b}` : `Events involving ${a}`;
  await Promise.all([listEvents(filter), drawNetwork(null), reviewQueue()]);
}

// Draws the pair again after a threshold change or a correction, keeping the chosen period.
async function refresh() {
  if (!tl.a) return;
  const range = tl.range;
  if (tl.b) await drawTimeline(tl.a, tl.b);
  tl.range = range;
  const filter = tl.b ? {dyad: `${tl.a},${tl.b}`, ...(range || {})} : {actor: tl.a};
  await Promise.all([listEvents(filter), drawNetwork(range), reviewQueue()]);
}

// Shades the flagged periods of a category chart; options.plugins.flagBands.flags maps a period start to its flags.
const flagBands = {
  id: "flagBands",
  beforeDatasetsDraw(chart, args, opts) {
    const flagged = (opts && opts.flags) || {};
    const x = chart.scales.x, area = chart.chartArea, labels = chart.data.labels, ctx = chart.ctx;
    ctx.save();
    labels.forEach((label, i) => {
      if (!flagged[label]) return;
      const px = x.getPixelForValue(i);
      const left = i > 0 ? (px + x.getPixelForValue(i - 1)) / 2 : area.left;
      const right = i < labels.length - 1 ? (px + x.getPixelForValue(i + 1)) / 2 : area.right;
      ctx.fillStyle = "rgba(240, 180, 0, 0.22)";
      ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
      ctx.fillStyle = "#d49a00";
      ctx.fillRect(left, area.top, right - left, 3);
    });
    ctx.restore();
  },
};

function flagFooter(items) {
  const label = items.length ? items[0].label : null;
  return (tl.flags[label] || []).map((f) => `⚑ ${FLAG_KINDS[f.kind] || f.kind}: ${f.reason}`);
}

function periodName(start, period) {
  return period === "week" ? `week of ${start}` : period === "month" ? start.slice(0, 7) : start;
}

async function drawTimeline(a, b) {
  const period = $("period").value;
  const all = $("all-modalities").checked ? "true" : null;
  const base = `/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
  const min_confidence = minConfidence();
  const [res, saydo] = await Promise.all([api(`${base}/series`, {period, all_modalities: all, min_confidence}),
    api(`${base}/saydo`, {period, all_modalities: all, min_confidence}).catch((error) => ({error}))]);
  tl.points = res.points;
  tl.flags = {};
  for (const f of saydo.flags || []) (tl.flags[f.start] = tl.flags[f.start] || []).push(f);
  $("timeline-title").textContent = `Say versus do: ${a} and ${b}, per ${period}`;
  const labels = res.points.map((p) => p.period);
  const set = (label, key, sign, color, stack) => ({
    label, stack, backgroundColor: color, data: res.points.map((p) => sign * p[key]), borderWidth: 0,
  });
  const data = {labels, datasets: [
    set("said: cooperation", "verbal_cooperation", 1, "#8cc9a5", "verbal"),
    set("said: conflict", "verbal_conflict", -1, "#e8a19b", "verbal"),
    set("done: cooperation", "material_cooperation", 1, "#2e7d4f", "material"),
    set("done: conflict", "material_conflict", -1, "#b3362f", "material"),
  ]};
  if (tl.chart) tl.chart.destroy();
  tl.chart = new Chart($("timeline"), {
    type: "bar", data,
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: {mode: "index", intersect: false},
      scales: {x: {stacked: true}, y: {stacked: true, title: {display: true, text: "events (conflict below zero)"},
        ticks: {precision: 0, callback: (v) => Math.abs(v)}}},
      plugins: {tooltip: {callbacks: {label: (ctx) => `${ctx.dataset.label}: ${Math.abs(ctx.raw)}`, footer: flagFooter}},
        legend: {position: "bottom"}, flagBands: {flags: tl.flags}},
      onClick: (evt, elements, chart) => {
        const hit = chart.getElementsAtEventForMode(evt, "index", {intersect: false}, false);
        if (hit.length) pickPeriod(chart.data.labels[hit[0].index]);
      },
    },
    plugins: [flagBands],
  });
  if (!labels.length) $("timeline-title").textContent += " — no dated events for this pair";
  drawSayDo(saydo, period);
}

// ---- contact versus rhetoric, flagged periods, the strongest events behind each track --------
function clearSayDo(message) {
  if (tl.lines) { tl.lines.destroy(); tl.lines = null; }
  tl.saydo = null;
  $("saydo-title").textContent = "Contact versus rhetoric";
  $("flag-list").replaceChildren();
  $("strongest-verbal").replaceChildren(el("li", {class: "empty"}, message));
  $("strongest-material").replaceChildren();
}

function drawSayDo(res, period) {
  if (res.error) { clearSayDo("Could not load: " + res.error.message); return; }
  clearSayDo("");
  tl.saydo = res;
  $("saydo-title").textContent = `Contact versus rhetoric: ${res.a} and ${res.b}, per ${period}`;
  const line = (label, key, color) => ({label, data: res.points.map((p) => p[key]), borderColor: color, backgroundColor: color,
    borderWidth: 2, pointRadius: 3, tension: 0});
  tl.lines = new Chart($("lines"), {
    type: "line",
    data: {labels: res.points.map((p) => p.start), datasets: [
      line("contact: consultations, visits, meetings", "contact", "#2f6fb3"),
      line("rhetoric: threats, accusations, demands, cuts", "rhetoric", "#b3362f"),
    ]},
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: {mode: "index", intersect: false},
      scales: {y: {beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: "events"}}},
      plugins: {legend: {position: "bottom"}, tooltip: {callbacks: {footer: flagFooter}}, flagBands: {flags: tl.flags}},
      onClick: (evt, elements, chart) => {
        const hit = chart.getElementsAtEventForMode(evt, "index", {intersect: false}, false);
        if (hit.length) pickPeriod(chart.data.labels[hit[0].index]);
      },
    },
    plugins: [flagBands],
  });
  const flags = $("flag-list");
  for (const f of res.flags) {
    flags.append(el("li", {class: `flag ${f.kind}`, "data-start": f.start, title: "Click to list this period's events",
      onclick: () => pickPeriod(f.start)},
      el("span", {class: "when"}, `⚑ ${periodName(f.start, period)}`), `${FLAG_KINDS[f.kind] || f.kind}: ${f.reason}`));
  }
  if (!res.flags.length && res.points.length) {
    flags.append(el("li", {class: "none"}, "No period flagged for this pair."));
  }
  strongestList($("strongest-verbal"), res.verbal);
  strongestList($("strongest-material"), res.material);
}

function strongestList(list, events) {
  list.replaceChildren();
  for (const e of events) {
    const attrs = e.event_id ? {"data-event": e.event_id, title: "Click to read the article", onclick: () => openEvent(e.event_id, null)} : {};
    const many = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
    list.append(el("li", attrs,
      el("span", {class: `code q${e.quad}`, title: QUADS[e.quad] || ""}, e.cameo), " ",
      el("span", {class: "code"}, `${e.source || "?"} → ${e.target || "—"}`),
      ` · ${e.date || "undated"} · Goldstein ${e.goldstein}` + (e.modality === "asserted" ? "" : ` · ${e.modality}`),
      el("div", {class: "sentence-text"}, (e.text || "").slice(0, 200)),
      el("div", {class: "outlets"}, "reported by ", el("strong", {}, e.outlets.join(", ") || "—"),
        ` (${many(e.independent_outlets, "independent outlet")}, ${many(e.mentions, "mention")})`)));
  }
  if (!events.length) list.append(el("li", {class: "empty"}, "No events on this track."));
}

async function pickPeriod(start) {
  if (!start || !tl.a || !tl.b) return;
  const end = periodEnd(start, $("period").value);
  tl.range = {start, end};
  $("events-title").textContent = `Events between ${tl.a} and ${tl.b}, ${start} to ${end}`;
  await Promise.all([listEvents({dyad: `${tl.a},${tl.b}`, start, end}), drawNetwork(tl.range), reviewQueue()]);
}

// ---- the event list --------------------------------------------------------------------------
async function listEvents(filter, more) {
  const body = $("event-list").tBodies[0];
  if (!more) { body.replaceChildren(); tl.cursor = null; }
  tl.filter = filter;
  let res;
  try {
    res = await api("/api/events", {...filter, modality: modalities(), limit: 50, with_sources: "true", cursor: more ? tl.cursor : null,
      min_confidence: minConfidence()});
  } catch (err) { showError(body, err); return; }
  for (const e of res.items) {
    const who = `${e.source ? e.source.code || e.source.text : "?"} → ${e.target ? e.target.code || e.target.text : "—"}`;
    const row = el("tr", {class: "event-row", "data-id": e.id, onclick: () => openEvent(e.id, row)},
      el("td", {}, e.date || "undated"),
      el("td", {class: "code"}, who),
      el("td", {}, el("span", {class: `code q${e.quad}`, title: QUADS[e.quad] || ""}, e.cameo), " ",
        el("div", {class: "sentence-text"}, (e.text || "").slice(0, 160))),
      el("td", {}, e.modality),
      el("td", {}, e.outlet || "—"),
      el("td", {title: (e.outlets || []).join(", ")}, e.independent_outlets ?? ""),
      el("td", {class: "conf", title: e.review ? `reviewed: ${e.review}` : (e.confidence_model || "")},
        e.confidence === null || e.confidence === undefined ? "—" : e.confidence.toFixed(2) + (e.review ? " ✓" : "")));
    body.append(row);
  }
  if (!body.children.length) body.append(el("tr", {}, el("td", {colspan: 7, class: "empty"}, "No events match.")));
  tl.cursor = res.next_cursor;
  $("more-btn").hidden = !res.next_cursor;
}

async function search() {
  const q = $("search").value.trim();
  if (!q) return;
  $("events-title").textContent = `Events whose sentence mentions “${q}”`;
  await listEvents({q});
}

// ---- one event: explanation and the article with the coded sentence marked -------------------
async function openEvent(id, row) {
  for (const r of document.querySelectorAll("tr.event-row.selected")) r.classList.remove("selected");
  if (row) row.classList.add("selected");
  let detail, doc;
  try {
    detail = await api(`/api/events/${encodeURIComponent(id)}`);
    doc = await api(`/api/documents/${encodeURIComponent(detail.event.doc_id)}`);
  } catch (err) { showError($("article"), err); return; }
  const e = detail.event;
  $("article-title").textContent = doc.title || doc.id;
  $("article-help").textContent = [doc.outlet, doc.date, doc.url].filter(Boolean).join(" · ");
  const dl = el("dl", {},
    el("dt", {}, "event"), el("dd", {}, `${e.source ? e.source.code : "?"} ${e.cameo} ${e.target ? e.target.code : "—"} (${QUADS[e.quad] || "no quad"}, Goldstein ${e.goldstein ?? "n/a"})`),
    el("dt", {}, "explanation"), el("dd", {}, detail.explanation),
    el("dt", {}, "rule"), el("dd", {class: "code"}, e.rule || ""),
    el("dt", {}, "modality"), el("dd", {}, e.modality),
    el("dt", {}, "evidence"), el("dd", {}, detail.evidence_text || ""),
    el("dt", {}, "reported by"), el("dd", {}, `${detail.outlets.join(", ") || "—"} (${detail.independent_outlets} independent, ${detail.articles.length} article${detail.articles.length === 1 ? "" : "s"})`));
  $("explanation").replaceChildren(dl);
  renderArticle(doc, e, detail.sentence_span);
}

function renderArticle(doc, event, sentence) {
  const text = doc.text;
  const art = $("article");
  art.replaceChildren();
  const marks = [];
  if (sentence) marks.push({start: sentence.start, end: sentence.end, coded: true});
  for (const s of doc.events) {
    if (!s.sentence || s.event_id === event.id) continue;
    if (marks.some((m) => s.sentence.start < m.end && m.start < s.sentence.end)) continue;
    marks.push({start: s.sentence.start, end: s.sentence.end, coded: false});
  }
  marks.sort((x, y) => x.start - y.start);
  let pos = 0;
  for (const m of marks) {
    art.append(text.slice(pos, m.start));
    const mark = el("mark", {class: m.coded ? "coded" : "", title: m.coded ? "the coded sentence" : "another coded sentence"});
    if (m.coded && event.evidence.start >= m.start && event.evidence.end <= m.end && event.evidence.end > event.evidence.start) {
      mark.append(text.slice(m.start, event.evidence.start), el("span", {class: "evidence"}, text.slice(event.evidence.start, event.evidence.end)),
        text.slice(event.evidence.end, m.end));
    } else mark.append(text.slice(m.start, m.end));
    art.append(mark);
    pos = m.end;
  }
  art.append(text.slice(pos));
  const coded = art.querySelector("mark.coded");
  if (coded) coded.scrollIntoView({block: "center"});
}

// ---- actor network for a period --------------------------------------------------------------
async function drawNetwork(range) {
  const svg = $("network");
  let res;
  try {
    res = await api("/api/network", {start: range && range.start, end: range && range.end, limit: 30,
      all_modalities: $("all-modalities").checked ? "true" : null, min_confidence: minConfidence()});
  } catch (err) { return; }
  $("network-title").textContent = range ? `Actor network, ${range.start} to ${range.end}` : "Actor network, whole store";
  const ns = "http://www.w3.org/2000/svg";
  const make = (tag, attrs) => { const n = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); return n; };
  svg.replaceChildren();
  const nodes = res.nodes.slice(0, 24);
  const pos = {};
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1) - Math.PI / 2;
    pos[n.code] = [320 + 170 * Math.cos(angle), 210 + 170 * Math.sin(angle)];
  });
  const most = Math.max(1, ...res.edges.map((e) => e.events));
  for (const e of res.edges) {
    if (!pos[e.a] || !pos[e.b]) continue;
    const lean = (e.cooperation - e.conflict) / Math.max(1, e.cooperation + e.conflict);
    const line = make("line", {x1: pos[e.a][0], y1: pos[e.a][1], x2: pos[e.b][0], y2: pos[e.b][1],
      stroke: lean >= 0 ? "#2e7d4f" : "#b3362f", "stroke-opacity": 0.35 + 0.5 * Math.abs(lean), "stroke-width": 1 + 7 * e.events / most});
    line.append(make("title", {}));
    line.firstChild.textContent = `${e.a} – ${e.b}: ${e.events} events (${e.cooperation} cooperation, ${e.conflict} conflict)`;
    line.addEventListener("click", () => { $("code-a").value = e.a; $("code-b").value = e.b; show(); });
    svg.append(line);
  }
  for (const n of nodes) {
    const [x, y] = pos[n.code];
    svg.append(make("circle", {cx: x, cy: y, r: 4 + Math.min(10, Math.sqrt(n.events))}));
    const label = make("text", {x: x + 12, y: y + 4});
    label.textContent = n.code;
    svg.append(label);
  }
  if (!nodes.length) { const t = make("text", {x: 20, y: 30}); t.textContent = "No pairs in this period."; svg.append(t); }
}

// ---- review queue: the pair's least sure events, marked right, wrong or corrected ------------
async function reviewQueue() {
  const list = $("review-list");
  if (!tl.a || !tl.b) { list.replaceChildren(el("li", {class: "empty"}, "Pick two actors to review their events.")); return; }
  let res;
  try {
    res = await api("/api/review", {a: tl.a, b: tl.b, start: tl.range && tl.range.start, end: tl.range && tl.range.end, limit: 20});
  } catch (err) { showError(list, err); return; }
  $("review-title").textContent = `Review: ${tl.a} and ${tl.b}` + (tl.range ? `, ${tl.range.start} to ${tl.range.end}` : "");
  list.replaceChildren();
  for (const e of res.items) {
    const code = el("input", {class: "fix-code", size: 5, maxlength: 8, value: e.cameo || "", "aria-label": "CAMEO code"});
    const src = el("input", {class: "fix-source", size: 8, maxlength: 32, value: (e.source && e.source.code) || "", "aria-label": "source"});
    const tgt = el("input", {class: "fix-target", size: 8, maxlength: 32, value: (e.target && e.target.code) || "", "aria-label": "target"});
    const send = (verdict) => review(e.id, verdict, {cameo: code.value, source: src.value, target: tgt.value});
    list.append(el("li", {class: "review-item", "data-id": e.id},
      el("span", {class: "conf"}, e.confidence === null || e.confidence === undefined ? "—" : e.confidence.toFixed(2)), " ",
      el("span", {class: `code q${e.quad}`}, e.cameo), " ",
      el("span", {class: "code"}, `${e.source ? e.source.code || "?" : "?"} → ${e.target ? e.target.code || "—" : "—"}`),
      ` · ${e.date || "undated"}`,
      el("div", {class: "sentence-text"}, (e.text || "").slice(0, 220)),
      el("div", {class: "review-actions"},
        el("button", {type: "button", class: "mark-right", onclick: () => send("right")}, "Right"),
        el("button", {type: "button", class: "mark-wrong", onclick: () => send("wrong")}, "Wrong"),
        " or correct: ", code, src, tgt,
        el("button", {type: "button", class: "mark-corrected", onclick: () => send("corrected")}, "Save correction"))));
  }
  if (!res.items.length) list.append(el("li", {class: "empty"}, "Nothing left to review here."));
}

async function review(id, verdict, fix) {
  const token = $("review-token").value.trim();
  const status = $("review-status");
  if (!token) { status.textContent = "Enter the server's token to save corrections."; return; }
  sessionStorage.setItem("tealeaves-token", token);
  const body = {verdict, author: $("review-author").value.trim() || null};
  if (verdict === "corrected") Object.assign(body, fix);
  const res = await fetch(`/api/events/${encodeURIComponent(id)}/review`, {method: "POST",
    headers: {"Content-Type": "application/json", "Authorization": `Bearer ${token}`}, body: JSON.stringify(body)});
  const out = await res.json();
  if (!res.ok) { status.textContent = "Not saved: " + (out.error ? out.error.message : res.statusText); return; }
  status.textContent = `Saved: ${out.verdict}` + (out.after ? ` (${out.after.cameo} ${out.after.source || "—"} → ${out.after.target || "—"})` : "");
  tl.reviews = (tl.reviews || 0) + 1;
  await refresh();
}

init().catch((err) => showError($("event-list").tBodies[0], err));
