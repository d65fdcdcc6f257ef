"""Readings of force and the law: who seized, struck or arrested whom, and by what means."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tealeaves import ontology
from tealeaves.coding import arguments, lexicon, syntax
from tealeaves.coding.readings.core import Clause, Draft, domestic_code, of_country
from tealeaves.models import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token


ABDUCTION = "181"


ARREST = "173"


def people(tok: Token) -> bool:
    """``tok`` names people: a person's name or a noun for people ("two drivers", "a hostage")."""
    return any(t.ent_type_ == "PERSON" or t.lemma_.lower() in lexicon.words("person_noun") for t in (tok, *tok.conjuncts))


def taking_people(d: Draft, c: Clause) -> Draft:
    """"Gunmen seized two Turkish drivers", "troops captured a rebel commander": seizing people is
    no seizure of property (171) or of territory (192). A state's forces or police who take people
    arrest or detain them (173); anyone else, or no one named, abducts them (181)."""
    if (d.code not in ("171", "192") or c.pattern.nominal or c.head.lemma_.lower() not in lexicon.words("taking_verb")
            or d.target_token is None or not people(d.target_token)):
        return d
    src = next((s for s in d.sources if s is not None), None)
    law = src is not None and (arguments.state_force(src) or (src.sector or "").upper() in lexicon.words("law_sector"))
    code = ARREST if law else ABDUCTION
    return replace(d, code=code, note=d.note + f" | people taken: {code}")


def unnamed_attacker(d: Draft, c: Clause) -> Draft:
    """"A suicide attacker detonated a car bomb", "an assailant opened fire on the convoy": an
    assailant to whom neither the text nor its context gives a country or group is unknown (source
    ---), and what unknown attackers do is unconventional violence (18x); a suicide attacker's
    bombing is a suicide bombing (1831)."""
    tok = d.source_token
    if (tok is None or c.pattern.nominal or ontology.lookup(d.code).quad != 4
            or d.modality.value not in ("asserted", "reported")):
        return d
    mods = {t.lemma_.lower() for t in tok.children if t.dep_ in ("compound", "amod")}
    suicide = "suicide" in mods
    if tok.lemma_.lower() not in lexicon.words("assailant_noun") and not (suicide and tok.lemma_.lower() == "bomber"):
        return d
    # a nationality or group on the noun names them; so does the country context gave the group
    named = any(t.dep_ == "poss" for t in tok.children) or any(
        t.ent_type_ in ("NORP", "GPE", "ORG") for t in tok.subtree if t.i != tok.i) or any(
        m is not None and m.country for m in d.sources)
    code = d.code
    if suicide and code[:2] in ("18", "19"):
        code = "1831"
    elif code[:2] == "19" and code != "195" and not any(arguments.state_force(m) for m in d.sources if m is not None):
        code = "180"  # gunmen and assailants are irregulars, whatever country context gives them
    if named:
        return d if code == d.code else replace(d, code=code, note=d.note + " | irregular assailants (18x)")
    return replace(d, code=code, sources=(None,), note=d.note + f" | the assailant '{tok.text}' is not named")


def from_the_air(d: Draft, c: Clause) -> Draft:
    """"Russian jets bombed rebel positions", "Israeli helicopters attacked a car": force from
    aircraft is aerial (195), not a bombing by an armed group (183) or unspecified force."""
    tok = d.source_token
    if tok is None or d.code[:2] not in ("18", "19") or d.code == "195" or d.modality.value not in ("asserted", "reported"):
        return d
    words = {tok.lemma_.lower(), *(t.lemma_.lower() for t in tok.children if t.dep_ == "compound")}
    if not words & lexicon.words("aircraft") or "suicide" in words:  # a suicide bomber is no aircraft
        return d
    return replace(d, code="195", note=d.note + " | force from the air")


