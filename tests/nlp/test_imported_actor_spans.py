"""The actor-span component over imported TABARI/PETRARCH dictionaries: same tokens, fast build."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eventwire.engine import Engine
from eventwire.knowledge import load_gazetteer
from eventwire.knowledge.tabari import import_dictionaries
from eventwire.nlp.components import ACTORS_KEY, ActorSpans, phrase_docs

PHOENIX = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dictionaries" / "phoenix"
)
PHOENIX_ACTORS = [PHOENIX / f"Phoenix.{n}.actors.txt" for n in ("Countries", "International")]
PHOENIX_ACTORS.append(PHOENIX / "Phoenix.MilNonState.actors.txt")


def test_phrase_docs_tokenize_like_make_doc(engine: Engine) -> None:
    texts = [
        "U.N. Secretary General", "Ban Ki-moon", "Samoa (American)", "Côte d'Ivoire",
        "Women's Federation", "1st Lt.", "Cannot", "U.S.S.R", "Mazar-i-Sharif", "al-Qaeda",
        "  two  spaces ", "tab\there", "Dr. No", "F/A-18", "Pago Pago",
    ]  # fmt: skip
    fast = [[t.text for t in doc] for doc in phrase_docs(engine.nlp, texts)]
    assert fast == [[t.text for t in engine.nlp.make_doc(text)] for text in texts]


@pytest.mark.slow
def test_phoenix_phrase_matcher_builds_fast_and_matches(engine: Engine) -> None:
    missing = [str(p) for p in [*PHOENIX_ACTORS, PHOENIX / "Phoenix.agents.txt"] if not p.is_file()]
    if missing:
        pytest.skip(f"shared Phoenix dictionaries not found: {', '.join(missing)}")
    gazetteer, _ = import_dictionaries(
        PHOENIX_ACTORS, [PHOENIX / "Phoenix.agents.txt"], base=load_gazetteer()
    )
    started = time.perf_counter()
    component = ActorSpans(engine.nlp, gazetteer)
    seconds = time.perf_counter() - started
    assert len(gazetteer.entries) + len(gazetteer.people) > 35_000
    assert seconds < 10, f"building the phrase matcher took {seconds:.1f}s"  # ~1.5s typical
    doc = component(engine.nlp.make_doc("UN Secretary General Ban Ki-moon met Hamid Karzai."))
    assert [s.kb_id_ for s in doc.spans[ACTORS_KEY]] == [
        "tabari:UN Secretary General",
        "people:Ban Ki-moon",
        "people:Hamid Karzai",
    ]
