"""Readings of intentions and threats: what a side says it will, may or is due to do, and force or
cuts put on a condition (13x threats, 03x intentions)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tealeaves.coding import arguments, lexicon, syntax
from tealeaves.coding.modality import FUTURE_LIKE, intent_verb, modality_of
from tealeaves.coding.readings.core import Clause, Draft, commitment_code, is_pronoun, own_words, restate, speaks_for
from tealeaves.coding.readings.speech import STANCE_ROOTS, THREAT_OF_FORCE

if TYPE_CHECKING:
    from spacy.tokens import Token


INTENT_TO_MEET = "036"


def expected_visitor(d: Draft, c: Clause) -> Draft:
    """"Putin is due in Paris", "Solana is expected in Kiev on Friday": a visit on the schedule is
    an intention to meet (036) of the one expected there, the passive subject of "expected". Only
    a leader, an official or a delegation pays visits: troops or refugees "expected in Chad" are
    forecast to arrive, not coming to meet anyone."""
    if d.code != INTENT_TO_MEET or c.pattern.nominal or not any(
            t.lemma_.lower() in lexicon.words("schedule_word") for t in (c.head, *c.used)):
        return d
    who = syntax.child(c.head, syntax.PASSIVE_SUBJECT_DEPS) if syntax.is_passive(c.head) else d.source_token
    found = arguments.mentions_for(who, c.sent, c.mentions) if who is not None else []
    visitors = tuple(m for m in found if arguments.coded(m) and ((m.code or "").startswith("IGO")
                                                                 or (m.sector or "").upper() in lexicon.words("visiting_sector")))
    if visitors == d.sources:
        return d
    return replace(d, sources=visitors, source_token=who,
                   note=d.note + (f" | the visit is {who.text}'s" if visitors and who is not None else " | no visitor who meets anyone"))


def stated_intention(d: Draft, c: Clause) -> Draft:
    """"X said it would strike": a threat by X; "X said it would release them": an intent (03x)."""
    intent = syntax.future_aux(c.head)
    mod = d.modality
    if not (intent and own_words(d, c) and syntax.said_directly(c.head) and mod.value in FUTURE_LIKE):
        return d
    new = commitment_code(d.code, negated=False)
    # "said it will seek better ties": already an intent; "said it will reject any proposal", "would
    # oppose the resolution": a stated stand on a demand, a proposal or a policy is taken when stated
    if new == d.code and d.code[:2] not in ("03", "13", *STANCE_ROOTS):
        return d
    return replace(d, code=new, sources=c.speakers[:1], modality=restate(mod, "asserted", f"stated intention: {intent}"),
                 note=d.note + f" | stated intention of the speaker ({mod.reporting_verb}: {intent})")


def force_within_reach(d: Draft, c: Clause) -> Draft:
    """"Syria warns it can strike Israel", "North Korea says its missiles can hit Japan": a side
    saying that it, or its weapons, can strike another threatens that side with force (138); nothing
    was struck, and the capability is not a hypothetical strike. Another's force ("said Indian
    missiles could hit Lahore") is no threat by the speaker."""
    head = c.head
    if d.code[:2] not in ("18", "19", "20") or c.pattern.nominal or not c.speakers or not syntax.said_directly(head):
        return d
    aux = next((k for k in head.children if k.dep_ == "aux" and k.lower_ in lexicon.words("capability_aux")), None)
    subj = syntax.subject(head)
    if aux is None or subj is None or not d.targets:
        return d
    mine = is_pronoun(subj) or any(g.dep_ == "poss" and is_pronoun(g) for g in subj.children)
    if not mine and not (d.sources and d.sources[0] is not None and arguments.same_actor(d.sources[0], c.speakers[0])):
        return d
    targets = tuple(t for t in d.targets if not arguments.same_actor(t, c.speakers[0]))
    if not targets:
        return d
    return replace(d, code=THREAT_OF_FORCE, sources=c.speakers[:1], targets=targets,
                   modality=restate(d.modality, "asserted", f"stated capability: {aux.text}"),
                   note=d.note + f" | force said to be within reach ({d.modality.reporting_verb}: {aux.text}): {THREAT_OF_FORCE}")


def any_act(head: Token) -> Token | None:
    """The act a passive answering verb answers, when it is "any" act: "any strike will be countered"."""
    act = syntax.patient(head) if syntax.is_passive(head) else None
    if act is None or not any(t.dep_ == "det" and t.lower_ in lexicon.words("any_word") for t in act.children):
        return None
    return act


