"""Guards: when a matched pattern must not be coded, and why (``tealeaves explain`` prints the why).

Violent verbs in sentences about sport, business or disasters (``data/events/context.tsv``) are
not attacks unless armed actors are named; the killing an attack caused is part of that attack;
a meeting or aid needs an actor to meet or help; statements and other verbal acts need a source
who is known (a coded actor, a country or a political role: "economists said" is not an event).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tealeaves import ontology
from tealeaves.coding import arguments, lexicon, readings, syntax
from tealeaves.coding.patterns import Pattern, context_words
from tealeaves.coding.readings import Clause, Draft
from tealeaves.models import Event, Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# meetings (04x), aid (07x) and military cooperation (062: "trained a fresh light on ...") coded from a
# verb's bare object: the object must be an actor
NEEDS_ACTOR_OBJECT = ("04", "07", "062")
_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b(?!\s*(?:year|month|day|week))")


@dataclass(frozen=True)
class Rejection:
    """Why a matched pattern yields no event. ``final``: the head is used up (no other pattern of
    it is tried); otherwise the coder goes on to the head's next pattern."""

    why: str
    final: bool = False


def off_topic(span: Span, code: str, own: Iterable[Token] = ()) -> str | None:
    """The domain word that makes a material-conflict code doubtful here, or None.

    "United beat Chelsea", "shares were hammered", "the quake killed 40": violent verbs in sport,
    business and disaster stories are not attacks unless armed actors are named in the sentence.
    The event's own words (``own``) are not domain cues: "fired at" is not a fire.
    """
    info = ontology.lookup(code)
    if info.quad != 4:
        return None
    words = context_words()
    skip = {t.i for t in own}
    lemmas = {t.lemma_.lower() for t in span if t.i not in skip} | {t.lower_ for t in span if t.i not in skip}
    if lemmas & words.get("armed", frozenset()):
        return None
    if _SCORE.search(span.text):
        lemmas = lemmas | {"score"}
    # a crowd protesting prices, wages or slow relief is a protest all the same (14x): only sport
    # ("fans rioted after the match") makes a protest doubtful
    domains = ("sport",) if code[:2] == "14" else ("sport", "business", "disaster")
    for domain in domains:
        hit = lemmas & words.get(domain, frozenset())
        if hit:
            return f"{domain}: {sorted(hit)[0]}"
    return None


def consequence_of_attack(head: Token, pat: Pattern, sent: Sentence, events: list[Event]) -> bool:
    """"Rebels shelled the town, killing eight": the killing is what the shelling did, one event."""
    while head.dep_ == "conj" and head.head.i != head.i:  # "killing eight and wounding 20"
        head = head.head
    if head.dep_ != "advcl" or head.tag_ != "VBG" or ontology.lookup(pat.code).quad != 4:
        return False
    gov = sent.offset(head.head)
    return any(e.evidence_start <= gov < e.evidence_end and e.quad == 4 for e in events)


# ---- guards on a draft, in the coder's order of readings --------------------------------------
def meeting_needs_actor(d: Draft, c: Clause) -> Draft | Rejection:
    """"Received weapons", "met expectations": a meeting or visit needs an actor to meet."""
    pat = c.pattern
    if d.code.startswith(NEEDS_ACTOR_OBJECT) and pat.target_after == "" and not d.targets and not pat.nominal:
        obj = d.target_token.text if d.target_token is not None else ""
        return Rejection(f"matched, but the object '{obj}' is not an actor")
    if d.code[:2] == "04" and pat.target_after == "" and any(t.dep_ == "oprd" for t in c.head.children):
        # "calling him a political idiot" names him something; it is no phone call or meeting
        return Rejection(f"matched, but '{c.head.text}' says what its object is")
    return d


VISIT, HOST = "042", "043"


