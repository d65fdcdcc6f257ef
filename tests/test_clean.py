"""Clean: headline, standfirst and body; boilerplate; outlet citations."""

from __future__ import annotations

from tealeaves.clean import RepeatedLines, clean, split_citations
from tealeaves.ingest import document_from_text


ARTICLE = """Ankara summons Swedish envoy over protest

Turkey's foreign ministry summoned Sweden's ambassador on Monday.

ANKARA, Jan 23 — Turkey summoned the Swedish ambassador on Monday to protest against a rally in Stockholm (Anadolu).

The ministry said the rally had been allowed despite its warnings. Sweden's prime minister called the burning of a holy book deeply disrespectful (Reuters). He did not say whether police would act.

Support independent journalism — donate today.
Share this article on Facebook
"""


def test_headline_standfirst_and_body_are_separated() -> None:
    cdoc = clean(document_from_text(ARTICLE, "t"))
    kinds = [p.kind for p in cdoc.paragraphs]
    assert kinds[0] == "headline"
    assert kinds[1] == "standfirst"
    assert set(kinds[2:]) == {"body"}
    assert cdoc.paragraphs[0].text == "Ankara summons Swedish envoy over protest"


def test_boilerplate_lines_are_dropped_and_kept_for_inspection() -> None:
    cdoc = clean(document_from_text(ARTICLE, "t"))
    assert "donate" not in cdoc.text
    assert "Facebook" not in cdoc.text
    assert any("donate" in line for line in cdoc.dropped)


def test_citations_close_paragraphs_and_sentences() -> None:
    cdoc = clean(document_from_text(ARTICLE, "t"))
    cited = {p.cited_outlet for p in cdoc.paragraphs}
    assert {"Anadolu", "Reuters"} <= cited
    last = cdoc.paragraphs[-1]
    assert last.cited_outlet is None and last.text.startswith("He did not say")
    assert "(Reuters)" not in cdoc.text


def test_offsets_index_the_clean_text() -> None:
    cdoc = clean(document_from_text(ARTICLE, "t"))
    for p in cdoc.paragraphs:
        assert cdoc.text[p.start:p.end] == p.text


def test_parenthesised_abbreviation_is_not_a_citation() -> None:
    pieces = split_citations("The Kurdistan Workers' Party (PKK) claimed the attack. Officials (AP) said little.")
    assert all(c is None for _, c in pieces)


def test_dateline_citation() -> None:
    pieces = split_citations("MOSCOW (Reuters) - Russia said on Tuesday it would respond to any strike.")
    assert pieces == [("Russia said on Tuesday it would respond to any strike.", "Reuters")]


def test_lines_repeated_across_documents_are_site_furniture() -> None:
    seen = RepeatedLines(min_docs=3)
    footer = "Read the latest from our Middle East desk every morning at 7"
    outs = []
    for i in range(4):
        text = f"Story {i}\n\nIsrael and Egypt held talks in Cairo on day {i}.\n\n{footer}\n"
        outs.append(clean(document_from_text(text, f"t{i}"), seen))
    assert footer in outs[0].text  # seen once: still text
    assert footer not in outs[3].text


def test_line_memory_is_bounded_but_keeps_repeated_lines() -> None:
    seen = RepeatedLines(min_docs=3, max_lines=50)
    footer = "Follow the money with our weekly markets letter"
    for i in range(200):
        seen.observe(f"d{i}", [f"Unique line number {i} about talks in Geneva", footer])
    assert len(seen._docs) <= 51
    assert seen.is_repeated(footer)
