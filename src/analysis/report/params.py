"""Notebook parameters: each notebook's ``parameters`` cell declares its own checks.

A parameter is declared as ``name: "Kind" = literal  # help``. The kind names a check of
:data:`KINDS` (``"list[Metric]"``, ``"IsoDate"``, ...) or a plain type (``bool``, ``str``),
and is written as a string so that the cell runs in JupyterLab without imports.
papermill reads the cell (:func:`papermill.inspect_notebook`); the report checks every value
before a notebook runs, and each notebook checks its own values again (:func:`check`), so
JupyterLab users get the same errors. papermill alone only warns about an unknown name and
never checks a type; here both are a :class:`ParameterError` naming the parameter.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.errors import ParameterError
from analysis.schema import ISO_DATE, METRICS, PERIODS, SEVERITIES

Check = Callable[[str, Any], None]  # (parameter name, value) -> None, or ParameterError


def _one_of(known: Collection[str], what: str, empty_ok: bool = False) -> Check:
    def check(name: str, value: Any) -> None:
        if not isinstance(value, str) or (value not in known and not (empty_ok and not value)):
            raise ParameterError(
                f"parameter {name!r}: {value!r} is not a known {what}; known: {', '.join(known)}"
            )

    return check


def _iso_date(name: str, value: Any) -> None:
    if value == "":
        return
    try:
        # fromisoformat alone also takes "20240101", which dates compared as text would miss.
        if not (isinstance(value, str) and re.fullmatch(ISO_DATE, value)):
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        raise ParameterError(f"parameter {name!r}: {value!r} is not a YYYY-MM-DD date") from None


def _text(name: str, value: Any) -> None:
    if not isinstance(value, str):
        raise ParameterError(f"parameter {name!r}: expected text, got {value!r}")


def _flag(name: str, value: Any) -> None:
    if not isinstance(value, bool):
        raise ParameterError(f"parameter {name!r}: expected True or False, got {value!r}")


def _number(name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ParameterError(f"parameter {name!r}: expected a number, got {value!r}")


# The kinds a parameters cell may declare. A StatementId is checked against the statements of
# the tables, when those are known (see :func:`check`).
KINDS: dict[str, Check] = {
    "str": _text,
    "bool": _flag,
    "float": _number,
    "int": _number,
    "Folder": _text,
    "Metric": _one_of(METRICS, "metric"),
    "Period": _one_of(PERIODS, "period", empty_ok=True),
    "Severity": _one_of(SEVERITIES, "severity"),
    "IsoDate": _iso_date,
    "StatementId": _text,
}
# Parameters the report sets itself from its command line (`--tables`), never from `-p`.
SET_BY_REPORT = ("tables", "check_corpus")


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # "Metric", "list[Metric]", "bool" ...
    default: Any
    help: str

    @property
    def is_list(self) -> bool:
        return self.kind.startswith("list[")

    @property
    def item_kind(self) -> str:
        return self.kind[len("list[") : -1] if self.is_list else self.kind


def _kind(name: str, declared: str, where: str) -> str:
    kind = declared.strip().strip("'\"")
    if kind == "None":  # papermill's name for a missing annotation
        raise ParameterError(
            f'{where}: parameter {name!r} declares no kind; write {name}: "Kind" = value'
        )
    item = kind[len("list[") : -1] if kind.startswith("list[") and kind.endswith("]") else kind
    if item not in KINDS:
        raise ParameterError(
            f"{where}: parameter {name!r} declares the unknown kind {declared!r}; "
            f"known: {', '.join(KINDS)}, or list[...] of one"
        )
    return kind


def declared_parameters(notebook_path: str | Path) -> dict[str, Parameter]:
    """The parameters a notebook declares, read from its ``parameters`` cell by papermill."""
    import papermill  # imported here: a second of start-up that kernels do not need

    path = Path(notebook_path)
    try:
        found = papermill.inspect_notebook(str(path))
    except Exception as exc:  # papermill raises plain errors for unreadable notebooks
        raise ParameterError(f"{path}: cannot read the parameters cell ({exc})") from None
    declared = {}
    for name, spec in found.items():
        kind = _kind(name, spec["inferred_type_name"], str(path))
        try:
            default = ast.literal_eval(spec["default"])
        except ValueError:
            raise ParameterError(f"{path}: parameter {name!r} must be a plain literal") from None
        declared[name] = Parameter(name, kind, default, spec["help"])
    return declared


def _check_value(parameter: Parameter, value: Any) -> None:
    check = KINDS[parameter.item_kind]
    if not parameter.is_list:
        check(parameter.name, value)
        return
    if not isinstance(value, list):  # a tuple would reach the kernel as a string
        raise ParameterError(
            f"parameter {parameter.name!r}: expected a list such as [{value!r}], got {value!r}"
        )
    for item in value:
        check(parameter.name, item)


def check_values(
    declared: Mapping[str, Parameter],
    values: Mapping[str, Any],
    statement_ids: Collection[str] | None = None,
) -> None:
    """Check ``values`` against their declarations: unknown names, kinds, statement ids
    (when ``statement_ids`` is given) and the order of a date window."""
    for name, value in values.items():
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise ParameterError(f"unknown parameter {name!r} (declared: {known})")
        parameter = declared[name]
        _check_value(parameter, value)
        if parameter.item_kind == "StatementId" and statement_ids is not None:
            for item in value if parameter.is_list else [value]:
                if item and item not in statement_ids:
                    raise ParameterError(
                        f"parameter {name!r}: {item!r} is not a statement_id of the tables"
                    )
    dates = [v for n, v in values.items() if declared[n].kind == "IsoDate" and v]
    if len(dates) == 2 and dates[0] > dates[1]:
        first, last = (n for n in values if declared[n].kind == "IsoDate")
        raise ParameterError(f"parameters {first!r} {dates[0]} is after {last!r} {dates[1]}")


def check(
    annotations: Mapping[str, Any],
    namespace: Mapping[str, Any],
    statement_ids: Collection[str] | None = None,
) -> None:
    """Check a notebook's parameters in its own kernel (papermill or JupyterLab).

    ``annotations`` is the notebook's ``__annotations__`` (the kinds its parameters cell
    declares) and ``namespace`` its ``globals()`` (their current values).
    """
    declared = {
        name: Parameter(
            name, _kind(name, getattr(kind, "__name__", str(kind)), "notebook"), None, ""
        )
        for name, kind in annotations.items()
    }
    check_values(declared, {name: namespace[name] for name in declared}, statement_ids)


def validate(
    notebook_path: str | Path,
    given: Mapping[str, Any],
    statement_ids: Collection[str] | None = None,
    declared: Mapping[str, Parameter] | None = None,
) -> dict[str, Any]:
    """Validate ``given`` against a notebook's declared parameters (``declared``, when the
    caller has read them already with :func:`declared_parameters`); return the full set."""
    if declared is None:
        declared = declared_parameters(notebook_path)
    merged = {name: p.default for name, p in declared.items()} | dict(given)
    try:
        check_values(declared, merged, statement_ids)
    except ParameterError as exc:
        raise ParameterError(f"{notebook_path}: {exc}") from None
    return merged
