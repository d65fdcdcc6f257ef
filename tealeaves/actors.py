"""Actors: resolve who is acting, sentence by sentence, from the knowledge base and the parse.

For each sentence the resolver
  1. finds KB phrases (countries, capitals, seats of power, organizations, people, sector words);
  2. attaches each phrase to the nominal head it modifies ("Iran's foreign minister" -> minister,
     "Turkish and Azerbaijani troops" -> troops, "Col. Mehmet Y., a Turkish army spokesman" -> Y.);
  3. composes one Mention per head and country: country from names, adjectives, possessives,
     capitals or "of Iran"; sector from the person's dated role, else the strongest title or body word;
     a current title stated in the mention ("Assistant Secretary of State X") beats a table role that
     does not cover the article's date, unless the mention says "former", "ex-" or "then-";
  4. gives groups with no country one from a location in context ("police in Lagos");
  5. resolves later mentions (surnames, title alone, pronouns) against earlier ones (``tealeaves.coref``).

A mention's [start, end) covers the whole actor phrase in CleanDocument.text. Unresolved groups and
pronouns come back with ``code=None``. ``lookup`` explains how one string resolves.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tealeaves.kb import FORMER, NON_STATE_PREFIXES as NON_STATE, Hit, KnowledgeBase, Target, day_of
from tealeaves.models import CleanDocument, Mention, Sentence
from tealeaves.settings import Settings

log = logging.getLogger(__name__)

NAME = "actors_kb.v1"
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "flat", "det", "nummod", "case", "npadvmod", "appos", "poss", "quantmod", "dep"}
LEFT_DEPS = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "flat", "punct", "cc", "conj", "advmod"}
OF_PREPS = {"of", "for", "from"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "into", "within"}
RELATIONAL = {"partner", "ally", "neighbour", "neighbor", "counterpart", "rival", "enemy", "opponent", "adversary", "foe", "friend", "critic"}
CONTEXT_SECTORS = {"REB", "OPP", "COP", "CVL", "CRM", "MIL", "REF"}  # groups that take their country from where they are
PAST_MARKERS = {"former", "ex", "then", "late", "retired", "onetime", "one-time", "erstwhile"}
NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "del", "della", "dos", "van", "von", "der",
                  "den", "du", "la", "le", "ter", "ten"}
TITLE_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}  # offices that a title alone states
PERSON_TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lady", "lord", "madam"}


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


@dataclass
class Phrase:
    """An actor phrase under construction: its head token and the evidence attached to it."""

    head: Any
    hits: list[Hit] = field(default_factory=list)
    via_prep: list[Hit] = field(default_factory=list)  # "the foreign minister of Iran"
    poss_pronoun: Any = None  # "its army"
    tokens: set[int] = field(default_factory=set)


class ActorResolver:
    """Resolves actor mentions with the package KB plus the user's overrides."""

    name = NAME

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = KnowledgeBase(self.settings.user_actors_path)
        return self._kb

    # ---- public API ---------------------------------------------------------
    def resolve_document(self, cdoc: CleanDocument, sentences: tuple[Sentence, ...]) -> dict[int, tuple[Mention, ...]]:
        """Actor mentions per sentence index (after in-document coreference), sorted by start."""
        from tealeaves.coref import Coref

        day = day_of(cdoc.document.date)
        hits_by_doc: dict[int, list[Hit]] = {}
        coref = Coref(self.kb, day)
        context = _Context()
        out: dict[int, tuple[Mention, ...]] = {}
        for sent in sentences:
            span = sent.span
            if span is None:
                out[sent.index] = ()
                continue
            doc = span.doc
            if id(doc) not in hits_by_doc:
                hits_by_doc[id(doc)] = self.kb.match(doc, self._tokenizer())
            hits = [h for h in hits_by_doc[id(doc)] if span.start <= h.start and h.end <= span.end]
            mentions = self._resolve_sentence(sent, hits, day, context, coref, None)
            out[sent.index] = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
        return out

    def lookup(self, text: str, date: str | None = None) -> Lookup:
        """Resolve one string (a name, a phrase or a sentence) and say why."""
        from tealeaves.clean import clean
        from tealeaves.coref import Coref
        from tealeaves.ingest import document_from_text
        from tealeaves.nlp import parse

        cdoc = clean(document_from_text(text, "lookup", date=date))
        _, sentences = next(parse([cdoc], model=self.settings.model, prefilter=False))
        day = day_of(date)
        why: list[str] = []
        coref = Coref(self.kb, day)
        context = _Context()
        mentions: list[Mention] = []
        for sent in sentences:
            hits = [h for h in self.kb.match(sent.span.doc, self._tokenizer()) if sent.span.start <= h.start and h.end <= sent.span.end]
            for h in hits:
                t = h.best
                why.append(f"'{sent.span.doc[h.start:h.end].text}' is a known {t.kind}: {_describe(t)}")
            mentions += self._resolve_sentence(sent, hits, day, context, coref, why)
        if not mentions:
            why.append("no actor found: not in the knowledge base and no title, sector word or nationality in context")
        return Lookup(text, date, tuple(mentions), tuple(why))

    # ---- one sentence ---------------------------------------------------------
    def _tokenizer(self) -> Any:
        from tealeaves.nlp import load_model

        return load_model(self.settings.model).tokenizer

    def _resolve_sentence(self, sent: Sentence, hits: list[Hit], day: str | None, context: _Context,
                          coref: Any, why: list[str] | None) -> list[Mention]:
        span = sent.span
        hit_at: dict[int, Hit] = {}
        for h in hits:
            for i in range(h.start, h.end):
                hit_at[i] = h
        locations = self._locations(span, hits)
        context.see(locations)
        context.sentence_countries = _named_countries(hits)
        phrases = self._phrases(span, hits, hit_at)
        mentions: list[Mention] = []
        heads = {ph.head.i for ph in phrases}
        head_of: dict[int, Any] = {}
        for phrase in phrases:
            new = self._compose(sent, phrase, day, context, locations, coref, why, heads)
            head_of.update((id(m), phrase.head) for m in new)
            mentions += new
        for tok in span:
            if tok.pos_ == "PRON" and tok.i not in hit_at and tok.dep_ != "poss" and tok.lower_ in _PRONOUNS:
                m = coref.pronoun(sent, tok, why)
                if m is not None:
                    mentions.append(m)
        mentions = _fill_titled(mentions, head_of, coref, why)
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

    def _phrases(self, span: Any, hits: list[Hit], hit_at: dict[int, Hit]) -> list[Phrase]:
        """Group hits under the nominal heads they modify; also collect titled unknown persons."""
        doc = span.doc
        actorish = {i for i, h in hit_at.items() if h.best.kind in ("sector", "person", "user", "org", "metonym")}
        by_head: dict[int, Phrase] = {}
        for h in hits:
            if h.best.kind == "city" and not _is_actor_position(doc[h.start:h.end].root):
                continue  # a city is a place unless it is the subject or object itself
            if h.best.kind == "city" and any(e.label_ == "PERSON" and e.start <= h.start and h.end <= e.end
                                             and e.end - e.start > h.end - h.start for e in span.ents):
                continue  # "Ahmed bin Salem": part of a name, not the city
            root = doc[h.start:h.end].root
            if _heads_coordination(root, h):
                head, via_prep = root, False  # "Amnesty International and Human Rights Watch": its own actor
            else:
                head, via_prep = self._head_of(root, actorish, set(range(h.start, h.end)))
            ph = by_head.setdefault(head.i, Phrase(head))
            (ph.via_prep if via_prep else ph.hits).append(h)
        for ent in span.ents:
            inside_city = ent.root.i in hit_at and hit_at[ent.root.i].best.kind == "city" and (
                hit_at[ent.root.i].end - hit_at[ent.root.i].start < ent.end - ent.start)
            if ent.label_ == "PERSON" and (ent.root.i not in hit_at or inside_city):
                head, _ = self._head_of(ent.root, actorish, set(range(ent.start, ent.end)))
                by_head.setdefault(head.i, Phrase(head))
        in_name = {t.i for ent in span.ents if ent.label_ == "PERSON" for t in ent if t.i != ent.root.i}
        for tok in span:
            # bare names (a surname repeated later) and relational groups ("its partners") are candidates too;
            # the pieces of one name ("Sadiq al-Mahdi": "al", "-") are not names of their own
            if tok.i in in_name or _name_piece(tok):
                continue
            if tok.i not in hit_at and tok.i not in by_head and ((tok.pos_ == "PROPN" and tok.dep_ not in ("compound", "flat", "appos"))
                                                              or (tok.pos_ == "NOUN" and tok.lemma_.lower() in RELATIONAL)):
                head, _ = self._head_of(tok, actorish, {tok.i})
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
    def _head_of(tok: Any, actorish: set[int], own: set[int]) -> tuple[Any, bool]:
        """Climb from a phrase's root to the nominal it modifies; True when the climb crossed "of/for/from"."""
        via_prep = False
        seen = 0
        while seen < 12:
            seen += 1
            parent = tok.head
            if parent is tok:
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
            if dep == "pobj" and parent.lower_ in OF_PREPS and parent.head.pos_ in NOMINAL and parent.head.i in actorish and parent.head.i not in own:
                tok = parent.head
                via_prep = True
                continue
            break
        return tok, via_prep

    def _compose(self, sent: Sentence, ph: Phrase, day: str | None, context: _Context,
                 locations: list[tuple[str, int]], coref: Any, why: list[str] | None,
                 heads: set[int] | None = None) -> list[Mention]:
        span = sent.span
        doc = span.doc
        start_i, end_i = _extent(ph, span, heads or set())
        text = doc[start_i:end_i + 1].text
        start = sent.offset(doc[start_i])
        end = sent.offset(doc[end_i]) + len(doc[end_i].text)
        note = why.append if why is not None else (lambda _m: None)

        if _is_place(ph):
            # "talks in Moscow": a place, so the state (RUS), never its government; the coder may use it for visits
            country = ph.hits[0].best.country or ""
            note(f"'{text}' is a place (object of '{ph.head.head.text}') -> {country}")
            return [Mention(text, country, country, None, start, end, "place.locative", ph.hits[0].best.label)]
        person = next((h for h in ph.hits if h.best.kind in ("user", "person")), None)
        countries: list[str] = []
        sector: str | None = None
        name: str | None = None
        rule = ""
        strong: list[tuple[int, Target]] = []
        weak: list[tuple[int, Target]] = []
        kind = "body"
        for h in ph.hits + ph.via_prep:
            t = h.best
            if t.kind in ("country", "capital", "city") and t.country:
                if t.country not in countries:
                    countries.append(t.country)
                if t.kind == "capital" and h.start <= ph.head.i < h.end:
                    sector = sector or "GOV"
                    rule = rule or "metonym.capital"
            elif t.kind in ("org", "metonym") and t.country:
                if h.start <= ph.head.i < h.end or not countries:
                    countries.insert(0, t.country) if t.country not in countries else None
                    sector = t.sector if (h.start <= ph.head.i < h.end or sector is None) else sector
                    name = t.label
                    rule = rule or f"kb.{t.kind}"
                elif t.country not in countries:
                    countries.append(t.country)
            elif t.kind == "sector":
                dist = abs(ph.head.i - (h.end - 1))
                (strong if t.strength == "strong" else weak if t.strength == "weak" else []).append((dist, t))
                if h.start <= ph.head.i < h.end:
                    kind = t.form
        if person is not None:
            t = person.best
            pid = t.person_id or ""
            pcountry, psector, prole, reason = self.kb.person_code(pid, day)
            note(f"{t.label}: {reason}")
            if pcountry:
                country = pcountry
                rule = f"kb.person.{t.kind}"
                stated = _stated_title(strong, weak, doc[start_i:end_i + 1])
                if stated and not _role_current(prole, day):
                    # the article names a current office the table does not cover on its date: trust the text
                    psector = stated
                    country = next((c for c in countries if not c.startswith(NON_STATE)), country)
                    rule = f"kb.person.{t.kind}+stated_title"
                    note(f"'{text}' states a current title -> {country}{psector}, not the table's role on {day}")
                elif not _role_current(prole, day) and not _marked_past(strong, weak, doc[start_i:end_i + 1]):
                    earlier = coref.stated_code(pid)
                    if earlier is not None:
                        country, psector = earlier
                        rule = f"kb.person.{t.kind}+stated_title.coref"
                        note(f"'{text}': an earlier mention in this document stated a title -> {country}{psector}")
                name = self.kb.person_name(pid)
                coref.add_person(sent, pid, name, self.kb.person_gender(pid))
                if rule.endswith("+stated_title"):
                    coref.set_stated(pid, country, psector)
                m = Mention(text, country + (psector or ""), country, psector, start, end, rule, name)
                coref.register(sent, m, ph, kind="person", number="sing")
                return [m]
        title_sector = None
        if strong:
            title_sector = min(strong, key=lambda x: x[0])[1].sector
        elif weak:
            title_sector = min(weak, key=lambda x: x[0])[1].sector
        if sector is None or (title_sector and rule == "metonym.capital" and not _head_in(ph, "capital")):
            sector = title_sector if title_sector else sector
        if any(t.kind == "sector" and t.sector == FORMER for _, t in strong):
            sector = FORMER
        is_person = (ph.head.ent_type_ == "PERSON" or kind == "person" or _has_person_title(ph.head)
                     or _titled_name(ph))
        if is_person and sector is None and any(tok.lower_ in ("gen.", "col.", "general") for tok in doc[start_i:end_i + 1]):
            sector = "MIL"
        number = "plur" if (ph.head.tag_ in ("NNS", "NNPS") or kind == "group") else "sing"
        lemma = ph.head.lemma_.lower()

        if lemma in RELATIONAL:
            # "its European partners", "Turkey's allies": the partners are not the possessor
            owners = {h.best.country for h in ph.hits if doc[h.start:h.end].root.dep_ == "poss"}
            countries = [c for c in countries if c not in owners]
            if not countries:
                note(f"'{text}': a group related to another actor; kept unresolved")
                return [Mention(text, None, None, None, start, end, "group.unresolved", None)]
        if not countries and ph.poss_pronoun is not None and lemma not in RELATIONAL:
            ante = coref.antecedent_for_possessive(sent, ph.poss_pronoun)
            if ante is not None and ante.country:
                countries = [ante.country]
                rule = "coref.possessive"
                note(f"'{ph.poss_pronoun.text}' refers to {ante.text} ({ante.code})")
        if not countries:
            m = coref.resolve_named(sent, ph, text, start, end, is_person, why)
            if m is not None:
                return [m]
        if not countries and sector == "LEG" and kind == "body" and _head_in(ph, "sector"):
            # "the Senate", "parliament", "the Majlis": the legislature of the country the story is about
            loc = context.nearest_country(ph.head.i)
            if loc:
                countries = [loc[0]]
                rule = f"context.country.{loc[1]}"
                note(f"'{text}' is a legislature; takes its country from the {loc[1]} mention {loc[0]}")
        if not countries and sector in CONTEXT_SECTORS and kind in ("group", "body"):
            loc = context.nearest(locations, ph.head.i)
            if loc:
                countries = [loc[0]]
                rule = f"context.location.{loc[1]}"
                note(f"'{text}' takes its country from the {loc[1]} location {loc[0]}")
        if not countries and sector is None and not is_person and not ph.hits:
            return []  # a name the KB does not know and nothing in context says it is an actor
        named_titled = is_person and sector in TITLE_SECTORS and bool(title_sector) and ph.head.pos_ == "PROPN"
        if not countries and named_titled:
            # "Gov. Phil Murphy", "Sen. X": the title gives the sector; the country comes from the states named
            # in this sentence or earlier in the article, never from a default
            # (states named in the same sentence are often the counterpart: see _fill_titled)
            if context.countries:
                seen = context.countries
                top = max(dict.fromkeys(seen), key=lambda c: (seen.count(c), max(i for i, x in enumerate(seen) if x == c)))
                countries = [top]
                rule = "context.title.document"
                note(f"'{text}' is a titled person; takes {top}, the state most named earlier in the article")
        if not countries:
            m = Mention(text, None, None, sector, start, end, "unresolved.titled" if named_titled else "unresolved", None)
            note(f"'{text}': {'sector ' + sector if sector else 'no sector'} but no country; unresolved")
            coref.register(sent, m, ph, kind="person" if is_person else kind, number=number)
            return [m]
        rule = rule or ("compose.adjective+sector" if sector else "kb.country")
        mentions = []
        for country in countries[:4]:
            sec = None if country.startswith(("IGO", "NGO", "IMG")) and sector in ("GOV",) else sector
            if country.startswith(("IGO", "NGO")) and sec and (not _head_in(ph, "sector")
                                                             or (country.startswith("NGO") and sec in ("OPP", "CVL"))):
                sec = None  # "Greenpeace activists" are Greenpeace, not an opposition inside it
            code = country + (sec or "")
            mentions.append(Mention(text, code, country, sec, start, end, rule, name))
            note(f"'{text}' -> {code} ({rule})")
        for m in mentions[:1]:
            coref.register(sent, m, ph, kind="person" if is_person else kind, number=number if len(mentions) == 1 else "plur")
        return mentions


