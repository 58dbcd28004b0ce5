from __future__ import annotations

from datetime import date

from eventwire.engine import Engine
from eventwire.nlp.components import QUOTES_KEY
from eventwire.nlp.pipeline import make_doc
from eventwire.records import Article


def _quotes(engine: Engine, text: str) -> list[tuple[str, str | None]]:
    article = Article(id="t", text=text, source="t", published=date(2021, 3, 18))
    doc = engine.nlp(make_doc(engine.nlp, article))
    out = []
    for span in doc.spans[QUOTES_KEY]:
        speaker = span._.ew_speaker
        out.append((span.text, None if speaker is None else doc[speaker].text))
    return out


def test_speaker_after_quote(engine: Engine) -> None:
    found = _quotes(engine, '"We will not back down," the minister said on Monday.')
    assert found == [("We will not back down,", "minister")]


def test_speaker_through_participle(engine: Engine) -> None:
    text = 'Smith criticized the plan, saying the army "had no right to do this."'
    assert _quotes(engine, text)[0][1] == "Smith"


def test_quote_hanging_from_verb(engine: Engine) -> None:
    text = 'The president warned the rebels to "lay down their arms."'
    assert _quotes(engine, text)[0][1] == "president"


def test_continued_quote_takes_previous_speaker(engine: Engine) -> None:
    text = '"We are ready," Lopez said. "The talks must go on."'
    found = _quotes(engine, text)
    assert [speaker for _, speaker in found] == ["Lopez", "Lopez"]


def test_scare_quotes_have_no_speaker(engine: Engine) -> None:
    text = 'The "America First" approach was abandoned in January.'
    assert _quotes(engine, text) == [("America First", None)]


def test_unclosed_quote_ends_with_paragraph(engine: Engine) -> None:
    text = '"This is a long statement, the spokesman said\n\nNext paragraph.'
    (quote, _speaker) = _quotes(engine, text)[0]
    assert "Next" not in quote
