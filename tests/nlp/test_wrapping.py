"""Hard-wrapped text is parsed as paragraphs (eventwire/nlp/wrapping.py)."""

from __future__ import annotations

import textwrap
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.engine import Engine
from eventwire.nlp.pipeline import make_doc
from eventwire.nlp.wrapping import hard_wrapped, unwrap
from eventwire.records import Article

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ.,'-", min_size=4, max_size=12)
PARAGRAPH = st.lists(WORDS, min_size=80, max_size=120).map(" ".join)

REUTERS_STYLE = (
    "Iran said on Tuesday it had agreed with Iraq\n"
    "to resume talks on the exchange of prisoners of war, the\n"
    "official news agency reported from the capital on Tuesday.\n"
    "    The talks were broken off last year after both sides\n"
    "accused each other of violating the ceasefire along the border.\n"
)


@settings(max_examples=30, deadline=None)
@given(paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=3), width=st.integers(45, 90))
def test_a_wrapped_text_is_detected_and_unwrapped_to_its_paragraphs(
    paragraphs: list[str], width: int
) -> None:
    wrapped = "\n\n".join(
        textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False) for p in paragraphs
    )
    assert hard_wrapped(wrapped)
    assert unwrap(wrapped) == "\n\n".join(paragraphs)


@settings(max_examples=30, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .\n\t"), max_size=300))
def test_unwrapping_keeps_every_offset(text: str) -> None:
    result = unwrap(text)
    assert len(result) == len(text)
    assert all(a == b or (a, b) == ("\n", " ") for a, b in zip(text, result, strict=True))


@settings(max_examples=30, deadline=None)
@given(paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=6))
def test_one_paragraph_per_line_is_not_wrapped(paragraphs: list[str]) -> None:
    # web pages and feeds: a headline, then each paragraph on one long line
    assert not hard_wrapped("Iran and Iraq agree to talks\n" + "\n".join(paragraphs))


def test_a_short_text_is_not_wrapped() -> None:
    assert not hard_wrapped("Talks ended\nIran rejected the offer.")


def test_a_sentence_runs_over_the_lines_of_a_wrapped_text(engine: Engine) -> None:
    article = Article(id="t", text=REUTERS_STYLE, source="t", published=date(1987, 3, 3))
    doc = engine.nlp(make_doc(engine.nlp, article))
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences[0].startswith("Iran said") and sentences[0].endswith("on Tuesday.")
    assert sentences[1].startswith("The talks were broken off")
    assert len(REUTERS_STYLE) == len(doc.text)


def test_a_wrapped_sentence_is_coded_whole(engine: Engine) -> None:
    coded = engine.code_text(REUTERS_STYLE, day=date(1987, 3, 3))
    agree = [e for e in coded.events if e.type == "AGREE"]
    assert agree and {a.country for a in agree[0].actors} == {"IRN"}
    start, end = agree[0].sentence.start, agree[0].sentence.end
    assert REUTERS_STYLE[start:end].startswith("Iran said")
