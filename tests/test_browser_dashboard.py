"""The dashboard in a real headless Chromium (Debian's chromium, driven by Playwright), against a
server on 127.0.0.1 over a store built from Event records. Screenshots go to artifacts/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    from helpers import SAYDO_ARTICLES, build_store
    from test_serve import running_server

    from tealeaves import store
    from tealeaves.serve import create_app

    con = store.connect(":memory:")
    build_store(con)
    build_store(con, SAYDO_ARTICLES)
    with running_server(create_app(con)) as url:
        yield url
    con.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make browser` (scripts/ensure_browser.sh) to install Debian's chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1500})
    pg = ctx.new_page()
    pg.requests = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    pg.goto(base_url + "/")
    pg.wait_for_function("window.tl && window.tl.ready")
    yield pg
    ctx.close()


def test_pick_a_dyad_see_the_timeline_the_events_and_an_article(page: Any, base_url: str) -> None:
    page.select_option("#dyad-select", "FRA,RUS")
    page.wait_for_function("window.tl.chart && window.tl.chart.data.labels.length > 0")
    page.wait_for_selector("#event-list tr.event-row")
    labels = page.evaluate("window.tl.chart.data.labels")
    assert labels == ["2016-10-03", "2016-10-10", "2016-10-17"]
    totals = page.evaluate("window.tl.chart.data.datasets.map(d => d.data.reduce((a, b) => a + Math.abs(b), 0))")
    assert totals == [2, 3, 0, 1]  # said: coop, conflict; done: coop, conflict (clustered, asserted and reported)
    box = page.locator("#timeline").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200
    rows = page.locator("#event-list tr.event-row")
    assert rows.count() == 7  # the hypothetical sanctions are left out by default
    assert "Wire Desk" in page.locator("#event-list").inner_text()

    # click the material-conflict bar of the week of 17 October
    x, y = page.evaluate("(() => { const el = window.tl.chart.getDatasetMeta(3).data[2]; return [el.x, el.y + 2]; })()")
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_function("document.getElementById('events-title').textContent.includes('2016-10-17')")
    page.wait_for_function("document.querySelectorAll('#event-list tr.event-row').length === 2")
    text = page.locator("#event-list").inner_text()
    assert "expelled two French diplomats" in text and "condemned" not in text
    assert page.locator("#event-list tr.event-row td").nth(5).inner_text() == "2"  # two independent outlets

    page.locator("#event-list tr.event-row").first.click()
    page.wait_for_selector("#article mark.coded")
    assert page.locator("#article mark.coded").inner_text() == "Russia expelled two French diplomats from Moscow on Tuesday."
    assert page.locator("#article mark.coded .evidence").inner_text() == "expelled"
    explanation = page.locator("#explanation").inner_text()
    assert "1663" in explanation and "asserted" in explanation and "test pattern 1663" in explanation
    page.wait_for_function("document.querySelectorAll('#network line').length >= 1")
    assert "2016-10-17" in page.locator("#network-title").inner_text()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    assert not page.errors, page.errors
    assert all(u.startswith(base_url) for u in page.requests), [u for u in page.requests if not u.startswith(base_url)]


def test_say_vs_do_panel_flags_rising_threats_during_talks(page: Any, base_url: str) -> None:
    page.select_option("#dyad-select", "GBR,IRN")
    page.wait_for_function("window.tl.lines && window.tl.lines.data.labels.length > 0")
    assert page.evaluate("window.tl.lines.data.labels") == ["2016-11-07", "2016-11-14", "2016-11-21"]
    assert page.evaluate("window.tl.lines.data.datasets.map(d => d.data)") == [[1, 1, 0], [1, 3, 1]]  # contact, rhetoric

    flags = page.locator("#flag-list li.flag")
    assert flags.count() == 1
    assert flags.first.get_attribute("data-start") == "2016-11-14"
    assert "rhetoric rose from 1 to 3" in flags.first.inner_text() and "week of 2016-11-14" in flags.first.inner_text()

    # the flagged week is shaded on the timeline (the band's top edge is drawn in the flag colour), the others are not
    edge = """(i) => { const c = window.tl.chart, x = c.scales.x, r = c.currentDevicePixelRatio;
        const px = c.ctx.getImageData(Math.round(x.getPixelForValue(i) * r), Math.round((c.chartArea.top + 1) * r), 1, 1).data;
        return [px[0], px[1], px[2]]; }"""
    flagged, plain = page.evaluate(edge, 1), page.evaluate(edge, 0)
    assert flagged[0] > 180 and 120 < flagged[1] < 180 and flagged[2] < 60, flagged
    assert plain != flagged
    # hovering the flagged week shows the reason in the tooltip
    box = page.locator("#timeline").bounding_box()
    x = page.evaluate("window.tl.chart.scales.x.getPixelForValue(1)")
    page.mouse.move(box["x"] + x, box["y"] + box["height"] / 2)
    page.wait_for_function("window.tl.chart.tooltip.opacity > 0 && window.tl.chart.tooltip.footer.length > 0")
    assert "rhetoric rose from 1 to 3" in " ".join(page.evaluate("window.tl.chart.tooltip.footer"))

    verbal = page.locator("#strongest-verbal li")
    assert verbal.count() == 3
    threat = page.locator("#strongest-verbal li", has_text="threatened Britain")
    assert "Evening Ledger, Harbour Times" in threat.inner_text() and "2 independent outlets" in threat.inner_text()
    assert "broke off negotiations" in page.locator("#strongest-material").inner_text()

    ARTIFACTS.mkdir(exist_ok=True)
    page.mouse.move(box["x"] + x, box["y"] + box["height"] / 2)
    page.screenshot(path=str(ARTIFACTS / "dashboard-saydo.png"), full_page=True)

    threat.click()
    page.wait_for_selector("#article mark.coded")
    assert page.locator("#article mark.coded").inner_text() == "Iran threatened Britain with retaliation over the seized tanker."

    flags.first.click()
    page.wait_for_function("document.getElementById('events-title').textContent.includes('2016-11-14')")
    page.wait_for_function("document.querySelectorAll('#event-list tr.event-row').length === 5")
    assert not page.errors, page.errors
    assert all(u.startswith(base_url) for u in page.requests)


def test_type_an_actor_name_and_search(page: Any) -> None:
    page.fill("#code-a", "France")
    page.fill("#code-b", "United States")
    page.click("#show-btn")
    page.wait_for_function("window.tl.b === 'USA' && window.tl.chart && window.tl.chart.data.labels.length > 0")
    page.wait_for_function("document.getElementById('events-title').textContent.includes('USA')")
    page.wait_for_selector("#event-list tr.event-row")
    assert page.locator("#event-list tr.event-row").count() == 1
    assert "praised France" in page.locator("#event-list").inner_text()

    page.fill("#search", "humanitarian")
    page.press("#search", "Enter")
    page.wait_for_function("document.getElementById('events-title').textContent.includes('humanitarian')")
    page.wait_for_function("document.querySelectorAll('#event-list tr.event-row').length === 1")
    assert "humanitarian aid to Syria" in page.locator("#event-list").inner_text()
    assert not page.errors, page.errors


def test_api_docs_page_lists_endpoints_without_a_cdn(page: Any, base_url: str) -> None:
    page.goto(base_url + "/docs")
    page.wait_for_selector("#endpoints section h2")
    heads = page.locator("#endpoints h2").all_inner_texts()
    assert "GET /api/events" in heads and "POST /api/documents" in heads
    assert all(u.startswith(base_url) for u in page.requests)
