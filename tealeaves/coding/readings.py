"""Readings: how a matched pattern becomes what CAMEO codes, one rule of the codebook each.

CAMEO codes what is said, not only what is done: "X said it would strike" is a threat by X (13x),
"X will not lift the ban" a refusal (12x), "Kyiv said Russian troops shelled the town" Kyiv's
accusation (112). Each reading takes a :class:`Draft` (code, sources, targets, modality, note) and
gives it back changed, or unchanged (the same object) when it does not apply; the coder applies
them in order (``tealeaves.coding.coder.FIRING``) and ``tealeaves explain`` names those that
changed the draft. The :class:`Clause` holds what a reading may read but not change.

The recoding tables are ``data/events/recoding.csv``, the word lists ``data/events/lexicon.tsv``
and the per-code flags (agentless, accusable ...) columns of ``data/ontology/cameo.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tealeaves import ontology
from tealeaves.coding import arguments, lexicon, places, syntax
from tealeaves.coding.modality import FUTURE_LIKE, Modality, intent_verb, modality_of
from tealeaves.coding.patterns import Pattern, PatternTable, match
from tealeaves.models import Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token

ACCUSATION = "112"
CLAIM_OF_RESPONSIBILITY = "015"
DEMAND = "100"
ULTIMATUM = "139"
APPEAL = "020"


@dataclass(frozen=True)
class Draft:
    """An event as the readings have it so far."""

    code: str
    sources: tuple[Mention | None, ...]  # None: a real event whose agent the text leaves out
    targets: tuple[Mention, ...]
    modality: Modality
    note: str = ""  # what the readings did, appended to the event's rule
    source_token: Token | None = None
    target_token: Token | None = None
    claim: Draft | None = None  # the speaker's accusation or claim, coded instead of the act
    mutual: bool = False  # each side acts on the other: "X held talks with Y" is also Y with X


@dataclass(frozen=True)
class Clause:
    """The matched pattern and where it sits: fixed while the readings change the draft."""

    sent: Sentence
    mentions: tuple[Mention, ...]
    pattern: Pattern
    head: Token
    used: tuple[Token, ...]  # the pattern's words under the head
    speakers: tuple[Mention, ...]  # who says so, when the event is reported speech


def first_draft(sent: Sentence, mentions: tuple[Mention, ...], pat: Pattern, head: Token,
                hit: tuple[list[Token], Token | None]) -> tuple[Draft, Clause]:
    """The draft straight from the parse: the pattern's code, the subject and the target slot."""
    used, target_tok = hit
    if target_tok is None and not pat.nominal:
        target_tok, targets = arguments.default_targets(head, sent, mentions)
    else:
        if target_tok is None:
            target_tok = syntax.prep_object(head, "of")  # "the expulsion of diplomats"
        targets = arguments.mentions_for(target_tok, sent, mentions)
    src_tok = arguments.nominal_source(head) if pat.nominal else syntax.subject(head)
    if pat.nominal and src_tok is None:
        # "Indian police raids": named entities are looked for only once a document has an event,
        # so the nationality on the act is found by the actor it names
        src_tok = next((t for t in head.children if t.dep_ in ("amod", "compound") and arguments.names_actor(t, sent, mentions)
                        and not any(m.rule.startswith("place.") for m in arguments.mentions_for(t, sent, mentions))), None)
    sources = arguments.mentions_for(src_tok, sent, mentions)
    if not pat.nominal and src_tok is not None and head.dep_ in ("acl", "relcl") and src_tok.i == head.head.i:
        # "the move to pull out of the pact with Russia": the noun a clause hangs on acts, but an
        # actor inside that clause is not the noun's own ("Georgia's move" is Georgia's)
        lo, hi = sent.offset(head.doc[head.left_edge.i]), sent.offset(head.doc[head.right_edge.i])
        sources = [m for m in sources if not lo <= m.start <= hi]
    if not pat.nominal and sources:
        sources += [m for tok in syntax.more_agents(head) for m in arguments.mentions_for(tok, sent, mentions) if m not in sources]
    mod = modality_of(head)
    speakers = arguments.mentions_for(mod.speaker_token, sent, mentions) if mod.speaker_token is not None else []
    draft = Draft(pat.code, tuple(sources), tuple(targets), mod, "", src_tok, target_tok)
    return draft, Clause(sent, mentions, pat, head, tuple(used), tuple(speakers))


