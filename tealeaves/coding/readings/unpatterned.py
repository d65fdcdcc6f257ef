"""Readings of a verb with no pattern of its own: appeals, demands in speech, denials and the
accusations they answer; the coder calls these after the patterned readings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tealeaves.coding import arguments, lexicon, syntax
from tealeaves.coding.modality import Modality, modality_of
from tealeaves.coding.patterns import Pattern, PatternTable, match
from tealeaves.coding.readings.core import ACCUSATION, APPEAL, DEMAND, Draft
from tealeaves.coding.readings.speech import DENIAL
from tealeaves.models import Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token


# ---- readings of a verb without a pattern of its own ------------------------------------------
@dataclass(frozen=True)
class Appeal:
    draft: Draft
    pattern: Pattern
    used: tuple[Token, ...]  # the asked-for act and its pattern's words
    act: Token


def appeal(verb: Token, sent: Sentence, mentions: tuple[Mention, ...], patterns: PatternTable) -> Appeal | None:
    """"X urged Y to withdraw", "X wants Y to attack Z": an appeal (02x) by X to Y.

    The asked-for act did not happen; it only says what kind of appeal this is (to yield 025x,
    for aid 023x, to meet 026 ...), so it is not coded as an event of its own.
    """
    lemma = verb.lemma_.lower()
    asked, act = syntax.appeal_parts(verb, lemma)
    if asked is None or act is None:
        return None
    sources = [m for m in arguments.mentions_for(syntax.subject(verb), sent, mentions) if arguments.coded(m)]
    targets = arguments.mentions_for(asked, sent, mentions)
    if not sources or not targets:
        return None
    inner: Pattern | None = None
    used: tuple[Token, ...] = ()
    for cand in patterns.get((act.lemma_.lower(), False), ()):
        if cand.fallback:
            continue
        hit = match(cand, act)
        if not isinstance(hit, str):
            inner, used = cand, (act, *hit[0])
            break
    if inner is None and lemma == "want":
        return None  # "wants Y to be happy" asks for nothing
    acode = inner.code if inner else APPEAL
    code = APPEAL if acode[:2] in ("01", "02", "03") else lexicon.recode("appeal", acode) or APPEAL
    if lemma in lexicon.words("demand_verb"):
        code = DEMAND[:2] + code[2:]  # each appeal code 02x has its demand 10x
    pat = Pattern(code, lemma, (), "", False, 0, f"{lemma} {{T}} to {act.lemma_.lower()}", "rule:appeal")
    kind = "demand" if code[:2] == DEMAND[:2] else "appeal"
    note = f" | {kind} for {inner.code} {act.text}" if inner else f" | {kind}"
    return Appeal(Draft(code, (sources[0],), tuple(targets), modality_of(verb), note), pat, used, act)


def demand_in_speech(verb: Token, said: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> tuple[Draft, Pattern] | None:
    """"X said Y must stop the attacks": a demand (100) by X on Y, whatever Y is told to do."""
    if not any(a.dep_ in ("aux", "auxpass") and a.lower_ in lexicon.words("demand_modal") for a in said.children):
        return None
    sources = arguments.mentions_for(syntax.subject(verb), sent, mentions)
    targets = arguments.mentions_for(syntax.child(said, syntax.ANY_SUBJECT_DEPS), sent, mentions)
    if not sources or (targets and targets[0].code == sources[0].code):
        return None
    lemma = verb.lemma_.lower()
    pat = Pattern(DEMAND, lemma, (), None, False, 0, f"{lemma} that ... must", "rule:demand-in-speech")
    return Draft(DEMAND, (sources[0],), tuple(targets[:1]), Modality("asserted", "must"), " | demand in speech"), pat


def accusation_denied(verb: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> tuple[Draft, Pattern] | None:
    """"Turkey accused Greece of arming the islands, a charge Athens denied", "..., which Tbilisi
    denied": a denial (016) by the relative clause's subject of the accuser. Only the denial is
    added; the accusation in the main clause stays what it is."""
    lemma = verb.lemma_.lower()
    nouns = lexicon.words("accusation_noun")
    fronted = any(c.dep_ == "ccomp" and c.i < verb.i and c.lemma_.lower() in lexicon.words("accusing_verb") for c in verb.children)
    if not (verb.dep_ in ("relcl", "acl") or fronted) or _negated_verb(verb):
        return None
    # the accusation the clause denies: its antecedent noun, a relative "which", or (as the parser
    # sometimes has it) the accusing clause itself fronted under the denial verb, "a charge" its subject
    on_noun = verb.head.lemma_.lower() in nouns or (fronted and any(
        c.dep_ in syntax.SUBJECT_DEPS and c.lemma_.lower() in nouns for c in verb.children))
    relative = any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in verb.children)
    if not ((lemma in lexicon.words("denial_verb") and (on_noun or relative)) or (lemma == "reject" and on_noun)):
        return None
    who = next((c for c in verb.children if c.dep_ in syntax.SUBJECT_DEPS and c.lemma_.lower() not in nouns), None)
    deniers = arguments.mentions_for(who if who is not None else syntax.subject(verb), sent, mentions)
    accusers = arguments.accuser(verb, sent, mentions)
    if not deniers or not accusers or arguments.same_actor(deniers[0], accusers[0]):
        return None
    mod = modality_of(verb)
    if mod.value not in ("asserted", "reported"):
        return None
    pat = Pattern(DENIAL, lemma, (), None, False, 0, f"{{accusation}}, which {lemma}", "rule:accusation-denied")
    return Draft(DENIAL, (deniers[0],), (accusers[0],), mod, " | denial of the accusation"), pat


def answered_accusation(verb: Token, denier: Mention, accuser: Mention, sent: Sentence,
                        mentions: tuple[Mention, ...]) -> tuple[Draft, Pattern] | None:
    """"France defended itself against accusations by Ivory Coast that it used force", "Syria
    rejected US charges that it arms the militants": the denial (016) answers an accusation the
    sentence reports, made by the named owner of the accusation noun; that accusation (112) is an
    event too, against the one the that-clause names, else the one who answers it."""
    nouns = lexicon.words("accusation_noun")
    answered = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for noun in answered:
        if noun.lemma_.lower() not in nouns:
            continue
        said = next((c for c in noun.children if c.dep_ in ("acl", "ccomp")
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if noun.lemma_.lower() not in lexicon.words("accusation_noun_always") and said is None:
            continue  # "rejected Russia's claims to the islands" answers no accusation
        owners = [m for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                  for m in arguments.mentions_for(c, sent, mentions)]
        owners += [m for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                   for m in arguments.mentions_for(syntax.child(c, "pobj"), sent, mentions)]
        if not any(arguments.same_actor(m, accuser) for m in owners):
            continue
        accused = [m for m in arguments.mentions_for(syntax.subject(said), sent, mentions)
                   if arguments.coded(m)] if said is not None else []
        target = accused[0] if accused else denier
        if arguments.same_actor(target, accuser):
            return None
        pat = Pattern(ACCUSATION, verb.lemma_.lower(), (), None, False, 0, f"{verb.lemma_.lower()} {{accusation}} by ...",
                      "rule:accusation-answered")
        return Draft(ACCUSATION, (accuser,), (target,), Modality("asserted", None), " | the accusation answered"), pat
    return None


def _negated_verb(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def denial_of_a_clause(verb: Token, sent: Sentence, mentions: tuple[Mention, ...]) -> tuple[Draft, Pattern] | None:
    """"Iran denied that it had carried out any nuclear activity at the site, the subject of US and
    UN concern": a denial (016) even when the denied clause holds no act the coder knows, aimed at
    the accuser when named, else at the actors the denied clause names (the denier left out)."""
    lemma = verb.lemma_.lower()
    if lemma not in lexicon.words("denial_verb") or _negated_verb(verb):
        return None
    said = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i), None)
    if said is None:
        return None
    mod = modality_of(verb)
    deniers = [m for m in arguments.mentions_for(syntax.subject(verb), sent, mentions) if arguments.coded(m)]
    if mod.value not in ("asserted", "reported") or not deniers:
        return None
    targets = arguments.accuser(verb, sent, mentions)
    if not targets:
        lo, hi = sent.offset(verb.doc[said.left_edge.i]), sent.offset(verb.doc[said.right_edge.i])
        # only actors the clause names itself: not a pronoun, nor a role given a country from context
        targets = [m for m in mentions if arguments.coded(m) and lo <= m.start <= hi
                   and not m.rule.startswith(("context", "coref", "pronoun"))]
    kept: list[Mention] = []
    for t in targets:
        if not arguments.same_actor(t, deniers[0]) and t.country != deniers[0].country and all(not arguments.same_actor(t, k) for k in kept):
            kept.append(t)
    if not kept:
        return None
    pat = Pattern(DENIAL, lemma, (), None, False, 0, f"{lemma} that ...", "rule:denial-of-a-clause")
    return Draft(DENIAL, (deniers[0],), tuple(kept[:2]), mod, " | denial of what the clause says"), pat