def answered_act(d: Draft, c: Clause) -> Draft:
    """"Any strike on Iran will be countered", "a warning by Ankara that any Greek drilling would be
    met with force": the warning that an act, should it come, will be answered by force is a threat
    (13x) against whoever would act, and no act. Made in a noun ("a warning by Ankara that ..."),
    the threat is the warning's owner's (see ``guards.answer_to_an_act_that_came`` for "countered")."""
    head = c.head
    act = any_act(head) if d.code[:2] == "13" and not c.pattern.nominal else None
    noun = head.head
    if (act is None or d.sources or head.dep_ not in ("acl", "ccomp")
            or noun.lemma_.lower() not in lexicon.words("warning_noun")):
        return d
    owner = arguments.nominal_source(noun)
    if owner is None and noun.dep_ == "dobj" and not syntax.is_passive(noun.head):
        # "Greece ignored a warning by Ankara that ...": the parser hangs the warning's "by" on the verb
        by = next((k for k in noun.head.children if k.dep_ == "prep" and k.lower_ == "by" and k.i > noun.i), None)
        owner = syntax.child(by, "pobj") if by is not None else None
    if ((owner is None or is_pronoun(owner)) and noun.dep_ == "dobj"
            and noun.head.lemma_.lower() in lexicon.words("warning_verb")):
        # "Beijing repeated its threat that ...": the one who made it; not who "dismissed" or "discussed" it
        owner = syntax.subject(noun.head)
    sources = [m for m in arguments.mentions_for(owner, c.sent, c.mentions) if arguments.coded(m)]
    if not sources:
        return d
    return replace(d, sources=tuple(sources[:1]), source_token=owner, modality=modality_of(noun),
                   note=d.note + f" | a {noun.text} that any {act.text} will be answered")


def warning_of_force(d: Draft, c: Clause) -> Draft:
    """"Turkey issued a stern warning that any Greek drilling would be met with force", "Iran gave a
    warning that any strike would be countered": a warning whose content is that any act of the
    other side will be answered is a threat of force (138) against that side, not a bare warning
    (130); the act itself is not coded (see ``answered_act``)."""
    if d.code[:2] != THREAT_OF_FORCE[:2] or d.code == THREAT_OF_FORCE:
        return d
    noun = next((t for t in (c.head, *c.used) if t.lemma_.lower() in lexicon.words("warning_noun")), None)
    said = next((k for k in noun.children if k.dep_ in ("acl", "ccomp")), None) if noun is not None else None
    act = any_act(said) if said is not None and said.lemma_.lower() in lexicon.words("answering_verb") else None
    if act is None or noun is None:
        return d
    own = tuple(m for m in d.sources if m is not None)
    doers = tuple(m for m in arguments.mentions_for(act, c.sent, c.mentions)
                  if arguments.coded(m) and not any(arguments.same_actor(m, s) for s in own))
    return replace(d, code=THREAT_OF_FORCE, targets=doers or d.targets, target_token=act if doers else d.target_token,
                   note=d.note + f" | a {noun.text} that any {act.text} will be answered: {THREAT_OF_FORCE}")


def declared_intention(d: Draft, c: Clause) -> Draft:
    """"Offered to send aid", "pledged to release them": the offer is the event (03x); "wants to
    attack", "vowed to strike": the threat is (13x). An act named by a noun counts through the verb
    that takes it: "is willing to resume negotiations with Israel" offers talks (036) as much as
    "offered to hold talks" does, and one side offering them does not make them mutual."""
    head, root = c.head, d.code[:2]
    if c.pattern.nominal and head.dep_ == "dobj":
        head = head.head
    # "Iran's threat to attack Israel", "his offer to mediate": the noun stands for its verb
    gov = intent_verb(head)
    if d.modality.value not in FUTURE_LIKE or (head.dep_ != "xcomp" and gov is None):
        return d
    gov = gov or head.head.lemma_.lower()
    if not ((gov in lexicon.words("intent_governor") and root in ("04", "05", "06", "07", "08"))
            or (gov in lexicon.words("force_intent_governor") and root in ("18", "19", "20"))):
        return d
    new = commitment_code(d.code, negated=False)
    if new == d.code:
        return d
    return replace(d, code=new, note=d.note + f" | stated intention ({gov})",
                 modality=restate(d.modality, "asserted", f"intention: {head.head.text}"))


def _main_clause(head: Token) -> bool:
    """The clause of ``head`` is the sentence's own statement or what a reporting verb says, not
    a clause inside another ("hopes he will visit", "the plan to visit")."""
    tok = head
    for _ in range(6):
        if tok.dep_ == "ROOT":
            return True
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lexicon.words("reporting_verb"):
            return True
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


