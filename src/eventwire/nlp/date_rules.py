"""Vocabulary, calendar arithmetic and the individual rules behind :mod:`eventwire.nlp.dates`.

Every rule takes a :class:`Ctx` (the normalised phrase, the anchor and the leading words such as
``the``/``in`` that were stripped from it) and returns a :class:`Hit` or ``None``. Rules are pure
functions; the tables are read-only mappings and the regexes are compiled constants.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import NamedTuple

DAY, WEEK, MONTH, SEASON = "day", "week", "month", "season"
YEAR, DECADE, CENTURY, SPAN = "year", "decade", "century", "span"
MIN_YEAR, MAX_YEAR = 1800, 2199


class Hit(NamedTuple):
    """A resolved closed interval, the rule that produced it and its calendar grain."""

    earliest: date
    latest: date
    rule: str
    grain: str


class Ctx(NamedTuple):
    """A normalised phrase, the anchor (publication date) and the leading words stripped."""

    text: str
    anchor: date
    stripped: frozenset[str]


Rule = Callable[[Ctx], Hit | None]


def table(spec: str, start: int = 0, step: int = 1) -> Mapping[str, int]:
    """``"a,b|c"`` -> ``{"a": start, "b": start, "c": start + step}`` (read-only)."""
    groups = spec.split("|")
    return MappingProxyType(
        {word: start + i * step for i, group in enumerate(groups) for word in group.split(",")}
    )


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so prefixes never shadow them."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MONTHS = table(
    "january,jan|february,feb,febr|march,mar|april,apr|may|june,jun|july,jul|august,aug"
    "|september,sept,sep|october,oct|november,nov|december,dec",
    1,
)
WEEKDAYS = table(
    "monday,mon|tuesday,tue,tues|wednesday,wed,weds|thursday,thu,thur,thurs|friday,fri"
    "|saturday,sat|sunday,sun"
)
SEASONS = MappingProxyType({"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12})
NUMBERS = MappingProxyType(
    dict(table("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"))
    | dict(table("fourteen|fifteen|sixteen|seventeen|eighteen|nineteen", 14))
    | dict(table("twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety", 20, 10))
)
DECADE_WORDS = table(
    "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties", 20, 10
)
CENTURY_WORDS = table("nineteenth|twentieth|twenty first|twenty second", 19)
DAY_OFFSETS = table(
    "day before yesterday|yesterday,last night,last evening|today,tonight,this morning"
    ",this afternoon,this evening,earlier today,later today|tomorrow|day after tomorrow",
    -2,
)
_STEP_MONTHS = MappingProxyType({MONTH: 1, SEASON: 3, YEAR: 12, DECADE: 120, CENTURY: 1200})
_GRAIN_YEARS = MappingProxyType({YEAR: 1, DECADE: 10, CENTURY: 100})
LAST_MODS = frozenset({"last", "past", "this past"})
NEXT_MODS = frozenset({"next", "coming", "this coming", "upcoming"})

_F = re.ASCII
MONTH_ALT = alternation(MONTHS)
WEEKDAY_ALT = alternation(WEEKDAYS)
_MODS = r"(?:(?P<mod>this past|this coming|last|past|next|coming|upcoming|this|current)\s+)?"
_TOD = r"(?:\s+(?:morning|afternoon|evening|night|overnight|noon|midday))"
_ORD = r"(?:st|nd|rd|th)?"
_TOD_RE = re.compile(_TOD + "$", _F)
_WEEKDAY_RE = re.compile(rf"^{_MODS}(?P<wd>{WEEKDAY_ALT}){_TOD}?$", _F)
_AROUND_WEEKDAY_RE = re.compile(
    rf"^(?:(?:{WEEKDAY_ALT})\s+)?(?P<core>.+?)(?:\s+(?:{WEEKDAY_ALT}))?$", _F
)
_ISO_RE = re.compile(r"^(?P<y>\d{4})(?P<s>[-/])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})$", _F)
_NUMERIC_RE = re.compile(r"^(?P<m>\d{1,2})(?P<s>[-/])(?P<d>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})$", _F)
_MDY_RE = re.compile(
    rf"^(?P<m>{MONTH_ALT})\s+(?P<d>\d{{1,2}}){_ORD}(?:\s+(?:of\s+)?(?P<y>\d{{4}}))?$", _F
)
_DMY_RE = re.compile(
    rf"^(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{MONTH_ALT})(?:\s+(?P<y>\d{{4}}))?$", _F
)
_TO = r"\s*(?:-|to|through|and)\s*"
_MD_RANGE_RE = re.compile(
    rf"^(?P<m>{MONTH_ALT})\s+(?P<d>\d{{1,2}}){_ORD}{_TO}(?P<d2>\d{{1,2}}){_ORD}(?:\s+(?P<y>\d{{4}}))?$",
    _F,
)
_DM_RANGE_RE = re.compile(
    rf"^(?P<d>\d{{1,2}}){_ORD}{_TO}(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{MONTH_ALT})"
    r"(?:\s+(?P<y>\d{4}))?$",
    _F,
)
_MONTH_RE = re.compile(rf"^{_MODS}(?P<m>{MONTH_ALT})(?:\s+(?:of\s+)?(?P<y>\d{{4}}))?$", _F)
_ISO_MONTH_RE = re.compile(r"^(?P<y>\d{4})[-/](?P<m>\d{1,2})$", _F)
_YEAR_RE = re.compile(r"^(?:year\s+)?(?P<y>\d{4})$", _F)
_DECADE_RE = re.compile(
    rf"^(?:(?P<full>\d{{3}}0)s|'?(?P<short>\d0)s|(?P<word>{alternation(DECADE_WORDS)}))$", _F
)
_CENTURY_RE = re.compile(
    rf"^(?:(?P<n>\d{{2}})(?:st|nd|rd|th)|(?P<w>{alternation(CENTURY_WORDS)}))\s+century$", _F
)
_SEASON_RE = re.compile(
    rf"^{_MODS}(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>\d{{4}}))?$", _F
)
_WEEKEND_RE = re.compile(rf"^{_MODS}weekend$", _F)
_RELATIVE_RE = re.compile(
    r"^(?P<mod>this|current|last|next)\s+(?P<u>week|month|year|decade|century)$", _F
)
_TO_DATE_RE = re.compile(
    r"^(?P<d>earlier|later)\s+(?:this|in the|in this)\s+(?P<u>week|month|year|decade|century)$", _F
)


# --- calendar arithmetic -------------------------------------------------------------------


def year_ok(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, n: int) -> date:
    """``day`` moved ``n`` calendar months, clamped to the end of the target month."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + n, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def shift(day: date, unit: str, n: int) -> date:
    """``day`` moved ``n`` units (day, week, month, season, year, decade, century)."""
    if unit == DAY:
        return day + timedelta(days=n)
    if unit == WEEK:
        return day + timedelta(weeks=n)
    return add_months(day, n * _STEP_MONTHS[unit])


