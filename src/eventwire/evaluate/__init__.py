"""Evaluation against gold sets.

Gold records (``gold``), the CAMEO->PLOVER table (``cameo_map``) and scoring (``metrics``) are
light; running the coder over a set (``runner``: ``evaluate_set``, ``evaluate_gold_file``,
``EvalReport``) loads spaCy, so those names are imported on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from eventwire.evaluate.cameo_map import CameoMap, load_cameo_map
from eventwire.evaluate.data import find_data_dir
from eventwire.evaluate.gold import GoldEvent, GoldFormat, GoldSentence, read_gold
from eventwire.evaluate.metrics import Scores, ScoringOptions, score
from eventwire.evaluate.seed import SeedReport, evaluate_seed, load_seed_expectations

if TYPE_CHECKING:
    from eventwire.evaluate.runner import EvalReport, evaluate_gold_file, evaluate_set

_RUNNER = ("EvalReport", "evaluate_gold_file", "evaluate_set")

__all__ = [
    "CameoMap",
    "EvalReport",
    "GoldEvent",
    "GoldFormat",
    "GoldSentence",
    "Scores",
    "ScoringOptions",
    "SeedReport",
    "evaluate_gold_file",
    "evaluate_seed",
    "evaluate_set",
    "find_data_dir",
    "load_cameo_map",
    "load_seed_expectations",
    "read_gold",
    "score",
]


def __getattr__(name: str) -> Any:
    if name in _RUNNER:
        return getattr(importlib.import_module("eventwire.evaluate.runner"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
