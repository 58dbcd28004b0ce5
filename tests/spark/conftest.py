"""A local Spark session for the Spark tests, skipped (with the reason) without pyspark or Java."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from eventwire.errors import JavaNotFoundError, SparkNotInstalledError
from eventwire.spark.session import SessionOptions, find_java, require_pyspark, start_session


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    try:
        require_pyspark()
        find_java()
    except (SparkNotInstalledError, JavaNotFoundError) as e:
        pytest.skip(f"Spark tests need pyspark and Java: {e}")
    session = start_session(
        SessionOptions(
            master="local[2]",
            app_name="eventwire-tests",
            driver_memory="1g",
            conf={"spark.sql.shuffle.partitions": "2", "spark.python.worker.reuse": "true"},
        )
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
