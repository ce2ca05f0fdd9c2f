"""Ingest on an Apache Spark cluster: the same stores as ``newsfuse ingest``, many machines.

Executors read the input files with newsfuse's own readers and clean, describe and analyse
articles; the driver stores them in input order, puts them into stories and codes events,
through the :class:`~newsfuse.store.base.Store` protocol (SQLite or PostgreSQL). pyspark is
imported only when a job starts: ``pip install 'newsfuse[spark]'`` adds it. docs/spark.md
tells how to run it.
"""

from __future__ import annotations

from newsfuse.spark.job import spark_ingest

__all__ = ["spark_ingest"]