def agentless_passive(d: Draft, c: Clause) -> Draft:
    """"Were killed in Israeli tank shelling": the agent is the owner of the means; "two men were
    arrested in the old city": a real event whose agent the text leaves out."""
    head, tgt = c.head, d.target_token
    info = ontology.lookup(d.code)
    if c.pattern.nominal:
        return _agentless_act(d, c)
    if (not d.targets and tgt is not None and info.agentless and info.quad == 4 and not people(tgt)
            and not d.sources and d.source_token is None):
        # "three churches were burned in northern Nigeria": what was struck belongs to the place
        place = arguments.place_country(head, c.sent, c.mentions, tgt)
        if place is not None:
            d = replace(d, targets=(place,))
    if (d.sources or d.source_token is not None or not d.targets or not info.agentless
            or tgt is None or d.modality.value not in ("asserted", "reported")
            or not (syntax.is_passive(head) or syntax.reduced_passive(head))):
        return d
    if info.quad == 3 and (not syntax.is_passive(head) or head.lemma_.lower() in lexicon.words("charge_verb")):
        # "a man accused of plotting attacks" describes who he is; "he was accused of plotting
        # attacks" reports the accusation (by someone unnamed): only the full passive is an event.
        # "He was charged with murder" is the authorities' charge (173, see agent_of_the_law)
        return d
    # the patient is the passive subject, or (material conflict only) the noun a participle modifies
    if not (tgt.dep_ in syntax.PASSIVE_SUBJECT_DEPS or tgt == syntax.patient(head) or (tgt.i == head.head.i and info.quad == 4)):
        return d
    means = arguments.agent_of_means(head, c.sent, c.mentions)
    d = _kind_of_means(d, c, any(arguments.state_force(m) for m in means))
    if means:
        return replace(d, sources=tuple(means), note=d.note + " | agent from the means (passive)")
    return replace(d, sources=(None,), note=d.note + " | no agent named (passive)")


def _kind_of_means(d: Draft, c: Clause, by_state: bool) -> Draft:
    """"Killed in a suicide bombing" (1831), "in a series of US air strikes" (195): the means
    decides the kind of violence as a weapon subject does; a state's bombing or shelling is left to
    the state-force reading (it is conventional, 19x). A city on the means ("in a
    Baghdad rocket attack") is where it struck: victims of no stated country are its people."""
    noun = arguments.means_of(c.head)
    kind = arguments.instrument(noun)
    if noun is None or d.code[:2] not in ("18", "19"):
        return d
    if kind and kind != d.code and (kind == "195" or not by_state):
        d = replace(d, code=kind, note=d.note + f" | the means '{noun.text}' gives {kind}")
    place = arguments.weapon_place(noun, c.sent, c.mentions)
    return d if place is None else replace(d, targets=arguments.of_place(d.targets, place))


def _agentless_act(d: Draft, c: Clause) -> Draft:
    """"Protests over the killing of 12 Nepalese workers", "the abduction of two Chinese engineers":
    an act of force named by a noun, its victims after "of" and no one owning it, is an event whose
    agent the text leaves out. Not when the act is what someone is charged with or accused of
    ("charged with the murder of a civilian"): that is the charge, not a happening."""
    head, tgt = c.head, d.target_token
    info = ontology.lookup(d.code)
    if (d.sources or d.source_token is not None or not info.agentless or info.quad != 4 or tgt is None
            or d.modality.value not in ("asserted", "reported") or not any(t.country for t in d.targets)
            or tgt.head.lower_ != "of" or tgt.head.head.i != head.i):
        return d
    gov = head.head.head if head.dep_ == "pobj" else head.head
    if head.dep_ != "ROOT" and (gov.lemma_.lower() in lexicon.words("accusing_verb")
                                or gov.lemma_.lower() in lexicon.words("accusation_noun")):
        return d
    return replace(d, sources=(None,), note=d.note + " | no agent named (nominal)")