def private_journey(d: Draft, c: Clause) -> Draft | Rejection:
    """"Immigrants who arrived in Canada", "tourists flew to Thailand", "Canada took in refugees": a
    visit (042) or a hosted visit (043) is a political actor's journey to another state or its leaders.
    Migrants, refugees, tourists, workers or businesses travel on their own account; nor is it a visit
    when the traveller's country was only inferred from where they went."""
    if d.code not in (VISIT, HOST) or c.pattern.nominal:
        return d
    travellers = d.sources if d.code == VISIT else d.targets
    private = lexicon.words("traveller_sector")
    for m in travellers:
        if m is None:
            continue
        if (m.sector or "").upper() in private:
            return Rejection(f"matched, but '{m.text}' ({m.sector}) travel on their own account: no visit", final=True)
        if d.code == VISIT and m.rule.startswith("context.") and any(t.country == m.country for t in d.targets):
            return Rejection(f"matched, but '{m.text}' has its country only from where it went: no visit", final=True)
    return d


def information_released(d: Draft, c: Clause) -> Draft | Rejection:
    """"Police released a photo of the bomber", "the ministry released the names of the hostages":
    information made public frees no one (08x), and shares it with no one (064) unless it is given
    "to" someone; such a release is not coded."""
    sharing = d.code == "064" and syntax.prep_object(c.head, "to") is None  # "released the names" to no one
    if not (d.code[:2] == "08" or sharing) or c.pattern.nominal:
        return d
    obj = syntax.object_or_patient(c.head)
    if obj is None or obj.lemma_.lower() not in lexicon.words("information_noun"):
        return d
    return Rejection(f"matched, but what is released ('{obj.text}') is information, not people or property")


def figurative_force(d: Draft, c: Clause) -> Draft | Rejection:
    """"The Senate shot down the proposal", "leaders beat a path to Libya", "the party is targeting
    swing voters": a verb of force (17x-20x) done to a proposal, a path or an electorate is a figure
    of speech; no one is coerced or attacked. The object decides, so "shot down a drone" stays force."""
    if ontology.lookup(d.code).quad != 4 or c.pattern.nominal:
        return d
    obj = syntax.object_or_patient(c.head)
    if obj is None or obj.lemma_.lower() not in lexicon.words("figurative_object"):
        return d
    return Rejection(f"matched, but not coded: '{c.head.text} {obj.text}' is a figure of speech, not force", final=True)


def met_with_a_response(d: Draft, c: Clause) -> Draft | Rejection:
    """"Any strike would be met with a crushing response", "the plan was met with scepticism": to be
    met with something is how it is received; no one meets anyone (04x). "He was met by the
    president" names who met him, and stays a meeting."""
    if c.pattern.code[:2] != "04" or c.pattern.nominal or c.head.lemma_.lower() != "meet" or not syntax.is_passive(c.head):
        return d
    if syntax.prep_object(c.head, "with") is None:
        return d
    return Rejection(f"matched, but '{c.head.text} with' tells how something is received, not a meeting", final=True)


JUDICIAL_COOPERATION = "063"
HUMANITARIAN_AID = "073"
RELEASE = "0841"
MILITARY_AID = "072"
DISARMAMENT = "0873"


def handed_over(d: Draft, c: Clause) -> Draft | Rejection:
    """What is handed over decides what handing it over is, and the one it goes "to" is the target.
    Suspects or prisoners handed by a state or its police are judicial cooperation (063); people
    handed over by anyone else (kidnappers, rebels) are released (0841); food, medicine and relief
    supplies are humanitarian aid (073); weapons are military aid (072) from a state and disarmament
    (0873) from an armed group. Anything else ("handed over control of the city") is none
    of these, and is not coded."""
    if c.pattern.code != JUDICIAL_COOPERATION or c.pattern.nominal or c.head.lemma_.lower() != "hand":
        return d
    obj = syntax.object_or_patient(c.head)
    if obj is None:
        return Rejection("matched, but nothing that is handed over is named")
    # "handed over three suspects to the US": the to-phrase can hang on the object in the parse
    to = syntax.prep_object(c.head, "to") or syntax.prep_object(obj, "to")
    receivers = tuple(arguments.mentions_for(to, c.sent, c.mentions)) if to is not None else d.targets
    src = next((s for s in d.sources if s is not None), None)
    law = src is not None and (arguments.state_actor(src) or (src.sector or "").upper() in lexicon.words("law_sector"))
    # the words of what is handed over, not of whom it goes to: "$4 million worth of medicines"
    receiver = {t.i for t in to.head.subtree} if to is not None else set()
    words = {t.lemma_.lower() for t in obj.subtree if t.i not in receiver}
    if readings.people(obj):
        code = JUDICIAL_COOPERATION if law else RELEASE
    elif words & lexicon.words("aid_good"):
        code = HUMANITARIAN_AID
    elif words & lexicon.words("arms_word"):
        code = MILITARY_AID if arguments.state_force(src) else DISARMAMENT
    else:
        return Rejection(f"matched, but what is handed over ('{obj.text}') is neither people nor aid", final=True)
    return replace(d, code=code, targets=receivers, target_token=to if to is not None else d.target_token,
                   note=d.note + f" | '{obj.text}' handed over: {code}")


