from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.engine import Engine
from eventwire.errors import LexiconError
from eventwire.knowledge import load_gazetteer
from eventwire.knowledge.tabari import (
    DatedCode,
    TabariActor,
    TabariAgent,
    describe_import,
    import_dictionaries,
    parse_actor_line,
    parse_actor_lines,
    parse_agent_lines,
    read_actor_dictionary,
    surface_forms,
    to_gazetteer,
)
from eventwire.nlp.components import ActorSpans
from eventwire.nlp.pipeline import PipelineOptions

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
PHOENIX = SHARED / "dictionaries" / "phoenix"
VALIDATE = SHARED / "gold" / "petrarch-unittest"


def actors_of(text: str) -> tuple[tuple[TabariActor, ...], dict[str, int]]:
    actors, report = parse_actor_lines(text.splitlines())
    return actors, dict(report.skipped)


# -- actor dictionaries ---------------------------------------------------------------------


def test_entries_synonyms_and_comments() -> None:
    actors, skipped = actors_of(
        "# header comment\n"
        "NORTH_KOREA  [PRK] #JW 9/10/91\n"
        "+PYONGYANG\n"
        "+THE_HERMIT_KINGDOM_   ; TABARI-style comment\n"
        "\n"
        "HAMAS WING [PSEHMSBRD]\n"
        "<!-- one-line comment -->\n"
        "<!-- a comment\n"
        "IGNORED [XXX]\n"
        "spread over lines -->\n"
        "<! -- PETRARCH's malformed comment line -->\n"
        "UNITED_STATES <!-- inline --> [USA]\n"
        "---STOP---\n"
        "AFTER_STOP [ZZZ]\n"
    )
    assert skipped == {}
    assert [(a.phrases, a.codes, a.line) for a in actors] == [
        (("NORTH KOREA", "PYONGYANG", "THE HERMIT KINGDOM"), (DatedCode("PRK"),), 2),
        (("HAMAS WING",), (DatedCode("PSEHMSBRD"),), 6),
        (("UNITED STATES",), (DatedCode("USA"),), 12),
    ]


def test_date_restrictions_on_code_lines_and_in_line() -> None:
    actors, skipped = actors_of(
        "SAM_GAMGEE [HOB]\n"
        "\t[HOBCIV <20080120]\n"
        "\t[ORCHOB 20100109-20100112]\n"
        "\t[HOBGOV 19950601 - 19990815]\n"
        "\t[HOBREB > 990816]\n"
        "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\n"
    )
    assert skipped == {}
    sam, javier = actors
    assert sam.codes == (
        DatedCode("HOB"),
        DatedCode("HOBCIV", None, date(2008, 1, 20)),
        DatedCode("ORCHOB", date(2010, 1, 9), date(2010, 1, 12)),
        DatedCode("HOBGOV", date(1995, 6, 1), date(1999, 8, 15)),
        DatedCode("HOBREB", date(1999, 8, 16), None),
    )
    assert javier.codes == (
        DatedCode("IGOUNO", date(1982, 1, 1), date(1991, 12, 31)),
        DatedCode("ELI"),
    )
    assert [c.dated for c in javier.codes] == [True, False]


def test_two_digit_years_pivot_at_30() -> None:
    actors, skipped = actors_of("X\n\t[ABC 290101-300101]\n\t[DEF >310101]\n\t[GHI 991231-000101]")
    assert actors[0].codes == (
        DatedCode("ABC", date(2029, 1, 1), date(2030, 1, 1)),
        DatedCode("DEF", date(1931, 1, 1), None),
        DatedCode("GHI", date(1999, 12, 31), date(2000, 1, 1)),
    )
    (cameron,), _ = actors_of("DAVID_CAMERON_\n\t[GBRGOV >201005011]")  # PETRARCH: 8 digits
    assert cameron.codes == (DatedCode("GBRGOV", date(2010, 5, 1)),)
    assert skipped == {}


def test_braces_null_lowercase_and_compound_codes() -> None:
    actors, skipped = actors_of(
        "UNITED_NATIONS {U.N. UN_} [IGOUNO]\nBOROMIR [---]\nPALESTINIAN [pse]\nLORIEN [ELR/GAL]"
    )
    assert skipped == {}
    assert actors[0].phrases == ("UNITED NATIONS", "U.N.", "UN")
    assert actors[1].codes[0].is_null
    assert actors[2].codes == (DatedCode("PSE"),)
    assert actors[3].codes == (DatedCode("ELR/GAL"),)


