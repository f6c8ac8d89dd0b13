"""pandas helpers of planwatch. pandas is an optional extra, imported only here and
only when a DataFrame is asked for."""

from __future__ import annotations

import importlib
from typing import Any, Dict, List


def _pandas() -> Any:
    try:
        # Through importlib: pandas ships no type information of its own.
        pandas: Any = importlib.import_module("pandas")
    except ImportError as err:
        raise ImportError(
            "to_pandas() needs pandas, an optional dependency of planwatch: "
            'pip install "planwatch[pandas]"'
        ) from err
    return pandas


def findings_frame(rows: List[Dict[str, Any]]) -> Any:
    """A DataFrame of extraction findings (one row per finding)."""
    pandas = _pandas()
    columns = [
        "status", "status_cue", "indicator", "indicator_span", "span", "measure", "op",
        "value", "value_hi", "unit", "quantity", "stretch", "by", "cumulative", "sentence",
        "sentence_span", "estimate", "ocr_suspect", "section", "heading",
    ]
    return pandas.DataFrame(rows, columns=columns)
