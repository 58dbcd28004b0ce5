"""Per-article guards: pathological input becomes a failure with a code, never a hang.

Two checks run before an article is parsed (its length in characters, and the longest run of
tokens without a sentence break), because spaCy's parse of one article cannot be interrupted;
bounding its input bounds its time and memory. A :class:`Deadline` then bounds coding: the
coder checks it once per sentence and gives up with :class:`~eventwire.errors.CodingTimeoutError`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from eventwire.errors import ArticleTooLongError, CodingTimeoutError, SentenceTooLongError
from eventwire.nlp.wrapping import hard_wrapped, unwrap
from eventwire.records import Article

# A sentence ends at ., ! or ? followed by whitespace, or at a line break. Abbreviations
# ("U.S. officials") end a run early, which only makes the token count below more lenient.
_SENTENCE_BREAK = re.compile(r"[.!?]+[\"')\]]*\s+|\n")
# Words and single punctuation marks: close to (never far below) spaCy's token count.
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True, kw_only=True)
class GuardOptions:
    """Limits on one article.

    ``max_chars``: characters of article text (a long news story has 60,000);
    ``max_sentence_tokens``: tokens between two sentence breaks (a long news sentence has 80);
    ``coding_seconds``: wall time the coder may spend on one parsed article.
    """

    max_chars: int = 200_000
    max_sentence_tokens: int = 2_000
    coding_seconds: float = 60.0

    def __post_init__(self) -> None:
        if self.max_chars < 1 or self.max_sentence_tokens < 1 or self.coding_seconds <= 0:
            raise ValueError(
                "guard limits must be positive: "
                f"max_chars={self.max_chars}, max_sentence_tokens={self.max_sentence_tokens}, "
                f"coding_seconds={self.coding_seconds}"
            )


def longest_sentence_tokens(text: str) -> int:
    """The most tokens (words and punctuation marks) between two sentence breaks in ``text``."""
    longest = 0
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        if match.start() - start > longest:  # a run with fewer characters has fewer tokens
            longest = max(longest, len(_TOKEN.findall(text, start, match.start())))
        start = match.end()
    if len(text) - start > longest:
        longest = max(longest, len(_TOKEN.findall(text, start)))
    return longest


def check_article(article: Article, options: GuardOptions) -> None:
    """Raise if ``article`` is too long to parse safely under ``options``.

    Raises:
        ArticleTooLongError: more than ``options.max_chars`` characters of text.
        SentenceTooLongError: a run of more than ``options.max_sentence_tokens`` tokens
            without a sentence break (a table, a list, a text with no punctuation).
    """
    length = len(article.text)
    if length > options.max_chars:
        raise ArticleTooLongError(
            f"{article.source}: the article has {length:,} characters, over the limit of "
            f"{options.max_chars:,}; split it into articles, or raise GuardOptions.max_chars"
        )
    # a hard-wrapped text is parsed with its lines joined (eventwire.nlp.wrapping)
    text = unwrap(article.text) if hard_wrapped(article.text) else article.text
    tokens = longest_sentence_tokens(text)
    if tokens > options.max_sentence_tokens:
        raise SentenceTooLongError(
            f"{article.source}: a sentence has about {tokens:,} tokens with no sentence break, "
            f"over the limit of {options.max_sentence_tokens:,}; add sentence punctuation or "
            "line breaks, or raise GuardOptions.max_sentence_tokens"
        )


@dataclass(frozen=True, slots=True)
class Deadline:
    """A point in (monotonic) time after which coding one article gives up."""

    seconds: float
    expires: float
    clock: Callable[[], float] = time.monotonic

    @classmethod
    def start(cls, seconds: float, *, clock: Callable[[], float] = time.monotonic) -> Deadline:
        return cls(seconds=seconds, expires=clock() + seconds, clock=clock)

    def check(self, article_id: str, *, done: int, total: int) -> None:
        """Raise :class:`CodingTimeoutError` once the deadline has passed.

        ``done`` and ``total`` (tokens coded so far, tokens in all) go into the message.
        """
        if self.clock() >= self.expires:
            raise CodingTimeoutError(
                f"article {article_id}: coding took longer than {self.seconds:g} s (stopped at "
                f"token {done:,} of {total:,}); split the article, or raise "
                "GuardOptions.coding_seconds"
            )
