"""Readings of what is said: criticism, demands, refusals, denials, claims (intentions and threats are
in ``intentions``)."""

from __future__ import annotations

from dataclasses import replace

from tealeaves import ontology
from tealeaves.coding import arguments, lexicon, syntax
from tealeaves.coding.modality import Modality, modality_of
from tealeaves.coding.readings.core import ACCUSATION, APPEAL, CLAIM_OF_RESPONSIBILITY, DEMAND, ULTIMATUM, Clause, Draft, commitment_code, is_pronoun, own_words, restate, speaks_for
from tealeaves.models import Mention

# ---- readings, in the order the coder applies them --------------------------------------------
CRITICISM = "111"


# demands, disapproval and rejection: saying one will take the stand is taking it
STANCE_ROOTS = ("10", "11", "12")


PRAISE = "051"


COMMENT = "010"


THREAT_OF_FORCE = "138"


def characterisation(d: Draft, c: Clause) -> Draft:
    """"North Korea called him a political idiot": "call" with a predicate noun (or "describe ...
    as") names someone as something; it is no phone call (041) but criticism (111), praise (051) or
    a comment (010) on the one named, by what they are called."""
    said = syntax.child(c.head, "oprd")
    if not c.pattern.nominal and c.head.lemma_.lower() == "describe" and d.code == COMMENT:
        # "Iran described him as a war criminal": the same naming, with "as"
        said = syntax.prep_object(c.head, "as")
    elif c.pattern.nominal or c.head.lemma_.lower() != "call" or d.code[:2] != "04":
        return d
    if said is None:
        return d
    words = {said.lemma_.lower()} | {t.lemma_.lower() for t in said.children if t.dep_ in ("amod", "compound")}
    code = CRITICISM if words & lexicon.words("insult_word") else PRAISE if words & lexicon.words("praise_word") else COMMENT
    return replace(d, code=code, note=d.note + f" | called '{said.text}': {code}")


def verbal_attack(d: Draft, c: Clause) -> Draft:
    """"The minister launched a scathing attack on the prince": an attack that a word on it calls
    verbal ("scathing", "blistering", "personal") is criticism (111), not force (18x, 19x)."""
    if d.code[:2] not in ("18", "19"):
        return d
    said = next((m for t in (c.head, *c.used) for m in t.children
                 if m.dep_ == "amod" and m.lemma_.lower() in lexicon.words("verbal_modifier")), None)
    if said is None:
        return d
    return replace(d, code=CRITICISM, note=d.note + f" | a '{said.text}' attack is verbal: {CRITICISM}")


def statement_about(d: Draft, c: Clause) -> Draft:
    """"Russia said Ukraine was unreliable": a bare statement is about the actor it speaks of."""
    if not c.pattern.fallback or d.targets or c.pattern.nominal:
        return d
    said = syntax.child(c.head, "ccomp")
    subj = syntax.child(said, syntax.ANY_SUBJECT_DEPS) if said is not None else None
    if subj is None or is_pronoun(subj) or not arguments.names_actor(subj, c.sent, c.mentions):
        return d
    return replace(d, target_token=subj, targets=tuple(arguments.mentions_for(subj, c.sent, c.mentions)))


