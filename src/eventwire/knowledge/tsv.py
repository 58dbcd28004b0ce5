"""Reading eventwire's TSV data files: `# ` comment lines, a `# version:` line, a header row."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.errors import LexiconError


@dataclass(frozen=True, slots=True)
class Table:
    """A parsed data file: its version, column names and rows (as column -> value mappings)."""

    name: str
    version: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    line_numbers: tuple[int, ...] = ()

    def __iter__(self) -> Iterator[dict[str, str]]:
        return iter(self.rows)


def read_table(name: str, *, path: Path | None = None) -> Table:
    """Read a packaged data file by name (``countries.tsv``), or a user file at ``path``."""
    if path is None:
        text = (resources.files("eventwire") / "data" / name).read_text(encoding="utf-8")
        where = f"eventwire/data/{name}"
    else:
        text = path.read_text(encoding="utf-8")
        where = str(path)
    return parse_table(text, name=where)


def parse_table(text: str, *, name: str) -> Table:
    """Parse TSV text; raise LexiconError naming the file and line on malformed input."""
    version = ""
    columns: tuple[str, ...] = ()
    rows: list[dict[str, str]] = []
    line_numbers: list[int] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            body = line.lstrip("#").strip()
            if body.lower().startswith("version:"):
                version = body.split(":", 1)[1].strip()
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not columns:
            columns = tuple(cells)
            continue
        if len(cells) > len(columns):
            raise LexiconError(
                f"{name}:{lineno}: {len(cells)} cells but {len(columns)} columns; "
                "fix the row (cells are separated by single TAB characters)"
            )
        cells += [""] * (len(columns) - len(cells))
        rows.append(dict(zip(columns, cells, strict=True)))
        line_numbers.append(lineno)
    if not columns:
        raise LexiconError(f"{name}: no header row found; the file must start with column names")
    return Table(
        name=name,
        version=version,
        columns=columns,
        rows=tuple(rows),
        line_numbers=tuple(line_numbers),
    )
