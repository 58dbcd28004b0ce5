"""Stopping long commands cleanly: the first Ctrl-C or SIGTERM asks them to stop after the work
in flight, a second one aborts."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def stop_on_signals(
    stop: threading.Event, on_first: Callable[[], None] | None = None
) -> Iterator[None]:
    """While inside, SIGINT/SIGTERM set ``stop`` (and call ``on_first``); a second signal raises
    KeyboardInterrupt. Off the main thread (where Python cannot take signals) it does nothing."""

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        if on_first is not None:
            on_first()

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = [(sig, signal.signal(sig, handler)) for sig in (signal.SIGINT, signal.SIGTERM)]
    try:
        yield
    finally:
        for sig, old in previous:
            signal.signal(sig, old)
