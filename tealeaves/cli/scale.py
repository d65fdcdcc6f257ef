"""``tealeaves run``: code a corpus on a Dask cluster into a Parquet dataset."""

from __future__ import annotations

import click

from tealeaves.settings import load_settings


@click.command("run")
@click.argument("corpus", nargs=-1, required=True)
@click.option("--out", "out", required=True, help="Output folder or fsspec URL of the Parquet dataset.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes of the local Dask cluster (default: the workers setting).")
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option("--partition-mb", type=click.IntRange(min=1), default=16, show_default=True, help="Size of the byte ranges JSON Lines files are cut into.")
@click.option("--no-prefilter", is_flag=True, help="Parse every sentence (slower; for comparison).")
def run_cmd(corpus: tuple[str, ...], out: str, workers: int | None, scheduler: str | None, partition_mb: int, no_prefilter: bool) -> None:
    """Code CORPUS (JSON Lines, WARC or folders; local paths or fsspec URLs) on Dask into OUT:
    events as Parquet partitioned by month (OUT/events/month=YYYY-MM/), documents in
    OUT/documents/. Finished partitions are skipped on a re-run. Load the result into a store
    with `tealeaves ingest --from-parquet OUT`."""
    from tealeaves import scale

    if workers and scheduler:
        raise click.UsageError("give --workers (local cluster) or --scheduler (running cluster), not both")
    settings = load_settings(prefilter=False if no_prefilter else None)

    def show(counts: dict[str, object]) -> None:
        click.echo(f"partition {counts['partition']}: {counts['documents']} documents, {counts['events']} events", err=True)

    report = scale.run(list(corpus), out, workers=workers, scheduler=scheduler, settings=settings,
                       partition_bytes=partition_mb << 20, on_partition=show)
    click.echo(f"{report.summary} -> {out}")
