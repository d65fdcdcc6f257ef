"""Verbal acts on wire news: denials (016) and what a denial's scope is, a court's verdict (116),
and the one judged or held by a state's court or police; accusations and criticism in a passive
that names no accuser (11x, source unknown); demands whose asked-for act is a clause with its own
subject (10x on that subject). Each construction is checked on invented variants, with a near
sentence that must not be coded the same way."""

from __future__ import annotations

import pytest

from helpers import counted

from tealeaves.pipeline import code_text


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    return counted(text, "2004-09-14")


# ---- a denied act is no act, but a denial (016) by the one who denies ---------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Syria denied that it had carried out any attack on Israel.", "SYR", "ISR"),
    ("Britain denies arming the rebels in Sierra Leone.", "GBR", "SLE"),
    ("Russia on Monday denied attacking Georgian villages.", "RUS", None),
    ("Egypt denied Israeli charges that it had armed Hamas.", "EGY", "ISR"),
])
def test_a_denied_act_is_a_denial(text: str, source: str, target: str | None) -> None:
    got = coded(text)
    assert any(code == "016" and src == source and (target is None or tgt == target) for code, src, tgt in got), got
    assert not any(code[:2] in ("07", "18", "19") for code, _, _ in got), got


def test_not_denying_is_no_denial() -> None:
    got = coded("Iran did not deny attacking the Iraqi border post.")
    assert not any(code == "016" for code, _, _ in got), got


@pytest.mark.parametrize("text, accuser, denier, accused_code", [
    ("Turkey accused Greece of arming the islands, but Athens denied the charge.", "TUR", "GRC", "112"),
    ("Iran accused Britain of sending troops across the border, a charge London denied on Sunday.", "IRN", "GBR", "112"),
    ("Russia accused Georgia of shelling the town, which Tbilisi denied.", "RUS", "GEO", "112"),
    ("India blamed Pakistan for the attack, an accusation Islamabad rejected.", "IND", "PAK", "112"),
])
def test_an_accusation_denied_is_two_events(text: str, accuser: str, denier: str, accused_code: str) -> None:
    # the denial in the other clause does not undo the accusation: both are coded
    got = coded(text)
    assert (accused_code, accuser, denier) in got, got
    assert ("016", denier, accuser) in got, got


def test_an_accusation_not_denied_adds_no_denial() -> None:
    got = coded("Israel accused Syria of arming militants, a charge Damascus has not denied.")
    assert ("112", "ISR", "SYR") in got and not any(code == "016" for code, _, _ in got), got


@pytest.mark.parametrize("text, source", [
    ("The Chilean officers pleaded not guilty.", "CHL"),
    ("Saddam Hussein pleaded not guilty before an Iraqi court.", "IRQ"),
    ("Two Britons pleaded innocent to spying charges in Iran.", "GBR"),
])
def test_pleading_not_guilty_is_a_denial(text: str, source: str) -> None:
    assert any(code == "016" and src == source for code, src, _ in coded(text)), coded(text)


