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

from tealeaves import dates, ontology, places, salience
from tealeaves.errors import DataError
from tealeaves.modality import Modality, modality_of
from tealeaves.models import CleanDocument, Event, Location, Mention, Sentence

CODER_NAME = "cameo_rules.v1"
PATTERN_FILES = ("patterns.tsv", "patterns-petrarch2.tsv")  # earlier files win ties

# "in" is left out: "arrested in Kabul" names a place, not a target ("intervene in {T}" says so itself)
TARGET_PREPS = ("with", "to", "against", "on", "at", "into", "upon", "toward", "towards")
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
SKIP_CHILD_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "conj", "relcl", "parataxis", "punct", "cc", "mark", "appos"}
MAX_DEPTH = 3
PRONOUNS = {"he", "she", "it", "they", "we", "i", "its", "their", "his", "her", "our"}
# verbs whose subject is the actor of their object noun: "Russia launched an offensive"
NOMINAL_SUPPORT_VERBS = frozenset({
    "launch", "carry", "conduct", "stage", "mount", "begin", "continue", "step", "order", "plan", "consider",
    "threaten", "prepare", "announce", "resume", "intensify", "escalate", "propose", "approve", "authorize",
    "authorise", "make", "pay", "hold", "impose", "call", "deny", "reject", "rule",
})
# verbs whose complement is an offer or pledge: "offered to mediate" is coded as an intention;
# so is a stated readiness ("is willing to withdraw", "is ready to contribute")
INTENT_GOVERNORS = frozenset({"offer", "pledge", "promise", "vow", "commit", "undertake", "volunteer", "agree",
                              "willing", "ready", "prepared"})
# CAMEO 18x is unconventional violence (non-state groups, terror, assassination); force used by a
# state's military or government is conventional (19x): an unspecified attack by them is a 190
STATE_FORCE_FOR = {"180": "190"}
STATE_FORCE_SECTORS = frozenset({"MIL", "GOV"})
# "X received weapons from Y": Y is the one who gave (the pattern's {T} after "from" is the source)
RECEIVING_VERBS = frozenset({"receive", "get", "obtain"})
# "X is responsible for / guilty of <violence>": X is the one who did it
RESPONSIBLE_ADJECTIVES = frozenset({"responsible", "guilty", "culpable"})
# "wants to attack", "vowed to strike back": a declared will to use force is a threat (13x)
FORCE_INTENT_GOVERNORS = frozenset({"want", "intend", "plan", "vow", "pledge", "promise", "threaten", "seek", "aim", "prepare"})
# "declined to resign", "refused to release them": a refusal (12x) of what the complement says
REFUSING_GOVERNORS = frozenset({"refuse", "decline"})
# "X said Y must ..." / "should ...": a demand by X on Y
DEMAND_MODALS = frozenset({"must", "should"})
# "said it would strike" states an intention; "said she hoped they would be tried" does not
STATED_INTENT_AUX = frozenset({"would", "will", "'ll", "shall", "'d", "wo"})
# codes whose conjoined subjects act on each other when no target is named
RECIPROCAL_CODES = frozenset({"031", "040", "043", "044", "046", "050", "057", "061", "062", "064", "190", "193"})
# roots coded even when a passive sentence names no agent ("were arrested", "were released")
AGENTLESS_ROOTS = frozenset({"08", "17", "18", "19", "20"})
# a stated intention to use force is a threat (CAMEO 13x) by the one who states it
THREAT_FOR_ROOT = {"15": "138", "17": "137", "18": "138", "19": "138", "20": "138", "16": "131"}
# "X asked / urged / wants Y to do Z": an appeal (02x) by X to Y; what Z is decides the kind of appeal
APPEAL_VERBS = frozenset({"ask", "urge", "call", "appeal", "press", "want", "encourage", "implore", "beg", "exhort", "request", "plead"})
APPEAL_PREPS = {"call": "on", "appeal": "to", "plead": "with"}
APPEAL_FOR = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "15": "021", "17": "021", "18": "021",
              "19": "021", "20": "021", "071": "0231", "072": "0232", "073": "0233", "074": "0234", "081": "0251",
              "082": "0252", "083": "024", "084": "0253", "085": "0254", "086": "0255", "087": "0256", "045": "028"}
# statements, appeals, intentions, consultations and diplomatic acts (roots 01-05) mean something
# only when it is known who made them: a coded actor, or at least a political role ("the
# government", "rebels"); "economists said" or "the company said" is not an event
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05"})
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "JUD", "COP", "LEG", "UAF", "SPY", "LAB", "PTY", "ELI", "NGO", "IGO"})


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


