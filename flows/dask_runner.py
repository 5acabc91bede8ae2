"""Shard tasks on Dask workers that report to the flow's own Prefect API.

A Dask worker runs each task under the settings the flow process serialized with it. Without a
Prefect server configured, those settings name no API, so every worker process started a
temporary API server of its own: a start-up of seconds per worker, task runs recorded where the
flow never looks, and (with an external cluster) a server left running under each worker after
the run. This runner names the flow's API in those settings, so workers start nothing.
"""

from __future__ import annotations

import importlib
import os

import distributed

from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect_dask import DaskTaskRunner

# Loopback only, one single-threaded process per core; the scheduler's HTTP endpoint on a free
# port (its default, 8787, collides with any other cluster on the machine) and no dashboard.
LOCAL_CLUSTER = {
    "n_workers": os.cpu_count() or 2,
    "threads_per_worker": 1,
    "processes": True,
    "host": "127.0.0.1",
    "dashboard_address": None,
    "scheduler_kwargs": {"dashboard_address": "127.0.0.1:0"},
}


class FlowAPIDaskTaskRunner(DaskTaskRunner):
    """A DaskTaskRunner whose tasks run against the API of the flow that started it, on
    workers that are up and have the pipeline's code imported before the first stage starts."""

    def __enter__(self):
        super().__enter__()
        if _on_dask_worker():  # Prefect re-enters the flow's runner around every task it runs there
            return self
        if not PREFECT_API_URL.value():
            self._exit_stack.enter_context(temporary_settings({PREFECT_API_URL: _flow_api_url()}))
        # Without this the first stage pays for starting the cluster and for every worker's
        # first import of the transforms (seconds each on a busy machine).
        self.client.run(importlib.import_module, "flows.stages")
        return self


def _on_dask_worker() -> bool:
    try:
        distributed.get_worker()
    except ValueError:
        return False
    return True


def _flow_api_url() -> str:
    """The temporary server this process started for the flow run (one per process, so asking
    for it again returns the running one)."""
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    return server.api_url


def dask_runner(address: str | None) -> FlowAPIDaskTaskRunner:
    """The scheduler at ``address``, or a LocalCluster started (and stopped) with the flow."""
    if address:
        return FlowAPIDaskTaskRunner(address=address)
    return FlowAPIDaskTaskRunner(cluster_kwargs=LOCAL_CLUSTER)