def _fill_titled(mentions: list[Mention], head_of: dict[int, Any], coref: Any, why: list[str] | None) -> list[Mention]:
    """Titled people still without a country take the one state the sentence's other actors share, leaving out
    actors that are arguments of the same verb (a counterpart: "Sen. X met French President Macron" stays
    unresolved, "Gov. X criticized the plan announced by President Trump" -> USAGOV)."""
    out = []
    for m in mentions:
        head = head_of.get(id(m))
        if m.code is None and m.rule == "unresolved.titled" and m.sector and head is not None:
            verb = _governing_verb(head)
            states = {o.country for o in mentions if o.code and o.country and not o.country.startswith(NON_STATE)
                      and not o.rule.startswith("place.")
                      and (head_of.get(id(o)) is None or _governing_verb(head_of[id(o)]).i != verb.i)}
            if len(states) != 1:
                out.append(m)
                continue
            country = next(iter(states))
            new = Mention(m.text, country + m.sector, country, m.sector, m.start, m.end, "context.title.sentence", m.name)
            for ent in coref.entities:
                if ent.mention is m:
                    ent.mention = new
            if why is not None:
                why.append(f"'{m.text}' is a titled person; takes {country} from the other actors in the sentence")
            m = new
        out.append(m)
    return out


def _governing_verb(tok: Any) -> Any:
    """The verb whose argument a phrase head is (climbing through conjuncts and prepositions)."""
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and seen < 8:
        tok = tok.head
        seen += 1
    return tok


