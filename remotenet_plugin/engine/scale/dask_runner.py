"""Running chunk jobs: one after another in this process, or as tasks on a Dask cluster.

Dask (``dask.distributed``) is optional: ``pip install "dask[distributed]"`` (the ``cluster``
extra). RemoteNet only connects to a scheduler the user started; it never starts one, because a
scheduler runs whatever code its clients send (docs/cluster.md, "Security").
"""
from __future__ import annotations

import time
import uuid
from typing import Any, Callable, Optional

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.options import EngineError, SegmentCancelled
from ..prepare.check import DASK_MISSING, scheduler_address

CONNECT_TIMEOUT_S = 5


class LocalRunner:
    """Jobs in this process, in order, with progress inside each job."""

    name = "this process"

    def map(self, jobs: list[Any], local: Callable[[Any, Callable[[float], None]], Any], remote: Callable[[Any], Any],
            done: Callable[[int, Any], None], cancelled: Callable[[], bool],
            progress: Callable[[int, float], None]) -> None:
        """``local(job, fraction_done)`` for each job in turn; ``done(i, result)`` after each."""
        for i, job in enumerate(jobs):
            if cancelled():
                raise SegmentCancelled("segmentation cancelled; no output was kept")
            done(i, local(job, lambda f, i=i: progress(i, f)))

    def close(self) -> None:
        pass


class DaskRunner:
    """Jobs as tasks on a Dask cluster; results as they finish; cancel cancels the futures."""

    def __init__(self, address: str, tls: Optional[dict], log: Callable[[str], None]):
        try:
            from distributed import Client
        except ImportError as err:
            raise EngineError(DASK_MISSING, "scheduler") from err
        self.address = scheduler_address(address)
        security = None
        if tls:
            from distributed.security import Security

            security = Security(tls_ca_file=tls.get("ca_file"), tls_client_cert=tls.get("cert"),
                                tls_client_key=tls.get("key"), require_encryption=True)
        t0 = time.perf_counter()
        try:  # security None: distributed's own configuration (DASK_DISTRIBUTED__COMM__TLS__* variables)
            self.client = Client(self.address, timeout=CONNECT_TIMEOUT_S, set_as_default=False, security=security)
        except (TypeError, ValueError) as err:  # distributed's words for "tls:// without certificates"
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "cannot connect to {address}: {err}. A tls:// scheduler needs this cluster's CA "
                "certificate, a client certificate and its key: give them (command line: --tls-ca-file, --tls-cert, "
                "--tls-key), or set DASK_DISTRIBUTED__COMM__TLS__CA_FILE and "
                "DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT/KEY").format(
                address=self.address, err=err), "scheduler") from err
        except (OSError, TimeoutError) as err:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "cannot reach the Dask scheduler at {address} within {connect_timeout_s} s ({err}); "
                "check the address and that `dask scheduler` is running there").format(
                address=self.address, connect_timeout_s=CONNECT_TIMEOUT_S, err=err), "scheduler"
                              ) from err
        workers = self.client.scheduler_info().get("workers", {})
        self.name = f"Dask scheduler {self.address}"
        log(QT_TRANSLATE_NOOP(
            "RemoteNet",
            "connected to the Dask scheduler {address} in {value:.1f} s: {workers_count} worker(s)").format(
            address=self.address, value=time.perf_counter() - t0, workers_count=len(workers)))
        if not workers:
            log(QT_TRANSLATE_NOOP(
                "RemoteNet", "the scheduler has no workers yet; the chunks wait until a worker joins"))
        self.token = uuid.uuid4().hex[:8]

    def map(self, jobs: list[Any], local: Callable[[Any, Callable[[float], None]], Any], remote: Callable[[Any], Any],
            done: Callable[[int, Any], None], cancelled: Callable[[], bool],
            progress: Callable[[int, float], None]) -> None:
        """``remote(job)`` as one task per job (importable by name on the workers); ``done(i, result)``
        as each finishes, in any order. A task whose worker died runs again elsewhere (Dask's own)."""
        name = getattr(remote, "__name__", "job")
        futures = [self.client.submit(remote, job, key=f"remotenet-{name}-{self.token}-{i}", pure=False)
                   for i, job in enumerate(jobs)]
        index = {f.key: i for i, f in enumerate(futures)}
        pending = set(futures)
        try:
            while pending:
                if cancelled():
                    raise SegmentCancelled("segmentation cancelled; the cluster's tasks were cancelled and no "
                                           "output was kept")
                finished = [f for f in futures if f in pending and f.done()]
                if not finished:
                    time.sleep(0.1)
                    continue
                for future in finished:
                    pending.discard(future)
                    done(index[future.key], future.result())  # re-raises the task's error here
        except BaseException:
            self.client.cancel(list(pending))
            raise

    def close(self) -> None:
        self.client.close()

