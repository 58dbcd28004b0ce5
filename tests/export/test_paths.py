"""Exports write exactly the output file they are given, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.export import ExportError, export_events
from eventwire.export.paths import check_output


def test_refused_outputs(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("x", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    for output, message in (
        (tmp_path, "is a directory"),
        (link, "symbolic link"),
        (tmp_path / "missing" / "out.csv", "does not exist"),
        (target, "exists"),
        (Path("-"), "output file name"),
    ):
        with pytest.raises(ExportError, match=message):
            check_output(output, overwrite=False)
    assert check_output(target, overwrite=True) == target
    assert not (tmp_path / "missing").exists()


def test_failed_export_leaves_no_partial_file(
    coded_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire import export

    def broken(rows: object, out: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(export, "write_gdelt", broken)
    out = tmp_path / "out.tsv"
    with pytest.raises(RuntimeError):
        export_events(coded_store, out, fmt="gdelt")
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_writes_nothing(coded_store: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export_events(coded_store, tmp_path / "x", fmt="xlsx")
    assert list(tmp_path.iterdir()) == []
