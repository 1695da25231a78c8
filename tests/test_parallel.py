"""analysis.parallel: results in item order, few items in flight, errors reach the caller."""

from __future__ import annotations

import os

import pytest

from analysis.errors import CorpusError
from analysis.parallel import IN_FLIGHT_PER_WORKER, map_ordered, workers_for


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
