"""Sources and targets: which actor mentions fill an event's slots, and what kind of actor each is.

The source is the head's subject (the ``by`` agent in the passive, the possessor or adjective for a
nominal event); the target is the pattern's ``{T}`` slot, else the direct object, else a
prepositional object, else the passive subject. A slot is filled by the mentions that cover its
word, or failing that the first one inside its phrase, conjuncts included.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tealeaves.actors.dateline import dateline_length, dateline_places
from tealeaves.coding import lexicon, places, syntax
from tealeaves.models import Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token


# ---- mentions for a word ----------------------------------------------------------------------
def usable(m: Mention) -> bool:
    """An actor the coder can use: a code, or at least a role ("police", sector COP) without a country."""
    return bool(m.code or m.sector)


def mentions_for(tok: Token | None, sent: Sentence, mentions: tuple[Mention, ...]) -> list[Mention]:
    """Coded mentions that cover ``tok`` or, failing that, sit inside its phrase; conjuncts included."""
    if tok is None:
        return []
    tok = _past_dateline(tok, sent, mentions)
    found: list[Mention] = []
    heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
    # a list the parser folded into a modifier, "(Amnesty International and Human Rights) Watch":
    # each listed item is an actor of its own
    folded = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and any(g.dep_ == "conj" for g in c.children)]
    for c in folded:
        heads[:0] = [c] + [g for g in c.conjuncts if g.i > c.i and g.i < tok.i]
    for h in heads:
        off = sent.offset(h)
        hits = [m for m in mentions if usable(m) and m.start <= off < m.end and m.rule != "place.modifier"]
        if not hits:
            lo = sent.offset(h.doc[h.left_edge.i])
            hi = sent.offset(h.doc[h.right_edge.i]) + len(h.doc[h.right_edge.i].text)
            # a place inside a happening's phrase says where, not who: "a blast in China", "Baghdad car bombs"
            where = ("place.",) if happening(h) else ("place.modifier",)
            told = _told_about(h, sent)
            inside = [m for m in mentions if usable(m) and lo <= m.start and m.end <= hi and not m.rule.startswith(where)
                      and not any(a <= m.start < b for a, b in told)]
            hits = inside[:1]
        if not hits and h.i == tok.i:
            owner = _taken_from(h)
            hits = mentions_for(owner, sent, mentions)[:1] if owner is not None else []
        for m in [*hits, *_listed_owners(h, hits, sent, mentions)]:
            if m not in found:
                found.append(m)
    return found


def _taken_from(thing: Token) -> Token | None:
    """"Police confiscated explosives from Chechen rebels": a thing taken that is no actor stands for the one it
    was taken from, the object of the verb's "from" (or of the thing's own "from", as the parser may hang it)."""
    verb = thing.head
    if thing.dep_ != "dobj" or verb.lemma_.lower() not in lexicon.words("dispossessing_verb"):
        return None
    prep = next((c for c in [*verb.children, *thing.children] if c.dep_ == "prep" and c.lower_ == "from"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _told_about(head: Token, sent: Sentence) -> list[tuple[int, int]]:
    """Offsets of the clauses that say something about a noun ("a man suspected of helping Saddam
    Hussein", "a cleric who is wanted in the United States"): the actors named there are others, not
    the noun's own side. A participle of belonging ("gunmen linked to al-Qaeda") says whose the noun
    is, and stays, and so do content clauses ("allegations that X was abused", "attempts to force X")
    and "-ing" participles ("a convoy carrying X"), which name the ones the noun is about."""
    spans = []
    for c in head.children:
        if c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in lexicon.words("belonging_verb")
                                  and not any(g.dep_ in ("mark", "nsubj", "nsubjpass", "aux", "auxpass") for g in c.children)):
            first, last = c.doc[c.left_edge.i], c.doc[c.right_edge.i]
            spans.append((sent.offset(first), sent.offset(last) + len(last.text)))
    return spans


def happening(tok: Token) -> bool:
    """A noun for a happening rather than an actor: a weapon or attack, a disaster, a war."""
    return lexicon.happening_noun(tok)


def _listed_owners(h: Token, hits: list[Mention], sent: Sentence, mentions: tuple[Mention, ...]) -> list[Mention]:
    """"The foreign ministers of India and Pakistan": one role of each listed state, each an actor
    of its own (INDGOV, PAKGOV), where the phrase's mention took the first state's country only."""
    of = syntax.prep_object(h, "of")
    if of is None or not of.conjuncts or len(hits) != 1 or not hits[0].sector:
        return []
    role = hits[0]
    out = []
    for conj in (c for c in of.conjuncts if c.i > of.i):
        off = sent.offset(conj)
        for m in (m for m in mentions if usable(m) and m.start <= off < m.end):
            country, sector = m.country, role.sector
            if country is None or sector is None:
                continue
            own = m.sector is None and (m.code or "").upper() == country.upper()
            out.append(replace(m, code=country + sector, sector=sector, rule=m.rule + " +listed role") if own else m)
    return out


def _past_dateline(tok: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> Token:
    """The parser often takes a dateline's city for the subject ("NAJAF, Iraq - Iraq's top cleric
    returned ..." has two subjects): a dateline never acts, so the same-role word after it stands in."""
    span = tok.doc[tok.sent.start:tok.sent.end] if tok.sent is not None else None
    if span is None or tok.i > span.start + 12 or any(usable(m) and m.start <= sent.offset(tok) < m.end for m in mentions):
        return tok
    end = span.start_char + dateline_length(span.text)
    if tok.idx >= end:
        return tok
    later = [c for c in tok.head.children if c.dep_ == tok.dep_ and c.idx >= end]
    return later[0] if later else tok


def names_actor(tok: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> bool:
    """True when an actor mention covers ``tok`` itself (or one of its conjuncts), not just its phrase."""
    offs = [sent.offset(h) for h in (tok, *tok.conjuncts)]
    return any(usable(m) and m.start <= off < m.end for m in mentions for off in offs)


def actor_spans(sent: Sentence, actors: list[Mention | None]) -> list[tuple[int, int]]:
    """The actors' offsets in the spaCy doc of the sentence (for the geocoder to leave alone)."""
    shift = sent.span.start_char - sent.start
    return [(m.start + shift, m.end + shift) for m in actors if m is not None]


# ---- what kind of actor -----------------------------------------------------------------------
def coded(m: Mention | None) -> bool:
    """An actor who can be the source of a statement or other verbal act: a code, a country, or a political role."""
    return m is not None and bool(m.code or m.country or (m.sector or "").upper() in lexicon.words("political_sector"))


def state_force(m: Mention | None) -> bool:
    """A state's armed force or government as actor: "Israeli troops", "the Syrian government", "Israel"."""
    if m is None or not m.country:
        return False
    sector = (m.sector or "").upper()
    return sector in lexicon.words("state_force_sector") or (not sector and (m.code or "").upper() == m.country.upper())


def state_actor(m: Mention | None) -> bool:
    """A country or one of its political bodies (not its businesses or people)."""
    if m is None or not m.country:
        return False
    sector = (m.sector or "").upper()
    return sector in lexicon.words("political_sector") or (not sector and (m.code or "").upper() == m.country.upper())


def political(m: Mention | None) -> bool:
    """A speaker whose word about violence is a claim, not a news report: an actor of a known
    country that is not the news media ("the ministry" of no stated country stays a reporter)."""
    if m is None or not m.country:
        return False
    return (m.sector or "").upper() != "MED" and not (m.code or "").upper().endswith("MED")


def place(m: Mention) -> bool:
    """A place the resolver found after "in", "at" ("talks in Moscow"): the state, not a party."""
    return m.rule.startswith("place.")


def same_actor(a: Mention, b: Mention) -> bool:
    """Two mentions of one actor (by code, else role, and country): no event between them."""
    return (a.code or a.sector, a.country) == (b.code or b.sector, b.country)


# ---- sources ----------------------------------------------------------------------------------
def nominal_source(head: Token) -> Token | None:
    """Who acts in a nominal event: "Russia's invasion", "the expulsion by Washington", "Israeli shelling"."""
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is not None and poss.pos_ != "PRON":
        return poss
    # "the expulsion of diplomats by Washington": the parser often hangs "by" on the last noun
    for c, _ in syntax.children(head):
        if c.dep_ == "prep" and c.lower_ == "by":
            return syntax.child(c, "pobj")
    own = next((c for c in head.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")), None)
    if own is None:  # "Israeli tank shelling": the nationality sits on the weapon that modifies the act
        own = next((c for c in head.children if c.dep_ == "compound" and any(t.ent_type_ in ("NORP", "GPE") for t in c.subtree)), None)
    if own is not None:
        return own
    gov = head.head
    if (head.dep_ == "pobj" and gov.dep_ == "prep" and gov.head.dep_ == "acomp"
            and gov.head.lemma_.lower() in lexicon.words("responsible_adjective")):
        # "the group is responsible for mass killings"
        return syntax.subject(gov.head.head)
    if head.dep_ in ("dobj",) and gov.lemma_.lower() in lexicon.words("support_verb"):
        # "Russia launched an offensive"
        return syntax.subject(gov)
    if head.dep_ == "pobj" and gov.head.lemma_.lower() in lexicon.words("operation_verb") and gov.head.i != gov.i:
        return syntax.subject(gov.head)
    if (head.dep_ == "pobj" and gov.head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lexicon.words("meeting_noun")
            and (gov.lower_ in lexicon.words("time_after_prep") or gov.lower_ in lexicon.words("meeting_prep"))):
        # "after talks with Syria, Abbas flew to Amman", "Wen said in his meeting with Aziz", "at a news
        # conference with Blair, Bush said": who held the talks is the clause's subject
        return syntax.subject(gov.head) or poss
    return poss  # "his visit to Y": the pronoun, for the coder to resolve or leave


def means_of(head: Token) -> Token | None:
    """The means of a passive violent verb: "killed in police firing" -> firing; through a word
    that only counts them, "killed in a series of US air strikes" -> strikes."""
    means = lexicon.words("means_noun")
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in lexicon.words("means_prep")):
        for noun in (g for g in prep.children if g.dep_ in ("pobj", "pcomp")):
            if noun.lemma_.lower() in lexicon.words("series_noun"):
                noun = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj"), noun)
            if noun.lemma_.lower() in means:
                return noun
    return None


def agent_of_means(head: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> list[Mention]:
    """Actors named on the means of a passive violent verb: "killed in police firing" -> police;
    a city named on it is where it struck, not who struck ("killed in a Baghdad rocket attack")."""
    noun = means_of(head)
    if noun is None or weapon_place(noun, sent, mentions) is not None:
        return []
    for mod in (t for t in noun.subtree if t.i < noun.i):
        found = mentions_for(mod, sent, mentions)
        if found:
            return found
    return []


def instrument(tok: Token | None) -> str | None:
    """The code a weapon or attack noun gives its event, "" when it gives none of its own, None
    when ``tok`` names no weapon: "a car bomb" 1832, "a suicide bombing" 1831, "an air strike" 195,
    "a mortar attack" "". A weapon is never the one who acts: "A bomb killed five" names no agent."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    nouns = lexicon.notes("instrument_noun")
    lemma = tok.lemma_.lower()
    if lemma not in nouns:
        # "mortar rounds", "rocket fire": the weapon is the modifier
        lemma = next((c.lemma_.lower() for c in tok.children if c.dep_ == "compound" and c.lemma_.lower() in nouns), "")
        if not lemma:
            return None
    code = nouns[lemma]
    left = [part for t in tok.subtree if t.i < tok.i for part in {t.lemma_.lower(), *t.lower_.split("-")}]
    if not code and any(nouns.get(w, "").startswith("183") for w in left):
        code = "183"  # "a car bomb attack": a bombing
    # "suicide car bombing" is first a suicide bombing; "air strike" an aerial attack
    kinds = sorted(k for w in left if (k := lexicon.notes("instrument_modifier").get(w)))
    for kind in kinds:
        if (kind.startswith("183") and code in ("", "183")) or (kind == "195" and code == ""):
            return kind
    return code


def instrument_agents(tok: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> list[Mention]:
    """The actor named on a weapon's left, "a US air strike" -> USA; what follows it ("an attack on
    a mosque in Kufa") is where it struck, never who struck."""
    if weapon_place(tok, sent, mentions) is not None:
        return []  # "a Kabul suicide bombing", "Baghdad car bombs": the city is where it struck, not who
    for mod in (t for t in tok.subtree if t.i < tok.i):
        found = mentions_for(mod, sent, mentions)
        if found:
            return found
    return []


def weapon_place(tok: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> Mention | None:
    """The state of the city named on a weapon ("a Baghdad car bomb" -> IRQ), when a city is all
    that is named on it."""
    left = [t for t in tok.subtree if t.i < tok.i]
    if any(_names_group(t, sent, mentions) for t in left):
        return None  # "a Hamas suicide bombing": a group named on it is who struck (not the city Hamm)
    named = [(t, _place(t)) for t in left if t.ent_type_ == "NORP" or (t.pos_ == "PROPN" and _place(t) is not None)]
    if not named or not all(p is not None and p.kind == "city" and t.dep_ == "compound" for t, p in named):
        return None
    t, p = named[0]
    if p is None:
        return None
    off = sent.offset(t)
    return Mention(t.text, p.country, p.country, None, off, off + len(t.text), "place.weapon", None)


def _names_group(tok: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> bool:
    """``tok`` lies in a mention the knowledge base knows as an organization or a person."""
    off = sent.offset(tok)
    return any(m.start <= off < m.end and m.rule.startswith(("kb.org", "kb.person")) for m in mentions)


def _place(tok: Token) -> places.Place | None:
    """The place a proper name stands for (the whole name of a place entity: "Gaza City")."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ in ("GPE", "LOC", "FAC")), None)
    return places.lookup(ent.text if ent is not None else tok.text)


def place_country(head: Token, sent: Sentence, mentions: tuple[Mention, ...], within: Token | None = None) -> Mention | None:
    """The country of the place an attack happened ("exploded in the northern city of Mosul",
    "near a convoy in western Baghdad", "a police convoy in Kandahar"): unnamed victims are people
    of that place."""
    tops = [head] + ([head.head] if head.dep_ == "advcl" and head.head.i != head.i else [])
    preps = [c for top in tops for c in top.children if c.dep_ == "prep" and c.lower_ in lexicon.words("place_prep")]
    if within is not None:
        # not a place a clause on the target tells of ("a cleric wanted in the United States")
        told = _told_about(within, sent)
        preps += [t for t in within.subtree if t.dep_ == "prep" and t.lower_ in lexicon.words("place_prep")
                  and not any(a <= sent.offset(t) < b for a, b in told)]
    for prep in preps:
        for tok in prep.subtree:
            if tok.ent_type_ not in ("GPE", "LOC") and tok.dep_ != "pobj":
                continue
            if _beyond_a_border(tok):
                continue  # "near the border with Afghanistan" is not in Afghanistan
            found = [m for m in mentions_for(tok, sent, mentions) if m.country and not m.sector
                     and not any(_beyond_a_border(t) for t in tok.subtree if m.start <= sent.offset(t) < m.end)]
            if found:
                return found[0]
            site = _city_on_a_site(tok, sent)
            if site is not None:
                return site
    return None


def _beyond_a_border(tok: Token) -> bool:
    """``tok`` is the state across a border or frontier ("near the border with Afghanistan")."""
    prep = tok.head if tok.dep_ == "pobj" else None
    while prep is not None and prep.dep_ != "prep" and prep.head.i != prep.i:
        prep = prep.head
    return (prep is not None and prep.lower_ == "with" and prep.head.pos_ == "NOUN"
            and prep.head.lemma_.lower() in lexicon.words("border_noun"))


def _city_on_a_site(tok: Token, sent: Sentence) -> Mention | None:
    """A city named on the site an attack struck, which the actor finder leaves alone ("in a
    crowded Tel Aviv market", "at a Baghdad police station"): the site is in its state."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ == "GPE"), None)
    if ent is None or ent.root.dep_ not in ("compound", "nmod") or ent.root.head.pos_ != "NOUN":
        return None
    p = _place(tok)
    if p is None or p.kind != "city":
        return None
    off = sent.offset(tok.doc[ent.start])
    return Mention(ent.text, p.country, p.country, None, off, off + len(ent.text), "place.site", None)


def struck_site(head: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> Mention | None:
    """The country of a site a weapon struck that is named by what it is, not by a place name:
    "bombs exploded in two Buenos Aires banks" (ARG), "a grenade went off outside a Turkish school"."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in lexicon.words("place_prep")):
        site = syntax.child(prep, "pobj")
        # a site (banks, a school, a consulate), not a place or a capital standing for its government
        found = [m for m in mentions_for(site, sent, mentions)
                 if m.country and m.sector and not m.rule.startswith(("metonym", "place."))] if site is not None else []
        if found:
            return found[0]
    return None


def of_place(targets: tuple[Mention, ...], place: Mention | None) -> tuple[Mention, ...]:
    """Victims of no stated country take the country of the place they were struck ("four officers"
    in Kandahar are AFGCOP); with no victim named, the place's people are."""
    if place is None or any(t.country for t in targets):
        return targets
    if not targets:
        return (place,)
    return tuple(replace(t, country=place.country, code=f"{place.country}{t.sector or ''}", rule=t.rule + " +place")
                 for t in targets)


def accuser(denial: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> list[Mention]:
    """Who made the accusation a denial verb answers: the owner of the accusation denied ("denied
    Israeli charges", "rejected accusations by the US"), else the subject of the accusing verb the
    denial hangs under ("Turkey accused Greece of arming the islands, a charge Athens denied")."""
    nouns = lexicon.words("accusation_noun")
    owned = [c for c in denial.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in nouns]
    if denial.dep_ in ("relcl", "acl") and denial.head.lemma_.lower() in nouns:
        owned.append(denial.head)
    for noun in owned:
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                found = mentions_for(c, sent, mentions)
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                found = mentions_for(syntax.child(c, "pobj"), sent, mentions)
            else:
                continue
            if found:
                return found
    fronted = next((c for c in denial.children if c.dep_ == "ccomp" and c.i < denial.i
                    and c.lemma_.lower() in lexicon.words("accusing_verb")), None)
    if fronted is not None:  # the parser's "[Israel accused Syria of ...], a charge Damascus denied"
        return mentions_for(syntax.subject(fronted), sent, mentions)
    if denial.dep_ not in ("relcl", "acl", "advcl", "conj", "parataxis"):
        return []
    tok = denial
    for _ in range(8):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.words("accusing_verb"):
            return mentions_for(syntax.subject(tok), sent, mentions)
    return []


# ---- targets ----------------------------------------------------------------------------------
def target_candidates(head: Token, depth: int = 0) -> Iterator[Token]:
    """Where a target may sit, best first: object, passive subject, prepositional object, complement."""
    for c in head.children:
        if c.dep_ in ("dobj", "dative"):
            yield c
    if syntax.is_passive(head):
        victim = syntax.patient(head)  # "Four soldiers killed in ambush": the soldiers, never the source
        if victim is not None:
            yield victim
    if syntax.reduced_passive(head):
        yield head.head
    preps = lexicon.words("target_prep")
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = syntax.child(c, "pobj")
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                yield obj
    # "threatened to use force against Kyiv": the target sits in the verb's complement
    xcomp = syntax.child(head, "xcomp")
    if xcomp is not None and not depth:
        yield from target_candidates(xcomp, depth + 1)
    # "a bomb exploded near the market, killing three soldiers": the victims are what it struck
    for c in head.children:
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in lexicon.words("harm_verb") and not depth:
            yield from (g for g in c.children if g.dep_ == "dobj")


def default_targets(head: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> tuple[Token | None, list[Mention]]:
    """The first target candidate that holds an actor ("launched missiles at the government")."""
    first = None
    for tok in target_candidates(head):
        first = first if first is not None else tok
        found = mentions_for(tok, sent, mentions)
        if found:
            return tok, found
    return first, []


def dateline_country(sent: Sentence) -> Mention | None:
    """The state a sentence was filed from, when it opens with a dateline ("NEW YORK - ",
    "GROZNY, Russia (Reuters) - "): never an actor, but the place where what it tells happened
    when the sentence names no other."""
    length = dateline_length(sent.text)
    if not length:
        return None
    found = [p for p in (places.lookup(n) for n in dateline_places(sent.text[:length])) if p is not None]
    if not found:
        return None
    country = found[-1].country  # "GROZNY, Russia": the country after the city says it best
    return Mention(sent.text[:length].strip(), country, country, None, sent.start, sent.start + length, "place.dateline", None)


def protest_place(head: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> list[Mention]:
    """The country of the place named with "in" on a protest ("staged a protest in Beijing"), or
    on the gathering it is the purpose of ("rallied in Nairobi to protest")."""
    tops = [head] + ([head.head] if head.dep_ == "advcl" and head.head.lemma_.lower() in lexicon.words("gathering_verb") else [])
    for prep in (c for top in tops for c in top.children if c.dep_ == "prep" and c.lower_ == "in"):
        for obj in (g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")):
            found = [m for m in mentions_for(obj, sent, mentions) if m.country and not m.sector]
            if found:
                return found[:1]
    return []
