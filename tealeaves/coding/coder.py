"""The rule coder (``cameo_rules.v4``): who did what to whom, from a parsed sentence and its actors.

Heads are tried from the root of the dependency tree down. An appeal verb with an asked-for act
is an appeal (02x); otherwise the head's patterns are tried, most specific first (see
``tealeaves.coding.patterns``). The first that matches gives a first :class:`Draft` (code, source,
target, modality) that ``FIRING``, an ordered tuple of readings and guards, turns into what CAMEO
codes, or rejects; the draft then becomes one event per source-target pair. Reporting verbs whose
clause says someone "must" act are demands (100). A bare statement (``?010 say``) is a last
resort, and background events (``tealeaves.coding.salience``) are dropped when the sentence
reports something else.

Each event keeps its sentence, evidence offsets, the rule that fired and the readings that changed
it, its modality (``tealeaves.coding.modality``), date (``dates``) and place (``places``), and the
coder and dictionary versions that made it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tealeaves import ontology
from tealeaves.coding import arguments, confidence, dates, guards, lexicon, places, readings, salience, syntax
from tealeaves.coding.guards import Rejection
from tealeaves.coding.modality import Modality
from tealeaves.coding.patterns import Pattern, PatternTable, dictionary_version, load_patterns, match
from tealeaves.coding.readings import Clause, Draft
from tealeaves.errors import DataError
from tealeaves.models import CleanDocument, Event, Location, Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token

CODER_NAME = "cameo_rules.v4"

Step = Callable[[Draft, Clause], "Draft | Rejection"]
# how a matched pattern becomes an event, in order; each step returns the draft (changed or the
# same object) or a Rejection. The order is part of the coder: bump CODER_NAME when it changes.
FIRING: tuple[Step, ...] = (
    readings.characterisation,
    readings.verbal_attack,
    readings.taking_people,
    guards.information_released,
    guards.figurative_force,
    guards.met_with_a_response,
    guards.handed_over,
    guards.accidental_explosion,
    guards.statement_of_a_happening,
    readings.statement_about,
    readings.demand_of_a_clause,
    readings.recipient_of_the_thing,
    readings.kind_of_aid,
    readings.speaking_of_itself,
    readings.gathered_to_protest,
    readings.receive_from,
    readings.criticism_of_an_act,
    readings.anger_caused,
    guards.answer_to_an_act_that_came,
    readings.expected_visitor,
    readings.stated_intention,
    readings.force_within_reach,
    readings.answered_act,
    readings.warning_of_force,
    readings.declared_intention,
    readings.announced_intention,
    readings.contemplated_coercion,
    readings.refusal,
    readings.refused_until,
    readings.veto_at_the_council,
    readings.denial,
    readings.agentless_passive,
    readings.agent_of_the_law,
    readings.accused_in_court,
    readings.instrument_subject,
    readings.unnamed_attacker,
    readings.from_the_air,
    readings.target_of_the_place,
    readings.own_people,
    readings.object_not_an_actor,
    readings.party_to_the_pact,
    readings.own_envoy,
    readings.sides_between,
    readings.mutual_act,
    guards.meeting_needs_actor,
    guards.private_journey,
    guards.fight_of_one,
    guards.advance_of_no_force,
    guards.weapon_test,
    readings.claim_or_accusation,
    guards.verbal_needs_known_source,
    guards.naming_a_thing,
    guards.needs_source,
    guards.between_companies,
    guards.festive_crowd,
    readings.forces_block_movement,
    readings.protest_target,
    guards.on_topic,
)


def step_name(step: Step) -> str:
    return getattr(step, "__name__", repr(step)).replace("_", " ")


@dataclass(frozen=True)
class ArticleContext:
    """What the coder knows about the whole article when it codes one sentence."""

    date: str | None = None
    countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Attempt:
    """One pattern tried on one head word, for ``tealeaves explain``."""

    head: str
    pattern: str
    outcome: str  # "fired", or why it did not
    readings: tuple[str, ...] = ()  # the steps of FIRING that changed the draft


Key = tuple[str | None, str | None, str]


def _actor_key(m: Mention | None) -> str | None:
    """What tells two actors apart when deciding that two events are one happening: the country
    (or the code of an actor with none); "Afghan protesters" and "Afghan rioters" are one side."""
    return None if m is None else (m.country or m.code)


def _doer(m: Mention | None) -> str | None:
    """Who acts, within one sentence: the words that name them. "Troops killed two men, and
    helicopters fired missiles" are two happenings of one side; "shot and killed" is one."""
    return None if m is None else f"{m.start}:{m.end}"