def bounds(day: date, grain: str) -> tuple[date, date]:
    """The calendar ``grain`` (Monday-Sunday week, month, year, decade ...) containing ``day``."""
    if grain == WEEK:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if grain == MONTH:
        return day.replace(day=1), month_end(day.year, day.month)
    if grain in _GRAIN_YEARS:
        size = _GRAIN_YEARS[grain]
        first = day.year - day.year % size
        return date(first, 1, 1), date(first + size - 1, 12, 31)
    return day, day


def ymd(year: int, month: int, day: int) -> date | None:
    """The date, or ``None`` when it does not exist or the year is out of range."""
    if not (year_ok(year) and 1 <= month <= 12):
        return None
    return date(year, month, day) if 1 <= day <= calendar.monthrange(year, month)[1] else None


def infer_year(anchor: date, month: int, day: int) -> date | None:
    """A yearless month-day: the anchor's year unless that is over 183 days after the anchor."""
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]):
        return None
    # 29 February falls back to the latest leap year within four years (1900 was not one)
    for year in range(anchor.year, anchor.year - 5, -1):
        if (
            day <= calendar.monthrange(year, month)[1]
            and -4 * 366 < (date(year, month, day) - anchor).days <= 183
        ):
            return date(year, month, day)
    return None


def direction(mod: str | None) -> str | None:
    """``"last"``, ``"next"``, ``"this"`` or ``None`` for a modifier such as "this coming"."""
    if mod in LAST_MODS:
        return "last"
    if mod in NEXT_MODS:
        return "next"
    return None if mod is None else "this"


# --- rules ----------------------------------------------------------------------------------


