"""The first SIGINT/SIGTERM asks a long command to stop; a second one aborts."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from eventwire.cli.signals import stop_on_signals


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_sets_stop_and_a_second_one_aborts(number: signal.Signals) -> None:
    before = signal.getsignal(number)
    stop = threading.Event()
    told: list[bool] = []
    with stop_on_signals(stop, lambda: told.append(True)):
        os.kill(os.getpid(), number)
        assert stop.wait(5)
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), number)
            stop.wait(5)  # the handler raises while we wait
    assert signal.getsignal(number) is before
    assert told == [True]


def test_off_the_main_thread_it_leaves_signals_alone() -> None:
    before = signal.getsignal(signal.SIGINT)
    inside: list[object] = []

    def run() -> None:
        with stop_on_signals(threading.Event()):
            inside.append(signal.getsignal(signal.SIGINT))

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(10)
    assert inside == [before]
