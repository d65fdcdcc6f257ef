"""What every reading works on: the draft event, the clause it came from, and the helpers that
read both."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tealeaves.coding import arguments, lexicon, syntax
from tealeaves.coding.modality import Modality, modality_of
from tealeaves.coding.patterns import Pattern
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
    threat = lexicon.recode("threat", code)  # "may cut aid" is a threat to cut it (1311), not any 131
    if threat:
        return threat
    return lexicon.recode("intent", code) or code


def is_pronoun(tok: Token | None) -> bool:
    return tok is not None and tok.lower_ in lexicon.words("pronoun")


def own_words(d: Draft, c: Clause) -> bool:
    """The speaker speaks of its own act: no other source, a pronoun, or the speaker itself."""
    return bool(c.speakers) and (not d.sources or d.source_token is None or is_pronoun(d.source_token)
                                 or (d.sources[0] is not None and d.sources[0].code == c.speakers[0].code))


def speaks_for(d: Draft, c: Clause) -> bool:
    """The speaker is the acting side's own voice: "the ministry", "his office", "a government
    spokesman" (a role of no stated country) or a body of the same country ("Iran's foreign
    ministry said Tehran would not ...")."""
    if not d.sources or d.sources[0] is None or not d.sources[0].country:
        return False
    if not c.speakers:
        # "his office said", "its ministry said": the possessive is the side that acts
        tok = d.modality.speaker_token
        return tok is not None and any(g.dep_ == "poss" and is_pronoun(g) for g in tok.children)
    speaker = c.speakers[0]
    if not arguments.coded(speaker) or (speaker.sector or "").upper() == "MED":
        return False
    return speaker.country is None or speaker.country == d.sources[0].country


def restate(mod: Modality, value: str, cue: str) -> Modality:
    return Modality(value, cue, mod.speaker_token, mod.reporting_verb, mod.quote)


def domestic_code(code: str) -> bool:
    return code[:3] in lexicon.words("domestic_act")


def of_country(m: Mention, country: str, why: str) -> Mention:
    return replace(m, country=country, code=country + (m.sector or ""), rule=m.rule + f" +{why}")