def commitment_code(code: str, negated: bool) -> str:
    """The code of a stated commitment to do (or not to do) what ``code`` describes.

    CAMEO codes words, not deeds: "will release" is an intent to yield (035x), "will strike" a
    threat (138), "will not lift sanctions" a refusal to yield (124x). Codes with no such reading
    come back unchanged.
    """
    if negated:
        return lexicon.recode("refusal", code) or code
    threat = lexicon.recoding("threat").get(code[:2])
    if threat:
        return threat
    return lexicon.recode("intent", code) or code


def _pronoun(tok: Token | None) -> bool:
    return tok is not None and tok.lower_ in lexicon.words("pronoun")


def _own_words(d: Draft, c: Clause) -> bool:
    """The speaker speaks of its own act: no other source, a pronoun, or the speaker itself."""
    return bool(c.speakers) and (not d.sources or d.source_token is None or _pronoun(d.source_token)
                                 or (d.sources[0] is not None and d.sources[0].code == c.speakers[0].code))


def _speaks_for(d: Draft, c: Clause) -> bool:
    """The speaker is the acting side's own voice: "the ministry", "his office", "a government
    spokesman" (a role of no stated country) or a body of the same country ("Iran's foreign
    ministry said Tehran would not ...")."""
    if not d.sources or d.sources[0] is None or not d.sources[0].country:
        return False
    if not c.speakers:
        # "his office said", "its ministry said": the possessive is the side that acts
        tok = d.modality.speaker_token
        return tok is not None and any(g.dep_ == "poss" and _pronoun(g) for g in tok.children)
    speaker = c.speakers[0]
    if not arguments.coded(speaker) or (speaker.sector or "").upper() == "MED":
        return False
    return speaker.country is None or speaker.country == d.sources[0].country


def _restate(mod: Modality, value: str, cue: str) -> Modality:
    return Modality(value, cue, mod.speaker_token, mod.reporting_verb, mod.quote)


# ---- readings, in the order the coder applies them --------------------------------------------
CRITICISM = "111"
# demands, disapproval and rejection: saying one will take the stand is taking it
STANCE_ROOTS = ("10", "11", "12")
PRAISE = "051"
COMMENT = "010"


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


def statement_about(d: Draft, c: Clause) -> Draft:
    """"Russia said Ukraine was unreliable": a bare statement is about the actor it speaks of."""
    if not c.pattern.fallback or d.targets or c.pattern.nominal:
        return d
    said = syntax.child(c.head, "ccomp")
    subj = syntax.child(said, syntax.ANY_SUBJECT_DEPS) if said is not None else None
    if subj is None or _pronoun(subj) or not arguments.names_actor(subj, c.sent, c.mentions):
        return d
    return replace(d, target_token=subj, targets=tuple(arguments.mentions_for(subj, c.sent, c.mentions)))


def demand_of_a_clause(d: Draft, c: Clause) -> Draft:
    """"The EU demanded that Israel reopen the crossings", "Washington urged that Pakistan hand over
    the suspects": a demand or appeal whose content is a clause is made to the one the clause says
    must act, its subject. A pronoun subject is left alone (it may be the speaker's own side), and a
    subject that names no actor ("demanded that the talks resume") gives no target."""
    if d.targets or c.pattern.nominal or d.code[:2] not in (DEMAND[:2], APPEAL[:2]):
        return d
    said = next((k for k in c.head.children if k.dep_ == "ccomp" and k.i > c.head.i), None)
    subj = syntax.child(said, syntax.ANY_SUBJECT_DEPS) if said is not None else None
    if subj is None or _pronoun(subj) or not arguments.names_actor(subj, c.sent, c.mentions):
        return d
    targets = tuple(m for m in arguments.mentions_for(subj, c.sent, c.mentions)
                    if not any(s is not None and arguments.same_actor(m, s) for s in d.sources))
    if not targets:
        return d
    return replace(d, target_token=subj, targets=targets, note=d.note + " | demand made to the clause's subject")


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