def _named_countries(hits: list[Hit]) -> list[tuple[str, int]]:
    """States named in a sentence by name, adjective, demonym or capital: (iso3, token index)."""
    return [(h.best.country, h.start) for h in hits
            if h.best.kind in ("country", "capital") and h.best.country and not h.best.country.startswith(NON_STATE)]


class _Context:
    """Locations seen so far in the document, for groups with no country of their own."""

    def __init__(self) -> None:
        self.recent: list[str] = []
        self.countries: list[str] = []  # every state named so far in earlier sentences, in order
        self.sentence_countries: list[tuple[str, int]] = []  # states named in the current sentence

    def see(self, locations: list[tuple[str, int]]) -> None:
        self.recent += [c for c, _ in locations]

    def nearest(self, locations: list[tuple[str, int]], i: int) -> tuple[str, str] | None:
        if locations:
            country = min(locations, key=lambda x: abs(x[1] - i))[0]
            return country, "sentence"
        if self.recent:
            return self.recent[-1], "document"
        return None

    def nearest_country(self, i: int) -> tuple[str, str] | None:
        """The state named nearest to token ``i`` in this sentence, else the last one named before it."""
        if self.sentence_countries:
            return min(self.sentence_countries, key=lambda x: abs(x[1] - i))[0], "sentence"
        if self.countries:
            return self.countries[-1], "document"
        return None


