"""Event patterns: reading the pattern files, ranking them, matching one under a head word.

A verb or noun whose lemma heads a pattern in ``data/events/patterns.tsv`` (hand-written) or
``patterns-petrarch2.tsv`` (derived from petrarch2 by ``scripts/build_patterns.py``) is matched
against the words hanging off it; the most specific pattern wins, hand-written before derived.
The dictionary version recorded on every event hashes every data file that can change coding.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tealeaves import ontology
from tealeaves.coding import arguments, lexicon, syntax
from tealeaves.errors import DataError

if TYPE_CHECKING:
    from spacy.tokens import Token

PATTERN_FILES = ("patterns.tsv", "patterns-petrarch2.tsv")  # earlier files win ties
# the other data files whose content changes what is coded
RULE_FILES = ("context.tsv", "recoding.csv", "lexicon.tsv")


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
    weapon: bool = False  # "!180 hit {T}": only when the subject is a weapon ("a rocket hit the base")

    @property
    def name(self) -> str:
        return f"{self.file}:{self.line} {self.code} {'~' if self.nominal else ''}{self.text}"


PatternTable = dict[tuple[str, bool], tuple[Pattern, ...]]


def parse_pattern(code: str, text: str, line: int, file: str = "patterns.tsv", rank: int = 0) -> Pattern:
    nominal = code.startswith("~") or text.startswith("~")
    fallback = code.startswith("?")
    weapon = code.startswith("!")
    code = code.lstrip("~?!")
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
                   line=line, text=text.lstrip("~"), file=file, rank=rank, fallback=fallback, weapon=weapon)


def read_patterns(name: str, rank: int) -> list[Pattern]:
    out = []
    for n, raw in enumerate(lexicon.read_data(name).splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) < 2:
            raise DataError(f"{name}:{n}: expected 'code<TAB>pattern', got {raw!r}")
        out.append(parse_pattern(parts[0].strip(), parts[1].strip(), n, name, rank))
    return out


def vague(p: Pattern) -> bool:
    """A derived pattern of a very common verb with no content word of its own ("take part", "want help").

    Such a pattern ("go to", "head to", "take over") fires on travel, idiom and business talk far
    more often than on the event it was written for, so it is left out (hand-written ones are kept).
    """
    function_words = lexicon.words("function_word")
    return (p.rank > 0 and not p.nominal and p.head in lexicon.words("common_verb")
            and all(w in function_words for w in p.words))


@lru_cache(maxsize=1)
def load_patterns() -> PatternTable:
    """Patterns keyed by (head lemma, nominal), most specific first, hand-written before derived."""
    table: dict[tuple[str, bool], list[Pattern]] = defaultdict(list)
    for rank, name in enumerate(PATTERN_FILES):
        for p in read_patterns(name, rank):
            if vague(p):
                continue
            table[(p.head, p.nominal)].append(p)
    return {k: tuple(sorted(v, key=lambda p: (-len(p.words), p.rank, p.target_after is None, p.line))) for k, v in table.items()}


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


@lru_cache(maxsize=1)
def dictionary_version() -> str:
    """Content version of every data file that can change coding, recorded on every event.

    The pattern files, the context words, the recoding tables, the lexicon, and what the coder
    reads from the ontology (each code's quad class and flags; names and descriptions do not count).
    """
    parts = [f"{name.rsplit('.', 1)[0]}@{_digest(lexicon.read_data(name))}" for name in PATTERN_FILES + RULE_FILES]
    flags = "\n".join(f"{c.code},{c.quad}," + ",".join(str(int(getattr(c, f))) for f in ontology.FLAGS)
                      for c in sorted(ontology.codes().values(), key=lambda c: c.code))
    parts.append(f"cameo-flags@{_digest(flags)}")
    return "+".join(parts)


@lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/events/context.tsv``: domain cues and the armed words that override them."""
    table: dict[str, set[str]] = defaultdict(set)
    for n, raw in enumerate(lexicon.read_data("context.tsv").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, _, words = raw.partition("\t")
        if not words:
            raise DataError(f"context.tsv:{n}: expected 'list<TAB>words', got {raw!r}")
        table[kind.strip()].update(w.strip().lower() for w in words.split(",") if w.strip())
    return {k: frozenset(v) for k, v in table.items()}


# ---- trigger words for cheap pre-filters ------------------------------------------------------
@lru_cache(maxsize=1)
def _irregular() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = defaultdict(set)
    for form, lemma in lexicon.notes("irregular").items():
        forms[lemma].add(form)
    return {k: frozenset(v) for k, v in forms.items()}


def inflections(word: str) -> set[str]:
    """The forms of an English verb or noun lemma: regular suffixes (generously: a form that is not
    a word is harmless, as forms are only looked up) and the irregular forms of the lexicon."""
    stem = word[:-1] if word.endswith("e") else word
    forms = {word, word + "s", word + "es", word + "d", stem + "ed", stem + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    # a doubled final consonant: "shelled", "patrolled", "stopping"
    if len(word) > 2 and word[-1] not in "aeiouwy" and word[-2] in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms | _irregular().get(word, frozenset())


@lru_cache(maxsize=1)
def trigger_lemmas() -> frozenset[str]:
    """Every pattern head lemma with its common inflected forms, lower-case.

    A sentence containing none of these words can produce no event, so a caller may skip parsing it.
    """
    out: set[str] = set()
    for head, _nominal in load_patterns():
        for part in head.split():
            out |= inflections(part)
    return frozenset(out)


# ---- matching ---------------------------------------------------------------------------------
def _own_infinitive(tok: Token, head: Token, used: list[Token]) -> bool:
    """An infinitive's "to" is a pattern's word only when its verb is the head, a word of the
    pattern or an open complement of one ("agreed to cooperate", "is ready to talk"); in
    "welcomed the decision to scrap its arms" it belongs to the object's own clause."""
    if tok.dep_ != "aux" or tok.lower_ != "to":
        return True
    verb = tok.head
    owners = (head, *used)
    return verb in owners or (verb.dep_ == "xcomp" and verb.head in owners)


def match(pattern: Pattern, head: Token) -> tuple[list[Token], Token | None] | str:
    """(tokens used, target token) when ``pattern`` fits under ``head``; else why it does not."""
    if pattern.weapon and arguments.instrument(syntax.subject(head)) is None:
        # "the storm hit Haiti", "Bush hit the campaign trail": only a weapon's hit is an attack
        return f"the subject of '{head.text}' is not a weapon"
    if pattern.fallback and syntax.trailing_attribution(head):
        # "Troops shelled the town, officials said": the officials report news, they make no statement
        return f"'{head.text}' only attributes the clause before it"
    if (pattern.fallback and pattern.target_after is None and syntax.child(head, "ccomp") is None
            and syntax.child(head, "dobj") is not None):
        # "Iran added a missile to its arsenal", "stated its position": a thing added or stated
        # is no statement about anyone; a statement reports a clause
        return f"'{head.text}' has an object, not a clause"
    # a particle always makes the idiom; a preposition only when the verb has no object ("seized on
    # the memo" exploits it, "seized arms on the border" takes them)
    bare = syntax.child(head, ("dobj", "nsubjpass")) is None
    idiom = next((f"{head.lemma_.lower()} {p.lower_}" for p in head.children if (p.dep_ == "prt" or (p.dep_ == "prep" and bare))
                  and p.lower_ not in pattern.words and f"{head.lemma_.lower()} {p.lower_}" in lexicon.words("phrasal_idiom")), None)
    if idiom is not None:
        # "transcripts backed up the critics' claims" bear them out; they back no one
        return f"'{idiom}' is another verb"
    pool = [t for t, _ in syntax.children(head)]
    if pattern.words and syntax.is_passive(head):
        # "three churches were burned": the passive subject is the object the pattern names ("burn church")
        pool += [t for t in head.children if t.dep_ in syntax.PASSIVE_SUBJECT_DEPS]
    used: list[Token] = []
    for w in pattern.words:
        # a preposition of the pattern hangs on the head or on another of its words: "warned the
        # city of Falluja" is no "warn of", "dropped bombs on positions in Falluja" no "drop in on"
        cands = [t for t in pool if t not in used and (t.dep_ != "prep" or t.head.i == head.i or t.head in used)
                 and _own_infinitive(t, head, used)]
        hit = next((t for t in cands if t.lemma_.lower() == w), None) or next((t for t in cands if t.lower_ == w), None)
        if hit is None:
            return f"no '{w}' attached to '{head.text}'"
        used.append(hit)
    inner = syntax.unmatched_clause(used, head)
    if inner is not None:
        return f"'{inner.text}' heads its own clause between '{head.text}' and the pattern's words"
    target = None
    if pattern.target_after == "":
        target = syntax.child(head, ("dobj", "dative", "attr"))
        if target is None and syntax.is_passive(head):
            target = syntax.antecedent(syntax.child(head, syntax.PASSIVE_SUBJECT_DEPS))
        if target is None:
            # "{T}" right after the head means the verb takes an object: "called Putin" is a phone
            # call, "called for reform" is not
            return "no direct object"
    elif pattern.target_after:
        prep = next((t for t in used if t.lower_ == pattern.target_after or t.lemma_.lower() == pattern.target_after), None)
        if prep is not None:
            target = syntax.child(prep, ("pobj", "pcomp"))
            if target is not None and target.ent_type_ in ("DATE", "TIME"):
                return f"'{prep.text} {target.text}' is a time, not a target"
    return used, target