# Verbs so common that a derived pattern of the verb and particles alone ("go to", "head to",
# "take over", "get out") fires on travel, idiom and business talk far more often than on the
# event it was written for; such patterns are left out (hand-written ones are kept).
COMMON_VERBS = frozenset({
    "make", "take", "give", "get", "have", "say", "go", "come", "put", "hold", "see", "head", "keep", "set", "run",
    "turn", "bring", "let", "call", "show", "tell", "leave", "find", "move", "stand", "carry", "do", "be", "look",
    "use", "pass", "play", "work", "meet", "send", "draw", "cut", "face", "want",
})
FUNCTION_WORDS = frozenset({
    "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto", "up", "down", "out", "off", "over", "away",
    "back", "through", "forth", "about", "around", "along", "against", "of", "ahead", "somewhere", "upon", "toward",
    "towards", "under", "across", "behind", "after", "before", "aside", "apart", "together", "bitterly", "part",
    "place", "help", "support", "action", "step", "measure", "position", "stand",
})


def vague(p: Pattern) -> bool:
    """A derived pattern of a very common verb with no content word of its own ("take part", "want help")."""
    return p.rank > 0 and not p.nominal and p.head in COMMON_VERBS and all(w in FUNCTION_WORDS for w in p.words)


@lru_cache(maxsize=1)
def load_patterns() -> dict[tuple[str, bool], tuple[Pattern, ...]]:
    """Patterns keyed by (head lemma, nominal), most specific first, hand-written before derived."""
    table: dict[tuple[str, bool], list[Pattern]] = defaultdict(list)
    for rank, name in enumerate(PATTERN_FILES):
        for p in read_patterns(name, rank):
            if vague(p):
                continue
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
    inner = _unmatched_clause(used, head)
    if inner is not None:
        return f"'{inner.text}' heads its own clause between '{head.text}' and the pattern's words"
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
            if target is not None and target.ent_type_ in ("DATE", "TIME"):
                return f"'{prep.text} {target.text}' is a time, not a target"
    return used, target


INTENT_FOR = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
              "061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331", "072": "0332", "073": "0333",
              "074": "0334", "081": "0351", "084": "0353", "085": "0354", "086": "0355", "087": "0356"}
REFUSAL_FOR = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124",
               "081": "1241", "084": "1243", "085": "1244", "086": "1245", "087": "1246"}


def commitment_code(code: str, negated: bool) -> str:
    """The code of a stated commitment to do (or not to do) what ``code`` describes.

    CAMEO codes words, not deeds: "will release" is an intent to yield (035x), "will strike" a
    threat (138), "will not lift sanctions" a refusal to yield (124x). Codes with no such reading
    come back unchanged.
    """
    if negated:
        return REFUSAL_FOR.get(code[:3]) or REFUSAL_FOR.get(code[:2]) or code
    if code[:2] in THREAT_FOR_ROOT:
        return THREAT_FOR_ROOT[code[:2]]
    return INTENT_FOR.get(code[:3]) or INTENT_FOR.get(code[:2]) or code


def _future_aux(head: Any) -> str | None:
    """The will/would of the clause headed by ``head`` (or of the verb it completes), if any."""
    tok = head
    for _ in range(3):
        aux = next((c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lower_ in STATED_INTENT_AUX), None)
        if aux:
            return aux
        if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return None


def _said_directly(head: Any) -> bool:
    """True when the clause of ``head`` is what a reporting verb says ("X said it would ...")."""
    from tealeaves.modality import REPORTING_VERBS

    tok = head
    for _ in range(4):
        if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING_VERBS


def _consequence_of_attack(head: Any, pat: Pattern, sent: Sentence, events: list[Event]) -> bool:
    """"Rebels shelled the town, killing eight": the killing is what the shelling did, one event."""
    if head.dep_ != "advcl" or head.tag_ != "VBG" or ontology.lookup(pat.code).quad != 4:
        return False
    gov = sent.offset(head.head)
    return any(e.evidence_start <= gov < e.evidence_end and e.quad == 4 for e in events)


def _appeal_parts(verb: Any, lemma: str) -> tuple[Any, Any]:
    """(who is asked, the verb of what they are asked to do) of an appeal verb, or Nones.

    "urged Russia to withdraw" (object + to-complement), "called on Iran to release" (the verb's
    preposition), "wants Putin to attack" (the parser's clausal complement with its own subject).
    """
    def infinitive(v: Any) -> bool:
        return v.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)

    act = next((c for c in verb.children if c.dep_ == "xcomp" and infinitive(c)), None)
    if act is not None:
        prep = APPEAL_PREPS.get(lemma)
        if prep:
            p = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == prep), None)
            asked = next((g for g in p.children if g.dep_ == "pobj"), None) if p is not None else None
        else:
            asked = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        return asked, act
    act = next((c for c in verb.children if c.dep_ == "ccomp" and infinitive(c)), None)
    if act is not None and lemma in ("want", "ask", "urge", "encourage", "press"):
        return next((c for c in act.children if c.dep_ == "nsubj"), None), act
    return None, None


