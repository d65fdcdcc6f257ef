"""Compose: one actor phrase (a head and the KB evidence attached to it) becomes its Mentions.

The steps, in order:
  place    a place named after "in", "at" ... ("talks in Moscow") is the state, never an actor of it;
  person   a known person takes the country and sector of the role dated on the article's day, unless
           the mention states a current title the table does not cover;
  title    a title or body word gives the sector ("foreign minister" -> GOV, "former" -> ELI);
  context  a group with no country of its own takes one from the possessor it refers back to, an
           earlier mention, the state the story is about or a location nearby; once the whole document
           is resolved, a headline's bare group word takes the group the lead names (``fill_headline``)
           and an unnamed role word still without one takes the state of a story that names only one
           (``fill_one_state``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tealeaves.actors.coref import Coref
from tealeaves.actors.kb import FORMER, NON_STATE_PREFIXES as NON_STATE, Hit, KnowledgeBase, Role, Target
from tealeaves.models import Mention, Sentence

LEFT_DEPS = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "flat", "punct", "cc", "conj", "advmod"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "through", "around", "into", "within"}
RELATIONAL = {"partner", "ally", "neighbour", "neighbor", "counterpart", "rival", "enemy", "opponent", "adversary", "foe", "friend", "critic"}
# groups that take their country from where they are: "rebels" near Falluja, "garment workers" in Dhaka
CONTEXT_SECTORS = {"REB", "OPP", "COP", "CVL", "CRM", "MIL", "REF", "LAB", "AGR", "EDU"}
PAST_MARKERS = {"former", "ex", "then", "late", "retired", "onetime", "one-time", "erstwhile"}
TITLE_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}  # offices that a title alone states
PERSON_TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lady", "lord", "madam"}

Note = Callable[[str], None]


@dataclass
class Phrase:
    """An actor phrase under construction: its head token and the evidence attached to it."""

    head: Any
    hits: list[Hit] = field(default_factory=list)
    via_prep: list[Hit] = field(default_factory=list)  # "the foreign minister of Iran"
    poss_pronoun: Any = None  # "its army"
    tokens: set[int] = field(default_factory=set)


class Context:
    """Locations and states seen so far in the document, for groups with no country of their own."""

    def __init__(self) -> None:
        self.recent: list[str] = []
        self.countries: list[str] = []  # every state named so far in earlier sentences, in order
        self.sentence_countries: list[tuple[str, int]] = []  # states named in the current sentence
        self.first_token = 0  # where the current sentence's actors may begin (after a dateline)
        self.unplaced: list[Mention] = []  # unnamed groups and office holders left without a country
        self.dateline: str | None = None  # the state of the dateline the reporter filed from, if any

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


@dataclass
class _Evidence:
    """What a phrase's own hits say, before any context is asked."""

    countries: list[str]
    sector: str | None
    name: str | None
    rule: str
    strong: list[tuple[int, Target]]  # title and body words by distance from the head
    weak: list[tuple[int, Target]]
    kind: str  # the form of the sector word heading the phrase: person, group or body


@dataclass(frozen=True)
class _Where:
    """The phrase's text and its offsets in the cleaned document."""

    tokens: Any  # the spaCy Span of the whole phrase
    start: int
    end: int

    @property
    def text(self) -> str:
        return str(self.tokens.text)


