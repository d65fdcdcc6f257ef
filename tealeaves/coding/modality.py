"""Modality: how sure the text is that an event happened, and who says so.

Each event gets one of

    asserted      the text states it happened ("Turkish artillery shelled the village")
    reported      a claim someone made ("..., the ministry said"; "according to Reuters")
    negated       it did not happen ("did not meet", "denied attacking", "refused to sign")
    hypothetical  conditions, possibilities and options ("could strike", "if talks fail",
                  "an invasion remains unlikely", "is considering sanctions")
    future        planned or scheduled ("will travel", "is expected to visit", "plans to sign")

The value is read off the dependency parse by walking from the event's head word up through the
clauses that govern it; the first cue found decides, and reported speech found on the way is kept
with its speaker, reporting verb and the quoted span. The word lists (reporting verbs, modal
auxiliaries, governing verbs ...) are lists of ``data/events/lexicon.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tealeaves.coding import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

# the values under which a stated commitment is read as an intention, threat or offer
FUTURE_LIKE = ("future", "hypothetical")
QUOTES = "\"\u201c\u201d\u00ab\u00bb"


@dataclass(frozen=True)
class Modality:
    """The modality of one event and the evidence for it."""

    value: str
    cue: str | None = None
    speaker_token: Token | None = None  # the reporting verb's subject when reported
    reporting_verb: str | None = None
    quote: tuple[int, int] | None = None  # character offsets in the sentence span's doc


def _quote_span(head: Token) -> tuple[int, int] | None:
    """Offsets (in the spaCy doc) of the quotation that contains ``head``, if any."""
    sent = head.sent
    opens: list[int] = []
    spans: list[tuple[int, int]] = []
    for t in sent:
        if t.text in QUOTES or t.text in ("``", "''"):
            if t.text in ("\u201d", "''") or (opens and t.text == '"'):
                if opens:
                    spans.append((opens.pop(), t.i))
            else:
                opens.append(t.i)
    for a, b in spans:
        if a < head.i < b:
            doc = head.doc
            return doc[a + 1].idx, doc[b - 1].idx + len(doc[b - 1].text)
    return None


def _reporter(verb: Token) -> tuple[Token | None, Token] | None:
    """(speaker token, verb) when ``verb`` is a reporting verb with a subject or an 'according to'."""
    if verb.lemma_.lower() not in lexicon.words("reporting_verb"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj, verb


def _is_negated(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")):
            return c.text
    return None


def modality_of(head: Token) -> Modality:
    """The modality of the event headed by the spaCy token ``head``, with the word that decided it."""
    if head.pos_ in ("NOUN", "PROPN"):
        return _nominal_modality(head)
    return _verbal_modality(head)


def _verbal_modality(head: Token) -> Modality:
    tok = head
    reported: Modality | None = None
    quote = _quote_span(head)
    decided: Modality | None = None
    for hop in range(8):
        if decided is None:
            decided = _local_cue(tok, hop)
        # "Russia attacked Ukraine, officials said": the reporting verb hangs off the event verb
        for c in tok.children:
            if reported is None and c.dep_ in ("parataxis", "ccomp") and c.i > head.i:
                rep = _reporter(c)
                if rep is not None and not any(g.dep_ == "ccomp" for g in c.children):
                    reported = Modality("reported", c.text, rep[0], c.lemma_.lower())
            if reported is None and c.dep_ == "prep" and c.lower_ == "according":
                src = next((g for g in c.subtree if g.dep_ == "pobj"), None)
                reported = Modality("reported", "according to", src, "according to")
        if tok.head.i == tok.i or tok.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acomp", "relcl", "acl", "parataxis"):
            break
        gov = tok.head
        lemma = gov.lemma_.lower()
        if tok.dep_ == "acl" and decided is None:
            decided = _intended(tok)
        if tok.dep_ in ("relcl", "acl"):
            if (decided is None and tok.dep_ == "acl" and lemma in lexicon.words("hypothetical_governor")
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
                # "a deadline to arrest the militants", "his call to free the hostages": what a
                # demand, call or offer asks to be done is not done
                decided = Modality("hypothetical", gov.text)
            break
        if (tok.dep_ == "ccomp" and tok.i < gov.i and lemma in lexicon.words("denial_verb")
                and head.lemma_.lower() in lexicon.words("accusing_verb")):
            # "Israel accused Syria of arming militants, a charge Damascus denied": what is denied
            # is what the accusation says, not that it was made
            break
        if tok.dep_ == "advcl":
            # an event in a condition ("if Russia attacks") is hypothetical; the main clause's
            # modality does not spread into a time clause ("after they met")
            break
        if decided is None and tok.dep_ in ("xcomp", "acomp") or (decided is None and tok.dep_ == "ccomp" and lemma not in lexicon.words("reporting_verb")):
            neg = _is_negated(gov)
            if lemma in lexicon.words("negating_governor") or lemma in lexicon.words("denial_verb"):
                decided = Modality("negated", gov.text)
            elif neg and lemma not in lexicon.words("reporting_verb"):
                decided = Modality("negated", f"{neg} {gov.text}")
            elif lemma in lexicon.words("future_governor") or (lemma == "be" and tok.dep_ == "xcomp"):
                decided = Modality("future", gov.text)
            elif lemma in lexicon.words("hypothetical_governor"):
                decided = Modality("hypothetical", gov.text)
        if tok.dep_ == "ccomp" and lemma in lexicon.words("denial_verb") and decided is None:
            decided = Modality("negated", gov.text)
        if tok.dep_ == "ccomp" and reported is None:
            rep = _reporter(gov)
            if rep is not None:
                reported = Modality("reported", gov.text, rep[0], lemma)
                if decided is None and _is_negated(gov) is None:
                    # "said it would respond" reports a stated intention, not a guess
                    would = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in lexicon.words("conditional_aux")), None)
                    if would is not None:
                        decided = Modality("future", would.text)
        tok = gov
    if reported is not None:
        reported = Modality(reported.value, reported.cue, reported.speaker_token, reported.reporting_verb, quote)
    if decided is not None:
        if reported is not None:
            return Modality(decided.value, decided.cue, reported.speaker_token, reported.reporting_verb, quote)
        return decided
    if quote is not None and reported is None:
        return Modality("reported", "quotation", None, None, quote)
    return reported or Modality("asserted", None)


def intent_verb(tok: Token) -> str | None:
    """The verb an intention noun stands for when ``tok`` is its 'to' infinitive: "Iran's threat to
    attack Israel" is Iran threatening to attack; None for any other clause on a noun."""
    gov = tok.head
    if tok.dep_ != "acl" or gov.pos_ != "NOUN" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    return lexicon.notes("intent_noun").get(gov.lemma_.lower())


