"""The example notebooks run top to bottom in a fresh kernel, and are committed without outputs.

The kernel is this interpreter (``sys.executable``), through a kernelspec written to a temporary
folder, so the notebooks exercise the library installed in the venv that runs the tests, not
whatever ``python`` a global kernelspec would find on PATH.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOKS = ("01_seeds.ipynb", "02_own_corpus.ipynb", "03_normalisers.ipynb")
CELL_TIMEOUT_S = 120
KERNEL_NAME = "reconcile-tests"


@pytest.fixture(scope="session")
def kernel_specs(tmp_path_factory) -> KernelSpecManager:
    kernels = tmp_path_factory.mktemp("jupyter") / "kernels"
    spec_dir = kernels / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "reconcile tests",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return KernelSpecManager(kernel_dirs=[str(kernels)])


def execute(notebook: nbformat.NotebookNode, kernel_specs: KernelSpecManager) -> nbformat.NotebookNode:
    manager = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=kernel_specs)
    client = NotebookClient(
        notebook,
        km=manager,
        timeout=CELL_TIMEOUT_S,
        allow_errors=False,
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    return client.execute()


def stream_text(cell: nbformat.NotebookNode) -> str:
    return "".join(out.get("text", "") for out in cell.get("outputs", []) if out.get("output_type") == "stream")


def test_the_kernel_is_this_interpreter_and_runs_in_examples(kernel_specs):
    probe = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("import os, sys\nprint(sys.executable)\nprint(os.getcwd())")]
    )
    ran = execute(probe, kernel_specs)
    executable, cwd = stream_text(ran.cells[0]).split()
    assert Path(executable).resolve() == Path(sys.executable).resolve()
    assert Path(cwd).resolve() == EXAMPLES


def test_every_notebook_in_examples_is_tested():
    assert sorted(path.name for path in EXAMPLES.glob("*.ipynb")) == sorted(NOTEBOOKS)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_committed_without_outputs(name):
    notebook = nbformat.read(EXAMPLES / name, as_version=4)
    nbformat.validate(notebook)
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code_cells, f"{name} has no code"
    dirty = [i for i, cell in enumerate(code_cells) if cell.outputs or cell.execution_count is not None]
    assert not dirty, f"{name}: code cells {dirty} carry outputs or execution counts; clear them before committing"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_without_error(name, kernel_specs):
    notebook = nbformat.read(EXAMPLES / name, as_version=4)
    ran = execute(notebook, kernel_specs)  # raises CellExecutionError on the first failing cell
    code_cells = [cell for cell in ran.cells if cell.cell_type == "code"]
    assert all(cell.execution_count is not None for cell in code_cells)
    errors = [out for cell in code_cells for out in cell.outputs if out.get("output_type") == "error"]
    assert not errors
