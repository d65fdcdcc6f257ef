"""The coder's rule data: recoding.csv, lexicon.tsv and the ontology's coder flags are complete and consistent."""

from __future__ import annotations

import re
from pathlib import Path

from tealeaves import ontology
from tealeaves.coding import lexicon, patterns

CODING = Path(__file__).resolve().parent.parent / "tealeaves" / "coding"


def _asked(pattern: str) -> set[str]:
    """Names the coder's source asks for with ``pattern`` (a call such as ``lexicon.words("x")``)."""
    return {m for path in CODING.rglob("*.py") for m in re.findall(pattern, path.read_text(encoding="utf-8"))}


def test_every_recoding_code_exists_in_the_ontology() -> None:
    codes = ontology.codes()
    for name in lexicon.table_names():
        for old, new in lexicon.recoding(name).items():
            assert old in codes, f"recoding.csv {name}: {old!r} is not a CAMEO code"
            assert new in codes, f"recoding.csv {name}: {old} -> {new!r} is not a CAMEO code"


def test_every_recoding_table_the_coder_asks_for_is_present() -> None:
    asked = _asked(r'(?:recoding|recode)\(\s*"(\w+)"')
    assert asked, "no recoding tables found in the coder's source"
    assert asked <= lexicon.table_names(), f"missing tables: {asked - lexicon.table_names()}"
    assert lexicon.table_names() <= asked, f"tables nobody reads: {lexicon.table_names() - asked}"


def test_every_word_list_the_coder_asks_for_is_present() -> None:
    asked = _asked(r'(?:words|notes)\(\s*"(\w+)"')
    assert asked <= lexicon.list_names(), f"missing lists: {asked - lexicon.list_names()}"
    assert lexicon.list_names() <= asked, f"lists nobody reads: {lexicon.list_names() - asked}"
    for name in asked:
        assert lexicon.words(name), f"list {name!r} is empty"


def test_lexicon_words_are_lower_case_except_sectors() -> None:
    for name in lexicon.list_names():
        for word in lexicon.words(name):
            if name.endswith("_sector"):
                assert word.isupper(), (name, word)
            else:
                assert word == word.lower() and word == word.strip(), (name, word)


def test_appeal_prepositions_and_irregular_lemmas() -> None:
    assert lexicon.notes("appeal_verb")["call"] == "on"
    assert all(lemma for lemma in lexicon.notes("irregular").values()), "an irregular form without its lemma"


def test_coder_flags_follow_the_code_tree() -> None:
    """A code's flags are those of its root (agentless, verbal, accusable) or its three-digit parent (reciprocal)."""
    codes = ontology.codes()
    for c in codes.values():
        root = codes[c.code[:2]]
        assert (c.agentless, c.verbal, c.accusable) == (root.agentless, root.verbal, root.accusable), c.code
        if len(c.code) == 4:
            assert c.reciprocal == codes[c.code[:3]].reciprocal, c.code
    assert ontology.lookup("043").reciprocal and not ontology.lookup("042").reciprocal
    assert ontology.lookup("173").agentless and ontology.lookup("010").verbal and ontology.lookup("190").accusable


def test_dictionary_version_covers_every_rule_file() -> None:
    version = patterns.dictionary_version()
    for part in ("patterns@", "patterns-petrarch2@", "context@", "recoding@", "lexicon@", "cameo-flags@"):
        assert part in version, part
