"""Read-only aggregate queries for analysts: dyad time series, the actor network, actors.

Compound actors and recipients are expanded to dyads here (USA+FRA -> CHN counts for USA->CHN
and FRA->CHN). A reciprocal event between several countries (the same countries on both sides,
"Armenia and Azerbaijan met") gives its cross pairs only, never X->X.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from functools import cache
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.store.analytics import search_where
from eventwire.store.analytics_models import (
    ActorProfile,
    ActorSummary,
    DyadSeries,
    EventSearch,
    Interval,
    Network,
    NetworkEdge,
    NetworkNode,
    Overview,
    Partner,
    SeriesPoint,
)
from eventwire.store.dyads import MUTUAL_SQL, dyads_cte
from eventwire.store.queries import counts

MAX_PERIODS = 5000
_NON_STATE = {
    "IGO": "Intergovernmental organisation",
    "NGO": "Non-governmental organisation",
    "IMG": "International militarised group",
    "MNC": "Multinational corporation",
    "---": "Unresolved",
}
# Period start of an event: the fixed SQL expression per interval (never user text).
_TRUNC: Mapping[Interval, str] = {
    "day": "date_trunc('day', date_earliest)::DATE",
    "week": "date_trunc('week', date_earliest)::DATE",
    "month": "date_trunc('month', date_earliest)::DATE",
    "year": "date_trunc('year', date_earliest)::DATE",
}


@cache
def country_name(code: str) -> str | None:
    """A readable name for a country or group code (``PRK`` -> ``North Korea``), if known."""
    import pycountry  # noqa: PLC0415 - loads its tables on first use only

    if code in _NON_STATE:
        return _NON_STATE[code]
    entry = pycountry.countries.get(alpha_3=code)
    if entry is None:
        return None
    return str(getattr(entry, "common_name", None) or entry.name)


def _step(day: date, interval: Interval) -> date:
    if interval == "day":
        return day + timedelta(days=1)
    if interval == "week":
        return day + timedelta(days=7)
    if interval == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date(day.year + 1, 1, 1)


def _truncate(day: date, interval: Interval) -> date:
    if interval == "day":
        return day
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return date(day.year, 1, 1)


def _periods(first: date, last: date, interval: Interval) -> Iterator[date]:
    day, count = _truncate(first, interval), 0
    while day <= last:
        count += 1
        if count > MAX_PERIODS:
            raise StoreError(
                f"the series would have more than {MAX_PERIODS} {interval}s; "
                "choose a longer interval or a shorter date range"
            )
        yield day
        day = _step(day, interval)


def dyad_series(
    con: duckdb.DuckDBPyConnection, search: EventSearch, *, interval: Interval = "month"
) -> DyadSeries:
    """Events from ``search.actor`` to ``search.recipient`` per period (dated events only).

    An event counts in the period of its earliest date. Periods without events are included
    (with zero counts) from the first to the last period, or across ``since``..``until``.
    """
    where, params = search_where(search)
    conditions = [where[len(" WHERE ") :]] if where else []
    conditions.append("date_earliest IS NOT NULL")
    if search.actor and search.recipient and search.actor.upper() == search.recipient.upper():
        conditions.append(f"NOT {MUTUAL_SQL}")
    where = " WHERE " + " AND ".join(conditions)
    rows = con.execute(
        f"SELECT {_TRUNC[interval]} AS period, count(*), "
        "count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2), "
        "count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4), "
        "avg(score), avg(goldstein), sum(score) "
        f"FROM events{where} GROUP BY period ORDER BY period",
        params,
    ).fetchall()
    by_period = {r[0]: r for r in rows}
    points: list[SeriesPoint] = []
    first = search.since or (rows[0][0] if rows else None)
    last = search.until or (rows[-1][0] if rows else None)
    if first is not None and last is not None:
        for period in _periods(first, last, interval):
            r = by_period.get(period)
            q = [int(x) for x in r[2:6]] if r is not None else [0, 0, 0, 0]
            points.append(
                SeriesPoint(
                    period=period,
                    events=int(r[1]) if r is not None else 0,
                    verbal_cooperation=q[0],
                    material_cooperation=q[1],
                    verbal_conflict=q[2],
                    material_conflict=q[3],
                    cooperation=q[0] + q[1],
                    conflict=q[2] + q[3],
                    mean_score=_round(r[6]) if r is not None else None,
                    mean_goldstein=_round(r[7]) if r is not None else None,
                )
            )
    events = sum(int(r[1]) for r in rows)
    scored = sum(float(r[8] or 0.0) for r in rows)
    return DyadSeries(
        actor=search.actor.upper() if search.actor else None,
        recipient=search.recipient.upper() if search.recipient else None,
        actor_name=country_name(search.actor.upper()) if search.actor else None,
        recipient_name=country_name(search.recipient.upper()) if search.recipient else None,
        interval=interval,
        events=events,
        mean_score=_round(scored / events) if events else None,
        points=tuple(points),
    )


def _round(value: Any) -> float | None:
    return None if value is None else round(float(value), 3)


def top_dyads(
    con: duckdb.DuckDBPyConnection, search: EventSearch, *, limit: int = 20
) -> tuple[tuple[str, str, int], ...]:
    """(actor, recipient, events) of the busiest dyads (:mod:`eventwire.store.dyads`)."""
    where, params = search_where(search)
    rows = con.execute(
        dyads_cte(where, "type") + "SELECT src, dst, count(*) AS n FROM dyads "
        "GROUP BY src, dst ORDER BY n DESC, src, dst LIMIT ?",
        [*params, limit],
    ).fetchall()
    return tuple((str(a), str(r), int(n)) for a, r, n in rows)


def network(
    con: duckdb.DuckDBPyConnection,
    search: EventSearch,
    *,
    focus: str | None = None,
    min_weight: int = 1,
    max_edges: int = 150,
) -> Network:
    """Directed, weighted actor -> recipient edges (:mod:`eventwire.store.dyads`; self-loops,
    domestic events, are left out of the drawing), heaviest first.

    ``focus`` keeps the edges touching one country (its ego network).
    """
    where, params = search_where(search)
    edge_filter = "src <> dst"
    edge_params: list[Any] = []
    if focus:
        edge_filter += " AND (src = ? OR dst = ?)"
        edge_params += [focus.upper(), focus.upper()]
    sql = dyads_cte(where, "type, quad_class, score") + (
        "SELECT src, dst, count(*) AS n, count(*) FILTER (WHERE quad_class IN (1, 2)), "
        "count(*) FILTER (WHERE quad_class IN (3, 4)), avg(score), histogram(type), "
        "count(*) OVER () AS total "
        f"FROM dyads WHERE {edge_filter} GROUP BY src, dst HAVING count(*) >= ? "
        "ORDER BY n DESC, src, dst LIMIT ?"
    )
    rows = con.execute(sql, [*params, *edge_params, min_weight, max_edges]).fetchall()
    edges = tuple(
        NetworkEdge(
            source=str(s),
            target=str(t),
            weight=int(n),
            cooperation=int(coop),
            conflict=int(conf),
            mean_score=_round(mean),
            types={str(k): int(v) for k, v in sorted((hist or {}).items())},
        )
        for s, t, n, coop, conf, mean, hist, _ in rows
    )
    out_w: dict[str, int] = {}
    in_w: dict[str, int] = {}
    for edge in edges:
        out_w[edge.source] = out_w.get(edge.source, 0) + edge.weight
        in_w[edge.target] = in_w.get(edge.target, 0) + edge.weight
    codes = sorted(set(out_w) | set(in_w), key=lambda c: (-(out_w.get(c, 0) + in_w.get(c, 0)), c))
    nodes = tuple(
        NetworkNode(
            code=c,
            name=country_name(c),
            out_weight=out_w.get(c, 0),
            in_weight=in_w.get(c, 0),
            weight=out_w.get(c, 0) + in_w.get(c, 0),
        )
        for c in codes
    )
    return Network(nodes=nodes, edges=edges, total_edges=int(rows[0][7]) if rows else 0)


def actors(con: duckdb.DuckDBPyConnection, search: EventSearch) -> tuple[ActorSummary, ...]:
    """Every country or group code with its events as actor and as recipient, busiest first."""
    where, params = search_where(search)
    rows = con.execute(
        "SELECT code, count(*) FILTER (WHERE side = 'a'), count(*) FILTER (WHERE side = 'r') "
        f"FROM (SELECT unnest(actor_countries) AS code, 'a' AS side FROM events{where} "
        f"UNION ALL SELECT unnest(recipient_countries) AS code, 'r' AS side FROM events{where}) "
        "GROUP BY code ORDER BY count(*) DESC, code",
        [*params, *params],
    ).fetchall()
    return tuple(
        ActorSummary(
            code=str(c),
            name=country_name(str(c)),
            as_actor=int(a),
            as_recipient=int(r),
            events=int(a) + int(r),
        )
        for c, a, r in rows
    )


def _partners(con: duckdb.DuckDBPyConnection, code: str, *, outgoing: bool) -> tuple[Partner, ...]:
    mine, other = ("src", "dst") if outgoing else ("dst", "src")
    where = (
        " WHERE list_contains(actor_countries, ?)"
        if outgoing
        else " WHERE list_contains(recipient_countries, ?)"
    )
    rows = con.execute(
        dyads_cte(where, "score")
        + f"SELECT {other}, count(*) AS n, avg(score) FROM dyads WHERE {mine} = ? AND src <> dst "
        f"GROUP BY {other} ORDER BY n DESC, {other} LIMIT 10",
        [code, code],
    ).fetchall()
    return tuple(
        Partner(code=str(c), name=country_name(str(c)), events=int(n), mean_score=_round(m))
        for c, n, m in rows
    )


def actor_profile(con: duckdb.DuckDBPyConnection, code: str) -> ActorProfile | None:
    """One country or group: totals, event types on each side, main partners, mention texts."""
    code = code.upper()
    row = con.execute(
        "SELECT count(*) FILTER (WHERE list_contains(actor_countries, ?)), "
        "count(*) FILTER (WHERE list_contains(recipient_countries, ?)), "
        "min(date_earliest), max(date_latest) FROM events "
        "WHERE list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?)",
        [code] * 4,
    ).fetchone()
    if row is None or (row[0] == 0 and row[1] == 0):
        return None

    def type_counts(column: str) -> dict[str, int]:
        got = con.execute(
            f"SELECT type, count(*) FROM events WHERE list_contains({column}, ?) "
            "GROUP BY type ORDER BY count(*) DESC, type",
            [code],
        ).fetchall()
        return {str(t): int(n) for t, n in got}

    mentions = con.execute(
        "SELECT m.text, count(*) AS n FROM ("
        "  SELECT unnest(actors || recipients) AS m FROM events"
        "  WHERE list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?)"
        ") WHERE m.country = ? GROUP BY m.text ORDER BY n DESC, m.text LIMIT 12",
        [code, code, code],
    ).fetchall()
    as_actor, as_recipient = int(row[0]), int(row[1])
    return ActorProfile(
        summary=ActorSummary(
            code=code,
            name=country_name(code),
            as_actor=as_actor,
            as_recipient=as_recipient,
            events=as_actor + as_recipient,
        ),
        first_date=row[2],
        last_date=row[3],
        types_as_actor=type_counts("actor_countries"),
        types_as_recipient=type_counts("recipient_countries"),
        targets=_partners(con, code, outgoing=True),
        sources=_partners(con, code, outgoing=False),
        mentions={str(t): int(n) for t, n in mentions},
    )


def overview(con: duckdb.DuckDBPyConnection) -> Overview:
    span = con.execute("SELECT min(date_earliest), max(date_latest) FROM events").fetchone()
    modes: dict[str, dict[str, int]] = {}
    types: dict[str, int] = {}
    for t, m, n in con.execute(
        "SELECT type, mode, count(*) FROM events GROUP BY ALL ORDER BY type, mode NULLS FIRST"
    ).fetchall():
        types[str(t)] = types.get(str(t), 0) + int(n)
        if m is not None:
            modes.setdefault(str(t), {})[str(m)] = int(n)
    modalities = con.execute(
        "SELECT modality, count(*) FROM events GROUP BY modality ORDER BY count(*) DESC, modality"
    ).fetchall()
    sectors = con.execute(  # from the mentions: small, and every resolved actor is one
        "SELECT DISTINCT s FROM (SELECT unnest(sectors) AS s FROM actor_mentions) "
        "WHERE s IS NOT NULL ORDER BY s"
    ).fetchall()
    return Overview(
        counts=counts(con),
        first_date=span[0] if span else None,
        last_date=span[1] if span else None,
        types=dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        modes=modes,
        modalities={str(m): int(n) for m, n in modalities},
        sectors=tuple(str(s[0]) for s in sectors),
    )
