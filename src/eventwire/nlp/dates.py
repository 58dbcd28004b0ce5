"""Resolve a date phrase (spaCy's DATE entity text) to a closed interval, given the anchor.

The anchor is the article's publication date; every rule follows news convention and is a pure
function of ``(phrase, anchor)``. Phrases that name no resolvable time ("five years", "decades",
"annual", "the first time") resolve to ``None``. The rules, by name (see :mod:`.date_rules`):

* ``day-relative``: today/tonight/this morning = anchor; yesterday/last night = anchor-1;
  tomorrow = anchor+1; overnight = anchor-1..anchor.
* ``weekday-past``: a bare weekday ("Thursday", "Monday night", "Thursday's") is the latest such
  day on or before the anchor. ``weekday-last`` ("last/past Monday"): the latest strictly before
  the anchor. ``weekday-next`` ("next/coming Monday"): the first strictly after it.
  ``weekday-this-week`` ("this Monday"): that day of the anchor's Monday-Sunday week.
* ``explicit-date``/``iso-date``/``numeric-date``: "March 3(rd)(, 2021)", "3 March 2021",
  "2021-03-03", "03/03/2021" (US m/d/y; a 2-digit year is 20yy unless that is over ten years
  after the anchor). A yearless month-day takes the anchor's year unless that puts it more than
  183 days after the anchor (then the year before). A weekday beside an explicit date is ignored.
  Impossible dates (Feb 30) give ``None``. ``day-range``: "March 3-5", "3 to 5 March 2021".
* ``month-name``: a month alone is the latest such month on or before the anchor's month;
  "last/past March" strictly before it, "next/this coming March" strictly after it, "this March"
  in the anchor's year. ``month-year``: "January 2019", "2019-01".
* ``year``/``decade``/``century``: "1987", "the 1990s", "the '90s", "the nineties" (2-digit
  decades take the latest century not after the anchor), "the 1800s" and "the 19th century" are
  centuries ("the 2000s" is the decade 2000-2009). Only years 1800-2199.
* ``relative-week|month|year|decade|century``: this/last/next as calendar units (Monday-Sunday
  weeks). ``earlier-this-<unit>``: unit start .. anchor-1 (just the start if the anchor is it);
  ``later-this-<unit>``: anchor+1 .. unit end. "earlier in the week" is the same.
* ``weekend``: "the/this weekend" = the latest Saturday on or before the anchor and the Sunday
  after it (on a Mon-Fri anchor, the weekend just gone; on Sat/Sun, the current one);
  "last/past weekend" = the weekend before the anchor's week; "next weekend" = the first Saturday
  after the anchor and its Sunday.
* ``season``/``relative-season``: meteorological northern seasons (spring Mar-May, summer
  Jun-Aug, fall/autumn Sep-Nov, winter Dec-Feb, named by the year its December falls in).
  "last summer" = the latest that ended before the anchor; "next summer" = the first that starts
  after it; "this summer" = the anchor's year ("this winter": the one starting in December of the
  anchor's year, or of the year before when the anchor is in January-June); a bare "summer" is the
  latest one starting on or before the anchor.
* ``<grain>-part``: early/mid/late (also "beginning/start/middle/end of", "first/second half of")
  of a month = days 1-10 / 10-20 / 21-end; of a year = Jan-Apr / May-Aug / Sep-Dec; of a week =
  Mon-Wed / Tue-Thu / Thu-Sun; of a season = its first / second / third month; of a decade =
  years 0-3 / 4-6 / 7-9; of a century = 0-32 / 33-66 / 67-99. A part of a day is the day.
  ``quarter``: "Q1 2020", "the third quarter of last year"; a bare quarter is the latest such
  quarter starting on or before the anchor.
* ``window-past``: the past/last week = anchor-7..anchor ("the last week" with "the" is rolling,
  "last week" without it is the calendar week); "the past two months" = anchor-2 months..anchor;
  vague counts ("recent days", "the past few days") span 7 days, 28 days for weeks, 90 days for
  months, 3 years for years. ``window-coming``: the same forwards from anchor+1 ("the coming
  weeks" = anchor+1..anchor+28, "within two weeks" = anchor+1..anchor+14).
* ``ago``: "N days/weeks/months/years ago" is the calendar unit containing anchor - N units
  (two weeks ago = that Monday-Sunday week; a year ago = the previous calendar year); "a few" =
  2-4, "several" = 3-7, "a couple" = 2; "days ago" with no count = anchor-7..anchor-2 (weeks 2-6,
  months 2-11, years 2-10). ``from-now``: "in two weeks", "two weeks from now" is the mirror image.
* ``range``: "March 3 to April 5", "2019-2021", "between 1990 and 1995", "1939-45": the union of
  both ends, a yearless right end is moved a year on when it would precede the left end, and a
  yearless left end takes its year from the right end.

Input is case-insensitive; leading "on/in/since/by/until/the/during/over/about/..." words, trailing
punctuation, abbreviation dots ("Sept.") and a possessive "'s" are ignored. "since 2019" resolves
to 2019 itself (the phrase's time, not the span up to the anchor).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from types import MappingProxyType
from typing import NamedTuple

from eventwire.nlp.date_rules import (
    CENTURY,
    DAY,
    DECADE,
    MONTH,
    NUMBERS,
    RULES,
    SEASON,
    SPAN,
    WEEK,
    YEAR,
    Ctx,
    Hit,
    add_months,
    bounds,
    month_end,
    shift,
)
from eventwire.records import DateInterval

__all__ = ("resolve_date", "resolve_date_with_rule")

MAX_PHRASE_CHARS = 80
_F = re.ASCII
_TRANSLATE = MappingProxyType(
    str.maketrans(
        {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", ",": " "}
        | dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-")
    )
)
_ABBREVIATION_DOT_RE = re.compile(r"(?<=[a-z])\.", _F)
_DECADE_POSSESSIVE_RE = re.compile(r"((?:\bthe\s+'?\d(?:\d\d)?|'\d)0)'s$", _F)
_TIME_SUFFIX_RE = re.compile(r"(?:'s|(?<=s)') time$", _F)
_POSSESSIVE_RE = re.compile(r"(?:'s|(?<=s)')$", _F)
_WORD_HYPHEN_RE = re.compile(r"(?<=[a-z])-(?=[a-z'])|(?<=\bmid)-|(?<=\bearly)-|(?<=\blate)-", _F)
_MID_RE = re.compile(r"\bmid(?=week|month|year)", _F)
_LEADING_RE = re.compile(
    r"^(as of|as early as|as late as|as recently as|as far back as|no later than|not until"
    r"|up until|on|in|at|since|by|until|till|through|throughout|during|from|for|of|over|around"
    r"|about|approximately|roughly|nearly|almost|circa|ca|sometime|between|within|the)\s+",
    _F,
)
_PART_RE = re.compile(
    r"^(?P<p>early|mid|late|beginning of|start of|middle of|end of|first half of"
    r"|second half of)\s+(?P<rest>.+)$",
    _F,
)
_PART_INDEX = MappingProxyType(
    {"early": 0, "beginning of": 0, "start of": 0, "mid": 1, "middle of": 1, "late": 2}
    | {"end of": 2, "first half of": 3, "second half of": 4}
)
# Offsets (early, mid, late, first half, second half): days for weeks and months, months for
# seasons and years, years for decades and centuries; ends are clipped to the unit.
_PART_OFFSETS = MappingProxyType(
    {
        WEEK: ((0, 2), (1, 3), (3, 6), (0, 3), (3, 6)),
        MONTH: ((0, 9), (9, 19), (20, 30), (0, 14), (15, 30)),
        SEASON: ((0, 0), (1, 1), (2, 2), (0, 1), (1, 2)),
        YEAR: ((0, 3), (4, 7), (8, 11), (0, 5), (6, 11)),
        DECADE: ((0, 3), (4, 6), (7, 9), (0, 4), (5, 9)),
        CENTURY: ((0, 32), (33, 66), (67, 99), (0, 49), (50, 99)),
    }
)
_BARE_UNITS = frozenset({"week", "month", "year", "decade", "century"})
_QUARTER_RE = re.compile(
    r"^(?:q(?P<n>[1-4])|(?P<w>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)"
    r"(?:\s+(?:of\s+)?(?P<rest>.+))?$",
    _F,
)
_QUARTER_WORDS = MappingProxyType(
    {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
)
_SEPARATOR_RE = re.compile(r"\s*(?:-|\b(?:to|through|thru|until|till|and)\b)\s*", _F)
_SHORT_YEAR_RE = re.compile(r"^\d{2}$", _F)
_HAS_YEAR_RE = re.compile(r"\d{4}", _F)
_SHIFTABLE_RULES = frozenset({"month-name", "explicit-date", "day-range", "month-part", "season"})


def resolve_date(phrase: str, anchor: date) -> DateInterval | None:
    """The closed interval a date phrase denotes, read against the publication date ``anchor``.

    ``None`` when the phrase names no resolvable time. Never raises on any string.
    """
    resolved = resolve_date_with_rule(phrase, anchor)
    return None if resolved is None else resolved[0]


def resolve_date_with_rule(phrase: str, anchor: date) -> tuple[DateInterval, str] | None:
    """Like :func:`resolve_date`, with the name of the rule that fired (e.g. ``weekday-past``)."""
    anchor = date(anchor.year, anchor.month, anchor.day)  # a datetime would not compare with date
    try:
        hit = _resolve(phrase, anchor)
    except (ValueError, OverflowError):  # calendar arithmetic beyond date.min/date.max
        return None
    if hit is None or hit.earliest > hit.latest:
        return None
    return DateInterval(hit.earliest, hit.latest, phrase=phrase), hit.rule


def _resolve(phrase: str, anchor: date) -> Hit | None:
    if len(phrase) > MAX_PHRASE_CHARS:
        return None
    text = _clean(phrase)
    if not text:
        return None
    return _resolve_single(text, anchor) or _resolve_range(text, anchor)


def _clean(phrase: str) -> str:
    """Lower-case, unify quotes and dashes, drop commas, abbreviation dots and possessives."""
    text = _ABBREVIATION_DOT_RE.sub(" ", phrase.lower().translate(_TRANSLATE))
    text = " ".join(text.split()).strip(' .;:!?"()[]{}')
    text = _DECADE_POSSESSIVE_RE.sub(r"\1s", text)
    text = _TIME_SUFFIX_RE.sub("", text)
    return _POSSESSIVE_RE.sub("", text).strip()


def _strip_leading(text: str) -> tuple[str, frozenset[str]]:
    stripped: set[str] = set()
    while m := _LEADING_RE.match(text):
        stripped.add(m[1])
        text = text[m.end() :]
    return text, frozenset(stripped)


def _resolve_single(text: str, anchor: date) -> Hit | None:
    """One date expression (no range), through the part, quarter and base rules in order."""
    text = _MID_RE.sub("mid ", _WORD_HYPHEN_RE.sub(" ", text))
    body, stripped = _strip_leading(" ".join(text.split()))
    if not body:
        return None
    ctx = Ctx(body, anchor, stripped)
    for rule in (_part, _quarter, *RULES, _rolling, _ago, _from_now):
        hit = rule(ctx)
        if hit is not None:
            return hit
    return None


def _resolve_rest(text: str, anchor: date) -> Hit | None:
    """The unit a part or quarter applies to: "the year" alone means this year."""
    body, _ = _strip_leading(text)
    return _resolve_single(f"this {body}" if body in _BARE_UNITS else body, anchor)


def _part(ctx: Ctx) -> Hit | None:
    """early/mid/late/end of/first half of ... applied to the unit that follows."""
    m = _PART_RE.match(ctx.text)
    if m is None:
        return None
    base = _resolve_rest(m["rest"], ctx.anchor)
    if base is None or base.grain == DAY:
        return base
    if base.grain not in _PART_OFFSETS:
        return None
    low, high = _PART_OFFSETS[base.grain][_PART_INDEX[m["p"]]]
    start, end = base.earliest, base.latest
    if base.grain in (WEEK, MONTH):
        first, last = start + timedelta(days=low), min(end, start + timedelta(days=high))
    elif base.grain in (SEASON, YEAR):
        first, last_month = add_months(start, low), add_months(start, high)
        last = month_end(last_month.year, last_month.month)
    else:
        first, last = date(start.year + low, 1, 1), date(start.year + high, 12, 31)
    return Hit(first, last, f"{base.grain}-part", SPAN)


def _quarter(ctx: Ctx) -> Hit | None:
    m = _QUARTER_RE.match(ctx.text)
    if m is None:
        return None
    quarter, anchor = int(m["n"]) if m["n"] else _QUARTER_WORDS[m["w"]], ctx.anchor
    first_month = 3 * quarter - 2
    if m["rest"]:
        base = _resolve_rest(m["rest"], anchor)
        if base is None or base.grain != YEAR:
            return None
        year = base.earliest.year
    else:
        year = anchor.year if date(anchor.year, first_month, 1) <= anchor else anchor.year - 1
    return Hit(date(year, first_month, 1), month_end(year, first_month + 2), "quarter", SPAN)


def _resolve_range(text: str, anchor: date) -> Hit | None:
    """ "X to Y", "X - Y", "between X and Y", "from X through Y": the union of both ends."""
    body, stripped = _strip_leading(text)
    for sep in _SEPARATOR_RE.finditer(body):
        left_text, right_text = body[: sep.start()], body[sep.end() :]
        if (
            not left_text
            or not right_text
            or (sep[0].strip() == "and" and "between" not in stripped)
        ):
            continue
        right = _resolve_single(right_text, anchor)
        right_has_year = bool(_HAS_YEAR_RE.search(right_text))
        left_anchor = (
            right.latest
            if right and right_has_year and not _HAS_YEAR_RE.search(left_text)
            else anchor
        )
        left = _resolve_single(left_text, left_anchor)
        if left is None:
            continue
        if _SHORT_YEAR_RE.match(right_text) and left.grain == YEAR:
            year = left.earliest.year // 100 * 100 + int(right_text)
            right = (
                Hit(date(year, 1, 1), date(year, 12, 31), "year", YEAR)
                if year > left.earliest.year
                else None
            )
        if right is None:
            continue
        latest = right.latest
        if latest < left.earliest and not right_has_year and right.rule in _SHIFTABLE_RULES:
            latest = add_months(latest, 12)
            if right.grain == MONTH:
                latest = month_end(latest.year, latest.month)
        if left.earliest <= latest:
            return Hit(left.earliest, latest, "range", SPAN)
    return None


# --- counted and vague spans: windows, "ago", "from now" ----------------------------------


class Qty(NamedTuple):
    """A count of units: exact (``lo == hi``) or a vague range such as "a few"."""

    lo: int
    hi: int
    fuzzy: bool = False


_VAGUE_QTY = MappingProxyType(
    dict.fromkeys(("few", "a few"), Qty(2, 4, True))
    | {"several": Qty(3, 7, True), "couple": Qty(2, 2), "a couple": Qty(2, 2)}
)
# "days ago" with no count is 2-7 days back; "weeks ago" 2-6 weeks back, and so on.
_BARE_AGO = MappingProxyType(
    {"hour": Qty(1, 23), "day": Qty(2, 7), "week": Qty(2, 6)}
    | {"month": Qty(2, 11), "year": Qty(2, 10), "decade": Qty(2, 5)}
)
# How far a vague window reaches ("recent days", "the coming weeks", "the past few months").
_VAGUE_SPAN = MappingProxyType(
    {"hour": (DAY, 1), "day": (DAY, 7), "week": (DAY, 28)}
    | {"month": (DAY, 90), "year": (YEAR, 3), "decade": (YEAR, 30)}
)
_UNIT = r"(?P<u>hour|day|week|month|year|decade)"
_QTY = r"(?P<q>[a-z0-9 ]+?)"
_WINDOW_RE = re.compile(
    rf"^(?:this\s+)?(?P<dir>past|last|recent|next|coming|upcoming)\s+(?:{_QTY}\s+)?{_UNIT}(?P<pl>s)?$",
    _F,
)
_AHEAD_RE = re.compile(rf"^{_UNIT}s\s+(?:ahead|to come)$", _F)
_AGO_RE = re.compile(rf"^(?:{_QTY}\s+)?{_UNIT}(?P<pl>s)?\s+(?:ago|back)$", _F)
_FROM_NOW_RE = re.compile(rf"^{_QTY}\s+{_UNIT}s?(?P<now>\s+from\s+now|\s+hence)?$", _F)
_DIGITS_RE = re.compile(r"^\d{1,4}$", _F)


def _parse_qty(text: str) -> Qty | None:
    """ "3", "three", "twenty five", "a", "a dozen", "a few", "a couple of" -> a :class:`Qty`."""
    text = text.removesuffix(" of")
    if text in _VAGUE_QTY:
        return _VAGUE_QTY[text]
    if _DIGITS_RE.match(text):
        return Qty(int(text), int(text))
    words = text.split()
    if words and words[0] in ("a", "an"):
        words[0] = "one"
    total = 0
    for word in words:
        if word in NUMBERS:
            total += NUMBERS[word]
        elif word in ("dozen", "hundred"):
            total = max(total, 1) * (12 if word == "dozen" else 100)
        else:
            return None
    return Qty(total, total) if words else None


def _offset_interval(anchor: date, unit: str, qty: Qty, sign: int) -> Hit:
    """The calendar units ``qty`` units before (``sign=-1``) or after (``+1``) the anchor."""
    rule = "ago" if sign < 0 else "from-now"
    if unit == "hour":
        near, far = qty.lo // 24, -(-qty.hi // 24)
        ends = (anchor - timedelta(days=far), anchor - timedelta(days=near))
        if sign > 0:
            ends = (anchor + timedelta(days=near), anchor + timedelta(days=far))
        return Hit(*ends, rule, SPAN)
    grain, mult = (YEAR, 10) if unit == DECADE else (unit, 1)
    near_day = shift(anchor, grain, sign * qty.lo * mult)
    far_day = shift(anchor, grain, sign * qty.hi * mult)
    first, last = (far_day, near_day) if sign < 0 else (near_day, far_day)
    return Hit(
        bounds(first, grain)[0], bounds(last, grain)[1], rule, grain if qty.lo == qty.hi else SPAN
    )


def _window(anchor: date, unit: str, qty: Qty | None, back: bool) -> Hit:
    """``[anchor - n units, anchor]`` or ``[anchor + 1, anchor + n units]``; ``None`` = vague."""
    if qty is None or qty.fuzzy:
        step, n = _VAGUE_SPAN[unit]
    elif unit == "hour":
        step, n = DAY, max(1, -(-qty.hi // 24))
    else:
        step, n = unit, qty.hi
    if back:
        return Hit(shift(anchor, step, -n), anchor, "window-past", SPAN)
    start = anchor if unit == "hour" else anchor + timedelta(days=1)
    return Hit(start, shift(anchor, step, n), "window-coming", SPAN)


def _rolling(ctx: Ctx) -> Hit | None:
    """the past week, recent days, the last 24 hours, the coming weeks, the months ahead."""
    if m := _WINDOW_RE.match(ctx.text):
        qty = _parse_qty(m["q"]) if m["q"] else None
        if m["q"] and qty is None:
            return None
        if qty is None and not m["pl"]:
            qty = Qty(1, 1)
        return _window(ctx.anchor, m["u"], qty, m["dir"] in ("past", "last", "recent"))
    if m := _AHEAD_RE.match(ctx.text):
        return _window(ctx.anchor, m["u"], None, back=False)
    return None


def _ago(ctx: Ctx) -> Hit | None:
    """N days|weeks|months|years ago: the calendar unit N units back ("days ago" = 2-7 days)."""
    m = _AGO_RE.match(ctx.text)
    if m is None:
        return None
    bare = _BARE_AGO[m["u"]] if m["pl"] else Qty(1, 1)
    qty = _parse_qty(m["q"]) if m["q"] else bare
    return None if qty is None else _offset_interval(ctx.anchor, m["u"], qty, -1)


def _from_now(ctx: Ctx) -> Hit | None:
    """in N weeks / N weeks from now (mirror of "ago"); within N weeks (anchor+1 .. +N weeks)."""
    m = _FROM_NOW_RE.match(ctx.text)
    if m is None:
        return None
    within = "within" in ctx.stripped
    if not (m["now"] or within or "in" in ctx.stripped):
        return None  # a bare duration ("five years") is not a time
    qty = _parse_qty(m["q"])
    if qty is None:
        return None
    if within:
        return _window(ctx.anchor, m["u"], qty, back=False)
    return _offset_interval(ctx.anchor, m["u"], qty, +1)
