"""Start-up time: optional imports that other packages make and this one never needs.

The one home of the package's interventions in ``sys.modules``. Each costs seconds or tens of
megabytes in every process and kernel, for a feature the package does not use; each is undone
by importing the real module first.
"""

from __future__ import annotations

import sys
import types


def skip_pandera_dask_probe() -> None:
    """Keep pandera from importing dask.dataframe the first time a model is built.

    pandera probes for Dask support: half a second and some 30 MB in every process that
    validates a table, for Dask frames this package never validates (``--scheduler`` uses
    Dask only to run tasks). A module that says "not installed" ends the probe; a process that
    imported pandera's Dask types before this package keeps them.
    """
    if "pandera.typing.dask" not in sys.modules:
        no_dask_types = types.ModuleType("pandera.typing.dask")
        no_dask_types.DASK_INSTALLED = False  # type: ignore[attr-defined]
        sys.modules["pandera.typing.dask"] = no_dask_types


def skip_iri_checker() -> None:
    """Keep jsonschema (imported by nbformat) from loading its optional IRI syntax checker.

    The checker, rfc3987_syntax (which JupyterLab's server brings in), compiles 38 grammars
    when imported: over a second in every process. No notebook schema uses the formats it
    checks. Call it before anything imports nbformat.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
