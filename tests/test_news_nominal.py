"""Events named by nouns and frames the wire uses where nothing was coded (issue 12): petitions,
brokered truces, mediation missions, unnamed and suicide attackers, bombs planted and dropped.
Every sentence is invented; each construction has three variants and, where it matters, a
sentence that must not be coded so."""

from __future__ import annotations

from typing import Any

import pytest


def got(events: list[Any]) -> list[tuple[str, str | None, str | None]]:
    """(CAMEO code, source country, target country) of the asserted or reported events."""
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.modality in ("asserted", "reported")]


def roots(events: list[Any]) -> list[tuple[str, str | None, str | None]]:
    return [(c[:2], s, t) for c, s, t in got(events)]


# ---- a petition to a body is an appeal to it (020) -------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("Amnesty International petitioned the Indonesian government to release political prisoners.", ("02", None, "IDN")),
    ("The European Commission petitioned the Turkish government to free jailed Kurdish lawmakers.", ("02", None, "TUR")),
    ("Human Rights Watch petitioned the US Supreme Court to hear the case of the Guantanamo detainees.", ("02", None, "USA")),
])
def test_a_petition_to_a_body_is_an_appeal_to_it(code: Any, text: str, want: tuple[str, None, str]) -> None:
    events = roots(code(text))
    assert any(r == want[0] and t == want[2] for r, _, t in events), events


def test_the_asked_for_act_after_a_petition_is_not_coded(code: Any) -> None:
    events = got(code("Amnesty International petitioned the Indonesian government to release political prisoners."))
    assert not [e for e in events if e[0].startswith("084")], events  # nobody was released


# ---- brokering a truce is mediation (045) by the broker, aimed at the parties ----------------
@pytest.mark.parametrize(("text", "want"), [
    ("Egypt brokered a truce between Israel and the Palestinians on Sunday.", [("045", "EGY", "ISR"), ("045", "EGY", "PSE")]),
    ("South Africa brokered a peace deal between Burundi and Rwanda in Pretoria.", [("045", "ZAF", "BDI"), ("045", "ZAF", "RWA")]),
    ("Norway has brokered a cease-fire between the Sri Lankan government and Tamil rebels, a Norwegian envoy said.", [("045", "NOR", "LKA")]),
])
def test_a_brokered_truce_is_mediation_by_the_broker(code: Any, text: str, want: list[tuple[str, str, str]]) -> None:
    events = got(code(text))
    for w in want:
        assert w in events, events
    assert not [e for e in events if e[0].startswith("087")], events  # the truce is the parties' act, not the broker's


@pytest.mark.parametrize(("text", "want"), [
    ("Brazil sent a mediation mission between Peru and Ecuador on Friday.", [("045", "BRA", "PER"), ("045", "BRA", "ECU")]),
    ("Qatar's mediation between Sudan and Chad collapsed on Sunday.", [("045", "QAT", "SDN"), ("045", "QAT", "TCD")]),
    ("Diplomats praised the Norwegian mediation between Colombia and Venezuela.", [("045", "NOR", "COL"), ("045", "NOR", "VEN")]),
])
def test_a_mediation_named_by_a_noun(code: Any, text: str, want: list[tuple[str, str, str]]) -> None:
    events = got(code(text))
    for w in want:
        assert w in events, events


def test_brokering_a_sale_is_no_mediation(code: Any) -> None:
    assert not [e for e in got(code("A Swiss bank brokered the sale of the airline to a Dubai investor."))
                if e[0].startswith("045")]


# ---- an assailant the text does not name is unknown; a suicide attack is 1831 ----------------
@pytest.mark.parametrize(("text", "target"), [
    ("A suicide attacker detonated a car bomb near a police station in the Iraqi city of Mosul, killing six people.", "IRQ"),
    ("A suicide bomber blew himself up at an army checkpoint in Kirkuk, killing four Iraqi soldiers.", "IRQ"),
    ("A suicide attacker set off explosives at a Pakistani army post near Wana, police said.", "PAK"),
])
def test_a_suicide_attacker_is_a_suicide_bombing(code: Any, text: str, target: str) -> None:
    events = got(code(text))
    assert any(c == "1831" and t == target and s in (None, target) for c, s, t in events), events
    assert not [e for e in events if e[0] == "195"], events  # a suicide bomber is no aircraft


def test_a_lone_suicide_attacker_without_a_country_is_unknown(code: Any) -> None:
    events = got(code("A suicide attacker detonated a car bomb near a police station in the Iraqi city of Mosul."))
    assert ("1831", None, "IRQ") in events, events