def test_code_less_phrase_lines_join_the_next_entry_as_in_petrarch() -> None:
    actors, skipped = actors_of("IVO_JOSIPOVIC_\nJOSIPOVIC_\n\t[HRVGOV >20120219]\nNEXT [ABC]")
    assert [a.phrases for a in actors] == [("IVO JOSIPOVIC", "JOSIPOVIC"), ("NEXT",)]
    assert skipped == {}


def test_malformed_lines_are_skipped_and_counted() -> None:
    actors, report = parse_actor_lines(
        [
            "+ORPHAN_SYNONYM",
            "\t[ORP]",
            "GOOD [ABC 9008223-911221]",  # 7-digit date: the code is skipped, the entry kept
            "\t[ABC]",
            "BAD_RANGE [EGY 20121207-20120802]",
            "NO_DATE_OP [MNE 20121204]",
            "ISILDUR  [+++]",
            "UNCLOSED [ABC",
            "TRAILING [ABC] junk",
            "{BROKEN [ABC]",
            "+SYNONYM_OF_BROKEN",
            "\t[DEF]",
            "BAD_DAY [ABC 20100931-20101001]",
            "NO_CODE_AT_END",
        ]
    )
    assert [a.phrases[0] for a in actors] == ["GOOD", "TRAILING"]
    assert actors[0].codes == (DatedCode("ABC"),)
    assert dict(report.skipped) == {
        "synonym before any entry": 1,
        "code line before any entry": 1,
        "bad date": 2,
        "date range ends before it starts": 1,
        "bad date restriction": 1,
        "bad code": 1,
        "unclosed '['": 1,
        "text after the codes": 1,
        "unclosed '{'": 1,
        "synonym of a skipped entry": 1,
        "code line of a skipped entry": 1,
        "entry without a code": 6,
    }
    assert report.entries == 2 and report.lines == 14
    text = describe_import(report)
    assert "skipped 18" in text and "entry without a code" in text


