"""Peak memory and time of the pathological inputs, each in a fresh process.

Each case writes one input file, then a child Python process loads the engine, reads the file
with :func:`~eventwire.ingest.iter_articles` and runs it through
:func:`~eventwire.engine.process_batch`; the child reports what came out, the wall time and its
peak resident set size (``ru_maxrss``). A ``baseline`` case (an ordinary short article) gives
the memory of the loaded engine itself, so the cost of each input is the difference.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eventwire.bench.api import BenchError

_CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from datetime import date
    from eventwire.engine import Engine, process_batch
    from eventwire.ingest import iter_articles
    from eventwire.records import Failure
    path, max_bytes = sys.argv[1], int(sys.argv[2])
    engine = Engine.load()
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    items = iter_articles([path], max_bytes=max_bytes, default_date=date(2021, 3, 18))
    outcomes = [r.code if isinstance(r, Failure) else "coded" for r in process_batch(engine, items)]
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"outcomes": outcomes, "seconds": seconds, "peak_kb": peak,
                      "engine_kb": loaded}))
    """
)
_LINE = "North Korea said it would talk to the South and nothing else "


@dataclass(frozen=True, slots=True)
class CaseResult:
    name: str
    input_bytes: int
    outcomes: tuple[str, ...]
    seconds: float
    peak_rss_mb: float
    engine_rss_mb: float

    def as_dict(self) -> dict[str, object]:
        return {
            "case": self.name,
            "input_mb": round(self.input_bytes / 1e6, 2),
            "outcomes": list(self.outcomes),
            "seconds": round(self.seconds, 2),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "engine_rss_mb": round(self.engine_rss_mb, 1),
        }


def _single_line(path: Path, size: int) -> None:
    chunk = (_LINE * 1024).encode()
    with path.open("wb") as out:
        while out.tell() < size:
            out.write(chunk)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _sentences(path: Path) -> None:
    _write(path, "date 2021-03-18\n" + " ".join(f"Talks {n} resumed." for n in range(10_000)))


def _tokens(path: Path) -> None:
    _write(path, "date 2021-03-18\n" + " ".join(f"word{n}" for n in range(5_000)) + ".")


def _short(path: Path) -> None:
    _write(path, "date 2021-03-18\nIran met Iraq.\n")


def _huge(path: Path) -> None:
    _single_line(path, 50_000_000)


# (name, file name, writer, max_bytes the reader is given)
CASES: tuple[tuple[str, str, Callable[[Path], None], int], ...] = (
    ("baseline", "short.txt", _short, 20_000_000),
    ("50 MB one line, reader limit", "huge.txt", _huge, 20_000_000),
    ("50 MB one line, engine guard", "huge.txt", _huge, 60_000_000),
    ("10,000 sentences", "long.txt", _sentences, 20_000_000),
    ("5,000-token sentence", "tokens.txt", _tokens, 20_000_000),
)


def run_case(
    folder: Path, name: str, file_name: str, write: Callable[[Path], None], max_bytes: int
) -> CaseResult:
    path = folder / file_name
    write(path)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(max_bytes)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"case {name!r} failed: {done.stderr.strip()[-500:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return CaseResult(
        name=name,
        input_bytes=path.stat().st_size,
        outcomes=tuple(report["outcomes"]),
        seconds=float(report["seconds"]),
        peak_rss_mb=report["peak_kb"] / 1024,
        engine_rss_mb=report["engine_kb"] / 1024,
    )