def agent_of_the_law(d: Draft, c: Clause) -> Draft:
    """"X was arrested on drug charges, authorities said", "a soldier has been charged, police
    said": the police, court or authorities who report an arrest or charge with no agent named made
    it. Of no stated country, they are the state of the place where it happened (or the dateline's),
    else of the one they hold (an arrest is done at home)."""
    if d.sources != (None,) or not c.speakers or not domestic_code(d.code):
        return d
    agent = c.speakers[0]
    if (agent.sector or "").upper() not in lexicon.words("arrest_reporter_sector"):
        return d
    country = agent.country
    if not country:
        place = arguments.place_country(c.head, c.sent, c.mentions) or arguments.dateline_country(c.sent)
        held = next((t.country for t in d.targets if t.country), None)
        country = place.country if place is not None else held
        if not country:
            return d
        agent = of_country(agent, country, "the state that holds them")
    return replace(d, sources=(agent,), note=d.note + f" | the {agent.text} who report it made it")


def instrument_subject(d: Draft, c: Clause) -> Draft:
    """"A car bomb killed five", "a drone strike hit the camp": a weapon is not who acts. The agent
    is the one named on the weapon ("a US air strike"), else unknown; the weapon decides the kind
    (1832, 195); victims the text names no one for are people of the place it struck."""
    weapon = d.source_token
    kind = arguments.instrument(weapon)
    if weapon is None or kind is None or c.pattern.nominal or ontology.lookup(d.code).quad != 4 or d.modality.value not in ("asserted", "reported"):
        return d
    agents = arguments.instrument_agents(weapon, c.sent, c.mentions)
    code = kind if kind and d.code[:2] in ("18", "19") else d.code
    if not agents and code[:2] == "19" and code != "195":
        code = "180"  # ground fire by unknown attackers is unconventional violence; only aircraft are 195
    place = (arguments.place_country(c.head, c.sent, c.mentions, d.target_token)
             or arguments.weapon_place(weapon, c.sent, c.mentions)
             or (arguments.struck_site(c.head, c.sent, c.mentions) if not d.targets else None))
    targets = arguments.of_place(d.targets, place)
    if not agents and not targets:
        return d  # nobody who did it and nobody it struck: "he was struck by a missile" at a match
    return replace(d, code=code, sources=tuple(agents) or (None,), targets=targets,
                   note=d.note + f" | the weapon '{weapon.text}' names {'its user' if agents else 'no agent'}")


def _struck_beside(d: Draft, c: Clause) -> Draft:
    """"Militants detonated a bomb near an Indian army convoy", "rebels set off a landmine under a
    Colombian army truck": a weapon set off is no target; what it went off near, under, on or outside
    is, and an actor named there (the convoy's owner) is who was struck."""
    weapon = d.target_token
    if (d.targets or weapon is None or c.pattern.nominal or d.code[:2] not in ("18", "19")
            or arguments.instrument(weapon) is None or weapon.i not in {t.i for t in c.head.children}):
        return d
    preps = [t for h in (c.head, weapon) for t in h.children
             if t.dep_ == "prep" and t.lower_ in lexicon.words("struck_prep")]
    for prep in sorted(preps, key=lambda t: t.i):
        site = syntax.child(prep, "pobj")
        # an actor, not a place or a capital that only says where ("near the border with Iraq" is no hit on Iraq)
        hit = [m for m in arguments.mentions_for(site, c.sent, c.mentions)
               if m.country and m.sector and not m.rule.startswith(("metonym", "place."))] if site is not None else []
        if hit and site is not None:
            return replace(d, targets=tuple(hit), target_token=site, note=d.note + f" | what the weapon struck: '{site.text}'")
    return d


ASSASSINATION = "186"


