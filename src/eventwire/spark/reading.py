"""Input for Spark: a plan made on the driver, records turned into articles on the executors.

The driver expands the inputs exactly as the local reader does (directories walked recursively
and sorted, hidden files skipped, globs sorted) and numbers the files in that order. Executors
read the files: a JSON Lines file through ``textFile`` (split across tasks, each line numbered by
``zipWithIndex``), any other file whole through ``binaryFiles``. Every record becomes an Article
or a Failure through the local reader's own functions, under the same ``source`` name
(``path:line`` for JSON Lines) — so both runners give the same article ids, failures and events.

Each item carries its input position ``(file number, record number)``: the loader uses it to
keep, of an article id seen twice, the copy the local runner keeps (the first one).
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import InputError, SparkError
from eventwire.ingest.csv_reader import CSV_SUFFIXES, delimiter_for, read_csv
from eventwire.ingest.failures import input_failure

# The local reader's own record functions: sharing them is what makes both runners agree.
from eventwire.ingest.readers import (
    FORMATS,
    JSONL_SUFFIXES,
    STDIN,
    _not_jsonl,
    _os_error,
    _record_article,
    _too_large,
    _wire_article,
    expand_input,
)
from eventwire.ingest.record_fields import ReadOptions
from eventwire.records import Article, Failure

# Hadoop reads these in a path as separators or glob syntax; such a file gets a Failure.
HADOOP_SPECIAL = frozenset(",*?[]{}\\")
_SCHEME = ("hdfs:", "s3:", "s3a:", "s3n:", "gs:", "abfs:", "abfss:", "wasb:", "http:", "https:")

Ordinal = tuple[int, int]
# What travels through the RDD: (kind, file number, record number, payload).
#   "line": one JSON Lines line (bytes) and its 0-based line index
#   "file": (path as Spark names it, bytes) of a whole wire/text or CSV file
#   "failure": a Failure found on the driver
SparkRecord = tuple[str, int, int, Any]


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input file: its number in input order, the path Spark reads, and its source name."""

    number: int
    path: str
    source: str
    kind: str  # "jsonl", "csv" or "wire"


@dataclass(frozen=True, slots=True)
class InputPlan:
    """Every input file in order, and the failures found while listing them."""

    files: tuple[InputFile, ...]
    failures: tuple[tuple[int, Failure], ...]
    options: ReadOptions

    @property
    def jsonl(self) -> tuple[InputFile, ...]:
        return tuple(f for f in self.files if f.kind == "jsonl")

    @property
    def whole(self) -> tuple[InputFile, ...]:
        """The files read whole (wire/text and CSV), by ``binaryFiles``."""
        return tuple(f for f in self.files if f.kind != "jsonl")

    def sources_by_path(self) -> dict[str, tuple[int, str, str]]:
        """Absolute path -> (file number, source name, kind) of every file read whole."""
        return {f.path: (f.number, f.source, f.kind) for f in self.whole}


def plan_inputs(paths: Sequence[str | Path], options: ReadOptions) -> InputPlan:
    """List the inputs as the local reader would, on the driver (which must see the files).

    Raises:
        SparkError: stdin (``-``) or a remote URI (``hdfs://``, ``s3a://``...) was given; the
            Spark runner reads files every executor sees at the same path.
        ValueError: an unknown format.
    """
    if options.fmt not in FORMATS:
        raise ValueError(f"unknown input format {options.fmt!r}; use one of: {', '.join(FORMATS)}")
    listed: list[tuple[Path, None] | tuple[str, InputError]] = []
    for item in paths:
        text = str(item)
        if text == STDIN:
            raise SparkError(
                "the Spark runner cannot read stdin; write the input to a file and pass its path"
            )
        if text.lower().startswith(_SCHEME):
            raise SparkError(
                f"{text}: the Spark runner reads paths every executor sees at the same place "
                "(a local disk or a shared mount); copy remote data there first"
            )
        listed.extend(expand_input(text))
    files: list[InputFile] = []
    failures: list[tuple[int, Failure]] = []
    for number, (path, error) in enumerate(listed):
        if error is not None:
            failures.append((number, input_failure(str(path), error)))
            continue
        planned = _plan_file(number, Path(path), options)
        if isinstance(planned, Failure):
            failures.append((number, planned))
        else:
            files.append(planned)
    return InputPlan(tuple(files), tuple(failures), options)