def demand_of_a_clause(d: Draft, c: Clause) -> Draft:
    """"Jordan demanded that Israel reopen the crossing", "Washington urged that Pakistan hand over
    the suspects", "set a deadline for Serbia to pull out": a demand (10x), an appeal (02x) or an
    ultimatum (139) whose content is a clause is made to the one the clause says must act, its
    subject (the "for" subject of a deadline). An appeal takes only a subject that names an actor
    (a pronoun may be the speaker's own side; "urged that the talks resume" gives no target). What
    the one told is to do did not happen: it is at most a hypothetical event of its own."""
    root = d.code[:2]
    if d.targets or c.pattern.nominal or not (root in (DEMAND[:2], APPEAL[:2]) or d.code == ULTIMATUM):
        return d
    if d.code == ULTIMATUM:
        said = next((t for t in c.head.children if t.dep_ in ("advcl", "acl") and t.i > c.head.i
                     and any(g.dep_ == "mark" and g.lower_ == "for" for g in t.children)), None)
    else:
        said = next((t for t in c.head.children if t.dep_ == "ccomp" and t.i > c.head.i), None)
    subj = syntax.child(said, syntax.ANY_SUBJECT_DEPS) if said is not None else None
    if subj is None or (root == APPEAL[:2] and (is_pronoun(subj) or not arguments.names_actor(subj, c.sent, c.mentions))):
        return d
    own = tuple(s for s in d.sources if s is not None)
    told = tuple(m for m in arguments.mentions_for(subj, c.sent, c.mentions) if not any(arguments.same_actor(m, s) for s in own))
    if not told:
        return d
    return replace(d, target_token=subj, targets=told, note=d.note + f" | demand made of '{subj.text}'")


def speaking_of_itself(d: Draft, c: Clause) -> Draft:
    """"The Kremlin said Russia remained open to talks": a state speaking of itself is no dyad, nor
    of its own people ("France said two French reporters held in Iraq were alive")."""
    if not c.pattern.fallback or not d.targets or not d.sources or d.sources[0] is None:
        return d
    country = d.sources[0].country
    political = lexicon.words("political_sector")
    kept = tuple(t for t in d.targets if not (t.country == country and (t.sector is None or t.sector.upper() not in political)))
    return d if kept == d.targets else replace(d, targets=kept)


def criticism_of_an_act(d: Draft, c: Clause) -> Draft:
    """"The Council condemned military actions by Rwanda in Congo", "denounced the bombing of
    Serbian positions by NATO aircraft": criticism of an act is aimed at whoever did it (the act's
    owner or its "by" agent), never at its victims or the place; an act nobody is named for leaves
    the target unknown ("condemned attacks on its workers")."""
    obj = syntax.child(c.head, "dobj")
    # a verb of disapproval with the act as its object; "launched a scathing attack on X" is the
    # criticism itself, aimed at X (its pattern's code is no 11x and its target follows "on")
    if (d.code[:2] != "11" or c.pattern.code[:2] != "11" or c.pattern.target_after not in (None, "")
            or c.pattern.nominal or c.head.lemma_.lower() in lexicon.words("support_verb") or obj is None or obj.pos_ != "NOUN"
            or obj.lemma_.lower() not in lexicon.words("criticised_act")):
        return d
    agent = arguments.nominal_source(obj)
    if agent is None:
        # the parser often hangs "by" on the last noun of the act's phrase
        by = next((t for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "by" and t.head.pos_ in ("NOUN", "PROPN")), None)
        agent = syntax.child(by, "pobj") if by is not None else None
    if agent is None:
        # an owner the parser reads as a modifier: "Israels raid" (the feed lost the apostrophe)
        agent = next((t for t in obj.children if t.dep_ in ("poss", "amod", "compound", "nmod")
                      and any(arguments.coded(m) for m in arguments.mentions_for(t, c.sent, c.mentions))), None)
    doers = tuple(m for m in arguments.mentions_for(agent, c.sent, c.mentions) if arguments.coded(m)) if agent is not None else ()
    if doers:
        return replace(d, targets=doers, target_token=agent, note=d.note + f" | aimed at who did the {obj.text}")
    return replace(d, targets=(), target_token=obj, note=d.note + f" | no doer named for the {obj.text}")


