"""The example notebooks run from top to bottom without error (nbclient + ipykernel)."""

from __future__ import annotations

from pathlib import Path

import nbclient
import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "examples" / "notebooks"


def run(name: str, tmp_path: Path) -> list[dict]:
    """Executes the notebook and returns the outputs of its code cells."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return outputs


def html_of(outputs: list[dict]) -> list[str]:
    return [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]


def pngs(outputs: list[dict]) -> int:
    return sum("image/png" in o.get("data", {}) for o in outputs)


def test_notebook_runs(tmp_path: Path) -> None:
    outputs = run("nanshan-2024.ipynb", tmp_path)
    html = html_of(outputs)
    # The scorecard rendered itself with its bullet charts, and a DataFrame was shown.
    assert any("<svg" in h and "pw-report" in h for h in html)
    assert any("<table" in h and "dataframe" in h for h in html)
    # The completion chart.
    assert pngs(outputs) >= 1


@pytest.mark.parametrize("name", ["china-14fyp.ipynb"])
def test_china_14fyp_notebook_plots_progress(name: str, tmp_path: Path) -> None:
    outputs = run(name, tmp_path)
    assert any("<table" in h and "dataframe" in h for h in html_of(outputs))
    # The average annual rates, the cumulative reductions and the yearly targets.
    assert pngs(outputs) >= 3
    text = "".join("".join(o.get("text", "")) for o in outputs if o.output_type == "stream")
    assert "单位GDP能源消耗降低" in text