def _kind(path: Path, fmt: str) -> str:
    suffix = path.suffix.lower()
    if fmt == "csv" or (fmt == "auto" and suffix in CSV_SUFFIXES):
        return "csv"
    if fmt == "jsonl" or (fmt == "auto" and suffix in JSONL_SUFFIXES):
        return "jsonl"
    return "wire"


def _plan_file(number: int, path: Path, options: ReadOptions) -> InputFile | Failure:
    """The file as Spark will read it, or the Failure the local reader gives it up front."""
    source = str(path)
    kind = _kind(path, options.fmt)
    absolute = os.path.abspath(path)
    try:
        size = path.stat().st_size
        if kind == "jsonl":
            with path.open("rb") as handle:
                first = handle.readline(options.max_bytes + 1)
    except OSError as e:
        return input_failure(source, _os_error(path, e))
    if kind == "wire" and size > options.max_bytes:
        return input_failure(source, _too_large(source, size, options.max_bytes))
    if kind == "jsonl" and len(first) <= options.max_bytes:
        problem = _not_jsonl(first.removeprefix(codecs.BOM_UTF8), source)
        if problem is not None:
            return input_failure(source, problem)
    if HADOOP_SPECIAL & set(absolute):
        return input_failure(
            source,
            InputError(
                f"{source}: Spark cannot read a path holding any of "
                f"{''.join(sorted(HADOOP_SPECIAL))}; rename the file or directory, or code it "
                "with `eventwire ingest`"
            ),
        )
    return InputFile(number, absolute, source, kind)


def spark_path(uri: str) -> str:
    """A local path from the name Spark gives a file (``file:/a/b``, ``file:///a/b``)."""
    if uri.startswith("file://"):
        return uri[len("file://") :]
    if uri.startswith("file:"):
        return uri[len("file:") :]
    return uri


def line_items(
    number: int, index: int, line: bytes, source: str, options: ReadOptions
) -> Iterator[tuple[Ordinal, Article | Failure]]:
    """The item of line ``index`` (0-based) of a JSON Lines file, as the local reader makes it.

    Spark drops the line's end; the local reader counts it in the size limit, so ``>=`` here.
    """
    line_number = index + 1
    where = f"{source}:{line_number}"
    if len(line) >= options.max_bytes:
        yield (
            (number, line_number),
            input_failure(where, _too_large(where, options.max_bytes + 1, options.max_bytes)),
        )
        return
    content = line.removeprefix(codecs.BOM_UTF8) if line_number == 1 else line
    if content.strip():
        yield (number, line_number), _record_article(content, where, options)


def whole_file_items(
    number: int, source: str, kind: str, data: bytes, options: ReadOptions
) -> Iterator[tuple[Ordinal, Article | Failure]]:
    """The items of a file read whole: one wire/text article, or one per CSV row."""
    if kind == "csv":
        rows = read_csv(io.BytesIO(data), source, options, delimiter=delimiter_for(Path(source)))
        for row_number, item in enumerate(rows, 1):
            yield (number, row_number), item
    else:
        yield (number, 0), _wire_article(data, source, options)


def record_items(
    records: Iterable[SparkRecord],
    options: ReadOptions,
    whole: dict[str, tuple[int, str, str]],
    jsonl_sources: dict[int, str],
) -> Iterator[tuple[Ordinal, Article | Failure]]:
    """The items of a partition's records (see :data:`SparkRecord`), in partition order."""
    for kind, number, index, payload in records:
        if kind == "line":
            yield from line_items(number, index, payload, jsonl_sources[number], options)
        elif kind == "file":
            uri, data = payload
            found = whole.get(spark_path(uri))
            if found is None:
                raise SparkError(f"Spark read {uri}, which is not among the planned inputs")
            file_number, source, file_kind = found
            yield from whole_file_items(file_number, source, file_kind, data, options)
        else:
            yield (number, index), payload