def compose(kb: KnowledgeBase, sent: Sentence, ph: Phrase, day: str | None, context: Context,
            locations: list[tuple[str, int]], coref: Coref, why: list[str] | None, heads: set[int]) -> list[Mention]:
    """The mentions one phrase makes (several for "Turkish and Azerbaijani troops"), or none."""
    span = sent.span
    doc = span.doc
    start_i, end_i = extent(ph, span, heads, context.first_token)
    at = _Where(doc[start_i:end_i + 1], sent.offset(doc[start_i]), sent.offset(doc[end_i]) + len(doc[end_i].text))
    note: Note = why.append if why is not None else (lambda _m: None)

    if is_place(ph):
        # "talks in Moscow": a place, so the state (RUS), never its government; the coder may use it for visits
        country = ph.hits[0].best.country or ""
        note(f"'{at.text}' is a place (object of '{ph.head.head.text}') -> {country}")
        return [Mention(at.text, country, country, None, at.start, at.end, "place.locative", ph.hits[0].best.label)]
    if is_scene(ph):
        # "Morocco mosque collapse", "Baghdad car bombs", "an Iraq mortar attack": a happening and
        # where it happened, so the place only (the coder never takes it for the one who acted)
        hit = ph.hits[0]
        where = doc[hit.start:hit.end]
        country = hit.best.country or ""
        note(f"'{at.text}' is a happening; '{where.text}' only says where -> {country}")
        return [Mention(where.text, country, country, None, sent.offset(where[0]), sent.offset(where[-1]) + len(where[-1].text),
                        "place.modifier", hit.best.label)]
    ev = _evidence(ph)
    person = next((h for h in ph.hits if h.best.kind in ("user", "person")), None)
    if person is not None:
        m = _person(kb, sent, ph, person.best, ev, day, coref, note, at)
        if m is not None:
            return [m]
    return _group(sent, ph, ev, context, locations, coref, why, note, at)


def _evidence(ph: Phrase) -> _Evidence:
    ev = _Evidence([], None, None, "", [], [], "body")
    for h in ph.hits + _foreign_free(ph):
        t = h.best
        own = h.start <= ph.head.i < h.end
        if t.kind in ("country", "capital", "city") and t.country:
            if t.country not in ev.countries:
                ev.countries.append(t.country)
            if t.kind == "capital" and own:
                ev.sector = ev.sector or "GOV"
                ev.rule = ev.rule or "metonym.capital"
        elif t.kind in ("org", "metonym") and t.country:
            if own or not ev.countries:
                if t.country not in ev.countries:
                    ev.countries.insert(0, t.country)
                ev.sector = t.sector if (own or ev.sector is None) else ev.sector
                ev.name = t.label
                ev.rule = ev.rule or f"kb.{t.kind}"
            elif t.country not in ev.countries:
                ev.countries.append(t.country)
        elif t.kind == "sector":
            dist = abs(ph.head.i - (h.end - 1))
            (ev.strong if t.strength == "strong" else ev.weak if t.strength == "weak" else []).append((dist, t))
            if own:
                ev.kind = t.form
    return ev


def _foreign_free(ph: Phrase) -> list[Hit]:
    """The hits reached through "of/for/from" that may say the phrase's country. One actor is never two
    countries: "Iraqi kidnappers of employees of a Kuwaiti company" are Iraqi, and the company's country
    belongs to the company; "the foreign minister of Iran" has no country of its own, so Iran is it, but
    "its envoy from Peru" is the possessor's."""
    own = any(h.best.kind in ("country", "capital", "city", "org", "metonym") and h.best.country for h in ph.hits)
    # "Chile recalled its envoy from Peru": the possessive says whose envoy; Peru is where the envoy served
    own = own or ph.poss_pronoun is not None
    if not own:
        return ph.via_prep
    return [h for h in ph.via_prep if not (h.best.kind in ("country", "capital", "city", "org", "metonym") and h.best.country)]


# sectors of a state's or an organisation's bodies: "US-Iraqi forces" are two states' together
STATE_BODIES = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO", "NGO"}
# people of a trade, seen with a double nationality beside the lexicon's person nouns
PRIVATE_PEOPLE = frozenset({"doctor", "physician", "nurse", "scholar", "academic", "professor", "scientist", "researcher",
                            "teacher", "writer", "novelist", "poet", "artist", "filmmaker", "cleric", "lawyer", "banker",
                            "blogger", "dissident", "activist", "mother", "father", "husband", "wife", "son", "daughter"})
# states whose people the wire names by ancestry first and citizenship last ("Iranian-American", "Chinese-Canadian")
ANCESTRY_FIRST = {"USA", "CAN", "AUS"}


