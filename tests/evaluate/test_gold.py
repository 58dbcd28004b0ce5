"""Gold readers (PLOVER and PETRARCH records), code splitting and the CAMEO->PLOVER map."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import GoldDataMissingError, GoldFormatError
from eventwire.evaluate.cameo_map import load_cameo_map, parse_cameo_map
from eventwire.evaluate.gold import (
    GoldEvent,
    GoldFormat,
    plover_sectors,
    read_gold,
    read_petrarch_records,
    read_plover_records,
    split_code,
)

PLOVER_RECORDS = [
    {"id": "DOC-0001", "event": "DOCUMENT", "comment": "file documentation"},
    {
        "id": "P-1",
        "date": "2000-01-01",
        "event": "DEMAND",
        "text": "Japan demanded that Italy pay.",
        "source": [{"actorText": "Japan", "code": "JAP", "sector": "GOVmos"}],
        "target": [{"actorText": "Italy", "code": "ITL", "sector": "***"}],
    },
    {
        "id": "P-2",
        "date": "2001-02-03",
        "event": "INVESTIGATE",
        "mode": "",
        "text": "Police in Peru investigated the mayor.",
        "source": [
            {"actorText": "Police", "code": "PER", "sector": "COP"},
            {"actorText": "Peruvian", "code": "PER", "sector": "REFKUR"},
        ],
        "target": "",
    },
    {"id": "P-3", "event": "FIGHT", "mode": "firearms", "text": "Gunmen fought.", "source": None},
    {"id": "P-4", "event": "DISAPPROVE", "text": "X criticised Y.", "target": "diplomatic"},
]

CAMEO_TABLE = """# a comment
03: AGREE
036: AGREE,  , diplomatic # Express intent to meet or negotiate
04: CONSULT
042: CONSULT, visit,   # Make a visit
08: CONCEDE
08: RETREAT
084: RETREAT,   ,  # Return, release
0841: RETREAT, release,   legal; military # Return, release person(s)
~~~~~
"""


def test_plover_array_types_modes_and_actors(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(PLOVER_RECORDS), encoding="utf-8")
    gold_format, sentences = read_gold(path)
    assert gold_format is GoldFormat.PLOVER
    assert [s.id for s in sentences] == ["P-1", "P-2", "P-3", "P-4"]  # DOCUMENT skipped
    first, second, third, fourth = (s.events[0] for s in sentences)
    assert sentences[0].date == date(2000, 1, 1) and sentences[2].date is None
    assert first == GoldEvent(
        type="REQUEST",
        source_codes=("JPN",),
        target_codes=("ITA",),
        source_sectors=(("GOV",),),
        target_sectors=((),),
    )
    assert (second.type, second.mode) == ("ACCUSE", "investigate")
    assert second.source_codes == ("PER", "PER")
    assert second.source_sectors == (("COP",), ("REF", "KUR"))
    assert second.target_codes == ()  # a string target means no actors
    assert (third.type, third.mode, third.source_codes) == ("ASSAULT", "firearms", ())
    assert (fourth.type, fourth.target_codes) == ("ACCUSE", ())
    assert not any(s.no_events or s.expected_error for s in sentences)


def test_plover_jsonl_reads_the_same(tmp_path: Path) -> None:
    array, lines = tmp_path / "a.json", tmp_path / "b.jsonl"
    array.write_text(json.dumps(PLOVER_RECORDS), encoding="utf-8")
    lines.write_text("\n".join(json.dumps(r) for r in PLOVER_RECORDS) + "\n\n", encoding="utf-8")
    assert read_plover_records(array) == read_plover_records(lines)


def test_unknown_plover_type_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"id": "X", "event": "GOSSIP", "text": "t"}]), encoding="utf-8")
    with pytest.raises(GoldFormatError, match="GOSSIP"):
        read_gold(path)


def test_unknown_format_and_bad_json_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "other.jsonl"
    path.write_text(json.dumps({"id": "X", "text": "t"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="unknown gold format"):
        read_gold(path)
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not JSON"):
        read_gold(path)


def test_petrarch_records(tmp_path: Path) -> None:
    records = [
        {
            "id": "DEMO-02",
            "date": "19950103",
            "text": "Dagolath's deputy prime minister left for Minas Tirith.",
            "expected_events": [
                {"source": "DAGGOV", "target": "GON", "code": "042"},
                {"source": "---REB", "target": "PSEREBHMS", "code": "0841"},
                {"source": '"INJURY TOLL"', "target": "ITHTV", "code": "010"},
            ],
            "noevents": False,
            "expected_error": False,
        },
        {"id": "N-1", "date": "19950101", "text": "Nothing.", "expected_events": [],
         "noevents": True, "expected_error": False},
        {"id": "E-1", "date": "bad", "text": "Broken.", "expected_events": [],
         "noevents": False, "expected_error": "dateline"},
    ]  # fmt: skip
    path = tmp_path / "petr.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    cameo_map = parse_cameo_map(CAMEO_TABLE)
    gold_format, (demo, nothing, error) = read_gold(path, cameo_map)
    assert gold_format is GoldFormat.PETRARCH
    assert demo.date == date(1995, 1, 3) and error.date is None
    visit, release, statement = demo.events
    assert visit == GoldEvent(
        type="CONSULT",
        cameo="042",
        mode="visit",
        source_codes=("DAG",),
        target_codes=("GON",),
        source_sectors=(("GOV",),),
        target_sectors=((),),
    )
    assert visit.source_full_codes == ("DAGGOV",) and visit.target_full_codes == ("GON",)
    assert (release.type, release.mode) == ("RETREAT", "release")
    assert release.source_codes == ("---",) and release.source_sectors == (("REB",),)
    assert release.target_sectors == (("REB", "HMS"),)
    assert statement.type is None  # CAMEO 01: no PLOVER type
    assert statement.source_codes == ('"INJURY TOLL"',) and statement.target_sectors == (("TV",),)
    assert nothing.no_events and nothing.events == () and nothing.expected_error is None
    assert error.expected_error == "dateline"
    # Without a map the triples keep their CAMEO code and have no type yet.
    assert read_petrarch_records(path)[0].events[0].type is None


@pytest.mark.parametrize(
    ("code", "split"),
    [
        ("DAGGOV", ("DAG", ("GOV",))),
        ("PSEREBHMS", ("PSE", ("REB", "HMS"))),
        ("IGOUNOMIL", ("IGO", ("UNO", "MIL"))),
        ("---REB", ("---", ("REB",))),
        ("---", ("---", ())),
        ("JAPGOV", ("JPN", ("GOV",))),
        ("ITHTV", ("ITH", ("TV",))),
        ('"INJURY TOLL"', ('"INJURY TOLL"', ())),
    ],
)
def test_split_code(code: str, split: tuple[str, tuple[str, ...]]) -> None:
    assert split_code(code) == split


@pytest.mark.parametrize(
    ("sector", "sectors"),
    [("GOV", ("GOV",)), ("CVLalb", ("CVL",)), ("GOVMOS", ("GOV", "MOS")), ("***", ()),
     (None, ()), ("", ())],
)  # fmt: skip
def test_plover_sectors(sector: str | None, sectors: tuple[str, ...]) -> None:
    assert plover_sectors(sector) == sectors


def test_cameo_map_uses_the_most_specific_entry() -> None:
    cameo_map = parse_cameo_map(CAMEO_TABLE)
    assert cameo_map.type_of("0841") == "RETREAT" and cameo_map.mode_of("0841") == "release"
    assert cameo_map.lookup("0841") is not None
    assert cameo_map.lookup("0841").context == ("legal", "military")  # type: ignore[union-attr]
    assert cameo_map.type_of("0842") == "RETREAT"  # 3-digit 084
    assert cameo_map.type_of("083") == "CONCEDE"  # root 08: the first entry wins
    assert cameo_map.type_of("0365") == "AGREE" and cameo_map.mode_of("036") is None
    assert cameo_map.type_of("010") is None  # public statements: no type
    assert cameo_map.type_of("023") == "REQUEST"  # appeals, as eventwire codes them
    assert cameo_map.type_of("223") is None  # no root 22 in CAMEO
    assert cameo_map.type_of(None) is None and cameo_map.type_of("x1") is None


def test_cameo_map_malformed_line() -> None:
    with pytest.raises(GoldFormatError, match=":2:"):
        parse_cameo_map("03: AGREE\n031 AGREE\n")


def test_cameo_map_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldDataMissingError):
        load_cameo_map(tmp_path)


def test_real_cameo_map(shared_data: Path) -> None:
    cameo_map = load_cameo_map(shared_data)
    expected = {
        "0313": "AGREE",
        "042": "CONSULT",
        "057": "SUPPORT",
        "064": "COOPERATE",
        "0813": "RETREAT",
        "083": "CONCEDE",
        "0874": "RETREAT",
        "091": "ACCUSE",
        "1122": "ACCUSE",
        "1053": "REQUEST",
        "163": "COERCE",
        "1712": "ASSAULT",
        "173": "COERCE",
        "190": "ASSAULT",
        "2042": "ASSAULT",
    }
    assert {code: cameo_map.type_of(code) for code in expected} == expected
    assert cameo_map.mode_of("173") == "arrest" and cameo_map.mode_of("090") == "investigate"
    assert cameo_map.type_of("010") is None and cameo_map.type_of("901") is None
