"""The TOML skeletons in ``templates/``, shipped inside the package, and filling them in.

A template is a valid TOML file whose comments are the worksheet's questions. Filling
it replaces the value after ``key =`` (or uncomments ``# key =``) in the right table
with a value given on the command line, so the editor opens on what is already known.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

from pdsa.errors import PdsaError
from pdsa.store.toml_layout import value_text

KINDS = ("programme", "project", "measure", "cycle", "do", "study", "act")
_HEADER = re.compile(r"^\s*(#\s*)?\[\[?\s*([A-Za-z0-9_.]+)\s*\]\]?\s*$")
_ASSIGN = re.compile(r"^(\s*)(#\s*)?([A-Za-z0-9_]+)\s*=\s*(.*)$")


def template_text(kind: str) -> str:
    """The text of ``templates/<kind>.toml``."""
    if kind not in KINDS:
        raise ValueError(f"no template called {kind!r}")
    name = f"{kind}.toml"
    packaged = resources.files("pdsa").joinpath("templates", name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # Running from a source checkout (an editable install): the repository's folder.
    source = Path(__file__).resolve().parents[3] / "templates" / name
    try:
        return source.read_text(encoding="utf-8")
    except OSError:
        raise PdsaError(f"the template {name} is missing from this installation") from None


def fill(template: str, values: dict[str, Any]) -> str:
    """The template with ``values`` (keyed by dotted path, e.g. ``plan.objective``) put in.

    Only keys outside arrays of tables are filled; unknown paths are ignored.
    """
    table = ""
    in_array_table = False
    lines = []
    for line in template.splitlines():
        header = _HEADER.match(line)
        if header and not header.group(1):
            table = header.group(2)
            in_array_table = line.lstrip().startswith("[[")
        elif header:
            in_array_table = True
        assign = _ASSIGN.match(line)
        if assign and not in_array_table:
            indent, _, key, _ = assign.groups()
            path = f"{table}.{key}" if table else key
            if path in values:
                line = f"{indent}{key} = {value_text(values[path])}"
        lines.append(line)
    return "\n".join(lines) + "\n"
