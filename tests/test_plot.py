"""Charts: the dyad chart and the network chart are written as real images, also from the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import doc_row, event, put, story

from tealeaves import store
from tealeaves.errors import InputError
from tealeaves.plot import network_edges, period_range

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "plot.duckdb"
    con = store.connect(path)
    spec = [("2016-10-03", "046", "USA", "RUS"), ("2016-10-10", "138", "RUS", "USA"), ("2016-10-11", "190", "RUSMIL", "SYRREB"),
            ("2016-10-12", "042", "FRA", "RUS"), ("2016-10-19", "057", "FRA", "USA"), ("2016-09-20", "111", "TUR", "USA")]
    rows, evs = [], []
    for i, (d, code, s, t) in enumerate(spec):
        rows.append(doc_row(f"p{i}", story(f"plot {i}"), d, f"Outlet {i}"))
        evs.append(event(f"p{i}", 0, s, code, t, d))
    put(con, rows, evs)
    con.close()
    return path


def test_dyad_and_network_charts_from_the_cli(db: Path, tmp_path: Path, runner: Any) -> None:
    from tealeaves.cli import main

    chart, net = tmp_path / "chart.png", tmp_path / "net.png"
    res = runner.invoke(main, ["plot", "dyad", "USA", "RUS", "-o", str(chart), "--db", str(db)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["plot", "network", "--period", "2016-10", "-o", str(net), "--db", str(db)])
    assert res.exit_code == 0, res.output
    for f in (chart, net):
        assert f.read_bytes()[:8] == PNG and f.stat().st_size > 10_000


def test_network_edges_cover_the_period_only(db: Path) -> None:
    con = store.connect(db)
    edges = {(a, b): (n, g) for a, b, n, g in network_edges(con, *period_range("2016-10"))}
    con.close()
    assert set(edges) == {("RUS", "USA"), ("RUS", "SYR"), ("FRA", "RUS"), ("FRA", "USA")}  # TUR-USA was in September
    assert edges[("RUS", "USA")][0] == 2


def test_empty_dyad_still_draws_and_bad_period_is_an_input_error(db: Path, tmp_path: Path) -> None:
    from tealeaves.plot import dyad_chart

    con = store.connect(db)
    out = dyad_chart(con, "CHN", "BRA", tmp_path / "empty.png")
    assert out.read_bytes()[:8] == PNG
    with pytest.raises(InputError, match="YYYY-MM"):
        period_range("October")
    con.close()
