"""The example notebook runs from top to bottom without error (nbclient + ipykernel)."""

from __future__ import annotations

from pathlib import Path

import nbclient
import nbformat

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "notebooks" / "nanshan-2024.ipynb"


def test_notebook_runs(tmp_path: Path) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    # The scorecard rendered itself with its bullet charts, and a DataFrame was shown.
    assert any("<svg" in h and "pw-report" in h for h in html)
    assert any("<table" in h and "dataframe" in h for h in html)
    # The completion chart.
    assert any("image/png" in o.get("data", {}) for o in outputs)
