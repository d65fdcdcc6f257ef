"""The actor knowledge base: countries, seats of power, organizations, sector words and dated people.

The tables live in ``tealeaves/data/actors/`` (see the README there); a user's file
(``settings.user_actors_path``, written by ``tealeaves actors add``) overrides them.
``KnowledgeBase.match(doc)`` finds every known phrase in a parsed spaCy Doc with two
compiled PhraseMatchers (lower-case names, and exact-case acronyms such as ``US``).

Codes follow CAMEO/Phoenix: a state actor is its ISO3 code (``RUS``), a state sector
actor is ISO3 + sector (``RUSGOV``); an intergovernmental or non-governmental body
is its organization code (``IGOUNO``, ``IGOWSTNAT``), which stands in the country slot.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as _date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from tealeaves.errors import DataError

SECTORS = ("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "MED", "EDU", "BUS", "CRM", "CVL", "REF", "IGO", "NGO", "ELI", "LAB", "AGR", "UAF", "INS")
FORMER = "ELI"  # sector of a former office-holder (CAMEO "elites")
USER_FIELDS = ("name", "aliases", "country", "sector", "start", "end", "notes")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODE_RE = re.compile(r"^[A-Z]{3}([A-Z]{3}){0,5}$")
NON_STATE_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
MILITARY_WORDS = frozenset({"troop", "soldier", "military", "army", "brigade", "battalion", "division", "unit", "force",
                            "offensive", "operation", "spokesman", "chief", "commander", "marine"})
# acronyms that name an organization only where the sentence names its country or the acronym modifies a
# military word: "AFP" is the news agency, but "AFP troops" and "AFP said ... in Manila" are the Philippine army
CONTEXT_ACRONYMS = {"AFP": "PHL"}
PERSON_SLOTS = ("nsubj", "nsubjpass", "dobj", "iobj", "pobj", "conj", "appos", "poss", "agent")
# Kinds of phrase, in the order that wins when one phrase names several things.
# A news agency is never an actor; it sits after "org" so that an acronym shared with an organization
# ("AFP") goes to the organization where the context says so (CONTEXT_ACRONYMS).
HEAD_ROLES = ("head_of_state", "head_of_government")
PRECEDENCE = ("user", "person", "org", "agency", "metonym", "country", "capital", "city", "sector")


@dataclass(frozen=True)
class Role:
    """One dated role of a person; ``start``/``end`` are ISO dates, "" when open."""

    person_id: str
    name: str
    country: str
    sector: str
    role: str
    start: str
    end: str
    gender: str
    source: str

    def covers(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day < self.end)


@dataclass(frozen=True)
class Target:
    """What a matched phrase can name."""

    kind: str  # one of PRECEDENCE
    country: str | None = None
    sector: str | None = None
    person_id: str | None = None
    form: str = ""  # countries: name/adjective/demonym; sectors: person/group/body
    strength: str = ""  # sectors: strong/weak/neutral
    label: str = ""  # canonical name


@dataclass(frozen=True)
class Hit:
    """A KB phrase found in a Doc: tokens [start, end) and what it names (best first)."""

    start: int
    end: int
    targets: tuple[Target, ...]

    @property
    def best(self) -> Target:
        return self.targets[0]


def split_code(code: str) -> tuple[str, str | None]:
    """``RUSGOV`` -> ("RUS", "GOV"); ``IGOUNO`` -> ("IGOUNO", None); ``PSEREBHMS`` -> ("PSE", "REB")."""
    if code.startswith(NON_STATE_PREFIXES):
        return code, None
    return code[:3], (code[3:6] or None)


def country_of(code: str | None) -> str | None:
    """The country part of a CAMEO code as the evaluation compares it (ISO3, or the 3-letter IGO/NGO prefix)."""
    if not code:
        return None
    return code[:3]


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("tealeaves.data").joinpath("actors", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def check_date(value: str, where: str) -> str:
    if value and not DATE_RE.match(value):
        raise DataError(f"{where}: date {value!r} is not YYYY-MM-DD")
    return value


def check_code(country: str, sector: str, where: str) -> None:
    if not CODE_RE.match(country or "") or (len(country) > 3 and not country.startswith(NON_STATE_PREFIXES)):
        raise DataError(f"{where}: country {country!r} is not an ISO3 or organization code")
    if sector and sector not in SECTORS:
        raise DataError(f"{where}: sector {sector!r} is not one of {', '.join(SECTORS)}")


def _wire_spellings(name: str) -> list[str]:
    """How the wires shorten a state named by a compass point in headlines: "North Korea" is written
    "N.Korea", "N. Korea" or "NKorea", "South Africa" "S.Africa" or "SAfrica"."""
    words = name.split()
    if len(words) != 2 or words[0] not in ("North", "South", "East", "West"):
        return []
    initial, rest = words[0][0], words[1]
    return [f"{initial}.{rest}", f"{initial}. {rest}", f"{initial}{rest}"]


def _plurals(phrase: str) -> list[str]:
    words = phrase.split()
    last = words[-1]
    if last.endswith(("man",)):
        forms = [last[:-3] + "men"]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith(("s", "sh", "ch", "x")):
        forms = [last + "es"]
    elif last.endswith("."):
        forms = []
    else:
        forms = [last + "s"]
    return [" ".join([*words[:-1], f]) for f in forms]


def read_user_file(path: Path) -> list[dict[str, str]]:
    """Rows of the user's actor file; a missing file is an empty one."""
    if not path.exists():
        return []
    try:
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"user actor file {path} cannot be read ({exc}); fix or delete it") from exc
    for n, row in enumerate(rows, 2):
        where = f"{path}:{n}"
        if not row.get("name"):
            raise DataError(f"{where}: a name is required")
        check_code(row.get("country", ""), row.get("sector", ""), where)
        check_date(row.get("start", ""), where)
        check_date(row.get("end", ""), where)
    return rows


