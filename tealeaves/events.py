"""Events: code who did what to whom from a parsed sentence and its actor mentions.

The coder walks each sentence's dependency parse. A verb or noun whose lemma heads a pattern in
``data/events/patterns.tsv`` (hand-written) or ``patterns-petrarch2.tsv`` (derived from petrarch2
by ``scripts/build_patterns.py``) is matched against the words hanging off it; the most specific
pattern wins, hand-written before derived. The source is the head's subject (the ``by`` agent in
the passive, the possessor or adjective for a nominal event); the target is the pattern's ``{T}``
slot, else the direct object, else a prepositional object, else the passive subject.

Each event keeps its sentence, evidence offsets, the rule that fired, its modality (see
``tealeaves.modality``), its date (``tealeaves.dates``) and place (``tealeaves.places``). Two
guards keep over-generation down: a stated intention to use force ("X said any incursion would be
met with force") becomes a threat by the speaker, and violent verbs in sentences about sport,
business or disasters (``data/events/context.tsv``) are not coded unless armed actors are named.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from tealeaves import dates, ontology, places
from tealeaves.errors import DataError
from tealeaves.modality import Modality, modality_of
from tealeaves.models import CleanDocument, Event, Location, Mention, Sentence

CODER_NAME = "cameo_rules.v1"
PATTERN_FILES = ("patterns.tsv", "patterns-petrarch2.tsv")  # earlier files win ties

TARGET_PREPS = ("with", "to", "against", "on", "at", "into", "upon", "toward", "towards", "in")
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
SKIP_CHILD_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "conj", "relcl", "parataxis", "punct", "cc", "mark", "appos"}
MAX_DEPTH = 3
PRONOUNS = {"he", "she", "it", "they", "we", "i", "its", "their", "his", "her", "our"}
# a stated intention to use force is a threat (CAMEO 13x) by the one who states it
THREAT_FOR_ROOT = {"15": "138", "17": "137", "18": "138", "19": "138", "20": "138", "16": "131"}


@dataclass(frozen=True)
class Pattern:
    code: str
    head: str
    words: tuple[str, ...]  # lemmas that must hang off the head
    target_after: str | None  # "" = direct object, a preposition lemma, or None when no {T}
    nominal: bool
    line: int
    text: str
    file: str = "patterns.tsv"
    rank: int = 0  # 0 = hand-written, 1 = derived
    fallback: bool = False  # "?010 say": only when nothing else in the sentence was coded

    @property
    def name(self) -> str:
        return f"{self.file}:{self.line} {self.code} {'~' if self.nominal else ''}{self.text}"


@dataclass(frozen=True)
class ArticleContext:
    """What the coder knows about the whole article when it codes one sentence."""

    date: str | None = None
    countries: frozenset[str] = frozenset()


@dataclass
class Attempt:
    """One pattern tried on one head word, for ``tealeaves explain``."""

    head: str
    pattern: str
    outcome: str  # "fired", or why it did not


def parse_pattern(code: str, text: str, line: int, file: str = "patterns.tsv", rank: int = 0) -> Pattern:
    nominal = code.startswith("~") or text.startswith("~")
    fallback = code.startswith("?")
    code = code.lstrip("~?")
    toks = text.lstrip("~").split()
    if not toks or toks[0] == "{T}":
        raise DataError(f"{file}:{line}: pattern must start with a head word: {text!r}")
    if not re.fullmatch(r"\d{2,4}", code):
        raise DataError(f"{file}:{line}: {code!r} is not a CAMEO code")
    head, rest = toks[0].lower(), toks[1:]
    words: list[str] = []
    target_after: str | None = None
    for i, t in enumerate(rest):
        if t == "{T}":
            target_after = rest[i - 1].lower() if i > 0 else ""
        else:
            words.append(t.lower())
    return Pattern(code=code, head=head, words=tuple(words), target_after=target_after, nominal=nominal,
                   line=line, text=text.lstrip("~"), file=file, rank=rank, fallback=fallback)


def _read_data(name: str) -> str:
    return resources.files("tealeaves.data").joinpath("events", name).read_text(encoding="utf-8")


def read_patterns(name: str, rank: int) -> list[Pattern]:
    out = []
    for n, raw in enumerate(_read_data(name).splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) < 2:
            raise DataError(f"{name}:{n}: expected 'code<TAB>pattern', got {raw!r}")
        out.append(parse_pattern(parts[0].strip(), parts[1].strip(), n, name, rank))
    return out


@lru_cache(maxsize=1)
def load_patterns() -> dict[tuple[str, bool], tuple[Pattern, ...]]:
    """Patterns keyed by (head lemma, nominal), most specific first, hand-written before derived."""
    table: dict[tuple[str, bool], list[Pattern]] = defaultdict(list)
    for rank, name in enumerate(PATTERN_FILES):
        for p in read_patterns(name, rank):
            table[(p.head, p.nominal)].append(p)
    return {k: tuple(sorted(v, key=lambda p: (-len(p.words), p.rank, p.target_after is None, p.line))) for k, v in table.items()}


@lru_cache(maxsize=1)
def dictionary_version() -> str:
    """Content version of the pattern files, recorded on every event."""
    parts = []
    for name in PATTERN_FILES:
        digest = hashlib.sha1(_read_data(name).encode("utf-8")).hexdigest()[:8]
        parts.append(f"{name.removesuffix('.tsv')}@{digest}")
    return "+".join(parts)


@lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/events/context.tsv``: domain cues and the armed words that override them."""
    table: dict[str, set[str]] = defaultdict(set)
    for n, raw in enumerate(_read_data("context.tsv").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, _, words = raw.partition("\t")
        if not words:
            raise DataError(f"context.tsv:{n}: expected 'list<TAB>words', got {raw!r}")
        table[kind.strip()].update(w.strip().lower() for w in words.split(",") if w.strip())
    return {k: frozenset(v) for k, v in table.items()}


# ---- trigger words for cheap pre-filters ------------------------------------------------------
IRREGULAR = {
    "meet": "met", "hold": "held", "fight": "fought", "shoot": "shot", "strike": "struck stricken", "take": "took taken",
    "throw": "threw thrown", "break": "broke broken", "beat": "beaten", "bring": "brought", "send": "sent", "lend": "lent",
    "give": "gave given", "lead": "led", "flee": "fled", "go": "went gone", "speak": "spoke spoken", "tell": "told",
    "say": "said", "sell": "sold", "buy": "bought", "win": "won", "lose": "lost", "withdraw": "withdrew withdrawn",
    "overrun": "overran", "forgive": "forgave forgiven", "freeze": "froze frozen", "steal": "stole stolen",
    "swear": "swore sworn", "sink": "sank sunk", "blow": "blew blown", "hang": "hung", "slay": "slew slain",
    "bind": "bound", "seek": "sought", "catch": "caught", "keep": "kept", "leave": "left", "stand": "stood",
    "uphold": "upheld", "withhold": "withheld", "overthrow": "overthrew overthrown", "drive": "drove driven",
    "rise": "rose risen", "write": "wrote written", "hide": "hid hidden", "deal": "dealt", "fall": "fell fallen",
    "find": "found", "draw": "drew drawn", "come": "came", "run": "ran", "shake": "shook shaken", "arise": "arose arisen",
    "begin": "began begun", "undertake": "undertook undertaken", "oversee": "oversaw overseen", "seize": "seized",
    "have": "had has", "be": "was were is are been", "do": "did done does", "make": "made", "pay": "paid", "lay": "laid",
    "fly": "flew flown flies", "wage": "waged", "put": "put", "set": "set", "cut": "cut", "hit": "hit", "quit": "quit",
    "shut": "shut", "spread": "spread", "rid": "rid", "upset": "upset", "feel": "felt", "mean": "meant", "see": "saw seen",
}


def _inflections(word: str) -> set[str]:
    forms = {word}
    if word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {word + "es", word + "ed", word + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", word) and len(word) <= 5:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms |= set(IRREGULAR.get(word, "").split())
    return forms


@lru_cache(maxsize=1)
def trigger_lemmas() -> frozenset[str]:
    """Every pattern head lemma with its common inflected forms, lower-case.

    A sentence containing none of these words can produce no event, so a caller may skip parsing it.
    """
    out: set[str] = set()
    for head, _nominal in load_patterns():
        for part in head.split():
            out |= _inflections(part)
    return frozenset(out)


# ---- matching ---------------------------------------------------------------------------------
def _children(tok: Any, depth: int = 0) -> Iterable[tuple[Any, int]]:
    for c in tok.children:
        if c.dep_ in SKIP_CHILD_DEPS:
            continue
        yield c, depth + 1
        if depth + 1 < MAX_DEPTH:
            yield from _children(c, depth + 1)


def _match(pattern: Pattern, head: Any) -> tuple[list[Any], Any] | str:
    """(tokens used, target token) when ``pattern`` fits under ``head``; else why it does not."""
    pool = [t for t, _ in _children(head)]
    used: list[Any] = []
    for w in pattern.words:
        hit = next((t for t in pool if t.lemma_.lower() == w and t not in used), None) or \
            next((t for t in pool if t.lower_ == w and t not in used), None)
        if hit is None:
            return f"no '{w}' attached to '{head.text}'"
        used.append(hit)
    target = None
    if pattern.target_after == "":
        target = next((c for c in head.children if c.dep_ in ("dobj", "dative", "attr")), None)
        if target is None and _is_passive(head):
            target = next((c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        if target is None:
            # "{T}" right after the head means the verb takes an object: "called Putin" is a phone
            # call, "called for reform" is not
            return "no direct object"
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
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.i != tok.i:
            if tok.dep_ == "advcl" and tok.tag_ not in ("VBG", "VBN"):
                break  # a finite subordinate clause has its own subject
            tok = tok.head
            continue
        if tok.dep_ in ("acl", "relcl") and tok.head.i != tok.i:
            return tok.head
        break
    return None


def _nominal_source(head: Any) -> Any:
    for c in head.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    own = next((c for c in head.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")), None)
    if own is not None:
        return own
    gov = head.head
    if head.dep_ in ("dobj",) and gov.lemma_.lower() in ("launch", "carry", "conduct", "stage", "mount", "begin", "continue", "step", "order"):
        return _subject(gov)
    if head.dep_ == "pobj" and gov.head.lemma_.lower() in ("carry", "launch", "conduct") and gov.head.i != gov.i:
        return _subject(gov.head)
    return None


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
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
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


def off_topic(span: Any, code: str) -> str | None:
    """The domain word that makes a material-conflict code doubtful here, or None.

    "United beat Chelsea", "shares were hammered", "the quake killed 40": violent verbs in sport,
    business and disaster stories are not attacks unless armed actors are named in the sentence.
    """
    info = ontology.lookup(code)
    if info.quad != 4:
        return None
    words = context_words()
    lemmas = {t.lemma_.lower() for t in span} | {t.lower_ for t in span}
    if lemmas & words.get("armed", frozenset()):
        return None
    for domain in ("sport", "business", "disaster"):
        hit = lemmas & words.get(domain, frozenset())
        if hit:
            return f"{domain}: {sorted(hit)[0]}"
    return None


class RuleCoder:
    """Dictionary-and-dependency CAMEO coder (``cameo_rules.v1``)."""

    name = CODER_NAME

    def code_sentence(self, sent: Sentence, mentions: tuple[Mention, ...], date: str | None = None,
                      context: ArticleContext | None = None, trace: list[Attempt] | None = None) -> list[Event]:
        ctx = context or ArticleContext(date=date)
        if sent.span is None or not sent.span.doc.has_annotation("DEP"):
            return []  # not parsed (the pre-filter found no event word): nothing to code
        patterns = load_patterns()
        used_tokens: set[int] = set()
        events: list[Event] = []
        seen: set[tuple[str | None, str | None, str]] = set()
        heads = sorted(sent.span, key=lambda t: (_depth(t), t.i))
        for fallback_pass in (False, True):
            if fallback_pass and events:
                break
            self._code_heads(sent, mentions, ctx, heads, patterns, fallback_pass, used_tokens, events, seen, trace)
        return events

    def _code_heads(self, sent: Sentence, mentions: tuple[Mention, ...], ctx: ArticleContext, heads: list[Any],
                    patterns: dict[tuple[str, bool], tuple[Pattern, ...]], fallback_pass: bool, used_tokens: set[int],
                    events: list[Event], seen: set[tuple[str | None, str | None, str]], trace: list[Attempt] | None) -> None:
        for head in heads:
            if head.i in used_tokens or head.pos_ not in ("VERB", "NOUN", "PROPN", "AUX"):
                continue
            nominal = head.pos_ in ("NOUN", "PROPN")
            cands = patterns.get((head.lemma_.lower(), nominal)) or patterns.get((head.lower_, nominal)) or ()
            for pat in cands:
                if pat.fallback != fallback_pass:
                    continue
                hit = _match(pat, head)
                if isinstance(hit, str):
                    if trace is not None:
                        trace.append(Attempt(head.text, pat.name, hit))
                    continue
                fired = self._fire(sent, mentions, ctx, pat, head, hit, seen, trace)
                if fired is None:
                    continue
                events.extend(fired)
                used_tokens.update(t.i for t in [head, *hit[0]])
                break

    def _fire(self, sent: Sentence, mentions: tuple[Mention, ...], ctx: ArticleContext, pat: Pattern, head: Any,
              hit: tuple[list[Any], Any], seen: set[tuple[str | None, str | None, str]], trace: list[Attempt] | None) -> list[Event] | None:
        """The events one matching pattern yields; None when the head has no usable reading."""
        used, target_tok = hit
        nominal = pat.nominal
        if target_tok is None and not nominal:
            target_tok = _default_target(head)
        src_tok = _nominal_source(head) if nominal else _subject(head)
        sources = _mentions_for(src_tok, sent, mentions)
        targets = _mentions_for(target_tok, sent, mentions)
        mod = modality_of(head)
        speakers = _mentions_for(mod.speaker_token, sent, mentions) if mod.speaker_token is not None else []
        code, note = pat.code, ""
        if (mod.value in ("future", "hypothetical") and mod.reporting_verb and speakers and code[:2] in THREAT_FOR_ROOT | {"13": ""}
                and (not sources or src_tok is None or src_tok.lower_ in PRONOUNS or sources[0].code == speakers[0].code)):
            code = THREAT_FOR_ROOT.get(code[:2], code)
            sources, note = speakers[:1], f" | threat stated by the speaker ({mod.reporting_verb})"
            mod = Modality("asserted", mod.cue, mod.speaker_token, mod.reporting_verb, mod.quote)
        if not sources:
            if trace is not None:
                trace.append(Attempt(head.text, pat.name, f"matched, but no coded actor as source ({src_tok.text if src_tok is not None else 'no subject'})"))
            return None
        doubt = off_topic(sent.span, code)
        if doubt:
            if trace is not None:
                trace.append(Attempt(head.text, pat.name, f"matched, but not coded: off-topic sentence ({doubt})"))
            return []
        when = dates.event_date(head, ctx.date, future=mod.value == "future")
        actor_spans = [(m.start - sent.start + sent.span.start_char, m.end - sent.start + sent.span.start_char) for m in [*sources, *targets]]
        where = places.event_place(head, ctx.countries, actor_spans)
        speaker = speakers[0] if speakers else None
        out = []
        for s in sources:
            for t in targets or [None]:
                if t is not None and s.code == t.code:
                    continue
                key = (s.code, t.code if t else None, code)
                if key in seen:
                    continue
                seen.add(key)
                out.append(self._event(sent, s, t, code, pat, head, used, mod, speaker, when, where, note))
        if trace is not None:
            trace.append(Attempt(head.text, pat.name, "fired" + note))
        return out

    def _event(self, sent: Sentence, source: Mention, target: Mention | None, code: str, pat: Pattern, head: Any,
               used: list[Any], mod: Modality, speaker: Mention | None, when: dates.EventDate, where: Location | None,
               note: str) -> Event:
        info = ontology.lookup(code)
        toks = [head, *used]
        start = min(sent.offset(t) for t in toks)
        end = max(sent.offset(t) + len(t.text) for t in toks)
        rule = pat.name + (f" | modality: {mod.value} ({mod.cue})" if mod.cue else "") + note
        if when.text:
            rule += f" | date: {when.text}"
        shift = sent.start - sent.span.start_char
        return Event(
            doc_id=sent.doc_id, sentence=sent.index, text=sent.text, source=source, target=target,
            cameo=code, root=info.root, quad=info.quad, goldstein=info.goldstein, plover=info.plover,
            modality=mod.value, evidence_start=start, evidence_end=end, rule=rule,
            date=when.date, date_precision=when.precision, location=where,
            cited_outlet=sent.cited_outlet, speaker=speaker, coder=self.name,
            quote_start=mod.quote[0] + shift if mod.quote else None,
            quote_end=mod.quote[1] + shift if mod.quote else None,
            reporting_verb=mod.reporting_verb, dictionary=dictionary_version(),
        )

    def code_document(self, cdoc: CleanDocument, sentences: tuple[Sentence, ...], mentions: dict[int, tuple[Mention, ...]]) -> list[Event]:
        ctx = article_context(cdoc, sentences, mentions)
        out: list[Event] = []
        for sent in sentences:
            out.extend(self.code_sentence(sent, mentions.get(sent.index, ()), ctx.date, ctx))
        return out


def article_context(cdoc: CleanDocument, sentences: tuple[Sentence, ...], mentions: dict[int, tuple[Mention, ...]]) -> ArticleContext:
    """The article's date and the countries it names (actors' countries and country names)."""
    countries = {m.country for ms in mentions.values() for m in ms if m.country}
    names = {e.text for s in sentences if s.span is not None for e in s.span.ents if e.label_ == "GPE"}
    countries |= places.country_codes(names)
    return ArticleContext(date=cdoc.document.date, countries=frozenset(countries))


def _depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
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


__all__ = ["ArticleContext", "Attempt", "Pattern", "RuleCoder", "dictionary_version", "get_coder", "load_patterns", "trigger_lemmas"]
