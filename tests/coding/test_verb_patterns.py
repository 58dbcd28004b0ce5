"""Imported TABARI/PETRARCH verb patterns in the coder, on hand-written sentences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eventwire.coding.imported import load_imported
from eventwire.engine import Engine
from eventwire.records import CodedEvent, Modality

DAY = date(2021, 3, 18)

VERBS = """\
&TIES
+DIPLOMATIC_TIES
+RELATIONS

--- RESTORE  [---]  ---
RESTORE
- * &TIES  [064]

--- EXTRADITE  [174]  ---
EXTRADITE
- + WAS_ * TO_ ^ FROM $  [174]

--- DEPART  [---]  ---
LEAVE {LEAVES LEFT LEAVING}
- * FOR +  [032:033]

&PREP
+AGAINST
+ON

--- ACT  [100]  ---
ACT
- * &PREP RESOLUTION  [102]

--- RECEIVE  [---]  ---
RECEIVE
- + * MONEY $  [071]

--- SAY  [023]  ---
SAY {SAYS SAID SAYING}

--- CONDEMN  [122]  ---
CONDEMN
- STRONGLY_*  [123]

--- RECOGNIZE  [---]  ---
RECOGNIZE
- WILL NOT *  [120]

--- REGRET  [111]  ---
REGRET {REGRETS REGRETTED REGRETTING}
- NOTED + *  [115]

--- PRESENT  [---]  ---
PRESENT
- * CREDENTIALS  [032]

