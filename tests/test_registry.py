"""Named components and the settings that select them: the names a store records are the ones that
ran, an unknown name is refused, and the settings that shape coding and counting really do."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from helpers import doc_row, event, put, story

from tealeaves import pipeline, registry
from tealeaves.errors import InputError
from tealeaves.models import Document
from tealeaves.settings import SETTINGS, Settings, load_settings


def test_each_registered_component_carries_its_registered_name() -> None:
    from tealeaves.coding.places import GEOCODER_NAME

    settings = Settings(user_actors="/nonexistent/actors.csv")
    assert registry.actor_resolver(settings).name == settings.actor_resolver == "actors_kb.v3"
    assert registry.coder(settings).name == settings.coder == "cameo_rules.v4"
    assert registry.find("geocoder", GEOCODER_NAME).load() is not None
    assert registry.selected(settings) == {"actor_resolver": "actors_kb.v3", "coder": "cameo_rules.v4", "geocoder": GEOCODER_NAME,
                                           "confidence": "conf_lr.v3"}


def test_an_unknown_resolver_is_refused_before_anything_is_stored(con: Any) -> None:
    bogus = load_settings(actor_resolver="bogus_resolver.v9")
    with pytest.raises(InputError, match="unknown actor_resolver 'bogus_resolver.v9'; known: actors_kb.v3"):
        pipeline.store_documents([Document("d1", "France and Russia held talks.")], con, bogus)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
    with pytest.raises(InputError, match="unknown coder"):
        registry.coder(load_settings(coder="cameo_rules.v0"))


def test_the_store_records_the_components_that_coded(con: Any, no_actors: None) -> None:
    docs = [Document("d1", "Talks\n\nFrance and Russia held talks in Paris.", language="en"),
            Document("d2", "Pourparlers\n\nLa France et la Russie ont tenu des pourparlers.", language="fr")]
    pipeline.store_documents(docs, con, load_settings())
    rows = dict((r[0], r[1:]) for r in con.execute("SELECT id, status, coder, actor_resolver FROM documents").fetchall())
    assert rows["d1"] == ("coded", "cameo_rules.v4", "actors_kb.v3")
    assert rows["d2"] == ("not_coded", None, None)  # nothing coded it


def test_a_long_document_is_cut_at_a_paragraph_with_a_warning_and_a_note(con: Any, no_actors: None,
                                                                         caplog: pytest.LogCaptureFixture) -> None:
    paragraphs = [f"Paragraph {i} says the talks went on for another day in the capital." for i in range(40)]
    text = "A long report\n\n" + "\n\n".join(paragraphs)
    settings = load_settings(max_document_chars=500)
    with caplog.at_level(logging.WARNING, logger="tealeaves.pipeline"):
        pipeline.store_documents([Document("long", text), Document("short", "Short\n\nOne line.")], con, settings)
    clean_text, note = con.execute("SELECT clean_text, note FROM documents WHERE id = 'long'").fetchone()
    assert len(clean_text) <= 500 and clean_text.rstrip().endswith("capital.")  # whole paragraphs only
    assert f"of {len(text)} characters (max_document_chars 500)" in note
    assert any("long" in r.getMessage() and "max_document_chars" in r.getMessage() for r in caplog.records)
    assert con.execute("SELECT note FROM documents WHERE id = 'short'").fetchone() == (None,)


def test_without_a_limit_nothing_is_cut(no_actors: None) -> None:
    text = "Headline\n\n" + "word " * 300
    [coded] = pipeline.code_documents([Document("d", text)], load_settings(max_document_chars=0))
    assert coded.note is None and len(coded.clean.text) > 1000


@pytest.fixture()
def dyad(con: Any) -> Any:
    docs = [doc_row(f"d{i}", story(f"doc {i}"), "2016-10-03", f"Outlet {i}") for i in range(3)]
    put(con, docs, [event("d0", 0, "USA", "042", "RUS", "2016-10-03"),
                    event("d1", 0, "USA", "130", "RUS", "2016-10-03", modality="hypothetical"),
                    event("d2", 0, "USA", "111", "RUS", "2016-10-03", modality="negated")])
    return con


def test_default_modalities_decide_what_readout_counts(dyad: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from tealeaves.readout import dyad_series, say_vs_do

    assert dyad_series(dyad, "USA", "RUS", "month")[0].combined.events == 1
    assert dyad_series(dyad, "USA", "RUS", "month", modalities=("asserted", "hypothetical"))[0].combined.events == 2
    monkeypatch.setenv("TEALEAVES_DEFAULT_MODALITIES", "asserted,negated")
    assert load_settings().default_modalities == ("asserted", "negated")
    assert dyad_series(dyad, "USA", "RUS", "month")[0].combined.events == 2
    assert {e.cameo for e in say_vs_do(dyad, "USA", "RUS", "month").verbal} == {"042", "111"}


def test_default_modalities_decide_what_the_api_counts(dyad: Any) -> None:
    from fastapi.testclient import TestClient

    from tealeaves.serve import create_app

    wide = Settings(default_modalities=("asserted", "hypothetical"))
    with TestClient(create_app(dyad, wide), raise_server_exceptions=False) as c:
        body = c.get("/api/dyads/USA/RUS/series", params={"period": "month"}).json()
        assert body["modalities"] == ["asserted", "hypothetical"]
        assert body["points"][0]["events"] == 2
        saydo = c.get("/api/dyads/USA/RUS/saydo", params={"period": "month"}).json()
        assert saydo["modalities"] == ["asserted", "hypothetical"]
        assert {e["cameo"] for e in saydo["verbal"]} == {"042", "130"}
    with TestClient(create_app(dyad, Settings()), raise_server_exceptions=False) as c:
        assert c.get("/api/dyads/USA/RUS/series", params={"period": "month"}).json()["points"][0]["events"] == 1


def test_settings_command_shows_every_setting_with_its_help(runner: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from tealeaves.cli import main

    monkeypatch.setenv("TEALEAVES_WORKERS", "3")
    result = runner.invoke(main, ["settings"])
    assert result.exit_code == 0, result.output
    for s in SETTINGS:
        assert f"{s.name} = " in result.output and s.help in result.output
    assert "workers = 3  (default 1, from TEALEAVES_WORKERS)" in result.output


def test_user_entries_are_actor_cues(tmp_path: Path) -> None:
    from tealeaves.actors.cues import cue_phrases
    from tealeaves.actors.kb import write_user_entry

    user = tmp_path / "actors.csv"
    before = {c.lower() for c in cue_phrases(user)}
    assert "zarkon vell" not in before and {"france", "french", "paris", "united nations"} <= before
    write_user_entry(user, "Zarkon Vell", "HUN", "OPP", None, None, aliases=("Vell",))
    assert {c.lower() for c in cue_phrases(user)} == before | {"zarkon vell", "vell"}


def test_a_user_entry_gets_its_sentence_parsed(tmp_path: Path) -> None:
    from tealeaves.actors.kb import write_user_entry
    from tealeaves.clean import clean
    from tealeaves.ingest import document_from_text
    from tealeaves.nlp import parse

    user = tmp_path / "actors.csv"
    cdoc = clean(document_from_text("Border report\n\nVell attacked the convoy at dawn.", "t", date="2020-01-01"))
    [(_, before)] = list(parse([cdoc], user_actors=user))
    assert before[-1].span is None  # no cue: a word nobody knows opens the sentence
    write_user_entry(user, "Vell", "HUN", "REB", None, None)
    [(_, after)] = list(parse([cdoc], user_actors=user))
    assert after[-1].span is not None