def _aimed_at(d: Draft, c: Clause) -> Draft:
    """"Attackers set off a bomb in a failed effort to kill the vice president", "gunmen opened fire
    in an attempt to kill the prime minister": the one the attack set out to kill is its target,
    whether it died or not, and an attempt on a leader's life is an assassination attempt (186)."""
    if any(t.country for t in d.targets) or c.pattern.nominal or d.code[:2] not in ("18", "19"):
        return d
    for prep in (t for t in c.head.children if t.dep_ == "prep" and t.lower_ in ("in", "during")):
        attempt = syntax.child(prep, "pobj")
        if attempt is None or attempt.lemma_.lower() not in lexicon.words("attempt_noun"):
            continue
        aim = next((v for v in attempt.children if v.dep_ in ("acl", "relcl") and v.pos_ == "VERB"
                    and v.lemma_.lower() in lexicon.words("killing_verb")), None)
        victim = syntax.child(aim, "dobj") if aim is not None else None
        found = tuple(m for m in arguments.mentions_for(victim, c.sent, c.mentions) if m.country) if victim is not None else ()
        if not found or aim is None or victim is None:
            continue
        # one sets out to kill a person: a victim of a leader's sector is a leader ("the vice president")
        leader = aim.lemma_.lower() == "assassinate" or any((m.sector or "").upper() in lexicon.words("leader_sector") for m in found)
        code = ASSASSINATION if leader else d.code
        return replace(d, code=code, targets=found, target_token=victim,
                       note=d.note + f" | aimed at '{victim.text}'" + (" (assassination attempt)" if leader else ""))
    return d


def target_of_the_place(d: Draft, c: Clause) -> Draft:
    """"US troops battled militiamen in Falluja": an armed group or crowd of no stated country that
    is fought or struck is of the country where it happens (IRQ); so is what an act named by a noun
    strikes ("police raids on mosques in Dagestan"), and what a weapon set off went off beside."""
    d = _struck_beside(_aimed_at(d, c), c)
    if ((c.pattern.nominal and not c.pattern.target_after) or ontology.lookup(d.code).quad != 4 or any(t.country for t in d.targets)
            or d.target_token is None or d.target_token.ent_type_ in ("GPE", "LOC", "FAC")
            and not (c.pattern.nominal and d.target_token.pos_ == "NOUN")):
        return d
    # "carried out raids on mosques in Tashkent": the place may hang on the verb that takes the act
    at = c.head.head if c.pattern.nominal and c.head.dep_ == "dobj" else c.head
    place = arguments.place_country(at, c.sent, c.mentions, d.target_token)
    return d if place is None else replace(d, targets=arguments.of_place(d.targets, place),
                                           note=d.note + f" | target of the place ({place.country})")


def accused_in_court(d: Draft, c: Clause) -> Draft:
    """"A German man appeared in court on charges of smuggling": the subject is the accused, and the
    one acting on him is the court of the place where it sits (or of the dateline's state)."""
    if not domestic_code(d.code) or c.pattern.nominal or c.head.lemma_.lower() not in lexicon.words("accused_verb"):
        return d
    accused = tuple(m for m in d.sources if m is not None)
    if not accused or syntax.is_passive(c.head):
        return d
    where = arguments.place_country(c.head, c.sent, c.mentions) or arguments.dateline_country(c.sent)
    court = (replace(where, code=f"{where.country}JUD", sector="JUD", rule=where.rule + " +court of the place"),) \
        if where is not None and where.country else (None,)
    return replace(d, sources=court, targets=accused, source_token=None, target_token=d.source_token,
                   note=d.note + " | the accused is the subject")


OBSTRUCT, RESTRICT_MOVEMENT = "144", "191"


def forces_block_movement(d: Draft, c: Clause) -> Draft:
    """"Israeli troops blocked main roads in Gaza", "the army blocked traffic into the city": roads
    blocked by a state's forces restrict movement (191), they are no protest (144), which is what
    crowds, farmers or strikers do when they block a road."""
    if d.code != OBSTRUCT or not any(arguments.state_force(s) for s in d.sources):
        return d
    return replace(d, code=RESTRICT_MOVEMENT, note=d.note + " | blocked by a state's forces (191)")


def state_force(code: str, source: Mention | None) -> str | None:
    """CAMEO 18x is unconventional violence (non-state groups, terror, assassination); force used by
    a state's military or government is conventional (19x): an unspecified attack by them is a 190."""
    new = lexicon.recoding("state_force").get(code)
    return new if new and arguments.state_force(source) else None
