"""Every ```python block of README.md runs against the installed package.

The blocks run in order in one namespace (a later block may use what an earlier one
defined), from the repository root. A line that is a bare expression followed by a
comment holding a Python literal, such as ``q.value          # Decimal('59000000000')``,
is checked like a doctest: the expression's repr must equal the comment."""

from __future__ import annotations

import ast
import io
import os
import re
import tokenize
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(r"^(?P<indent>[ \t]*)```python[ \t]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S)


def python_blocks() -> list[tuple[int, str]]:
    """(line number, dedented source) of every ```python block."""
    text = README.read_text(encoding="utf-8")
    blocks = []
    for m in BLOCK.finditer(text):
        indent = len(m.group("indent"))
        body = "".join(line[indent:] if line.strip() else "\n" for line in m.group("body").splitlines(True))
        blocks.append((text.count("\n", 0, m.start()) + 1, body))
    return blocks


def test_the_readme_has_python_examples() -> None:
    assert python_blocks()


LITERAL = re.compile(r"""^(Decimal\(|Quantity\(|['"\[{(\d-]|True$|False$|None$)""")


def expected_reprs(source: str) -> dict[int, str]:
    """Line number → the literal in the comment ending that line, when it is one."""
    out = {}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            text = tok.string.lstrip("#").strip()
            if LITERAL.match(text):
                out[tok.start[0]] = text
    return out


def run_block(source: str, where: str, namespace: dict[str, object]) -> int:
    """Runs one block statement by statement; returns how many values were checked."""
    checked = 0
    expected = expected_reprs(source)
    for stmt in ast.parse(source).body:
        if isinstance(stmt, ast.Expr) and stmt.lineno == stmt.end_lineno and stmt.lineno in expected:
            value = eval(compile(ast.Expression(stmt.value), where, "eval"), namespace)
            want = expected[stmt.lineno]
            assert repr(value) == want, f"{where}, block line {stmt.lineno}: {repr(value)} != {want}"
            checked += 1
        else:
            exec(compile(ast.Module([stmt], type_ignores=[]), where, "exec"), namespace)
    return checked


def test_every_python_block_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(README.parent)
    namespace: dict[str, object] = {"__name__": "__readme__"}
    checked = 0
    for line, source in python_blocks():
        checked += run_block(source, f"README.md:{line}", namespace)
    assert checked > 0, "no expression of the README is checked against its printed value"
    assert os.getcwd() == str(README.parent)


def install_lines() -> list[str]:
    """The commands of the ```sh block of the README's Python section."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("\n## Python\n") :]
    m = re.search(r"^```sh[ \t]*\n(?P<body>.*?)^```", section, re.M | re.S)
    assert m, "the Python section shows no install commands"
    return [line for line in m.group("body").splitlines() if line.strip() and not line.startswith("#")]


def test_install_lines_work_in_a_fresh_environment(tmp_path: Path) -> None:
    """What a newcomer runs: the README's install lines, in a new virtual environment,
    from the repository root; then planwatch and its pandas extra import and work."""
    import subprocess
    import sys
    import venv

    lines = install_lines()
    assert any("pip install" in line and "[pandas]" in line for line in lines)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(env_dir)}
    # The wheel is built against the new environment's interpreter, as a newcomer's is.
    env.pop("PYO3_PYTHON", None)
    script = "set -euo pipefail\n" + "\n".join(lines) + "\n"
    done = subprocess.run(["bash", "-c", script], cwd=README.parent, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"README install lines failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    check = (
        "import planwatch, pandas\n"
        "p = planwatch.Plan.builtin('nanshan-2024')\n"
        "df = p.evaluate(planwatch.Observations.builtin('nanshan-2024')).to_pandas()\n"
        "assert len(df) == len(p.targets), df\n"
    )
    ran = subprocess.run([str(bin_dir / "python"), "-c", check], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr[-3000:]
