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


class ModelNotInstalledError(EventwireError):
    code = "E200"


class LexiconError(EventwireError):
    """A lexicon or alias data file is malformed."""

    code = "E300"


class StoreError(EventwireError):
    code = "E400"


class SchemaVersionError(StoreError):
    code = "E401"


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
