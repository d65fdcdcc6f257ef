"""The CAMEO ontology package data: every code complete and consistent."""

from __future__ import annotations

from tealeaves import ontology


def test_every_code_has_name_root_quad_and_goldstein() -> None:
    codes = ontology.codes()
    assert len(codes) > 300
    for c in codes.values():
        assert c.name and c.code.startswith(c.root)
        assert -10 <= c.goldstein <= 10
        r = int(c.root)
        assert c.quad == (1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4), c.code


def test_all_twenty_roots_and_their_descriptions() -> None:
    codes = ontology.codes()
    for r in range(1, 21):
        root = f"{r:02d}"
        assert root in codes, root
        assert codes[root].description, f"root {root} has no description"


def test_goldstein_version_is_pinned() -> None:
    assert ontology.goldstein_version().startswith("goldstein-1992")


def test_plover_types() -> None:
    assert ontology.lookup("010").plover is None  # statements have no PLOVER type
    assert ontology.lookup("021").plover == "REQUEST" and ontology.lookup("021").plover_mode == "assist"
    assert ontology.lookup("173").plover == "COERCE"
    assert ontology.lookup("195").plover == "ASSAULT"
    for c in ontology.codes().values():
        if not c.code.startswith("01"):
            assert c.plover, f"{c.code} has no PLOVER type"


def test_known_values() -> None:
    assert ontology.lookup("042").name.lower().startswith("make a visit")
    assert ontology.lookup("190").goldstein == -10
    assert ontology.root_of("0871") == "08" and ontology.quad_of("0871") == 2