def test_unreadable_file_raises_but_bad_bytes_do_not(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        read_actor_dictionary(tmp_path / "missing.actors.txt")
    with pytest.raises(LexiconError):
        read_actor_dictionary(tmp_path)
    path = tmp_path / "latin1.actors.txt"
    path.write_bytes(
        b"\xef\xbb\xbfC\xd4TE_D'IVOIRE [CIV]\r\nJAN_STRASK\x1aY [SVK]\r\nNIG\xffERIA [NGA]"
    )
    actors, report = read_actor_dictionary(path)
    assert [a.codes[0].code for a in actors] == ["CIV", "SVK", "NGA"]
    assert report.lines == 3 and actors[0].phrases == ("C\ufffdTE D'IVOIRE",)


@given(st.text())
def test_actor_line_parser_never_raises(text: str) -> None:
    parsed = parse_actor_line(text)
    assert parsed.kind in ("entry", "synonym", "codes")


@given(st.lists(st.text(alphabet=st.sampled_from("AB_ +[]{}<>!-#;=~0123456789\t\n"))))
def test_dictionary_parsers_never_raise(lines: list[str]) -> None:
    actors, report = parse_actor_lines(lines)
    assert report.entries == len(actors)
    agents, agent_report = parse_agent_lines(lines)
    assert agent_report.entries == len(agents)


# -- agent dictionaries ---------------------------------------------------------------------


def test_agents_plurals_substitutions_and_codes() -> None:
    agents, report = parse_agent_lines(
        [
            "!PERSON! = MAN, MEN, WOMAN",
            "!MINST! = MINISTER, MINISTRY",
            "AMBASSADOR [~GOV] # LRP",
            "SECRETARY [~GOV]",
            "ATTORNEY [~JUD]",
            "CONGRESS [~LEG]",
            "POLICE {} [ ~COP]",
            "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]",
            "CONGRESS!PERSON! [~LEG]",
            "FOREIGN_!MINST!_OF_!PERSON! [~GOV]",
            "HUMAN_RIGHTS_BODY  [NGO~]",
            "1ST_LT. [~MIL]",
        ]
    )
    assert report.substitution_sets == 2 and dict(report.skipped) == {}
    phrases = {a.phrases[0]: a.phrases for a in agents}
    assert phrases["AMBASSADOR"] == ("AMBASSADOR", "AMBASSADORS")
    assert phrases["SECRETARY"] == ("SECRETARY", "SECRETARIES")
    assert phrases["ATTORNEY"] == ("ATTORNEY", "ATTORNEYS")
    assert phrases["CONGRESS"] == ("CONGRESS", "CONGRESSES")
    assert phrases["POLICE"] == ("POLICE",)
    assert phrases["ATTORNEY GENERAL"] == ("ATTORNEY GENERAL", "ATTORNEYS GENERAL")
    assert phrases["CONGRESSMAN"] == ("CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN")
    assert len(phrases["FOREIGN MINISTER OF MAN"]) == 6
    assert phrases["1ST LT."] == ("1ST LT.",)
    body = next(a for a in agents if a.phrases[0] == "HUMAN RIGHTS BODY")
    assert (body.code, body.sector, body.prefix) == ("NGO~", "NGO", True)
    police = next(a for a in agents if a.phrases[0] == "POLICE")
    assert (police.code, police.sector, police.prefix) == ("~COP", "COP", False)


def test_malformed_agent_lines_are_counted() -> None:
    _, report = parse_agent_lines(
        [
            "ISLAMIC_EXTREMIST",
            "DEPARMENT_OF_ENVIRONMENT [~ENV}",
            "GOVERNOR [GOV]",
            "!UNDEFINED!_MINISTER [~GOV]",
            "!BROKEN = A, B",
            "!EMPTY! = ,",
            "ROBBER {ROBBERS [~CRM]",
        ]
    )
    assert dict(report.skipped) == {
        "agent without a code": 1,
        "unclosed '['": 1,
        "bad agent code": 1,
        "undefined substitution marker": 1,
        "bad substitution set": 1,
        "empty substitution set": 1,
        "unclosed '{'": 1,
    }


# -- phrase forms and the gazetteer ---------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "forms"),
    [
        ("NORTH KOREA", ("North Korea",)),
        ("UN", ("UN",)),
        ("NATO", ("Nato", "NATO")),
        ("IAEA", ("Iaea", "IAEA")),
        ("UN SECRETARY GENERAL", ("Un Secretary General",)),
        ("THE UNITED NATIONS", ("United Nations",)),
        ("ISLAMIC REPUBLIC OF AFGHANISTAN", ("Islamic Republic of Afghanistan",)),
        ("BAN KI-MOON", ("Ban Ki-Moon", "Ban Ki-moon")),
        ("MAZAR-I-SHARIF", ("Mazar-I-Sharif", "Mazar-i-Sharif")),
        ("U.S.S.R", ("U.S.S.R",)),
        ("PKK", ("PKK",)),
        ("N'DJAMENA", ("N'Djamena",)),
        ("WOMEN'S FEDERATION", ("Women's Federation",)),
        ("JOHN MCCLOY", ("John McCloy",)),
        ("CHAD (MDJT)", ("Chad (MDJT)",)),
        ("AL-QAEDA", ("Al-Qaeda", "al-Qaeda")),
        ("BASHAR AL ASSAD", ("Bashar Al Assad", "Bashar al Assad")),
    ],
)
def test_surface_forms(phrase: str, forms: tuple[str, ...]) -> None:
    assert surface_forms(phrase) == forms


def test_known_acronyms_stay_upper_case_in_longer_phrases() -> None:
    forms = surface_forms("UN SECRETARY GENERAL", acronyms={"UN"})
    assert forms == ("Un Secretary General", "UN Secretary General")
    actors, _ = parse_actor_lines(["UN [IGOUNO]", "UN_SECRETARY_GENERAL [IGOUNO]"])
    entry = to_gazetteer(actors, ()).lookup("UN Secretary General")
    assert entry is not None and entry.name == "Un Secretary General"