def write_user_entry(path: Path, name: str, country: str, sector: str | None, start: str | None, end: str | None,
                     aliases: tuple[str, ...] = (), notes: str = "") -> dict[str, str]:
    """Append (or replace, by name) one entry of the user's actor file; returns the row written."""
    row = {"name": name.strip(), "aliases": "|".join(aliases), "country": country.upper(), "sector": (sector or "").upper(),
           "start": start or "", "end": end or "", "notes": notes}
    check_code(row["country"], row["sector"], "actors add")
    check_date(row["start"], "--from")
    check_date(row["end"], "--to")
    rows = [r for r in read_user_file(path) if not (r["name"].lower() == row["name"].lower() and r.get("start", "") == row["start"])]
    rows.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=USER_FIELDS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({f: r.get(f, "") for f in USER_FIELDS})
    return row


class KnowledgeBase:
    """All actor tables, indexed by lower-cased phrase, with compiled matchers."""

    def __init__(self, user_path: Path | None = None) -> None:
        self.phrases: dict[str, list[Target]] = defaultdict(list)
        self.countries: dict[str, dict[str, str]] = {}
        self.roles: dict[str, list[Role]] = defaultdict(list)
        self.sector_words: dict[str, Target] = {}
        self.exact_case: set[str] = set()  # phrases matched only with their exact capitalisation
        self.historical: dict[str, tuple[str, str]] = {}  # phrase -> (end date, code until then)
        self.surnames: dict[str, set[str]] = {}  # surname -> heads of state/government who bear it
        self._load_package()
        if user_path is not None:
            self._load_user(user_path)
        for targets in self.phrases.values():
            targets.sort(key=lambda t: PRECEDENCE.index(t.kind))
        self.exact_keys = {p.lower() for p in self.exact_case}
        self._matchers: tuple[Any, Any] | None = None
        self._vocab: Any = None

    # ---- loading -------------------------------------------------------------
    def _add(self, phrase: str, target: Target) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        key = phrase.lower()
        if any(t == target for t in self.phrases.get(key, ())):
            return
        if len(phrase.replace(".", "")) <= 4 and phrase.replace(".", "").isupper() and phrase.replace(".", "").isalpha():
            self.exact_case.add(phrase)
        self.phrases[key].append(target)
        if target.kind in ("person", "user") and re.search(r" (?:Al|El|al|el) [A-Z]", phrase):
            # Phoenix writes "Abu Bakr Al Baghdadi"; the news writes "Abu Bakr al-Baghdadi"
            self._add(re.sub(r" (?:Al|El|al|el) ([A-Z])", lambda m: f" {m.group(0).strip()[:2].lower()}-{m.group(1)}", phrase), target)
        if "'" in phrase:
            self._add(phrase.replace("'", "\u2019"), target)  # "Hun Sen’s", "People’s Liberation Army"

    def _load_package(self) -> None:
        for n, row in enumerate(_read_csv("countries.csv"), 2):
            iso = row["iso3"]
            check_code(iso, "", f"countries.csv:{n}")
            self.countries[iso] = row
            for name in [row["name"], *_split(row["names"])]:
                self._add(name, Target("country", iso, form="name", label=row["name"]))
            for name in _wire_spellings(row["name"]):
                self._add(name, Target("country", iso, form="name", label=row["name"]))
            if not row["name"].endswith("s") and row["name"].lower() + "s" not in self.phrases:
                # a possessive whose apostrophe the feed lost ("Chinas leaders", "at Pakistans expense");
                # ``_target_ok`` turns away the true plurals ("the two Koreas")
                self._add(row["name"] + "s", Target("country", iso, form="possessive", label=row["name"]))
            for adj in _split(row["adjectives"]):
                self._add(adj, Target("country", iso, form="adjective", label=row["name"]))
            for dem in _split(row["demonyms"]):
                self._add(dem, Target("country", iso, form="demonym", label=row["name"]))
                for p in _plurals(dem) if not dem.endswith(("men", "ese", "ss")) else []:
                    self._add(p, Target("country", iso, form="demonym", label=row["name"]))
            if row["capital"]:
                self._add(row["capital"], Target("capital", iso, "GOV", label=row["capital"]))
        for n, row in enumerate(_read_csv("regional_peoples.csv"), 2):
            # "Chechen rebels", "Acehnese separatists", "Darfuri refugees": a people of one region of one state
            # names that state, as a nationality does (peoples living in several states are left out of the table)
            check_code(row["country"], "", f"regional_peoples.csv:{n}")
            label = self.countries[row["country"]]["name"]
            self._add(row["adjective"], Target("country", row["country"], form="adjective", label=label))
            for dem in _split(row["people"]):
                self._add(dem, Target("country", row["country"], form="demonym", label=label))
        for n, row in enumerate(_read_csv("metonyms.csv"), 2):
            check_code(row["country"], row["sector"], f"metonyms.csv:{n}")
            self._add(row["phrase"], Target("metonym", row["country"], row["sector"] or None, label=row["phrase"]))
        for n, row in enumerate(_read_csv("organizations.csv"), 2):
            country, sector = split_code(row["code"])
            check_code(country, sector or "", f"organizations.csv:{n}")
            for name in [row["name"], *_split(row["aliases"])]:
                self._add(name, Target("org", country, sector, label=row["name"]))
        for n, row in enumerate(_read_csv("historical.csv"), 2):
            self._add_historical(row, f"historical.csv:{n}")
        for row in _read_csv("agencies.csv"):
            for name in [row["name"], *_split(row["aliases"])]:
                self._add(name, Target("agency", label=row["name"]))
        for source in ("cities.csv", "regions.csv", "subdivisions.csv"):
            for n, row in enumerate(_read_csv(source), 2):
                # a region inside a state places what happens there in that state, as a city does
                check_code(row["country"], "", f"{source}:{n}")
                form = "subdivision" if source == "subdivisions.csv" else ""
                if form and row["name"].lower() in self.phrases:
                    continue  # a name the other tables give a meaning keeps it
                self._add(row["name"], Target("city", row["country"], form=form, label=row["name"]))
        for n, row in enumerate(_read_csv("sectors.csv"), 2):
            sector = row["sector"] or None
            if sector and sector not in SECTORS:
                raise DataError(f"sectors.csv:{n}: unknown sector {sector!r}")
            target = Target("sector", None, sector, form=row["kind"] or "body", strength=row["strength"] or "strong", label=row["phrase"])
            forms = [row["phrase"]] + ([] if row["plural"] == "no" else _plurals(row["phrase"]))
            for i, form in enumerate(forms):
                t = target if i == 0 or target.form != "person" else Target("sector", None, sector, form="group", strength=target.strength, label=row["phrase"])
                if form.lower() not in self.sector_words:
                    self.sector_words[form.lower()] = t
                    self._add(form, t)
        curated: set[str] = set()
        surnames: list[tuple[str, str]] = []
        others: set[str] = set()  # surnames of the other office-holders: "Singh" and "Brown" are many people's
        for source in ("people.csv", "people_phoenix.csv"):
            names_seen: dict[str, tuple[str, ...]] = {}
            for n, row in enumerate(_read_csv(source), 2):
                pid = row["person_id"]
                if source == "people_phoenix.csv" and row["name"].lower() in curated:
                    continue
                if row["name"].split():
                    # a word that is another office-holder's surname, or anyone's given name ("Howard", "Salman")
                    others.add(row["name"].split()[0].lower())
                    if source == "people_phoenix.csv":
                        others.add(row["name"].split()[-1].lower())
                check_code(row["country"], row["sector"], f"{source}:{n}")
                role = Role(pid, row["name"], row["country"], row["sector"], row["role"],
                            check_date(row["start"], f"{source}:{n}"), check_date(row["end"], f"{source}:{n}"),
                            row.get("gender", ""), source)
                self.roles[pid].append(role)
                if pid not in names_seen:
                    names_seen[pid] = ()
                    if source == "people.csv":
                        curated.add(row["name"].lower())
                for name in [row["name"], *_split(row["aliases"])]:
                    if source == "people.csv":
                        curated.add(name.lower())
                    self._add(name, Target("person", person_id=pid, label=row["name"]))
                if source == "people.csv" and row["role"] in HEAD_ROLES:
                    surnames.append((row["name"], pid))
        # a head of state or government is named by surname alone on the wire ("Bush said", "the Putin
        # government"); only a surname that names nothing else, and only while the office is held (dated())
        for name, pid in surnames:
            last = name.split()[-1] if len(name.split()) > 1 else ""
            if len(last) >= 4 and last[:1].isupper() and last.isalpha() and last.lower() not in self.phrases \
                    and last.lower() not in others:
                self.surnames[last.lower()] = self.surnames.get(last.lower(), set()) | {pid}
        for key, pids in self.surnames.items():
            for pid in sorted(pids):
                self._add(key.title(), Target("person", person_id=pid, form="surname", label=self.roles[pid][0].name))

    def _add_historical(self, row: dict[str, str], where: str) -> None:
        """A state under a name it no longer has: the name's own code until ``end``, its successor's after."""
        for code in (row["code"], row["successor"]):
            check_code(split_code(code)[0], split_code(code)[1] or "", where)
        check_date(row["end"], where)
        successor, sector = split_code(row["successor"])
        kind = "org" if successor.startswith(NON_STATE_PREFIXES) else "country"
        forms = [(n, "name") for n in [row["name"], *_split(row["aliases"])]] + [(a, "adjective") for a in _split(row["adjectives"])]
        for phrase, form in forms:
            target = Target(kind, successor, sector, form=form if kind == "country" else "", label=row["name"])
            self.phrases[phrase.lower()] = [t for t in self.phrases.get(phrase.lower(), []) if t.kind not in ("country", "org")]
            self._add(phrase, target)
            if row["end"]:
                self.historical[phrase.lower()] = (row["end"], row["code"])

    def dated(self, hit: Hit, doc: Any, day: str | None) -> Hit | None:
        """A historical state's name as of the article's day: "Zaire" in 1995 is ZAR, in 2004 COD. After
        the state ended its adjective describes the past ("Soviet-era arms", "former Soviet republics")
        and names no actor (None)."""
        if any(t.form == "surname" for t in hit.targets):
            held = self._dated_surname(hit, day)
            if held is None:
                return None
            hit = held
        old = self.historical.get(doc[hit.start:hit.end].text.lower())
        if old is None:
            return hit
        if day is None or day >= old[0]:
            return None if hit.best.form == "adjective" else hit
        t = hit.best
        return Hit(hit.start, hit.end, (Target(t.kind, old[1], t.sector, t.person_id, t.form, t.strength, t.label), *hit.targets[1:]))

    def _dated_surname(self, hit: Hit, day: str | None) -> Hit | None:
        """A bare surname names the one bearer who heads a state or government on the day, else nobody."""
        holders = {t.person_id for t in hit.targets if t.form == "surname" and day is not None and any(
            r.role in HEAD_ROLES and r.covers(day) for r in self.roles.get(t.person_id or "", ()))}
        keep = tuple(t for t in hit.targets if t.form != "surname" or (len(holders) == 1 and t.person_id in holders))
        return Hit(hit.start, hit.end, keep) if keep else None

    def _load_user(self, path: Path) -> None:
        for row in read_user_file(path):
            pid = "user:" + row["name"].lower()
            self.roles[pid].append(Role(pid, row["name"], row["country"], row.get("sector") or "", "user",
                                        row.get("start", ""), row.get("end", ""), "", "user"))
            for name in [row["name"], *_split(row.get("aliases"))]:
                self.phrases[name.lower()] = [t for t in self.phrases.get(name.lower(), []) if t.kind == "user"]
                self._add(name, Target("user", person_id=pid, label=row["name"]))

    # ---- people ---------------------------------------------------------------
    def person_code(self, person_id: str, day: str | None) -> tuple[str | None, str | None, Role | None, str]:
        """(country, sector, role, why) of a person on a day; no day means the latest role."""
        roles = sorted(self.roles.get(person_id, ()), key=lambda r: (r.start or "0000", r.end or "9999"))
        if not roles:
            return None, None, None, "no roles"
        if day is None:
            dated = [r for r in roles if r.start or r.end]
            r = max(dated or roles, key=lambda r: (r.end or "9999", r.start or "0000"))
            return r.country, r.sector or None, r, f"no date: latest role {r.role or r.sector} ({r.start or '…'} to {r.end or 'now'})"
        covering = [r for r in roles if (r.start or r.end) and r.covers(day)]
        if covering:
            r = min(covering, key=lambda r: _span_days(r))
            return r.country, r.sector or None, r, f"on {day}: {r.role or r.sector} from {r.start or '…'} to {r.end or 'now'}"
        undated = [r for r in roles if not (r.start or r.end)]
        if undated:
            r = undated[-1]
            return r.country, r.sector or None, r, f"on {day}: no dated role; default {r.country}{r.sector}"
        ended = [r for r in roles if r.end and r.end <= day]
        if ended:
            r = max(ended, key=lambda r: r.end)
            sector = FORMER if r.sector in ("GOV", "MIL", "LEG", "JUD", "SPY") or r.country.startswith("IGO") else r.sector
            country = r.country
            if country.startswith(NON_STATE_PREFIXES):
                home = [x for x in roles if not x.country.startswith(NON_STATE_PREFIXES)]
                if not home:
                    return country, None, r, f"on {day}: former {r.role or 'official'} of {country} (left {r.end})"
                country = home[-1].country
            return country, sector or None, r, f"on {day}: former {r.role or r.sector} (left {r.end}) -> {FORMER}"
        r = roles[0]
        return r.country, None, r, f"on {day}: before first known role ({r.role or r.sector} from {r.start})"

    def person_gender(self, person_id: str) -> str:
        return next((r.gender for r in self.roles.get(person_id, ()) if r.gender), "")

    def person_name(self, person_id: str) -> str:
        roles = self.roles.get(person_id)
        return roles[0].name if roles else person_id

    # ---- matching ---------------------------------------------------------------
    def _build(self, vocab: Any, tokenizer: Any) -> tuple[Any, Any]:
        from spacy.matcher import PhraseMatcher

        lower = PhraseMatcher(vocab, attr="LOWER")
        exact = PhraseMatcher(vocab, attr="ORTH")
        keys = list(self.phrases)
        for key, doc in zip(keys, tokenizer.pipe(keys, batch_size=2000)):
            docs = [doc]
            if "." in key:  # "gen." splits where "Gen." stays one token: match both spellings
                docs.append(tokenizer(key.title()))
            lower.add(key, docs)
        for phrase, doc in zip(sorted(self.exact_case), tokenizer.pipe(sorted(self.exact_case))):
            exact.add(phrase.lower(), [doc])
        return lower, exact

    def match(self, doc: Any, tokenizer: Any) -> list[Hit]:
        """Non-overlapping KB phrases in a Doc, longest first."""
        if self._matchers is None or self._vocab is not doc.vocab:
            self._matchers = self._build(doc.vocab, tokenizer)
            self._vocab = doc.vocab
        lower, exact = self._matchers
        strings = doc.vocab.strings
        found: list[tuple[int, int, str]] = []
        for match_id, s, e in lower(doc):
            key = strings[match_id]
            if not self._case_ok(doc, s, e, key):
                continue
            found.append((s, e, key))
        for match_id, s, e in exact(doc):
            found.append((s, e, strings[match_id]))
        found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        taken = bytearray(len(doc))
        hits = []
        for s, e, key in found:
            if any(taken[s:e]):
                continue
            targets = tuple(t for t in self.phrases[key] if self._target_ok(t, doc, s, e))
            if not targets:
                continue
            taken[s:e] = b"\x01" * (e - s)
            hits.append(Hit(s, e, targets))
        hits.sort(key=lambda h: h.start)
        return hits

    def _case_ok(self, doc: Any, s: int, e: int, key: str) -> bool:
        targets = self.phrases[key]
        if all(t.kind == "sector" for t in targets):
            # a sector word the table writes in capitals ("PM") is that abbreviation only: "5 pm" is a time
            return key not in self.exact_keys
        first = doc[s].text
        if key in self.exact_keys:
            # "US", "WHO": the exact-case matcher finds these; here only spellings like "Nato"
            return len(key) >= 4 and first[:1].isupper() and e - s == 1
        return first[:1].isupper() or first[:1].isdigit() or any(t.kind == "sector" for t in targets)

    def _names_country(self, sent: Any, skip: int, iso: str) -> bool:
        """Whether a sentence names a country by a one-word name, adjective, demonym, capital or city."""
        for tok in sent:
            if tok.i != skip and tok.text[:1].isupper():
                if any(t.country == iso and t.kind in ("country", "capital", "city") for t in self.phrases.get(tok.lower_, ())):
                    return True
        return False

    def _target_ok(self, t: Target, doc: Any, s: int, e: int) -> bool:
        if t.kind == "sector":
            return True
        if t.kind == "org" and e - s == 1 and doc[s].text in CONTEXT_ACRONYMS:
            tok = doc[s]
            return (tok.dep_ in ("compound", "nmod", "amod") and tok.head.lemma_.lower() in MILITARY_WORDS) or \
                self._names_country(tok.sent, s, CONTEXT_ACRONYMS[tok.text])
        if t.form == "surname":
            tok = doc[s]
            before = doc[s - 1] if s > 0 and doc[s - 1].sent == tok.sent else None
            # "Laura Bush", "Jeb Bush", "Sharon Stone": a name beside it makes it someone else's name;
            # a title before it ("President", "Prime Minister") does not
            if before is not None and before.text[:1].isupper() and before.pos_ == "PROPN" and before.lower_ not in self.sector_words:
                return False
            if e < len(doc) and doc[e].pos_ == "PROPN" and doc[e].text[:1].isupper() and tok.head.i == e:
                return False
        if t.form == "possessive":
            # "the two Chinas", "both Koreas", "the Guineas" are plurals of the name, not its possessive
            last = doc[e - 1]
            before = doc[s - 1].lower_ if s > 0 else ""
            if any(c.dep_ in ("det", "nummod", "predet") for c in last.children) or before in ("the", "two", "both", "all", "three"):
                return False
        if t.kind in ("person", "user") and e - s == 1:
            tok = doc[s]
            if tok.pos_ == "PROPN" or tok.tag_ == "NNP":
                return True
            # the tagger sometimes reads a capitalised surname that is also a word as a noun ("Trump met Kim");
            # accept it where a name stands alone as subject or object, never as a modifier ("Trump card")
            return (tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.text.isupper()
                    and tok.dep_ in PERSON_SLOTS and not any(c.dep_ in ("det", "amod") for c in tok.children))
        if t.kind != "sector" and not doc[s].text[:1].isupper() and not doc[s].text[:1].isdigit():
            return False
        return True


