"""The event gold scorer: pairing, halves, duplicates and agreement, on hand-made items."""

import json

import pytest

from tealeaves import evaluate_wire as wire
from tealeaves.clean import clean
from tealeaves.errors import InputError
from tealeaves.models import Document, Event, Mention


def _event(code: str, src: str | None, tgt: str | None, modality: str = "asserted") -> Event:
    def m(c: str | None) -> Mention | None:
        return Mention(c, c, c[:3], c[3:] or None) if c else None
    return Event("d", 0, "", m(src), m(tgt), code, code[:2], None, None, None, modality, 0, 0, "test")


def _gold(tmp_path, rows) -> list[wire.GoldItem]:
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return wire.read_gold(p)


def test_fully_right_needs_root_and_both_countries(tmp_path):
    items = _gold(tmp_path, [{"id": "a", "text": "x", "events": [
        {"code": "042", "source": "FRAGOV", "target": "RUSGOV"},
        {"code": "190", "source": "USAMIL", "target": "IRQREB"}]}])
    coded = {"a": [_event("0421", "FRAGOV", "RUS"),       # right: root and countries
                   _event("193", "USAMIL", "AFGREB"),      # right root, wrong target country
                   _event("111", "---OPP", None),          # wrong root, no source country
                   _event("190", "USAMIL", "IRQREB", "hypothetical")]}  # not counted
    figs = wire.score(items, coded)["all"]
    assert figs["counted"] == 3
    assert figs["precision"] == pytest.approx(1 / 3, abs=1e-3)
    assert figs["recall"] == 0.5
    assert figs["root_precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert figs["no_source_country"] == pytest.approx(1 / 3, abs=1e-3)


def test_one_happening_twice_is_a_duplicate(tmp_path):
    items = _gold(tmp_path, [{"id": "a", "text": "x", "events": [{"code": "183", "source": "---", "target": "IRQCOP"}]}])
    figs = wire.score(items, {"a": [_event("183", None, "IRQCOP"), _event("180", None, "IRQCVL")]})["all"]
    assert figs["duplicates"] == 0.5
    assert figs["precision"] == 0.5 and figs["recall"] == 1.0


def test_igo_compared_by_body_and_halves_fixed_by_id(tmp_path):
    assert wire.actor_key("IGOUNOREFHCR") == wire.actor_key("IGOUNO") == "IGOUNO"
    assert wire.actor_key("---REB") is None and wire.actor_key("NGOHRIAMN") is None
    assert {wire.half_of(f"agw-{n:04d}") for n in range(40)} == {"tune", "check"}
    assert wire.half_of("agw-0002") == wire.half_of("agw-0002")


def test_agreement_of_two_readings(tmp_path):
    a = _gold(tmp_path, [{"id": "x", "events": [{"code": "042", "source": "FRA", "target": "RUS"}]},
                         {"id": "y", "events": [{"code": "111", "source": "USA", "target": "IRN"}]}])
    b = _gold(tmp_path, [{"id": "x", "events": [{"code": "043", "source": "RUS", "target": "FRA"}]},
                         {"id": "y", "events": [{"code": "112", "source": "USA", "target": "IRN"}]}])
    got = wire.agreement(a, b)
    assert got["f1"] == 0.5 and got["root_f1"] == 1.0


def test_bad_gold_line_is_named(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text('{"id": "a", "events": []}\n{"events": [}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        wire.read_gold(p)
    with pytest.raises(InputError, match="corpus"):
        wire.attach_text([wire.GoldItem("a", ())], tmp_path / "none.jsonl")


def test_headline_kept_apart_from_text_is_read():
    doc = Document(id="w", title="Chile Recalls Envoy From Peru (AP)", text="AP - Chile recalled its ambassador from Lima on Monday.")
    cd = clean(doc)
    assert cd.paragraphs[0].kind == "headline" and cd.paragraphs[0].text.startswith("Chile Recalls Envoy")
    # a headline that already opens the text is not read twice
    again = clean(Document(id="v", title="Talks resume", text="Talks resume\n\nThe two sides met in Geneva on Monday."))
    assert [p.text for p in again.paragraphs].count("Talks resume") == 1


def test_a_gold_item_can_read_the_lead_of_a_longer_article(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    body = "Minister quits over leak\n\nThe minister resigned on Monday.\n\nShe denied the charge.\n\nA third paragraph."
    corpus.write_text(json.dumps({"id": "a1", "title": "Minister quits over leak", "text": body}) + "\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "paragraphs": 2, "events": []}) + "\n")
    item = wire.attach_text(wire.read_gold(gold), corpus)[0]
    assert item.title == "Minister quits over leak"
    assert item.text == "The minister resigned on Monday.\n\nShe denied the charge."