@pytest.mark.parametrize("text", [
    "Gunmen opened fire on a convoy carrying an Iraqi minister in Baghdad on Tuesday.",
    "Gunmen ambushed a police patrol in the Afghan city of Kandahar on Monday.",
    "Unidentified assailants attacked a bus carrying Iraqi policemen near Baquba.",
])
def test_unnamed_attackers_are_irregulars(code: Any, text: str) -> None:
    events = got(code(text))
    assert events and all(c[:2] == "18" for c, _, _ in events), events  # 18x whatever country context gives them


def test_an_assailant_nobody_names_is_unknown(code: Any) -> None:
    events = got(code("An assailant opened fire on a convoy carrying the governor."))
    assert events and all(c[:2] == "18" and s is None for c, s, _ in events), events


def test_attackers_with_a_nationality_keep_it(code: Any) -> None:
    events = got(code("Two Palestinian gunmen attacked an Israeli army post in the Gaza Strip."))
    assert any(s == "PSE" and t == "ISR" for _, s, t in events), events


# ---- bombs planted and dropped -----------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("Insurgents planted a bomb near a British patrol in Basra on Monday.", ("183", "GBR")),
    ("Militants planted a bomb on a bus carrying Indian soldiers in Kashmir.", ("183", "IND")),
    ("Rebels planted explosives under a Colombian army truck on Sunday.", ("183", None)),
])
def test_a_planted_bomb_is_a_bombing(code: Any, text: str, want: tuple[str, str | None]) -> None:
    events = got(code(text))
    assert any(c == want[0] and (want[1] is None or t == want[1]) for c, _, t in events), events


@pytest.mark.parametrize(("text", "want"), [
    ("US warplanes dropped bombs on insurgent positions in Falluja on Friday.", ("195", "USA")),
    ("Russian jets dropped bombs on rebel bases in Chechnya on Tuesday.", ("195", "RUS")),
    ("Sudanese government planes dropped bombs on villages in Darfur, witnesses said.", ("195", "SDN")),
])
def test_dropped_bombs_are_aerial_force(code: Any, text: str, want: tuple[str, str]) -> None:
    events = got(code(text))
    assert any(c == want[0] and s == want[1] for c, s, _ in events), events
    assert not [e for e in events if e[0][:2] == "04"], events  # dropping bombs is not dropping in


# ---- intents said with "will": seeking better ties is an intention to cooperate (030) ---------
@pytest.mark.parametrize(("text", "want"), [
    ("The United States said on Tuesday it will seek better ties with Cuba.", ("030", "USA", "CUB")),
    ("Japan is seeking better relations with China after years of disputes over history.", ("030", "JPN", "CHN")),
    ("Armenia will seek reconciliation with Turkey, its foreign minister said on Friday.", ("030", "ARM", "TUR")),
])
def test_seeking_better_ties_is_an_intent_to_cooperate(code: Any, text: str, want: tuple[str, str, str]) -> None:
    assert want in got(code(text)), code(text)


# ---- rights extended are restrictions eased (081); a restriction refused is an intent to yield --
@pytest.mark.parametrize(("text", "want"), [
    ("Britain has extended full residency rights to Nepalese soldiers who served in its army.", ("081", "GBR", "NPL")),
    ("Germany extended voting rights to Turkish residents on Friday.", ("081", "DEU", "TUR")),
    ("Spain granted residency rights to 700,000 Moroccan immigrants last year.", ("081", "ESP", "MAR")),
])
def test_rights_extended_ease_restrictions(code: Any, text: str, want: tuple[str, str, str]) -> None:
    assert want in got(code(text)), got(code(text))


@pytest.mark.parametrize(("text", "want"), [
    ("Beijing said it would not restrict access to Tibet for foreign diplomats.", ("0351", "CHN")),
    ("Egypt said it will not restrict access to the Rafah crossing for Palestinians.", ("0351", "EGY")),
    ("India said on Monday it would not restrict access to Kashmir for foreign journalists.", ("0351", "IND")),
])
def test_a_restriction_refused_is_an_intent_to_ease(code: Any, text: str, want: tuple[str, str]) -> None:
    events = got(code(text))
    assert any(c == want[0] and s == want[1] for c, s, _ in events), events
    assert not [e for e in events if e[0].startswith("17")], events


def test_a_restriction_imposed_is_coercion(code: Any) -> None:
    events = got(code("Israel restricted access to the al-Aqsa mosque for Palestinian men under 45."))
    assert any(c == "172" and s == "ISR" for c, s, _ in events), events