def anger_caused(d: Draft, c: Clause) -> Draft:
    """"Seoul's move angered Tokyo", "caused anger in Berlin": the angered side disapproves (110)
    of the one who angered it, so the pattern's target is the source."""
    if (c.pattern.nominal or d.code != "110" or not d.targets
            or c.head.lemma_.lower() not in lexicon.words("angering_verb")):
        return d
    if not any(m is not None for m in d.sources):  # "the storm angered farmers": no one to disapprove of
        return replace(d, sources=(), targets=(), note=d.note + " | no actor angered them")
    return replace(d, source_token=d.target_token, target_token=d.source_token,
                   sources=tuple(d.targets), targets=tuple(m for m in d.sources if m is not None),
                   note=d.note + " | the angered side disapproves")


def refusal(d: Draft, c: Clause) -> Draft:
    """"X will not lift the ban", "X said it would not accept refugees", "refused to release them":
    a refusal (12x)."""
    mod, head = d.modality, c.head
    if mod.value != "negated":
        return d
    own = own_words(d, c)
    side = not own and speaks_for(d, c)
    intent = syntax.future_aux(head)
    refused = head.dep_ == "xcomp" and head.head.lemma_.lower() in lexicon.words("refusing_governor")
    if not (mod.value == "negated" and (d.sources or own) and (own or side or not mod.reporting_verb) and (intent or refused)):
        return d
    new = commitment_code(d.code, negated=True)
    if new == d.code:
        return d
    intent = intent or head.head.text
    words = intent if intent == mod.cue else f"{intent} {mod.cue}"
    value = "reported" if mod.reporting_verb and not (own or side) else "asserted"
    return replace(d, code=new, sources=c.speakers[:1] if own else d.sources, note=d.note + f" | refusal stated ({words})",
                 modality=restate(mod, value, f"refusal: {words}"))


VETO = "129"


THE_UN = "IGOUNO"


def veto_at_the_council(d: Draft, c: Clause) -> Draft:
    """"The United States vetoed a resolution on Gaza in the UN Security Council": a veto is cast in
    the body that votes (IGOUNO), not against whom the resolution is about; only when the sentence
    names the UN, as presidents veto bills too."""
    if d.code != VETO or any(t.code == THE_UN for t in d.targets):
        return d
    council = next((m for m in c.mentions if m.code == THE_UN), None)
    return d if council is None else replace(d, targets=(council,), note=d.note + " | vetoed in the UN")


def refused_until(d: Draft, c: Clause) -> Draft:
    """"North Korea will not resume talks until the Bush administration ends its hostile policy": a
    refusal aimed at the one whose act it waits for (USA), when it names no one else."""
    if d.code[:2] != "12" or d.targets or not d.sources or d.modality.value not in ("asserted", "reported"):
        return d
    for clause in (t for t in c.head.children if t.dep_ == "advcl"):
        if not any(g.dep_ == "mark" and g.lower_ in lexicon.words("condition_until") for g in clause.children):
            continue
        waited = [m for m in arguments.mentions_for(syntax.child(clause, syntax.ANY_SUBJECT_DEPS), c.sent, c.mentions)
                  if not any(s is not None and arguments.same_actor(m, s) for s in d.sources)]
        if waited:
            return replace(d, targets=tuple(waited[:1]), note=d.note + f" | refused until {waited[0].code or waited[0].text} acts")
    return d


DENIAL = "016"


