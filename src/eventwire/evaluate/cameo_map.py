"""CAMEO codes to PLOVER types, read at run time from the PLOVER project's conversion table.

The table (``codebooks/plover/CAMEO2PLOVER-2021.txt`` in the shared data folder) has one line per
CAMEO code: ``CODE: TYPE, mode, context # description``. It is read from the data folder, never
shipped with eventwire. A code maps through its most specific entry: its 4-digit code, else its
3-digit code, else its 2-digit root.

Two roots have no entry in the table because PLOVER dropped them: 01 MAKE PUBLIC STATEMENT maps
to no type. 02 APPEAL is compared as REQUEST (``ROOT_FALLBACKS``), which is how eventwire codes
appeals (see ``cameo_roots.tsv``), so a gold appeal and eventwire's REQUEST for it agree.
When a key occurs twice (the table lists root ``08`` as CONCEDE and again as RETREAT), the
first line wins; the 3-digit entries 080-087 settle the split anyway.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from eventwire.errors import GoldDataMissingError, GoldFormatError

CAMEO2PLOVER_FILE = Path("codebooks") / "plover" / "CAMEO2PLOVER-2021.txt"

# Roots PLOVER dropped that map to no type at all.
DROPPED_ROOTS = frozenset({"01"})

# Roots missing from the table that eventwire nevertheless codes: root -> (type, mode).
ROOT_FALLBACKS: Mapping[str, tuple[str, str | None]] = MappingProxyType({"02": ("REQUEST", None)})

_LINE = re.compile(r"^(?P<code>\d{2,4})\s*:\s*(?P<rest>.*)$")


@dataclass(frozen=True, slots=True)
class PloverMapping:
    """What one CAMEO code becomes in PLOVER."""

    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CameoMap:
    """CAMEO code -> PLOVER type and mode, by the code's most specific entry."""

    entries: Mapping[str, PloverMapping]

    def lookup(self, code: str | None) -> PloverMapping | None:
        """The mapping of ``code`` (``"0313"``, ``"190"``, ``"14"``); None when it has no type."""
        if not code:
            return None
        digits = code.strip()
        if not digits.isdigit() or len(digits) < 2 or digits[:2] in DROPPED_ROOTS:
            return None
        for length in (4, 3, 2):
            if len(digits) >= length and digits[:length] in self.entries:
                return self.entries[digits[:length]]
        fallback = ROOT_FALLBACKS.get(digits[:2])
        return PloverMapping(fallback[0], fallback[1]) if fallback else None

    def type_of(self, code: str | None) -> str | None:
        mapping = self.lookup(code)
        return mapping.type if mapping else None

    def mode_of(self, code: str | None) -> str | None:
        mapping = self.lookup(code)
        return mapping.mode if mapping else None


def _cells(rest: str) -> list[str]:
    body = rest.split("#", 1)[0]
    return [cell.strip() for cell in body.split(",")]


def parse_cameo_map(text: str, *, source: str = "<text>") -> CameoMap:
    """Parse the conversion table's text; lines that do not start with a digit are skipped."""
    entries: dict[str, PloverMapping] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line[:1].isdigit():
            continue  # blank, comment or decoration (the file ends with a '~~~~~' rule)
        match = _LINE.match(line)
        if match is None:
            raise GoldFormatError(f"{source}:{number}: not a 'CODE: TYPE, mode, context' line")
        cells = _cells(match["rest"])
        plover_type = cells[0].upper() if cells else ""
        if not plover_type.isalpha():
            raise GoldFormatError(f"{source}:{number}: no PLOVER type for {match['code']}")
        mode = cells[1] if len(cells) > 1 and cells[1] else None
        context = tuple(
            part.strip() for cell in cells[2:] for part in cell.split(";") if part.strip()
        )
        entries.setdefault(match["code"], PloverMapping(plover_type, mode, context))
    return CameoMap(MappingProxyType(entries))


def load_cameo_map(data_dir: Path) -> CameoMap:
    """Read ``codebooks/plover/CAMEO2PLOVER-2021.txt`` from the shared data folder."""
    path = data_dir / CAMEO2PLOVER_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldDataMissingError(f"CAMEO to PLOVER table not found at {path}") from None
    return parse_cameo_map(text, source=str(path))
