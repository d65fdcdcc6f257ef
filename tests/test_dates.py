"""Dates: relative time words resolved against the article date, with a precision."""

from __future__ import annotations

import pytest

from tealeaves.coding.dates import resolve
from test_events_support import code_with_table, one

THURSDAY = "2016-10-06"


@pytest.mark.parametrize("text, date, precision", [
    ("Russia attacked Ukraine today.", "2016-10-06", "day"),
    ("Russia met Ukraine yesterday.", "2016-10-05", "day"),
    ("Russia attacked Ukraine on Tuesday.", "2016-10-04", "day"),
    ("Russia attacked Ukraine two days ago.", "2016-10-04", "day"),
    ("Russia attacked Ukraine last week.", "2016-09-26", "week"),
    ("Russia attacked Ukraine in August.", "2016-08-01", "month"),
])
def test_relative_dates_in_sentences(text: str, date: str, precision: str) -> None:
    e = one(code_with_table(text, THURSDAY))
    assert (e.date, e.date_precision) == (date, precision)


def test_weekday_points_forward_for_future_events() -> None:
    e = one(code_with_table("Russia is expected to meet Ukraine on Tuesday.", THURSDAY))
    assert e.modality == "future" and e.date == "2016-10-11"


def test_weekday_equal_to_article_day_is_that_day() -> None:
    e = one(code_with_table("Russia attacked Ukraine on Thursday.", THURSDAY))
    assert e.date == THURSDAY


def test_month_day_before_the_article_date() -> None:
    e = one(code_with_table("On October 19 Russia attacked Ukraine.", "2016-10-25"))
    assert (e.date, e.date_precision) == ("2016-10-19", "day")


def test_month_day_after_the_article_date_is_last_year_for_the_past() -> None:
    assert resolve("October 19", "2016-10-04").date == "2015-10-19"
    assert resolve("October 19", "2016-10-04", future=True).date == "2016-10-19"


def test_article_without_date_does_not_guess() -> None:
    e = one(code_with_table("Russia attacked Ukraine yesterday.", None))
    assert e.date is None and e.date_precision is None
    e = one(code_with_table("Russia attacked Ukraine.", None))
    assert e.date is None and e.date_precision is None


def test_no_time_words_takes_the_article_date() -> None:
    e = one(code_with_table("Russia attacked Ukraine.", THURSDAY))
    assert (e.date, e.date_precision) == (THURSDAY, "day")


def test_date_of_the_reporting_clause_is_not_the_event_date() -> None:
    e = one(code_with_table("Russia said on Wednesday that Ukraine attacked its posts last week.", THURSDAY), "112")
    assert (e.date, e.date_precision) == ("2016-09-26", "week")


def test_explicit_dates_with_a_year_need_no_article_date() -> None:
    assert resolve("March 3, 2015", None).date == "2015-03-03"
    assert resolve("nothing of the sort", THURSDAY) is None
