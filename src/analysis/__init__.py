"""Turn the figures in official statements into sourced, tidy tables of claims."""

from analysis.startup import skip_pandera_dask_probe

__version__ = "0.1.0"

skip_pandera_dask_probe()  # before any table model is built (see analysis.startup)
