"""Readings of who the sides are: the receiver of a thing, a pact's other party, crowds, mutual acts."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tealeaves import ontology
from tealeaves.coding import arguments, lexicon, places, syntax
from tealeaves.coding.modality import modality_of
from tealeaves.coding.readings.core import Clause, Draft, domestic_code, of_country
from tealeaves.models import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token


def recipient_of_the_thing(d: Draft, c: Clause) -> Draft:
    """"Iran offered asylum to the Afghan general", "Pakistan will provide extra security to Chinese
    engineers": when the verb's object is a thing given, not an actor, the one it goes "to" is the
    target."""
    pat, thing = c.pattern, d.target_token
    if d.targets or pat.nominal or pat.target_after != "" or thing is None or thing.dep_ not in ("dobj", "attr"):
        return d
    to = [k for k in c.head.children if k.dep_ in ("dative", "prep") and k.lower_ == "to"]
    to += [k for k in thing.children if k.dep_ == "prep" and k.lower_ == "to"]
    for prep in to:
        who = syntax.child(prep, "pobj")
        if who is not None and arguments.names_actor(who, c.sent, c.mentions):
            return replace(d, target_token=who, targets=tuple(arguments.mentions_for(who, c.sent, c.mentions)),
                           note=d.note + " | the thing goes to the target")
    return d


def kind_of_aid(d: Draft, c: Clause) -> Draft:
    """"Norway will provide $20 million in humanitarian aid to Sudan", "pledged food aid": the word
    on the aid decides which aid it is, given (070: 071 economic, 072 military, 073 humanitarian) or
    promised (033: 0331, 0332, 0333); a promise then keeps the kind (see ``commitment_code``)."""
    if d.code not in ("070", "033"):
        return d
    aid = next((t for t in (c.head, *c.used) if t.lemma_.lower() in ("aid", "assistance")), None)
    if aid is None:
        return d
    words = {k.lemma_.lower() for k in aid.children if k.dep_ in ("amod", "compound")}
    kinds = ((lexicon.words("humanitarian_aid_word"), "3"), (lexicon.words("economic_aid_word"), "1"),
             (lexicon.words("military_aid_word"), "2"))
    digit = next((n for listed, n in kinds if words & listed), None)
    if digit is None:
        return d
    code = d.code[:2] + digit if d.code == "070" else d.code + digit
    return replace(d, code=code, note=d.note + f" | the kind of aid: {code}")


def gathered_to_protest(d: Draft, c: Clause) -> Draft:
    """"Thousands of Kenyans rallied in Nairobi to protest against the tax", "students gathered
    outside parliament to protest": the purpose infinitive has no subject of its own; those who
    gathered protest, as their gathering is told (asserted, planned ...), and a crowd gathered to
    protest demonstrates (141)."""
    head = c.head
    if (d.code[:2] != "14" or c.pattern.nominal or d.sources or head.dep_ != "advcl"
            or head.head.lemma_.lower() not in lexicon.words("gathering_verb")
            or not any(t.dep_ == "aux" and t.lower_ == "to" for t in head.children)):
        return d
    gov = head.head
    subj = syntax.subject(gov)
    crowd = arguments.mentions_for(subj, c.sent, c.mentions)
    if not crowd:
        return d
    code = "141" if d.code == "140" else d.code
    return replace(d, code=code, sources=tuple(crowd), source_token=subj, modality=modality_of(gov),
                   note=d.note + f" | those who {gov.text} protest")


def receive_from(d: Draft, c: Clause) -> Draft:
    """"Demonstrators received weapons from the government": the government gave them; "Moscow
    faced criticism from Tbilisi": Tbilisi criticised. "Moscow faced criticism" names no critic:
    the subject is the target and the source is left out; so with "received death threats"."""
    if c.pattern.nominal or c.head.lemma_.lower() not in lexicon.words("receiving_verb"):
        return d
    if c.pattern.target_after is None and d.code[:2] in ("11", "13") and d.sources and d.sources[0] is not None:
        return replace(d, source_token=None, target_token=d.source_token, sources=(None,),
                       targets=tuple(m for m in d.sources if m is not None), note=d.note + " | received from no one named")
    if c.pattern.target_after != "from" or not d.targets:
        return d
    return replace(d, source_token=d.target_token, target_token=d.source_token,
                 sources=tuple(d.targets), targets=tuple(m for m in d.sources if m is not None))


def own_people(d: Draft, c: Clause) -> Draft:
    """"An Indonesian court sentenced a militant", "Egyptian police arrested dozens": the people a
    state's police or courts arrest, charge or sentence, whom the text gives no country, are its own."""
    src = next((s for s in d.sources if s is not None), None)
    if (not domestic_code(d.code) or src is None or not src.country or not d.targets or any(t.country for t in d.targets)
            or not (arguments.state_actor(src) or (src.sector or "").upper() in lexicon.words("law_sector"))):
        return d
    return replace(d, targets=tuple(of_country(t, src.country, "held at home") for t in d.targets),
                   note=d.note + f" | people held by their own state ({src.country})")