def accidental_explosion(d: Draft, c: Clause) -> Draft | Rejection:
    """"A gas blast at a Ukrainian mine killed 20 miners", "12 died in a methane explosion": an
    explosion of gas or fuel is an accident; no one uses force (18x-20x), and the place named on it
    ("a Ukrainian mine") is no attacker. "A bomb blast", "a blast" with no fuel named stay attacks."""
    if ontology.lookup(d.code).quad != 4 or c.pattern.nominal:
        return d
    near = [*c.head.subtree, *(d.source_token.subtree if d.source_token is not None else ())]
    fuels = lexicon.words("fuel_word")
    blast = next((t for t in near if t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.words("explosion_noun")
                  and any(m.dep_ in ("compound", "amod") and m.lemma_.lower() in fuels for m in t.children)), None)
    if blast is None:
        return d
    return Rejection(f"matched, but not coded: '{blast.text}' of fuel is an accident, not an attack", final=True)


def fight_of_one(d: Draft, c: Clause) -> Draft | Rejection:
    """"The prime minister was fighting to save his credibility", "the prince fought back against
    his critics": one named person fighting no actor named is a political struggle, not force (19x)."""
    tok = d.source_token
    if (d.code[:2] != "19" or d.targets or c.pattern.nominal or tok is None or tok.ent_type_ != "PERSON"
            or c.head.lemma_.lower() not in lexicon.words("struggle_verb") or any(t.dep_ == "conj" for t in tok.children)):
        return d
    return Rejection(f"matched, but '{tok.text}' fights no one named: a political struggle, not force", final=True)


OCCUPY = "192"


def advance_of_no_force(d: Draft, c: Clause) -> Draft | Rejection:
    """"Israeli tanks rolled into the Jabalya camp", "US Marines pushed into Falluja": armed forces
    advancing into a place take it (192). Crowds, storms or investors moving into a square, a region
    or a market take nothing: the one who moves in must be an armed force."""
    if d.code != OCCUPY or c.pattern.nominal or c.head.lemma_.lower() not in lexicon.words("advance_verb"):
        return d
    armed = [s for s in d.sources if s is not None and (arguments.state_force(s) and (s.sector or "").upper() != "GOV"
                                                         or (s.sector or "").upper() in lexicon.words("armed_sector"))]
    if armed:
        return d
    who = d.source_token.text if d.source_token is not None else "no one named"
    return Rejection(f"matched, but '{who}' is no armed force: moving in is no occupation", final=True)


def weapon_test(d: Draft, c: Clause) -> Draft | Rejection:
    """"Pakistan test-fired a nuclear-capable missile", "fired a missile in a test": a weapons test
    uses no force against anyone."""
    if ontology.lookup(d.code).quad != 4 or c.pattern.nominal:
        return d
    doc, i = c.head.doc, c.head.i
    before = doc[i - 2] if i >= 2 and doc[i - 1].text == "-" else doc[i - 1] if i >= 1 else None
    tested = before is not None and before.lower_ == "test"
    if not tested:
        objects = (syntax.prep_object(c.head, p) for p in ("in", "during"))
        tested = any(o is not None and o.lemma_.lower() == "test" for o in objects)
    return Rejection("matched, but not coded: a weapons test", final=True) if tested else d


def statement_of_a_happening(d: Draft, c: Clause) -> Draft | Rejection:
    """"A spokesman said the soldiers were believed to have been executed", "the embassy is to be
    moved, the government said": a bare statement whose clause tells what was done to someone
    (a passive) reports a happening; it is no comment on anyone."""
    if not c.pattern.fallback:
        return d
    said = syntax.child(c.head, "ccomp")
    # the clause's own verb, or the verb of its "is to be moved", "were believed to have been ..."
    verbs = [said, *(t for t in said.children if t.dep_ == "xcomp")] if said is not None else []
    if not any(syntax.is_passive(v) for v in verbs):
        return d
    return Rejection(f"matched, but '{c.head.text}' only reports what was done to someone")


