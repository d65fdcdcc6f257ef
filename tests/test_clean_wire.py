"""Wire conventions the clean stage repairs: character references that lost their ampersand,
and headlines kept apart from the text."""

from tealeaves.clean import clean, repair_references
from tealeaves.models import Document


def test_bare_references_become_characters():
    assert repair_references("Talks at Putin #39;s dacha") == "Talks at Putin's dacha"
    assert repair_references("called the plan quot;reckless quot; on Monday") == 'called the plan "reckless" on Monday'
    assert repair_references("pledged  #36;20 million") .endswith("$20 million")
    assert "\u2014" in repair_references("the war  #151; and the peace")
    assert repair_references("Sudan rejects plan &lt;b&gt;...&lt;/b&gt;") == "Sudan rejects plan "


def test_plain_text_is_left_alone():
    for text in ("AT&T; said on Monday", "Section #2 of the law", "He said: yes; no."):
        assert repair_references(text) == text


def test_repaired_headline_and_lead_reach_the_paragraphs():
    doc = Document(id="x", title="Seoul slams Tokyo #39;s textbook", text="SEOUL (Reuters) - South Korea #39;s foreign ministry protested on Tuesday.")
    paragraphs = clean(doc).paragraphs
    assert paragraphs[0].kind == "headline" and paragraphs[0].text == "Seoul slams Tokyo's textbook"
    assert "South Korea's foreign ministry" in paragraphs[1].text