# ---- a court's verdict or sentence is 116, not an arrest ----------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("An Afghan court convicted three Americans of torture.", "AFG", "USA"),
    ("A Jordanian court sentenced a militant to 10 years in jail.", "JOR", "JOR"),
    ("Three Britons were found guilty of fraud by a Thai court.", "THA", "GBR"),
    ("A Pakistani court on Monday sentenced two Saudi men to death.", "PAK", "SAU"),
])
def test_a_verdict_is_found_guilty(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert ("116", source, target) in got, got
    assert not any(code.startswith("17") for code, _, _ in got), got


def test_an_arrest_stays_an_arrest() -> None:
    got = coded("Egyptian police arrested three students in Cairo on Monday.")
    assert any(code == "173" and src == "EGY" and tgt == "EGY" for code, src, tgt in got), got


@pytest.mark.parametrize("text, country", [
    ("Turkish police detained two students on Monday.", "TUR"),
    ("A Russian court jailed a journalist for five years.", "RUS"),
    ("Egyptian police detained a militant leader in Sinai.", "EGY"),
])
def test_a_role_held_with_no_country_of_its_own_is_of_the_state_that_holds_it(text: str, country: str) -> None:
    got = coded(text)
    assert any(code == "173" and src == country and tgt == country for code, src, tgt in got), got


def test_a_foreigner_held_keeps_their_country() -> None:
    got = coded("Iranian police arrested two British sailors in the Gulf.")
    assert any(code == "173" and src == "IRN" and tgt == "GBR" for code, src, tgt in got), got


def test_a_person_named_by_no_role_gets_no_country() -> None:
    got = coded("Police arrested a man in Lahore.")
    assert not any(tgt == "PAK" for _, _, tgt in got), got


# ---- criticism and praise as verbal acts with a target ------------------------------------------
@pytest.mark.parametrize("text, source, target, code", [
    ("North Korea hurled invective at President Bush on Tuesday, calling him a political idiot.", "PRK", "USA", "111"),
    ("Venezuela's president called President Bush a liar on Friday.", "VEN", "USA", "111"),
    ("Iran called the Israeli prime minister a butcher.", "IRN", "ISR", "111"),
    ("Putin called Schroeder a true friend of Russia.", "RUS", "DEU", "051"),
])
def test_calling_someone_something_is_criticism_or_praise_not_a_call(text: str, source: str, target: str, code: str) -> None:
    got = coded(text)
    assert (code, source, target) in got, got
    assert not any(c.startswith("04") for c, _, _ in got), got


def test_a_phone_call_stays_a_call() -> None:
    assert ("041", "GBR", "FRA") in coded("Tony Blair called Jacques Chirac on Monday to discuss Iraq.")


@pytest.mark.parametrize("text, source, target", [
    ("Cuba hurled insults at the United States on Monday.", "CUB", "USA"),
    ("Iranian state radio hurled insults at Britain on Sunday.", "IRN", "GBR"),
    ("Putin faulted Georgia for the conflicts in its breakaway regions.", "RUS", "GEO"),
    ("Annan faulted the United States over the treatment of prisoners.", "IGO", "USA"),
])
def test_abuse_hurled_and_fault_found_are_criticism(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert any(code == "111" and (src or "").startswith(source) and tgt == target for code, src, tgt in got), got


@pytest.mark.parametrize("text, sources, target", [
    ("The Israeli raid was criticized by Egypt and by Jordan.", {"EGY", "JOR"}, "ISR"),
    ("The Russian offensive was condemned by Britain and by France on Sunday.", {"GBR", "FRA"}, "RUS"),
    ("The Sudanese decree was condemned by the European Union and by Washington.", {"USA"}, "SDN"),
])
def test_each_agent_of_a_passive_criticism_criticizes(text: str, sources: set[str], target: str) -> None:
    got = coded(text)
    assert sources <= {src for code, src, tgt in got if code == "111" and tgt == target}, got


# ---- a veto is cast in the body that votes; a refusal "until" aims at the one it waits for ------
@pytest.mark.parametrize("text, source", [
    ("The United States vetoed a resolution on Gaza in the UN Security Council on Tuesday.", "USA"),
    ("China vetoed a draft resolution on Myanmar at the United Nations.", "CHN"),
    ("Russia vetoed a Security Council resolution condemning Syria.", "RUS"),
])
def test_a_veto_at_the_un_targets_the_un(text: str, source: str) -> None:
    got = [(code, src, e.target.code if e.target else None) for e in code_text(text, date="2004-09-14")
           if e.modality in ("asserted", "reported") for code, src in [(e.cameo, e.source.country if e.source else None)]]
    assert ("129", source, "IGOUNO") in got, got


def test_a_veto_with_no_un_named_keeps_its_target() -> None:
    got = coded("The Taiwanese president vetoed a bill on arms purchases from the United States.")
    assert not any(tgt and tgt.startswith("IGO") for _, _, tgt in got), got


@pytest.mark.parametrize("text, source, target", [
    ("Iran will not resume talks until the European Union lifts the sanctions.", "IRN", None),
    ("Syria said it will not resume talks until Washington ends its sanctions.", "SYR", "USA"),
    ("Pakistan will not reopen the border until Afghanistan hands over the militants.", "PAK", "AFG"),
])
def test_a_refusal_until_someone_acts_is_aimed_at_them(text: str, source: str, target: str | None) -> None:
    events = [e for e in code_text(text, date="2004-09-14") if e.modality in ("asserted", "reported")]
    refusals = [e for e in events if e.root == "12" and e.source and e.source.country == source]
    assert refusals and refusals[0].target is not None, events
    if target:
        assert refusals[0].target.country == target, events
    # the condition did not happen: nothing is lifted, ended or handed over
    assert all(e.root == "12" for e in events), events


# ---- a refusal told by the side's own voice stays a refusal -------------------------------------
@pytest.mark.parametrize("text, source, root", [
    ("His office said President Putin will not meet the Chechen rebels.", "RUS", "12"),
    ("A government spokesman said Israel would not release the prisoners.", "ISR", "12"),
    ("The ministry said Syria would not withdraw its troops from Lebanon.", "SYR", "12"),
])
def test_a_refusal_told_by_the_sides_own_voice_is_a_refusal(text: str, source: str, root: str) -> None:
    events = [e for e in code_text(text, date="2004-09-14") if e.modality in ("asserted", "reported")]
    assert any(e.root == root and e.source and e.source.country == source for e in events), events


def test_what_critics_say_someone_will_not_do_is_no_refusal() -> None:
    events = [e for e in code_text("Critics said President Putin will not meet the Chechen rebels.", date="2004-09-14")
              if e.modality in ("asserted", "reported")]
    assert not any(e.root == "12" for e in events), events


# ---- a denied clause the coder has no pattern for is still a denial ------------------------------
@pytest.mark.parametrize("text, source, targets", [
    ("Iran denied that it had carried out any nuclear work at the site, which is the subject of US and UN concern.",
     "IRN", {"USA", "IGOUNO"}),
    ("Pakistan denied that its troops had crossed into Afghanistan.", "PAK", {"AFG"}),
    ("Syria denied on Sunday that it had any contacts with Hamas leaders.", "SYR", {"PSEREB"}),
])
def test_a_denied_clause_is_a_denial_of_what_it_names(text: str, source: str, targets: set[str]) -> None:
    events = [e for e in code_text(text, date="2004-09-14") if e.modality in ("asserted", "reported")]
    got = {e.target.code for e in events if e.cameo == "016" and e.source and e.source.country == source and e.target}
    assert targets <= got, events


@pytest.mark.parametrize("text", [
    "Israel did not deny that it had contacts with Syria.",
    "The company denied that it had sold parts to a buyer.",
])
def test_no_denial_when_none_is_made_or_no_one_is_named(text: str) -> None:
    assert not any(code == "016" for code, _, _ in coded(text)), coded(text)


def roots(got: list[tuple[str, str | None, str | None]]) -> set[tuple[str, str | None, str | None]]:
    return {(c[:2], s, t) for c, s, t in got}


# ---- accused or criticised in the passive, by someone the text does not name --------------------
@pytest.mark.parametrize("text, target, root", [
    ("The Sudanese government has been accused of arming the militias in Darfur.", "SDN", "11"),
    ("Kenyan police were criticised on Monday for their handling of the riots.", "KEN", "11"),
    ("Russian troops have been blamed for the deaths of six civilians in Chechnya.", "RUS", "11"),
    ("Two Egyptian ministers were accused on Sunday of taking bribes.", "EGY", "11"),
])
def test_agentless_passive_accusation_keeps_the_accused_as_target(text: str, target: str, root: str) -> None:
    got = coded(text)
    assert (root, None, target) in roots(got), got


def test_passive_with_a_named_critic_keeps_the_critic() -> None:
    got = coded("The Turkish ambassador was condemned by Greece for his remarks.")
    assert ("11", "GRC", "TUR") in roots(got), got
    assert ("11", None, "TUR") not in roots(got), got


@pytest.mark.parametrize("text", [
    "A Pakistani man accused of plotting attacks appeared in court on Monday.",  # who he is, not news of an accusation
    "The plan was criticised as unworkable.",  # no actor criticised
])
def test_no_accusation_from_a_description_or_a_thing(text: str) -> None:
    assert not [c for c in coded(text) if c[0][:2] == "11"], coded(text)


def test_a_charge_laid_by_the_authorities_stays_a_charge() -> None:
    got = coded("A British soldier has been charged with the murder of a civilian in Iraq, police said.")
    assert any(c[:2] == "17" and t == "GBR" for c, _, t in got), got
    assert not [c for c in got if c[0][:2] == "11"], got


# ---- a demand whose asked-for act is a clause with its own subject ------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Syria demanded that Israel withdraw from the Golan Heights.", "SYR", "ISR"),
    ("China demanded Japan apologise for the incident.", "CHN", "JPN"),
    ("Russia demanded that Georgia release the four officers immediately.", "RUS", "GEO"),
    ("Opposition leaders in Kenya demanded President Kibaki resign over the scandal.", "KEN", "KEN"),
])
def test_demand_targets_the_subject_of_the_demanded_clause(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert ("10", source, target) in roots(got), got
    assert not [c for c in got if c[0][:2] == "02"], got  # a demand, not an appeal
    assert not [c for c in got if c[0][:2] == "08"], got  # what is demanded has not happened


@pytest.mark.parametrize("text, source", [
    ("Egypt demanded that the inquiry be reopened.", "EGY"),
    ("Iran demanded to know why the inspectors had returned.", "IRN"),
])
def test_demand_with_no_actor_asked_has_no_target(text: str, source: str) -> None:
    got = coded(text)
    assert ("10", source, None) in roots(got), got


# ---- saying one will reject, oppose or demand is taking that stand ------------------------------
@pytest.mark.parametrize("text, source, target, root", [
    ("Pakistan has said it will reject any Indian proposal on Kashmir that ignores the wishes of its people.", "PAK", "IND", "12"),
    ("Iran said it would oppose any resolution against Syria.", "IRN", "SYR", "11"),
    ("Venezuela said on Friday it would reject the American offer of talks.", "VEN", "USA", "12"),
])
def test_a_stand_stated_for_the_future_is_taken_now(text: str, source: str, target: str, root: str) -> None:
    got = coded(text)
    assert (root, source, target) in roots(got), got


def test_what_others_say_a_side_will_reject_is_no_stand() -> None:
    # critics foretelling a rejection do not make it: the rejection stays in the future
    assert not [c for c in coded("Kenya will reject the proposal, critics said.") if c[0][:2] == "12"]


# ---- criticism verbs of the wire desk ------------------------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Australia's prime minister hit out at Indonesia on Tuesday over the verdict.", "AUS", "IDN"),
    ("The Kremlin assailed Georgia for its troop deployment.", "RUS", "GEO"),
    ("Iran's president ripped into Britain in a speech on Sunday.", "IRN", "GBR"),
    ("The Venezuelan president rounded on the United States over the coup attempt.", "VEN", "USA"),
])
def test_wire_criticism_verbs_are_criticism(text: str, source: str, target: str) -> None:
    assert ("111", source, target) in coded(text), coded(text)


