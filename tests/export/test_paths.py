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


def test_pipes_devices_and_dangling_links_are_refused(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "events.fifo"
    os.mkfifo(fifo)
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere" / "x.csv")
    for output, message in (
        (fifo, "not a regular file"),
        (Path("/dev/null"), "not a regular file"),
        (dangling, "symbolic link"),
    ):
        with pytest.raises(ExportError, match=message):
            check_output(output, overwrite=True)
    assert not (tmp_path / "nowhere").exists()


def test_an_export_writes_exactly_its_output_and_nothing_else(
    coded_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    before = {p.resolve() for p in tmp_path.rglob("*")}
    result = export_events(coded_store, Path("..") / ".." / "events.csv", fmt="csv")
    assert result.path.resolve() == (tmp_path / "events.csv").resolve()
    after = {p.resolve() for p in tmp_path.rglob("*")}
    assert after - before == {(tmp_path / "events.csv").resolve()}