# ---- proposing that a body act is an appeal to it ------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("Russia on Thursday proposed a U.N. crackdown on the abuse of political asylum by terrorists.", ("020", "RUS", None)),
    ("France proposed a European Union crackdown on illegal arms sales to Africa.", ("020", "FRA", None)),
    ("Germany proposed a NATO mission to train Iraqi security forces.", ("020", "DEU", None)),
])
def test_proposing_a_body_act_appeals_to_that_body(code: Any, text: str, want: tuple[str, str, None]) -> None:
    events = code(text)
    assert any(e.cameo == want[0] and e.source and e.source.country == want[1] and e.target and e.target.code.startswith("IGO")
               for e in events if e.modality in ("asserted", "reported")), got(events)


# ---- a pattern's preposition hangs on its head or its words, not on some other noun -------------
@pytest.mark.parametrize(("text", "bad"), [
    ("Iraq's prime minister warned the city of Falluja on Wednesday it must hand over the militants.", "012"),
    ("Three Indian drivers held hostage in Iraq arrived back home, where crowds in Delhi greeted them.", "042"),
    ("US warplanes dropped bombs on insurgent positions in Falluja on Friday.", "042"),
])
def test_a_preposition_of_another_noun_does_not_complete_a_pattern(code: Any, text: str, bad: str) -> None:
    assert not [e for e in got(code(text)) if e[0] == bad], got(code(text))


@pytest.mark.parametrize(("text", "want"), [
    ("Egypt warned of a humanitarian disaster in Gaza on Monday.", "012"),
    ("The Iranian foreign minister arrived in Damascus on Sunday.", "042"),
    ("The envoy dropped in on the Syrian president in Damascus on his way home.", "042"),
])
def test_a_preposition_on_the_head_still_completes_it(code: Any, text: str, want: str) -> None:
    assert any(c == want for c, _, _ in got(code(text))), got(code(text))


# ---- insults: hurled abuse is criticism (111), and calling someone names is no phone call ------
@pytest.mark.parametrize(("text", "want"), [
    ("Iran hurled abuse at Israel over the raid on Sunday.", ("111", "IRN", "ISR")),
    ("Venezuela's president hurled insults at the United States during a rally in Caracas.", ("111", "VEN", "USA")),
    ("North Korea hurled invective at Japan on Tuesday over the abductions row.", ("111", "PRK", "JPN")),
])
def test_hurled_abuse_is_criticism(code: Any, text: str, want: tuple[str, str, str]) -> None:
    assert want in got(code(text)), got(code(text))


@pytest.mark.parametrize("text", [
    "Cuba's foreign minister called President Bush a liar on Monday.",
    "Pyongyang called the South Korean president a traitor in a radio broadcast.",
    "Iran's president called Israel a rogue state on Friday.",
])
def test_calling_someone_names_is_no_phone_call(code: Any, text: str) -> None:
    assert not [e for e in got(code(text)) if e[0][:2] == "04"], got(code(text))


def test_calling_someone_is_still_a_phone_call(code: Any) -> None:
    events = got(code("Russian President Vladimir Putin called President Bush on Monday to discuss Iraq.", date="2004-09-01"))
    assert ("041", "RUS", "USA") in events, events


# ---- a reporting verb with a thing for object is no statement about anyone ---------------------
@pytest.mark.parametrize("text", [
    "Iran added one more missile to its military arsenal on Saturday.",
    "India added two new warships to its eastern fleet.",
    "The ministry stated its position on the border in a long document.",
])
def test_a_thing_added_or_stated_is_no_statement(code: Any, text: str) -> None:
    assert not [e for e in got(code(text)) if e[0] == "010"], got(code(text))


def test_a_statement_about_another_is_kept(code: Any) -> None:
    assert ("010", "RUS", "GEO") in got(code("Russia said Georgia was an unreliable neighbour."))


# ---- a headline's bare "X says" gives way to the spoken act its lead reports --------------------
@pytest.mark.parametrize("text", [
    "Russia Says Georgia Is an Unreliable Neighbour\n\nMOSCOW (Reuters) - Russia's foreign minister accused Georgia on Monday of sheltering Chechen rebels.",
    "India Says Pakistan Is an Unreliable Partner\n\nNEW DELHI (Reuters) - India criticized Pakistan on Monday for failing to stop militants crossing into Kashmir.",
    "Iran Says Israel Is a Threat to the Region\n\nTEHRAN (AFP) - Iran on Sunday accused Israel of planning air strikes on its nuclear plants.",
])
def test_a_headline_statement_gives_way_to_the_leads_act(code: Any, text: str) -> None:
    events = got(code(text, date="2004-09-01"))
    assert events and not [e for e in events if e[0] == "010"], events