SAMPLE = """HAMAS [PSEREBHMS]
GONDOR [GON]
NORTH_KOREA [PRK]
SAM_GAMGEE [HOB]
\t[HOBCIV <20080120]
\t[ORCHOB 20100109-20100112]
\t[HOBMIL 20080120-20121109]
PRINCE OF DOL AMROTH
\t[--- <950630]
\t[DOL]
BOROMIR [---]
GOLLUM
+SMEAGOL
\t[HOB <950601]
\t[HOBGOV 950601-990815]
GONDOR [XXX]  # a later duplicate phrase: the first entry wins
"""


def _sample_gazetteer() -> tuple[TabariActor, ...]:
    return parse_actor_lines(SAMPLE.splitlines())[0]


def test_to_gazetteer_actors_people_and_dates() -> None:
    agents = (TabariAgent(("FOREIGN MINISTER", "FOREIGN MINISTERS"), "~GOVFRM", 1),)
    gazetteer = to_gazetteer(_sample_gazetteer(), agents)
    hamas = gazetteer.lookup("Hamas")
    assert hamas is not None
    assert (hamas.code, hamas.sector, hamas.kind) == ("PSE", "REBHMS", "imported")
    assert (hamas.source, hamas.name) == ("tabari", "Hamas")
    gondor = gazetteer.lookup("Gondor")
    assert gondor is not None and gondor.code == "GON"
    assert gazetteer.lookup("Boromir") is None and gazetteer.person("Boromir", on=None) is None

    def sam(day: date) -> tuple[str, str] | None:
        found = gazetteer.person("Sam Gamgee", on=day)
        return None if found is None else (found.code, found.sector)

    assert sam(date(2007, 1, 1)) == ("HOB", "CIV")
    assert sam(date(2010, 1, 10)) == ("ORC", "HOB")  # listed first: wins over HOBMIL
    assert sam(date(2011, 1, 1)) == ("HOB", "MIL")
    assert sam(date(2014, 1, 1)) == ("HOB", "")  # the undated default
    prince = gazetteer.person("Prince of Dol Amroth", on=date(1990, 1, 1))
    assert prince is not None and prince.code == ""  # known, but no actor before mid-1995
    later = gazetteer.person("Prince of Dol Amroth", on=date(2000, 1, 1))
    assert later is not None and later.code == "DOL"
    before = gazetteer.person("Gollum", on=date(1990, 1, 1))
    assert before is not None and before.code == "HOB"
    between = gazetteer.person("Smeagol", on=date(1999, 8, 16))
    assert between is not None and between.code == ""  # no default: no code outside the dates
    assert [p.name for p in gazetteer.by_surname("Gamgee", on=date(2011, 1, 1))] == ["Sam Gamgee"]
    minister = gazetteer.agent("Foreign Ministers")
    assert minister is not None and (minister.sector, minister.kind) == ("GOVFRM", "imported")
    assert gazetteer.country_names["GON"] == "Gondor"
    assert gazetteer.version.startswith("tabari.")


def test_imported_entries_win_over_the_builtin_gazetteer() -> None:
    base = load_gazetteer()
    before = base.lookup("North Korea")
    assert before is not None and before.source != "tabari"
    merged = to_gazetteer(_sample_gazetteer(), (), base=base)
    imported = merged.lookup("North Korea")
    assert imported is not None and imported.source == "tabari"
    assert merged.lookup("Pyongyang") == base.lookup("Pyongyang")  # base entries kept
    assert merged.agent("foreign minister") == base.agent("foreign minister")
    (blinken,) = merged.by_surname("Blinken", on=date(2021, 3, 18))
    assert blinken.code == "USA"
    assert merged.version.startswith(base.version + "+tabari.")
    assert to_gazetteer(_sample_gazetteer(), ()).lookup("Pyongyang") is None


def test_compound_codes_name_several_actors(tmp_path: Path) -> None:
    actors, _ = parse_actor_lines(["THE_SHIRE [FRO/BIL/SAMGOV]", "GONDOR [GON]"])
    shire = to_gazetteer(actors, ()).lookup("Shire")
    assert shire is not None
    assert (shire.code, shire.sector, shire.also) == ("FRO", "", (("BIL", ""), ("SAM", "GOV")))
    path = tmp_path / "compound.actors.txt"
    path.write_text("THE_SHIRE [FRO/BIL/SAMGOV]\nGONDOR [GON]\n", encoding="utf-8")
    engine = Engine.load(PipelineOptions(actor_dictionaries=(path,), use_builtin_knowledge=False))
    (event,) = engine.code_text("Gondor attacked the Shire.", day=date(2014, 1, 1)).events
    assert [(a.country, a.sectors) for a in event.actors] == [("GON", ())]
    assert [(r.country, r.sectors) for r in event.recipients] == [
        ("FRO", ()),
        ("BIL", ()),
        ("SAM", ("GOV",)),
    ]


