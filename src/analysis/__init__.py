"""Turn the figures in official statements into sourced, tidy tables of claims."""

__version__ = "0.1.0"