@pytest.mark.parametrize("text", [
    "A bullet ripped into the wall of the Iraqi police station.",
    "The typhoon hit out at sea before reaching Japan.",
])
def test_the_same_verbs_used_of_things_are_no_criticism(text: str) -> None:
    assert not [c for c in coded(text) if c[0][:2] == "11"], coded(text)


# ---- a denial answers an accusation: when its maker is named, the accusation is an event too ---
@pytest.mark.parametrize("text, accuser, accused, denial", [
    ("Syria rejected accusations by the United States that it was allowing fighters into Iraq.", "USA", "SYR", ("016", "SYR", "USA")),
    ("Egypt denied Israeli charges that it had armed Hamas.", "ISR", "EGY", ("016", "EGY", "ISR")),
    ("Iran dismissed US claims that Syria was hiding weapons.", "USA", "SYR", ("016", "IRN", "USA")),
    ("Belgium defended itself on Monday against allegations by Rwanda that it had sheltered the killers.", "RWA", "BEL", ("016", "BEL", "RWA")),
])
def test_an_answered_accusation_with_a_named_accuser_is_an_accusation(
        text: str, accuser: str, accused: str, denial: tuple[str, str, str]) -> None:
    got = coded(text)
    assert ("112", accuser, accused) in got, got
    assert denial in got, got