def _unmatched_clause(used: list[Any], head: Any) -> Any:
    """A verb complement the pattern's words sit under but that is not itself a pattern word.

    "agree to sanctions" must not match "agreed to lift the sanctions": "lift" is in between.
    """
    ids = {t.i for t in used}
    for u in used:
        cur = u.head
        while cur.i != head.i and cur.head.i != cur.i:
            if cur.dep_ in ("xcomp", "ccomp", "pcomp") and cur.pos_ in ("VERB", "AUX") and cur.i not in ids:
                return cur
            cur = cur.head
    return None


MEANS_NOUNS = frozenset({"firing", "fire", "shelling", "shell", "strike", "airstrike", "raid", "attack", "bombing", "bombardment",
                         "crossfire", "clash", "shooting", "operation", "offensive", "crackdown", "assault", "rocket", "missile"})


def _agent_of_means(head: Any, sent: Sentence, mentions: tuple[Mention, ...]) -> list[Mention]:
    """Actors named on the means of a passive violent verb: "killed in police firing" -> police."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "by")):
        for noun in (g for g in prep.children if g.dep_ in ("pobj", "pcomp") and g.lemma_.lower() in MEANS_NOUNS | {"shell"}):
            for mod in (t for t in noun.subtree if t.i < noun.i):
                found = _mentions_for(mod, sent, mentions)
                if found:
                    return found
    return []


# violence one party says another committed is, as coded, that party's accusation (112)
ACCUSABLE_ROOTS = frozenset({"18", "19", "20"})
# "X claimed that its forces attacked": responsibility claimed (015)
CLAIM_VERBS = frozenset({"claim", "admit", "acknowledge"})


def _state_force(m: Mention | None) -> bool:
    """A state's armed force or government as actor: "Israeli troops", "the Syrian government", "Israel"."""
    if m is None or not m.country:
        return False
    sector = (m.sector or "").upper()
    return sector in STATE_FORCE_SECTORS or (not sector and (m.code or "").upper() == m.country.upper())


def _state_actor(m: Mention | None) -> bool:
    """A country or one of its political bodies (not its businesses or people)."""
    if m is None or not m.country:
        return False
    sector = (m.sector or "").upper()
    return sector in POLITICAL_SECTORS or (not sector and (m.code or "").upper() == m.country.upper())


def _political(m: Mention | None) -> bool:
    """A speaker whose word about violence is a claim, not a news report: an actor of a known
    country that is not the news media ("the ministry" of no stated country stays a reporter)."""
    if m is None or not m.country:
        return False
    return (m.sector or "").upper() != "MED" and not (m.code or "").upper().endswith("MED")


def _claim_reading(code: str, mod: Modality, speakers: list[Mention], sources: list[Mention | None], targets: list[Mention],
                   src_tok: Any) -> tuple[str, list[Mention | None], list[Mention], str] | None:
    """How a reported act of violence is coded when a party to the conflict, not a reporter, reports it.

    "Kyiv said Russian troops shelled the town" is Kyiv's accusation against Russia (112); "X said
    it was attacked" an accusation against whoever the sentence says did it; "the group claimed it
    attacked the post" a claim of responsibility (015). A news outlet or an unresolved speaker
    leaves the reported event as it is, and so does a party reporting its own acts with "said".
    """
    if mod.value != "reported" or code[:2] not in ACCUSABLE_ROOTS or not speakers or not _political(speakers[0]):
        return None
    speaker = speakers[0]
    who = (speaker.code or speaker.sector, speaker.country)
    doer = next((m for m in sources if m is not None), None)
    own = doer is not None and ((doer.code or doer.sector, doer.country) == who or bool(doer.country and doer.country == speaker.country))
    if doer is None and src_tok is not None and src_tok.lower_ in PRONOUNS:
        own = True  # "the group claimed they attacked": the pronoun is the speaker
    if own:
        if mod.reporting_verb in CLAIM_VERBS:
            return "015", [speaker], targets, "claim of responsibility"
        return None
    if doer is not None:
        return "112", [speaker], [doer], "accusation"
    if any(t is not None and (t.code or t.sector, t.country) == who for t in targets):
        # "Israel said a rocket was fired at it": the speaker says it was attacked by someone unnamed
        return "112", [speaker], [], "accusation"
    return None