FORCE_ROOTS = ("15", "17", "18", "19", "20")


CONDITIONAL_THREAT_ROOTS = ("16",)  # cuts that, put on the other side's conduct, are threats (131x)


def _on_condition(head: Token) -> bool:
    """The act is said to follow on a condition: an "if" or "unless" clause hangs on it."""
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
               for c in head.children)


def _on_the_targets_conduct(head: Token, d: Draft, c: Clause) -> bool:
    """A cut in supplies or ties is a threat only when put on what the other side does: "unless
    ...", "if Kiev does not pay", "if Libya refuses"; "if talks fail, Russia could recall its
    ambassador" foresees a step, and threatens no one."""
    for cond in (k for k in head.children if k.dep_ == "advcl"):
        mark = next((g.lower_ for g in cond.children if g.dep_ == "mark"), None)
        if mark == "unless" or (mark == "if" and any(g.dep_ == "neg" for g in cond.children)):
            return True
        if mark == "if":
            subj = syntax.child(cond, syntax.ANY_SUBJECT_DEPS)
            told = arguments.mentions_for(subj, c.sent, c.mentions) if subj is not None else []
            if any(arguments.same_actor(m, t) or (m.country and m.country == t.country) for m in told for t in d.targets):
                return True
    return False


def announced_intention(d: Draft, c: Clause) -> Draft:
    """"Norway will provide $20 million in aid to Sudan", "Karzai is to visit Pakistan", "Poland
    said it plans to reduce its troops": the announcement is the event, an intention (03x) or, for
    force, a threat (13x), of the one who will act; it is asserted (or reported, when another says so)."""
    mod = d.modality
    conditional = mod.value in ("hypothetical", "future") and (
        (d.code[:2] in FORCE_ROOTS and _on_condition(c.head))
        or (d.code[:2] in CONDITIONAL_THREAT_ROOTS and _on_the_targets_conduct(c.head, d, c)))
    if conditional:
        # "Syria may strike back if Israel raids again", "could hit them unless ...", "Israel will
        # invade Gaza unless the rocket fire stops": a threat; so is a cut in supplies, ties or talks
        # put on a condition ("Russia may cut gas supplies to Ukraine if ..." 1311)
        mod = restate(mod, "future", mod.cue or "if")
    if mod.value != "future" or not d.sources or d.sources[0] is None or not _main_clause(c.head):
        return d
    if not conditional and (d.code[:2] in FORCE_ROOTS or (mod.cue or "").lower() not in lexicon.words("announce_cue")):
        # force announced without a condition ("will send troops to Iraq", "will attack next week")
        # stays a planned act: a forecast or a deployment, not a threat made to anyone
        return d
    own = own_words(d, c)
    if mod.reporting_verb and not own and is_pronoun(d.source_token):
        return d
    new = commitment_code(d.code, negated=False)
    if new == d.code and d.code[:2] != "03":  # "will seek reconciliation with Y" is itself an intent (03x)
        return d
    value = "reported" if mod.reporting_verb and not own else "asserted"
    return replace(d, code=new, sources=c.speakers[:1] if own and c.speakers and is_pronoun(d.source_token) else d.sources,
                   modality=restate(mod, value, f"announced intention: {mod.cue}"),
                   note=d.note + f" | announced intention ({mod.cue})")


# the roots whose act, held out as possible by the side that would take it, is a threat (13x)
COERCIVE_ROOTS = ("16", *FORCE_ROOTS[1:])


def contemplated_coercion(d: Draft, c: Clause) -> Draft:
    """"The administration may impose sanctions on Belarus, the State Department said", "Israel
    could strike the camps, an Israeli army spokesman said": a side's own voice saying it may take
    a coercive step against someone holds that step over them, a threat (13x) made now, though no
    condition is spelt out. Said by anyone else ("Syria could face sanctions, diplomats said") it
    stays a guess, and so does one with no speaker at all."""
    mod = d.modality
    if (mod.value != "hypothetical" or (mod.cue or "").lower() not in lexicon.words("possibility_modal")
            or d.code[:2] not in COERCIVE_ROOTS or not d.targets or not c.speakers
            or not d.sources or d.sources[0] is None or not _main_clause(c.head)):
        return d
    if not (own_words(d, c) or speaks_for(d, c)) or is_pronoun(d.source_token) and not own_words(d, c):
        return d
    new = commitment_code(d.code, negated=False)
    if new[:2] != "13":
        return d
    return replace(d, code=new, modality=restate(mod, "asserted", f"threat: {mod.cue}"),
                   note=d.note + f" | a step its own side says it {mod.cue} take is a threat")
