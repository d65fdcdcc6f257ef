"""The whole path on sentences written for it: real codes, real actors, real modality."""

from __future__ import annotations

import json

from helpers import triples

from tealeaves import store
from tealeaves.cli import main


def test_visit(code) -> None:
    events = code("Visit\n\nFrench Foreign Minister Jean-Marc Ayrault visited Moscow on Thursday.")
    found = {(e.source.country, e.target.country if e.target else None, e.cameo) for e in events}
    assert ("FRA", "RUS", "042") in found


def test_threat_of_force_is_a_threat_not_an_attack(code) -> None:
    events = code("Warning\n\nRussia threatened to strike US forces in Syria.")
    assert any(e.source.country == "RUS" and e.root == "13" for e in events)
    assert not any(e.root in ("18", "19") and e.modality == "asserted" for e in events)


def test_air_strike(code) -> None:
    events = code("Raids\n\nRussian jets carried out air strikes on rebel-held districts of Aleppo.")
    assert any(e.source.country == "RUS" and e.cameo == "195" for e in events)


def test_passive_voice_attack(code) -> None:
    events = code("Attack\n\nA Ukrainian army convoy was attacked by Russian troops near Donetsk.")
    hit = [e for e in events if e.root in ("18", "19")]
    assert hit, events
    assert hit[0].source.country == "RUS" and hit[0].target.country == "UKR"


def test_denied_meeting_is_negated(code) -> None:
    events = code("Talks\n\nIranian President Hassan Rouhani did not meet Saudi officials in New York.")
    meets = [e for e in events if e.root == "04"]
    assert meets and all(e.modality == "negated" for e in meets)


def test_boilerplate_yields_nothing(code) -> None:
    text = "Briefing\n\nSupport independent journalism: donate today and help us cover Russia and China.\n\nSubscribe to our newsletter for daily briefings on Iran."
    assert code(text) == []
    # the same page with a news paragraph between the appeals codes that paragraph only
    news = "Russian jets carried out air strikes on rebel positions near Aleppo on Tuesday."
    text = text.replace("\n\nSubscribe", f"\n\n{news}\n\nSubscribe")
    events = code(text)
    assert [(e.source.code, e.cameo, e.text) for e in events] == [("RUSMIL", "195", news)]


def test_cited_outlet_reaches_the_event(code) -> None:
    events = code("Strikes\n\nTurkish artillery shelled Kurdish militia positions in Syria (Reuters).")
    assert events and all(e.cited_outlet == "Reuters" for e in events)


def test_every_event_keeps_its_evidence(code) -> None:
    text = "Raids\n\nIsraeli aircraft bombed targets in southern Lebanon on Sunday."
    events = code(text)
    assert events
    for e in events:
        assert e.rule and 0 <= e.evidence_start < e.evidence_end
        assert e.date == "2016-10-04" or e.date_precision is not None


def test_code_command_writes_jsonl(runner) -> None:
    result = runner.invoke(main, ["code", "-"], input="Raid\n\nRussian jets pounded Aleppo on Tuesday.\n")
    assert result.exit_code == 0, result.output
    rec = json.loads(result.output.splitlines()[0])
    for name in ("doc_id", "sentence", "text", "source", "target", "cameo", "root", "quad", "goldstein", "plover",
                 "modality", "date", "location", "cited_outlet", "evidence", "rule"):
        assert name in rec
    assert rec["source"]["country"] == "RUS" and rec["root"] == "19"


def test_ingest_events_stats_and_reingest(runner, tmp_path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("Envoy\n\nChinese Foreign Minister Wang Yi visited Tehran on Monday.\n", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00binary\x00junk")
    db = str(tmp_path / "t.duckdb")
    r = runner.invoke(main, ["ingest", str(tmp_path), "--db", db])
    assert r.exit_code == 0, r.output
    assert "b.txt" in r.output and "Traceback" not in r.output
    r2 = runner.invoke(main, ["ingest", str(art), "--db", db])
    assert r2.exit_code == 0
    con = store.connect(db, read_only=True)
    assert store.stats(con)["documents"] == 1
    con.close()
    r3 = runner.invoke(main, ["stats", "--db", db, "--format", "json"])
    assert json.loads(r3.output)["documents"] == 1
    r4 = runner.invoke(main, ["events", "--db", db, "--dyad", "CHN,IRN"])
    assert r4.exit_code == 0 and "042" in r4.output


def test_nothing_ingested_is_an_error_without_traceback(runner, tmp_path) -> None:
    r = runner.invoke(main, ["ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.duckdb")])
    assert r.exit_code != 0
    assert "missing.txt" in r.output and "Traceback" not in r.output


def test_demo_command(runner, tmp_path) -> None:
    r = runner.invoke(main, ["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert r.exit_code == 0, r.output
    assert "RUS" in r.output and "USA" in r.output


def test_a_meeting_in_a_named_city_is_one_044_with_its_place(code) -> None:
    events = code("Meeting\n\nGerman Chancellor Angela Merkel met French President Francois Hollande in Berlin.", date="2016-10-04")
    assert triples(events) == {("DEUGOV", "FRAGOV", "044")}
    [e] = events
    assert e.location is not None and e.location.name == "Berlin" and e.location.country == "DEU"
    assert e.modality == "asserted" and e.date == "2016-10-04"


def test_a_list_folded_into_a_modifier_gives_each_actor(code) -> None:
    events = code("Rights\n\nAmnesty International and Human Rights Watch criticised the Egyptian government on Monday.")
    sources = {e.source.code for e in events if e.root == "11"}
    assert len(sources) == 2 and all(s.startswith("NGO") for s in sources)


def test_a_state_speaking_of_itself_is_not_a_dyad(code) -> None:
    assert code("Talks\n\nKremlin spokesman Dmitry Peskov said Russia remained open to dialogue.") == []
    events = code("Talks\n\nThe Kremlin said Ukraine was an unreliable partner.")
    assert any(e.cameo == "010" and e.target is not None and e.target.country == "UKR" for e in events)
