"""In-document coreference for actors: surnames, a title alone ("the general") and pronouns.

Later mentions resolve to an earlier, resolved mention of the same actor. A pronoun resolves only
when exactly one earlier actor in its own or the previous sentence agrees with it in number, gender
(when known) and kind (person for he/she, a state or body for it, a group or plural for they);
otherwise it stays unresolved (``code=None``) rather than guessed.

One syntactic rule comes first: the subject pronoun (or a possessive) of a clause reported by a
saying verb ("Russia said it had bombed ...", "the ministry said they would ...") refers to the
verb's own subject when the two agree in number and kind (``coref.reported_subject``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tealeaves.actors.kb import KnowledgeBase
from tealeaves.models import Mention, Sentence

WINDOW = 1  # sentences back that a pronoun may reach
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NEUTER = {"it", "its", "itself"}
TITLE_WORDS = {"gen.": "general", "col.": "colonel", "lt.": "lieutenant", "adm.": "admiral", "maj.": "major", "capt.": "captain",
               "brig.": "brigadier", "sgt.": "sergeant", "pres.": "president", "gov.": "governor", "sen.": "senator", "rep.": "representative"}
MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince", "emir", "sultan"}
REPORTING = {"say", "announce", "state", "declare", "claim", "insist", "confirm", "deny", "warn", "add", "tell", "report",
             "threaten", "vow", "pledge", "promise", "indicate", "signal", "assert", "argue", "note", "reply", "respond",
             "stress", "reiterate", "acknowledge", "admit", "explain", "suggest", "decide", "agree", "hint", "maintain",
             "affirm", "allege", "counter", "complain", "write", "tweet", "predict", "believe", "hope", "fear", "think"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "lady", "madam", "queen", "princess", "spokeswoman", "chairwoman", "congresswoman"}


@dataclass
class Entity:
    mention: Mention
    sentence: int
    token: int
    kind: str  # person, group, body
    number: str  # sing, plur
    gender: str  # m, f or ""
    surname: str
    titles: frozenset[str]


class Coref:
    """The actors seen so far in one document."""

    def __init__(self, kb: KnowledgeBase, day: str | None) -> None:
        self.kb = kb
        self.day = day
        self.entities: list[Entity] = []
        self._genders: dict[str, str] = {}
        self._stated: dict[str, tuple[str, str | None]] = {}

    def add_person(self, sent: Sentence, person_id: str, name: str, gender: str) -> None:
        if gender:
            self._genders[name] = gender

    def register(self, sent: Sentence, m: Mention, ph: Any, kind: str, number: str) -> None:
        head = ph.head
        words = {t.lower_ for t in head.lefts} | {head.lower_}
        gender = self._genders.get(m.name or "", "")
        if not gender:
            gender = "m" if words & MALE_TITLES else "f" if words & FEMALE_TITLES else ""
        titles = {h.best.label.lower() for h in ph.hits if h.best.kind == "sector"} | {head.lemma_.lower()}
        titles |= {w.split()[-1] for w in titles}
        titles |= {TITLE_WORDS[w] for w in titles if w in TITLE_WORDS}
        surname = head.text if head.pos_ == "PROPN" else ""
        self.entities.append(Entity(m, sent.index, head.i, kind, number, gender, surname, frozenset(titles)))

    def set_stated(self, person_id: str, country: str, sector: str | None) -> None:
        """Remember the code a person's stated title gave, for later bare mentions of that person."""
        self._stated[person_id] = (country, sector)

    def stated_code(self, person_id: str) -> tuple[str, str | None] | None:
        return self._stated.get(person_id)

    def end_sentence(self, sent: Sentence) -> None:
        """Pronoun antecedents are looked for in the last WINDOW sentences only; names stay for the document."""

    # ---- later mentions -------------------------------------------------------
    def resolve_named(self, sent: Sentence, ph: Any, text: str, start: int, end: int, is_person: bool,
                      why: list[str] | None) -> Mention | None:
        """A surname or a bare title ("the general") that repeats an earlier resolved actor."""
        head = ph.head
        if head.pos_ == "PROPN":
            for ent in reversed(self.entities):
                if ent.surname and ent.surname.lower() == head.lower_ and ent.mention.code and ent.kind == "person":
                    return self._copy(ent, text, start, end, "coref.surname", why)
        lefts = [t for t in head.lefts if t.dep_ not in ("punct",)]
        bare = all(t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in lefts) and bool(lefts)
        if bare and is_person:
            lemma = head.lemma_.lower()
            for ent in reversed(self.entities):
                if ent.kind == "person" and lemma in ent.titles and ent.mention.code:
                    return self._copy(ent, text, start, end, "coref.title", why)
        return None

    def pronoun(self, sent: Sentence, tok: Any, why: list[str] | None) -> Mention | None:
        """A subject or object pronoun: the unique agreeing antecedent, or an unresolved mention."""
        start = sent.offset(tok)
        end = start + len(tok.text)
        reported = self._reported_subject(sent, tok)
        if reported is not None:
            if reported.mention.code:
                return self._copy(reported, tok.text, start, end, "coref.reported_subject", why)
            if why is not None:
                why.append(f"'{tok.text}' is the reported subject of '{reported.mention.text}', which is unresolved")
            return Mention(tok.text, None, None, None, start, end, "pronoun.unresolved", None)
        ante, reason = self._antecedent(sent, tok)
        if ante is None:
            if why is not None:
                why.append(f"'{tok.text}': {reason}; left unresolved")
            return Mention(tok.text, None, None, None, start, end, "pronoun.unresolved", None)
        return self._copy(ante, tok.text, start, end, "coref.pronoun", why)

    def antecedent_for_possessive(self, sent: Sentence, tok: Any) -> Mention | None:
        reported = self._reported_subject(sent, tok)
        if reported is not None:
            return reported.mention
        ante, _ = self._antecedent(sent, tok)
        return ante.mention if ante else None

    def _reported_subject(self, sent: Sentence, tok: Any) -> Entity | None:
        """The subject of the saying verb whose reported clause ``tok`` is the subject of (or, for a
        possessive, sits in), when it agrees with the pronoun; else None."""
        if tok.dep_ in SUBJECT_DEPS:
            clause = tok.head
        elif tok.dep_ == "poss":
            clause = tok.head
            for _ in range(4):  # "said its forces", "said rebels attacked its border posts"
                if clause.dep_ == "ccomp" or clause.head is clause:
                    break
                clause = clause.head
        else:
            return None
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head  # "said it would respond and that it had ..."
        if clause.dep_ != "ccomp":
            return None
        verb = clause.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        while not subjects and verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head  # "Russia denied the report and said it ..."
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.lemma_.lower() not in REPORTING or not subjects or subjects[0].i >= tok.i:
            return None
        subj = subjects[0]
        lo, hi = sent.offset(subj.left_edge), sent.offset(subj.right_edge) + len(subj.right_edge.text)
        here = [e for e in self.entities if e.sentence == sent.index and e.token < tok.i]
        ent = next((e for e in here if e.token == subj.i), None) or \
            next((e for e in here if lo <= e.mention.start and e.mention.end <= hi), None)
        if ent is None:
            return None
        if not _agrees(tok.lower_, ent):
            if tok.lower_ in PLURAL and self._lone_state(sent, tok, ent):
                return ent  # "Russia said they would retaliate": no plural actor it could mean instead
            return None
        return ent

    def _lone_state(self, sent: Sentence, tok: Any, ent: Entity) -> bool:
        """Whether ``ent`` is a state named bare ("Russia") and no plural actor or group in the window could
        be what "they" means instead; a state is "they" in British usage, but only this case is safe."""
        m = ent.mention
        if ent.kind == "person" or m.sector or not m.country or m.country.startswith(("IGO", "NGO", "IMG", "MNC")):
            return False
        window = [e for e in self.entities if e is not ent and (sent.index - WINDOW <= e.sentence < sent.index
                                                                 or (e.sentence == sent.index and e.token < tok.i))]
        return not any(e.number == "plur" or e.kind == "group" or e.mention.sector for e in window)

    def _antecedent(self, sent: Sentence, tok: Any) -> tuple[Entity | None, str]:
        word = tok.lower_
        cands = [e for e in self.entities
                 if sent.index - WINDOW <= e.sentence < sent.index or (e.sentence == sent.index and e.token < tok.i)]
        if word in MALE | FEMALE:
            want = "m" if word in MALE else "f"
            cands = [e for e in cands if e.kind == "person" and e.number == "sing" and e.gender in ("", want)]
        elif word in NEUTER:
            cands = [e for e in cands if e.kind != "person" and e.number == "sing"]
        elif word in PLURAL:
            cands = [e for e in cands if e.number == "plur"]
        else:
            return None, "not a pronoun the resolver handles"
        distinct = {(e.mention.code, e.mention.name or e.mention.text.lower()) for e in cands}
        if not cands:
            return None, "no earlier actor agrees with it"
        if len(distinct) > 1:
            return None, f"{len(distinct)} earlier actors agree with it"
        ante = cands[-1]
        if not ante.mention.code:
            return None, "its antecedent is itself unresolved"
        return ante, "unique agreeing antecedent"

    def _copy(self, ent: Entity, text: str, start: int, end: int, rule: str, why: list[str] | None) -> Mention:
        m = ent.mention
        if why is not None:
            why.append(f"'{text}' refers to '{m.text}' -> {m.code} ({rule})")
        return Mention(text, m.code, m.country, m.sector, start, end, rule, m.name)


def _agrees(word: str, ent: Entity) -> bool:
    """Whether a pronoun can stand for an actor as the subject of its reported clause."""
    if word in MALE | FEMALE:
        return ent.kind == "person" and ent.number == "sing" and ent.gender in ("", "m" if word in MALE else "f")
    if word in NEUTER:
        return ent.kind != "person" and ent.number == "sing"
    if word in PLURAL:
        # a plural, or a collective body ("the ministry said they ..."); a bare country name is no collective
        m = ent.mention
        collective = ent.kind != "person" and (bool(m.sector) or (m.country or "").startswith(("IGO", "NGO")))
        return ent.number == "plur" or collective
    return False
