"""Type aliases shared across stages."""

from __future__ import annotations

from typing import TypeAlias

import duckdb

Connection: TypeAlias = duckdb.DuckDBPyConnection  # a store, or a cursor on one