def object_not_an_actor(d: Draft, c: Clause) -> Draft:
    """"Received assurances from the government": the object is not who is met or helped."""
    pat, tgt = c.pattern, d.target_token
    if (d.code[:2] in ("04", "07") and pat.target_after == "" and not pat.nominal and tgt is not None
            and not pat.words and not arguments.names_actor(tgt, c.sent, c.mentions) and d.targets):
        return replace(d, targets=())
    return d


# talks and fighting: "ratified an agreement with the EU" or "cooperated with Y" may be done by one side
MUTUAL_ROOTS = ("04", "19")


def partner(head: Token) -> Token | None:
    """The other side of an act done together: the object of a "with" or "between" that belongs
    to the act itself, on the head ("clashed with", "talks between") or on its object ("held talks
    with", "fought a gunbattle with"), never on a side ("troops along with police") or a place."""
    owners = [head] + [c for c in head.children if c.dep_ in ("dobj", "attr")]
    for owner in owners:
        for prep in owner.children:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "between"):
                obj = syntax.child(prep, "pobj")
                if obj is not None:
                    return obj
    return None


def party_to_the_pact(d: Draft, c: Clause) -> Draft:
    """"Georgia's move to pull out of the treaty with Russia": a noun of the pattern that names its
    other party ("a treaty with Russia", "the pact with Britain") gives the event its target when
    the verb names none (the with-phrase can hang too deep under the verb for the pattern's {T})."""
    if d.targets:
        return d
    for word in c.used:
        other = syntax.prep_object(word, "with") if word.pos_ in ("NOUN", "PROPN") else None
        found = tuple(arguments.mentions_for(other, c.sent, c.mentions)) if other is not None else ()
        found = tuple(m for m in found if not any(s is not None and arguments.same_actor(s, m) for s in d.sources))
        if found and other is not None:
            return replace(d, targets=found, target_token=other, note=d.note + f" | the {word.text} with '{other.text}' names the other party")
    return d


def own_envoy(d: Draft, c: Clause) -> Draft:
    """"Venezuela withdrew its ambassador from Colombia": a state that recalls, withdraws or summons
    home its own envoy reduces relations (16x) with the state the envoy leaves, named by "from";
    its own envoy (or government) is never the target."""
    if d.code[:2] != "16" or not d.targets or d.target_token is None:
        return d
    own = [t for t in d.targets if any(s is not None and s.country and s.country == t.country for s in d.sources)]
    if len(own) != len(d.targets):
        return d
    # "recalled its ambassador to Israel" names the state it leaves with "to" on the envoy
    left = (syntax.prep_object(c.head, "from") or syntax.prep_object(d.target_token, "from")
            or syntax.prep_object(d.target_token, "to"))
    found = tuple(m for m in arguments.mentions_for(left, c.sent, c.mentions) if m not in own) if left is not None else ()
    return replace(d, targets=found, target_token=left if found else None,
                   note=d.note + (f" | its own envoy leaves '{left.text}'" if found and left is not None else " | its own envoy is no target"))