def demanded_of_a_clause(d: Draft, c: Clause) -> Draft:
    """"Jordan demanded that Israel reopen the crossing", "the Council demanded the country withdraw
    its troops": the one told to act is who the demand (10x) is made of. What it is told to do did
    not happen; it is at most a hypothetical event of its own."""
    if d.code[:2] != DEMAND[:2] and d.code != ULTIMATUM or d.targets or c.pattern.nominal:
        return d
    said = next((t for t in c.head.children if t.dep_ == "ccomp" and t.i > c.head.i), None)
    if d.code == ULTIMATUM:  # "set a deadline for Serbia to pull out"
        said = next((t for t in c.head.children if t.dep_ in ("advcl", "acl") and t.i > c.head.i
                     and any(g.dep_ == "mark" and g.lower_ == "for" for g in t.children)), None)
    subj = syntax.child(said, syntax.ANY_SUBJECT_DEPS) if said is not None else None
    if subj is None:
        return d
    told = arguments.mentions_for(subj, c.sent, c.mentions)
    own = next((s for s in d.sources if s is not None), None)
    told = [m for m in told if own is None or not arguments.same_actor(m, own)]
    if not told:
        return d
    return replace(d, target_token=subj, targets=tuple(told), note=d.note + f" | demand made of '{subj.text}'")


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


def stated_intention(d: Draft, c: Clause) -> Draft:
    """"X said it would strike": a threat by X; "X said it would release them": an intent (03x)."""
    intent = syntax.future_aux(c.head)
    mod = d.modality
    if not (intent and _own_words(d, c) and syntax.said_directly(c.head) and mod.value in FUTURE_LIKE):
        return d
    new = commitment_code(d.code, negated=False)
    # "said it will seek better ties": already an intent; "said it will reject any proposal", "would
    # oppose the resolution": a stated stand on a demand, a proposal or a policy is taken when stated
    if new == d.code and d.code[:2] not in ("03", "13", *STANCE_ROOTS):
        return d
    return replace(d, code=new, sources=c.speakers[:1], modality=_restate(mod, "asserted", f"stated intention: {intent}"),
                 note=d.note + f" | stated intention of the speaker ({mod.reporting_verb}: {intent})")


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
    if (owner is None or _pronoun(owner)) and noun.dep_ == "dobj":
        owner = syntax.subject(noun.head)  # "Beijing repeated its threat that ...": the one who made it
    sources = [m for m in arguments.mentions_for(owner, c.sent, c.mentions) if arguments.coded(m)]
    if not sources:
        return d
    return replace(d, sources=tuple(sources[:1]), source_token=owner, modality=modality_of(noun),
                   note=d.note + f" | a {noun.text} that any {act.text} will be answered")


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
                 modality=_restate(d.modality, "asserted", f"intention: {head.head.text}"))


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


def _on_condition(head: Token) -> bool:
    """The act is said to follow on a condition: an "if" or "unless" clause hangs on it."""
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
               for c in head.children)


def announced_intention(d: Draft, c: Clause) -> Draft:
    """"Norway will provide $20 million in aid to Sudan", "Karzai is to visit Pakistan", "Poland
    said it plans to reduce its troops": the announcement is the event, an intention (03x) or, for
    force, a threat (13x), of the one who will act; it is asserted (or reported, when another says so)."""
    mod = d.modality
    conditional = mod.value in ("hypothetical", "future") and d.code[:2] in FORCE_ROOTS and _on_condition(c.head)
    if conditional:
        # "Syria may strike back if Israel raids again", "could hit them unless ...", "Israel will
        # invade Gaza unless the rocket fire stops": a threat
        mod = _restate(mod, "future", mod.cue or "if")
    if mod.value != "future" or not d.sources or d.sources[0] is None or not _main_clause(c.head):
        return d
    if not conditional and (d.code[:2] in FORCE_ROOTS or (mod.cue or "").lower() not in lexicon.words("announce_cue")):
        # force announced without a condition ("will send troops to Iraq", "will attack next week")
        # stays a planned act: a forecast or a deployment, not a threat made to anyone
        return d
    own = _own_words(d, c)
    if mod.reporting_verb and not own and _pronoun(d.source_token):
        return d
    new = commitment_code(d.code, negated=False)
    if new == d.code and d.code[:2] != "03":  # "will seek reconciliation with Y" is itself an intent (03x)
        return d
    value = "reported" if mod.reporting_verb and not own else "asserted"
    return replace(d, code=new, sources=c.speakers[:1] if own and c.speakers and _pronoun(d.source_token) else d.sources,
                   modality=_restate(mod, value, f"announced intention: {mod.cue}"),
                   note=d.note + f" | announced intention ({mod.cue})")


def refusal(d: Draft, c: Clause) -> Draft:
    """"X will not lift the ban", "X said it would not accept refugees", "refused to release them":
    a refusal (12x)."""
    mod, head = d.modality, c.head
    if mod.value != "negated":
        return d
    own = _own_words(d, c)
    side = not own and _speaks_for(d, c)
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
                 modality=_restate(mod, value, f"refusal: {words}"))


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
            d = replace(d, modality=_restate(d.modality, "reported" if d.modality.reporting_verb else "asserted", "denial"))
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