--- CELEBRATE  [---]  ---
CELEBRATE
- * FEAST IN ^ +  [045]
- + HOSTING * HOLIDAY $  [046]
"""

DISCARDS = "YEARS LATER\n+WORLD CUP\n"


@pytest.fixture(scope="module")
def imported_engine(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("verbs")
    verbs = folder / "test.verbs.txt"
    verbs.write_text(VERBS, encoding="utf-8")
    discards = folder / "test.discards.txt"
    discards.write_text(DISCARDS, encoding="utf-8")
    coder = replace(engine.coder, imported=load_imported((verbs,), (discards,)))
    return replace(engine, coder=coder)


def _triples(engine: Engine, text: str) -> list[tuple[str, str, str, str]]:
    events: list[CodedEvent] = list(engine.code_text(text, day=DAY).events)
    return [
        (
            e.type,
            e.cameo,
            "+".join(sorted(a.country or "-" for a in e.actors)),
            "+".join(sorted(r.country or "-" for r in e.recipients)),
        )
        for e in events
    ]


def test_pattern_code_is_the_cameo_code_and_gives_the_type(imported_engine: Engine) -> None:
    found = _triples(imported_engine, "Morocco restored diplomatic ties with Algeria.")
    assert found == [("COOPERATE", "064", "MAR", "DZA")]


def test_null_code_verb_makes_no_event_and_hides_builtin_entries(
    imported_engine: Engine,
) -> None:
    assert _triples(imported_engine, "Morocco restored order in Algeria.") == []


def test_more_specific_pattern_wins(imported_engine: Engine) -> None:
    assert _triples(imported_engine, "Germany strongly condemned Russia.") == [
        ("REJECT", "123", "DEU", "RUS")
    ]
    assert _triples(imported_engine, "Germany condemned Russia.") == [
        ("REJECT", "122", "DEU", "RUS")
    ]


def test_role_marks_name_source_and_target(imported_engine: Engine) -> None:
    # "+ WAS_ * TO_ ^ FROM $": the subject is the target, the object of "from" the source
    found = _triples(imported_engine, "A Pakistani man was extradited to Spain from France.")
    assert ("COERCE", "174", "FRA", "PAK") in found


def test_paired_code_adds_the_event_from_the_target_side(imported_engine: Engine) -> None:
    found = _triples(imported_engine, "The Egyptian foreign minister left for Jordan on Monday.")
    assert ("AGREE", "032", "EGY", "JOR") in found
    assert ("AGREE", "033", "JOR", "EGY") in found


def test_discards(imported_engine: Engine) -> None:
    assert (
        _triples(imported_engine, "Years later, Morocco restored diplomatic ties with Algeria.")
        == []
    )
    text = "Morocco restored diplomatic ties with Algeria. Fans watched the World Cup final."
    assert _triples(imported_engine, text) == []


def test_builtin_lexicon_still_codes_other_words(imported_engine: Engine) -> None:
    found = _triples(imported_engine, "Iran accused Iraq of sabotage.")
    assert [(t[0], t[2], t[3]) for t in found] == [("ACCUSE", "IRN", "IRQ")]


def test_verb_dictionaries_option_loads_files(tmp_path: Path) -> None:
    from eventwire.coding import CoderOptions

    path = tmp_path / "v.txt"
    path.write_text(VERBS, encoding="utf-8")
    options = CoderOptions(verb_dictionaries=(path,))
    imported = load_imported(options.verb_dictionaries, options.discard_lists)
    assert imported.verbs[0].blocks[0].name == "RESTORE"
    assert len(imported.version) == 12  # part of the coder's lexicon version


def test_reported_clause_subject_is_not_the_speakers_target(imported_engine: Engine) -> None:
    found = _triples(
        imported_engine, "Egypt said Morocco is about to restore relations with Algeria."
    )
    assert ("REQUEST", "023", "EGY", "MAR") not in found
    assert ("COOPERATE", "064", "MAR", "DZA") in found


def test_raising_passive_subject_acts(engine: Engine) -> None:
    found = _triples(engine, "Iran was seen to attack Iraq on Monday.")
    assert next(t for t in found if t[0] == "ASSAULT")[2:] == ("IRN", "IRQ")


def test_mention_inside_a_phrase_takes_the_agent_of_its_noun(imported_engine: Engine) -> None:
    coded = imported_engine.code_text(
        "Morocco restored diplomatic ties with the Algerian police.", day=DAY
    )
    (event,) = coded.events
    assert [(r.country, r.sectors) for r in event.recipients] == [("DZA", ("COP",))]


def test_target_subject_and_source_later_in_the_phrase(imported_engine: Engine) -> None:
    found = _triples(imported_engine, "Egypt has received money from Saudi Arabia.")
    assert found == [("AID", "071", "SAU", "EGY")]


def test_participle_with_by_agent_is_a_passive(engine: Engine) -> None:
    text = "Criticized by Germany, Turkey is being drawn into the talks by its resumption of ties."
    found = _triples(engine, text)
    assert [t[2] for t in found if t[0] == "ACCUSE"] == ["DEU"]


def test_set_members_are_all_tried_in_order(imported_engine: Engine) -> None:
    # "against" occurs after "resolution", "on" before it: the pattern still matches
    found = _triples(imported_engine, "Ethiopia acted on a resolution against Libya.")
    assert found == [("REQUEST", "102", "ETH", "LBY")]


def test_lexicon_version_names_the_imported_files(imported_engine: Engine) -> None:
    assert "+imported-" in imported_engine.coder.lexicon_version


def test_verbs_match_only_the_forms_the_dictionary_defines(imported_engine: Engine) -> None:
    # LEAVE lists its forms {LEAVES LEFT LEAVING}: a misspelt "leaved" is not one of them,
    # even though the parser's lemma is "leave"
    assert ("AGREE", "032", "EGY", "JOR") in _triples(imported_engine, "Egypt left for Jordan.")
    assert _triples(imported_engine, "Egypt leaved for Jordan.") == []


def test_words_a_pattern_matched_are_no_modality_cues(imported_engine: Engine) -> None:
    # "WILL NOT * [120]": the pattern's code already says what "will not" means, so the
    # refusal is asserted, not a negated (or future) event
    (event,) = imported_engine.code_text("Egypt will not recognize Israel.", day=DAY).events
    assert (event.type, event.cameo, event.modality) == ("REJECT", "120", Modality.ASSERTED)
    # a negation the pattern did not match still negates the pattern's event
    (event,) = imported_engine.code_text("Germany did not condemn Russia.", day=DAY).events
    assert event.modality is Modality.NEGATED


def test_pattern_words_match_the_very_word(imported_engine: Engine) -> None:
    # "* &PREP RESOLUTION [102]": no stemming, "resolutions" leaves the block's code (100)
    found = _triples(imported_engine, "Ethiopia acted on resolutions against Libya.")
    assert found == [("REQUEST", "100", "ETH", "LBY")]


def test_skip_marks_pass_over_actors(imported_engine: Engine) -> None:
    # "* FEAST IN ^ +": the actor after "in" is skipped, the target is the next one
    found = _triples(
        imported_engine, "Egypt celebrated the feast in Syria with the leaders of Jordan."
    )
    assert found == [("CONSULT", "045", "EGY", "JOR")]


def test_marks_by_position_before_and_after_pattern_words(imported_engine: Engine) -> None:
    # "+ HOSTING * HOLIDAY $": the target is the actor before "hosting", the source the one
    # after "holiday"; the infinitive is the pattern's event, not just the hosting's purpose
    text = "Egypt was hosting Syria to celebrate the holiday with Jordan."
    assert ("CONSULT", "046", "JOR", "EGY") in _triples(imported_engine, text)


def test_a_pronoun_referring_back_to_a_compound_actor_is_no_recipient(
    imported_engine: Engine,
) -> None:
    text = "The ambassadors of Egypt and Jordan presented their credentials to Syria's president."
    found = _triples(imported_engine, text)
    assert found == [("AGREE", "032", "EGY+JOR", "SYR")]


def test_a_target_in_the_subject_place_leaves_the_source_before_it(
    imported_engine: Engine,
) -> None:
    # "NOTED + *": the subject of "regretted" is the target; the source is the actor before
    text = "Egypt's foreign minister noted that Syria regretted the decision of Jordan."
    assert ("ACCUSE", "115", "EGY", "SYR") in _triples(imported_engine, text)


def test_a_stated_intent_keeps_the_dictionarys_code(imported_engine: Engine) -> None:
    # PETRARCH codes the pattern whatever the tense; the built-in lexicon would code AGREE 031
    text = "Morocco will restore diplomatic ties with Algeria."
    (event,) = imported_engine.code_text(text, day=DAY).events
    assert (event.type, event.cameo) == ("COOPERATE", "064")
    assert event.modality is Modality.ASSERTED
    assert event.explanation.modality_cue is not None
    assert "coded as the dictionary says" in event.explanation.modality_cue
