"""Loading the trigger lexicon (knowledge/lexicon.py) from a data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import LexiconError
from eventwire.knowledge import Lexicon, load_lexicon

HEADER = "# version: 1\nlemma\tpos\twith\ttype\tmode\tcameo\tflags\n"


def _lexicon(folder: Path, rows: str) -> Lexicon:
    """The lexicon of a data folder holding these trigger rows (and one support verb)."""
    (folder / "support_verbs.tsv").write_text("# version: 1\nlemma\tnote\nhold\theld talks\n")
    (folder / "triggers.tsv").write_text(HEADER + rows)
    return load_lexicon(data_dir=folder)


def test_a_typed_object_requirement_names_a_plover_type(tmp_path: Path) -> None:
    (entry,) = _lexicon(
        tmp_path, "prevent\tVERB\tdobj:@PROTEST\tCOERCE\trestrict\t1721\t\n"
    ).candidates("prevent", "VERB")
    assert (entry.with_dep, entry.with_lemma) == ("dobj", "@protest")
    with pytest.raises(LexiconError, match="names a PLOVER type"):
        _lexicon(tmp_path, "prevent\tVERB\tdobj:@RIOT\tCOERCE\trestrict\t1721\t\n")
    (entry,) = _lexicon(
        tmp_path, "withdraw\tVERB\tprep:from@CONSULT\tSANCTION\twithdraw\t164\t\n"
    ).candidates("withdraw", "VERB")
    assert (entry.with_dep, entry.with_lemma) == ("prep", "from@consult")
    for bad in ("prep:@CONSULT", "dobj:from@CONSULT", "prt:off@CONSULT"):
        with pytest.raises(LexiconError, match="names a PLOVER type"):
            _lexicon(tmp_path, f"withdraw\tVERB\t{bad}\tSANCTION\twithdraw\t164\t\n")


def test_a_preposition_may_require_its_object_noun(tmp_path: Path) -> None:
    (entry,) = _lexicon(tmp_path, "take\tVERB\tprep:to=Street\tPROTEST\tdemo\t141\t\n").candidates(
        "take", "VERB"
    )
    assert (entry.with_dep, entry.with_lemma) == ("prep", "to=street")
    for bad in ("dobj:to=street", "prep:=street", "prep:to=", "prep:to=street@PROTEST"):
        with pytest.raises(LexiconError, match="names the object noun"):
            _lexicon(tmp_path, f"take\tVERB\t{bad}\tPROTEST\tdemo\t141\t\n")


def test_a_named_object_wins_over_a_typed_one_and_both_over_the_bare_row(tmp_path: Path) -> None:
    lexicon = _lexicon(
        tmp_path,
        "lift\tVERB\t\tCONCEDE\t\t080\tweak\n"
        "lift\tVERB\tdobj:@COERCE\tCONCEDE\t\t081\t\n"
        "lift\tVERB\tdobj:blockade\tRETREAT\twithdraw\t0872\t\n",
    )
    rows = lexicon.candidates("lift", "VERB")
    assert [e.cameo for e in rows] == ["0872", "081", "080"]


def test_an_object_may_be_required_to_be_an_actor(tmp_path: Path) -> None:
    lexicon = _lexicon(
        tmp_path,
        "beat\tVERB\tdobj:@ACTOR\tASSAULT\tbeat\t182\tweak\n"
        "shoot\tVERB\tprep:at@ACTOR\tASSAULT\tfirearms\t193\t\n",
    )
    (beat,) = lexicon.candidates("beat", "VERB")
    assert (beat.with_dep, beat.with_lemma) == ("dobj", "@actor")
    (shoot,) = lexicon.candidates("shoot", "VERB")
    assert (shoot.with_dep, shoot.with_lemma) == ("prep", "at@actor")
    (want,) = _lexicon(tmp_path, "want\tVERB\txcomp:@ACTOR\tREQUEST\t\t020\tintent\n").candidates(
        "want", "VERB"
    )
    assert (want.with_dep, want.with_lemma) == ("xcomp", "@actor")
    for bad in ("dobj:at@ACTOR", "prep:@ACTOR", "prt:up@ACTOR", "dobj:@PERSON", "xcomp:@AGREE"):
        with pytest.raises(LexiconError, match="names a PLOVER type"):
            _lexicon(tmp_path, f"beat\tVERB\t{bad}\tASSAULT\tbeat\t182\t\n")


def test_the_coder_gives_the_lexicon_its_actor_words() -> None:
    plain = load_lexicon()
    lexicon = plain.with_actor_words(["Foreign Minister", "rebels"])
    assert lexicon.actor_words == {"foreign minister", "rebels"}
    assert not plain.actor_words  # a new lexicon; the loaded one is unchanged
    assert lexicon.candidates("beat", "VERB") == plain.candidates("beat", "VERB")
