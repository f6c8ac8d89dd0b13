"""Every jurisdiction's plans on a Dask cluster: ``planwatch.dask.evaluate``.

``observations`` is a Dask DataFrame with the columns of ``Observations.from_arrow``
and a ``jurisdiction`` column, **partitioned by jurisdiction** (all rows of a
jurisdiction in one partition: read one Parquet file per jurisdiction group, or
``set_index("jurisdiction")`` / ``shuffle("jurisdiction")`` first). Each partition is
evaluated by ``planwatch.evaluate_many`` on one thread, with the plans of the
jurisdictions it holds and the rows without a jurisdiction (national figures, sent to
every partition); plans whose jurisdiction has no row are evaluated once more with only
those rows. ``observations`` is persisted first (it is read three times: national
rows, evaluation, jurisdictions present). The result is a Dask DataFrame of ``planwatch.FLAT_COLUMNS`` (all strings):
the same rows as ``evaluate_many(...).flat()`` in one process, in another order.

Nothing here schedules: Dask does, and retries the tasks of a worker that dies (each
task is a pure function of its partition). On a real cluster the workers need the
``planwatch`` wheel (abi3: one wheel per platform serves every Python >= 3.9) and
pyarrow, e.g. ``pip install planwatch[dask]`` in the workers' image.

    from dask.distributed import Client
    import dask.dataframe as dd, planwatch.dask
    client = Client("tcp://scheduler:8786")
    obs = dd.read_parquet("observations/2025.parquet").shuffle("jurisdiction")
    frame = planwatch.dask.evaluate(obs, plan_texts, as_of="2026-06-30")
    frame[frame.status == "missed"].compute()
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Optional, Sequence, Union

import pandas as pd  # type: ignore[import-untyped]
import pyarrow as pa  # type: ignore[import-untyped]

from planwatch._many import Named, PlanLike, by_jurisdiction, empty_observations, evaluate_many, flat_schema

__all__ = ["evaluate"]

AsOf = Union[datetime.date, str, None]


def _run(plans: List[Named], rows: pa.Table, as_of: AsOf) -> pd.DataFrame:
    return evaluate_many(plans, rows, as_of=as_of, parallel=False).flat().to_pandas()


def _partition(part: pd.DataFrame, plans: Dict[str, List[Named]], shared: pd.DataFrame, as_of: AsOf) -> pd.DataFrame:
    own = part[part["jurisdiction"].notna() & (part["jurisdiction"] != "")]
    present = sorted(set(own["jurisdiction"]))
    mine = [t for j in present for t in plans.get(j, ())]
    table = pa.Table.from_pandas(pd.concat([shared, own], ignore_index=True), preserve_index=False)
    return _run(mine, table, as_of)


def _orphans(present: Any, plans: Dict[str, List[Named]], unroutable: List[Named], shared: pd.DataFrame, as_of: AsOf) -> pd.DataFrame:
    seen = set(present)
    rest = [t for j, texts in plans.items() if j not in seen for t in texts] + unroutable
    table = pa.Table.from_pandas(shared, preserve_index=False) if len(shared) else empty_observations()
    return _run(rest, table, as_of)


def evaluate(observations: Any, plans: Sequence[PlanLike], *, as_of: AsOf = None) -> Any:
    """Evaluates ``plans`` (``Plan`` objects or plan file texts) against a Dask
    DataFrame of observations partitioned by jurisdiction; returns a Dask DataFrame
    of ``FLAT_COLUMNS`` (one row per assessment, then one per problem:
    ``problem`` is ``plan_failed`` or ``no_plan``)."""
    import dask.dataframe as dd
    from dask.delayed import delayed

    if observations.index.name == "jurisdiction":
        observations = observations.reset_index()
    # The frame is used three times (national rows, evaluation, jurisdictions present):
    # persisted once, so a shuffle or a file read before it runs once.
    observations = observations.persist()
    grouped, unroutable = by_jurisdiction(plans)
    # National rows (no jurisdiction) are few: computed once, sent to every task.
    is_shared = observations["jurisdiction"].isna() | (observations["jurisdiction"] == "")
    shared = observations[is_shared].compute().reset_index(drop=True)
    meta = flat_schema().empty_table().to_pandas()
    # One graph key each for the plans and the national rows, shared by every task,
    # rather than a copy inside each task.
    plans_key = delayed(grouped, traverse=False)
    shared_key = delayed(shared, traverse=False)
    evaluated = observations.map_partitions(_partition, plans_key, shared_key, as_of, meta=meta, align_dataframes=False)
    present = observations["jurisdiction"].unique()
    rest = dd.from_delayed(
        [delayed(_orphans)(present, plans_key, unroutable, shared_key, as_of)], meta=meta, verify_meta=False
    )
    return dd.concat([evaluated, rest], ignore_index=True)  # type: ignore[no-untyped-call]


def partitions_by_jurisdiction(observations: Any, npartitions: Optional[int] = None) -> Any:
    """``observations`` shuffled so each jurisdiction's rows share one partition."""
    return observations.shuffle("jurisdiction", npartitions=npartitions)
