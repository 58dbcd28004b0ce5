from __future__ import annotations

from datetime import date
from pathlib import Path

from eventwire.knowledge import load_gazetteer


def test_capitals_are_governments() -> None:
    gazetteer = load_gazetteer()
    entry = gazetteer.lookup("Pyongyang")
    assert entry is not None
    assert (entry.code, entry.sector, entry.kind) == ("PRK", "GOV", "capital")


def test_leading_article_is_ignored() -> None:
    gazetteer = load_gazetteer()
    a, b = gazetteer.lookup("the United States"), gazetteer.lookup("United States")
    assert a is not None and a == b and a.code == "USA"


def test_person_valid_on_date_and_surname_index() -> None:
    gazetteer = load_gazetteer()
    on = date(2021, 3, 18)
    (blinken,) = gazetteer.by_surname("Blinken", on=on)
    assert blinken.code == "USA"
    assert gazetteer.by_surname("Blinken", on=date(2015, 1, 1)) == ()


def test_longest_title_wins() -> None:
    gazetteer = load_gazetteer()
    entry = gazetteer.longest_agent(("south", "korean", "foreign", "minister"))
    assert entry is not None and entry.word == "foreign minister" and entry.sector == "GOV"


def test_a_general_of_a_civil_post_is_no_soldier() -> None:
    gazetteer = load_gazetteer()
    for words, sector in [
        (("cbi", "director", "general"), "GOV"),
        (("solicitor", "general"), "JUD"),
        (("major", "general"), "MIL"),
    ]:
        entry = gazetteer.longest_agent(words)
        assert entry is not None and entry.sector == sector, words


