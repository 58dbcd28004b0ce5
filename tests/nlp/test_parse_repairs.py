"""Repairs of regular misparses (nlp/parse_repairs.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.engine import Engine
from eventwire.nlp.parse_repairs import reduced_passives


def _dep(engine: Engine, text: str, word: str) -> str:
    return next(t.dep_ for t in engine.nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Russia pardoned the American businessman convicted of spying.", "businessman"),
        ("Iran freed the journalist sentenced to ten years in prison.", "journalist"),
    ],
)
def test_the_noun_before_a_bare_participle_undergoes_it(
    engine: Engine, text: str, word: str
) -> None:
    assert _dep(engine, text, word) != "nsubj"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a finite clause of saying: a past tense the tagger may take for a participle
        # ("deplored" is tagged VBN here)
        (
            "Chad deplored from Niger years after mobs attacked its embassy, a diplomat said.",
            "Chad",
        ),
        ("The US said Russia violated the treaty.", "Russia"),
        # a marker makes the clause finite
        ("Police fired tear gas after protesters rallied outside parliament.", "protesters"),
        ("The court will decide whether their actions qualified as fraud.", "actions"),
    ],
)
def test_a_finite_clause_keeps_its_subject(engine: Engine, text: str, word: str) -> None:
    assert _dep(engine, text, word) == "nsubj"


def test_the_repair_codes_the_pardon_not_a_conviction_by_the_convict(engine: Engine) -> None:
    events = engine.code_text("Russia pardoned the American businessman convicted of spying.")
    assert [e.type for e in events.events] == ["CONCEDE"]


SUBJECTS = ["the minister", "rebels", "Iran", "the man", "police"]
VERBS = ["pardoned", "said", "saw", "freed"]
PARTICIPLES = ["convicted", "arrested", "said", "rallied", "attacked", "sentenced", "released"]
TAILS = ["", " of spying", " on Monday", " the town", " in Paris"]
SENTENCES = st.builds(
    lambda s, v, o, p, t: f"{s.capitalize()} {v} {o} {p}{t}.",
    *(st.sampled_from(words) for words in (SUBJECTS, VERBS, SUBJECTS, PARTICIPLES, TAILS)),
)


@settings(max_examples=40, deadline=None)
@given(SENTENCES)
def test_the_repair_only_turns_subjects_passive_and_is_idempotent(
    engine: Engine, text: str
) -> None:
    doc = engine.nlp(text)
    before = [t.dep_ for t in doc]
    reduced_passives(doc)
    assert [t.dep_ for t in doc] == before  # the pipeline has repaired it already
    with engine.nlp.select_pipes(disable=["eventwire_reduced_passives"]):
        raw = [t.dep_ for t in engine.nlp(text)]
    assert all(a == b or (a, b) == ("nsubj", "nsubjpass") for a, b in zip(raw, before, strict=True))
