"""The unit of work every runner maps: ``process_batch(engine, items)`` -> coded + failures.

An :class:`Engine` is the spaCy pipeline plus the coder, built once per process.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language

from eventwire.coding import Coder, CoderOptions
from eventwire.errors import CodingError, EventwireError, InputError
from eventwire.guards import Deadline, GuardOptions, check_article
from eventwire.ingest import read_article_text
from eventwire.nlp.pipeline import PipelineOptions, load_pipeline, make_doc, parse_articles
from eventwire.records import Article, CodedArticle, Failure


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a batch is parsed: spaCy batch size and worker processes."""

    batch_size: int = 16
    n_process: int = 1


@dataclass(frozen=True, slots=True)
class EngineSpec:
    """What an Engine is built from: enough to build the same Engine in another process."""

    pipeline: PipelineOptions | None = None
    coder: CoderOptions | None = None
    guards: GuardOptions | None = None

    def load(self) -> Engine:
        return Engine.load(self.pipeline, coder=self.coder, guards=self.guards)


@dataclass(frozen=True, slots=True)
class Engine:
    """The loaded pipeline and coder. Build one per process with :meth:`load`."""

    nlp: Language
    coder: Coder
    spec: EngineSpec = field(default_factory=EngineSpec)

    @property
    def guards(self) -> GuardOptions:
        """The size and time limits of one article (:mod:`eventwire.guards`)."""
        return self.spec.guards or GuardOptions()

    def with_guards(self, guards: GuardOptions) -> Engine:
        """The same pipeline and coder under other guards."""
        self.nlp.max_length = max(self.nlp.max_length, guards.max_chars)
        return replace(self, spec=replace(self.spec, guards=guards))

    @classmethod
    def load(
        cls,
        pipeline: PipelineOptions | None = None,
        *,
        coder: CoderOptions | None = None,
        guards: GuardOptions | None = None,
    ) -> Engine:
        nlp = load_pipeline(pipeline)
        guards = guards or GuardOptions()
        nlp.max_length = max(nlp.max_length, guards.max_chars)
        return cls(
            nlp=nlp,
            coder=Coder.for_pipeline(nlp, options=coder),
            spec=EngineSpec(pipeline, coder, guards),
        )

    def code_article(self, article: Article) -> CodedArticle:
        """Parse and code one article.

        Raises:
            InputError: the article is over a guard's size limit (see :mod:`eventwire.guards`).
            CodingTimeoutError: coding it took longer than the guard's deadline.
        """
        check_article(article, self.guards)
        doc = self.nlp(make_doc(self.nlp, article))
        return self.coder.code(doc, article, deadline=Deadline.start(self.guards.coding_seconds))

    def code_text(
        self, text: str, *, day: date | None = None, source: str = "<text>"
    ) -> CodedArticle:
        """Code a text: wire format with a ``date`` header, or plain text dated ``day``.

        A text with no date at all is still coded; its events are then undated.
        """
        article = read_article_text(text, source=source, date=day, require_date=False)
        return self.code_article(article)


def _failure(article: Article, stage: str, error: Exception) -> Failure:
    code = error.code if isinstance(error, EventwireError) else CodingError.code
    return Failure(
        source=article.source,
        stage=stage,
        code=code,
        message=f"{type(error).__name__}: {error}",
        article_id=article.id,
        excerpt=article.text[:120],
    )


def process_batch(
    engine: Engine,
    items: Iterable[Article | Failure],
    options: BatchOptions | None = None,
) -> Iterator[CodedArticle | Failure]:
    """Code a stream of articles; failures from reading pass through, in order, and a failure
    while coding one article becomes a Failure for that article while the batch goes on."""
    options = options or BatchOptions()
    pending: deque[Failure] = deque()

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Failure):
                pending.append(item)
                continue
            try:
                check_article(item, engine.guards)
            except InputError as error:
                pending.append(_failure(item, "guard", error))
                continue
            yield item

    parsed = parse_articles(
        engine.nlp, articles(), batch_size=options.batch_size, n_process=options.n_process
    )
    for doc, article in parsed:
        while pending:
            yield pending.popleft()
        try:
            deadline = Deadline.start(engine.guards.coding_seconds)
            yield engine.coder.code(doc, article, deadline=deadline)
        except Exception as error:
            yield _failure(article, "coding", error)
    while pending:
        yield pending.popleft()
