"""Resolve who is acting, sentence by sentence, from the knowledge base and the parse.

For each parsed sentence the resolver
  1. finds KB phrases (countries, capitals, seats of power, organizations, people, sector words);
  2. attaches each phrase to the nominal head it modifies ("Iran's foreign minister" -> minister,
     "Turkish and Azerbaijani troops" -> troops, "Col. Mehmet Y., a Turkish army spokesman" -> Y.);
  3. composes one Mention per head and country (``tealeaves.actors.compose``);
  4. resolves pronouns against earlier mentions (``tealeaves.actors.coref``).

A mention's [start, end) covers the whole actor phrase in CleanDocument.text. Unresolved groups and
pronouns come back with ``code=None``. ``explain`` says how the sentences of one string resolve
(``tealeaves.pipeline.lookup_actor`` parses the string first).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tealeaves.actors.compose import LOCATIVE_PREPS, RELATIONAL, Context, Phrase, compose, fill_headline, fill_one_state, fill_titled
from tealeaves.actors.coref import Coref
from tealeaves.actors.dateline import dateline_length, dateline_places
from tealeaves.actors.kb import NON_STATE_PREFIXES as NON_STATE, Hit, KnowledgeBase, Target, day_of, load_kb, reset_kb
from tealeaves.models import CleanDocument, Mention, Sentence
from tealeaves.settings import Settings

log = logging.getLogger(__name__)

NAME = "actors_kb.v3"
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "flat", "det", "nummod", "case", "npadvmod", "appos", "poss", "quantmod", "dep"}
OF_PREPS = {"of", "for", "from"}
NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "del", "della", "dos", "van", "von", "der",
                  "den", "du", "la", "le", "ter", "ten"}
PRONOUNS = {"he", "him", "she", "her", "they", "them", "it"}


@dataclass(frozen=True)
class Lookup:
    """How a string resolves: the mentions found and why."""

    text: str
    date: str | None
    mentions: tuple[Mention, ...]
    explanation: tuple[str, ...]

    @property
    def mention(self) -> Mention | None:
        resolved = [m for m in self.mentions if m.code]
        return resolved[0] if resolved else (self.mentions[0] if self.mentions else None)


class ActorResolver:
    """Resolves actor mentions with the package KB plus the user's overrides."""

    name = NAME

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base with the user's actor file as it is now: the file the settings name
        (by default under ``TEALEAVES_HOME``, read when asked) in its current version. ``load_kb``
        shares one per version of the file, so a resolver never keeps a file that has since changed
        or that another ``TEALEAVES_HOME`` pointed to. Read once per document or string resolved."""
        return load_kb(self.settings.user_actors_path)

    # ---- public API ---------------------------------------------------------
    def resolve_document(self, cdoc: CleanDocument, sentences: tuple[Sentence, ...]) -> dict[int, tuple[Mention, ...]]:
        """Actor mentions per sentence index (after in-document coreference), sorted by start."""
        day = day_of(cdoc.document.date)
        hits_by_doc: dict[int, list[Hit]] = {}
        kb = self.kb  # one version of the user's file for the whole document (coref.kb below)
        coref = Coref(kb, day)
        context = Context()
        out: dict[int, tuple[Mention, ...]] = {}
        headlines = {p.index for p in cdoc.paragraphs if p.kind == "headline"}
        paragraph = None
        for sent in sentences:
            span = sent.span
            opens = sent.paragraph != paragraph and sent.paragraph not in headlines
            paragraph = sent.paragraph
            if span is None:
                out[sent.index] = ()
                continue
            doc = span.doc
            if id(doc) not in hits_by_doc:
                hits_by_doc[id(doc)] = kb.match(doc, self._tokenizer())
            hits = [h for h in hits_by_doc[id(doc)] if span.start <= h.start and h.end <= span.end]
            if opens:
                cut = self._cut_dateline_places(kb, cdoc, sent)
                context.see([(c, -1) for c in cut])
                context.dateline = cut[-1] if cut else context.dateline
            mentions = self._resolve_sentence(sent, hits, day, context, coref, None, opens)
            out[sent.index] = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
        headline = {s.index for s in sentences if s.paragraph in headlines}
        return fill_one_state(fill_headline(out, headline), context)

    def explain(self, text: str, date: str | None, sentences: tuple[Sentence, ...]) -> Lookup:
        """How the parsed sentences of one string (a name, a phrase or a sentence) resolve, and why."""
        day = day_of(date)
        why: list[str] = []
        kb = self.kb
        coref = Coref(kb, day)
        context = Context()
        mentions: list[Mention] = []
        for n, sent in enumerate(sentences):
            if sent.span is None:
                continue
            hits = [h for h in kb.match(sent.span.doc, self._tokenizer()) if sent.span.start <= h.start and h.end <= sent.span.end]
            for h in hits:
                t = h.best
                why.append(f"'{sent.span.doc[h.start:h.end].text}' is a known {t.kind}: {_describe(t)}")
            mentions += self._resolve_sentence(sent, hits, day, context, coref, why, n == 0)
        if not mentions:
            why.append("no actor found: not in the knowledge base and no title, sector word or nationality in context")
        return Lookup(text, date, tuple(mentions), tuple(why))

    def _cut_dateline_places(self, kb: KnowledgeBase, cdoc: CleanDocument, sent: Sentence) -> list[str]:
        """Countries of a "GROZNY, Russia (Reuters) - " dateline that cleaning cut from the paragraph."""
        raw = re.sub(r"[ \t\u00a0]{2,}|\t|\u00a0", " ", cdoc.document.text)  # cleaning squeezed runs of spaces the same way
        at = raw.find(sent.text[:40]) if len(sent.text) >= 10 else -1
        if at <= 0:
            return []
        before = raw[raw.rfind("\n", 0, at) + 1:at]
        if not before.strip() or dateline_length(before + "X") < len(before.rstrip()):
            return []
        found = []
        for piece in dateline_places(before):
            targets = [t for t in kb.phrases.get(piece.lower(), ()) if t.kind in ("country", "capital", "city") and t.country]
            if targets:
                found.append(targets[0].country or "")
        return found[-1:]

    # ---- one sentence ---------------------------------------------------------
    def _tokenizer(self) -> Any:
        from tealeaves.nlp import load_model

        return load_model(self.settings.model).tokenizer

    def _resolve_sentence(self, sent: Sentence, hits: list[Hit], day: str | None, context: Context,
                          coref: Coref, why: list[str] | None, opens_paragraph: bool = False) -> list[Mention]:
        span = sent.span
        dateline = _dateline_tokens(span, context, hits, why) if opens_paragraph else set()
        context.first_token = max(dateline, default=span.start - 1) + 1
        # news agencies and the dateline never act; their words are no actor's either
        skip = dateline | {i for h in hits if h.best.kind == "agency" for i in range(h.start, h.end)}
        hits = [d for d in (coref.kb.dated(h, span.doc, day) for h in hits if h.start not in skip) if d is not None]
        hit_at: dict[int, Hit] = {}
        for h in hits:
            for i in range(h.start, h.end):
                hit_at[i] = h
        locations = self._locations(span, hits)
        context.see(locations)
        context.sentence_countries = _named_countries(hits)
        phrases = self._phrases(span, hits, hit_at, skip)
        mentions: list[Mention] = []
        heads = {ph.head.i for ph in phrases}
        head_of: dict[int, Any] = {}
        for phrase in phrases:
            new = compose(coref.kb, sent, phrase, day, context, locations, coref, why, heads)
            head_of.update((id(m), phrase.head) for m in new)
            mentions += new
        for tok in span:
            if tok.pos_ == "PRON" and tok.i not in hit_at and tok.i not in skip and tok.dep_ != "poss" and tok.lower_ in PRONOUNS:
                m = coref.pronoun(sent, tok, why)
                if m is not None:
                    mentions.append(m)
        mentions = fill_titled(mentions, head_of, coref, why)
        coref.end_sentence(sent)
        context.countries += [m.country for m in mentions if m.country and not m.country.startswith(NON_STATE)]
        return mentions

    def _locations(self, span: Any, hits: list[Hit]) -> list[tuple[str, int]]:
        """Countries named as places in the sentence ("in Syria", "police in Lagos"): (iso3, token index)."""
        found = []
        for h in hits:
            t = h.best
            root = span.doc[h.start:h.end].root
            if t.kind in ("country", "capital", "city") and t.form != "adjective" and t.country:
                prep = root.head if root.dep_ == "pobj" else None
                if prep is not None and prep.lower_ in LOCATIVE_PREPS:
                    found.append((t.country, h.start))
        return found

    def _phrases(self, span: Any, hits: list[Hit], hit_at: dict[int, Hit], skip: set[int]) -> list[Phrase]:
        """Group hits under the nominal heads they modify; also collect titled unknown persons."""
        doc = span.doc
        actorish = {i for i, h in hit_at.items() if h.best.kind in ("sector", "person", "user", "org", "metonym")}
        by_head: dict[int, Phrase] = {}
        for h in hits:
            city_root = doc[h.start:h.end].root
            if h.best.kind == "city" and not _is_actor_position(city_root) and not (
                    city_root.dep_ in ("compound", "nmod") and city_root.head.i in actorish
                    and hit_at[city_root.head.i].best.kind == "sector"):
                # a city is a place unless it is the subject or object itself, or names a group ("Darfur rebels")
                continue
            if h.best.kind == "city" and any(e.label_ == "PERSON" and e.start <= h.start and h.end <= e.end
                                             and e.end - e.start > h.end - h.start for e in span.ents):
                continue  # "Ahmed bin Salem": part of a name, not the city
            root = doc[h.start:h.end].root
            if _heads_coordination(root, h):
                head, via_prep = root, False  # "Amnesty International and Human Rights Watch": its own actor
            else:
                head, via_prep = self._head_of(root, actorish, set(range(h.start, h.end)), skip)
            ph = by_head.setdefault(head.i, Phrase(head))
            (ph.via_prep if via_prep else ph.hits).append(h)
        for ent in span.ents:
            inside_city = ent.root.i in hit_at and hit_at[ent.root.i].best.kind == "city" and (
                hit_at[ent.root.i].end - hit_at[ent.root.i].start < ent.end - ent.start)
            if ent.root.i in skip:
                continue
            if ent.label_ == "PERSON" and (ent.root.i not in hit_at or inside_city):
                head, _ = self._head_of(ent.root, actorish, set(range(ent.start, ent.end)), skip)
                by_head.setdefault(head.i, Phrase(head))
        in_name = {t.i for ent in span.ents if ent.label_ == "PERSON" for t in ent if t.i != ent.root.i}
        for tok in span:
            # bare names (a surname repeated later) and relational groups ("its partners") are candidates too;
            # the pieces of one name ("Sadiq al-Mahdi": "al", "-") are not names of their own
            if tok.i in in_name or tok.i in skip or _name_piece(tok):
                continue
            if tok.i not in hit_at and tok.i not in by_head and ((tok.pos_ == "PROPN" and tok.dep_ not in ("compound", "flat", "appos"))
                                                              or (tok.pos_ == "NOUN" and tok.lemma_.lower() in RELATIONAL)):
                head, _ = self._head_of(tok, actorish, {tok.i}, skip)
                if head.i == tok.i:
                    by_head.setdefault(tok.i, Phrase(tok))
        for i, ph in list(by_head.items()):
            if ph.head.i not in hit_at and not ph.hits and ph.head.pos_ != "PROPN" and ph.head.lemma_.lower() not in RELATIONAL:
                del by_head[i]  # only places hang here ("the attack in Syria")
                continue
            for child in ph.head.children:
                if child.dep_ == "poss" and child.pos_ == "PRON":
                    ph.poss_pronoun = child
        return [by_head[i] for i in sorted(by_head)]

    @staticmethod
    def _head_of(tok: Any, actorish: set[int], own: set[int], skip: frozenset[int] | set[int] = frozenset()) -> tuple[Any, bool]:
        """Climb from a phrase's root to the nominal it modifies; True when the climb crossed "of/for/from".
        The climb never enters ``skip`` (a dateline the parser made the head: "KHARTOUM - Foreign warplanes")."""
        via_prep = False
        seen = 0
        while seen < 12:
            seen += 1
            parent = tok.head
            if parent is tok:
                break
            if parent.i in skip:
                break
            dep = tok.dep_
            if dep == "conj" and parent.dep_ in ("amod", "compound", "nmod") and parent.head.pos_ in NOMINAL:
                tok = parent  # "Turkish and Azerbaijani troops": Azerbaijani -> Turkish -> troops
                continue
            if dep == "poss" and parent.i not in actorish:
                break  # "the Croatian government's request": the government is the actor
            if dep in MODIFIER_DEPS and parent.pos_ in NOMINAL | {"ADJ"} and dep != "appos":
                tok = parent
                continue
            if dep == "appos" and parent.pos_ in NOMINAL:
                tok = parent  # the apposition describes its head
                continue
            if dep == "pobj" and parent.lower_ in OF_PREPS and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in parent.head.children):
                break  # "its envoy from Peru": the possessive says whose; Peru is an actor of its own
            if dep == "pobj" and parent.lower_ in OF_PREPS and parent.head.pos_ in NOMINAL and parent.head.i in actorish and parent.head.i not in own:
                tok = parent.head
                via_prep = True
                continue
            break
        return tok, via_prep

def _dateline_tokens(span: Any, context: Context, hits: list[Hit], why: list[str] | None) -> set[int]:
    """Tokens of a dateline opening the sentence; its place becomes the document's location context."""
    length = dateline_length(span.text)
    if not length:
        return set()
    end = span.start_char + length
    tokens = {t.i for t in span if t.idx < end}
    places = [(h.best.country, h.start) for h in hits if h.start in tokens
              and h.best.kind in ("country", "capital", "city") and h.best.country]
    context.see(places[-1:])  # "NAJAF, Iraq": the country after the city says it best
    context.dateline = places[-1][0] if places else context.dateline
    if why is not None:
        why.append(f"'{span.text[:length].strip()}' is a dateline: never an actor" + (f"; location {places[-1][0]}" if places else ""))
    return tokens


