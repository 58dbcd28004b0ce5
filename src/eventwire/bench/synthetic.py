"""A synthetic event store for benchmarks: N events written straight into DuckDB with SQL.

Nothing here runs the coder. :func:`generate_store` fills a new store with ``n`` events in a
handful of ``INSERT ... SELECT`` statements over ``range(n)``; every value is a deterministic
function of the row number (DuckDB's ``hash``), so a given ``n`` always gives the same store.

What the data looks like (chosen to resemble a real event data set, not to be realistic):

- 40 country codes (IGO included) with a skewed, Zipf-like frequency: ``USA`` is in ~19% of
  events, the last countries in well under 1%; the recipient always differs from the actor;
- 16 PLOVER types, uniform, with their CAMEO root code, PLOVER score and quad class;
- 5% compound actors (two countries), sectors GOV (most), MIL, or none;
- modality: 84% asserted, 10% reported, 3% negated, 3% future;
- dates spread evenly over 2015-01-01 .. 2024-12-31 in row order (like a feed ingested over
  time), one day per event;
- five events per article; each event has a one-line sentence ("France accused Russia.") with
  correct trigger and actor spans, and the article text is its five sentences, so event detail
  and highlighting work on synthetic events too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from eventwire.errors import StoreError
from eventwire.store import open_store

SYNTHETIC_COMMAND = "bench-api synthetic"
FIRST_DAY = "2015-01-01"
DAYS = 3653  # 2015-01-01 .. 2024-12-31
EVENTS_PER_ARTICLE = 5

COUNTRIES: tuple[tuple[str, str], ...] = (
    ("USA", "the United States"), ("CHN", "China"), ("RUS", "Russia"), ("UKR", "Ukraine"),
    ("IRN", "Iran"), ("ISR", "Israel"), ("PSE", "Palestine"), ("GBR", "Britain"),
    ("FRA", "France"), ("DEU", "Germany"), ("JPN", "Japan"), ("KOR", "South Korea"),
    ("PRK", "North Korea"), ("IND", "India"), ("PAK", "Pakistan"), ("AFG", "Afghanistan"),
    ("IRQ", "Iraq"), ("SYR", "Syria"), ("TUR", "Turkey"), ("SAU", "Saudi Arabia"),
    ("EGY", "Egypt"), ("NGA", "Nigeria"), ("ZAF", "South Africa"), ("BRA", "Brazil"),
    ("MEX", "Mexico"), ("CAN", "Canada"), ("AUS", "Australia"), ("IDN", "Indonesia"),
    ("PHL", "the Philippines"), ("VNM", "Vietnam"), ("TWN", "Taiwan"), ("ARM", "Armenia"),
    ("AZE", "Azerbaijan"), ("ETH", "Ethiopia"), ("SDN", "Sudan"), ("LBY", "Libya"),
    ("VEN", "Venezuela"), ("COL", "Colombia"), ("POL", "Poland"), ("IGO", "the United Nations"),
)  # fmt: skip
# (PLOVER type, CAMEO code, score, quad class, verb phrase in the past and in the base form;
# the first word of the phrase is the trigger)
TYPES: tuple[tuple[str, str, float, int, str, str], ...] = (
    ("AGREE", "030", 4.0, 1, "agreed to work with", "agree to work with"),
    ("CONSULT", "040", 1.0, 1, "met", "meet"),
    ("SUPPORT", "051", 3.5, 1, "praised", "praise"),
    ("CONCEDE", "080", 5.0, 1, "yielded to", "yield to"),
    ("COOPERATE", "060", 6.0, 2, "cooperated with", "cooperate with"),
    ("AID", "070", 7.0, 2, "aided", "aid"),
    ("RETREAT", "087", 5.0, 2, "withdrew from", "withdraw from"),
    ("REQUEST", "020", 3.0, 3, "urged", "urge"),
    ("ACCUSE", "112", -2.0, 3, "accused", "accuse"),
    ("REJECT", "120", -4.0, 3, "rejected", "reject"),
    ("THREATEN", "130", -6.0, 3, "threatened", "threaten"),
    ("SANCTION", "163", -4.0, 3, "sanctioned", "sanction"),
    ("PROTEST", "141", -6.5, 4, "protested against", "protest against"),
    ("MOBILIZE", "150", -7.2, 4, "mobilized against", "mobilize against"),
    ("COERCE", "173", -7.0, 4, "arrested envoys of", "arrest envoys of"),
    ("ASSAULT", "190", -9.0, 4, "attacked", "attack"),
)


@dataclass(frozen=True, slots=True)
class SyntheticStore:
    path: Path
    events: int
    seconds: float
    reused: bool


def _literal(text: str) -> str:
    """A SQL string literal of one of this module's constants (never of user input)."""
    return "'" + text.replace("'", "''") + "'"


