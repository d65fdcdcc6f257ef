"""The exceptions tealeaves raises.

    TealeavesError                  base class; the CLI prints its message, never a traceback
    ├── InputError                  a file, record or argument the user gave cannot be used
    │   ├── DecodeError             bytes that are not text in a supported encoding
    │   └── serve.queries.NotFound  an API request names an event, document or actor that is not there
    ├── DataError                   a package or user data file is malformed
    ├── StoreError                  the DuckDB store cannot be opened, is locked or is inconsistent
    ├── ModelError                  the spaCy pipeline cannot be loaded
    ├── ingest.watch.FetchError     a feed could not be fetched (the watcher retries next round)
    ├── parallel.WorkerError        a helper process of `--workers` died
    └── scale.ClusterError          the Dask cluster could not be reached or a partition failed

The stage-specific ones live beside the code that raises them.

Messages say what to do next, e.g. "file X is not UTF-8; try --encoding latin-1".
"""

from __future__ import annotations


class TealeavesError(Exception):
    """Base class for every error tealeaves raises on purpose."""


class InputError(TealeavesError):
    """A file, record or argument given by the user cannot be used."""


class DecodeError(InputError):
    """Bytes that cannot be decoded as text."""


class DataError(TealeavesError):
    """A data file (package or user) is malformed."""


class StoreError(TealeavesError):
    """The store cannot be opened, is locked, or holds something unexpected."""


class ModelError(TealeavesError):
    """The NLP model cannot be loaded."""