def _named_countries(hits: list[Hit]) -> list[tuple[str, int]]:
    """States named in a sentence by name, adjective, demonym or capital: (iso3, token index)."""
    return [(h.best.country, h.start) for h in hits
            if h.best.kind in ("country", "capital") and h.best.country and not h.best.country.startswith(NON_STATE)]


def _heads_coordination(root: Any, h: Hit) -> bool:
    """Whether a named actor is the first conjunct of "X and Y Z" that the parser read as "(X and Y) Z".

    "Amnesty International and Human Rights Watch", "Iran and world powers": the first name hangs off the
    last conjunct's head as a modifier. It is an actor of its own when it is a name (not an adjective such
    as "Turkish" in "Turkish and Azerbaijani troops") and its conjunct is a noun, not another adjective
    ("US and Iraqi troops" shares its head).
    """
    t = h.best
    if root.dep_ not in ("nmod", "compound") or t.kind == "sector" or t.form in ("adjective", "demonym"):
        return False
    conj = [c for c in root.children if c.dep_ == "conj"]
    if not conj or not any(c.dep_ == "cc" for c in root.children):
        return False
    return all(c.pos_ in ("NOUN", "PROPN") and c.i < root.head.i for c in conj)


def _name_piece(tok: Any) -> bool:
    """A hyphen or a particle inside a personal name ("al-", "bin", "van der", "von", "de la")."""
    if not any(ch.isalpha() for ch in tok.text):
        return True
    if tok.lower_ not in NAME_PARTICLES:
        return False
    doc = tok.doc
    nxt = tok.i + 1
    while nxt < len(doc) and (doc[nxt].text in ("-", "\u2010") or doc[nxt].lower_ in NAME_PARTICLES):
        nxt += 1
    return nxt < len(doc) and doc[nxt].text[:1].isupper()