def _people_file(tmp_path: Path, rows: str) -> Path:
    """A data folder with the packaged tables and the given people rows."""
    from importlib.resources import files

    for name in ("countries.tsv", "organisations.tsv", "institutions.tsv", "agents.tsv"):
        (tmp_path / name).write_text(
            files("eventwire.data").joinpath(name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    header = "# version: 1\nname\tcode\tsector\trole\tvalid_from\tvalid_until\n"
    (tmp_path / "people.tsv").write_text(header + rows, encoding="utf-8")
    return tmp_path


def test_names_are_known_without_their_diacritics() -> None:
    gazetteer = load_gazetteer()
    for written in ("Slobodan Milosevic", "Radovan Karadzic", "Franjo Tudjman", "Franjo Tudman"):
        person = gazetteer.person(written, on=date(1995, 6, 1))
        assert person is not None, written
    assert {p.code for p in gazetteer.by_surname("Karadzic", on=date(1995, 6, 1))} == {"BIH"}
    entry = gazetteer.lookup("Sao Tome and Principe")
    assert entry is not None and entry.code == "STP"


def test_a_first_name_alone_names_no_one_but_a_family_name_first_does(tmp_path: Path) -> None:
    rows = (
        "Morgan Tsvangirai\tZWE\tOPP\topposition leader\t1999\t2018-02-14\n"
        "Xi Jinping\tCHN\tGOV\tpresident\t2013-03-14\t\n"
        "Hamad bin Khalifa Al Thani\tQAT\tGOV\temir\t1995-06-27\t2013-06-25\n"
    )
    gazetteer = load_gazetteer(data_dir=_people_file(tmp_path, rows))
    assert gazetteer.by_surname("Morgan", on=None) == ()
    assert [p.code for p in gazetteer.by_surname("Tsvangirai", on=None)] == ["ZWE"]
    assert [p.code for p in gazetteer.by_surname("Xi", on=None)] == ["CHN"]
    assert [p.code for p in gazetteer.by_surname("Hamad", on=None)] == ["QAT"]
    assert gazetteer.by_surname("Jinping", on=None) == ()  # a given name written last


def test_a_title_in_a_name_is_no_name(tmp_path: Path) -> None:
    rows = "Prince Hassan bin Talal\tJOR\tGOV\tcrown prince\t1965\t1999-01-24\n"
    gazetteer = load_gazetteer(data_dir=_people_file(tmp_path, rows))
    assert gazetteer.by_surname("Prince", on=None) == ()
    assert [p.code for p in gazetteer.by_surname("Hassan", on=None)] == ["JOR"]


def test_with_no_date_a_person_holds_the_current_or_latest_post(tmp_path: Path) -> None:
    rows = (
        "Paul Kagame\tRWA\tREB\tRPF commander\t1990\t1994-07-19\n"
        "Paul Kagame\tRWA\tGOV\tpresident\t2000-04-22\t\n"
        "Nelson Mandela\tZAF\tOPP\tANC leader\t1990\t1994-05-10\n"
        "Nelson Mandela\tZAF\tGOV\tpresident\t1994-05-10\t1999-06-16\n"
    )
    gazetteer = load_gazetteer(data_dir=_people_file(tmp_path, rows))
    kagame, mandela = (
        gazetteer.person("Paul Kagame", on=None),
        gazetteer.person("Nelson Mandela", on=None),
    )
    assert kagame is not None and kagame.sector == "GOV"  # still in post
    assert mandela is not None and mandela.role == "president"  # the latest post
    on_date = gazetteer.person("Paul Kagame", on=date(1992, 1, 1))
    assert on_date is not None and on_date.sector == "REB"


def test_a_post_is_remembered_for_ten_years(tmp_path: Path) -> None:
    rows = "John Miller\tGBR\tGOV\tminister\t1983\t1987-06-11\n"
    gazetteer = load_gazetteer(data_dir=_people_file(tmp_path, rows))
    (miller,) = gazetteer.by_surname("Miller", on=None)
    assert miller.in_public_life_on(date(1995, 1, 1))
    assert not miller.in_public_life_on(date(2005, 1, 1))
    assert not miller.in_public_life_on(date(1960, 1, 1))
    assert miller.in_public_life_on(None)


def test_a_name_without_its_middle_initials_is_the_person_in_post(tmp_path: Path) -> None:
    rows = (
        "George H. W. Bush\tUSA\tGOV\tpresident\t1989-01-20\t1993-01-20\n"
        "George W. Bush\tUSA\tGOV\tpresident\t2001-01-20\t2009-01-20\n"
    )
    gazetteer = load_gazetteer(data_dir=_people_file(tmp_path, rows))
    elder = gazetteer.person("George Bush", on=date(1990, 8, 2))
    younger = gazetteer.person("George Bush", on=date(2003, 3, 20))
    assert elder is not None and elder.name == "George H. W. Bush"
    assert younger is not None and younger.name == "George W. Bush"


def test_a_one_word_name_makes_no_shortened_name(tmp_path: Path) -> None:
    rows = "Suharto\tIDN\tGOV\tpresident\t1967-03-12\t1998-05-21\n"
    gazetteer = load_gazetteer(data_dir=_people_file(tmp_path, rows))
    assert "Suharto Suharto" not in gazetteer.people
    assert gazetteer.person("Suharto", on=date(1990, 1, 1)) is not None


def test_a_state_office_comes_before_a_party_post_held_with_it(tmp_path: Path) -> None:
    rows = (
        "Hu Jintao\tCHN\tPTY\tgeneral secretary\t2002-11-15\t2012-11-15\n"
        "Hu Jintao\tCHN\tGOV\tpresident\t2003-03-15\t2013-03-14\n"
    )
    gazetteer = load_gazetteer(data_dir=_people_file(tmp_path, rows))
    both = date(2008, 5, 1)
    person = gazetteer.person("Hu Jintao", on=both)
    assert person is not None and person.sector == "GOV"
    assert [p.sector for p in gazetteer.by_surname("Hu", on=both)] == ["GOV"]
    before = gazetteer.person("Hu Jintao", on=date(2003, 1, 1))  # party post alone
    assert before is not None and before.sector == "PTY"


def test_a_family_name_with_an_arabic_article_is_known_without_it(tmp_path: Path) -> None:
    rows = "Bashar al-Assad\tSYR\tGOV\tpresident\t2000-07-17\t2024-12-08\n"
    gazetteer = load_gazetteer(data_dir=_people_file(tmp_path, rows))
    day = date(2015, 1, 1)
    for word in ("Assad", "al-Assad"):
        assert [p.name for p in gazetteer.by_surname(word, on=day)] == ["Bashar al-Assad"]


def test_a_name_is_known_by_its_first_and_last_words(tmp_path: Path) -> None:
    rows = (
        "Omar al-Bashir\tSDN\tGOV\tpresident\t1989-06-30\t2019-04-11\n"
        "Laurent-Désiré Kabila\tCOD\tGOV\tpresident\t1997-05-17\t2001-01-16\n"
        "Joseph Kabila\tCOD\tGOV\tpresident\t2001-01-26\t2019-01-24\n"
    )
    gazetteer = load_gazetteer(data_dir=_people_file(tmp_path, rows))
    day = date(2000, 1, 1)
    for written, name in [
        ("Omar Hassan al-Bashir", "Omar al-Bashir"),
        ("President Omar al-Bashir", None),  # a title the parser keeps is no first name
        ("Laurent Kabila", "Laurent-Désiré Kabila"),
        ("Joseph Kabila", None),  # not yet in post
        ("Hassan al-Bashir", None),  # another first name
    ]:
        found = gazetteer.by_first_and_last(written, on=day)
        assert (found.name if found else None) == name, written


def test_a_german_name_is_known_with_its_umlaut_written_out(tmp_path: Path) -> None:
    rows = "Gerhard Schröder\tDEU\tGOV\tchancellor\t1998-10-27\t2005-11-22\n"
    gazetteer = load_gazetteer(data_dir=_people_file(tmp_path, rows))
    for written in ("Gerhard Schroeder", "Gerhard Schroder"):
        found = gazetteer.person(written, on=date(2000, 1, 1))
        assert found is not None and found.code == "DEU", written