def _constants_sql() -> str:
    countries = ", ".join(f"{{'code': {_literal(c)}, 'name': {_literal(n)}}}" for c, n in COUNTRIES)
    types = ", ".join(
        f"{{'type': {_literal(t)}, 'cameo': {_literal(c)}, 'score': {s}, 'quad': {q}, "
        f"'past': {_literal(v)}, 'base': {_literal(b)}}}"
        for t, c, s, q, v, b in TYPES
    )
    return f"SELECT [{countries}] AS countries, [{types}] AS types"


# Uniform in [0, 1) from the row number i and a salt k.
_U = "((hash(i * 1000003 + {k}) % 1000000007) / 1000000007.0)"


def _u(k: int) -> str:
    return _U.format(k=k)


_N = len(COUNTRIES)
_EVENTS_SQL = f"""
INSERT INTO events (event_id, article_id, run_id, type, mode, contexts, cameo, score, goldstein,
    quad_class, actors, recipients, actor_countries, recipient_countries, date_earliest,
    date_latest, date_phrase, modality, trigger_text, trigger_start, trigger_end, sentence_index,
    sentence_start, sentence_end, sentence_text, confidence, lexicon_entry, rule,
    actor_evidence, coder_version, lexicon_version, mentions)
WITH k AS ({{constants}}),
draw AS (
    SELECT i,
        1 + floor({_N} * pow({_u(1)}, 2.2))::INT AS ai,
        1 + floor({_N} * pow({_u(2)}, 2.2))::INT AS ri0,
        1 + floor({_N} * pow({_u(3)}, 2.2))::INT AS bi,
        1 + floor(16 * {_u(4)})::INT AS ti,
        {_u(5)} AS um, {_u(6)} AS us, {_u(7)} AS uc
    FROM range(?) r(i)
), drawn AS (
    SELECT *, CASE WHEN ri0 = ai THEN ai % {_N} + 1 ELSE ri0 END AS ri FROM draw
), picked AS (
    SELECT i, k.countries[ai] AS a, k.countries[ri] AS r,
        CASE WHEN uc < 0.05 AND bi <> ai AND bi <> ri THEN k.countries[bi] END AS b,
        k.types[ti] AS t,
        CASE WHEN um < 0.84 THEN 'asserted' WHEN um < 0.94 THEN 'reported'
             WHEN um < 0.97 THEN 'negated' ELSE 'future' END AS modality,
        CASE WHEN us < 0.7 THEN ['GOV'] WHEN us < 0.85 THEN ['MIL'] ELSE [] END AS sectors
    FROM drawn, k
), texts AS (
    SELECT *,
        CASE WHEN b IS NULL THEN a.name ELSE a.name || ' and ' || b.name END AS actor_text,
        CASE modality WHEN 'negated' THEN 'did not ' WHEN 'future' THEN 'will ' ELSE '' END
            AS aux,
        CASE WHEN modality IN ('negated', 'future') THEN t.base ELSE t.past END AS verb
    FROM picked
), sentences AS (
    SELECT *,
        upper(actor_text[1]) || actor_text[2:] || ' ' || aux || verb || ' ' || r.name
            || CASE modality WHEN 'reported' THEN ', officials said.' ELSE '.' END AS sentence,
        length(actor_text) + 1 + length(aux) AS trig_at
    FROM texts
), placed AS (
    SELECT *, coalesce(sum(length(sentence) + 1) OVER (
            PARTITION BY i // {EVENTS_PER_ARTICLE} ORDER BY i
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::INT AS pos
    FROM sentences
)
SELECT printf('%020x', i), printf('%020x', i // {EVENTS_PER_ARTICLE}), ?, t.type, NULL, [],
    t.cameo, t.score, t.score, t.quad,
    list_filter([
        {{'text': CASE WHEN b IS NULL THEN upper(actor_text[1]) || actor_text[2:]
                  ELSE upper(a.name[1]) || a.name[2:] END,
         'country': a.code, 'sectors': sectors, 'name': NULL, 'role': NULL,
         'start_char': pos, 'end_char': pos + length(CASE WHEN b IS NULL THEN actor_text
                                                   ELSE a.name END),
         'evidence': 'synthetic', 'confidence': 1.0}},
        CASE WHEN b IS NOT NULL THEN
        {{'text': b.name, 'country': b.code, 'sectors': sectors, 'name': NULL, 'role': NULL,
         'start_char': pos + length(a.name) + 5, 'end_char': pos + length(a.name) + 5
                                                           + length(b.name),
         'evidence': 'synthetic', 'confidence': 1.0}} END], lambda x: x IS NOT NULL),
    [{{'text': r.name, 'country': r.code, 'sectors': ['GOV'], 'name': NULL, 'role': NULL,
      'start_char': pos + trig_at + length(verb) + 1,
      'end_char': pos + trig_at + length(verb) + 1 + length(r.name),
      'evidence': 'synthetic', 'confidence': 1.0}}],
    CASE WHEN b IS NULL THEN [a.code] ELSE [a.code, b.code] END, [r.code],
    DATE '{FIRST_DAY}' + (i * {DAYS} // ?)::INT, DATE '{FIRST_DAY}' + (i * {DAYS} // ?)::INT,
    NULL, modality, split_part(verb, ' ', 1), pos + trig_at,
    pos + trig_at + length(split_part(verb, ' ', 1)), (i % {EVENTS_PER_ARTICLE})::INT, pos,
    pos + length(sentence), sentence, 0.9, 'synthetic', 'synthetic', [], 'synthetic',
    'synthetic', 1
FROM placed
ORDER BY i
"""
_ARTICLES_SQL = """
INSERT INTO articles (article_id, source, title, published, language, text, body_offset, run_id,
    coder_version, ingested_at)
SELECT article_id, 'synthetic/' || article_id || '.txt',
    'Synthetic article ' || article_id, min(date_earliest), 'en',
    string_agg(sentence_text, ' ' ORDER BY sentence_index), 0, ?, 'synthetic', now()::TIMESTAMP
FROM events GROUP BY article_id
"""