def _one_nationality(ph: Phrase, countries: list[str], person: bool = False) -> list[str]:
    """A nationality word that is itself the head names one person or group of that nationality: "a
    Chinese-American" is American, "Iraqi-born Britons" are British; "US and Iraqi troops" stay two.
    A hyphenated pair of nationalities is one person of one state (docs/annotation.md): the first, the
    citizenship as the wire writes dual nationals ("a British-Pakistani man" GBR, "a Swedish-Iranian
    doctor" SWE), unless the pair ends in a nationality named by ancestry first ("a Lebanese-American
    contractor" USA). Only a person: "US-Iraqi troops" and "Egyptian-Israeli talks" are two states' together."""
    from tealeaves.coding import lexicon

    head = ph.head
    for h in ph.hits:
        if h.start <= head.i < h.end and h.best.kind == "country" and h.best.form in ("adjective", "demonym") and h.best.country:
            return [h.best.country]
    private_role = head.tag_ == "NN" and any(h.start <= head.i < h.end and h.best.kind == "sector"
                                             and h.best.sector not in STATE_BODIES for h in ph.hits)  # "a scholar"
    if not (person or private_role or head.lemma_.lower() in lexicon.words("person_noun") | PRIVATE_PEOPLE):
        return countries
    doc = head.doc
    nationalities = sorted((h for h in ph.hits if h.best.kind == "country" and h.best.form in ("adjective", "demonym")
                            and h.best.country), key=lambda h: h.start)
    for first, second in zip(nationalities, nationalities[1:]):
        if second.start == first.end + 1 and doc[first.end].text in ("-", "\u2010", "\u2011"):
            one, two = first.best.country or "", second.best.country or ""
            keep, drop = (two, one) if two in ANCESTRY_FIRST else (one, two)
            return [c for c in countries if c != drop] or [keep]
    return countries


def _person(kb: KnowledgeBase, sent: Sentence, ph: Phrase, t: Target, ev: _Evidence, day: str | None,
            coref: Coref, note: Note, at: _Where) -> Mention | None:
    """A known person: the role dated on the article's day, unless the text states a current title."""
    pid = t.person_id or ""
    pcountry, psector, prole, reason = kb.person_code(pid, day)
    note(f"{t.label}: {reason}")
    if not pcountry:
        return None
    country = pcountry
    rule = f"kb.person.{t.kind}"
    stated = _stated_title(ev.strong, ev.weak, at.tokens)
    if stated and not _role_current(prole, day):
        # the article names a current office the table does not cover on its date: trust the text
        psector = stated
        country = next((c for c in ev.countries if not c.startswith(NON_STATE)), country)
        rule = f"kb.person.{t.kind}+stated_title"
        note(f"'{at.text}' states a current title -> {country}{psector}, not the table's role on {day}")
    elif not _role_current(prole, day) and not _marked_past(ev.strong, ev.weak, at.tokens):
        earlier = coref.stated_code(pid)
        if earlier is not None:
            country, psector = earlier
            rule = f"kb.person.{t.kind}+stated_title.coref"
            note(f"'{at.text}': an earlier mention in this document stated a title -> {country}{psector}")
    name = kb.person_name(pid)
    coref.add_person(sent, pid, name, kb.person_gender(pid))
    if rule.endswith("+stated_title"):
        coref.set_stated(pid, country, psector)
    m = Mention(at.text, country + (psector or ""), country, psector, at.start, at.end, rule, name)
    coref.register(sent, m, ph, kind="person", number="sing")
    return m


