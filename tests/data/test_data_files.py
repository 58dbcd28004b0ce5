"""Validate the actor knowledge TSV files shipped in eventwire/data."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pycountry
import pytest

VERSION = "2026.11.4"

SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "REB",
        "OPP",
        "PTY",
        "BUS",
        "JRN",
        "CVL",
        "EDU",
        "MED",
        "LAB",
        "REF",
        "REL",
        "CRM",
        "ELI",
        "SPY",
        "HLH",
        "AGR",
        "UAF",
    }
)
SPECIAL_CODES = frozenset({"IGO", "NGO", "IMG", "XKX"})
ISO_CODES = frozenset(c.alpha_3 for c in pycountry.countries)

# pycountry entries that are not UN member states: dependencies, special administrative
# regions, uninhabited territories, and the observer or disputed states.
NOT_UN_MEMBERS = frozenset(
    {
        "ABW",
        "AIA",
        "ALA",
        "ASM",
        "ATA",
        "ATF",
        "BES",
        "BLM",
        "BMU",
        "BVT",
        "CCK",
        "COK",
        "CUW",
        "CXR",
        "CYM",
        "ESH",
        "FLK",
        "FRO",
        "GGY",
        "GIB",
        "GLP",
        "GRL",
        "GUF",
        "GUM",
        "HKG",
        "HMD",
        "IMN",
        "IOT",
        "JEY",
        "MAC",
        "MAF",
        "MNP",
        "MSR",
        "MTQ",
        "MYT",
        "NCL",
        "NFK",
        "NIU",
        "PCN",
        "PRI",
        "PSE",
        "PYF",
        "REU",
        "SGS",
        "SHN",
        "SJM",
        "SPM",
        "SXM",
        "TCA",
        "TKL",
        "TWN",
        "UMI",
        "VAT",
        "VGB",
        "VIR",
        "WLF",
    }
)
# Members whose only English demonym is shared with a larger state and is coded there
# (Congolese -> COD, Dominican -> DOM); see the comment block of countries.tsv.
SHARED_DEMONYM = frozenset({"COG", "DMA"})
# Commonly reported non-members that must still be resolvable by name.
REPORTED_NON_MEMBERS = ("TWN", "PSE", "XKX", "HKG", "ESH", "PRI", "VAT", "MAC")


@dataclass(frozen=True)
class Spec:
    columns: tuple[str, ...]
    kinds: frozenset[str]
    key: str  # the phrase column that must not map to conflicting values
    code: str | None  # the code column, if any
    sector_required: bool


def _kinds(*base: str) -> frozenset[str]:
    return frozenset(base) | frozenset(f"{k}-ambiguous" for k in base)


SPECS = {
    "countries.tsv": Spec(
        ("phrase", "code", "sector", "kind"),
        _kinds("country", "demonym", "capital", "city", "region"),
        "phrase",
        "code",
        False,
    ),
    "organisations.tsv": Spec(
        ("phrase", "code", "sector", "kind", "name"),
        _kinds("igo", "ngo", "group"),
        "phrase",
        "code",
        False,
    ),
    "institutions.tsv": Spec(
        ("phrase", "code", "sector", "kind"),
        _kinds("institution"),
        "phrase",
        "code",
        True,
    ),
    "agents.tsv": Spec(
        ("word", "sector", "kind"),
        frozenset({"title", "agent"}),
        "word",
        None,
        True,
    ),
    "people.tsv": Spec(
        ("name", "code", "sector", "role", "valid_from", "valid_until"),
        frozenset(),
        "name",
        "code",
        False,
    ),
}


@dataclass(frozen=True)
class Table:
    comments: tuple[str, ...]
    header: tuple[str, ...]
    rows: tuple[dict[str, str], ...]


@cache
def load(name: str) -> Table:
    text = (files("eventwire") / "data" / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    comments: list[str] = []
    index = 0
    while index < len(lines) and lines[index].startswith("#"):
        comments.append(lines[index])
        index += 1
    assert index < len(lines), f"{name}: no header row"
    header = tuple(lines[index].split("\t"))
    rows = []
    for number, line in enumerate(lines[index + 1 :], start=index + 2):
        assert line and not line.startswith("#"), f"{name}:{number}: blank or comment in body"
        cells = line.split("\t")
        assert len(cells) == len(header), f"{name}:{number}: {len(cells)} cells: {line!r}"
        for cell in cells:
            assert cell == cell.strip(), f"{name}:{number}: stray whitespace in {cell!r}"
        rows.append(dict(zip(header, cells, strict=True)))
    return Table(tuple(comments), header, tuple(rows))


def parse_date(value: str) -> dt.date:
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1)
    return dt.date.fromisoformat(value)


names = pytest.mark.parametrize("name", sorted(SPECS))


@names
def test_comment_block_header_and_version(name: str) -> None:
    table = load(name)
    assert table.comments, f"{name}: missing comment block"
    assert all(c.startswith("# ") or c == "#" for c in table.comments)
    assert f"# version: {VERSION}" in table.comments
    assert table.header == SPECS[name].columns
    assert table.rows, f"{name}: no data rows"


@names
def test_codes_are_known(name: str) -> None:
    column = SPECS[name].code
    if column is None:
        pytest.skip("file has no code column")
    bad = {r[column] for r in load(name).rows} - ISO_CODES - SPECIAL_CODES
    assert not bad, f"{name}: unknown codes {sorted(bad)}"


@names
def test_sectors_are_plover(name: str) -> None:
    spec = SPECS[name]
    allowed = SECTORS if spec.sector_required else SECTORS | {""}
    bad = {r["sector"] for r in load(name).rows} - allowed
    assert not bad, f"{name}: unknown sectors {sorted(bad)}"


@names
def test_kinds_are_known(name: str) -> None:
    spec = SPECS[name]
    if "kind" not in spec.columns:
        pytest.skip("file has no kind column")
    bad = {r["kind"] for r in load(name).rows} - spec.kinds
    assert not bad, f"{name}: unknown kinds {sorted(bad)}"


@names
def test_no_phrase_with_conflicting_values(name: str) -> None:
    spec = SPECS[name]
    # A person serves different states or organisations over a career (Shevardnadze:
    # RUS then GEO; Guterres: PRT then IGO), so a name legitimately carries several codes.
    if name == "people.tsv":
        pytest.skip("one row per post by design")
    value = spec.code or "sector"
    seen: dict[str, set[str]] = defaultdict(set)
    for row in load(name).rows:
        seen[row[spec.key].casefold()].add(row[value])
    conflicts = {k: v for k, v in seen.items() if len(v) > 1}
    assert not conflicts, f"{name}: phrases with conflicting {value}: {conflicts}"


@names
def test_no_exact_duplicate_rows(name: str) -> None:
    rows = [tuple(r.values()) for r in load(name).rows]
    assert len(rows) == len(set(rows))


# Capitals kept in agents.tsv: abbreviations and proper adjectives only.
AGENT_CAPITALS = frozenset({"MP", "MPs", "CEO", "IDPs", "Buddhist", "Muslim"})


def test_agents_are_lower_case_except_abbreviations() -> None:
    for row in load("agents.tsv").rows:
        for word in row["word"].split():
            assert word == word.lower() or word in AGENT_CAPITALS, row["word"]


def test_countries_sorted_by_code_then_phrase() -> None:
    rows = load("countries.tsv").rows
    keys = [(r["code"], r["phrase"].casefold()) for r in rows]
    assert keys == sorted(keys)


def test_capitals_are_gov_and_other_places_have_no_sector() -> None:
    for row in load("countries.tsv").rows:
        expected = "GOV" if row["kind"].startswith("capital") else ""
        assert row["sector"] == expected, row


def _kinds_by_code() -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in load("countries.tsv").rows:
        kinds[row["code"]].add(row["kind"].removesuffix("-ambiguous"))
    return kinds


def test_every_un_member_has_country_and_demonym_rows() -> None:
    members = ISO_CODES - NOT_UN_MEMBERS
    assert len(members) == 193
    kinds = _kinds_by_code()
    no_country = sorted(c for c in members if "country" not in kinds[c])
    no_demonym = sorted(c for c in members - SHARED_DEMONYM if "demonym" not in kinds[c])
    assert not no_country, f"members without a country row: {no_country}"
    assert not no_demonym, f"members without a demonym row: {no_demonym}"


def test_reported_non_members_have_country_rows() -> None:
    kinds = _kinds_by_code()
    assert all("country" in kinds[c] for c in REPORTED_NON_MEMBERS)


@pytest.mark.parametrize(
    ("phrase", "code", "kind"),
    [
        ("U.S.", "USA", "country"),
        ("Britain", "GBR", "country"),
        ("DPRK", "PRK", "country"),
        ("South Koreans", "KOR", "demonym"),
        ("Soviet Union", "RUS", "country"),
        ("Zaire", "COD", "country"),
        ("Burma", "MMR", "country"),
        ("Ivory Coast", "CIV", "country"),
        ("Kiev", "UKR", "capital"),
        ("Jerusalem", "ISR", "capital"),
        ("Ramallah", "PSE", "capital"),
        ("China", "CHN", "country-ambiguous"),
        ("Chad", "TCD", "country-ambiguous"),
        ("Busan", "KOR", "city"),
        ("New Jersey", "USA", "region"),  # not Jersey, JEY
        ("Victoria", "AUS", "region-ambiguous"),  # the state, not Seychelles' capital
        ("Crimea", "UKR", "region"),
    ],
)
def test_country_spot_checks(phrase: str, code: str, kind: str) -> None:
    matches = [r for r in load("countries.tsv").rows if r["phrase"] == phrase]
    assert [(r["code"], r["kind"]) for r in matches] == [(code, kind)]


def test_organisation_names_are_consistent() -> None:
    by_name: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in load("organisations.tsv").rows:
        by_name[row["name"]].add((row["code"], row["sector"]))
    mixed = {n: v for n, v in by_name.items() if len(v) > 1}
    assert not mixed, mixed


def test_people_dates_parse_and_are_ordered() -> None:
    for row in load("people.tsv").rows:
        assert row["valid_from"], row
        start = parse_date(row["valid_from"])
        assert dt.date(1900, 1, 1) < start < dt.date(2027, 1, 1), row
        if row["valid_until"]:
            end = parse_date(row["valid_until"])
            assert start <= end, row


def test_people_posts_of_one_person_do_not_repeat_overlapping() -> None:
    spans: dict[tuple[str, str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for row in load("people.tsv").rows:
        start = parse_date(row["valid_from"])
        end = parse_date(row["valid_until"]) if row["valid_until"] else dt.date.max
        spans[(row["name"], row["code"], row["role"])].append((start, end))
    for key, periods in spans.items():
        periods.sort()
        for (_, end), (start, _) in itertools.pairwise(periods):
            assert end <= start, f"overlapping terms for {key}"
