"""Errors the user can act on: each prints as one line naming the file, row or parameter."""


class AnalysisError(Exception):
    """Base class for every error the command line reports without a traceback."""


class CorpusError(AnalysisError):
    """A corpus folder, its manifest or one of its statement files is unusable."""


class AnnotationError(AnalysisError):
    """``annotations.yml`` is malformed or no longer matches the raw text."""


class ParameterError(AnalysisError):
    """A notebook or command-line parameter is unknown, mistyped or out of range."""


class NotebookError(AnalysisError):
    """A notebook failed while it ran."""


class TablesError(AnalysisError):
    """A tables folder is missing, malformed, or older than its corpus."""


class OutputError(AnalysisError):
    """An output folder cannot be written: it is a file, or another run is writing to it."""