def _is_actor_position(tok: Any) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "iobj", "appos", "conj", "ROOT", "poss", "agent") or (
        tok.dep_ == "pobj" and tok.head.lower_ not in LOCATIVE_PREPS)


def _describe(t: Target) -> str:
    if t.kind == "agency":
        return f"news agency {t.label}, never an actor"
    if t.kind == "sector":
        return f"sector word -> {t.sector or 'none'} ({t.strength} {t.form})"
    if t.kind in ("person", "user"):
        return f"person {t.label}" + (" (user file)" if t.kind == "user" else "")
    if t.kind == "country":
        return f"{t.form} of {t.country}"
    return f"{t.label} -> {t.country}{t.sector or ''}"


@lru_cache(maxsize=8)
def get_resolver(settings: Settings | None = None) -> ActorResolver:
    """The resolver for these settings; built once, it reads the knowledge base for the user's file
    as that file is at each document (see ``ActorResolver.kb``), so the cache keeps no stale data."""
    return ActorResolver(settings or Settings())


def reset_cache() -> None:
    """Forget cached resolvers and knowledge bases (after the user's actor file changes)."""
    get_resolver.cache_clear()
    reset_kb()


__all__ = ["ActorResolver", "Lookup", "NAME", "get_resolver", "reset_cache"]
