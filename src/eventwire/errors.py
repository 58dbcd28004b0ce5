"""eventwire's exceptions. Each carries a stable error code and a message that says what to do.

The codes end up in the ``failures`` table, so users can count and filter failures by cause.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""

    code = "E000"


class InputError(EventwireError):
    """An input article cannot be read or parsed; the batch records it and goes on."""

    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class HeaderError(InputError):
    code = "E104"


class MissingDateError(InputError):
    code = "E105"


class RecordFormatError(InputError):
    """A JSONL/CSV record is malformed or lacks a required field."""

    code = "E106"


class InputTooLargeError(InputError):
    code = "E107"


class ArticleTooLongError(InputError):
    """An article's text is longer than the engine's guard allows (in characters)."""

    code = "E108"


class SentenceTooLongError(InputError):
    """A run of text without a sentence break has more tokens than the guard allows."""

    code = "E109"


class ModelNotInstalledError(EventwireError):
    code = "E200"


class LexiconError(EventwireError):
    """A lexicon or alias data file is malformed."""

    code = "E300"


class StoreError(EventwireError):
    code = "E400"


class SchemaVersionError(StoreError):
    code = "E401"


class StoreLockedError(StoreError):
    """Another process holds the store's file lock; ``pid`` is that process when known."""

    code = "E403"

    def __init__(self, message: str, *, pid: int | None = None) -> None:
        super().__init__(message)
        self.pid = pid


class GoldDataMissingError(EventwireError):
    code = "E500"


class GoldFormatError(EventwireError):
    """A gold file (or the CAMEO to PLOVER table) is malformed or of an unknown format."""

    code = "E501"


class EvalGateError(EventwireError):
    """The evaluation floors file is malformed, or an update would lower a floor."""

    code = "E502"


class CodingError(EventwireError):
    """The coder failed on one article; the batch records it and goes on."""

    code = "E600"


class CodingTimeoutError(CodingError):
    """Coding one article took longer than the engine's per-article deadline."""

    code = "E601"


class WebInputError(InputError):
    """A web page or feed could not be fetched, read or extracted; the batch records it."""

    code = "E110"

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class HTTPStatusError(WebInputError):
    """The server answered with an HTTP error status (4xx/5xx)."""

    code = "E111"


class FetchTimeoutError(WebInputError):
    """The server did not answer (or finish answering) within the timeout."""

    code = "E112"


class ConnectionFailedError(WebInputError):
    """No connection to the server (refused, unknown host, TLS or protocol error)."""

    code = "E113"


class TooManyRedirectsError(WebInputError):
    """A redirect loop, or more redirects than the limit allows."""

    code = "E114"


class ResponseTooLargeError(WebInputError):
    """The response is larger than the fetcher's byte limit."""

    code = "E115"


class RobotsDisallowedError(WebInputError):
    """The site's robots.txt forbids eventwire to fetch this URL."""

    code = "E116"


class NoArticleTextError(WebInputError):
    """A page holds no article text that extraction could find."""

    code = "E117"


class FeedFormatError(WebInputError):
    """A file or response is not a readable RSS or Atom feed."""

    code = "E118"


class SourcesFileError(EventwireError):
    """A ``watch`` sources file is missing, not TOML, or has a bad entry."""

    code = "E119"


class SparkError(EventwireError):
    """The Spark runner cannot start, or its job failed."""

    code = "E800"


class SparkNotInstalledError(SparkError):
    """pyspark (the optional ``spark`` extra) is not installed."""

    code = "E801"


class JavaNotFoundError(SparkError):
    """No Java runtime for Spark: neither ``$JAVA_HOME/bin/java`` nor ``java`` on the PATH."""

    code = "E802"


class SparkOutputError(SparkError):
    """A Spark output directory is incomplete (no ``_manifest.json``), unreadable or in use."""

    code = "E803"


class ApiTokenError(EventwireError):
    """The configured API token of ``eventwire serve`` is unusable (too short, unreadable)."""

    code = "E710"
