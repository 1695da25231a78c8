"""analysis.parallel: results in item order, few items in flight, errors reach the caller."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import psutil
import pytest

from analysis.errors import CorpusError
from analysis.parallel import IN_FLIGHT_PER_WORKER, map_on_two_cores, map_ordered, workers_for
from conftest import ROOT


def square(value: int) -> int:
    return value * value


def fail_on_three(value: int) -> int:
    if value == 3:
        raise CorpusError(f"item {value} is bad")
    return value


def test_zero_jobs_means_one_worker_per_core() -> None:
    assert workers_for(0) == (os.cpu_count() or 1)
    assert workers_for(3) == 3


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_item_order(jobs: int) -> None:
    assert list(map_ordered(square, range(40), jobs=jobs)) == [i * i for i in range(40)]


def test_only_a_window_of_items_is_read_ahead() -> None:
    # The items are a lazy stream (statement texts); the pool must not drain it.
    read: list[int] = []

    def items():
        for i in range(10_000):
            read.append(i)
            yield i

    results = map_ordered(square, items(), jobs=2)
    assert next(results) == 0
    assert len(read) == 2 * IN_FLIGHT_PER_WORKER
    results.close()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_worker_error_reaches_the_caller_as_itself(jobs: int) -> None:
    with pytest.raises(CorpusError, match="item 3 is bad"):
        list(map_ordered(fail_on_three, range(10), jobs=jobs))


@pytest.mark.slow
def test_a_local_dask_cluster_gives_the_same_results() -> None:
    results = list(map_ordered(square, range(30), jobs=2, scheduler="local"))
    assert results == [i * i for i in range(30)]


def pid_of(_: int) -> int:
    return os.getpid()


TWO_CORES = pytest.mark.skipif(workers_for(0) < 2, reason="one core: nothing is forked")


def children() -> set[int]:
    """This process's children (earlier tests may leave multiprocessing's resource tracker)."""
    return {p.pid for p in psutil.Process().children()}


@TWO_CORES
def test_two_cores_share_the_items_in_order() -> None:
    before = children()
    assert map_on_two_cores(square, range(9)) == [i * i for i in range(9)]
    pids = map_on_two_cores(pid_of, range(6))
    assert pids[0::2] == [os.getpid()] * 3
    (child,) = set(pids[1::2])
    assert child != os.getpid()
    assert children() == before, "the child outlived the call"


def test_few_items_stay_in_this_process() -> None:
    assert map_on_two_cores(pid_of, [1]) == [os.getpid()]
    assert map_on_two_cores(square, []) == []


def test_an_error_reaches_the_caller_as_itself() -> None:
    before = children()
    with pytest.raises(CorpusError, match="item 3 is bad"):
        map_on_two_cores(fail_on_three, range(6))  # item 3 is the child's
    assert children() == before


@TWO_CORES
def test_a_failed_child_share_is_computed_here_with_the_same_results() -> None:
    parent = os.getpid()

    def unpicklable_in_the_child(value: int) -> object:
        return (lambda: value) if os.getpid() != parent else value

    assert map_on_two_cores(unpicklable_in_the_child, range(5)) == list(range(5))


@TWO_CORES
def test_an_interrupted_caller_leaves_no_child() -> None:
    def interrupted_here(value: int) -> int:
        if value == 2:
            raise KeyboardInterrupt
        time.sleep(0.2 if value % 2 else 0)
        return value

    before = children()
    with pytest.raises(KeyboardInterrupt):
        map_on_two_cores(interrupted_here, range(8))
    assert children() == before


@TWO_CORES
def test_the_child_dies_with_a_killed_parent() -> None:
    # The parent reports its child's pid, then is killed while the child still works.
    script = (
        "import os, sys, time\n"
        "from analysis.parallel import map_on_two_cores\n"
        "def work(value):\n"
        "    if os.getpid() != PARENT:\n"
        "        print(os.getpid(), flush=True, file=sys.__stdout__)\n"
        "    time.sleep(60)\n"
        "PARENT = os.getpid()\n"
        "map_on_two_cores(work, range(2))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    child = psutil.Process(int(process.stdout.readline()))
    process.kill()
    process.wait()
    _, alive = psutil.wait_procs([child], timeout=10)
    assert not alive, "the child outlived its parent"