_PRONOUNS = {"he", "him", "she", "her", "they", "them", "it"}


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


def _is_place(ph: Phrase) -> bool:
    head = ph.head
    places = all(h.best.kind in ("country", "capital", "city") and h.best.form != "adjective" for h in ph.hits)
    return bool(ph.hits) and places and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


def _head_in(ph: Phrase, kind: str) -> bool:
    return any(h.start <= ph.head.i < h.end and h.best.kind == kind for h in ph.hits)


def _has_person_title(tok: Any) -> bool:
    return any(c.lower_ in PERSON_TITLES for c in tok.lefts)


def _titled_name(ph: Phrase) -> bool:
    """A proper name carrying a person role word ("Kremlin aide Yuri Ushakov"): a person even without NER."""
    head = ph.head
    if head.pos_ != "PROPN" or any(h.start <= head.i < h.end for h in ph.hits):
        return False
    return any(h.best.kind == "sector" and h.best.form == "person" for h in ph.hits)


def _stated_title(strong: list[tuple[int, Target]], weak: list[tuple[int, Target]], tokens: Any) -> str | None:
    """The sector of an office the mention itself names ("Assistant Secretary of State Victoria Nuland"),
    unless the mention marks it as past ("former", "ex-", "then-", "the late")."""
    if _marked_past(strong, weak, tokens):
        return None
    if not any(t.sector and t.form == "person" for _, t in strong + weak):
        return None  # a body word alone ("army") is no office of this person
    pool = [(d, t) for d, t in strong if t.sector] or [(d, t) for d, t in weak if t.sector]
    return min(pool, key=lambda x: x[0])[1].sector if pool else None


