"""The rule coder: pattern data, specific codes, over-generation guards, trigger words, explain."""

from __future__ import annotations

import pytest

from tealeaves import ontology
from tealeaves.coding import coder, patterns
from tealeaves.errors import DataError
from test_events_support import code_with_table, one


def triples(evs: list) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo) for e in evs}


def test_every_pattern_code_exists_in_the_ontology() -> None:
    codes = ontology.codes()
    for rank, name in enumerate(patterns.PATTERN_FILES):
        for p in patterns.read_patterns(name, rank):
            assert p.code in codes, f"{p.name}: unknown CAMEO code"


def test_hand_patterns_have_no_conflicting_duplicates() -> None:
    seen: dict[tuple, str] = {}
    for p in patterns.read_patterns("patterns.tsv", 0):
        key = (p.head, p.words, p.target_after, p.nominal, p.fallback)
        assert key not in seen, f"{p.name} repeats a pattern already coded {seen[key]}"
        seen[key] = p.code


def test_derived_dictionary_ships_with_its_licence() -> None:
    from importlib import resources

    folder = resources.files("tealeaves.data").joinpath("events")
    assert "MIT" in folder.joinpath("LICENSE-petrarch2.txt").read_text(encoding="utf-8")
    assert "petrarch2" in folder.joinpath("patterns-petrarch2.tsv").read_text(encoding="utf-8").splitlines()[0]


def test_bad_pattern_lines_raise_data_error() -> None:
    with pytest.raises(DataError):
        patterns.parse_pattern("173", "{T} arrest", 1)
    with pytest.raises(DataError):
        patterns.parse_pattern("17x", "arrest {T}", 1)


@pytest.mark.parametrize("text, triple", [
    ("The foreign minister visited Beijing.", ("GOV", "CHN", "042")),
    ("Japan hosted China for a summit.", ("JPN", "CHN", "043")),
    ("Russia threatened to use military force against Ukraine.", ("RUS", "UKR", "138")),
    ("Israel launched air strikes on Lebanon.", ("ISR", "LBN", "195")),
    ("Kenyan police arrested protesters in Nairobi.", ("KENCOP", "KENOPP", "173")),
    ("The United States imposed sanctions on Iran.", ("USA", "IRN", "163")),
    ("Egypt broke off diplomatic relations with Israel.", ("EGY", "ISR", "161")),
    ("France lashed out at Germany over the deal.", ("FRA", "DEU", "111")),
    ("Russia held talks with China in Beijing.", ("RUS", "CHN", "046")),
    ("China threw its weight behind Russia.", ("CHN", "RUS", "053")),
    ("Turkey deported rebels to Egypt.", ("TUR", "REB", "174")),
])
def test_specific_codes(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(code_with_table(text))


def test_nominal_event_with_by_agent() -> None:
    evs = code_with_table("The expulsion of Russia's diplomats by the United States angered Moscow.")
    assert ("USA", "RUS", "161") in triples(evs)


def test_phone_call_needs_an_object() -> None:
    assert ("FRA", "DEU", "041") in triples(code_with_table("France called Germany on Monday."))
    assert not [e for e in code_with_table("France called for calm in Germany.") if e.cameo == "041"]


def test_statement_only_when_nothing_else_is_coded() -> None:
    alone = code_with_table("Russia said Ukraine was an unreliable partner.")
    assert [(e.source.code, e.target.code, e.cameo) for e in alone] == [("RUS", "UKR", "010")]
    # CAMEO events are dyadic: a bare statement about nobody (the weather) is not coded
    assert code_with_table("Russia said the weather in Ukraine was mild.") == []
    with_event = code_with_table("Russia said Ukraine had attacked the army.")
    assert "010" not in {e.cameo for e in with_event}


@pytest.mark.parametrize("text, armed", [
    ("Arsenal beat Chelsea 3-1 in the league on Saturday.", "Kenyan police beat protesters outside the stadium on Saturday."),
    ("The company crushed its rival in quarterly sales.", "Rebels attacked the company's offices in the capital."),
    ("The earthquake killed 40 people in Turkey.", "The army killed 40 rebels in Turkey after the earthquake."),
])
def test_no_material_conflict_in_sport_business_or_disasters(text: str, armed: str) -> None:
    assert not [e for e in code_with_table(text) if e.quad == 4]
    # the same domain word beside armed actors does not hide their violence
    assert [e for e in code_with_table(armed) if e.quad == 4]


def test_armed_actors_still_code_near_sport_words() -> None:
    evs = code_with_table("Turkish jets struck rebels near the stadium.")
    assert ("TURMIL", "REB", "195") in triples(evs)


def test_events_record_versions_and_rule() -> None:
    e = one(code_with_table("Russia attacked Ukraine."), "19")
    assert e.coder == coder.CODER_NAME
    assert e.dictionary == patterns.dictionary_version() and "patterns@" in e.dictionary
    assert e.rule.startswith("patterns.tsv:")
    rec = e.to_record()
    assert {"event_id", "cameo", "modality", "rule", "coder", "quote", "reporting_verb", "dictionary"} <= set(rec)


def test_trigger_lemmas_cover_heads_and_inflections() -> None:
    words = patterns.trigger_lemmas()
    for w in ("attack", "attacked", "attacking", "met", "arrested", "shelled", "visits", "sanctions", "fought", "struck"):
        assert w in words, w
    assert "the" not in words and "weather" not in words


def test_explain_shows_pattern_modality_and_misses() -> None:
    from tealeaves.explain import Explanation, SentenceExplanation, render
    from tealeaves.coding.coder import Attempt

    evs = code_with_table("Russia did not attack Ukraine.")
    sent = SentenceExplanation("Russia did not attack Ukraine.", (), (evs[0].source,), tuple(evs),
                               (Attempt("attack", "patterns.tsv:1 180 attack {T}", "fired"),
                                Attempt("attack", "patterns.tsv:2 195 attack from air", "no 'air' attached to 'attack'")))
    text = render(Explanation("x", "2016-10-04", coder.CODER_NAME, patterns.dictionary_version(), (sent,)))
    assert "negated" in text and "fired" in text and "no 'air' attached" in text


def test_explain_command(runner: object) -> None:
    from tealeaves.cli import main

    res = runner.invoke(main, ["explain", "Russia did not attack Ukraine on Tuesday.", "--date", "2016-10-06"])  # type: ignore[attr-defined]
    assert res.exit_code == 0, res.output
    assert "patterns tried" in res.output and "parse:" in res.output


def test_passive_without_agent_codes_coercion_with_null_source_and_place() -> None:
    e = one(code_with_table("Dozens of protesters were arrested in Nairobi on Monday."), "173")
    assert e.source is None and e.target.code == "OPP"
    assert e.location is not None and e.location.name == "Nairobi"
    assert "no agent named" in e.rule


def test_passive_without_agent_keeps_the_verbal_event_with_no_source() -> None:
    # docs/annotation.md: an agentless passive keeps its event, the source unknown
    assert triples(code_with_table("Ukraine was criticized over the deal.")) == {(None, "UKR", "111")}
    # with its agent named, the same passive is coded with its agent
    assert triples(code_with_table("Ukraine was criticized by Russia over the deal.")) == {("RUS", "UKR", "111")}


def test_passive_violence_takes_its_agent_from_the_means() -> None:
    e = one(code_with_table("Two protesters were killed in a police raid."), "18")
    assert (e.source.code, e.target.code) == ("COP", "OPP")
