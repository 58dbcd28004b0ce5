"""Where an export may write: exactly the output file it was given, nothing else."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import EventwireError


class ExportError(EventwireError):
    """An export cannot run: bad output path, unknown format."""

    code = "E700"


def check_output(output: Path, *, overwrite: bool) -> Path:
    """The output file to write, refused when writing it could touch anything else.

    Refused: a directory, a symbolic link (it would write wherever the link points), a device,
    pipe or socket (writing could block or reach hardware), a missing parent directory (exports
    never create directories), an existing file unless ``overwrite``.
    """
    if str(output) in ("", "-"):
        raise ExportError("give an output file name (exports do not write to standard output)")
    if output.is_symlink():
        raise ExportError(f"{output} is a symbolic link; give the real file name")
    if output.is_dir():
        raise ExportError(f"{output} is a directory; give a file name inside it")
    if output.exists() and not output.is_file():
        raise ExportError(f"{output} is not a regular file (a device, pipe or socket)")
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"the folder {parent} does not exist; create it first")
    if output.exists() and not overwrite:
        raise ExportError(f"{output} exists; pass --force to replace it")
    return output
