"""Turn the figures in official statements into sourced, tidy tables of claims."""

import sys
import types

__version__ = "0.1.0"

# pandera probes for Dask support by importing dask.dataframe the first time a model is
# built: half a second and some 30 MB in every process and kernel that validates a table,
# for Dask frames this package never validates (`--scheduler` uses Dask only to run
# tasks). A module that says "not installed" ends the probe; a process that imported
# pandera's Dask types before this package keeps them.
if "pandera.typing.dask" not in sys.modules:
    _no_dask_types = types.ModuleType("pandera.typing.dask")
    _no_dask_types.DASK_INSTALLED = False  # type: ignore[attr-defined]
    sys.modules["pandera.typing.dask"] = _no_dask_types