def _marked_past(strong: list[tuple[int, Target]], weak: list[tuple[int, Target]], tokens: Any) -> bool:
    """Whether the mention says its office is past: "former", "ex-", "then-", "the late", a former-holder word."""
    if any(tok.lower_ in PAST_MARKERS or tok.lower_.startswith(("ex-", "then-")) for tok in tokens):
        return True
    return any(t.sector == FORMER for _, t in strong + weak)


def _role_current(role: Any, day: str | None) -> bool:
    """Whether the table's role is a dated one that covers the article's day."""
    if role is None or day is None:
        return role is not None and role.sector != FORMER
    return bool(role.start or role.end) and role.covers(day) and role.sector != FORMER


def _extent(ph: Phrase, span: Any, heads: set[int] = frozenset()) -> tuple[int, int]:  # type: ignore[assignment]
    """First and last token of the actor phrase: the head, its left modifiers, appositions and own hits;
    a left modifier that heads another actor phrase (a misparsed first conjunct) is not part of it."""
    head = ph.head
    lo = hi = head.i
    for child in head.lefts:
        if child.i in heads and child.i != head.i:
            lo = max(lo, child.right_edge.i + 1)
            continue
        if child.dep_ in LEFT_DEPS:
            lo = min(lo, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in ("appos", "flat", "compound") or (child.dep_ == "punct" and child.i == head.i + 1 and any(c.dep_ == "appos" for c in head.rights)):
            hi = max(hi, child.right_edge.i if child.dep_ == "appos" else child.i)
    for h in ph.hits:
        lo, hi = min(lo, h.start), max(hi, h.end - 1)
    lo, hi = max(lo, span.start), min(hi, span.end - 1)
    while hi > lo and span.doc[hi].is_punct:
        hi -= 1
    return lo, hi


def _describe(t: Target) -> str:
    if t.kind == "sector":
        return f"sector word -> {t.sector or 'none'} ({t.strength} {t.form})"
    if t.kind in ("person", "user"):
        return f"person {t.label}" + (" (user file)" if t.kind == "user" else "")
    if t.kind == "country":
        return f"{t.form} of {t.country}"
    return f"{t.label} -> {t.country}{t.sector or ''}"


@lru_cache(maxsize=8)
def get_resolver(settings: Settings | None = None) -> ActorResolver:
    """The resolver for these settings; built once, loads its data on first use."""
    return ActorResolver(settings or Settings())


def reset_cache() -> None:
    """Forget cached resolvers (after the user's actor file changes)."""
    get_resolver.cache_clear()


__all__ = ["ActorResolver", "Lookup", "NAME", "get_resolver", "reset_cache"]
