"""Start (and stop) the Spark context a job runs in, or say what is missing to start one."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

from newsfuse.errors import ConfigError

if TYPE_CHECKING:
    from pyspark import SparkContext

__all__ = ["spark_context"]

#: Settings newsfuse gives every job unless the caller (or spark-submit) sets them.
DEFAULTS: dict[str, str] = {
    "spark.app.name": "newsfuse ingest",
    # Spark's console progress bar would cut through newsfuse's own progress lines.
    "spark.ui.showConsoleProgress": "false",
    # Python workers stay up between tasks, so each loads the language model once.
    "spark.python.worker.reuse": "true",
}


@contextmanager
def spark_context(
    master: str | None = None, conf: Mapping[str, str] | None = None
) -> Iterator[SparkContext]:
    """A Spark context for one job, stopped when the job ends.

    ``master`` is a Spark master URL (``local[2]``, ``spark://host:7077``); without it the one
    spark-submit was given is used, else ``local[*]`` (every core of this machine).

    Raises:
        ConfigError: pyspark is not installed, or no Java runtime is found.
    """
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError as exc:
        raise ConfigError(
            f"the Spark job needs pyspark ({exc}); install it with: pip install 'newsfuse[spark]'"
        ) from exc
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise ConfigError(
            "Spark needs a Java 17 runtime and none was found (no java on PATH, no JAVA_HOME); "
            "on Debian or Ubuntu: apt-get install openjdk-17-jre-headless"
        )
    # Local executors must run this Python, the one newsfuse is installed in (pyspark would
    # take the first python3 on PATH); on a cluster, PYSPARK_PYTHON names the executors' one.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark_conf = SparkConf()
    for key, value in DEFAULTS.items():
        if not spark_conf.contains(key):
            spark_conf.set(key, value)
    for key, value in (conf or {}).items():
        spark_conf.set(key, value)
    if master:
        spark_conf.setMaster(master)
    elif not spark_conf.contains("spark.master"):
        spark_conf.setMaster("local[*]")
    context = SparkContext.getOrCreate(spark_conf)
    try:
        yield context
    finally:
        context.stop()
