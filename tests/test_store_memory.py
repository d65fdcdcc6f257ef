"""A store file's DuckDB memory is capped by the settings, so long runs stay the same size."""

import pytest

from tealeaves import store
from tealeaves.errors import StoreError


def test_store_file_takes_the_memory_cap(tmp_path, monkeypatch):
    monkeypatch.setenv("TEALEAVES_STORE_MEMORY", "96MB")
    con = store.connect(tmp_path / "capped.duckdb")
    limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit.endswith("MiB") and 80 < float(limit.split()[0]) < 100
    monkeypatch.setenv("TEALEAVES_STORE_MEMORY", "a lot")
    with pytest.raises(StoreError, match="store_memory"):
        store.connect(tmp_path / "other.duckdb")
