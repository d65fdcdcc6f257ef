"""Walks over a sentence's dependency tree: the words under a head, subjects, passives, clauses.

Pure functions of spaCy tokens (no actors, no codes); the other coding modules ask them where a
subject, object or governing verb sits. Dependency labels are spaCy's English scheme (ClearNLP).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tealeaves.coding import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
ANY_SUBJECT_DEPS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
# a pattern's words are looked for under the head, but not inside another clause or a list
SKIP_CHILD_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "conj", "relcl", "parataxis",
                             "punct", "cc", "mark", "appos"})
MAX_DEPTH = 3
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def children(tok: Token, depth: int = 0) -> Iterator[tuple[Token, int]]:
    """The words under ``tok`` within MAX_DEPTH, with their depth, not crossing into other clauses."""
    for c in tok.children:
        if c.dep_ in SKIP_CHILD_DEPS:
            continue
        yield c, depth + 1
        if depth + 1 < MAX_DEPTH:
            yield from children(c, depth + 1)


def depth(tok: Token) -> int:
    """How far ``tok`` is from the root of its sentence."""
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def child(tok: Token, deps: str | frozenset[str] | tuple[str, ...]) -> Token | None:
    """The first child of ``tok`` with one of the dependency labels ``deps``."""
    wanted = (deps,) if isinstance(deps, str) else deps
    return next((c for c in tok.children if c.dep_ in wanted), None)


def prep_object(tok: Token, prep: str) -> Token | None:
    """The object of the preposition ``prep`` hanging off ``tok``: "the expulsion of <diplomats>"."""
    p = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == prep), None)
    return child(p, "pobj") if p is not None else None


def is_passive(head: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children) or bare_passive(head)


def bare_passive(head: Token) -> bool:
    """A passive without its auxiliary, whose subject is the victim: the headline's "Four soldiers
    killed in ambush", "Couple shot dead in resort", and the participle of "were reported killed"."""
    if head.lemma_.lower() not in lexicon.words("victim_verb") or head.tag_ not in ("VBN", "VBD"):
        return False
    if head.dep_ == "xcomp":  # "were reported killed", "were feared dead"
        return not any(c.dep_ == "aux" for c in head.children) and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.head.children)
    if head.dep_ != "ROOT" or any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp", "dative") for c in head.children):
        return False
    # "Rebels killed and wounded 12 people": an object on a conjunct is the object of both
    if any(c.dep_ == "dobj" for conj in head.conjuncts for c in conj.children):
        return False
    return any(c.dep_ == "nsubj" for c in head.children)


def patient(head: Token) -> Token | None:
    """The one a passive verb was done to: its passive subject, the subject of a bare passive, or the
    raised subject of "were reported killed"."""
    found = child(head, PASSIVE_SUBJECT_DEPS)
    if found is None and bare_passive(head):
        found = child(head, ("nsubj",)) if head.dep_ != "xcomp" else child(head.head, PASSIVE_SUBJECT_DEPS)
    return antecedent(found)


def object_or_patient(head: Token) -> Token | None:
    """What a verb acts on: its direct object, or the subject of its passive ("the bill was shot down")."""
    obj = child(head, "dobj")
    if obj is None and is_passive(head):
        obj = child(head, PASSIVE_SUBJECT_DEPS)
    return obj


def antecedent(tok: Token | None) -> Token | None:
    """The noun a relative pronoun stands for: "two women who were freed by kidnappers" were the
    women, "the gunmen who seized the bus" the gunmen. Other words come back as they are."""
    if tok is None or tok.lower_ not in RELATIVE_PRONOUNS or tok.tag_ not in ("WDT", "WP"):
        return tok
    clause = tok.head
    noun = clause.head
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.text == "," and tok.i > 1:
        before = tok.doc[tok.i - 2]
    # only the noun right before the pronoun ("the FBI and the department of the siege that killed
    # 340 people" is the siege's clause, whatever the parser says), and never a happening: "the siege
    # that killed" names no one who acts
    if (clause.dep_ == "relcl" and noun.i != clause.i and noun.pos_ in ("NOUN", "PROPN") and before is not None
            and before.i == noun.i and not lexicon.happening_noun(noun)):
        return noun
    return tok


def reduced_passive(head: Token) -> bool:
    """A past participle modifying a noun ("the report released on Tuesday", "officials accused of
    fraud"): the noun is what the verb happened to, not who did it. Not when a weapon or attack
    that is all the sentence has besides takes an object ("A suicide bombing killed five people"
    misread as a noun phrase): that is the sentence's verb and the weapon its subject."""
    if head.dep_ != "acl" or head.tag_ != "VBN":
        return False
    return not (head.head.dep_ == "ROOT" and child(head, "dobj") is not None and lexicon.happening_noun(head.head))