@pytest.mark.parametrize("text", [
    "Japan rejected China's claims to the islands.",  # a claim to land, not an accusation
    "A US investigation has rejected allegations that an Australian suspect was abused.",  # no accuser named
])
def test_no_accusation_without_an_accuser_or_an_accusing_claim(text: str) -> None:
    assert not [c for c in coded(text) if c[0] == "112"], coded(text)


# ---- criticism of an act is aimed at who did it, not at its victims -----------------------------
@pytest.mark.parametrize("text, source, target", [
    ("The Security Council condemned military actions by Uganda in eastern Congo.", "IGOUNO", "UGA"),
    ("Russia denounced the bombing of Serbian positions in Bosnia by NATO aircraft.", "RUS", "IGOWSTNAT"),
    ("Syria condemned the Israeli raid on a village near Damascus.", "SYR", "ISR"),
    ("Iran criticised the American strike on Falluja.", "IRN", "USA"),
])
def test_criticism_of_an_act_targets_its_doer(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert ("111", source, target) in got, got


@pytest.mark.parametrize("text, source, victim", [
    ("China condemned attacks on its workers in Pakistan.", "CHN", "PAK"),
    ("Britain condemned the killing of two British engineers in Iraq.", "GBR", "IRQ"),
    ("South African leaders condemned attempts to force the UN Secretary-General to resign.", "ZAF", "IGOUNO"),
])
def test_criticism_of_an_act_with_no_doer_named_spares_the_victims(text: str, source: str, victim: str) -> None:
    got = [c for c in coded(text) if c[0][:2] == "11"]
    assert ("111", source, None) in got, got
    assert not [c for c in got if c[2] in (victim, source)], got


def test_criticism_of_a_named_actor_keeps_its_target() -> None:
    assert ("111", "PAK", "IND") in coded("Pakistan condemned India for the attack.")


def test_a_verbal_attack_on_someone_is_aimed_at_them() -> None:
    # "a scathing attack on Israel" is the criticism itself, not an act criticised
    got = coded("Egypt's foreign minister launched a scathing attack on Israel on Sunday.")
    assert ("111", "EGY", "ISR") in got, got


# ---- threats received: the receiver is threatened ------------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("An Iraqi judge received death threats on Monday.", None, "IRQ"),
    ("The British embassy in Jakarta received a bomb threat on Tuesday.", None, "GBR"),
    ("Several Kenyan journalists have received death threats after reporting on the scandal.", None, "KEN"),
])
def test_a_threat_received_threatens_the_receiver(text: str, source: str | None, target: str) -> None:
    got = coded(text)
    assert ("13", source, target) in roots(got), got
    assert not [c for c in got if c[1] == target and c[0][:2] == "13"], got  # the receiver threatens no one


def test_a_threat_of_legal_action_is_no_death_threat() -> None:
    assert not [c for c in coded("The Kenyan company received a threat of legal action from its rivals.") if c[0][:2] == "13"]
