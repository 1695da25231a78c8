"""Run a function over many items on one core, on every core, or on a Dask cluster.

:func:`map_ordered` yields results in the order of the items whatever runs them, so a
parallel run writes the same bytes as a serial one. Only a few items are in flight at a
time (``IN_FLIGHT_PER_WORKER`` per worker): a long stream of statements never sits in
memory at once. :func:`map_on_two_cores` shares a short list of items with a forked copy of
this process, for work that follows imports too costly to repeat in a fresh worker.
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from analysis.errors import AnalysisError

Item = TypeVar("Item")
Result = TypeVar("Result")

IN_FLIGHT_PER_WORKER = 4
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies
LOCAL_SCHEDULER = "local"


def workers_for(jobs: int) -> int:
    """``jobs`` as given on the command line: 0 means one per core."""
    return jobs if jobs > 0 else os.cpu_count() or 1


def map_ordered(
    func: Callable[[Item], Result],
    items: Iterable[Item],
    jobs: int = 1,
    scheduler: str | None = None,
) -> Iterator[Result]:
    """``func`` over ``items``, results in item order.

    ``scheduler`` None runs ``jobs`` processes (one: in this process); ``"local"`` starts a
    Dask LocalCluster of ``jobs`` worker processes; any other value is the address of a
    running Dask scheduler (``tcp://host:8786``), whose workers need this package installed.
    ``func`` and the items must be picklable.
    """
    if scheduler:
        return _on_dask(func, items, jobs, scheduler)
    if workers_for(jobs) > 1:
        return _on_processes(func, items, workers_for(jobs))
    return map(func, items)


def _in_order(
    submit: Callable[[Item], Future], items: Iterable[Item], window: int
) -> Iterator[Result]:
    """Submit items ahead, at most ``window`` pending, and yield results in order."""
    pending: collections.deque = collections.deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def worker_start() -> None:
    """Run first in every worker process: the worker dies with its parent, even a parent
    killed with SIGKILL (no orphans), and leaves Ctrl-C to the parent, which stops the run
    and reports it in one line (no traceback from each worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before the line above ran
        os._exit(1)


def map_on_two_cores(func: Callable[[Item], Result], items: Iterable[Item]) -> list[Result]:
    """``func`` over ``items``, results in item order, on two cores where there are two: a
    forked child of this process takes every other item, this process the rest.

    The child starts at once with everything this process has imported and built (a fresh
    worker would import them again, seconds for a notebook's kernel); only its results, which
    must be picklable, go back, through a pipe. It leaves Ctrl-C to this process, dies with it
    (:func:`worker_start`) and is killed if this process stops waiting for it, so it never
    outlives the call. Should it fail in any way, this process computes its share itself:
    the results are the same whichever process computed them, and an error in ``func`` is
    raised here, as itself. The child has only the calling thread: ``func`` must need no
    lock that another thread may hold, and its output to the streams goes nowhere. One core,
    or fewer than two items: all in this process.
    """
    items = list(items)
    if len(items) < 2 or workers_for(0) < 2 or not hasattr(os, "fork"):
        return [func(item) for item in items]
    theirs = items[1::2]
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read_end)
        _forked_share(func, theirs, write_end)  # never returns
    os.close(write_end)
    ended = False
    try:
        with os.fdopen(read_end, "rb") as pipe:
            ours = [func(item) for item in items[0::2]]
            data = pipe.read()
        ended = os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) == 0
    finally:
        if not ended:
            _end_child(child)
    their_results = _unpickled(data) if ended else None
    if their_results is None or len(their_results) != len(theirs):
        their_results = [func(item) for item in theirs]
    results: list[Result] = [*ours, *their_results]
    results[0::2], results[1::2] = ours, their_results
    return results


def _forked_share(func: Callable[[Item], Result], items: list[Item], write_end: int) -> None:
    """In the child of :func:`map_on_two_cores`: ``func`` over ``items``, the pickled results
    written to ``write_end``, then exit at once (none of the parent's exit handlers run)."""
    code = 1
    try:
        worker_start()
        # The parent's streams may be a kernel's, sent by its threads, which a fork does not
        # copy; and a collection would walk (so copy) every object inherited.
        sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (ends with the process)
        gc.disable()
        data = pickle.dumps([func(item) for item in items], protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        code = 0
    finally:
        os._exit(code)


def _end_child(child: int) -> None:
    """Kill and reap a child of :func:`map_on_two_cores` that the parent stopped waiting for."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(child, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(child, 0)


def _unpickled(data: bytes) -> list | None:
    try:
        results = pickle.loads(data)
    except Exception:  # a child that died mid-write: its share is computed again
        return None
    return results if isinstance(results, list) else None


def _on_processes(
    func: Callable[[Item], Result], items: Iterable[Item], workers: int
) -> Iterator[Result]:
    # "spawn": a forked child would inherit the parent's threads and locks (pandas, papermill).
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker_start)
    try:
        yield from _in_order(
            lambda item: pool.submit(func, item), items, workers * IN_FLIGHT_PER_WORKER
        )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _on_dask(
    func: Callable[[Item], Result], items: Iterable[Item], jobs: int, scheduler: str
) -> Iterator[Result]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise AnalysisError(
            "--scheduler needs Dask: pip install 'claims-analysis[cluster]'"
        ) from None
    cluster = None
    try:
        if scheduler == LOCAL_SCHEDULER:
            cluster = LocalCluster(
                n_workers=workers_for(jobs),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
        else:
            # Timeout: Dask's setting (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT, 30 s).
            client = Client(scheduler)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise AnalysisError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
    try:
        threads = sum(client.nthreads().values()) or 1
        # pure=False: two identical statements are still two tasks, each with its own result.
        yield from _in_order(
            lambda item: client.submit(func, item, pure=False),
            items,
            threads * IN_FLIGHT_PER_WORKER,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