def _title(ph: Phrase, ev: _Evidence, tokens: Any) -> tuple[str | None, str | None, bool]:
    """(sector, the title's own sector, whether the phrase is a person) from title and body words."""
    sector = ev.sector
    title_sector = None
    if ev.strong:
        title_sector = min(ev.strong, key=lambda x: x[0])[1].sector
    elif ev.weak:
        title_sector = min(ev.weak, key=lambda x: x[0])[1].sector
    if sector is None or (title_sector and ev.rule == "metonym.capital" and not _head_in(ph, "capital")):
        sector = title_sector if title_sector else sector
    if any(t.kind == "sector" and t.sector == FORMER for _, t in ev.strong):
        sector = FORMER
    # a state's name is no person even where the tagger says so ("Jordan recalled its envoy")
    named_state = any(h.start <= ph.head.i < h.end and h.best.kind in ("country", "capital", "org", "metonym") for h in ph.hits)
    is_person = not named_state and (ph.head.ent_type_ == "PERSON" or ev.kind == "person" or _has_person_title(ph.head) or _titled_name(ph))
    if is_person and sector is None and any(tok.lower_ in ("gen.", "col.", "general") for tok in tokens):
        sector = "MIL"
    return sector, title_sector, is_person


def _group(sent: Sentence, ph: Phrase, ev: _Evidence, context: Context, locations: list[tuple[str, int]],
           coref: Coref, why: list[str] | None, note: Note, at: _Where) -> list[Mention]:
    """A group, body or unknown person: its own countries, else one from context."""
    text, start, end = at.text, at.start, at.end
    countries, rule = ev.countries, ev.rule
    sector, title_sector, is_person = _title(ph, ev, at.tokens)
    if len(countries) > 1:
        countries = _one_nationality(ph, countries, ev.kind == "person")
    number = "plur" if (ph.head.tag_ in ("NNS", "NNPS") or ev.kind == "group") else "sing"
    lemma = ph.head.lemma_.lower()

    if sector == "NGO" and not any(h.best.kind == "org" for h in ph.hits + ph.via_prep):
        # an unlisted NGO by its kind ("a Geneva-based rights group"): where it is based is no nationality
        countries = [h.best.country for h in ph.hits if h.best.kind == "country" and h.best.form in ("adjective", "demonym")
                     and h.best.country][:1] or ["NGO"]
        rule = "compose.kind.ngo"
    if lemma in RELATIONAL:
        # "its European partners", "Turkey's allies": the partners are not the possessor
        doc = at.tokens.doc
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
    if not countries and sector is None and not is_person and not ph.hits:
        return []  # a name the KB does not know and nothing in context says it is an actor
    named_titled = is_person and sector in TITLE_SECTORS and bool(title_sector) and ph.head.pos_ == "PROPN"
    if not countries:
        found = _context_country(ph, sector, ev.kind, named_titled, context, locations, note, text)
        if found is not None:
            countries, rule = [found[0]], found[1]
    if not countries:
        m = Mention(text, None, None, sector, start, end, "unresolved.titled" if named_titled else "unresolved", None)
        note(f"'{text}': {'sector ' + sector if sector else 'no sector'} but no country; unresolved")
        if _unnamed_role(ph, sector, at.tokens):
            context.unplaced.append(m)
        coref.register(sent, m, ph, kind="person" if is_person else ev.kind, number=number)
        return [m]
    rule = rule or ("compose.adjective+sector" if sector else "kb.country")
    mentions = []
    for country in countries[:4]:
        sec = None if country.startswith(("IGO", "NGO", "IMG")) and sector in ("GOV", "NGO") else sector
        if country.startswith(("IGO", "NGO")) and sec and (not _head_in(ph, "sector")
                                                         or (country.startswith("NGO") and sec in ("OPP", "CVL"))):
            sec = None  # "Greenpeace activists" are Greenpeace, not an opposition inside it
        code = country + (sec or "")
        mentions.append(Mention(text, code, country, sec, start, end, rule, ev.name))
        note(f"'{text}' -> {code} ({rule})")
    for m in mentions[:1]:
        coref.register(sent, m, ph, kind="person" if is_person else ev.kind, number=number if len(mentions) == 1 else "plur")
    return mentions


