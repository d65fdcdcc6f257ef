"""The review loop in a real headless Chromium: the analyst moves the confidence slider, corrects
an event in the review queue with the token, and the say-versus-do chart changes. Uses the
browser of test_browser_dashboard (Debian chromium, marked ``browser``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_browser_dashboard import ARTIFACTS, browser  # noqa: F401 - the shared Chromium fixture

pytestmark = pytest.mark.browser

TOKEN = "review-t0ken"
TOTALS = "window.tl.chart.data.datasets.map(d => d.data.reduce((a, b) => a + Math.abs(b), 0))"


@pytest.fixture()
def review_page(browser: Any) -> Iterator[tuple[Any, Any]]:  # noqa: F811
    from helpers import build_store
    from test_serve import running_server

    from tealeaves import store
    from tealeaves.serve import create_app

    con = store.connect(":memory:")
    build_store(con)
    # scores so the queue has an order and the slider has something to leave out
    con.execute("UPDATE events SET confidence = CASE WHEN cameo = '040' THEN 0.15 ELSE 0.8 END, confidence_model = 'test'")
    con.execute("UPDATE clusters SET confidence = CASE WHEN cameo = '040' THEN 0.15 ELSE 0.8 END")
    with running_server(create_app(con, token=TOKEN)) as url:
        ctx = browser.new_context(viewport={"width": 1400, "height": 1800})
        pg = ctx.new_page()
        pg.errors = []  # type: ignore[attr-defined]
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
        pg.goto(url + "/")
        pg.wait_for_function("window.tl && window.tl.ready")
        yield pg, con
        ctx.close()
    con.close()


def test_correct_an_event_in_the_review_queue_and_see_the_chart_change(review_page: tuple[Any, Any]) -> None:
    page, con = review_page
    page.select_option("#dyad-select", "FRA,RUS")
    page.wait_for_function("window.tl.chart && window.tl.chart.data.labels.length > 0")
    assert page.evaluate(TOTALS) == [2, 3, 0, 1]  # said: coop, conflict; done: coop, conflict

    # the slider leaves out the unsure meeting (0.15) from the chart and the event list
    page.eval_on_selector("#min-confidence", "el => { el.value = '0.5'; el.dispatchEvent(new Event('input')); el.dispatchEvent(new Event('change')); }")
    page.wait_for_function(f"JSON.stringify({TOTALS}) === '[1,3,0,1]'")
    assert page.locator("#min-confidence-value").inner_text() == "0.50"
    page.eval_on_selector("#min-confidence", "el => { el.value = '0'; el.dispatchEvent(new Event('change')); }")
    page.wait_for_function(f"JSON.stringify({TOTALS}) === '[2,3,0,1]'")

    # the review queue puts the least sure event first: the meeting; without the token nothing is saved
    page.wait_for_selector("#review-list li.review-item")
    first = page.locator("#review-list li.review-item").first
    assert "met Russia's foreign minister" in first.inner_text()
    first.locator("button.mark-corrected").click()
    page.wait_for_function("document.getElementById('review-status').textContent.includes('token')")
    assert con.execute("SELECT count(*) FROM corrections").fetchone() == (0,)

    # with the token: the meeting was really a military clash (190), so said-cooperation falls and done-conflict rises
    page.fill("#review-token", TOKEN)
    page.fill("#review-author", "ana")
    first.locator("input.fix-code").fill("190")
    first.locator("button.mark-corrected").click()
    page.wait_for_function(f"JSON.stringify({TOTALS}) === '[1,3,0,2]'")
    assert "Saved: corrected" in page.locator("#review-status").inner_text()
    assert con.execute("SELECT verdict, author, after FROM corrections").fetchone()[:2] == ("corrected", "ana")
    page.wait_for_function("!document.getElementById('review-list').textContent.includes(\"met Russia's foreign minister\")")
    # marked wrong: an accusation leaves the counts
    item = page.locator("#review-list li.review-item", has_text="accused France of hypocrisy")
    item.locator("button.mark-wrong").click()
    page.wait_for_function(f"JSON.stringify({TOTALS}) === '[1,2,0,2]'")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-review.png"), full_page=True)
    assert page.errors == []
