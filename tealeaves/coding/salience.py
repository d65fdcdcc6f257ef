"""Which coded events a sentence is about, and which it only mentions in passing.

A news sentence reports one happening and often names others as background: "the rebels, who
attacked the town last year, said ...", "a deadly attack targeting civilians", "two weeks after
gunmen kidnapped ...". A CAMEO coder codes the happening the sentence reports; an act named inside
a relative clause, a noun's modifier or a clause dated well before the main one is background (it
is coded from the story that reports it). The event coder asks :func:`background` for each event
head and keeps background events only when the sentence yields nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from tealeaves.coding import lexicon
from tealeaves.models import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

A = TypeVar("A")  # the trace's record of an attempt (tealeaves.coding.coder.Attempt)
NOUN_POS = frozenset({"NOUN", "PROPN"})


def _dated_apart(clause: Token) -> bool:
    """An adverbial clause introduced by "after/before/since" with a measured distance in time
    ("two weeks after", "days before", "a year since")."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in lexicon.words("time_mark")), None)
    if mark is None:
        return False
    # the measure hangs on the mark ("two weeks after") or, as parsed at times, on the clause's verb
    near = [c for c in mark.subtree if c.i != mark.i] + [c for c in clause.children if c.dep_ == "npadvmod" and c.i < mark.i]
    return any(c.lemma_.lower() in lexicon.words("time_unit") for c in near)


def background(head: Token) -> str | None:
    """Why the event at ``head`` is background to the sentence, or None when it is not.

    The head itself or a clause above it (up to the sentence's root) is one of: a relative clause
    ("who attacked the town"), a participle modifying a noun that is not the sentence's root ("an
    attack targeting civilians"; a headline such as "Two men arrested in X" keeps its event), or an
    adverbial clause dated apart ("two weeks after rebels kidnapped ...") or in the perfect ("having
    rejected three invitations, ...").
    """
    tok = head
    for _ in range(12):
        if tok.dep_ == "relcl":
            return f"inside a relative clause on '{tok.head.text}'"
        if tok.dep_ == "acl" and tok.head.pos_ in NOUN_POS and tok.head.dep_ != "ROOT" and tok.tag_ in ("VBG", "VBN"):
            return f"modifies the noun '{tok.head.text}'"
        if tok.dep_ == "advcl" and _dated_apart(tok):
            return f"clause dated apart from the main event ('{' '.join(c.text for c in tok.children if c.dep_ == 'mark')}')"
        if tok.dep_ == "advcl" and tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "having" for c in tok.children):
            # "Having rejected three invitations, the president visited Armenia": done before what is told
            return "a perfect participle ('having ...') tells what came before"
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def foreground(events: list[Event], passing: dict[int, str], start: int, trace: list[A] | None,
               attempt: Callable[[str, str, str], A]) -> list[Event]:
    """A sentence's events without its background ones (``passing``: id(event) -> why), unless
    background is all there is; ``start`` is the sentence's document offset, for the trace."""
    if all(id(e) in passing for e in events):
        return events
    if trace is not None:
        trace.extend(attempt(e.text[e.evidence_start - start:e.evidence_end - start], e.cameo,
                             f"coded, then dropped: background ({passing[id(e)]})") for e in events if id(e) in passing)
    return [e for e in events if id(e) not in passing]
