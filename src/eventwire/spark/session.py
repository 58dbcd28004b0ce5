"""Starting Spark: pyspark and Java checked first, each with an error that says what to install.

pyspark is the optional ``spark`` extra and is imported only here and in the job, inside
functions, so ``import eventwire.spark`` works without it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import JavaNotFoundError, SparkError, SparkNotInstalledError

LOOPBACK = "127.0.0.1"
# Set by spark-submit (and pyspark's own launcher) in the Python process it starts.
_SUBMITTED = "PYSPARK_GATEWAY_PORT"


@dataclass(frozen=True, slots=True)
class SessionOptions:
    """How the session starts. ``master=None``: spark-submit's master, else ``local[*]``.

    With a ``local`` master the session binds to 127.0.0.1 (it never touches the network), the
    web UI is off, and executors run this interpreter (``sys.executable``, through
    ``$PYSPARK_PYTHON`` unless already set) so they import the same eventwire. ``conf`` adds or
    overrides any Spark setting.
    """

    master: str | None = None
    app_name: str = "eventwire"
    driver_memory: str = "1g"
    conf: Mapping[str, str] = field(default_factory=dict)


def require_pyspark() -> None:
    """Raise :class:`SparkNotInstalledError` unless pyspark can be imported."""
    if importlib.util.find_spec("pyspark") is None:
        raise SparkNotInstalledError(
            "the Spark runner needs pyspark, which is not installed; install the extra with "
            "`pip install 'eventwire[spark]'`"
        )


def find_java() -> Path:
    """The ``java`` Spark will start: ``$JAVA_HOME/bin/java``, else ``java`` on the PATH."""
    home = os.environ.get("JAVA_HOME")
    if home:
        candidate = Path(home, "bin", "java")
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
        raise JavaNotFoundError(
            f"JAVA_HOME is {home!r} but {candidate} is not an executable; point JAVA_HOME at a "
            "Java 17 or 21 runtime (e.g. /usr/lib/jvm/java-17-openjdk-amd64) or unset it"
        )
    found = shutil.which("java")
    if found is None:
        raise JavaNotFoundError(
            "Spark needs a Java runtime (17 or 21) and none was found: no JAVA_HOME and no "
            "`java` on the PATH; install one (e.g. `apt-get install openjdk-17-jre-headless`) "
            "or set JAVA_HOME"
        )
    return Path(found)


def is_local(master: str) -> bool:
    return master == "local" or master.startswith("local[")


def resolve_master(master: str | None) -> str | None:
    """``master`` as given; ``None`` stays ``None`` under spark-submit, else ``local[*]``."""
    if master is not None:
        return master
    return None if _SUBMITTED in os.environ else "local[*]"


def session_conf(options: SessionOptions) -> dict[str, str]:
    """The Spark settings :func:`start_session` applies (before ``options.conf``)."""
    master = resolve_master(options.master)
    conf = {"spark.app.name": options.app_name, "spark.ui.showConsoleProgress": "false"}
    if master is not None:
        conf["spark.master"] = master
    if master is not None and is_local(master):
        conf |= {
            "spark.driver.host": LOOPBACK,
            "spark.driver.bindAddress": LOOPBACK,
            "spark.ui.enabled": "false",
            "spark.driver.memory": options.driver_memory,
            "spark.sql.shuffle.partitions": "4",
            "spark.pyspark.python": sys.executable,
            "spark.pyspark.driver.python": sys.executable,
        }
    return conf | dict(options.conf)


def start_session(options: SessionOptions | None = None) -> Any:
    """Start (or join) a SparkSession; return it. Stop it with ``session.stop()``.

    Raises:
        SparkNotInstalledError: pyspark is missing (``pip install 'eventwire[spark]'``).
        JavaNotFoundError: no Java runtime.
        SparkError: the JVM did not start (the message carries Spark's reason).
    """
    options = options or SessionOptions()
    require_pyspark()
    find_java()
    conf = session_conf(options)
    if conf.get("spark.driver.host") == LOOPBACK:
        # Read by the JVM the session launches: keeps Spark from resolving the host name.
        os.environ.setdefault("SPARK_LOCAL_IP", LOOPBACK)
        # pyspark starts its Python workers with $PYSPARK_PYTHON (else `python3`), whatever
        # spark.pyspark.python says: make local workers run this interpreter.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession  # noqa: PLC0415 - optional dependency

    builder = SparkSession.builder
    for key, value in conf.items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as e:  # pyspark raises plain and py4j errors when the JVM cannot start
        raise SparkError(
            f"Spark did not start ({type(e).__name__}: {e}); check that Java 17 or 21 works "
            "(`java -version`) and that the master URL is right"
        ) from e