def _context_country(ph: Phrase, sector: str | None, kind: str, named_titled: bool, context: Context,
                     locations: list[tuple[str, int]], note: Note, text: str) -> tuple[str, str] | None:
    """(country, rule) for a phrase with no country of its own, from what the document says around it."""
    if sector == "LEG" and kind == "body" and _head_in(ph, "sector"):
        # "the Senate", "parliament", "the Majlis": the legislature of the country the story is about
        loc = context.nearest_country(ph.head.i)
        if loc:
            note(f"'{text}' is a legislature; takes its country from the {loc[1]} mention {loc[0]}")
            return loc[0], f"context.country.{loc[1]}"
    if sector in CONTEXT_SECTORS and kind in ("group", "body") and not _assailant(ph) and not _from_elsewhere(ph):
        loc = context.nearest(locations, ph.head.i)
        if loc:
            note(f"'{text}' takes its country from the {loc[1]} location {loc[0]}")
            return loc[0], f"context.location.{loc[1]}"
    if sector in INSTITUTION_SECTORS and _head_in(ph, "sector") and not _elsewhere_words(ph, context.first_token) \
            and not {ph.head.lemma_.lower(), ph.head.lower_.removesuffix("s")} & PROFESSIONS:
        # "lawmakers in Kenya", "a court in Cairo", "NAIROBI, Kenya - Lawmakers ...": a state's own institution
        # sits where the story places it (the dateline included: a court does not travel with the reporter)
        loc = context.nearest(locations, ph.head.i)
        if loc:
            note(f"'{text}' is a domestic institution; takes its country from the {loc[1]} location {loc[0]}")
            return loc[0], f"context.location.{loc[1]}"
    if sector == "GOV" and kind == "body" and _head_in(ph, "sector") and not _elsewhere_words(ph, context.first_token):
        # "Lawmakers in Kenya accused the government", "NAIROBI, Kenya - Lawmakers accused the government": a
        # bare government in a sentence placed in one state, or under a dateline, is that state's, so long as
        # the sentence names no other state ("CAIRO - Sudanese rebels accused the government" is not Egypt's)
        placed = {c for c, _ in locations} or ({context.dateline} if context.dateline else set())
        named = {c for c, _ in context.sentence_countries}
        if len(placed) == 1 and named <= placed:
            country = next(iter(placed))
            where = "sentence" if locations else "dateline"
            note(f"'{text}' is the government of the state the {where} places the story in: {country}")
            return country, f"context.location.{where}"
    if named_titled and context.countries:
        # "Gov. Phil Murphy", "Sen. X": the title gives the sector; the country comes from the states named
        # in this sentence or earlier in the article, never from a default
        # (states named in the same sentence are often the counterpart: see fill_titled)
        seen = context.countries
        top = max(dict.fromkeys(seen), key=lambda c: (seen.count(c), max(i for i, x in enumerate(seen) if x == c)))
        note(f"'{text}' is a titled person; takes {top}, the state most named earlier in the article")
        return top, "context.title.document"
    return None


def fill_titled(mentions: list[Mention], head_of: dict[int, Any], coref: Coref, why: list[str] | None) -> list[Mention]:
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


def is_place(ph: Phrase) -> bool:
    head = ph.head
    places = all(h.best.kind in ("country", "capital", "city") and h.best.form != "adjective" for h in ph.hits)
    return bool(ph.hits) and places and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


def is_scene(ph: Phrase) -> bool:
    """A happening noun ("collapse", "blast", "attack": ``happening_noun`` and ``instrument_noun`` in
    the lexicon) whose only actor words are place names modifying it. Adjectives ("Israeli air
    strike") and abbreviations used as adjectives ("US air strike") still name who acted, as does a possessive that lost its apostrophe ("Israels raid")."""
    from tealeaves.coding import lexicon

    head = ph.head
    if not ph.hits or not lexicon.happening_noun(head):
        return False
    doc = head.doc
    for h in ph.hits:
        words = doc[h.start:h.end]
        if (h.best.kind not in ("country", "capital", "city") or h.best.form in ("adjective", "possessive") or h.start <= head.i < h.end
                or words.text.replace(".", "").isupper() or any(t.dep_ == "poss" or t.tag_ == "POS" for t in words)):
            return False
    return True


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


