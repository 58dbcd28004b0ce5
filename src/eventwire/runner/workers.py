"""Coding on several processes: each worker builds its own Engine once and codes whole chunks.

The parent reads, hands out chunks of articles in order, and receives coded articles back in
the same order; parsing *and* coding happen in the workers, so the parent is left with reading,
story dedup and writing. At most ``2 x workers`` chunks are in flight, so memory stays bounded
whatever the input size. Workers ignore SIGINT: the parent decides when to stop (it stops
reading and collects the chunks in flight).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from itertools import islice
from typing import TypeVar

from eventwire.engine import BatchOptions, Engine, EngineSpec, process_batch
from eventwire.errors import CodingError
from eventwire.records import Article, CodedArticle, Failure

Item = Article | Failure
T = TypeVar("T")
Result = CodedArticle | Failure


class WorkerCrashedError(CodingError):
    """A worker process died (killed, or out of memory) while coding a chunk."""

    code = "E601"


@lru_cache(maxsize=2)
def _engine(spec: EngineSpec) -> Engine:
    """The worker's Engine: built on first use and kept for the worker's life (the one
    per-process cache in eventwire; a worker process serves one run)."""
    return spec.load()


def _start_worker(spec: EngineSpec) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _engine(spec)


def _code_chunk(spec: EngineSpec, batch_size: int, chunk: list[Item]) -> list[Result]:
    engine = _engine(spec)
    return list(process_batch(engine, chunk, BatchOptions(batch_size=batch_size, n_process=1)))


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def code_in_workers(
    spec: EngineSpec,
    items: Iterable[Item],
    *,
    workers: int,
    chunk_size: int = 8,
    batch_size: int = 16,
) -> Iterator[Result]:
    """Code ``items`` on ``workers`` processes; results come back in input order.

    Raises:
        WorkerCrashedError: a worker died; the run can be resumed (committed batches stay).
    """
    context = multiprocessing.get_context("spawn")  # no fork: the parent holds DuckDB threads
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(spec,),
    ) as pool:
        window: deque[Future[list[Result]]] = deque()
        try:
            for chunk in chunks(items, chunk_size):
                window.append(pool.submit(_code_chunk, spec, batch_size, chunk))
                while len(window) >= 2 * workers:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        except BrokenProcessPool as error:
            raise WorkerCrashedError(
                f"a worker process died while coding ({error}); the batches written so far "
                "are kept — run the same command again to resume, or use fewer --workers if "
                "the machine ran out of memory"
            ) from error
        finally:
            for future in window:
                future.cancel()