def _side(m: Mention | None) -> str | None:
    """One side of an act done together: the states of one role noun ("US and Iraqi troops") are
    one side; states named each by itself ("the US and Russia") are one side each."""
    return None if m is None else f"{m.start}:{m.end}" + (f":{m.code}" if not m.sector else "")


@dataclass
class _Work:
    """One sentence being coded: what is fixed for it and what the heads tried so far have done."""

    sent: Sentence
    mentions: tuple[Mention, ...]
    ctx: ArticleContext
    patterns: PatternTable
    trace: list[Attempt] | None
    used_tokens: set[int] = field(default_factory=set)
    seen: set[Key] = field(default_factory=set)  # (source, target, root) already coded
    passing: dict[int, str] = field(default_factory=dict)  # id(event) -> why it is background

    def note(self, head: Token, pattern: Pattern, outcome: str, changed: tuple[str, ...] = ()) -> None:
        if self.trace is not None:  # a pattern's name is built only for a trace: coding is a hot loop
            self.trace.append(Attempt(head.text, pattern.name, outcome, changed))


class RuleCoder:
    """Dictionary-and-dependency CAMEO coder (``cameo_rules.v4``)."""

    name = CODER_NAME
    confidence_model: confidence.Model | None = None  # None: the shipped model

    def code_sentence(self, sent: Sentence, mentions: tuple[Mention, ...], date: str | None = None,
                      context: ArticleContext | None = None, trace: list[Attempt] | None = None) -> list[Event]:
        ctx = context or ArticleContext(date=date)
        if sent.span is None or not sent.span.doc.has_annotation("DEP"):
            return []  # not parsed (the pre-filter found no event word): nothing to code
        work = _Work(sent, mentions, ctx, load_patterns(), trace)
        events: list[Event] = []
        heads = sorted(sent.span, key=lambda t: (syntax.depth(t), t.i))
        self._code_heads(work, heads, False, events)
        events.extend(self._speech_demands(work))
        events.extend(self._accusations_denied(work))
        events.extend(self._accusations_answered(work, events))
        events.extend(self._clauses_denied(work, events))
        if all(id(e) in work.passing for e in events):
            fallback: list[Event] = []
            self._code_heads(work, heads, True, fallback)
            # a bare statement is a last resort: one per sentence, from its main reporting verb
            # and, as CAMEO events are dyadic, only with someone it is addressed to or about
            events.extend(e for e in fallback if e.evidence_start == fallback[0].evidence_start
                          and arguments.coded(e.target))
        events[:] = salience.foreground(events, work.passing, sent.start, trace, Attempt)
        return events

    def _code_heads(self, work: _Work, heads: list[Token], fallback_pass: bool, events: list[Event]) -> None:
        sent = work.sent
        for head in heads:
            if head.i in work.used_tokens or head.pos_ not in ("VERB", "NOUN", "PROPN", "AUX"):
                continue
            lemma = head.lemma_.lower()
            if not fallback_pass and head.pos_ == "VERB" and lemma in lexicon.words("appeal_verb"):
                appeal = self._appeal(work, head)
                if appeal:
                    events.extend(appeal)
                    continue
            nominal = head.pos_ in ("NOUN", "PROPN")
            cands = work.patterns.get((lemma, nominal)) or work.patterns.get((head.lower_, nominal)) or ()
            # "pledged to release them" is one intention (0353), "pledged to expel them" one planned
            # expulsion (174, future), not also a bare "pledge" (030); "threatened to kill" is one
            # threat (138), not also a bare "threaten" (130): the governor's own event makes way
            # while the complement is tried, and comes back if the complement codes nothing
            held = self._governor_events(work, head, events) if cands else []
            for pat in cands:
                if pat.fallback != fallback_pass:
                    continue
                if guards.consequence_of_attack(head, pat, sent, events):
                    work.note(head, pat, f"part of the attack coded at '{head.head.text}'")
                    continue
                hit = match(pat, head)
                if isinstance(hit, str):
                    work.note(head, pat, hit)
                    continue
                fired = self._fire(work, pat, head, hit)
                if fired is None:
                    continue
                if fired:
                    held = []
                events.extend(fired)
                why = salience.background(head)
                if why:
                    work.passing.update((id(e), why) for e in fired)
                work.used_tokens.update(t.i for t in [head, *hit[0]])
                break
            for e in held:
                events.append(e)
                work.seen.add((_doer(e.source), _actor_key(e.target), e.root))

    @staticmethod
    def _governor_events(work: _Work, head: Token, events: list[Event]) -> list[Event]:
        """Take out (and forget) the bare pledge or threat coded at the verb whose complement
        ``head`` is, when that verb declares an intention ("pledged to", "threatened to")."""
        gov_lemma = head.head.lemma_.lower()
        if head.dep_ != "xcomp" or not (gov_lemma in lexicon.words("intent_governor")
                                        or gov_lemma in lexicon.words("force_intent_governor")):
            return []
        gov = work.sent.offset(head.head)
        held = [e for e in events if e.evidence_start == gov and e.root in ("03", "13")]
        if held:
            events[:] = [e for e in events if not any(e is h for h in held)]
            for e in held:
                work.seen.discard((_doer(e.source), _actor_key(e.target), e.root))
        return held

    def _fire(self, work: _Work, pat: Pattern, head: Token, hit: tuple[list[Token], Token | None]) -> list[Event] | None:
        """The events one matching pattern yields; None when the head has no usable reading."""
        draft, clause = readings.first_draft(work.sent, work.mentions, pat, head, hit)
        changed: list[str] = []
        for step in FIRING:
            out = step(draft, clause)
            if isinstance(out, Rejection):
                work.note(head, pat, out.why, tuple(changed))
                return [] if out.final else None
            if work.trace is not None and out is not draft:
                changed.append(step_name(step))
            draft = out
        events = self._emit(work, draft, pat, head, clause.used, clause.speakers[0] if clause.speakers else None)
        work.note(head, pat, "fired" + draft.note, tuple(changed))
        return events

    def _emit(self, work: _Work, d: Draft, pat: Pattern, head: Token, used: tuple[Token, ...],
              speaker: Mention | None) -> list[Event]:
        """One event per source-target pair of a finished draft (and of the claim it carries)."""
        sent = work.sent
        when = dates.event_date(head, work.ctx.date, future=d.modality.value == "future")
        where = places.event_place(head, work.ctx.countries, arguments.actor_spans(sent, [*d.sources, *d.targets]))
        maybe_targets: list[Mention | None] = list(d.targets) or [None]
        pairs: list[tuple[Mention | None, Mention | None]] = [(s, t) for s in d.sources for t in maybe_targets]
        sides = {_side(s) for s in d.sources}
        if (len(sides) > 1 and (ontology.lookup(d.code).reciprocal or d.mutual)
                and all(arguments.place(t) for t in d.targets)):
            # "Russia and China held talks (in Beijing)": each met the other, wherever they met; "US
            # and Iraqi troops" are one phrase and one side, which does not fight itself
            pairs = [(s, t) for s in d.sources for t in d.sources if _side(s) != _side(t)]
        elif d.mutual:
            # "Israeli troops clashed with Palestinian gunmen": each side fought the other; two
            # sides of one country make one dyad, written once; a side of no known country is not
            # mirrored ("met a foreign leader" says nothing the unknown side did)
            pairs += [(t, s) for s, t in pairs if s is not None and t is not None and s.country and t.country
                      and s.country != t.country]
        out = []
        for s, t in pairs:
            if s is not None and t is not None and arguments.same_actor(s, t):
                continue
            code, note = d.code, d.note
            conventional = readings.state_force(code, s)
            if conventional:
                code, note = conventional, note + " | state force is conventional (19x)"
            if self._first(work, s, t, code):
                out.append(self._event(sent, s, t, code, pat, head, used, d.modality, speaker, when, where, note))
        if d.claim is not None:
            # the speaker's accusation or claim of responsibility is coded instead of the act it
            # reports: one party's word that another used force is not evidence of the act, and a
            # party's claim that it struck is one happening, coded once, as its claim (015)
            c = d.claim
            claim_targets: list[Mention | None] = list(c.targets) or [None]
            out = []
            for s in c.sources:
                for t in claim_targets:
                    if s is not None and t is not None and s.code == t.code:
                        continue
                    if self._first(work, s, t, c.code):
                        out.append(self._event(sent, s, t, c.code, pat, head, used, c.modality, speaker, when, where, c.note))
        return out

    @staticmethod
    def _first(work: _Work, s: Mention | None, t: Mention | None, code: str) -> bool:
        """True (and remembered) the first time the sentence codes this source, target and root:
        "a bombing killed five and wounded twenty", "shot and killed a gunman" are one happening
        each, whatever the verbs' own codes (the first head, nearest the main clause, gives it)."""
        key = (_doer(s), _actor_key(t), ontology.lookup(code).root)
        if key in work.seen:
            return False
        work.seen.add(key)
        return True

    def _appeal(self, work: _Work, verb: Token) -> list[Event]:
        """An appeal verb with an asked-for act (see ``readings.appeal``), coded by itself."""
        found = readings.appeal(verb, work.sent, work.mentions, work.patterns)
        if found is None:
            return []
        d = found.draft
        speaker = next(iter(arguments.mentions_for(d.modality.speaker_token, work.sent, work.mentions)), None) \
            if d.modality.speaker_token is not None else None
        out = self._emit(work, d, found.pattern, verb, found.used, speaker)
        if out:
            work.used_tokens.update(t.i for t in [verb, found.act, *found.used])
            work.note(verb, found.pattern, "fired" + d.note)
        return out

    def _speech_demands(self, work: _Work) -> list[Event]:
        """Reporting verbs not yet used whose clause says someone must act (``readings.demand_in_speech``)."""
        sent = work.sent
        out: list[Event] = []
        for verb in sent.span:
            if verb.i in work.used_tokens or verb.lemma_.lower() not in lexicon.words("reporting_verb"):
                continue
            for said in (c for c in verb.children if c.dep_ == "ccomp"):
                found = readings.demand_in_speech(verb, said, sent, work.mentions)
                if found is None:
                    continue
                d, pat = found
                t = d.targets[0] if d.targets else None
                if not self._first(work, d.sources[0], t, d.code):
                    continue
                work.used_tokens.add(verb.i)
                when = dates.event_date(verb, work.ctx.date)
                out.append(self._event(sent, d.sources[0], t, d.code, pat, verb, (), d.modality, None, when, None, d.note))
                work.note(verb, pat, "fired (demand in speech)")
        return out

    def _accusations_denied(self, work: _Work) -> list[Event]:
        """Relative clauses that deny the accusation told before them (``readings.accusation_denied``)."""
        out: list[Event] = []
        for verb in work.sent.span:
            # the verb may have been used by a bare "reject" dropped as background: the relative
            # clause's own words never hold the accusation noun, so its patterns cannot tell a denial
            if verb.pos_ != "VERB":
                continue
            found = readings.accusation_denied(verb, work.sent, work.mentions)
            if found is None:
                continue
            d, pat = found
            if not self._first(work, d.sources[0], d.targets[0], d.code):
                continue
            work.used_tokens.add(verb.i)
            when = dates.event_date(verb, work.ctx.date)
            out.append(self._event(work.sent, d.sources[0], d.targets[0], d.code, pat, verb, (), d.modality, None, when, None, d.note))
            work.note(verb, pat, "fired (accusation denied)")
        return out

    def _accusations_answered(self, work: _Work, events: list[Event]) -> list[Event]:
        """The accusation a denial answers, when its owner is named (``readings.answered_accusation``)."""
        sent = work.sent
        out: list[Event] = []
        for e in events:
            if e.cameo != readings.DENIAL or e.source is None or e.target is None or not arguments.coded(e.target):
                continue
            verb = next((t for t in sent.span if sent.offset(t) == e.evidence_start), None)
            if verb is None:
                continue
            found = readings.answered_accusation(verb, e.source, e.target, sent, work.mentions)
            if found is None:
                continue
            d, pat = found
            if not self._first(work, d.sources[0], d.targets[0], d.code):
                continue
            out.append(self._event(sent, d.sources[0], d.targets[0], d.code, pat, verb, (), d.modality, None,
                                   dates.event_date(verb, work.ctx.date), None, d.note))
            work.note(verb, pat, "fired" + d.note)
        return out

    def _clauses_denied(self, work: _Work, events: list[Event]) -> list[Event]:
        """Denial verbs whose denied clause coded nothing of its own (``readings.denial_of_a_clause``)."""
        sent = work.sent
        out: list[Event] = []
        for verb in sent.span:
            if verb.i in work.used_tokens or verb.pos_ != "VERB":
                continue
            lo, hi = sent.offset(verb), sent.offset(verb.doc[verb.right_edge.i])
            if any(lo <= e.evidence_start <= hi for e in events):
                continue  # the denied act was coded (as the denial, see readings.denial)
            found = readings.denial_of_a_clause(verb, sent, work.mentions)
            if found is None:
                continue
            d, pat = found
            when = dates.event_date(verb, work.ctx.date)
            for t in d.targets:
                if self._first(work, d.sources[0], t, d.code):
                    out.append(self._event(sent, d.sources[0], t, d.code, pat, verb, (), d.modality, None, when, None, d.note))
            work.used_tokens.add(verb.i)
            work.note(verb, pat, "fired (denial of a clause)")
        return out

    def _event(self, sent: Sentence, source: Mention | None, target: Mention | None, code: str, pat: Pattern, head: Token,
               used: tuple[Token, ...], mod: Modality, speaker: Mention | None, when: dates.EventDate, where: Location | None,
               note: str) -> Event:
        info = ontology.lookup(code)
        toks = [head, *used]
        start = min(sent.offset(t) for t in toks)
        end = max(sent.offset(t) + len(t.text) for t in toks)
        rule = pat.name + (f" | modality: {mod.value} ({mod.cue})" if mod.cue else "") + note
        if when.text:
            rule += f" | date: {when.text}"
        shift = sent.start - sent.span.start_char
        return Event(
            doc_id=sent.doc_id, sentence=sent.index, text=sent.text, source=source, target=target,
            cameo=code, root=info.root, quad=info.quad, goldstein=info.goldstein, plover=info.plover,
            modality=mod.value, evidence_start=start, evidence_end=end, rule=rule,
            date=when.date, date_precision=when.precision, location=where,
            cited_outlet=sent.cited_outlet, speaker=speaker, coder=self.name,
            quote_start=mod.quote[0] + shift if mod.quote else None,
            quote_end=mod.quote[1] + shift if mod.quote else None,
            reporting_verb=mod.reporting_verb, dictionary=dictionary_version(),
        )

    def code_document(self, cdoc: CleanDocument, sentences: tuple[Sentence, ...], mentions: dict[int, tuple[Mention, ...]]) -> list[Event]:
        ctx = article_context(cdoc, sentences, mentions)
        out: list[Event] = []
        for sent in sentences:
            out.extend(one_happening(self.code_sentence(sent, mentions.get(sent.index, ()), ctx.date, ctx)))
        return confidence.score_document(headline_told_again(cdoc, sentences, out), cdoc, sentences, self.confidence_model)