def load_kb(user_path: Path | None = None) -> KnowledgeBase:
    """The knowledge base with a user's file, shared in this process until that file changes."""
    stamp = _stamp(user_path)
    return _load(user_path if stamp else None, stamp)  # a missing file is no file


@lru_cache(maxsize=4)
def _load(user_path: Path | None, stamp: tuple[int, int] | None) -> KnowledgeBase:
    return KnowledgeBase(user_path)


def _stamp(path: Path | None) -> tuple[int, int] | None:
    """What tells one version of the user's file from another (None: there is no file)."""
    if path is None or not path.exists():
        return None
    st = path.stat()
    return st.st_mtime_ns, st.st_size


def reset_kb() -> None:
    """Forget loaded knowledge bases."""
    _load.cache_clear()


def iter_rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of a package actor table (for the schema test and the data README)."""
    yield from _read_csv(name)


def day_of(value: str | None) -> str | None:
    """An ISO date string, or None; partial dates (YYYY, YYYY-MM) take their first day."""
    if not value:
        return None
    v = value.strip()[:10]
    if re.match(r"^\d{4}$", v):
        return v + "-01-01"
    if re.match(r"^\d{4}-\d{2}$", v):
        return v + "-01"
    return v if DATE_RE.match(v) else None


def _span_days(r: Role) -> int:
    a = _date.fromisoformat(r.start) if r.start else _date(1900, 1, 1)
    b = _date.fromisoformat(r.end) if r.end else _date(2100, 1, 1)
    return (b - a).days