def answer_to_an_act_that_came(d: Draft, c: Clause) -> Draft | Rejection:
    """"Any strike will be countered" threatens (13x); "the attack was countered", "he countered the
    claims" answer what came, and are no threat."""
    if d.code[:2] != "13" or c.pattern.nominal or c.head.lemma_.lower() not in lexicon.words("answering_verb"):
        return d
    return d if readings.any_act(c.head) is not None else Rejection(f"'{c.head.text}' answers what came: no threat")


def festive_crowd(d: Draft, c: Clause) -> Draft | Rejection:
    """"Thousands took to the streets to celebrate the victory", "crowds at the carnival": a crowd
    that celebrates is no protest (14x)."""
    if d.code[:2] != "14":
        return d
    own = {c.head.i, *(t.i for t in c.used)}
    hit = next((t for t in c.sent.span if t.i not in own and t.lemma_.lower() in lexicon.words("festive_word")), None)
    return d if hit is None else Rejection(f"matched, but not coded: a festive crowd ('{hit.text}')", final=True)


def verbal_needs_known_source(d: Draft, c: Clause) -> Draft:
    """Statements, appeals, intentions, consultations and diplomatic acts (roots 01-05) mean
    something only when it is known who made them: a coded actor, or at least a political role
    ("the government", "rebels"); "economists said" or "the company said" is not an event."""
    if not ontology.lookup(d.code).verbal:
        return d
    kept = tuple(m for m in d.sources if arguments.coded(m))
    return d if kept == d.sources else replace(d, sources=kept)


def naming_a_thing(d: Draft, c: Clause) -> Draft | Rejection:
    """"Musharraf described the raid as a big achievement", "what a minister called the arrival of
    jihad": naming a thing, not someone, as something is a comment about no one, and CAMEO events
    are dyadic. Naming someone ("called him a criminal") is coded by ``readings.characterisation``.
    (Other comments with no one named are left alone: "declined to comment", "expressed concern"
    count as statements in the ConfliBERT data.)"""
    if d.code != "010" or c.pattern.nominal or any(arguments.coded(t) for t in d.targets):
        return d
    lemma = c.head.lemma_.lower()
    named = syntax.child(c.head, "oprd") if lemma == "call" else syntax.prep_object(c.head, "as") if lemma == "describe" else None
    if named is None:
        return d
    return Rejection(f"matched, but '{c.head.text}' names a thing as '{named.text}', not someone")


def between_companies(d: Draft, c: Clause) -> Draft | Rejection:
    """Business deals between companies are not political events ("Samsung Electronics Co. will
    invest in chip lines", "two steel groups agreed to merge"): every source a company and no one
    else acted on. A company's dealings with a state or any other actor stay events."""
    def company(m: Mention | None) -> bool:
        return m is not None and (m.sector or "").upper() == "BUS"

    if d.sources and all(company(m) for m in d.sources) and all(company(m) for m in d.targets):
        return Rejection("matched, but not coded: a business deal between companies", final=True)
    return d


def needs_source(d: Draft, c: Clause) -> Draft | Rejection:
    """An event needs someone who did it (or a passive that names no one, see agentless_passive)."""
    if d.sources:
        return d
    src = d.source_token.text if d.source_token is not None else "no subject"
    return Rejection(f"matched, but no coded actor as source ({src})")


def on_topic(d: Draft, c: Clause) -> Draft | Rejection:
    """Not an attack in a sport, business or disaster story (see :func:`off_topic`)."""
    doubt = off_topic(c.sent.span, d.code, [c.head, *c.used])
    if doubt and doubt.startswith("business") and d.code[:2] == "16" and any(arguments.state_actor(m) for m in d.sources):
        doubt = None  # a state's sanctions and aid cuts are about trade and companies by nature
    if doubt:
        return Rejection(f"matched, but not coded: off-topic sentence ({doubt})", final=True)
    return d