def test_a_headline_statement_stays_when_the_lead_tells_no_spoken_act(code: Any) -> None:
    text = "Russia Says Georgia Is an Unreliable Neighbour\n\nMOSCOW (Reuters) - Russian troops began exercises near the Georgian border on Monday."
    assert ("010", "RUS", "GEO") in got(code(text, date="2004-09-01")), got(code(text, date="2004-09-01"))


# ---- talks suspended (164), treaties left (16x), warnings (13x), deadlines (139) -----------------
@pytest.mark.parametrize(("text", "want"), [
    ("Israel's suspension of talks with the Palestinians drew criticism on Monday.", ("164", "ISR", "PSE")),
    ("Iran announced the suspension of talks with Britain over the seized sailors.", ("164", "IRN", "GBR")),
    ("Iran announced the suspension of talks with the European Union on Monday.", ("164", "IRN", None)),
])
def test_the_suspension_of_talks_halts_negotiations(code: Any, text: str, want: tuple[str, str, str | None]) -> None:
    events = got(code(text))
    assert any(c == want[0] and s == want[1] and (want[2] is None or t == want[2]) for c, s, t in events), events


@pytest.mark.parametrize(("text", "source"), [
    ("The United States pulled out of the ABM treaty with Russia in 2002.", "USA"),
    ("North Korea withdrew from the nuclear treaty on Saturday.", "PRK"),
    ("Iran will not pull out of the nuclear treaty, its foreign minister said.", None),
])
def test_leaving_a_treaty_reduces_relations_and_is_no_deescalation(code: Any, text: str, source: str | None) -> None:
    events = got(code(text))
    assert not [e for e in events if e[0].startswith("087")], events
    if source is not None:
        assert any(c[:2] == "16" and s == source for c, s, _ in events), events


@pytest.mark.parametrize(("text", "want"), [
    ("Turkey's warning to Greece over the drilling plans raised tension in the Aegean.", ("130", "TUR", "GRC")),
    ("Sudan gave the rebels a 48-hour ultimatum to leave the town.", ("139", "SDN", None)),
    ("The Iraqi government gave the militia a deadline to hand over its weapons.", ("139", "IRQ", None)),
])
def test_warnings_and_deadlines_are_threats(code: Any, text: str, want: tuple[str, str, str | None]) -> None:
    events = got(code(text))
    assert any(c == want[0] and s == want[1] and (want[2] is None or t == want[2]) for c, s, t in events), events


# ---- talks and meetings named by a noun: "after talks with Y, X ..." ------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("After talks with Syrian leaders in Damascus, the Palestinian leader flew to Amman on Tuesday.", ("046", "PSE", "SYR")),
    ("After talks with Pakistan's foreign minister, India said the ceasefire would hold.", ("046", "IND", "PAK")),
    ("Following negotiations with the European Union, Iran agreed to suspend uranium enrichment.", ("046", "IRN", None)),
])
def test_talks_before_the_main_clause_are_its_subjects(code: Any, text: str, want: tuple[str, str, str | None]) -> None:
    events = got(code(text))
    assert any(c == want[0] and s == want[1] and (want[2] is None or t == want[2]) for c, s, t in events), events


@pytest.mark.parametrize(("text", "want"), [
    ("After a meeting with Putin, Chirac said Russia would back the plan.", ("040", "FRA", "RUS")),
    ("Putin's meeting with Chirac in Paris lasted two hours.", ("040", "RUS", "FRA")),
    ("The Japanese prime minister's meeting with the Chinese president ended without agreement.", ("040", "JPN", "CHN")),
])
def test_a_meeting_named_by_a_noun(code: Any, text: str, want: tuple[str, str, str]) -> None:
    assert want in got(code(text, date="2004-09-01")), got(code(text, date="2004-09-01"))


def test_after_an_invasion_the_subject_is_not_the_invader(code: Any) -> None:
    events = got(code("After the invasion of Iraq, France protested loudly."))
    assert not [e for e in events if e[0][:2] == "19" and e[1] == "FRA"], events


# ---- talks concluded or wrapped up were held (046) ------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("The foreign ministers of India and Pakistan have concluded another round of peace talks.", ("046", "IND")),
    ("Iran concluded two days of talks with the European Union in Brussels on Friday.", ("046", "IRN")),
    ("Japan wrapped up talks with North Korea in Beijing without agreement.", ("046", "JPN")),
])
def test_concluded_talks_were_held(code: Any, text: str, want: tuple[str, str]) -> None:
    events = got(code(text))
    assert any(c == want[0] and s == want[1] for c, s, _ in events), events
    assert not [e for e in events if e[0] == "164"], events  # concluding a round halts nothing
