"""A running process tree's memory, sampled with psutil: shared by the speed and
batch benchmarks and the batch memory test.

Every helper answers for a process that has exited (or become unreadable)
between two samples instead of raising: 0 bytes, no children.
"""

from __future__ import annotations

import psutil

GONE = (psutil.NoSuchProcess, psutil.AccessDenied)  # psutil.ZombieProcess is a NoSuchProcess
"""What psutil raises for a process that exited (or became unreadable) between two samples."""


def rss(process: psutil.Process) -> int:
    """Resident bytes of one process now, 0 once it is gone."""
    try:
        return int(process.memory_info().rss)
    except GONE:
        return 0


def children(process: psutil.Process, recursive: bool = False) -> list[psutil.Process]:
    """The process's children (all its descendants with `recursive`), none once it is gone."""
    try:
        return list(process.children(recursive=recursive))
    except GONE:
        return []


def process_tree(root: psutil.Process) -> list[psutil.Process]:
    """`root` and all its descendants."""
    return [root, *children(root, recursive=True)]