COUNTED = ("asserted", "reported")
SPOKEN_ROOTS = ("01", "02", "03", "05", "10", "11", "12", "13")  # acts done by saying something


def _covers(b: Event, a: Event) -> bool:
    """``b`` tells the happening ``a`` tells, as well or better: the same root and counted or not
    alike, the same actors where ``a`` names one (``a`` may leave out who did it or to whom)."""
    if a.root != b.root or (a.modality in COUNTED) != (b.modality in COUNTED):
        return False
    pairs = ((_actor_key(a.source), _actor_key(b.source)), (_actor_key(a.target), _actor_key(b.target)))
    return all(x is None or x == y for x, y in pairs)


def one_happening(events: list[Event]) -> list[Event]:
    """A sentence's events less those another of its events by the same doer tells as well:
    "Israeli soldiers shot and killed a gunman" is one killing of the gunman, not also a shooting
    of nobody named."""
    def same(a: Event, b: Event) -> bool:
        return _covers(b, a) and (a.source is None or _doer(a.source) == _doer(b.source))

    return [a for n, a in enumerate(events)
            if not any(same(a, b) and (not same(b, a) or m < n) for m, b in enumerate(events) if m != n)]


FORCE_ROOTS = ("18", "19", "20")


def _force_told(b: Event, h: Event) -> bool:
    """"Hamas commander killed" over "... was killed in an Israeli air strike": a headline's
    killing or wounding by no one named is the lead's use of force told in short, whatever root
    the lead's telling of who did it gives (an air strike is 195, the bare killing 180). The lead
    must tell force as well, counted alike, and not against another country than the headline's
    victims (a lead that names no victim may be the same happening)."""
    if h.source is not None or h.root not in FORCE_ROOTS or b.root not in FORCE_ROOTS:
        return False
    if (h.modality in COUNTED) != (b.modality in COUNTED):
        return False
    return h.target is None or b.target is None or _actor_key(h.target) == _actor_key(b.target)


