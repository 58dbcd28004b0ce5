"""Starting Spark: no pyspark or no Java gives a specific error; local sessions use 127.0.0.1."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from eventwire.errors import JavaNotFoundError, SparkNotInstalledError
from eventwire.spark import session
from eventwire.spark.session import SessionOptions, find_java, require_pyspark, session_conf


def test_missing_pyspark_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(SparkNotInstalledError, match=r"pip install 'eventwire\[spark\]'"):
        require_pyspark()


def test_missing_java_is_explained(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(JavaNotFoundError, match="JAVA_HOME"):
        find_java()


def test_a_wrong_java_home_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(JavaNotFoundError, match=str(tmp_path)):
        find_java()


def test_local_sessions_bind_to_loopback_and_use_this_python(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PYSPARK_GATEWAY_PORT", raising=False)
    conf = session_conf(SessionOptions(conf={"spark.sql.shuffle.partitions": "2"}))
    assert conf["spark.master"] == "local[*]"
    assert conf["spark.driver.host"] == conf["spark.driver.bindAddress"] == "127.0.0.1"
    assert conf["spark.ui.enabled"] == "false"
    assert conf["spark.pyspark.python"] == sys.executable
    assert conf["spark.sql.shuffle.partitions"] == "2"


def test_under_spark_submit_its_master_applies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYSPARK_GATEWAY_PORT", "12345")
    conf = session_conf(SessionOptions())
    assert "spark.master" not in conf
    assert "spark.driver.host" not in conf
