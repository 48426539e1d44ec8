"""Running work on many items: an ordered parallel map that survives dying workers, and a time limit.

* :func:`ordered_map` is ``map(func, items)`` over a process pool, in input order, reading ``items``
  lazily with a bounded window of chunks in flight.
* :func:`resilient_map` is the same for the files of a batch: a worker process that dies (out of
  memory, a crash in C code) costs only the item it was on.
* :func:`time_limit` raises :class:`~gongwen.errors.ParseTimeoutError` when a block runs too long
  (a ``SIGALRM`` timer, POSIX), and :func:`check_timeout` says clearly when it cannot be kept.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from gongwen.errors import GongwenError, ParseTimeoutError

__all__ = ["check_timeout", "ordered_map", "resilient_map", "resolve_workers", "time_limit"]

T = TypeVar("T")
R = TypeVar("R")


def resolve_workers(workers: int | None, count: int | None) -> int:
    """The number of processes to use: ``None`` is every core, never more than ``count`` items."""
    if workers is None:
        workers = os.cpu_count() or 1
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise TypeError(f"workers must be an int or None, got {type(workers).__name__}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1 (or None for all cores), got {workers}")
    if count is not None:
        workers = max(1, min(workers, count))
    return workers


def _default_chunksize(count: int | None, workers: int) -> int:
    if count is None:
        return 4
    return max(1, min(16, count // (workers * 8)))


def _run_chunk(func: Callable[[T], R], chunk: Sequence[T]) -> tuple[list[R], BaseException | None]:
    """Apply ``func`` to each item; on an exception, the results so far and the exception."""
    results: list[R] = []
    for item in chunk:
        try:
            results.append(func(item))
        except Exception as exc:
            return results, exc
    return results, None


def ordered_map(
    func: Callable[[T], R], items: Iterable[T], *, workers: int | None, chunksize: int | None = None
) -> Generator[R, None, None]:
    """``map(func, items)`` over a process pool, in input order, reading ``items`` lazily.

    ``func`` must be picklable (a module-level function). At most a few chunks per worker are in flight,
    so memory stays bounded however long ``items`` is. An exception raised by ``func`` is raised here
    after the results of the items before it have been yielded.
    """
    count = len(items) if isinstance(items, Sequence) else None
    n = resolve_workers(workers, count)
    if n == 1:
        yield from map(func, items)
        return
    size = chunksize if chunksize is not None else _default_chunksize(count, n)
    if size < 1:
        raise ValueError(f"chunksize must be at least 1, got {size}")
    source = iter(items)
    pool = ProcessPoolExecutor(max_workers=n)
    pending: deque[Future[tuple[list[R], BaseException | None]]] = deque()

    def submit() -> bool:
        chunk = list(itertools.islice(source, size))
        if not chunk:
            return False
        pending.append(pool.submit(_run_chunk, func, chunk))
        return True

    try:
        more = True
        while more and len(pending) < n * 4:
            more = submit()
        while pending:
            results, error = pending.popleft().result()
            if more:
                more = submit()
            yield from results
            if error is not None:
                raise error
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def resilient_map(
    func: Callable[[T], R],
    jobs: Sequence[T],
    *,
    crashed: Callable[[T], R],
    workers: int | None,
    chunksize: int | None,
) -> Generator[R, None, None]:
    """``func`` of each job, in order, surviving worker processes that die.

    When a worker dies (killed for memory, a crash in C code), the pool is broken and the jobs in flight
    are lost. The first job without a result is then run alone in a fresh process: if that one dies too,
    ``crashed(job)`` stands for its result; either way the work goes on with a new pool for the rest.
    """
    start = 0
    while start < len(jobs):
        remaining = jobs[start:]
        try:
            for result in ordered_map(func, remaining, workers=workers, chunksize=chunksize):
                start += 1
                yield result
            return
        except BrokenProcessPool:
            pass
        suspect = jobs[start]
        try:
            with ProcessPoolExecutor(max_workers=1) as alone:
                result = alone.submit(func, suspect).result()
        except BrokenProcessPool:
            result = crashed(suspect)
        start += 1
        yield result


@contextlib.contextmanager
def time_limit(seconds: float | None, name: str) -> Iterator[None]:
    """Raise :class:`ParseTimeoutError` in the block if it runs longer than ``seconds`` (``None``: no limit)."""
    if seconds is None:
        yield
        return
    check_timeout(seconds, in_this_thread=True)

    def expired(signum: int, frame: Any) -> None:
        raise ParseTimeoutError(
            f"{name}: parsing took longer than {seconds:g} s (the --timeout); split the file or allow more time"
        )

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_timeout(seconds: float | None, *, in_this_thread: bool) -> None:
    """Raise a clear error if a per-file time limit of ``seconds`` cannot be kept (``in_this_thread``: the
    files are parsed in the calling thread, not in worker processes)."""
    if seconds is None:
        return
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds > 0:
        raise GongwenError(f"timeout must be a number of seconds above 0, got {seconds!r}")
    if not hasattr(signal, "SIGALRM"):
        raise GongwenError("a per-file timeout needs POSIX signals (SIGALRM), which this system lacks: drop it")
    if in_this_thread and threading.current_thread() is not threading.main_thread():
        raise GongwenError(
            "a per-file timeout with workers=1 must run in the main thread: use workers=2 or more, or drop the timeout"
        )