def subject(head: Token) -> Token | None:
    """The acting noun of a verb head, following xcomp/conj chains up when the verb has no subject."""
    if is_passive(head) or reduced_passive(head):
        agent = child(head, "agent")
        return child(agent, "pobj") if agent is not None else None
    tok = head
    raised = False
    for _ in range(4):
        # "is expected to travel": up an xcomp chain the raised subject is the passive subject
        subj = child(tok, ANY_SUBJECT_DEPS if raised else SUBJECT_DEPS)
        if subj is not None:
            return antecedent(subj)
        raised = tok.dep_ == "xcomp"
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "ADJ":
            # "was guilty of violating the ceasefire": the one who is guilty did it
            tok = tok.head.head
            continue
        if tok.dep_ == "acomp" and tok.head.i != tok.i:
            # "is willing to withdraw", "is ready to contribute": up from the adjective to its verb
            tok = tok.head
            continue
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.i != tok.i:
            if tok.dep_ == "advcl" and tok.tag_ not in ("VBG", "VBN"):
                break  # a finite subordinate clause has its own subject
            tok = tok.head
            continue
        if tok.dep_ in ("acl", "relcl") and tok.head.i != tok.i:
            return tok.head
        break
    return None


def more_agents(head: Token) -> list[Token]:
    """The agents of a passive after the first, each with its own "by": "condemned by the EU and by
    Washington" (the parser hangs the second "by" on the first as its conjunct)."""
    agent = child(head, "agent")
    if agent is None or not (is_passive(head) or reduced_passive(head)):
        return []
    return [obj for by in agent.conjuncts if by.lower_ == "by" and (obj := child(by, "pobj")) is not None]


def future_aux(head: Token) -> str | None:
    """The will/would of the clause headed by ``head`` (or of the verb it completes), if any."""
    aux_words = lexicon.words("stated_intent_aux")
    tok = head
    for _ in range(3):
        aux = next((c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lower_ in aux_words), None)
        if aux:
            return aux
        if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return None


def governor_in(head: Token, words: frozenset[str], hops: int = 4) -> Token | None:
    """The verb with a lemma in ``words`` whose complement ``head`` is, up a chain of complements:
    "denied <arming> the rebels", "denied that it had <carried> out the attack"."""
    tok = head
    for _ in range(hops):
        if tok.dep_ not in ("xcomp", "ccomp", "pcomp", "conj", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() in words:
            return tok
    return None


def said_directly(head: Token) -> bool:
    """True when the clause of ``head`` is what a reporting verb says ("X said it would ...")."""
    tok = head
    for _ in range(4):
        if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lexicon.words("reporting_verb")


def trailing_attribution(verb: Token) -> bool:
    """"Rebels seized the town, officials said": the reporting verb comes after the happening it
    reports, and so only attributes it. "Russia is unreliable, Kyiv said" stays a comment: its clause
    says what someone is, not what happened."""
    said = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    return bool(said) and all(c.i < verb.i and c.pos_ == "VERB" and c.lemma_.lower() not in lexicon.words("copula")
                              for c in said)


def unmatched_clause(used: list[Token], head: Token) -> Token | None:
    """A verb complement the pattern's words sit under but that is not itself a pattern word.

    "agree to sanctions" must not match "agreed to lift the sanctions": "lift" is in between.
    """
    ids = {t.i for t in used}
    for u in used:
        cur = u.head
        while cur.i != head.i and cur.head.i != cur.i:
            if cur.dep_ in ("xcomp", "ccomp", "pcomp") and cur.pos_ in ("VERB", "AUX") and cur.i not in ids:
                return cur
            cur = cur.head
    return None


def appeal_parts(verb: Token, lemma: str) -> tuple[Token | None, Token | None]:
    """(who is asked, the verb of what they are asked to do) of an appeal verb, or Nones.

    "urged Russia to withdraw" (object + to-complement), "called on Iran to release" (the verb's
    preposition), "wants Putin to attack" (the parser's clausal complement with its own subject).
    """
    def infinitive(v: Token) -> bool:
        return v.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)

    act = next((c for c in verb.children if c.dep_ == "xcomp" and infinitive(c)), None)
    prep = lexicon.notes("appeal_verb").get(lemma)
    if act is None and not prep and child(verb, "dobj") is not None:
        # "petitioned the government to file a case": the parser often reads the asked-for act
        # after the object as a clause of purpose; the appeal still needs an actor as the object
        act = next((c for c in verb.children if c.dep_ == "advcl" and infinitive(c) and c.i > verb.i), None)
    if act is not None:
        asked = prep_object(verb, prep) if prep else child(verb, ("dobj", "dative"))
        return asked, act
    act = next((c for c in verb.children if c.dep_ == "ccomp" and infinitive(c)), None)
    if act is None and lemma in lexicon.words("demand_verb"):
        # "demanded (that) Israel withdraw": the asked-for act is a bare verb with its own subject
        act = next((c for c in verb.children if c.dep_ == "ccomp" and c.tag_ == "VB"), None)
    if act is not None and lemma in lexicon.words("appeal_clause_verb"):
        return child(act, "nsubj"), act
    return None, None
