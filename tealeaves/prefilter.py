"""Prefilter: decide from tokens alone whether a sentence could carry an event.

The coder needs two things in a sentence: a word that heads an event pattern (with the extra
words that pattern requires) and an actor it can code as the source. Both can be checked without
tagging or parsing. Event words come from the coder's patterns, expanded to every inflected form
that spaCy's rule lemmatizer could map back to the pattern's lemma (its exception table and suffix
rules, inverted). Actor cues are the phrases of the actor knowledge base (names, adjectives,
demonyms, capitals, cities, organisations, people, role words and the user's own entries: see
``tealeaves.actors.cues.cue_phrases``), found with one Aho-Corasick pass over the lower-cased
paragraph, plus personal pronouns (the resolver may link them to an actor named earlier).

The test is a necessary condition on purpose: a sentence the filter drops cannot yield an event
from the coder, so parsing only the kept sentences loses (almost) nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them", "it", "we", "i", "his", "their", "its", "our", "who"})
MIN_CUE_CHARS = 2


@dataclass(frozen=True)
class Rule:
    """Forms of a pattern head and, per required word, the forms that satisfy it."""

    head: str
    words: tuple[frozenset[str], ...]


class Prefilter:
    """``keep(lowers, text)`` says whether a sentence could carry an event."""

    def __init__(self, rules: Sequence[Rule], forms: dict[str, frozenset[str]], cues: Iterable[str]) -> None:
        import ahocorasick

        self._by_form: dict[str, list[Rule]] = {}
        for rule in rules:
            for form in forms.get(rule.head, frozenset({rule.head})):
                self._by_form.setdefault(form, []).append(rule)
        self._automaton = ahocorasick.Automaton()
        n = 0
        for cue in cues:
            cue = cue.strip().lower()
            if len(cue) >= MIN_CUE_CHARS and cue not in self._automaton:
                self._automaton.add_word(cue, len(cue))
                n += 1
        self._automaton.make_automaton()
        log.debug("prefilter: %d trigger forms, %d actor cues", len(self._by_form), n)

    def has_trigger(self, lowers: set[str]) -> bool:
        for form in lowers & self._by_form.keys():
            for rule in self._by_form[form]:
                if all(req & lowers for req in rule.words):
                    return True
        return False

    def actor_spans(self, lowered: str) -> list[tuple[int, int]]:
        """(start, end) of every actor cue in lower-cased text, on word boundaries."""
        out = []
        n = len(lowered)
        for end, length in self._automaton.iter(lowered):
            start = end - length + 1
            if start > 0 and lowered[start - 1].isalnum():
                continue
            if end + 1 < n and lowered[end + 1].isalnum():
                continue
            out.append((start, end + 1))
        return out

    def keep(self, lowers: set[str], cue_in_sentence: bool) -> bool:
        return (cue_in_sentence or not PRONOUNS.isdisjoint(lowers)) and self.has_trigger(lowers)


# ---- event words ------------------------------------------------------------------------------
def pattern_rules() -> tuple[list[Rule], set[str]]:
    """Rules from the coder's patterns; also the lemmas whose inflections are needed."""
    from tealeaves.coding import lexicon
    from tealeaves.coding.patterns import load_patterns, trigger_lemmas

    lemmas: set[str] = set()
    words_needed: list[tuple[str, tuple[str, ...]]] = []
    for (head, _nominal), patterns in load_patterns().items():
        for p in patterns:
            words = tuple(getattr(p, "words", ()) or ())
            words_needed.append((head, words))
            lemmas.add(head)
            lemmas.update(words)
    # the coder also reads reported speech ("X argued that it would strike" is a threat by X)
    # and denials ("X denied that it had carried out any test" is a denial by X, 016)
    for verb in lexicon.words("reporting_verb") | lexicon.words("denial_verb"):
        if " " not in verb:
            words_needed.append((verb, ()))
            lemmas.add(verb)
    if not words_needed:  # a coder without a pattern table: fall back to its plain trigger words
        for lemma in trigger_lemmas():
            words_needed.append((str(lemma).lower(), ()))
            lemmas.add(str(lemma).lower())
    return [Rule(head, tuple(frozenset({w}) for w in words)) for head, words in words_needed], lemmas


def inflections(nlp: Any, lemmas: Iterable[str]) -> dict[str, frozenset[str]]:
    """Every lower-cased form that the pipeline's rule lemmatizer could turn into each lemma."""
    wanted = {lemma.lower() for lemma in lemmas}
    forms: dict[str, set[str]] = {lemma: {lemma} for lemma in wanted}
    tables = _lemma_tables(nlp)
    if tables is None:
        from tealeaves.coding.patterns import inflections as regular_forms

        for lemma in wanted:
            forms[lemma] |= regular_forms(lemma)
    else:
        exc, rules = tables
        for table in exc.values():
            for form, lemma_list in table.items():
                for lemma in lemma_list:
                    if lemma.lower() in forms:
                        forms[lemma.lower()].add(form.lower())
        for rule_list in rules.values():
            for old, new in rule_list:
                for lemma in wanted:
                    if lemma.endswith(new):
                        forms[lemma].add(lemma[: len(lemma) - len(new)] + old)
    return {lemma: frozenset(f) for lemma, f in forms.items()}


def _lemma_tables(nlp: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
    if nlp is None or "lemmatizer" not in getattr(nlp, "pipe_names", ()):
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc") or not lookups.has_table("lemma_rules"):
        return None
    return dict(lookups.get_table("lemma_exc").items()), dict(lookups.get_table("lemma_rules").items())


def build(nlp: Any, cues: Iterable[str]) -> Prefilter:
    """The prefilter for a loaded pipeline (the lemmatizer's tables give the inflections) and the
    phrases that signal an actor (``tealeaves.actors.cues.cue_phrases``)."""
    rules, lemmas = pattern_rules()
    forms = inflections(nlp, lemmas)
    expanded = [Rule(r.head, tuple(forms.get(next(iter(w)), w) for w in r.words)) for r in rules]
    return Prefilter(expanded, forms, cues)