def _role_current(role: Role | None, day: str | None) -> bool:
    """Whether the table's role is a dated one that covers the article's day."""
    if role is None or day is None:
        return role is not None and role.sector != FORMER
    return bool(role.start or role.end) and role.covers(day) and role.sector != FORMER


def extent(ph: Phrase, span: Any, heads: set[int], first: int = 0) -> tuple[int, int]:
    """First and last token of the actor phrase: the head, its left modifiers, appositions and own hits;
    a left modifier that heads another actor phrase (a misparsed first conjunct) is not part of it, nor is
    a dateline before ``first`` that the parser hung on it."""
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
    lo, hi = max(lo, span.start, min(first, head.i)), min(hi, span.end - 1)
    while hi > lo and span.doc[hi].is_punct:
        hi -= 1
    return lo, hi


# the sectors an unnamed role word may take a one-state story's country for: not criminals, not NGOs
# (never a state's), and rebels only by a rebel word (unnamed gunmen and attackers stay unknown, as the
# guide leaves them: ``assailant_noun`` in the lexicon)
DOMESTIC_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "CVL", "REF", "LAB", "AGR", "EDU", "BUS", "MED", "PTY", "ELI", "SPY", "REB"}
# words that put a group outside the story's state: "neighbouring governments", "foreign militants"
ELSEWHERE = {"foreign", "neighbouring", "neighboring", "international", "overseas", "western", "regional", "world",
             "global", "other", "outside", "exiled", "visiting", "allied", "rival"}
# words that say a force is not the place's ("foreign warplanes", "allied troops") or that whose it is,
# is not known ("unidentified warplanes"); narrower than ELSEWHERE: "seven other people" are the place's
NOT_THE_PLACES = {"foreign", "overseas", "international", "western", "allied", "neighbouring", "neighboring",
                  "outside", "unidentified", "unknown", "unmarked", "mysterious"}
# people whose office is dealing with other states: an unnamed envoy in a story about Syria is mostly a visitor to it
GO_BETWEENS = {"envoy", "ambassador", "diplomat", "emissary", "mediator", "delegation", "visitor"}


# a state's own institutions, placed where they sit: unlike envoys and ministers they do not travel
INSTITUTION_SECTORS = {"LEG", "JUD"}
# people of a legal trade, not of a state's institution: they serve anyone who hires them
PROFESSIONS = {"lawyer", "attorney", "barrister", "solicitor", "advocate", "counsel"}


def _elsewhere_words(ph: Phrase, first: int = 0) -> bool:
    """"Foreign judges", "neighbouring governments": not the place's own; "the Kufuor administration",
    "the Likud lawmakers": a name the tables do not know may be anyone's."""
    in_hits = {i for h in ph.hits for i in range(h.start, h.end)}
    return any(t.lower_ in ELSEWHERE or t.lower_ in NOT_THE_PLACES or (t.pos_ == "PROPN" and t.i not in in_hits)
               for t in ph.head.lefts if t.i >= first)  # not the dateline the parser hung on the phrase


def _from_elsewhere(ph: Phrase) -> bool:
    """"Foreign warplanes", "unidentified troops": a group its own words say is not the place's, or
    whose side is not known, takes no country from where it is (nor from the dateline)."""
    return any(t.lower_ in NOT_THE_PLACES for t in ph.head.lefts)


def _assailant(ph: Phrase) -> bool:
    """Whether the phrase is an attacker known only by the attack ("gunmen", "assailants", "a suicide
    car bomber"): where the attack happened does not say whose they are (the guide leaves them '---')."""
    from tealeaves.coding import lexicon

    head = ph.head
    lemma = head.lemma_.lower()
    if not (lemma in lexicon.words("assailant_noun") or (lemma == "bomber" and any(t.lower_ == "suicide" for t in head.lefts))):
        return False
    # "Chechen gunmen", "Taliban attackers", "al-Sadr's gunmen": a people or group word names them, and the
    # place may then say which state they fight in
    return not any(t.dep_ == "poss" or t.ent_type_ in ("NORP", "GPE", "ORG") for t in head.lefts)


