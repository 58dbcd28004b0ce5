"""The TABARI/PETRARCH verb dictionary and discard list readers, on hand-written snippets."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eventwire.errors import LexiconError
from eventwire.knowledge import load_ontology
from eventwire.knowledge.tabari_discards import parse_discard_lines
from eventwire.knowledge.tabari_verbs import (
    parse_codes,
    parse_verb_lines,
    read_verb_dictionary,
    verb_forms,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"

SNIPPET = """\
<!-- a comment -->
&TIES          # a synonym set
+DIPLOMATIC_TIES
+RELATIONS

&MORE
+&TIES
+CONTACTS

--- RESTORE  [---]  ---
RESTORE        # a verb with regular forms
REESTABLISH [064]
- * &MORE  [064]  # synonym set in a pattern
- IN_*  [075A]
- SO IN_AND_*_OUT_AGAIN NOW [074]

--- BREAK [1717] ---
BREAK { BROKE BROKEN }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}
WIRE_+TAP {WIRE_+TAPPED, WIRE_+TAPPING}
- + * IN $  [075]
- * {BANK ACCOUNT} (WITH CONCERN) [163]
- * WITH % [031:032]
~ a (a b ATTACK) SAY = a b 015
- * NOTHING
"""


def test_synsets_blocks_verbs_and_patterns() -> None:
    dictionary, report = parse_verb_lines(SNIPPET.splitlines(), source="snippet.txt")
    assert [b.name for b in dictionary.blocks] == ["RESTORE", "BREAK"]
    restore, brk = dictionary.blocks
    assert restore.code == "" and brk.code == "1717"
    # the embedded set expands to its members
    ties = restore.patterns[0]
    assert ties.code == "064"
    assert set(ties.after[0].alternatives) == {
        ("DIPLOMATIC", "TIES"),
        ("RELATIONS",),
        ("CONTACTS",),
    }
    joined = restore.patterns[1]
    assert joined.code == "074" and joined.joined_before and joined.after[0].joined
    verbs = {v.base: v for v in dictionary.verbs if not v.pre_words and not v.post_words}
    assert verbs["RESTORE"].code is None and verbs["REESTABLISH"].code == "064"
    assert {"restores", "restored", "restoring"} <= set(verbs["RESTORE"].forms)
    # listed forms replace the generated ones (PETRARCH): no "breaks", no "breaked"
    assert set(verbs["BREAK"].forms) == {"break", "broke", "broken"}
    assert dictionary.lookup("broke")[0].base == "BREAK"
    tap = next(v for v in dictionary.verbs if v.pre_words == ("WIRE",))
    assert tap.base == "TAP" and "tapped" in tap.forms
    down = next(v for v in dictionary.verbs if v.post_words == ("DOWN",))
    assert "broke" in down.forms
    role = brk.patterns[0]
    assert [i.kind for i in role.before] == ["target"] and [i.kind for i in role.after] == [
        "word",
        "source",
    ]
    group = brk.patterns[1]
    assert group.after[0].alternatives == (("BANK", "ACCOUNT"),)
    assert group.after[1].alternatives == (("WITH", "CONCERN"),)
    assert brk.patterns[2].reverse_code == "032"
    # what was skipped is reported with its line number
    reasons = {reason: line for line, reason, _ in report.examples}
    assert reasons["pattern code not a CAMEO code: [075A]"] == 14
    assert reasons["transformation (unsupported)"] == 24
    assert reasons["pattern needs exactly one [CODE]"] == 25
    assert report.source == "snippet.txt" and report.substitution_sets == 2


def test_synonym_set_members_carry_their_plurals() -> None:
    text = "&TIES\n+ECONOMIC_TIE\n+POLICY\n+TREATY_\n&PREP_\n+ON\n+BAN\n"
    text += "--- X [010] ---\nX\n- * &TIES [020]\n- * &PREP [030]\n"
    dictionary, _ = parse_verb_lines(text.splitlines())
    ties, prep = dictionary.blocks[0].patterns
    assert ties.after[0].alternatives == (
        ("ECONOMIC", "TIE"),
        ("ECONOMIC", "TIES"),
        ("POLICY",),
        ("POLICIES",),
        ("TREATY",),  # a member ending in '_' has no plural
    )
    assert prep.after[0].alternatives == (("ON",), ("BAN",))  # nor has a '&NAME_' set


def test_verbs_outside_blocks_and_undefined_sets_are_skipped() -> None:
    text = "ORPHAN [010]\n--- X [010] ---\nX\n- * &NOPE [020]\n"
    dictionary, report = parse_verb_lines(text.splitlines())
    assert [v.base for v in dictionary.verbs] == ["X"]
    assert dict(report.skipped) == {
        "verb outside a '--- NAME ---' block": 1,
        "undefined synonym set": 1,
    }


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("ATTACK", ("ATTACK", "ATTACKS", "ATTACKED", "ATTACKING")),
        ("ARRIVE", ("ARRIVE", "ARRIVES", "ARRIVED", "ARRIVING")),
        ("DENY", ("DENY", "DENIES", "DENIED", "DENYING")),
        ("PUSH", ("PUSH", "PUSHES", "PUSHED", "PUSHING")),
    ],
)
def test_regular_verb_forms(base: str, forms: tuple[str, ...]) -> None:
    assert verb_forms(base) == forms


def test_codes() -> None:
    assert parse_codes("032:033") == ("032", "033")
    assert parse_codes("---") == ("", "")
    assert parse_codes(" 1721 ") == ("1721", "")
    assert isinstance(parse_codes("abc"), str)


def test_cameo_codes_map_to_plover_types() -> None:
    ontology = load_ontology()
    assert ontology.plover_of("064") == ("COOPERATE", "")
    assert ontology.plover_of("0872") == ("RETREAT", "withdraw")
    assert ontology.plover_of("191") == ("COERCE", "restrict")
    assert ontology.plover_of("1721") == ("COERCE", "")
    assert ontology.plover_of("010") is None  # MAKE PUBLIC STATEMENT: no PLOVER type
    assert ontology.plover_of("223") is None  # not a CAMEO root


def test_unreadable_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"missing\.verbs\.txt"):
        read_verb_dictionary(tmp_path / "missing.verbs.txt")


def test_discards() -> None:
    text = "# comment\nYEARS LATER\n+World Golf Championships  # pas\nBALLCLUB_\n+\n"
    discards, report = parse_discard_lines(text.splitlines(), source="d.txt")
    assert discards.sentence_phrase("Ten years later, the talks resumed.") == "years later"
    assert discards.sentence_phrase("The ballclubs met.") is None  # whole word only
    assert discards.sentence_phrase("The ballclub met.") == "ballclub"
    assert discards.story_phrase("at the world golf  championships in Ohio") is not None
    assert discards.story_phrase("Years later") is None
    assert report.entries == 3 and report.skipped_total == 1


def test_phoenix_verb_dictionary_imports_in_seconds() -> None:
    path = SHARED / "dictionaries" / "phoenix" / "CAMEO.2.0.txt"
    if not path.is_file():
        pytest.skip(f"shared data not found at {path} (a user's clone)")
    start = time.perf_counter()
    dictionary, report = read_verb_dictionary(path)
    elapsed = time.perf_counter() - start
    assert elapsed < 5.0
    assert len(dictionary.blocks) > 350 and len(dictionary.verbs) > 1500
    assert sum(len(b.patterns) for b in dictionary.blocks) > 4000
    assert report.skipped_total < 30


def test_packaged_cameo_types_agree_with_the_plover_table() -> None:
    """One mapping in effect: the coder's (cameo_roots.tsv + cameo_types.tsv) gives every CAMEO
    code the type the PLOVER project's CAMEO2PLOVER table (used for scoring) gives it."""
    import csv

    from eventwire.evaluate.cameo_map import load_cameo_map

    codes_file = SHARED / "codebooks" / "cameo" / "cameo-codes.csv"
    if not codes_file.is_file():
        pytest.skip(f"shared data not found at {codes_file} (a user's clone)")
    table = load_cameo_map(SHARED)
    ontology = load_ontology()
    with codes_file.open(encoding="latin-1", newline="") as handle:
        codes = [row["code"] for row in csv.DictReader(handle)]
    assert len(codes) == 312
    for code in codes:
        ours = ontology.plover_of(code)
        assert (ours[0] if ours else None) == table.type_of(code), code
