"""Build tealeaves/data/actors/subdivisions.csv: the first-level regions of every state (ISO 3166-2, from
pycountry), so that "police raids in Gujarat" or "rebels in Sindh" are placed in their state.

    .venv/bin/python scripts/build_subdivisions.py

A region name names a place only when it cannot be read as something else, so a name is left out when it
  - is named for two states (Punjab: India and Pakistan), or lies in a disputed region (Kashmir, the
    Palestinian governorates, Kosovo) that the guide leaves without a state;
  - is already in the actor tables (a country, capital, city, organization, sector word or region of
    regions.csv, which wins), or a city of another state in the gazetteer (Valencia, Santiago);
  - is a given name of someone in the people tables, or is listed in actor_sources/subdivisions_excluded.csv
    (common words, compass words, people's names: Delta, Rivers, North, Victoria);
  - is a word piece of three letters or fewer, or is made of compass and generic words only ("Northern
    Province", "West Coast", "Upper East").
Only the kinds of subdivision that the wire names as a region are kept (states, provinces, regions,
republics, governorates, departments and the like; not districts, municipalities or counties).
The generated file is committed: the package reads no pycountry data for it at run time.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "tealeaves" / "data" / "actors" / "subdivisions.csv"
EXCLUDED = Path(__file__).resolve().parent / "actor_sources" / "subdivisions_excluded.csv"

KINDS = {"Province", "State", "Region", "Republic", "Land", "Governorate", "Autonomous region", "Autonomous republic",
         "Autonomous community", "Autonomous province", "Special region", "Union territory", "Federal district",
         "Capital territory", "Capital district", "Emirate", "Department", "Prefecture", "Regional state",
         "Federal territory", "Territory", "Division", "Federal dependency", "Country", "Nation", "Canton",
         "Voivodship", "Oblast", "Federal capital territory", "Geographical unit", "Island", "Entity"}
# states whose regions the guide gives no state, and names that stay disputed wherever they appear
DISPUTED_STATES = {"PSE", "ESH"}
DISPUTED_WORDS = ("kashmir", "kosovo", "taiwan", "crimea", "krym")
# words that make a region name only with a name beside them: "Northern Province", "Upper East", "West Coast"
GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower", "far",
           "middle", "province", "region", "coast", "river", "bank", "territory", "capital", "greater", "nord", "sud", "norte",
           "sur", "centre", "center", "centro", "est", "ouest", "of", "the"}
SUFFIXES = (" Uygur Zizhiqu", " Huizu Zizhiqu", " Zhuangzu Zizhiqu", " Zizhiqu", " Sheng", " Shi", " SAR")


def plain(name: str) -> str:
    """The name as the English wire writes it: no accents, no bracketed note, no "Respublika" after a comma,
    no Chinese administrative suffix ("Dagestan, Respublika" -> Dagestan, "Sichuan Sheng" -> Sichuan)."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"\s*[(\[].*?[)\]]", "", s).replace("\u2019", "'").strip()
    s = s.split(", ")[0]
    for suffix in SUFFIXES:
        s = s.removesuffix(suffix)
    return s.strip()


def known_phrases() -> set[str]:
    """Lower-cased phrases the actor tables already give a meaning (before subdivisions are added)."""
    from tealeaves.actors.kb import KnowledgeBase

    kb = KnowledgeBase()
    return {p for p, targets in kb.phrases.items() if any(t.form != "subdivision" for t in targets)}


def given_names() -> set[str]:
    from tealeaves.actors.kb import iter_rows

    out = set()
    for table in ("people.csv", "people_phoenix.csv"):
        for row in iter_rows(table):
            words = row["name"].split()
            if len(words) > 1:
                out.add(words[0].lower())
    return out


def main() -> None:
    import pycountry

    from tealeaves.coding.places import gazetteer

    excluded = {r["name"].lower() for r in csv.DictReader(EXCLUDED.open(encoding="utf-8"))}
    known = known_phrases()
    names = given_names()
    cities = gazetteer()
    rows: dict[str, set[tuple[str, str, str]]] = {}
    for sub in pycountry.subdivisions:
        if sub.type not in KINDS:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        name = plain(sub.name)
        rows.setdefault(name.lower(), set()).add((name, country.alpha_3, sub.code))
    out = []
    for key, found in sorted(rows.items()):
        states = {c for _, c, _ in found}
        name, iso3, code = sorted(found)[0]
        if len(states) != 1 or iso3 in DISPUTED_STATES or any(w in key for w in DISPUTED_WORDS):
            continue
        if len(key.replace(" ", "")) <= 3 or key in excluded or key in names or key in known:
            continue
        if set(re.split(r"[ -]+", key)) <= GENERIC:
            continue
        if any(p.country != iso3 for p in cities.get(" ".join(key.replace("-", " ").split()), ())):
            continue  # a city of another state bears the name
        if not name[:1].isupper():
            continue
        out.append({"name": name, "country": iso3, "iso_code": code})
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["name", "country", "iso_code"], lineterminator="\n")
        w.writeheader()
        w.writerows(sorted(out, key=lambda r: (r["country"], r["name"])))
    print(f"wrote {len(out)} regions to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
