"""Start-up time: optional imports that other packages make and this one never needs, and
imports a kernel makes before its notebook asks for them; how often the short-lived
processes of a report collect garbage (:func:`collect_less`), and the time a command takes
to exit (:func:`skip_final_collection`).

The one home of the package's interventions in ``sys.modules``. Each skipped import costs
seconds or tens of megabytes in every process and kernel, for a feature the package does not
use; each is undone by importing the real module first. :func:`preload` moves a kernel's
imports to the time it waits for the tables.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import sys
import types
from collections.abc import Iterable


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


def preload(modules: Iterable[str]) -> None:
    """Import ``modules`` now, binding no name: a kernel started while the report extracts
    the tables imports its notebook's modules meanwhile, and its cells find them loaded.

    A name that is no module (``from module import function``) or a module that fails to
    import is skipped: the notebook's own import statement reports the failure, where it
    belongs.
    """
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # the notebook's own import reports it
            continue


def prepare_kernel(modules: Iterable[str]) -> None:
    """What a report's kernel does as it starts: :func:`collect_less`, then :func:`preload`
    its notebook's ``modules``."""
    collect_less()
    preload(modules)


def preload_line(modules: Iterable[str]) -> str:
    """One line of Python for a kernel's ``exec_lines`` that calls :func:`prepare_kernel`
    with ``modules`` and leaves the notebook's namespace as it was (the expression is None,
    so nothing is displayed or stored)."""
    return f"__import__({__name__!r}).startup.prepare_kernel({tuple(modules)!r})"


# Allocations between two collections of the youngest objects, and collections of each
# generation between two of the next (Python's defaults: 700, 10, 10).
COLLECTION_THRESHOLDS = (10_000, 10, 10)


def collect_less() -> None:
    """Collect garbage less often in a process that imports much and runs briefly: the
    command line and a report's kernels.

    Python's default thresholds suit a long-running program: here the imports alone make
    millions of objects that live as long as the process, and each collection walks the
    young ones again, each full collection all of them (a fifth of a second in a kernel
    that draws charts, more in the command that builds the reports). Garbage is still
    collected, in larger batches.
    """
    gc.set_threshold(*COLLECTION_THRESHOLDS)


def skip_final_collection() -> None:
    """Let this process end without collecting its garbage one last time.

    At exit Python collects every object still alive, and frees them one by one as it tears
    the modules down: with pandas, papermill and nbconvert loaded, a third of a second after
    the last output is written. Everything the process wrote is closed and flushed by then,
    so the objects are frozen (excluded from collection) as it exits, and it ends at once.
    Call it only where the process ends after the caller returns (the command line), never in
    a process that goes on working.
    """
    atexit.register(gc.freeze)
