"""The core knows nothing of Textual: the CLI commands and every core module run without it;
and the core's modules import one another without a loop."""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "companion"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


# Every module of the package outside companion.ui, found rather than listed, so that a
# new core module cannot escape these checks.
CORE_PATHS = {
    _module_name(path): path
    for path in sorted(PACKAGE.rglob("*.py"))
    if "ui" not in path.relative_to(PACKAGE).parts[:1]
}
CORE = [name.removeprefix("companion.") for name in CORE_PATHS if name != "companion"]

BLOCK_TEXTUAL = """
import importlib, sys
class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name == "textual" or name.startswith("textual."):
            raise ImportError("textual is blocked in this test")
sys.meta_path.insert(0, Blocker())
for module in sys.argv[1:]:
    importlib.import_module("companion." + module)
from companion.cli import run
sys.exit(run(["talks", "--json"]))
"""


def run_python(code: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter, so its imports are its own."""
    return subprocess.run(
        [sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_core_and_cli_import_without_textual() -> None:
    assert {"program", "store", "importers.frab_xml", "cli.stars", "export.ics"} <= set(CORE)
    result = run_python(BLOCK_TEXTUAL, *CORE)
    assert result.returncode == 0, result.stderr
    assert '"magellan"' in result.stdout


def _imported(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The core modules an import statement runs (`from companion.x import y` runs
    companion.x.y when that is a module, else companion.x)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names} & CORE_PATHS.keys()
    assert node.level == 0, f"{module}: a relative import"
    names = {f"{node.module}.{alias.name}" for alias in node.names} & CORE_PATHS.keys()
    return names or {node.module or ""} & CORE_PATHS.keys()


def _for_type_checkers(node: ast.AST) -> bool:
    checking = {"TYPE_CHECKING", "typing.TYPE_CHECKING"}
    return isinstance(node, ast.If) and ast.unparse(node.test) in checking


def _core_imports(module: str) -> set[str]:
    """What a core module imports of the core when it runs, at its top or inside a
    function (not what only type checkers read)."""
    imported: set[str] = set()
    nodes: list[ast.AST] = [ast.parse(CORE_PATHS[module].read_text(encoding="utf-8"))]
    while nodes:
        node = nodes.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            imported |= _imported(module, node)
        elif not _for_type_checkers(node):
            nodes.extend(ast.iter_child_nodes(node))
    return imported - {module}


def test_the_core_imports_without_a_loop() -> None:
    """A loop (an importer needing the loader that calls it) means no module can be read,
    tested or replaced on its own; `companion` itself holds only the version."""
    graph = {module: _core_imports(module) - {"companion"} for module in CORE_PATHS}
    try:
        order = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        raise AssertionError(f"an import loop: {' -> '.join(error.args[1])}") from None
    assert order.index("companion.text") < order.index("companion.importers.pipeline")


NO_PYDANTIC = """
import sys
from companion.catalog import open_program
from companion.cli import run
import companion.ui.app
open_program(sys.argv[1] if len(sys.argv) > 1 else None)
run(["talks"])
assert "pydantic" not in sys.modules, "pydantic was imported"
"""


def test_starting_on_a_program_known_to_be_valid_needs_no_pydantic(
    data_dir: Path, tmp_path: Path
) -> None:
    """Validation (pydantic) costs a tenth of a second before the first frame; only files
    not yet checked pay it: not the bundled program, not a kept copy with its checksum."""
    fixture = str(Path(__file__).parent / "fixtures" / "fosdemish.xml")
    for argv in ([], [fixture], ["devconf-2030"]):  # bundled; an import (pays); its kept copy
        result = run_python(NO_PYDANTIC, *argv)
        if argv == [fixture]:
            assert "pydantic was imported" in result.stderr  # the check itself can fail
        else:
            assert result.returncode == 0, result.stderr


NO_NETWORK_STACK = """
import sys
from companion.cli import run
run(["talks"])
loaded = {"urllib.request", "ssl", "companion.fetching"} & set(sys.modules)
assert not loaded, f"loaded for a command that fetches nothing: {sorted(loaded)}"
"""


def test_a_command_that_fetches_nothing_loads_no_network_stack() -> None:
    """urllib and ssl cost every start about 12 ms; only a URL or `update` needs them."""
    result = run_python(NO_NETWORK_STACK)
    assert result.returncode == 0, result.stderr
