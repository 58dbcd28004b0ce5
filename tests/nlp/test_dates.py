"""Date-phrase resolution: every rule against fixed anchors, then properties over any anchor."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from eventwire.nlp.date_rules import MONTHS, WEEKDAYS
from eventwire.nlp.dates import resolve_date, resolve_date_with_rule
from eventwire.records import DateInterval

THU = date(2021, 3, 18)  # the seed's anchor, a Thursday
MON = date(2021, 3, 15)
SAT = date(2021, 3, 20)
SUN = date(2021, 3, 21)
OCT = date(2021, 10, 5)  # a Tuesday
JAN = date(2021, 1, 10)  # a Sunday

# (phrase, anchor, earliest, latest, rule)
CASES: list[tuple[str, date, str, str, str]] = [
    # the seed's phrases
    ("Thursday", THU, "2021-03-18", "2021-03-18", "weekday-past"),
    ("Wednesday", THU, "2021-03-17", "2021-03-17", "weekday-past"),
    ("earlier this week", THU, "2021-03-15", "2021-03-17", "earlier-this-week"),
    ("mid-February", THU, "2021-02-10", "2021-02-20", "month-part"),
    ("this month", THU, "2021-03-01", "2021-03-31", "relative-month"),
    ("last summer", THU, "2020-06-01", "2020-08-31", "relative-season"),
    # weekdays
    ("Friday", THU, "2021-03-12", "2021-03-12", "weekday-past"),
    ("on Monday", THU, "2021-03-15", "2021-03-15", "weekday-past"),
    ("Thursday's", THU, "2021-03-18", "2021-03-18", "weekday-past"),
    ("Monday night", THU, "2021-03-15", "2021-03-15", "weekday-past"),
    ("Tuesday morning", THU, "2021-03-16", "2021-03-16", "weekday-past"),
    ("late Wednesday evening", THU, "2021-03-17", "2021-03-17", "weekday-past"),
    ("early on Tuesday", THU, "2021-03-16", "2021-03-16", "weekday-past"),
    ("Thurs.", THU, "2021-03-18", "2021-03-18", "weekday-past"),
    ("last Thursday", THU, "2021-03-11", "2021-03-11", "weekday-last"),
    ("last Monday", THU, "2021-03-15", "2021-03-15", "weekday-last"),
    ("this past Sunday", THU, "2021-03-14", "2021-03-14", "weekday-last"),
    ("next Monday", THU, "2021-03-22", "2021-03-22", "weekday-next"),
    ("next Friday", THU, "2021-03-19", "2021-03-19", "weekday-next"),
    ("next Thursday", THU, "2021-03-25", "2021-03-25", "weekday-next"),
    ("this Saturday", THU, "2021-03-20", "2021-03-20", "weekday-this-week"),
    # days relative to the anchor
    ("today", THU, "2021-03-18", "2021-03-18", "day-relative"),
    ("Tonight", THU, "2021-03-18", "2021-03-18", "day-relative"),
    ("this morning", THU, "2021-03-18", "2021-03-18", "day-relative"),
    ("yesterday", THU, "2021-03-17", "2021-03-17", "day-relative"),
    ("yesterday afternoon", THU, "2021-03-17", "2021-03-17", "day-relative"),
    ("last night", THU, "2021-03-17", "2021-03-17", "day-relative"),
    ("tomorrow", THU, "2021-03-19", "2021-03-19", "day-relative"),
    ("the day before yesterday", THU, "2021-03-16", "2021-03-16", "day-relative"),
    ("overnight", THU, "2021-03-17", "2021-03-18", "day-relative"),
    # weeks
    ("this week", THU, "2021-03-15", "2021-03-21", "relative-week"),
    ("last week", THU, "2021-03-08", "2021-03-14", "relative-week"),
    ("next week", THU, "2021-03-22", "2021-03-28", "relative-week"),
    ("earlier this week", MON, "2021-03-15", "2021-03-15", "earlier-this-week"),
    ("earlier in the week", THU, "2021-03-15", "2021-03-17", "earlier-this-week"),
    ("later this week", THU, "2021-03-19", "2021-03-21", "later-this-week"),
    ("the past week", THU, "2021-03-11", "2021-03-18", "window-past"),
    ("the last week", THU, "2021-03-11", "2021-03-18", "window-past"),
    ("this past week", THU, "2021-03-11", "2021-03-18", "window-past"),
    ("early next week", THU, "2021-03-22", "2021-03-24", "week-part"),
    ("late last week", THU, "2021-03-11", "2021-03-14", "week-part"),
    # weekends
    ("the weekend", THU, "2021-03-13", "2021-03-14", "weekend"),
    ("this weekend", MON, "2021-03-13", "2021-03-14", "weekend"),
    ("over the weekend", SUN, "2021-03-20", "2021-03-21", "weekend"),
    ("this weekend", SAT, "2021-03-20", "2021-03-21", "weekend"),
    ("last weekend", THU, "2021-03-13", "2021-03-14", "weekend"),
    ("last weekend", SUN, "2021-03-13", "2021-03-14", "weekend"),
    ("next weekend", THU, "2021-03-20", "2021-03-21", "weekend"),
    # months
    ("earlier this month", THU, "2021-03-01", "2021-03-17", "earlier-this-month"),
    ("last month", THU, "2021-02-01", "2021-02-28", "relative-month"),
    ("next month", THU, "2021-04-01", "2021-04-30", "relative-month"),
    ("last month", JAN, "2020-12-01", "2020-12-31", "relative-month"),
    ("February", THU, "2021-02-01", "2021-02-28", "month-name"),
    ("in January", THU, "2021-01-01", "2021-01-31", "month-name"),
    ("March", THU, "2021-03-01", "2021-03-31", "month-name"),
    ("November", THU, "2020-11-01", "2020-11-30", "month-name"),
    ("Sept.", THU, "2020-09-01", "2020-09-30", "month-name"),
    ("Feb", THU, "2021-02-01", "2021-02-28", "month-name"),
    ("next March", THU, "2022-03-01", "2022-03-31", "month-name"),
    ("this coming April", THU, "2021-04-01", "2021-04-30", "month-name"),
    ("next November", THU, "2021-11-01", "2021-11-30", "month-name"),
    ("last March", THU, "2020-03-01", "2020-03-31", "month-name"),
    ("this June", THU, "2021-06-01", "2021-06-30", "month-name"),
    ("January 2019", THU, "2019-01-01", "2019-01-31", "month-year"),
    ("Jan. 2019", THU, "2019-01-01", "2019-01-31", "month-year"),
    ("January of 2019", THU, "2019-01-01", "2019-01-31", "month-year"),
    ("2019-07", THU, "2019-07-01", "2019-07-31", "month-year"),
    ("early March", THU, "2021-03-01", "2021-03-10", "month-part"),
    ("early-March", THU, "2021-03-01", "2021-03-10", "month-part"),
    ("mid February", THU, "2021-02-10", "2021-02-20", "month-part"),
    ("late December", THU, "2020-12-21", "2020-12-31", "month-part"),
    ("late February", THU, "2021-02-21", "2021-02-28", "month-part"),
    ("the end of March", THU, "2021-03-21", "2021-03-31", "month-part"),
    ("the beginning of the month", THU, "2021-03-01", "2021-03-10", "month-part"),
    ("mid-January 2019", THU, "2019-01-10", "2019-01-20", "month-part"),
    # years, decades, centuries
    ("this year", THU, "2021-01-01", "2021-12-31", "relative-year"),
    ("this year's", THU, "2021-01-01", "2021-12-31", "relative-year"),
    ("last year", THU, "2020-01-01", "2020-12-31", "relative-year"),
    ("next year", THU, "2022-01-01", "2022-12-31", "relative-year"),
    ("earlier this year", THU, "2021-01-01", "2021-03-17", "earlier-this-year"),
    ("later this year", THU, "2021-03-19", "2021-12-31", "later-this-year"),
    ("the past year", THU, "2020-03-18", "2021-03-18", "window-past"),
    ("1987", THU, "1987-01-01", "1987-12-31", "year"),
    ("in 2019", THU, "2019-01-01", "2019-12-31", "year"),
    ("2019's", THU, "2019-01-01", "2019-12-31", "year"),
    ("early 2020", THU, "2020-01-01", "2020-04-30", "year-part"),
    ("mid-2020", THU, "2020-05-01", "2020-08-31", "year-part"),
    ("late 2020", THU, "2020-09-01", "2020-12-31", "year-part"),
    ("late last year", THU, "2020-09-01", "2020-12-31", "year-part"),
    ("the end of the year", THU, "2021-09-01", "2021-12-31", "year-part"),
    ("the first half of 2020", THU, "2020-01-01", "2020-06-30", "year-part"),
    ("Q3 2020", THU, "2020-07-01", "2020-09-30", "quarter"),
    ("the fourth quarter of last year", THU, "2020-10-01", "2020-12-31", "quarter"),
    ("the second quarter", THU, "2020-04-01", "2020-06-30", "quarter"),
    ("the 1990s", THU, "1990-01-01", "1999-12-31", "decade"),
    ("the 1990's", THU, "1990-01-01", "1999-12-31", "decade"),
    ("the '90s", THU, "1990-01-01", "1999-12-31", "decade"),
    ("the nineties", THU, "1990-01-01", "1999-12-31", "decade"),
    ("the 2000s", THU, "2000-01-01", "2009-12-31", "decade"),
    ("the mid-1990s", THU, "1994-01-01", "1996-12-31", "decade-part"),
    ("last decade", THU, "2010-01-01", "2019-12-31", "relative-decade"),
    ("the 1800s", THU, "1800-01-01", "1899-12-31", "century"),
    ("the 20th century", THU, "1900-01-01", "1999-12-31", "century"),
    ("the twenty-first century", THU, "2000-01-01", "2099-12-31", "century"),
    # seasons
    ("last summer", OCT, "2021-06-01", "2021-08-31", "relative-season"),
    ("this summer", THU, "2021-06-01", "2021-08-31", "relative-season"),
    ("next summer", OCT, "2022-06-01", "2022-08-31", "relative-season"),
    ("last fall", THU, "2020-09-01", "2020-11-30", "relative-season"),
    ("last autumn", THU, "2020-09-01", "2020-11-30", "relative-season"),
    ("last winter", THU, "2020-12-01", "2021-02-28", "relative-season"),
    ("last winter", JAN, "2019-12-01", "2020-02-29", "relative-season"),
    ("this winter", JAN, "2020-12-01", "2021-02-28", "relative-season"),
    ("this winter", OCT, "2021-12-01", "2022-02-28", "relative-season"),
    ("next spring", THU, "2022-03-01", "2022-05-31", "relative-season"),
    ("the summer of 2019", THU, "2019-06-01", "2019-08-31", "season"),
    ("in the spring", THU, "2021-03-01", "2021-05-31", "season"),
    ("late summer", THU, "2020-08-01", "2020-08-31", "season-part"),
    # explicit dates
    ("March 3", THU, "2021-03-03", "2021-03-03", "explicit-date"),
    ("March 3rd", THU, "2021-03-03", "2021-03-03", "explicit-date"),
    ("3 March", THU, "2021-03-03", "2021-03-03", "explicit-date"),
    ("the 3rd of March", THU, "2021-03-03", "2021-03-03", "explicit-date"),
    ("March 3, 2021", THU, "2021-03-03", "2021-03-03", "explicit-date"),
    ("3 March 2021", THU, "2021-03-03", "2021-03-03", "explicit-date"),
    ("on Jan. 5", THU, "2021-01-05", "2021-01-05", "explicit-date"),
    ("Sept. 12, 2001", THU, "2001-09-12", "2001-09-12", "explicit-date"),
    ("September 15", THU, "2021-09-15", "2021-09-15", "explicit-date"),  # 181 days ahead
    ("September 18", THU, "2020-09-18", "2020-09-18", "explicit-date"),  # 184 days ahead
    ("December 25", THU, "2020-12-25", "2020-12-25", "explicit-date"),
    ("Feb. 29", THU, "2020-02-29", "2020-02-29", "explicit-date"),
    ("Thursday, March 18", THU, "2021-03-18", "2021-03-18", "explicit-date"),
    ("March 18, 2021 Thursday", THU, "2021-03-18", "2021-03-18", "explicit-date"),
    ("2021-03-03", THU, "2021-03-03", "2021-03-03", "iso-date"),
    ("03/03/2021", THU, "2021-03-03", "2021-03-03", "numeric-date"),
    ("12/25/20", THU, "2020-12-25", "2020-12-25", "numeric-date"),
    ("March 3-5", THU, "2021-03-03", "2021-03-05", "day-range"),
    ("3 to 5 March 2020", THU, "2020-03-03", "2020-03-05", "day-range"),
    # counted and vague spans
    ("two days ago", THU, "2021-03-16", "2021-03-16", "ago"),
    ("2 days ago", THU, "2021-03-16", "2021-03-16", "ago"),
    ("days ago", THU, "2021-03-11", "2021-03-16", "ago"),
    ("a few days ago", THU, "2021-03-14", "2021-03-16", "ago"),
    ("a week ago", THU, "2021-03-08", "2021-03-14", "ago"),
    ("three months ago", THU, "2020-12-01", "2020-12-31", "ago"),
    ("a year ago", THU, "2020-01-01", "2020-12-31", "ago"),
    ("twenty-five years ago", THU, "1996-01-01", "1996-12-31", "ago"),
    ("a decade ago", THU, "2011-01-01", "2011-12-31", "ago"),
    ("recent days", THU, "2021-03-11", "2021-03-18", "window-past"),
    ("in recent weeks", THU, "2021-02-18", "2021-03-18", "window-past"),
    ("the past few days", THU, "2021-03-11", "2021-03-18", "window-past"),
    ("the past two months", THU, "2021-01-18", "2021-03-18", "window-past"),
    ("the last 24 hours", THU, "2021-03-17", "2021-03-18", "window-past"),
    ("the coming days", THU, "2021-03-19", "2021-03-25", "window-coming"),
    ("the coming weeks", THU, "2021-03-19", "2021-04-15", "window-coming"),
    ("in the coming months", THU, "2021-03-19", "2021-06-16", "window-coming"),
    ("the next two weeks", THU, "2021-03-19", "2021-04-01", "window-coming"),
    ("the weeks ahead", THU, "2021-03-19", "2021-04-15", "window-coming"),
    ("within two weeks", THU, "2021-03-19", "2021-04-01", "window-coming"),
    ("in two weeks", THU, "2021-03-29", "2021-04-04", "from-now"),
    ("in a week's time", THU, "2021-03-22", "2021-03-28", "from-now"),
    ("three days from now", THU, "2021-03-21", "2021-03-21", "from-now"),
    # ranges
    ("March 3 to April 5", THU, "2021-03-03", "2021-04-05", "range"),
    ("March 3 - April 5, 2020", THU, "2020-03-03", "2020-04-05", "range"),
    ("2019-2021", THU, "2019-01-01", "2021-12-31", "range"),
    ("between 1990 and 1995", THU, "1990-01-01", "1995-12-31", "range"),
    ("from 1939 to 1945", THU, "1939-01-01", "1945-12-31", "range"),
    ("1939-45", THU, "1939-01-01", "1945-12-31", "range"),
    ("November-January", THU, "2020-11-01", "2021-01-31", "range"),
    ("March through May", THU, "2021-03-01", "2021-05-31", "range"),
    ("late 2020 to early 2021", THU, "2020-09-01", "2021-04-30", "range"),
    # tolerated noise
    ("  ON THURSDAY,  ", THU, "2021-03-18", "2021-03-18", "weekday-past"),
    ("since last year", THU, "2020-01-01", "2020-12-31", "relative-year"),
    ("by the end of the month", THU, "2021-03-21", "2021-03-31", "month-part"),
    ("until next week.", THU, "2021-03-22", "2021-03-28", "relative-week"),
    ("Thursday\u2019s", THU, "2021-03-18", "2021-03-18", "weekday-past"),
]

NOT_DATES = [
    "five years",
    "about two years",
    "decades",
    "annual",
    "60-year-old",
    "the first time",
    "two weeks",
    "for five years",
    "the same day",
    "a day earlier",
    "the 12th",
    "February 30",
    "Feb. 30, 2021",
    "2021-02-30",
    "13/01/2021",
    "2250",
    "the 2300s",
    "the 17th century",
    "",
    "   ",
    "Thursday " * 20,
]


@pytest.mark.parametrize(("phrase", "anchor", "earliest", "latest", "rule"), CASES, ids=str)
def test_rule_table(phrase: str, anchor: date, earliest: str, latest: str, rule: str) -> None:
    resolved = resolve_date_with_rule(phrase, anchor)
    assert resolved is not None, phrase
    interval, fired = resolved
    assert (interval.earliest.isoformat(), interval.latest.isoformat(), fired) == (
        earliest,
        latest,
        rule,
    )
    assert interval.phrase == phrase
    assert resolve_date(phrase, anchor) == interval


@pytest.mark.parametrize("phrase", NOT_DATES)
def test_not_a_resolvable_time(phrase: str) -> None:
    assert resolve_date(phrase, THU) is None
    assert resolve_date_with_rule(phrase, THU) is None


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("Thursday", "2021-03-18", "2021-03-18"),
        ("Wednesday", "2021-03-17", "2021-03-17"),
        ("earlier this week", "2021-03-15", "2021-03-17"),
        ("mid-February", "2021-02-10", "2021-02-20"),
        ("this month", "2021-03-01", "2021-03-31"),
        ("last summer", "2020-06-01", "2020-08-31"),
    ],
)
def test_seed_phrases_fall_inside_expected_bounds(phrase: str, low: str, high: str) -> None:
    interval = resolve_date(phrase, THU)
    assert interval is not None
    assert (
        date.fromisoformat(low) <= interval.earliest <= interval.latest <= date.fromisoformat(high)
    )


def test_datetime_anchor_is_treated_as_its_date() -> None:
    assert resolve_date("yesterday", datetime(2021, 3, 18, 23, 59)) == DateInterval(
        date(2021, 3, 17), date(2021, 3, 17), phrase="yesterday"
    )


def test_result_is_a_function_of_phrase_and_anchor() -> None:
    first = [resolve_date_with_rule(phrase, anchor) for phrase, anchor, *_ in CASES]
    again = [resolve_date_with_rule(phrase, anchor) for phrase, anchor, *_ in reversed(CASES)]
    assert first == list(reversed(again))


# --- properties -----------------------------------------------------------------------------

anchors = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
_WORDS = (
    "the in on of since last next this past coming early mid late ago from now to and between "
    "within week weekend month year decade days weeks years summer winter today yesterday "
    "tomorrow night quarter q1 half end beginning few a two 3 1990s '90s 2021 1987 12 31 29 "
    "2021-03-03 03/03/2021 - , 's . ' 3rd first second century"
)
VOCABULARY = [*MONTHS, *WEEKDAYS, *_WORDS.split()]
vocabulary_phrases = st.lists(st.sampled_from(VOCABULARY), max_size=6).map(" ".join)


@settings(max_examples=400)
@given(phrase=st.one_of(st.text(max_size=60), vocabulary_phrases), anchor=anchors)
def test_never_raises_and_interval_is_ordered(phrase: str, anchor: date) -> None:
    resolved = resolve_date_with_rule(phrase, anchor)
    if resolved is not None:
        interval, rule = resolved
        assert interval.earliest <= interval.latest
        assert interval.phrase == phrase
        assert rule


weekday_names = st.tuples(
    st.sampled_from(list(calendar.day_name)), st.sampled_from(["{}", "on {}", "{}'s", "{} night"])
).map(lambda pair: pair[1].format(pair[0]))


@given(phrase=weekday_names, anchor=anchors)
def test_weekday_is_within_the_week_up_to_the_anchor(phrase: str, anchor: date) -> None:
    interval = resolve_date(phrase, anchor)
    assert interval is not None
    assert interval.earliest == interval.latest
    assert anchor - timedelta(days=6) <= interval.earliest <= anchor
    name = phrase.removeprefix("on ").split()[0].removesuffix("'s")
    assert calendar.day_name[interval.earliest.weekday()] == name


month_names = st.tuples(
    st.sampled_from(sorted(MONTHS)), st.sampled_from([str.lower, str.title, str.upper])
).map(lambda pair: pair[1](pair[0]))


@given(phrase=month_names, anchor=anchors)
def test_month_is_a_whole_month_not_after_the_anchors_month(phrase: str, anchor: date) -> None:
    interval = resolve_date(phrase, anchor)
    assert interval is not None
    first, last = interval.earliest, interval.latest
    assert first.day == 1
    assert (first.year, first.month) == (last.year, last.month)
    assert last.day == calendar.monthrange(last.year, last.month)[1]
    months_back = (anchor.year - first.year) * 12 + anchor.month - first.month
    assert 0 <= months_back <= 11
    assert first.month == MONTHS[phrase.lower()]


@given(month=st.integers(1, 12), day=st.integers(1, 31), anchor=anchors, style=st.integers(0, 1))
@example(month=2, day=29, anchor=date(1900, 1, 1), style=0)  # 1896 is 1,402 days back
@example(month=2, day=29, anchor=date(1900, 3, 5), style=0)  # and here 1,465: too far
def test_yearless_day_is_at_most_half_a_year_ahead(
    month: int, day: int, anchor: date, style: int
) -> None:
    name = calendar.month_name[month]
    phrase = f"{name} {day}" if style == 0 else f"{day} {name}"
    interval = resolve_date(phrase, anchor)
    if day > calendar.monthrange(2000, month)[1]:
        assert interval is None
        return
    if (month, day) == (2, 29) and not any(
        calendar.isleap(year) and -4 * 366 < (date(year, 2, 29) - anchor).days <= 183
        for year in range(anchor.year - 5, anchor.year + 2)
    ):
        assert interval is None  # no 29 February near enough (1900 was not a leap year)
        return
    assert interval is not None
    assert interval.earliest == interval.latest
    assert (interval.earliest.month, interval.earliest.day) == (month, day)
    assert -4 * 366 < (interval.earliest - anchor).days <= 183


@given(count=st.integers(0, 400), anchor=anchors)
def test_days_ago_is_exact(count: int, anchor: date) -> None:
    interval = resolve_date(f"{count} days ago", anchor)
    assert interval is not None
    assert interval.earliest == interval.latest == anchor - timedelta(days=count)


# -- properties of explicit dates (reliability) ------------------------------------------------


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), anchor=anchors)
def test_an_explicit_full_date_is_that_day_whatever_the_anchor(day: date, anchor: date) -> None:
    month = calendar.month_name[day.month]
    for phrase in (
        day.isoformat(),
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
    ):
        resolved = resolve_date(phrase, anchor)
        assert resolved is not None, phrase
        assert (resolved.earliest, resolved.latest) == (day, day), phrase


@given(year=st.integers(1901, 2099), month=st.integers(1, 12), anchor=anchors)
def test_an_impossible_calendar_date_resolves_to_nothing(
    year: int, month: int, anchor: date
) -> None:
    last = calendar.monthrange(year, month)[1]
    assert resolve_date(f"{calendar.month_name[month]} {last + 1}, {year}", anchor) is None


@given(count=st.integers(1, 400), anchor=anchors.filter(lambda d: d.year > 1902))
def test_n_days_ago_is_exactly_n_days_before_the_anchor(count: int, anchor: date) -> None:
    resolved = resolve_date(f"{count} days ago", anchor)
    assert resolved is not None
    assert resolved.earliest == resolved.latest == anchor - timedelta(days=count)
