"""PLOVER types and CAMEO roots: quad classes and Goldstein scores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from eventwire.knowledge.tsv import read_table

CAMEO_ROOTS_FILE = "cameo_roots.tsv"
CAMEO_TYPES_FILE = "cameo_types.tsv"

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
    """Goldstein scores by CAMEO root, PLOVER types of CAMEO codes, quad classes by type.

    ``plover_by_root`` is each root's default type (``cameo_roots.tsv``); ``plover_by_code``
    the 3- and 4-digit codes that map elsewhere (``cameo_types.tsv``), as ``(type, mode)``.
    """

    goldstein_by_root: Mapping[str, float]
    version: str
    plover_by_root: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    plover_by_code: Mapping[str, tuple[str, str]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def plover_of(self, cameo: str) -> tuple[str, str] | None:
        """``(type, mode)`` of a CAMEO code by its most specific entry; None for codes with
        no PLOVER type (01 MAKE PUBLIC STATEMENT, codes outside CAMEO's roots 01-20)."""
        code = cameo.strip()
        if not code.isdigit() or len(code) < 2:
            return None
        for length in (4, 3):
            if len(code) >= length and code[:length] in self.plover_by_code:
                return self.plover_by_code[code[:length]]
        root_type = self.plover_by_root.get(code[:2], "")
        return (root_type, "") if root_type else None

    def coding(self, cameo: str, mode: str | None = None) -> tuple[str, str, str | None] | None:
        """``(type, cameo, mode)`` for coding an event as ``cameo``: its PLOVER type, and
        ``mode`` or else the code's own mode (None when it has none); None for a code with no
        PLOVER type."""
        mapped = self.plover_of(cameo)
        if mapped is None:
            return None
        return mapped[0], cameo, mode or mapped[1] or None

    def goldstein(self, cameo: str) -> float:
        return self.goldstein_by_root.get(cameo[:2], 0.0)

    @staticmethod
    def quad_class(plover_type: str) -> int:
        return QUAD_CLASS.get(plover_type, 0)


def load_ontology(*, data_dir: Path | None = None) -> Ontology:
    path = None if data_dir is None else data_dir / CAMEO_ROOTS_FILE
    tab = read_table(CAMEO_ROOTS_FILE, path=path)
    scores = {row["root"].zfill(2): float(row["goldstein"]) for row in tab}
    defaults = {row["root"].zfill(2): row["plover_default"].upper() for row in tab}
    types_path = None if data_dir is None else data_dir / CAMEO_TYPES_FILE
    if types_path is not None and not types_path.exists():
        types_path = None  # an older data folder without the file: the packaged one
    types = read_table(CAMEO_TYPES_FILE, path=types_path)
    by_code = {row["code"]: (row["type"].upper(), row.get("mode", "")) for row in types}
    return Ontology(
        goldstein_by_root=MappingProxyType(scores),
        version=tab.version,
        plover_by_root=MappingProxyType(defaults),
        plover_by_code=MappingProxyType(by_code),
    )