def _domestic(code: str) -> bool:
    return code[:3] in lexicon.words("domestic_act")


def _of_country(m: Mention, country: str, why: str) -> Mention:
    return replace(m, country=country, code=country + (m.sector or ""), rule=m.rule + f" +{why}")


def agent_of_the_law(d: Draft, c: Clause) -> Draft:
    """"X was arrested on drug charges, authorities said", "a soldier has been charged, police
    said": the police, court or authorities who report an arrest or charge with no agent named made
    it. Of no stated country, they are the state of the place where it happened (or the dateline's),
    else of the one they hold (an arrest is done at home)."""
    if d.sources != (None,) or not c.speakers or not _domestic(d.code):
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
        agent = _of_country(agent, country, "the state that holds them")
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


def target_of_the_place(d: Draft, c: Clause) -> Draft:
    """"US troops battled militiamen in Falluja": an armed group or crowd of no stated country that
    is fought or struck is of the country where it happens (IRQ); so is what an act named by a noun
    strikes ("police raids on mosques in Dagestan")."""
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
    if not _domestic(d.code) or c.pattern.nominal or c.head.lemma_.lower() not in lexicon.words("accused_verb"):
        return d
    accused = tuple(m for m in d.sources if m is not None)
    if not accused or syntax.is_passive(c.head):
        return d
    where = arguments.place_country(c.head, c.sent, c.mentions) or arguments.dateline_country(c.sent)
    court = (replace(where, code=f"{where.country}JUD", sector="JUD", rule=where.rule + " +court of the place"),) \
        if where is not None and where.country else (None,)
    return replace(d, sources=court, targets=accused, source_token=None, target_token=d.source_token,
                   note=d.note + " | the accused is the subject")


def own_people(d: Draft, c: Clause) -> Draft:
    """"An Indonesian court sentenced a militant", "Egyptian police arrested dozens": the people a
    state's police or courts arrest, charge or sentence, whom the text gives no country, are its own."""
    src = next((s for s in d.sources if s is not None), None)
    if (not _domestic(d.code) or src is None or not src.country or not d.targets or any(t.country for t in d.targets)
            or not (arguments.state_actor(src) or (src.sector or "").upper() in lexicon.words("law_sector"))):
        return d
    return replace(d, targets=tuple(_of_country(t, src.country, "held at home") for t in d.targets),
                   note=d.note + f" | people held by their own state ({src.country})")


def object_not_an_actor(d: Draft, c: Clause) -> Draft:
    """"Received assurances from the government": the object is not who is met or helped."""
    pat, tgt = c.pattern, d.target_token
    if (d.code[:2] in ("04", "07") and pat.target_after == "" and not pat.nominal and tgt is not None
            and not pat.words and not arguments.names_actor(tgt, c.sent, c.mentions) and d.targets):
        return replace(d, targets=())
    return d


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
    if doer is None and _pronoun(d.source_token):
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
    mod = _restate(d.modality, "asserted", f"{how}: {d.modality.reporting_verb}")
    note = d.note + f" | {how} ({d.modality.reporting_verb}: {c.pattern.code} {c.head.text})"
    if not d.sources:
        return replace(d, code=code, sources=sources, targets=targets, modality=mod, note=note)
    return replace(d, claim=Draft(code, sources, targets, mod, note))


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


OBSTRUCT, RESTRICT_MOVEMENT = "144", "191"


def forces_block_movement(d: Draft, c: Clause) -> Draft:
    """"Israeli troops blocked main roads in Gaza", "the army blocked traffic into the city": roads
    blocked by a state's forces restrict movement (191), they are no protest (144), which is what
    crowds, farmers or strikers do when they block a road."""
    if d.code != OBSTRUCT or not any(arguments.state_force(s) for s in d.sources):
        return d
    return replace(d, code=RESTRICT_MOVEMENT, note=d.note + " | blocked by a state's forces (191)")


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
    sources = tuple(_of_country(s, country, "place of the protest") if s is not None and not s.country and s.sector else s
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


def state_force(code: str, source: Mention | None) -> str | None:
    """CAMEO 18x is unconventional violence (non-state groups, terror, assassination); force used by
    a state's military or government is conventional (19x): an unspecified attack by them is a 190."""
    new = lexicon.recoding("state_force").get(code)
    return new if new and arguments.state_force(source) else None


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

