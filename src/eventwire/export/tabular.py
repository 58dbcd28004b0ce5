"""Parquet (nested lists and structs kept) and CSV (lists joined) exports, written by DuckDB."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

# Article fields every export row carries.
ARTICLE_FIELDS = (
    "a.url AS article_url, a.title AS article_title, a.source AS article_source, "
    "a.published AS article_published, a.agency AS article_agency"
)
_EVENT_COLUMNS = (
    "e.event_id, e.article_id, e.date_earliest, e.date_latest, e.date_phrase, e.type, e.mode, "
    "e.cameo, e.score, e.goldstein, e.quad_class, e.modality, e.confidence"
)
_TAIL_COLUMNS = (
    "e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_index, e.sentence_start, "
    "e.sentence_end, e.sentence_text, e.quote_text, e.quote_speaker, e.location_name, "
    "e.location_country, e.lexicon_entry, e.rule, e.modality_cue, e.date_rule, e.mentions, "
    "e.coder_version, e.lexicon_version, e.run_id, e.location_lat, e.location_lon, e.story_id, "
    "coalesce(s.articles, 1) AS story_articles, coalesce(s.sources, 1) AS story_sources"
)


def from_events(where: str, extra_joins: str = "") -> str:
    """The FROM clause: the events ``where`` selects (its columns are the events table's alone,
    as in :func:`eventwire.store.analytics.search_where`), with their article and story."""
    return (
        f" FROM (SELECT * FROM events{where}) e LEFT JOIN articles a USING (article_id) "
        f"LEFT JOIN stories s ON s.story_id = e.story_id{extra_joins}"
    )


PARQUET_SELECT = (
    f"SELECT {_EVENT_COLUMNS}, e.contexts, e.actor_countries, e.recipient_countries, "
    f"e.actors, e.recipients, e.actor_evidence, {_TAIL_COLUMNS}, {ARTICLE_FIELDS}"
)


def _joined(column: str, sep: str = ";") -> str:
    return f"array_to_string({column}, '{sep}')"


def _entity_list(column: str, prefix: str) -> str:
    code = "coalesce(x.country, '---') || coalesce(x.sectors[1], '')"
    return (
        f"array_to_string(list_transform(e.{column}, lambda x: x.text), ';') AS {prefix}_texts, "
        f"array_to_string(list_transform(e.{column}, lambda x: {code}), ';') AS {prefix}_codes"
    )


CSV_SELECT = (
    f"SELECT {_EVENT_COLUMNS}, {_joined('e.contexts')} AS contexts, "
    f"{_joined('e.actor_countries')} AS actor_countries, "
    f"{_joined('e.recipient_countries')} AS recipient_countries, "
    f"{_entity_list('actors', 'actor')}, {_entity_list('recipients', 'recipient')}, "
    f"{_joined('e.actor_evidence', ' | ')} AS actor_evidence, {_TAIL_COLUMNS}, {ARTICLE_FIELDS}"
)


def write_parquet(
    con: duckdb.DuckDBPyConnection, output: Path, where: str, params: list[Any]
) -> None:
    sql = PARQUET_SELECT + from_events(where)
    con.sql(sql, params=params).write_parquet(str(output), compression="zstd")


def write_csv(con: duckdb.DuckDBPyConnection, output: Path, where: str, params: list[Any]) -> None:
    con.sql(CSV_SELECT + from_events(where), params=params).write_csv(str(output), header=True)


def count_rows(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> int:
    rows = con.execute("SELECT count(*) FROM events e" + where, params).fetchall()
    return int(rows[0][0]) if rows else 0