def _is_passive(head: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)


def _reduced_passive(head: Any) -> bool:
    """A past participle modifying a noun ("the report released on Tuesday", "officials accused of
    fraud"): the noun is what the verb happened to, not who did it."""
    return head.dep_ == "acl" and head.tag_ == "VBN"


def _subject(head: Any) -> Any:
    """The acting noun of a verb head, following xcomp/conj chains up when the verb has no subject."""
    if _is_passive(head) or _reduced_passive(head):
        agent = next((c for c in head.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        return None
    tok = head
    raised = False
    for _ in range(4):
        # "is expected to travel": up an xcomp chain the raised subject is the passive subject
        deps = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS if raised else SUBJECT_DEPS
        subj = next((c for c in tok.children if c.dep_ in deps), None)
        if subj is not None:
            return subj
        raised = tok.dep_ == "xcomp"
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "ADJ":
            # "was guilty of violating the ceasefire": the one who is guilty did it
            tok = tok.head.head
            continue
        if tok.dep_ == "acomp" and tok.head.i != tok.i:
            # "is willing to withdraw", "is ready to contribute": up from the adjective to its verb
            tok = tok.head
            continue
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
    # "the expulsion of diplomats by Washington": the parser often hangs "by" on the last noun
    for c, _ in _children(head):
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    own = next((c for c in head.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")), None)
    if own is None:  # "Israeli tank shelling": the nationality sits on the weapon that modifies the act
        own = next((c for c in head.children if c.dep_ == "compound" and any(t.ent_type_ in ("NORP", "GPE") for t in c.subtree)), None)
    if own is not None:
        return own
    gov = head.head
    if head.dep_ == "pobj" and gov.dep_ == "prep" and gov.head.dep_ == "acomp" and gov.head.lemma_.lower() in RESPONSIBLE_ADJECTIVES:
        # "the group is responsible for mass killings"
        return _subject(gov.head.head)
    if head.dep_ in ("dobj",) and gov.lemma_.lower() in NOMINAL_SUPPORT_VERBS:
        return _subject(gov)
    if head.dep_ == "pobj" and gov.head.lemma_.lower() in ("carry", "launch", "conduct") and gov.head.i != gov.i:
        return _subject(gov.head)
    return None


def _target_candidates(head: Any, depth: int = 0) -> Iterable[Any]:
    """Where a target may sit, best first: object, passive subject, prepositional object, complement."""
    for c in head.children:
        if c.dep_ in ("dobj", "dative"):
            yield c
    if _is_passive(head):
        yield from (c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS)
    if _reduced_passive(head):
        yield head.head
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                yield obj
    # "threatened to use force against Kyiv": the target sits in the verb's complement
    xcomp = next((c for c in head.children if c.dep_ == "xcomp"), None)
    if xcomp is not None and not depth:
        yield from _target_candidates(xcomp, depth + 1)


def _default_targets(head: Any, sent: Sentence, mentions: tuple[Mention, ...]) -> tuple[Any, list[Mention]]:
    """The first target candidate that holds an actor ("launched missiles at the government")."""
    first = None
    for tok in _target_candidates(head):
        first = first if first is not None else tok
        found = _mentions_for(tok, sent, mentions)
        if found:
            return tok, found
    return first, []


def _protest_place(head: Any, sent: Sentence, mentions: tuple[Mention, ...]) -> list[Mention]:
    """The country of the place named with "in" on a protest ("staged a protest in Beijing")."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"):
        for obj in (g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")):
            places_found = [m for m in _mentions_for(obj, sent, mentions) if m.country and not m.sector]
            if places_found:
                return places_found[:1]
    return []


def _coded(m: Mention | None) -> bool:
    """An actor who can be the source of a statement or other verbal act: a code, a country, or a political role."""
    return m is not None and bool(m.code or m.country or (m.sector or "").upper() in POLITICAL_SECTORS)


def _usable(m: Mention) -> bool:
    """An actor the coder can use: a code, or at least a role ("police", sector COP) without a country."""
    return bool(m.code or m.sector)


def _mentions_for(tok: Any, sent: Sentence, mentions: tuple[Mention, ...]) -> list[Mention]:
    """Coded mentions that cover ``tok`` or, failing that, sit inside its phrase; conjuncts included."""
    if tok is None:
        return []
    found: list[Mention] = []
    heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
    # a list the parser folded into a modifier, "(Amnesty International and Human Rights) Watch":
    # each listed item is an actor of its own
    folded = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and any(g.dep_ == "conj" for g in c.children)]
    for c in folded:
        heads[:0] = [c] + [g for g in c.conjuncts if g.i > c.i and g.i < tok.i]
    for h in heads:
        off = sent.offset(h)
        hits = [m for m in mentions if _usable(m) and m.start <= off < m.end]
        if not hits:
            lo = sent.offset(h.doc[h.left_edge.i])
            hi = sent.offset(h.doc[h.right_edge.i]) + len(h.doc[h.right_edge.i].text)
            inside = [m for m in mentions if _usable(m) and lo <= m.start and m.end <= hi]
            hits = inside[:1]
        for m in hits:
            if m not in found:
                found.append(m)
    return found


def _names_actor(tok: Any, sent: Sentence, mentions: tuple[Mention, ...]) -> bool:
    """True when an actor mention covers ``tok`` itself (or one of its conjuncts), not just its phrase."""
    offs = [sent.offset(h) for h in (tok, *tok.conjuncts)]
    return any(_usable(m) and m.start <= off < m.end for m in mentions for off in offs)


def off_topic(span: Any, code: str, own: Iterable[Any] = ()) -> str | None:
    """The domain word that makes a material-conflict code doubtful here, or None.

    "United beat Chelsea", "shares were hammered", "the quake killed 40": violent verbs in sport,
    business and disaster stories are not attacks unless armed actors are named in the sentence.
    The event's own words (``own``) are not domain cues: "fired at" is not a fire.
    """
    info = ontology.lookup(code)
    if info.quad != 4:
        return None
    words = context_words()
    skip = {t.i for t in own}
    lemmas = {t.lemma_.lower() for t in span if t.i not in skip} | {t.lower_ for t in span if t.i not in skip}
    if lemmas & words.get("armed", frozenset()):
        return None
    if _SCORE.search(span.text):
        lemmas = lemmas | {"score"}
    for domain in ("sport", "business", "disaster"):
        hit = lemmas & words.get(domain, frozenset())
        if hit:
            return f"{domain}: {sorted(hit)[0]}"
    return None


_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b(?!\s*(?:year|month|day|week))")


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
        passing: dict[int, str] = {}  # id(event) -> why it is background (salience.background)
        self._code_heads(sent, mentions, ctx, heads, patterns, False, used_tokens, events, seen, trace, passing)
        events.extend(self._speech_demands(sent, mentions, ctx, used_tokens, seen, trace))
        if all(id(e) in passing for e in events):
            fallback: list[Event] = []
            self._code_heads(sent, mentions, ctx, heads, patterns, True, used_tokens, fallback, seen, trace, passing)
            # a bare statement is a last resort: one per sentence, from its main reporting verb
            # and, as CAMEO events are dyadic, only with someone it is addressed to or about
            events.extend(e for e in fallback if e.evidence_start == fallback[0].evidence_start and e.target is not None)
        events[:] = salience.foreground(events, passing, sent.start, trace, Attempt)
        return events

    def _appeal(self, verb: Any, sent: Sentence, mentions: tuple[Mention, ...], ctx: ArticleContext,
                patterns: dict[tuple[str, bool], tuple[Pattern, ...]], used_tokens: set[int],
                seen: set[tuple[str | None, str | None, str]], trace: list[Attempt] | None) -> list[Event]:
        """"X urged Y to withdraw", "X wants Y to attack Z": an appeal (02x) by X to Y.

        The asked-for act did not happen; it only says what kind of appeal this is (to yield 025x,
        for aid 023x, to meet 026 ...), so it is not coded as an event of its own.
        """
        lemma = verb.lemma_.lower()
        asked, act = _appeal_parts(verb, lemma)
        if asked is None or act is None:
            return []
        sources = [m for m in _mentions_for(_subject(verb), sent, mentions) if _coded(m)]
        targets = _mentions_for(asked, sent, mentions)
        if not sources or not targets:
            return []
        inner, used = None, []
        for cand in patterns.get((act.lemma_.lower(), False), ()):
            if cand.fallback:
                continue
            hit = _match(cand, act)
            if not isinstance(hit, str):
                inner, used = cand, [act, *hit[0]]
                break
        if inner is None and lemma == "want":
            return []  # "wants Y to be happy" asks for nothing
        acode = inner.code if inner else "020"
        code = "020" if acode[:2] in ("01", "02", "03") else APPEAL_FOR.get(acode[:3]) or APPEAL_FOR.get(acode[:2]) or "020"
        pat = Pattern(code, lemma, (), "", False, 0, f"{lemma} {{T}} to {act.lemma_.lower()}", "rule:appeal")
        mod = modality_of(verb)
        speaker = next(iter(_mentions_for(mod.speaker_token, sent, mentions)), None) if mod.speaker_token is not None else None
        when = dates.event_date(verb, ctx.date, future=mod.value == "future")
        spans = [(m.start - sent.start + sent.span.start_char, m.end - sent.start + sent.span.start_char) for m in [sources[0], *targets]]
        where = places.event_place(verb, ctx.countries, spans)
        note = f" | appeal for {inner.code} {act.text}" if inner else " | appeal"
        out: list[Event] = []
        for t in targets:
            key = (sources[0].code, t.code, code)
            if key in seen or (t.code or t.sector, t.country) == (sources[0].code or sources[0].sector, sources[0].country):
                continue
            seen.add(key)
            out.append(self._event(sent, sources[0], t, code, pat, verb, used, mod, speaker, when, where, note))
        if out:
            used_tokens.update(t.i for t in [verb, act, *used])
            if trace is not None:
                trace.append(Attempt(verb.text, pat.name, "fired" + note))
        return out

    def _speech_demands(self, sent: Sentence, mentions: tuple[Mention, ...], ctx: ArticleContext, used_tokens: set[int],
                        seen: set[tuple[str | None, str | None, str]], trace: list[Attempt] | None) -> list[Event]:
        """"X said Y must stop the attacks": a demand (100) by X on Y, whatever Y is told to do."""
        from tealeaves.modality import REPORTING_VERBS

        out: list[Event] = []
        for verb in sent.span:
            if verb.i in used_tokens or verb.lemma_.lower() not in REPORTING_VERBS:
                continue
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                if not any(a.dep_ in ("aux", "auxpass") and a.lower_ in DEMAND_MODALS for a in clause.children):
                    continue
                sources = _mentions_for(_subject(verb), sent, mentions)
                subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
                targets = _mentions_for(subj, sent, mentions)
                if not sources or (targets and targets[0].code == sources[0].code):
                    continue
                pat = Pattern("100", verb.lemma_.lower(), (), None, False, 0, f"{verb.lemma_.lower()} that ... must", "rule:demand-in-speech")
                mod = Modality("asserted", "must")
                when = dates.event_date(verb, ctx.date)
                t = targets[0] if targets else None
                key = (sources[0].code, t.code if t else None, "100")
                if key in seen:
                    continue
                seen.add(key)
                used_tokens.add(verb.i)
                out.append(self._event(sent, sources[0], t, "100", pat, verb, [], mod, None, when, None, " | demand in speech"))
                if trace is not None:
                    trace.append(Attempt(verb.text, pat.name, "fired (demand in speech)"))
        return out

    def _code_heads(self, sent: Sentence, mentions: tuple[Mention, ...], ctx: ArticleContext, heads: list[Any],
                    patterns: dict[tuple[str, bool], tuple[Pattern, ...]], fallback_pass: bool, used_tokens: set[int],
                    events: list[Event], seen: set[tuple[str | None, str | None, str]], trace: list[Attempt] | None,
                    passing: dict[int, str] | None = None) -> None:
        for head in heads:
            if head.i in used_tokens or head.pos_ not in ("VERB", "NOUN", "PROPN", "AUX"):
                continue
            if not fallback_pass and head.pos_ == "VERB" and head.lemma_.lower() in APPEAL_VERBS:
                appeal = self._appeal(head, sent, mentions, ctx, patterns, used_tokens, seen, trace)
                if appeal:
                    events.extend(appeal)
                    continue
            nominal = head.pos_ in ("NOUN", "PROPN")
            cands = patterns.get((head.lemma_.lower(), nominal)) or patterns.get((head.lower_, nominal)) or ()
            for pat in cands:
                if pat.fallback != fallback_pass:
                    continue
                if _consequence_of_attack(head, pat, sent, events):
                    if trace is not None:
                        trace.append(Attempt(head.text, pat.name, f"part of the attack coded at '{head.head.text}'"))
                    continue
                hit = _match(pat, head)
                if isinstance(hit, str):
                    if trace is not None:
                        trace.append(Attempt(head.text, pat.name, hit))
                    continue
                fired = self._fire(sent, mentions, ctx, pat, head, hit, seen, trace)
                if fired is None:
                    continue
                if head.dep_ == "xcomp" and fired and head.head.lemma_.lower() in INTENT_GOVERNORS:
                    # "pledged to release them" is one intention (0353), "pledged to expel them" one
                    # planned expulsion (174, future), not also a bare "pledge" (030)
                    gov = sent.offset(head.head)
                    events[:] = [e for e in events if not (e.evidence_start == gov and e.root == "03")]
                events.extend(fired)
                why = salience.background(head) if passing is not None else None
                if why and passing is not None:
                    passing.update((id(e), why) for e in fired)
                used_tokens.update(t.i for t in [head, *hit[0]])
                break

    def _fire(self, sent: Sentence, mentions: tuple[Mention, ...], ctx: ArticleContext, pat: Pattern, head: Any,
              hit: tuple[list[Any], Any], seen: set[tuple[str | None, str | None, str]], trace: list[Attempt] | None) -> list[Event] | None:  # noqa: C901
        """The events one matching pattern yields; None when the head has no usable reading."""
        used, target_tok = hit
        nominal = pat.nominal
        if target_tok is None and not nominal:
            target_tok, targets = _default_targets(head, sent, mentions)
        else:
            if target_tok is None:
                of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                target_tok = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            targets = _mentions_for(target_tok, sent, mentions)
        if pat.fallback and not targets and not nominal:
            # "Russia said Ukraine was unreliable": a statement is about the actor it speaks of
            clause = next((c for c in head.children if c.dep_ == "ccomp"), None)
            subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None) if clause is not None else None
            if subj is not None and subj.lower_ not in PRONOUNS and _names_actor(subj, sent, mentions):
                target_tok, targets = subj, _mentions_for(subj, sent, mentions)
        src_tok = _nominal_source(head) if nominal else _subject(head)
        sources: list[Mention | None] = list(_mentions_for(src_tok, sent, mentions))
        if pat.fallback and targets and sources and sources[0] is not None:
            # "the Kremlin said Russia remained open to talks": a state speaking of itself is no dyad
            targets = [t for t in targets if not (t.country == sources[0].country and t.sector is None)]
        if not nominal and pat.target_after == "from" and head.lemma_.lower() in RECEIVING_VERBS and targets:
            # "demonstrators received weapons from the government": the government gave them
            src_tok, target_tok = target_tok, src_tok
            sources, targets = list(targets), [m for m in sources if m is not None]
        mod = modality_of(head)
        speakers = _mentions_for(mod.speaker_token, sent, mentions) if mod.speaker_token is not None else []
        code, note = pat.code, ""
        own = bool(speakers) and (not sources or src_tok is None or src_tok.lower_ in PRONOUNS
                                  or (sources[0] is not None and sources[0].code == speakers[0].code))
        intent = _future_aux(head)
        if intent and own and _said_directly(head) and mod.value in ("future", "hypothetical"):
            # "X said it would strike": a threat; "X said it would release them": an intent (03x)
            new = commitment_code(code, negated=False)
            if new != code or code[:2] == "13":
                code, sources = new, list(speakers[:1])
                note = f" | stated intention of the speaker ({mod.reporting_verb}: {intent})"
                mod = Modality("asserted", f"stated intention: {intent}", mod.speaker_token, mod.reporting_verb, mod.quote)
        elif (mod.value in ("future", "hypothetical") and head.dep_ == "xcomp"
              and ((head.head.lemma_.lower() in INTENT_GOVERNORS and code[:2] in ("04", "05", "06", "07", "08"))
                   or (head.head.lemma_.lower() in FORCE_INTENT_GOVERNORS and code[:2] in ("18", "19", "20")))):
            # "offered to send aid", "pledged to release them": the offer is the event (03x);
            # "wants to attack", "vowed to strike": the threat is (13x)
            new = commitment_code(code, negated=False)
            if new != code:
                code, note = new, f" | stated intention ({head.head.lemma_.lower()})"
                mod = Modality("asserted", f"intention: {head.head.text}", mod.speaker_token, mod.reporting_verb, mod.quote)
        elif (mod.value == "negated" and (sources or own) and (own or not mod.reporting_verb)
              and (intent or (head.dep_ == "xcomp" and head.head.lemma_.lower() in REFUSING_GOVERNORS))):
            intent = intent or head.head.text
            # "X will not lift the ban", "X said it would not accept refugees": a refusal (12x)
            new = commitment_code(code, negated=True)
            if new != code:
                if own:
                    sources = list(speakers[:1])
                words = intent if intent == mod.cue else f"{intent} {mod.cue}"
                code, note = new, f" | refusal stated ({words})"
                mod = Modality("reported" if mod.reporting_verb and not own else "asserted", f"refusal: {words}",
                               mod.speaker_token, mod.reporting_verb, mod.quote)
        if (not sources and not nominal and src_tok is None and (_is_passive(head) or _reduced_passive(head)) and targets
                and code[:2] in AGENTLESS_ROOTS and target_tok is not None and mod.value in ("asserted", "reported")
                and (target_tok.dep_ in PASSIVE_SUBJECT_DEPS or (target_tok.i == head.head.i and code[:2] in ("17", "18", "19", "20")))):
            # "were killed in Israeli tank shelling": the agent is the owner of the means
            means = _agent_of_means(head, sent, mentions)
            if means:
                sources, note = list(means), note + " | agent from the means (passive)"
            else:
                # "two men were arrested in the old city": a real event whose agent the text leaves out
                sources, note = [None], note + " | no agent named (passive)"
        if (code[:2] in ("04", "07") and pat.target_after == "" and not nominal and target_tok is not None
                and not pat.words and not _names_actor(target_tok, sent, mentions)):
            targets = []  # "received assurances from the government": the object is not who is met or helped
        if code[:2] in ("04", "07") and pat.target_after == "" and not targets and not nominal:
            # "received weapons", "met expectations": a meeting or visit needs an actor to meet
            if trace is not None:
                trace.append(Attempt(head.text, pat.name, f"matched, but the object '{target_tok.text if target_tok is not None else ''}' is not an actor"))
            return None
        claim = _claim_reading(code, mod, speakers, sources, targets, src_tok)
        if claim is not None and not sources:
            # "Israel said a rocket was fired at it": nobody named did it, so the claim is the event
            code, sources, targets, how = claim
            note += f" | {how} ({mod.reporting_verb}: {pat.code} {head.text})"
            mod = Modality("asserted", f"{how}: {mod.reporting_verb}", mod.speaker_token, mod.reporting_verb, mod.quote)
            claim = None
        if code[:2] in VERBAL_ROOTS:
            sources = [m for m in sources if _coded(m)]
        if not sources:
            if trace is not None:
                trace.append(Attempt(head.text, pat.name, f"matched, but no coded actor as source ({src_tok.text if src_tok is not None else 'no subject'})"))
            return None
        if code[:2] == "14" and not targets:
            # a protest is directed at the authorities of the place where it is held
            targets = _protest_place(head, sent, mentions)
        doubt = off_topic(sent.span, code, [head, *used])
        if doubt and doubt.startswith("business") and code[:2] == "16" and any(_state_actor(m) for m in sources):
            doubt = None  # a state's sanctions and aid cuts are about trade and companies by nature
        if doubt:
            if trace is not None:
                trace.append(Attempt(head.text, pat.name, f"matched, but not coded: off-topic sentence ({doubt})"))
            return []
        when = dates.event_date(head, ctx.date, future=mod.value == "future")
        actor_spans = [(m.start - sent.start + sent.span.start_char, m.end - sent.start + sent.span.start_char) for m in [*sources, *targets] if m is not None]
        where = places.event_place(head, ctx.countries, actor_spans)
        speaker = speakers[0] if speakers else None
        maybe_targets: list[Mention | None] = list(targets) or [None]
        pairs: list[tuple[Mention | None, Mention | None]] = [(s, t) for s in sources for t in maybe_targets]
        if not targets and len(sources) > 1 and code[:3] in RECIPROCAL_CODES:
            # "Russia and China held talks": each met the other
            pairs = [(s, t) for s in sources for t in sources if s is not t]
        out = []
        for s, t in pairs:
            if s is not None and t is not None and (s.code or s.sector, s.country) == (t.code or t.sector, t.country):
                continue
            scode, snote = code, note
            if code in STATE_FORCE_FOR and _state_force(s):
                scode, snote = STATE_FORCE_FOR[code], note + " | state force is conventional (19x)"
            key = (s.code if s else None, t.code if t else None, scode)
            if key in seen:
                continue
            seen.add(key)
            out.append(self._event(sent, s, t, scode, pat, head, used, mod, speaker, when, where, snote))
        if claim is not None:
            # the reported act stays (modality "reported"); the speaker's accusation or claim of
            # responsibility is an event of its own
            ccode, csources, ctargets, how = claim
            if ccode[:2] == "11" or ccode == "015":
                # one party's word that another used force is its accusation, not evidence of the act;
                # a party's claim that it struck is one happening, coded once, as its claim (015)
                out = []
            cmod = Modality("asserted", f"{how}: {mod.reporting_verb}", mod.speaker_token, mod.reporting_verb, mod.quote)
            cnote = note + f" | {how} ({mod.reporting_verb}: {pat.code} {head.text})"
            cmaybe: list[Mention | None] = list(ctargets) or [None]
            for s in csources:
                for t in cmaybe:
                    key = (s.code if s else None, t.code if t else None, ccode)
                    if key in seen or (s is not None and t is not None and s.code == t.code):
                        continue
                    seen.add(key)
                    out.append(self._event(sent, s, t, ccode, pat, head, used, cmod, speaker, when, where, cnote))
        if trace is not None:
            trace.append(Attempt(head.text, pat.name, "fired" + note))
        return out

    def _event(self, sent: Sentence, source: Mention | None, target: Mention | None, code: str, pat: Pattern, head: Any,
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
