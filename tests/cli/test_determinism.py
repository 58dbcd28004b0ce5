"""Same input, same output: separate processes with different hash seeds code identically."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _code(path: Path, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "eventwire.cli", "code", str(path), "--json"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def test_output_is_identical_across_hash_seeds() -> None:
    first, second = _code(EXAMPLES, "1"), _code(EXAMPLES, "12345")
    assert first.count("\n") >= 10
    assert first == second
