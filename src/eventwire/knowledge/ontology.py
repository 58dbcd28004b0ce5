"""PLOVER types and CAMEO roots: quad classes and Goldstein scores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from eventwire.knowledge.tsv import read_table

CAMEO_ROOTS_FILE = "cameo_roots.tsv"

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# PLOVER manual, "Quad categories in PLOVER".
QUAD_CLASS: Mapping[str, int] = MappingProxyType(
    {
        "AGREE": 1,
        "CONSULT": 1,
        "SUPPORT": 1,
        "CONCEDE": 1,
        "COOPERATE": 2,
        "AID": 2,
        "RETREAT": 2,
        "REQUEST": 3,
        "ACCUSE": 3,
        "REJECT": 3,
        "SANCTION": 3,
        "THREATEN": 3,
        "PROTEST": 4,
        "MOBILIZE": 4,
        "COERCE": 4,
        "ASSAULT": 4,
    }
)

# Types that are mutual when the sentence names no separate recipient.
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class Ontology:
    """Goldstein scores by CAMEO root, and quad classes by PLOVER type."""

    goldstein_by_root: Mapping[str, float]
    version: str

    def goldstein(self, cameo: str) -> float:
        return self.goldstein_by_root.get(cameo[:2], 0.0)

    @staticmethod
    def quad_class(plover_type: str) -> int:
        return QUAD_CLASS.get(plover_type, 0)


def load_ontology(*, data_dir: Path | None = None) -> Ontology:
    path = None if data_dir is None else data_dir / CAMEO_ROOTS_FILE
    tab = read_table(CAMEO_ROOTS_FILE, path=path)
    scores = {row["root"].zfill(2): float(row["goldstein"]) for row in tab}
    return Ontology(goldstein_by_root=MappingProxyType(scores), version=tab.version)