def _unnamed_role(ph: Phrase, sector: str | None, tokens: Any) -> bool:
    """A phrase headed by a role or body word with no name in it ("lawyers", "a minister", "the
    government", "hundreds of prisoners"): it may take the country of a story about one state. A
    phrase with a name the KB does not know ("the Bush administration", "party leader Ian Paisley")
    may be anyone's, a group said to be from elsewhere ("neighbouring governments") or a go-between
    ("the envoy") is not known to be the state's, and a thing with a role word in it ("a school massacre probe") is no actor."""
    if sector not in DOMESTIC_SECTORS or not _head_in(ph, "sector") or _assailant(ph) or ph.head.lemma_.lower() in GO_BETWEENS:
        return False
    in_hits = {i for h in ph.hits for i in range(h.start, h.end)}
    return not any((t.pos_ == "PROPN" or t.lower_ in ELSEWHERE) and t.i not in in_hits for t in tokens)


def fill_one_state(out: dict[int, tuple[Mention, ...]], context: Context) -> dict[int, tuple[Mention, ...]]:
    """Unnamed groups and office holders left without a country ("lawyers", "a minister", "the
    government", "prisoners") take the state of a story that names only one (as the annotation guide
    has it: context decides the country of an unnamed group). The state must be named twice: once may
    be only what someone spoke about ("criticised the bishops over their views on Kenya"). Any second
    state named, even as a place, leaves them unresolved: the group may be either's. The dateline is no
    evidence (where the reporter filed from), nor are international bodies (their people are named as
    theirs)."""
    if not context.unplaced:
        return out
    named = [m.country for ms in out.values() for m in ms if m.code and m.country and not m.country.startswith(NON_STATE)
             and not m.rule.startswith(("context", "coref"))]  # named in the text, not guessed or referred back to
    if len(set(named)) != 1 or len(named) < 2:
        return out
    country = named[0]
    pending = {id(m) for m in context.unplaced}
    return {k: tuple(Mention(m.text, country + (m.sector or ""), country, m.sector, m.start, m.end, "context.document.one_state", m.name)
                     if id(m) in pending else m for m in ms)
            for k, ms in out.items()}


# a headline's word for the head of government, whom the lead names with a title and a name
HEAD_OF_GOVERNMENT = {"pm", "premier"}


def fill_headline(out: dict[int, tuple[Mention, ...]], headline: set[int]) -> dict[int, tuple[Mention, ...]]:
    """A headline's bare group word ("Troops kill five", "Settlers clash with police") is the group
    the lead names in full ("Indian troops killed ..."): an unresolved headline mention takes the code
    of the lead's resolved mentions with the same last word, when they agree on one. Only group and
    role words: a headline's bare surname is left to the person tables and coreference."""
    lead = [m for k, ms in out.items() if k not in headline for m in ms if m.code and not m.rule.startswith("place.")]
    new = dict(out)
    for k in headline & set(out):
        row = []
        for m in out[k]:
            word = m.text.split()[-1].lower() if m.text.split() else ""
            if m.code is None and m.sector and not m.rule.startswith("pronoun") and word:
                same = {(o.code, o.country, o.sector) for o in lead if o.text.split()[-1].lower() == word}
                if word in HEAD_OF_GOVERNMENT:
                    # "PM backs curfews" over "Prime Minister John Howard said ...": the lead names him in full
                    same = {(o.code, o.country, o.sector) for o in lead
                            if o.sector == "GOV" and any(w in o.text.lower() for w in ("prime minister", "premier"))}
                if len(same) == 1:
                    code, country, sector = next(iter(same))
                    m = Mention(m.text, code, country, sector, m.start, m.end, "coref.headline", m.name)
            row.append(m)
        new[k] = tuple(row)
    return new
