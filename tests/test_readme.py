"""The README's examples run as written: its doctest, its script and its lexicon snippet."""

import doctest
import os
import re
from pathlib import Path

from reconcile import Lexicon

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_readme_doctest_examples_pass():
    failures, tried = doctest.testfile(str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert tried > 0
    assert failures == 0


def test_readme_script_runs_on_the_seeds(tmp_path, capsys):
    script = next(block for block in _blocks("python") if "load_documents" in block)
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(script, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    assert "stage_gap" in out and "conversion_consistent" in out
    assert (tmp_path / "report.html").stat().st_size > 1000


def test_readme_lexicon_snippet_loads_and_matches():
    snippet = next(block for block in _blocks("toml") if "[[actor]]" in block)
    lexicon = Lexicon.default() | Lexicon.loads(snippet, source="README.md")
    lexicon.check()
    assert [m.canonical for m in lexicon.find_actors("the European planemaker delivered", "en")] == ["Airbus"]
    assert lexicon.product_owner("A321neo") == "Airbus"
