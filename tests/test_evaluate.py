"""Evaluation: scoring on small gold files in the shared formats, floors, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tealeaves import evaluate as ev
from tealeaves.errors import InputError
from test_events_support import mentions_for


class TableResolver:
    name = "test-table"

    def resolve_document(self, cdoc: Any, sentences: Any) -> dict[int, tuple[Any, ...]]:
        return mentions_for(sentences)


def write_gold(folder: Path) -> None:
    (folder / ev.CONFLIBERT_CLASS).write_text(
        "Russia praised China for its help.\t1\n"
        "Turkish jets bombed rebels near the border.\t4\n"
        "Japan criticized China over the island dispute.\t3\n"
        "The weather stayed mild across the region.\t0\n", encoding="utf-8")
    (folder / ev.PETR2).write_text(
        "<Validation>\n<Sentences>\n"
        '<Sentence date="20161004" id="A1" evaluate="true"/>\n'
        '<EventCoding eventcode="195" sourcecode="ISR" targetcode="LBN" />\n'
        "<Text>\nIsrael launched air strikes on Lebanon.\n</Text>\n"
        '<Sentence date="20161004" id="A2" evaluate="true"/>\n'
        '<EventCoding noevents="True" />\n'
        "<Text>\nThe harvest in Egypt was large this year.\n</Text>\n"
        '<Sentence date="20161004" id="A3" evaluate="false"/>\n'
        '<EventCoding eventcode="042" sourcecode="FRA" targetcode="DEU" />\n'
        "<Text>\nFrance visited Germany.\n</Text>\n"
        "</Sentences>\n</Validation>\n", encoding="utf-8")
    rows = [
        {"doc_id": 1, "sent_id": 0, "sent_labels": ["ARREST", "ANY_ACTION"], "sent_text": "police arrested protesters in the old city."},
        {"doc_id": 1, "sent_id": 1, "sent_labels": [], "sent_text": "the market reopened after the holiday."},
    ]
    (folder / ev.IPE).write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_class_of_root() -> None:
    assert [ev.class_of_root(r) for r in ("01", "02", "04", "07", "11", "16", "14", "18", "20")] == [0, 0, 1, 2, 3, 3, 4, 4, 4]


def test_read_petr2_keeps_only_evaluated_sentences(tmp_path: Path) -> None:
    write_gold(tmp_path)
    sents = ev.read_petr2(tmp_path / ev.PETR2)
    assert [s.id for s in sents] == ["A1", "A2"]
    assert sents[0].expected == (("195", "ISR", "LBN"),) and sents[1].expected == ()
    assert sents[0].date == "2016-10-04"


def test_evaluate_scores_small_gold_set(tmp_path: Path) -> None:
    write_gold(tmp_path)
    rep = ev.evaluate(tmp_path, resolver=TableResolver())
    f = rep.figures
    assert f["conflibert.accuracy"] == pytest.approx(0.75)  # the weather sentence has no event
    assert f["petr2.coded"] == 1.0 and f["petr2.coded_with_actors"] == 1.0
    assert f["petr2.extra_per_sentence"] == 0.0
    assert f["ipe.arrest.recall"] == 1.0 and f["ipe.arrest.precision"] == 1.0
    assert rep.details["actor_resolver"] == "test-table"
    assert any("BBC" in n for n in rep.notes)


def test_floors(tmp_path: Path) -> None:
    rep = ev.Report(figures={"a": 0.8, "b": 0.3})
    assert ev.check_floors(rep, {"a": {"min": 0.7}, "b": {"max": 0.5}, "_comment": "x"}) == []
    fails = ev.check_floors(rep, {"a": {"min": 0.9}, "b": {"max": 0.2}, "c": {"min": 0}})
    assert len(fails) == 3 and "below its floor" in fails[0] and "not measured" in fails[2]
    bad = tmp_path / "floors.json"
    bad.write_text("{nope", encoding="utf-8")
    with pytest.raises(InputError):
        ev.load_floors(bad)


def test_checked_in_floors_file_is_valid() -> None:
    floors = ev.load_floors(Path(__file__).resolve().parent.parent / "evaluation-floors.json")
    for name, rule in floors.items():
        if not name.startswith("_"):
            assert set(rule) <= {"min", "max"} and rule, name


def test_cli_without_gold_says_so(runner: Any, tmp_path: Path) -> None:
    from tealeaves.cli import main

    res = runner.invoke(main, ["evaluate", "--gold", str(tmp_path / "absent")])
    assert res.exit_code == 1
    assert "no gold data" in res.output


def test_cli_fails_below_floor_and_writes_report(runner: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from tealeaves.cli import main

    monkeypatch.setattr(ev, "evaluate", lambda gold, settings=None, progress=None, **_: ev.Report(figures={"petr2.coded": 0.5}))
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"petr2.coded": {"min": 0.8}}), encoding="utf-8")
    out = tmp_path / "report.json"
    res = runner.invoke(main, ["evaluate", "--gold", str(tmp_path), "--report", str(out), "--floors", str(floors)])
    assert res.exit_code == 1 and "below its floor" in res.output
    assert json.loads(out.read_text(encoding="utf-8"))["figures"]["petr2.coded"] == 0.5
    floors.write_text(json.dumps({"petr2.coded": {"min": 0.4}}), encoding="utf-8")
    res = runner.invoke(main, ["evaluate", "--gold", str(tmp_path), "--floors", str(floors)])
    assert res.exit_code == 0, res.output


def test_country_actor_and_event_pairing() -> None:
    from tealeaves.models import Mention

    assert ev.country_actor("USAGOV") == "USA" and ev.country_actor("IGOUNOMIL") == "IGOUNOMIL"
    assert ev.country_actor("---REB") is None and ev.country_actor("NGOHRI") is None
    # two gold events in opposite directions line up with the coded event whose actors agree
    gold = (("046", "LBN", "USA"), ("046", "USA", "LBN"))
    usa, lbn = Mention("US", "USAMIL", "USA", "MIL"), Mention("Lebanon", "LBNGOV", "LBN", "GOV")

    class E:
        def __init__(self, cameo: str, s: Mention, t: Mention) -> None:
            self.cameo, self.root, self.quad, self.source, self.target = cameo, cameo[:2], 1, s, t

    assert ev.pair_events(gold, [E("046", usa, lbn)]) == [(1, 0)]
    assert ev.pair_events(gold, [E("040", usa, lbn), E("190", lbn, usa)]) == [(0, 1), (1, 0)]


def test_petr2_actor_accuracy_counts_country_actors_of_paired_events() -> None:
    from tealeaves.settings import load_settings

    sents = [
        # coded ISR -> LBN as the gold says: source and target right
        ev.PetrSentence("P1", "2016-10-04", "Israel launched air strikes on Lebanon.", (("195", "ISR", "LBN"),)),
        # coded TUR -> LBN, the gold target is Syria: source right, target wrong
        ev.PetrSentence("P2", "2016-10-04", "Turkey launched air strikes on Lebanon.", (("195", "TUR", "SYR"),)),
        # a rebel source is no country, so only the target is scored
        ev.PetrSentence("P3", "2016-10-04", "Rebels launched air strikes on Lebanon.", (("195", "---REB", "LBN"),)),
    ]
    rep = ev.Report()
    ev.score_petr2(sents, load_settings(), TableResolver(), rep)
    assert rep.figures["petr2.coded"] == 1.0
    assert rep.figures["petr2.source_country_accuracy"] == 1.0
    assert rep.figures["petr2.target_country_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert rep.details["petr2"]["actor_pairs"] == {"source": 2, "target": 3}
    [miss] = rep.details["petr2"]["actor_misses"]
    assert (miss["id"], miss["role"], miss["gold"], miss["got"]) == ("P2", "target", "SYR", "LBN")
