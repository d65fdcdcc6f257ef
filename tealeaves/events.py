"""Events: code who did what to whom from a parsed sentence and its actor mentions.

The coder walks each sentence's dependency parse. A verb or noun whose lemma heads a pattern in
``data/events/patterns.tsv`` is matched against the words hanging off it; the most specific
pattern wins. The source is the head's subject (the ``by`` agent in the passive, the possessor or
adjective for a nominal event); the target is the pattern's ``{T}`` slot, else the direct object,
else the passive subject. Each event keeps its sentence, evidence offsets, the rule that fired,
and its modality (asserted, reported, negated, hypothetical, future).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from tealeaves import ontology
from tealeaves.errors import DataError
from tealeaves.models import CleanDocument, Event, Mention, Sentence

CODER_NAME = "cameo_rules.v1"

CLAUSE_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "conj", "parataxis", "relcl", "punct", "mark", "cc", "appos", "acl"}
TARGET_PREPS = ("with", "to", "against", "on", "at", "into", "in", "upon", "toward", "towards")
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
MAX_DEPTH = 3


@dataclass(frozen=True)
class Pattern:
    code: str
    head: str
    words: tuple[str, ...]  # lemmas that must hang off the head
    target_after: str | None  # "" = direct object, a preposition lemma, or None when no {T}
    nominal: bool
    line: int
    text: str

    @property
    def name(self) -> str:
        return f"patterns.tsv:{self.line} {self.code} {self.text}"


def parse_pattern(code: str, text: str, line: int) -> Pattern:
    nominal = code.startswith("~")
    code = code.lstrip("~")
    toks = text.split()
    if not toks or toks[0] == "{T}":
        raise DataError(f"patterns.tsv:{line}: pattern must start with a head word: {text!r}")
    head, rest = toks[0].lower(), toks[1:]
    words: list[str] = []
    target_after: str | None = None
    for i, t in enumerate(rest):
        if t == "{T}":
            target_after = rest[i - 1].lower() if i > 0 else ""
        else:
            words.append(t.lower())
    return Pattern(code=code, head=head, words=tuple(words), target_after=target_after, nominal=nominal, line=line, text=text)


@lru_cache(maxsize=1)
def load_patterns() -> dict[tuple[str, bool], tuple[Pattern, ...]]:
    """Patterns keyed by (head lemma, nominal), most specific first."""
    text = resources.files("tealeaves.data").joinpath("events", "patterns.tsv").read_text(encoding="utf-8")
    table: dict[tuple[str, bool], list[Pattern]] = defaultdict(list)
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) < 2:
            raise DataError(f"patterns.tsv:{n}: expected 'code<TAB>pattern', got {raw!r}")
        p = parse_pattern(parts[0].strip(), parts[1].strip(), n)
        table[(p.head, p.nominal)].append(p)
    return {k: tuple(sorted(v, key=lambda p: (-len(p.words), p.target_after is None, p.line))) for k, v in table.items()}


# ---- modality cues ----------------------------------------------------------------------------
REPORTING_VERBS = {"say", "tell", "claim", "report", "state", "announce", "allege", "insist", "add", "note", "confirm", "assert", "write", "declare", "suggest", "argue", "warn"}
DENIAL_VERBS = {"deny", "dismiss", "refute", "reject"}
HYPOTHETICAL_AUX = {"could", "might", "may", "would", "should", "can"}
FUTURE_AUX = {"will", "'ll", "shall", "wo"}
FUTURE_GOVERNORS = {"plan", "intend", "expect", "schedule", "due", "set", "prepare", "aim", "hope", "want", "seek", "going"}
HYPOTHETICAL_GOVERNORS = {"consider", "weigh", "mull", "contemplate", "propose", "threaten", "try", "attempt", "refuse", "decline", "fail", "ask", "urge", "call", "demand", "offer", "agree"}
UNLIKELY_WORDS = {"unlikely", "possible", "possibly", "perhaps", "hypothetical", "option", "options"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}


@dataclass(frozen=True)
class Modality:
    value: str
    cue: str | None
    speaker_token: Any = None


def modality_of(head: Any) -> Modality:
    """The modality of the event headed by ``head``, with the word that decided it."""
    tok = head
    reported: Modality | None = None
    hop = 0
    while True:
        for c in tok.children:
            if c.dep_ == "neg" or c.lower_ in ("never",):
                return Modality("negated", c.text)
            if c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL_AUX:
                return Modality("hypothetical", c.text)
            if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
                return Modality("future", c.text)
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONAL_MARKS for g in c.children) and hop == 0:
                pass  # a condition attached to this event does not make it hypothetical by itself
            if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                return Modality("hypothetical", c.text)
            if c.dep_ in ("acomp", "advmod") and c.lower_ in UNLIKELY_WORDS:
                return Modality("hypothetical", c.text)
            if c.dep_ == "prep" and c.lower_ == "according":
                reported = reported or Modality("reported", "according to", next((g for g in c.subtree if g.dep_ == "pobj"), None))
        if tok.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp") and tok.head is not tok:
            gov = tok.head
            lemma = gov.lemma_.lower()
            if tok.dep_ == "xcomp" and lemma in FUTURE_GOVERNORS:
                return Modality("future", gov.text)
            if tok.dep_ == "xcomp" and lemma in HYPOTHETICAL_GOVERNORS:
                return Modality("hypothetical", gov.text)
            if tok.dep_ == "xcomp" and lemma == "be":
                return Modality("future", "be to")
            if tok.dep_ == "ccomp" and lemma in DENIAL_VERBS:
                return Modality("negated", gov.text)
            if tok.dep_ == "ccomp" and lemma in REPORTING_VERBS and reported is None:
                speaker = next((c for c in gov.children if c.dep_ in SUBJECT_DEPS), None)
                reported = Modality("reported", gov.text, speaker)
            if tok.dep_ in ("advcl", "relcl", "acl"):
                break
            tok = gov
            hop += 1
            continue
        break
    return reported or Modality("asserted", None)


# ---- the coder --------------------------------------------------------------------------------
def _children(tok: Any, depth: int = 0) -> Iterable[tuple[Any, int]]:
    for c in tok.children:
        if c.dep_ in CLAUSE_DEPS and depth == 0 and c.dep_ not in ("acl",):
            continue
        if c.dep_ in ("nsubj", "nsubjpass", "ccomp", "advcl", "conj", "relcl", "parataxis", "punct", "cc"):
            continue
        yield c, depth + 1
        if depth + 1 < MAX_DEPTH:
            yield from _children(c, depth + 1)


def _match(pattern: Pattern, head: Any) -> tuple[list[Any], Any] | None:
    """Tokens used by ``pattern`` under ``head`` and the target token, or None when it does not fit."""
    pool = list(_children(head))
    used: list[Any] = []
    for w in pattern.words:
        hit = next((t for t, _ in pool if t.lemma_.lower() == w and t not in used) or (t for t, _ in pool if t.lower_ == w and t not in used), None)
        if hit is None:
            return None
        used.append(hit)
    target = None
    if pattern.target_after == "":
        target = next((c for c in head.children if c.dep_ in ("dobj", "dative", "attr") or (pattern.nominal and c.dep_ in ("compound",))), None)
        if target is None and _is_passive(head):
            target = next((c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        if target is None and pattern.nominal:
            return None
    elif pattern.target_after:
        prep = next((t for t in used if t.lower_ == pattern.target_after or t.lemma_.lower() == pattern.target_after), None)
        if prep is not None:
            target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    return used, target


def _is_passive(head: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)


def _subject(head: Any) -> Any:
    """The acting noun of a verb head, following xcomp/conj chains up when the verb has no subject."""
    if _is_passive(head):
        agent = next((c for c in head.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        return None
    tok = head
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return subj
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head is not tok:
            tok = tok.head
            continue
        if tok.dep_ in ("acl", "relcl") and tok.head is not tok:
            return tok.head
        break
    return None


def _nominal_source(head: Any) -> Any:
    for c in head.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return next((c for c in head.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")), None)


def _default_target(head: Any) -> Any:
    for c in head.children:
        if c.dep_ in ("dobj", "dative"):
            return c
    if _is_passive(head):
        subj = next((c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        if subj is not None:
            return subj
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _mentions_for(tok: Any, sent: Sentence, mentions: tuple[Mention, ...]) -> list[Mention]:
    """Coded mentions that cover ``tok`` or, failing that, sit inside its phrase; conjuncts included."""
    if tok is None:
        return []
    found: list[Mention] = []
    heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
    for h in heads:
        off = sent.offset(h)
        hits = [m for m in mentions if m.code and m.start <= off < m.end]
        if not hits:
            lo = sent.offset(h.doc[h.left_edge.i])
            hi = sent.offset(h.doc[h.right_edge.i]) + len(h.doc[h.right_edge.i].text)
            inside = [m for m in mentions if m.code and lo <= m.start and m.end <= hi]
            hits = inside[:1]
        for m in hits:
            if m not in found:
                found.append(m)
    return found


class RuleCoder:
    """Dictionary-and-dependency CAMEO coder (``cameo_rules.v1``)."""

    name = CODER_NAME

    def code_sentence(self, sent: Sentence, mentions: tuple[Mention, ...], date: str | None = None) -> list[Event]:
        patterns = load_patterns()
        span = sent.span
        used_tokens: set[int] = set()
        events: list[Event] = []
        seen: set[tuple[str | None, str | None, str]] = set()
        for head in sorted(span, key=lambda t: (_depth(t), t.i)):
            if head.i in used_tokens:
                continue
            nominal = head.pos_ in ("NOUN", "PROPN")
            if head.pos_ not in ("VERB", "NOUN", "PROPN", "AUX"):
                continue
            cands = patterns.get((head.lemma_.lower(), nominal)) or ()
            if not cands and not nominal:
                cands = patterns.get((head.lower_, nominal)) or ()
            for pat in cands:
                hit = _match(pat, head)
                if hit is None:
                    continue
                used, target_tok = hit
                if target_tok is None:
                    target_tok = _default_target(head) if not nominal else None
                src_tok = _nominal_source(head) if nominal else _subject(head)
                sources = _mentions_for(src_tok, sent, mentions)
                targets = _mentions_for(target_tok, sent, mentions)
                if not sources:
                    break
                mod = modality_of(head) if not nominal else _nominal_modality(head)
                speaker = None
                if mod.speaker_token is not None:
                    sp = _mentions_for(mod.speaker_token, sent, mentions)
                    speaker = sp[0] if sp else None
                for t in [*used, head]:
                    used_tokens.add(t.i)
                for s in sources:
                    for t in targets or [None]:
                        if t is not None and s.code == t.code:
                            continue
                        key = (s.code, t.code if t else None, pat.code)
                        if key in seen:
                            continue
                        seen.add(key)
                        events.append(self._event(sent, s, t, pat, head, used, mod, speaker, date))
                break
        return events

    def _event(self, sent: Sentence, source: Mention, target: Mention | None, pat: Pattern, head: Any, used: list[Any], mod: Modality, speaker: Mention | None, date: str | None) -> Event:
        info = ontology.lookup(pat.code)
        toks = [head, *used]
        start = min(sent.offset(t) for t in toks)
        end = max(sent.offset(t) + len(t.text) for t in toks)
        rule = f"{pat.name}" + (f" | modality: {mod.cue}" if mod.cue else "")
        return Event(
            doc_id=sent.doc_id,
            sentence=sent.index,
            text=sent.text,
            source=source,
            target=target,
            cameo=pat.code,
            root=info.root,
            quad=info.quad,
            goldstein=info.goldstein,
            plover=info.plover,
            modality=mod.value,
            evidence_start=start,
            evidence_end=end,
            rule=rule,
            date=date,
            date_precision="day" if date else None,
            cited_outlet=sent.cited_outlet,
            speaker=speaker,
            coder=self.name,
        )

    def code_document(self, cdoc: CleanDocument, sentences: tuple[Sentence, ...], mentions: dict[int, tuple[Mention, ...]]) -> list[Event]:
        out: list[Event] = []
        for sent in sentences:
            out.extend(self.code_sentence(sent, mentions.get(sent.index, ()), cdoc.document.date))
        return out


def _nominal_modality(head: Any) -> Modality:
    for c in head.children:
        if c.dep_ == "det" and c.lower_ == "no":
            return Modality("negated", c.text)
    gov = head.head
    if gov is not head:
        m = modality_of(gov)
        if m.value != "asserted":
            return m
        if any(c.lower_ in UNLIKELY_WORDS for c in gov.children):
            return Modality("hypothetical", "unlikely")
    return Modality("asserted", None)


def _depth(tok: Any) -> int:
    d = 0
    while tok.head is not tok and d < 50:
        tok = tok.head
        d += 1
    return d


_CODERS: dict[str, type[RuleCoder]] = {CODER_NAME: RuleCoder}


def get_coder(name: str = CODER_NAME) -> RuleCoder:
    """The coder registered under a versioned name such as ``cameo_rules.v1``."""
    try:
        return _CODERS[name]()
    except KeyError:
        raise DataError(f"unknown coder {name!r}; known: {', '.join(sorted(_CODERS))}") from None


_WS = re.compile(r"\s+")