def is_synthetic(path: Path) -> int | None:
    """The event count of a synthetic store at ``path``, or ``None`` if it is not one."""
    with open_store(path, read_only=True) as store:
        runs = store.runs()
        counts = store.counts()
    if len(runs) == 1 and runs[0].command.startswith(SYNTHETIC_COMMAND):
        return counts["events"]
    return None


def generate_store(path: Path, n: int) -> SyntheticStore:
    """Create ``path`` holding ``n`` synthetic events; reuse it if it already holds them.

    Raises:
        StoreError: ``path`` exists and is not a synthetic store of ``n`` events (eventwire
            never overwrites a real store with benchmark data).
    """
    if n < 1:
        raise StoreError(f"the benchmark needs at least one event (got {n})")
    started = time.perf_counter()
    if path.exists():
        found = is_synthetic(path)
        if found == n:
            return SyntheticStore(path, n, time.perf_counter() - started, reused=True)
        raise StoreError(
            f"{path} exists and is not a synthetic store of {n} events; "
            "give --db a new file name (the benchmark never overwrites a store)"
        )
    with open_store(path) as store:
        run_id = store.start_run(
            command=f"{SYNTHETIC_COMMAND} {n}",
            coder_version="synthetic",
            lexicon_version="synthetic",
        )
    con = duckdb.connect(str(path))
    try:
        con.execute("SET preserve_insertion_order = true")
        con.execute(_EVENTS_SQL.replace("{constants}", _constants_sql()), [n, run_id, n, n])
        con.execute(_ARTICLES_SQL, [run_id])
        articles = -(-n // EVENTS_PER_ARTICLE)
        con.execute(
            "UPDATE runs SET finished_at = now()::TIMESTAMP, articles_in = ?, "
            "articles_coded = ?, failures = 0, events = ?, status = 'done' WHERE run_id = ?",
            [articles, articles, n, run_id],
        )
        con.execute("CHECKPOINT")
    except duckdb.Error as e:
        con.close()
        path.unlink(missing_ok=True)
        raise StoreError(f"generating the synthetic store {path} failed: {e}") from e
    con.close()
    return SyntheticStore(path, n, time.perf_counter() - started, reused=False)