def sides_between(d: Draft, c: Clause) -> Draft:
    """"Talks between India and Pakistan", "clashes between the army and rebels": with no one
    named as its doer, an act done together is done by the sides listed after "between", each to
    the other (for the codes flagged reciprocal)."""
    if not c.pattern.nominal or any(s is not None for s in d.sources) or not ontology.lookup(d.code).reciprocal:
        return d
    prep = next((p for p in c.head.children if p.dep_ == "prep" and p.lower_ == "between"), None)
    sides = arguments.mentions_for(syntax.child(prep, "pobj"), c.sent, c.mentions) if prep is not None else []
    if len(sides) < 2 or not all(m.country for m in sides):
        return d  # a side of no known country makes no dyad: "a battle between US forces and militants"
    return replace(d, sources=tuple(sides), targets=(), note=d.note + " | the sides between whom it happened")


def _together(head: Token) -> bool:
    """The act is said to be done together: "work together", "cooperate with each other"."""
    words = {t.lower_ for t in head.subtree if t.head.i == head.i or t.head.head.i == head.i}
    text = " ".join(t.lower_ for t in head.subtree)
    return "together" in words or "each other" in text or "one another" in text


def mutual_act(d: Draft, c: Clause) -> Draft:
    """"X held talks with Y", "X fought a gunbattle with Y", "clashes between X and Y": talks and
    fighting between two sides are done by each to the other (CAMEO writes both directions), for
    the codes flagged reciprocal; a one-sided act ("X attacked Y", "X visited Y") is not mirrored,
    and neither is "X battled Y", where the text makes X the one who acts."""
    if not d.targets and len([s for s in d.sources if s is not None]) > 1 and _together(c.head):
        # "India and Pakistan agreed to work together": whatever the act, each does it with the other
        return replace(d, mutual=True, note=d.note + " | each side acts on the other")
    info = ontology.lookup(d.code)
    if not info.reciprocal or info.root not in MUTUAL_ROOTS or not d.targets or not any(s is not None for s in d.sources):
        return d
    other = partner(c.head)
    spans = {(m.start, m.end) for m in arguments.mentions_for(other, c.sent, c.mentions)} if other is not None else set()
    if not spans & {(t.start, t.end) for t in d.targets}:
        return d
    return replace(d, mutual=True, note=d.note + " | each side acts on the other")


def protest_target(d: Draft, c: Clause) -> Draft:
    """A protest is directed at the authorities of the place where it is held (named with "in",
    else the dateline's: "NEW YORK - Thousands marched past ...", else the protesters' own state);
    protesters of no stated country are people of that place."""
    if d.code[:2] != "14":
        return d
    crowd = tuple(_crowd_of(s, c) for s in d.sources)
    if crowd != d.sources:
        d = replace(d, sources=crowd)
    if d.targets:
        return d
    found = arguments.protest_place(c.head, c.sent, c.mentions)
    if not found:
        where = arguments.dateline_country(c.sent)
        found = [where] if where is not None else []
    if not found:
        # no place told: protesters of a known state protest at home ("Thousands of Thai students marched")
        own = next((s for s in d.sources if s is not None and s.country and s.sector), None)
        found = [replace(own, code=own.country, sector=None, rule=own.rule + " +home of the protesters")] if own else []
    if not found:
        return d
    country = found[0].country or ""
    sources = tuple(of_country(s, country, "place of the protest") if s is not None and not s.country and s.sector else s
                    for s in d.sources)
    return replace(d, sources=sources, targets=tuple(found))


def _crowd_of(m: Mention | None, c: Clause) -> Mention | None:
    """"Thousands of Kenyans" who protest are a crowd of Kenya's people (CVL), not the state of
    Kenya: a protest at home is then no act of a state on itself, and is kept."""
    if m is None or m.sector or not m.country or (m.code or "").upper() != m.country.upper():
        return m
    # the people in the plural ("Kenyans"), not the state's name ("Kenya", "the Philippines") nor a
    # city standing for it; named entities and plural tags are not to be trusted on demonyms
    if not m.text.lower().endswith("s") or places.lookup(m.text) is not None:
        return m
    return replace(m, code=m.country + "CVL", sector="CVL", rule=m.rule + " +crowd")