def denial(d: Draft, c: Clause) -> Draft:
    """"Syria denied arming the rebels", "Iran denies that it carried out the test": no arming and
    no test, but a denial (016) by the one who denies, aimed at the accuser when the sentence names
    one ("denied Israeli charges that ...", "a charge Athens denied"), else at the one the denied
    act was done to. A denial patterned as such ("denied the charge") gets its accuser the same way."""
    if d.code == DENIAL:
        if d.modality.value == "negated" and any(t.dep_ == "neg" for t in c.used):
            # "pleaded not guilty": the pattern's own "not" is the denial, not a negation of it
            d = replace(d, modality=restate(d.modality, "reported" if d.modality.reporting_verb else "asserted", "denial"))
        if d.targets:
            return d
        verb = c.head if c.head.lemma_.lower() in lexicon.words("denial_verb") else None
        found = arguments.accuser(verb, c.sent, c.mentions) if verb is not None else []
        return replace(d, targets=tuple(found)) if found else d
    if d.modality.value != "negated":
        return d
    verb = syntax.governor_in(c.head, lexicon.words("denial_verb"))
    if verb is None:
        return d
    said = modality_of(verb)
    if said.value not in ("asserted", "reported"):
        return d  # "did not deny", "may deny": no denial made
    deniers = tuple(arguments.mentions_for(syntax.subject(verb), c.sent, c.mentions)) or tuple(m for m in d.sources if m is not None)
    if not deniers:
        return d
    accusers = arguments.accuser(verb, c.sent, c.mentions)
    targets = tuple(t for t in (accusers or d.targets) if not arguments.same_actor(t, deniers[0]))
    return replace(d, code=DENIAL, sources=deniers[:1], targets=targets, source_token=syntax.subject(verb),
                   modality=Modality(said.value, f"denial: {verb.text}", said.speaker_token, said.reporting_verb, said.quote),
                   note=d.note + f" | denial ({verb.text} {c.pattern.code} {c.head.text})")


def claim_reading(d: Draft, c: Clause) -> tuple[str, tuple[Mention | None, ...], tuple[Mention, ...], str] | None:
    """How a reported act of violence is coded when a party to the conflict, not a reporter, reports it.

    "Kyiv said Russian troops shelled the town" is Kyiv's accusation against Russia (112); "X said
    it was attacked" an accusation against whoever the sentence says did it; "the group claimed it
    attacked the post" a claim of responsibility (015). A news outlet or an unresolved speaker
    leaves the reported event as it is, and so does a party reporting its own acts with "said".
    """
    mod = d.modality
    if mod.value != "reported" or not ontology.lookup(d.code).accusable or not c.speakers or not arguments.political(c.speakers[0]):
        return None
    if (syntax.is_passive(c.head) or syntax.reduced_passive(c.head)) and syntax.subject(c.head) is None:
        # "seven marines were killed in a car-bomb explosion, an official said", "was killed in an Israeli
        # air strike, a Hamas spokesman said": nobody is named as the doer, so the speaker reports a
        # happening (coded as reported) and accuses no one
        return None
    speaker = c.speakers[0]
    who = (speaker.code or speaker.sector, speaker.country)
    doer = next((m for m in d.sources if m is not None), None)
    own = doer is not None and ((doer.code or doer.sector, doer.country) == who or bool(doer.country and doer.country == speaker.country))
    if doer is None and is_pronoun(d.source_token):
        own = True  # "the group claimed they attacked": the pronoun is the speaker
    if own:
        if mod.reporting_verb in lexicon.words("claim_verb"):
            return CLAIM_OF_RESPONSIBILITY, (speaker,), d.targets, "claim of responsibility"
        return None
    if doer is not None:
        return ACCUSATION, (speaker,), (doer,), "accusation"
    if any((t.code or t.sector, t.country) == who for t in d.targets):
        # "Israel said a rocket was fired at it": the speaker says it was attacked by someone unnamed
        return ACCUSATION, (speaker,), (), "accusation"
    return None


def claim_or_accusation(d: Draft, c: Clause) -> Draft:
    """A party's report of violence is its accusation or claim of responsibility. When nobody named
    did it ("Israel said a rocket was fired at it") the claim is the event; otherwise it is kept
    beside the draft and coded instead of the reported act."""
    claim = claim_reading(d, c)
    if claim is None:
        return d
    code, sources, targets, how = claim
    mod = restate(d.modality, "asserted", f"{how}: {d.modality.reporting_verb}")
    note = d.note + f" | {how} ({d.modality.reporting_verb}: {c.pattern.code} {c.head.text})"
    if not d.sources:
        return replace(d, code=code, sources=sources, targets=targets, modality=mod, note=note)
    return replace(d, claim=Draft(code, sources, targets, mod, note))
