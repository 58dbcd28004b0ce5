"""The ``spark-submit`` entry script: ``eventwire spark`` under the master spark-submit gives.

    PYSPARK_PYTHON=$(which python) spark-submit --master local[2] \\
        "$(python -c 'import eventwire.spark.submit as m; print(m.__file__)')" \\
        INPUT... OUTPUT [--partitions N] [--date YYYY-MM-DD] [--format F]

Arguments are those of ``eventwire spark`` (without ``--master``: spark-submit's own applies).
Then load the output with ``eventwire load OUTPUT --db FILE``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    """Run ``eventwire spark`` with ``argv`` (default: the script's arguments); exits."""
    from eventwire.cli.main import app  # noqa: PLC0415 - the CLI only when run as a script

    app(args=["spark", *(sys.argv[1:] if argv is None else argv)], prog_name="eventwire-submit")


if __name__ == "__main__":
    main()