def day_relative(ctx: Ctx) -> Hit | None:
    """today, tonight, yesterday (morning), last night, tomorrow, overnight ..."""
    text, anchor = ctx.text, ctx.anchor
    if text == "overnight":
        return Hit(anchor - timedelta(days=1), anchor, "day-relative", SPAN)
    if text not in DAY_OFFSETS:
        text = _TOD_RE.sub("", text)
    if text not in DAY_OFFSETS:
        return None
    day = anchor + timedelta(days=DAY_OFFSETS[text])
    return Hit(day, day, "day-relative", DAY)


def weekday(ctx: Ctx) -> Hit | None:
    """Bare weekday: latest on or before the anchor; last/next: strictly before/after it."""
    m = _WEEKDAY_RE.match(ctx.text)
    if m is None:
        return None
    anchor, target = ctx.anchor, WEEKDAYS[m["wd"]]
    mod = direction(m["mod"])
    if mod == "last":
        delta, rule = -((anchor.weekday() - target - 1) % 7 + 1), "weekday-last"
    elif mod == "next":
        delta, rule = (target - anchor.weekday() - 1) % 7 + 1, "weekday-next"
    elif mod == "this":
        delta, rule = target - anchor.weekday(), "weekday-this-week"
    else:
        delta, rule = -((anchor.weekday() - target) % 7), "weekday-past"
    day = anchor + timedelta(days=delta)
    return Hit(day, day, rule, DAY)


def explicit_date(ctx: Ctx) -> Hit | None:
    """ISO, US numeric, "March 3(rd)(, 2021)", "3 March (2021)"; a weekday beside it is ignored."""
    around = _AROUND_WEEKDAY_RE.match(ctx.text)
    core = around["core"] if around else ctx.text
    day: date | None
    if m := _ISO_RE.match(core):
        day, rule = ymd(int(m["y"]), int(m["m"]), int(m["d"])), "iso-date"
    elif m := _NUMERIC_RE.match(core):
        year = int(m["y"])
        if len(m["y"]) == 2:
            year += 2000 if 2000 + year <= ctx.anchor.year + 10 else 1900
        day, rule = ymd(year, int(m["m"]), int(m["d"])), "numeric-date"
    elif m := (_MDY_RE.match(core) or _DMY_RE.match(core)):
        month, dom = MONTHS[m["m"]], int(m["d"])
        day = ymd(int(m["y"]), month, dom) if m["y"] else infer_year(ctx.anchor, month, dom)
        rule = "explicit-date"
    else:
        return None
    return None if day is None else Hit(day, day, rule, DAY)


def day_range(ctx: Ctx) -> Hit | None:
    """ "March 3-5", "3 to 5 March 2021"."""
    m = _MD_RANGE_RE.match(ctx.text) or _DM_RANGE_RE.match(ctx.text)
    if m is None:
        return None
    month, first_day, last_day = MONTHS[m["m"]], int(m["d"]), int(m["d2"])
    first = (
        ymd(int(m["y"]), month, first_day) if m["y"] else infer_year(ctx.anchor, month, first_day)
    )
    if first is None or last_day < first_day:
        return None
    last = ymd(first.year, month, last_day)
    return None if last is None else Hit(first, last, "day-range", SPAN)


def month(ctx: Ctx) -> Hit | None:
    """Month name (latest on or before the anchor's month; last/next/this), month + year."""
    anchor = ctx.anchor
    if m := _ISO_MONTH_RE.match(ctx.text):
        year, number, rule = int(m["y"]), int(m["m"]), "month-year"
        if not 1 <= number <= 12:
            return None
    elif m := _MONTH_RE.match(ctx.text):
        number, rule = MONTHS[m["m"]], "month-name"
        mod = direction(m["mod"])
        if m["y"]:
            year, rule = int(m["y"]), "month-year"
        elif mod == "last":
            year = anchor.year if number < anchor.month else anchor.year - 1
        elif mod == "next":
            year = anchor.year if number > anchor.month else anchor.year + 1
        elif mod == "this":
            year = anchor.year
        else:
            year = anchor.year if number <= anchor.month else anchor.year - 1
    else:
        return None
    if rule == "month-year" and not year_ok(year):
        return None
    return Hit(date(year, number, 1), month_end(year, number), rule, MONTH)