def headline_told_again(cdoc: CleanDocument, sentences: tuple[Sentence, ...], events: list[Event]) -> list[Event]:
    """A wire headline tells in short the happening its lead tells again: the headline's event is
    kept only when no event of the body tells the same happening as well or better."""
    heads = {s.index for s in sentences if cdoc.paragraphs and cdoc.paragraphs[s.paragraph].kind == "headline"}
    if not heads:
        return events
    body = [e for e in events if e.sentence not in heads]

    def said_again(h: Event) -> bool:
        # "China Says Taiwan Spy Operated in U.S." over a lead where China accuses: the headline's
        # bare statement (010) is the lead's act of the same speaker told in short
        return h.cameo == "010" and h.source is not None and any(
            _actor_key(b.source) == _actor_key(h.source) and b.modality in COUNTED and b.root in SPOKEN_ROOTS for b in body)

    kept = [e for e in events if e.sentence not in heads
            or not (any(_covers(b, e) or _force_told(b, e) for b in body) or said_again(e))]
    told = [e for e in kept if e.sentence in heads]
    # a body event that names fewer actors than the headline's telling gives way to it
    return [e for e in kept if e.sentence in heads or not any(_covers(h, e) for h in told)]


def article_context(cdoc: CleanDocument, sentences: tuple[Sentence, ...], mentions: dict[int, tuple[Mention, ...]]) -> ArticleContext:
    """The article's date and the countries it names (actors' countries and country names)."""
    countries = {m.country for ms in mentions.values() for m in ms if m.country}
    names = {e.text for s in sentences if s.span is not None for e in s.span.ents if e.label_ == "GPE"}
    countries |= places.country_codes(names)
    return ArticleContext(date=cdoc.document.date, countries=frozenset(countries))


_CODERS: dict[str, type[RuleCoder]] = {CODER_NAME: RuleCoder}


def get_coder(name: str = CODER_NAME) -> RuleCoder:
    """The coder registered under a versioned name such as ``cameo_rules.v4``."""
    try:
        return _CODERS[name]()
    except KeyError:
        raise DataError(f"unknown coder {name!r}; known: {', '.join(sorted(_CODERS))}") from None


__all__ = ["CODER_NAME", "FIRING", "ArticleContext", "Attempt", "RuleCoder", "article_context", "get_coder"]
