"""Every jurisdiction's plans on Spark: ``planwatch.spark.evaluate``.

``observations`` is a Spark DataFrame with the columns of ``Observations.from_arrow``
(strings, or a decimal ``value``) and a ``jurisdiction`` column. It is grouped by
jurisdiction (``groupBy("jurisdiction").applyInArrow``): each group's Arrow batches go
to ``planwatch.evaluate_many`` on one thread with the plans of that jurisdiction and
the rows without a jurisdiction (national figures), both broadcast once. Every planned
jurisdiction gets a group (one marker row each is added before grouping), so a plan
with no row is still evaluated, and plans that do not load are reported. The result is
a Spark DataFrame of ``planwatch.FLAT_COLUMNS`` (all strings): the same rows as
``evaluate_many(...).flat()`` in one process.

planwatch is a pure function from Arrow batches to Arrow batches here; Spark
schedules, shuffles and retries. On a cluster every executor needs the ``planwatch``
wheel and pyarrow: the wheel is abi3, so one wheel per platform serves every executor
Python >= 3.9 (``spark-submit --py-files`` does not install native wheels: put it in
the executors' image or environment, e.g. ``pip install planwatch[spark]``, or ship a
packed venv with ``--archives env.tar.gz#env`` and
``spark.pyspark.python=./env/bin/python``).

    spark = SparkSession.builder.master("spark://host:7077").getOrCreate()
    obs = spark.read.parquet("observations/2025.parquet")
    planwatch.spark.evaluate(obs, plan_texts, as_of="2026-06-30").write.parquet("out")
"""

from __future__ import annotations

import datetime
from typing import Any, Iterator, Sequence, Union

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]

from planwatch._many import FLAT_COLUMNS, PlanLike, by_jurisdiction, empty_observations, evaluate_many

__all__ = ["evaluate"]

AsOf = Union[datetime.date, str, None]
# A row added per planned jurisdiction so that each has a group; dropped in the group.
_MARKER = "\x00planwatch:plan"
_SCHEMA = ", ".join(f"{name} string" for name in FLAT_COLUMNS)


def evaluate(observations: Any, plans: Sequence[PlanLike], *, as_of: AsOf = None) -> Any:
    """Evaluates ``plans`` (``Plan`` objects or plan file texts) against a Spark
    DataFrame of observations; returns a Spark DataFrame of ``FLAT_COLUMNS`` (one row
    per assessment, then one per problem: ``problem`` is ``plan_failed`` or
    ``no_plan``)."""
    from pyspark.sql import functions as F

    spark = observations.sparkSession
    if isinstance(as_of, datetime.date):
        as_of = as_of.isoformat()
    grouped, unroutable = by_jurisdiction(plans)
    names = observations.columns
    j = F.col("jurisdiction")
    is_shared = j.isNull() | (j == "")
    shared = pa.Table.from_pandas(observations.where(is_shared).toPandas(), preserve_index=False)
    # Broadcast once to every executor: the plans by jurisdiction, the national rows.
    plans_b = spark.sparkContext.broadcast(grouped)
    shared_b = spark.sparkContext.broadcast(shared)

    def per_jurisdiction(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        table = pa.Table.from_batches(list(batches))
        own = table.filter(pc.not_equal(table.column("indicator"), _MARKER))
        if table.num_rows == 0:
            return
        jurisdiction = table.column("jurisdiction")[0].as_py()
        rows = pa.concat_tables([shared_b.value.cast(own.schema), own]) if shared_b.value.num_rows else own
        mine = plans_b.value.get(jurisdiction, [])
        yield from evaluate_many(mine, rows, as_of=as_of, parallel=False).flat().to_batches()

    markers = spark.createDataFrame(
        [tuple(_MARKER if n == "indicator" else (jur if n == "jurisdiction" else None) for n in names) for jur in grouped],
        schema=observations.schema,
    )
    evaluated = (
        observations.where(~is_shared).unionByName(markers).groupBy("jurisdiction").applyInArrow(per_jurisdiction, _SCHEMA)
    )
    if not unroutable:
        return evaluated
    # Plans that do not load or name no jurisdiction: reported once, from the driver.
    problems = evaluate_many(unroutable, empty_observations(), as_of=as_of, parallel=False).flat()
    return evaluated.unionByName(spark.createDataFrame(problems.to_pandas(), schema=_SCHEMA))