def test_imported_agents_match_their_own_forms_and_run_past_the_head(tmp_path: Path) -> None:
    actors = tmp_path / "a.actors.txt"
    actors.write_text("GONDOR [GON]\nARNOR [ARN]\nBREE [BRE]\nROMENDACIL [BRE]\n", encoding="utf-8")
    agents = tmp_path / "a.agents.txt"
    agents.write_text(
        "!MINST! = MINISTER, MINISTRY\nPOLICE {} [~COP]\n!MINST!_OF_SILLY_WALKS [~GOV]\n"
        "PRIME_MINISTER [~GOV]\n",
        encoding="utf-8",
    )
    options = PipelineOptions(
        actor_dictionaries=(actors,), agent_dictionaries=(agents,), use_builtin_knowledge=False
    )
    engine = Engine.load(options)

    def source(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
        (event,) = engine.code_text(text, day=date(2014, 1, 1)).events
        return [(a.country, a.sectors) for a in event.actors]

    assert source("Gondor police attacked Arnor.") == [("GON", ("COP",))]
    # POLICE {}: no plural, and no lemma either
    assert source("Gondor polices attacked Arnor.") == [("GON", ())]
    # an agent phrase running on past the head of the noun phrase
    assert source("The Gondor Ministry of Silly Walks attacked Arnor.") == [("GON", ("GOV",))]
    # a title before a named actor is its role
    text = "Bree Prime Minister Romendacil will meet Gondor leaders on Sunday."
    assert source(text) == [("BRE", ("GOV",))]


# -- the shared dictionaries ----------------------------------------------------------------


def _require(*paths: Path) -> None:
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        pytest.skip(f"shared TABARI/PETRARCH dictionaries not found: {', '.join(missing)}")


@pytest.mark.slow
def test_phoenix_dictionaries_import() -> None:
    files = [PHOENIX / f"Phoenix.{name}.actors.txt" for name in ("Countries", "International")]
    files.append(PHOENIX / "Phoenix.MilNonState.actors.txt")
    _require(*files, PHOENIX / "Phoenix.agents.txt")
    gazetteer, reports = import_dictionaries(files, [PHOENIX / "Phoenix.agents.txt"])
    actors = [r for r in reports if r.kind == "actors"]
    assert sum(r.phrases for r in actors) > 30_000
    assert sum(r.entries for r in actors) > 25_000
    assert sum(r.dated_codes for r in actors) > 20_000
    assert all(r.skipped_total < 50 for r in reports), [describe_import(r) for r in reports]
    assert reports[-1].phrases > 4_000 and reports[-1].substitution_sets == 2
    assert len(gazetteer.entries) > 12_000 and len(gazetteer.people) > 20_000
    karzai = gazetteer.person("Hamid Karzai", on=date(2010, 1, 1))
    assert karzai is not None and karzai.code == "AFG"


@pytest.mark.slow
def test_validate_dictionaries_drive_the_coder() -> None:
    actors, agents = VALIDATE / "PETR.Validate.actors.txt", VALIDATE / "PETR.Validate.agents.txt"
    _require(actors, agents)
    options = PipelineOptions(
        actor_dictionaries=(actors,), agent_dictionaries=(agents,), use_builtin_knowledge=False
    )
    engine = Engine.load(options)
    text = "Arnor is about to restore full diplomatic ties with Gondor."
    coded = engine.code_text(text, day=date(2014, 1, 1))
    found = {m.actor.text: m.actor.country for m in coded.mentions}
    assert found == {"Arnor": "ARN", "Gondor": "GON"}
    component = engine.nlp.get_pipe("eventwire_actor_spans")
    assert isinstance(component, ActorSpans)
    assert component.gazetteer.lookup("Kabul") is None  # no built-in knowledge
    assert [r.kind for r in component.import_reports] == ["actors", "agents"]
