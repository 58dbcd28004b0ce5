"""Evaluation against gold sets."""

from eventwire.evaluate.data import find_data_dir
from eventwire.evaluate.seed import SeedReport, evaluate_seed, load_seed_expectations

__all__ = ["SeedReport", "evaluate_seed", "find_data_dir", "load_seed_expectations"]