def year_like(ctx: Ctx) -> Hit | None:
    """A year; a decade ("1990s", "the '90s", "the nineties"); a century ("19th century")."""
    if m := _YEAR_RE.match(ctx.text):
        start, grain = int(m["y"]), YEAR
    elif m := _DECADE_RE.match(ctx.text):
        if m["full"]:
            start = int(m["full"])
            grain = CENTURY if start % 100 == 0 and start != 2000 else DECADE
        else:
            tens = int(m["short"]) if m["short"] else DECADE_WORDS[m["word"]]
            start = 2000 + tens if 2000 + tens <= ctx.anchor.year else 1900 + tens
            grain = DECADE
    elif m := _CENTURY_RE.match(ctx.text):
        number = int(m["n"]) if m["n"] else CENTURY_WORDS[m["w"]]
        start, grain = (number - 1) * 100, CENTURY
    else:
        return None
    end = start + _GRAIN_YEARS[grain] - 1
    if not (year_ok(start) and year_ok(end)):
        return None
    return Hit(date(start, 1, 1), date(end, 12, 31), grain, grain)


def season_span(start_month: int, year: int) -> tuple[date, date]:
    """Meteorological season starting in ``start_month`` of ``year`` (winter ends in year + 1)."""
    last = add_months(date(year, start_month, 1), 2)
    return date(year, start_month, 1), month_end(last.year, last.month)


def season(ctx: Ctx) -> Hit | None:
    """Seasons: last = latest ended before the anchor, next = first starting after it."""
    m = _SEASON_RE.match(ctx.text)
    if m is None:
        return None
    start_month, anchor = SEASONS[m["s"]], ctx.anchor
    mod, rule = direction(m["mod"]), "relative-season"
    if m["y"]:
        year, rule = int(m["y"]), "season"
        if not year_ok(year):
            return None
    elif mod == "last":
        year = anchor.year
        while season_span(start_month, year)[1] >= anchor:
            year -= 1
    elif mod == "next":
        year = anchor.year - 1
        while season_span(start_month, year)[0] <= anchor:
            year += 1
    elif mod == "this":
        winter_past = start_month == 12 and anchor.month <= 6
        year = anchor.year - 1 if winter_past else anchor.year
    else:
        year = anchor.year if date(anchor.year, start_month, 1) <= anchor else anchor.year - 1
        rule = "season"
    return Hit(*season_span(start_month, year), rule, SEASON)


def weekend(ctx: Ctx) -> Hit | None:
    """(this/the) weekend: latest Saturday on or before the anchor; last: the previous week's."""
    m = _WEEKEND_RE.match(ctx.text)
    if m is None:
        return None
    anchor, mod = ctx.anchor, direction(m["mod"])
    if mod == "last":
        saturday = anchor - timedelta(days=anchor.weekday() + 2)
    elif mod == "next":
        saturday = anchor + timedelta(days=(4 - anchor.weekday()) % 7 + 1)
    else:
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    return Hit(saturday, saturday + timedelta(days=1), "weekend", SPAN)


def relative(ctx: Ctx) -> Hit | None:
    """this/last/next week|month|year|decade|century as calendar units."""
    m = _RELATIVE_RE.match(ctx.text)
    if m is None or (m["mod"] in ("last", "next") and "the" in ctx.stripped):
        return None  # "the last week" is a rolling window
    unit = m["u"]
    steps = {"last": -1, "next": 1}.get(m["mod"], 0)
    return Hit(*bounds(shift(ctx.anchor, unit, steps), unit), f"relative-{unit}", unit)


def to_date(ctx: Ctx) -> Hit | None:
    """earlier this week|month|year (start .. anchor-1), later this ... (anchor+1 .. end)."""
    m = _TO_DATE_RE.match(ctx.text)
    if m is None:
        return None
    anchor, unit = ctx.anchor, m["u"]
    start, end = bounds(anchor, unit)
    if m["d"] == "earlier":
        return Hit(start, max(start, anchor - timedelta(days=1)), f"earlier-this-{unit}", SPAN)
    return Hit(min(end, anchor + timedelta(days=1)), end, f"later-this-{unit}", SPAN)


RULES: tuple[Rule, ...] = (
    day_relative,
    weekday,
    explicit_date,
    day_range,
    month,
    year_like,
    season,
    weekend,
    relative,
    to_date,
)