def _intended(tok: Token) -> Modality | None:
    """"The threat to attack", "a plan to send troops", "an offer to mediate": what the noun's
    infinitive names has not happened; it is as planned, or as open, as the verb the noun stands
    for makes it."""
    verb = intent_verb(tok)
    if verb is None:
        return None
    if verb in lexicon.words("hypothetical_governor"):
        return Modality("hypothetical", tok.head.text)
    return Modality("future", tok.head.text)


def _local_cue(tok: Token, hop: int) -> Modality | None:
    """A cue on the words hanging directly off one verb of the chain."""
    neg = _is_negated(tok)
    if neg:
        return Modality("negated", neg)
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in lexicon.words("hypothetical_aux"):
            return Modality("hypothetical", c.text)
        if c.dep_ == "aux" and c.lower_ in lexicon.words("future_aux"):
            return Modality("future", c.text)
        if c.dep_ == "aux" and c.lower_ in lexicon.words("conditional_aux") and hop == 0:
            return None if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lexicon.words("reporting_verb") else Modality("hypothetical", c.text)
        if c.dep_ == "mark" and c.lower_ in lexicon.words("conditional_mark"):
            return Modality("hypothetical", c.text)
        if c.dep_ in ("acomp", "advmod") and c.lower_ in lexicon.words("unlikely_word"):
            return Modality("hypothetical", c.text)
    if tok.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in lexicon.words("conditional_mark") for g in tok.children):
        return Modality("hypothetical", "if")
    if (tok.dep_ == "advcl" and _is_negated(tok.head) is not None
            and any(g.dep_ == "mark" and g.lower_ in lexicon.words("condition_until") for g in tok.children)):
        # "will not resume talks until the EU lifts the sanctions": nothing is lifted, it is the condition
        return Modality("hypothetical", "until")
    if (tok.dep_ == "acl" and tok.head.lemma_.lower() in lexicon.words("asking_noun")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
        # "issued a deadline to the Authority to arrest the militants": what is asked is not done
        return Modality("hypothetical", tok.head.text)
    if (tok.dep_ in ("advcl", "acl") and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
        # "set a deadline for Serbia to pull out": a "for ... to" clause says what should be, not what is
        return Modality("hypothetical", "for")
    if tok.dep_ == "xcomp" and tok.head.lower_ == "going":
        return Modality("future", "going to")
    if tok.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # the headline's "Karzai to visit Pakistan": a visit announced, not made
        return Modality("future", "to")
    return None


def _nominal_modality(head: Token) -> Modality:
    """A nominal event ("the expulsion of diplomats") takes the modality of the clause around it."""
    for c in head.children:
        if c.dep_ == "det" and c.lower_ == "no":
            return Modality("negated", c.text)
        if c.dep_ == "amod" and c.lower_ in lexicon.words("unlikely_word") | lexicon.words("plan_adjective"):
            value = "future" if c.lower_ == "planned" else "hypothetical"
            return Modality(value, c.text)
    gov = head.head
    if gov.i == head.i:
        return Modality("asserted", None)
    if head.dep_ == "pobj":
        if gov.lower_ in lexicon.words("time_after_prep"):
            return Modality("asserted", None)  # "after talks with Y, X agreed to ...": the talks took place
        if gov.lower_ in lexicon.words("meeting_prep") and head.lemma_.lower() in lexicon.words("meeting_noun"):
            # "during talks with Y, X pressed for ...": the talks are the setting, as real as the clause
            # itself, not what the clause asks for
            return _verbal_modality(gov.head) if gov.head.pos_ in ("VERB", "AUX") else Modality("asserted", None)
        gov = gov.head
    if head.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "acomp" and c.lower_ in lexicon.words("unlikely_word") for c in gov.children):
        return Modality("hypothetical", next(c.text for c in gov.children if c.dep_ == "acomp" and c.lower_ in lexicon.words("unlikely_word")))
    if head.dep_ in ("nsubj", "nsubjpass") and gov.lemma_.lower() in lexicon.words("copula") and any(c.lower_ in lexicon.words("unlikely_word") for c in gov.subtree):
        return Modality("hypothetical", "unlikely")
    if gov.pos_ in ("VERB", "AUX"):
        m = _verbal_modality(gov)
        if m.value != "asserted":
            return m
        if gov.lemma_.lower() in lexicon.words("hypothetical_governor") and head.dep_ in ("dobj", "pobj"):
            return Modality("hypothetical", gov.text)
        if gov.lemma_.lower() in lexicon.words("future_governor") and head.dep_ in ("dobj", "pobj"):
            return Modality("future", gov.text)
    return Modality("asserted", None)
