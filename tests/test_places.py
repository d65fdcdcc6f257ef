"""Places: the event's location from the sentence, resolved offline."""

from __future__ import annotations

from tealeaves.coding import places
from tealeaves.pipeline import code_text
from test_events_support import code_with_table, one


def test_city_with_country_and_coordinates() -> None:
    e = one(code_with_table("Kenyan police arrested protesters in Nairobi."), "173")
    assert e.location is not None
    assert (e.location.name, e.location.country) == ("Nairobi", "KEN")
    assert abs(e.location.lat - (-1.28)) < 0.2 and abs(e.location.lon - 36.8) < 0.2


def test_actors_are_not_locations() -> None:
    e = one(code_with_table("Russia attacked Ukraine."), "19")
    assert e.location is None


def test_ambiguous_city_prefers_a_country_already_in_the_article() -> None:
    plain = one(code_with_table("Rebels attacked the army in Tripoli."), "18")
    assert plain.location is not None and plain.location.country == "LBY"
    primed = one(code_with_table("Lebanon is on edge.\nRebels attacked the army in Tripoli."), "18")
    assert primed.location is not None and primed.location.country == "LBN"


def test_country_as_a_place_has_coordinates() -> None:
    p = places.lookup("France")
    assert p is not None and p.kind == "country" and p.country == "FRA"
    assert p.lat is not None and 40 < p.lat < 52


def test_unknown_place_name_is_none() -> None:
    assert places.lookup("Xqzzyville") is None


def test_a_region_the_gazetteer_lacks_takes_its_state_from_the_actor_data() -> None:
    for text, region, country in [("Russian troops clashed with rebels in Dagestan.", "Dagestan", "RUS"),
                                  ("Sudanese troops attacked rebels in Darfur.", "Darfur", "SDN"),
                                  ("Chinese police arrested protesters in Xinjiang.", "Xinjiang", "CHN")]:
        located = [e.location for e in code_text(text, date="2004-09-01") if e.location is not None]
        assert any(loc.name == region and loc.country == country for loc in located), (text, located)
